//! The snippet of a collection hit: about 90 characters around the first
//! match after the title, with the matches in it.

use std::ops::Range;

use super::find::find_in_text;
use super::normalize::Normalized;
use super::query::Query;
use crate::core::model::{Article, Field};

/// Characters of context before the first match in a snippet.
const SNIPPET_BEFORE: usize = 24;
/// Characters in a snippet in all.
const SNIPPET_LEN: usize = 90;

/// The extract around the first match in text `field` after the title (or
/// the start of the first text after the title), with the matches in it.
pub(super) fn snippet(
    a: &Article,
    query: &Query,
    variants: bool,
    field: Option<usize>,
) -> (String, Vec<Range<usize>>) {
    let fields = a.fields();
    let mut body = fields.iter().filter(|(f, _)| *f != Field::Title);
    let mut chosen = None;
    if let Some((_, text)) = field.and_then(|n| body.clone().nth(n)) {
        let (ranges, _) = find_in_text(&Normalized::with_variants(text, variants), query);
        if let Some(first) = ranges.first() {
            chosen = Some((text.as_ref(), first.start, ranges));
        }
    }
    let (text, at, ranges) = match chosen {
        Some(c) => c,
        None => match body.next() {
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
