//! Finding every match of a query in a text or an article.

use std::ops::Range;

use super::normalize::Normalized;
use super::query::Query;
use crate::core::model::{Article, Field};

/// One highlighted match in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which text of the article.
    pub field: Field,
    /// Byte range in that field's original text.
    pub range: Range<usize>,
}

/// All matches of a query in one article, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMatches {
    pub hits: Vec<Hit>,
}

impl ArticleMatches {
    /// Number of matches.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The matches inside `field`, with their global indexes (for marking
    /// the current one).
    pub fn in_field(&self, field: Field) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        let start = self.hits.partition_point(|h| h.field < field);
        self.hits[start..]
            .iter()
            .take_while(move |h| h.field == field)
            .enumerate()
            .map(move |(i, h)| (start + i, h.range.clone()))
    }
}

/// Every non-overlapping occurrence of each term in the normalised text,
/// mapped to original byte ranges, sorted, with overlaps between terms merged.
/// The second value says which terms occurred at least once (bit per term).
pub fn find_in_text(text: &Normalized, query: &Query) -> (Vec<Range<usize>>, u64) {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut seen = 0u64;
    for (t, term) in query.terms.iter().enumerate() {
        let mut from = 0;
        while let Some(at) = text.text[from..].find(term.as_str()) {
            let start = from + at;
            let end = start + term.len();
            found.push(text.original_range(start..end));
            seen |= 1 << t.min(63);
            from = end;
        }
    }
    found.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    (merged, seen)
}

/// Finds the query in every field of `article`. Terms must all occur
/// somewhere in the article (AND); otherwise there are no matches at all.
pub fn find_in_article(article: &Article, query: &Query) -> ArticleMatches {
    if query.is_empty() {
        return ArticleMatches::default();
    }
    let all = if query.terms.len() >= 64 {
        u64::MAX
    } else {
        (1u64 << query.terms.len()) - 1
    };
    let mut seen = 0u64;
    let mut hits = Vec::new();
    let mut fields = article.fields();
    fields.sort_by_key(|(f, _)| *f);
    for (field, text) in fields {
        let (ranges, field_seen) = find_in_text(&Normalized::new(&text), query);
        seen |= field_seen;
        hits.extend(ranges.into_iter().map(|range| Hit { field, range }));
    }
    if seen != all {
        hits.clear();
    }
    ArticleMatches { hits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::parse_query;

    #[test]
    fn finds_every_occurrence_on_original_text() {
        let text = "APP打卡，ａｐｐ打卡";
        let (ranges, _) = find_in_text(&Normalized::new(text), &parse_query("app打卡"));
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["APP打卡", "ａｐｐ打卡"]);
    }

    #[test]
    fn merges_overlapping_terms() {
        let text = "高质量发展";
        let (ranges, seen) = find_in_text(&Normalized::new(text), &parse_query("质量 量发"));
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "质量发");
        assert_eq!(seen, 0b11);
    }
}
