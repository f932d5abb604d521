//! One normalisation for article text and queries, so that matching is a
//! plain substring test: full-width ASCII forms and the ideographic space
//! fold to their half-width forms, Latin letters fold to lower case, and
//! runs of whitespace collapse to one space. Each normalised byte remembers
//! the original byte it came from, so highlights land on the original text.

use std::ops::Range;

/// Text after normalisation, with a map back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `starts[i]` is the original byte offset of the character that produced
    /// normalised byte `i`; one extra entry holds the original length.
    starts: Vec<u32>,
    /// `ends[i]`: the original byte offset just past that character.
    ends: Vec<u32>,
}

/// Folds one character; `None` for whitespace (the caller collapses runs).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' => Some(c),
        _ if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                None
            } else {
                Some(c)
            }
        }
        // Full-width ASCII variants U+FF01..U+FF5E map onto U+0021..U+007E.
        '\u{FF01}'..='\u{FF5E}' => {
            let half = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            Some(half.to_ascii_lowercase())
        }
        // The ideographic space and every other Unicode space.
        _ if c.is_whitespace() => None,
        _ if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => Some(c),
            }
        }
        _ => Some(c),
    }
}

/// Normalises `s` for matching, without the map (for queries and indexes).
pub fn normalize_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        match fold_char(c) {
            None => pending_space = !out.is_empty(),
            Some(f) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(f);
            }
        }
    }
    out
}

impl Normalized {
    /// Normalises `s`, remembering where each byte came from. Leading and
    /// trailing whitespace is dropped, inner runs become one space.
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len() + 1);
        let mut ends = Vec::with_capacity(s.len() + 1);
        let mut pending_space: Option<(usize, usize)> = None;
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            match fold_char(c) {
                None => {
                    if !text.is_empty() {
                        pending_space = Some(pending_space.map_or((i, end), |(a, _)| (a, end)));
                    }
                }
                Some(f) => {
                    if let Some((a, b)) = pending_space.take() {
                        text.push(' ');
                        starts.push(a as u32);
                        ends.push(b as u32);
                    }
                    let before = text.len();
                    text.push(f);
                    for _ in before..text.len() {
                        starts.push(i as u32);
                        ends.push(end as u32);
                    }
                }
            }
        }
        starts.push(s.len() as u32);
        ends.push(s.len() as u32);
        Normalized { text, starts, ends }
    }

    /// Maps a byte range of the normalised text back to the original text.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.starts[r.start] as usize;
            return at..at;
        }
        self.starts[r.start] as usize..self.ends[r.end - 1] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_space() {
        assert_eq!(normalize_str("ＡＰＰ打卡"), "app打卡");
        assert_eq!(normalize_str("  2024\u{3000}\u{3000}年 "), "2024 年");
        assert_eq!(normalize_str("１．４万"), "1.4万");
        assert_eq!(normalize_str("时间:2024"), normalize_str("时间：２０２４"));
    }

    #[test]
    fn maps_back_to_original_characters() {
        let src = "Ａ  b\u{3000}发展";
        let n = Normalized::new(src);
        assert_eq!(n.text, "a b 发展");
        let at = n.text.find("发展").unwrap();
        let r = n.original_range(at..at + "发展".len());
        assert_eq!(&src[r], "发展");
        let r = n.original_range(0..3);
        assert_eq!(&src[r], "Ａ  b");
    }
}
