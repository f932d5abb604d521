//! Collection search: every article that contains all terms, ranked, with
//! a snippet around its first match.

use std::ops::Range;

use super::find::find_in_text;
use super::normalize::{normalize_str, Normalized};
use super::query::Query;
use crate::core::model::{Article, Field};

/// Weight of one match in the title.
const TITLE_WEIGHT: f64 = 100.0;
/// Weight of one match in a section heading.
const HEADING_WEIGHT: f64 = 20.0;
/// Weight of one match in the body (lead, paragraphs, lists, captions).
const BODY_WEIGHT: f64 = 1.0;
/// Bonus for a body match at the very start, falling linearly to 0 at the end.
const EARLY_BONUS: f64 = 10.0;
/// Characters of context before the first match in a snippet.
const SNIPPET_BEFORE: usize = 24;
/// Characters in a snippet in all.
const SNIPPET_LEN: usize = 90;

/// Separates fields in the prepared body so no match spans two fields.
const FIELD_SEP: char = '\u{1f}';

/// One article, prepared for matching.
#[derive(Clone, Debug)]
struct Prepared {
    title: String,
    headings: String,
    body: String,
}

/// A search hit in a collection.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedHit {
    /// Index of the article in the indexed list.
    pub index: usize,
    /// The article's id.
    pub id: String,
    /// Higher is better; see [`SearchIndex::search`].
    pub score: f64,
    /// A short extract of the article around its first match.
    pub snippet: String,
    /// Byte ranges of matches in `snippet`.
    pub marks: Vec<Range<usize>>,
    /// Byte ranges of matches in the title.
    pub title_marks: Vec<Range<usize>>,
}

/// An index over many articles, searched with the same matching as the
/// find-in-article highlight.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    articles: Vec<Article>,
    prepared: Vec<Prepared>,
}

fn count(hay: &str, term: &str) -> (usize, Option<usize>) {
    let mut n = 0;
    let mut first = None;
    let mut from = 0;
    while let Some(at) = hay[from..].find(term) {
        first.get_or_insert(from + at);
        n += 1;
        from += at + term.len();
    }
    (n, first)
}

impl SearchIndex {
    /// Prepares `articles` for searching (normalises every text once).
    pub fn new(articles: Vec<Article>) -> Self {
        let prepared = articles
            .iter()
            .map(|a| {
                let mut headings = String::new();
                let mut body = String::new();
                for (field, text) in a.fields() {
                    let target = match field {
                        Field::Title => continue,
                        Field::Block(n) if a.headings().any(|(h, _, _)| h == n) => &mut headings,
                        _ => &mut body,
                    };
                    target.push_str(&normalize_str(&text));
                    target.push(FIELD_SEP);
                }
                Prepared {
                    title: normalize_str(&a.title),
                    headings,
                    body,
                }
            })
            .collect();
        SearchIndex { articles, prepared }
    }

    /// The indexed articles.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Articles containing every term (in any of their texts), best first.
    ///
    /// Score = Σ over terms of 100 × title matches + 20 × heading matches +
    /// 1 × body matches + 10 × (1 − position of the first body match ÷ body
    /// length). Ties keep collection order.
    pub fn search(&self, query: &Query) -> Vec<RankedHit> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(usize, f64)> = Vec::new();
        'docs: for (i, p) in self.prepared.iter().enumerate() {
            let mut score = 0.0;
            for term in &query.terms {
                let (t, _) = count(&p.title, term);
                let (h, _) = count(&p.headings, term);
                let (b, first) = count(&p.body, term);
                if t + h + b == 0 {
                    continue 'docs;
                }
                score +=
                    TITLE_WEIGHT * t as f64 + HEADING_WEIGHT * h as f64 + BODY_WEIGHT * b as f64;
                if let Some(at) = first {
                    score += EARLY_BONUS * (1.0 - at as f64 / p.body.len().max(1) as f64);
                }
            }
            hits.push((i, score));
        }
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter()
            .map(|(index, score)| self.hit(index, score, query))
            .collect()
    }

    fn hit(&self, index: usize, score: f64, query: &Query) -> RankedHit {
        let a = &self.articles[index];
        let (title_marks, _) = find_in_text(&Normalized::new(&a.title), query);
        let (snippet, marks) = snippet(a, query);
        RankedHit {
            index,
            id: a.id.clone(),
            score,
            snippet,
            marks,
            title_marks,
        }
    }
}

/// The extract around the first body match (or the start of the body).
fn snippet(a: &Article, query: &Query) -> (String, Vec<Range<usize>>) {
    let fields = a.fields();
    let body = fields.iter().filter(|(f, _)| *f != Field::Title);
    let mut chosen = None;
    for (_, text) in body.clone() {
        let (ranges, _) = find_in_text(&Normalized::new(text), query);
        if let Some(first) = ranges.first() {
            chosen = Some((text.as_ref(), first.start, ranges));
            break;
        }
    }
    let (text, at, ranges) = match chosen {
        Some(c) => c,
        None => match body.clone().next() {
            Some((_, t)) => (t.as_ref(), 0, Vec::new()),
            None => return (String::new(), Vec::new()),
        },
    };
    let chars_before = text[..at].chars().count();
    let skip = chars_before.saturating_sub(SNIPPET_BEFORE);
    let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(SNIPPET_LEN)
        .map_or(text.len(), |(i, _)| start + i);
    let mut out = String::new();
    let offset = if start > 0 {
        out.push('…');
        '…'.len_utf8()
    } else {
        0
    };
    out.push_str(&text[start..end]);
    let marks = ranges
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + offset..r.end - start + offset)
        .collect();
    if end < text.len() {
        out.push('…');
    }
    (out, marks)
}
