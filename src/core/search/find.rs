//! Finding every match of a query in a text or an article.

use std::ops::Range;

use super::index::radix_sort;
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

/// Start offsets of the non-overlapping occurrences of `term` in `hay`,
/// leftmost first (the next search starts where a match ends).
pub fn occurrences<'a>(hay: &'a str, term: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        if term.is_empty() || from > hay.len() {
            return None;
        }
        let at = from + hay[from..].find(term)?;
        from = at + term.len();
        Some(at)
    })
}

/// The matches of `terms` in `text`, as original byte ranges, sorted, with
/// overlaps between terms merged; and which terms occurred.
fn find_terms(text: &Normalized, terms: &[String]) -> (Vec<Range<usize>>, Vec<bool>) {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut seen = vec![false; terms.len()];
    for (t, term) in terms.iter().enumerate() {
        for start in occurrences(&text.text, term) {
            found.push(text.original_range(start..start + term.len()));
            seen[t] = true;
        }
    }
    if terms.len() > 1 {
        let mut keys: Vec<u64> = found
            .iter()
            .map(|r| (r.start as u64) << 32 | r.end as u64)
            .collect();
        radix_sort(&mut keys);
        found = keys
            .into_iter()
            .map(|k| (k >> 32) as usize..(k as u32) as usize)
            .collect();
    }
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    (merged, seen)
}

/// Every non-overlapping occurrence of each term in the normalised text,
/// mapped to original byte ranges, sorted, with overlaps between terms merged.
/// The terms are folded for variants when `text` was. The second value says
/// which terms occurred at least once (bit `t` for term `t`, the first 64).
pub fn find_in_text(text: &Normalized, query: &Query) -> (Vec<Range<usize>>, u64) {
    let terms = query.terms_for(text.variants());
    let (ranges, seen) = find_terms(text, &terms);
    let bits = seen
        .iter()
        .take(64)
        .enumerate()
        .fold(0u64, |acc, (t, &s)| acc | (u64::from(s) << t));
    (ranges, bits)
}

/// An article's texts normalised once, so that find-in-article does no
/// per-keystroke normalisation (it matters on a 1 MB article).
#[derive(Clone, Debug, Default)]
pub struct PreparedArticle {
    fields: Vec<(Field, Normalized)>,
    variants: bool,
}

impl PreparedArticle {
    /// Normalises every field of `article` (folding simplified and
    /// traditional forms together when `variants` is set).
    pub fn new(article: &Article, variants: bool) -> Self {
        let mut fields: Vec<(Field, Normalized)> = article
            .fields()
            .into_iter()
            .map(|(f, text)| (f, Normalized::with_variants(&text, variants)))
            .collect();
        fields.sort_by_key(|(f, _)| *f);
        PreparedArticle { fields, variants }
    }

    /// Whether the texts were folded for variants.
    pub fn variants(&self) -> bool {
        self.variants
    }

    /// Every match of `query`, in field order. Terms must all occur
    /// somewhere in the article (AND); otherwise there are no matches.
    pub fn find(&self, query: &Query) -> ArticleMatches {
        if query.is_empty() {
            return ArticleMatches::default();
        }
        let terms = query.terms_for(self.variants);
        let mut seen = vec![false; terms.len()];
        let mut hits = Vec::new();
        for (field, text) in &self.fields {
            let (ranges, field_seen) = find_terms(text, &terms);
            for (s, f) in seen.iter_mut().zip(field_seen) {
                *s |= f;
            }
            hits.extend(ranges.into_iter().map(|range| Hit {
                field: *field,
                range,
            }));
        }
        if seen.contains(&false) {
            hits.clear();
        }
        ArticleMatches { hits }
    }
}

/// Finds the query in every field of `article` (folding simplified and
/// traditional forms together when `query.variants` is set). Terms must all
/// occur somewhere in the article (AND); otherwise there are no matches.
pub fn find_in_article(article: &Article, query: &Query) -> ArticleMatches {
    PreparedArticle::new(article, query.variants).find(query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::{parse_query, parse_query_with};

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

    #[test]
    fn counts_non_overlapping_occurrences() {
        assert_eq!(occurrences("哈哈哈哈哈", "哈哈").count(), 2);
        assert_eq!(occurrences("", "a").count(), 0);
    }

    #[test]
    fn variants_fold_when_asked() {
        let text = "推動高質量發展";
        let q = parse_query_with("质量 发展", true);
        let (ranges, seen) = find_in_text(&Normalized::with_variants(text, true), &q);
        assert_eq!(seen, 0b11);
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["質量", "發展"]);
        let (ranges, _) = find_in_text(&Normalized::new(text), &q);
        assert!(ranges.is_empty());
    }
}
