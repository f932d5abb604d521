//! One normalisation for article text and queries, so that matching is a
//! plain substring test:
//!
//! - full-width forms fold to half-width: letters, digits and punctuation
//!   (U+FF01–FF5E → ASCII), ￠￡￢￣￤￥￦ and ｟｠; half-width CJK punctuation
//!   folds to full width (｡｢｣､･ → 。「」、・);
//! - letters fold to lower case (Latin and every other cased script, where
//!   the lower case is one character);
//! - every run of whitespace, the ideographic space and control characters
//!   included, becomes one space; leading and trailing whitespace is dropped;
//! - invisible format characters (zero-width space and joiners, soft hyphen,
//!   bidi marks, variation selectors, BOM) are dropped;
//! - optionally ([`normalize_with`] `variants`), simplified and traditional
//!   forms fold together ([`fold_variant`](super::variants::fold_variant)).
//!
//! Every step maps one character to at most one character, so the result is
//! idempotent and each normalised byte remembers the original characters it
//! came from: highlights land on the original text.

use std::ops::Range;

use super::variants::{fold_variant, ideograph_table, IDEOGRAPHS_FROM};

/// What one character becomes in normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    /// This character.
    Char(char),
    /// Whitespace: a run of these becomes one space.
    Space,
    /// Dropped (an invisible format character).
    Skip,
}

/// Folds an ASCII byte.
#[inline(always)]
pub(crate) fn fold_ascii(b: u8) -> Folded {
    match b {
        b'A'..=b'Z' => Folded::Char((b | 0x20) as char),
        0..=0x20 | 0x7f => Folded::Space,
        _ => Folded::Char(b as char),
    }
}

/// Folds one character for width and case (not for variants).
#[inline]
pub fn fold_char(c: char) -> Folded {
    match c {
        '\0'..='\x7f' => fold_ascii(c as u8),
        // CJK ideographs: no case, no width (the common case, kept first).
        '\u{3400}'..='\u{9fff}' => Folded::Char(c),
        // Full-width ASCII variants map onto U+0021..U+007E.
        '\u{ff01}'..='\u{ff5e}' => fold_ascii((c as u32 - 0xfee0) as u8),
        '\u{ff5f}'..='\u{ff65}' | '\u{ffe0}'..='\u{ffe6}' => {
            const WIDE: [char; 14] = [
                '⦅', '⦆', '。', '「', '」', '、', '・', '¢', '£', '¬', '¯', '¦', '¥', '₩',
            ];
            let i = if c <= '\u{ff65}' {
                c as usize - 0xff5f
            } else {
                c as usize - 0xffe0 + 7
            };
            Folded::Char(WIDE[i])
        }
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{e0000}'..='\u{e0fff}' => Folded::Skip,
        _ if c.is_whitespace() || c.is_control() => Folded::Space,
        // Title-case letters (ǅ ǈ ǋ ǲ, Greek with prosgegrammeni) are not
        // upper case, yet fold like the capitals they pair with.
        _ if c.is_uppercase()
            || matches!(
                c,
                '\u{1c5}'
                    | '\u{1c8}'
                    | '\u{1cb}'
                    | '\u{1f2}'
                    | '\u{1fbc}'
                    | '\u{1fcc}'
                    | '\u{1ffc}'
            )
            || matches!(c, '\u{1f88}'..='\u{1f8f}' | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}') =>
        {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Folded::Char(l),
                _ => Folded::Char(c),
            }
        }
        _ => Folded::Char(c),
    }
}

/// Decodes the scalar value starting at `b[i]` of valid UTF-8: (value,
/// length).
#[inline(always)]
pub(crate) fn decode_u32(b: &[u8], i: usize) -> (u32, usize) {
    // No closures here: size-optimised builds do not inline them.
    let x = u32::from(b[i]);
    if x < 0x80 {
        (x, 1)
    } else if x < 0xe0 {
        (((x & 0x1f) << 6) | u32::from(b[i + 1] & 0x3f), 2)
    } else if x < 0xf0 {
        let y = u32::from(b[i + 1] & 0x3f);
        (
            ((x & 0x0f) << 12) | (y << 6) | u32::from(b[i + 2] & 0x3f),
            3,
        )
    } else {
        let y = u32::from(b[i + 1] & 0x3f);
        let z = u32::from(b[i + 2] & 0x3f);
        let w = u32::from(b[i + 3] & 0x3f);
        (((x & 0x07) << 18) | (y << 12) | (z << 6) | w, 4)
    }
}

