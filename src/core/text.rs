//! Small text helpers shared by the format adapters and the HTML converter:
//! building and trimming [`RichText`], splitting plain text into
//! paragraphs, and deriving ids and titles.

use std::collections::HashSet;

use crate::core::model::{Article, RichText, Span};

/// Trims whitespace (including line breaks, U+3000 and no-break spaces)
/// from both ends of `rt`, keeping the spans aligned. Portals indent
/// paragraphs with full-width spaces and `&nbsp;`; the reader indents with
/// CSS instead, so edge whitespace is noise (and breaks "line appears
/// verbatim" checks).
pub(crate) fn trim_rich(rt: RichText) -> RichText {
    let start = rt.plain.len() - rt.plain.trim_start().len();
    let end = rt.plain.trim_end().len();
    if start == 0 && end == rt.plain.len() {
        return rt;
    }
    if start >= end {
        return RichText::default();
    }
    let plain = rt.plain[start..end].to_owned();
    let spans = rt
        .spans
        .into_iter()
        .filter_map(|s| {
            let a = s.range.start.max(start);
            let b = s.range.end.min(end);
            (a < b).then(|| Span {
                range: a - start..b - start,
                ..s
            })
        })
        .collect();
    RichText { plain, spans }
}

/// Removes trailing spaces (only `' '`) from `rt`, so a `<br>` after
/// "text " does not leave a dangling space at the end of the line.
pub(crate) fn trim_end_spaces(rt: &mut RichText) {
    while rt.plain.ends_with(' ') {
        rt.plain.pop();
        let end = rt.plain.len();
        if let Some(last) = rt.spans.last_mut() {
            last.range.end = last.range.end.min(end);
            if last.range.is_empty() {
                rt.spans.pop();
            }
        }
    }
}

/// Appends `text`, turning each newline (`\n`, `\r\n` or `\r`) into a line
/// break span: the model keeps `'\n'` only inside line-break spans.
pub(crate) fn push_with_breaks(
    rt: &mut RichText,
    text: &str,
    strong: bool,
    em: bool,
    href: Option<&str>,
) {
    let text = normalise_newlines(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            rt.push_break();
        }
        rt.push(line, strong, em, href);
    }
}

/// Plain text with line breaks, trimmed.
pub(crate) fn rich_from_str(text: &str) -> RichText {
    let mut rt = RichText::default();
    push_with_breaks(&mut rt, text, false, false, None);
    trim_rich(rt)
}

fn normalise_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// Splits plain text into paragraphs at blank lines; single newlines inside
/// a paragraph become line breaks (JSON Feed `content_text`). Each line is
/// trimmed so indentation does not survive as stray spaces.
pub(crate) fn paragraphs_by_blank_lines(text: &str) -> Vec<RichText> {
    let text = normalise_newlines(text);
    let mut out = Vec::new();
    let mut current = RichText::default();
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            if !current.plain.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.plain.is_empty() {
            current.push_break();
        }
        current.push(line, false, false, None);
    }
    if !current.plain.is_empty() {
        out.push(current);
    }
    out
}

/// Splits plain text into one paragraph per non-empty line (schema.org
/// `articleBody`, where publishers usually put one paragraph per line).
pub(crate) fn paragraphs_by_lines(text: &str) -> Vec<RichText> {
    normalise_newlines(text)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(RichText::plain)
        .collect()
}

/// Replaces newlines and tabs with spaces and trims: for one-line fields
/// such as a title.
pub(crate) fn one_line(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A URL-safe-ish id from a title: letters and digits of any script are
/// kept (a Chinese title gives a Chinese slug), everything else becomes
/// `-`. `None` when nothing is left.
pub(crate) fn slug(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    (!out.is_empty()).then(|| out.to_owned())
}

/// The first `max_chars` characters of `text` on one line, with `…` when
/// cut: a title for a feed item that has none.
pub(crate) fn title_from_text(text: &str, max_chars: usize) -> String {
    let line = one_line(text);
    let mut words = line.split_whitespace();
    let mut flat = words.next().unwrap_or("").to_owned();
    for w in words {
        flat.push(' ');
        flat.push_str(w);
    }
    match flat.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", flat[..cut].trim_end()),
        None => flat,
    }
}

/// Makes article ids unique within a collection by suffixing `-2`, `-3`…:
/// the UI keys list entries and routes by id.
pub(crate) fn dedupe_ids(items: &mut [Article]) {
    let mut seen = HashSet::new();
    for a in items {
        if seen.insert(a.id.clone()) {
            continue;
        }
        let mut n = 2;
        while !seen.insert(format!("{}-{n}", a.id)) {
            n += 1;
        }
        a.id = format!("{}-{n}", a.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_rich_text_and_keeps_spans_aligned() {
        let mut rt = RichText::default();
        rt.push("\u{3000} a", false, false, None);
        rt.push("b ", true, false, None);
        rt.push_break();
        let t = trim_rich(rt);
        assert_eq!(t.plain, "ab");
        assert_eq!(t.spans.len(), 2);
        assert_eq!(t.spans[0].range, 0..1);
        assert_eq!(t.spans[1].range, 1..2);
        assert!(t.spans[1].strong);
        assert_eq!(trim_rich(RichText::plain("  ")), RichText::default());
    }

    #[test]
    fn trailing_spaces_are_removed_across_spans() {
        let mut rt = RichText::default();
        rt.push("a", false, false, None);
        rt.push("  ", true, false, None);
        trim_end_spaces(&mut rt);
        assert_eq!(rt, RichText::plain("a"));
    }

    #[test]
    fn newlines_become_breaks() {
        let rt = rich_from_str("一\r\n二\n");
        assert_eq!(rt.plain, "一\n二");
        assert_eq!(rt.spans.len(), 3);
        assert!(rt.spans[1].line_break);
    }

    #[test]
    fn splits_paragraphs() {
        let ps = paragraphs_by_blank_lines("一\n二\n\n\n  三  \n");
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].plain, "一\n二");
        assert_eq!(ps[1].plain, "三");
        let ls = paragraphs_by_lines("一\n\n二\r\n ");
        assert_eq!(ls, vec![RichText::plain("一"), RichText::plain("二")]);
    }

    #[test]
    fn slugs_and_titles() {
        assert_eq!(slug("Hello, World!").as_deref(), Some("hello-world"));
        assert_eq!(
            slug("锤炼作风 夯实“硬保障”").as_deref(),
            Some("锤炼作风-夯实-硬保障")
        );
        assert_eq!(slug("!!!"), None);
        assert_eq!(title_from_text("一二三四五", 3), "一二三…");
        assert_eq!(title_from_text("a\n b", 30), "a b");
    }

    #[test]
    fn dedupes_ids() {
        let mut items = vec![Article::default(), Article::default(), Article::default()];
        for a in &mut items {
            a.id = "x".into();
        }
        items[2].id = "x-2".into();
        dedupe_ids(&mut items);
        let ids: Vec<_> = items.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2", "x-2-2"]);
    }
}