/// Decodes the character starting at `b[i]` of valid UTF-8: (char, length).
#[inline(always)]
pub(crate) fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let (u, n) = decode_u32(b, i);
    (char::from_u32(u).unwrap_or('\u{fffd}'), n)
}

/// The normaliser, the only one: calls `emit(c, start, end)` for each
/// character of the normalised form of `s`, with the byte range of the
/// original characters it stands for (a space stands for its whole
/// whitespace run). Inlined into each caller, so callers that ignore the
/// ranges (the index builder) pay nothing for them.
#[inline(always)]
pub(crate) fn normalize_each(s: &str, variants: bool, mut emit: impl FnMut(char, usize, usize)) {
    let b = s.as_bytes();
    // Looked up once, not per character.
    let ideographs = if variants { ideograph_table() } else { &[] };
    let mut i = 0;
    let mut started = false;
    let mut space: Option<(usize, usize)> = None;
    while i < b.len() {
        let x = b[i];
        let (f, len) = if x < 0x80 {
            (fold_ascii(x), 1)
        } else if (0xe4..=0xe9).contains(&x) {
            // U+4000..U+9FFF, the bulk of Chinese text: ideographs, which
            // only variants change.
            let (mut u, _) = decode_u32(b, i);
            if variants {
                let rep = ideographs[(u - IDEOGRAPHS_FROM) as usize];
                if rep != 0 {
                    u = rep;
                }
            }
            (Folded::Char(char::from_u32(u).unwrap_or('\u{fffd}')), 3)
        } else {
            let (c, len) = decode_at(b, i);
            let f = match fold_char(c) {
                Folded::Char(c) if variants => Folded::Char(fold_variant(c)),
                f => f,
            };
            (f, len)
        };
        match f {
            Folded::Char(c) => {
                if let Some((a, e)) = space.take() {
                    emit(' ', a, e);
                }
                emit(c, i, i + len);
                started = true;
            }
            Folded::Space if started => {
                space = Some(space.map_or((i, i + len), |(a, _)| (a, i + len)));
            }
            Folded::Space | Folded::Skip => {}
        }
        i += len;
    }
}

/// Normalises `s` for matching, without the map (for queries and indexes).
pub fn normalize_str(s: &str) -> String {
    normalize_with(s, false)
}

/// Normalises `s`; with `variants`, simplified and traditional forms fold
/// together too.
pub fn normalize_with(s: &str, variants: bool) -> String {
    // One normaliser in the binary: the one that keeps the map.
    Normalized::with_variants(s, variants).text
}

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
    /// Simplified and traditional forms were folded together.
    variants: bool,
}

impl Normalized {
    /// Normalises `s`, remembering where each byte came from. Leading and
    /// trailing whitespace is dropped, inner runs become one space.
    pub fn new(s: &str) -> Self {
        Self::with_variants(s, false)
    }

    /// [`Normalized::new`], folding simplified and traditional forms
    /// together when `variants` is set.
    pub fn with_variants(s: &str, variants: bool) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len() + 1);
        let mut ends = Vec::with_capacity(s.len() + 1);
        normalize_each(s, variants, |c, a, e| {
            text.push(c);
            for _ in 0..c.len_utf8() {
                starts.push(a as u32);
                ends.push(e as u32);
            }
        });
        starts.push(s.len() as u32);
        ends.push(s.len() as u32);
        Normalized {
            text,
            starts,
            ends,
            variants,
        }
    }

    /// True when simplified and traditional forms were folded together.
    pub fn variants(&self) -> bool {
        self.variants
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
        assert_eq!(normalize_str("a\tb\r\n\u{b}c\u{0}d"), "a b c d");
        assert_eq!(normalize_str("｢引文｣､￥5"), "「引文」、¥5");
        assert_eq!(normalize_str("ΣΑΣ Привет"), "σασ привет");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(normalize_str("\u{feff}打\u{200b}卡\u{ad}"), "打卡");
        assert_eq!(normalize_str("a \u{200b} b"), "a b");
    }

    #[test]
    fn folds_variants_on_request() {
        assert_eq!(normalize_with("發展", true), normalize_with("发展", true));
        assert_ne!(normalize_str("發展"), normalize_str("发展"));
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
