//! 朗读 / Read aloud: the text cut into sentences, the unit the speech
//! engine is given and the highlight marks.
//!
//! A sentence ends after 。！？；… (and their half-width or full-width
//! forms), or after `.` `!` `?` `;` followed by a space or the end of the
//! text (so "3.5" and "www.gov.cn" stay whole). Closing quotes and brackets
//! right after the end stay with the sentence they close. Runs of the
//! ending characters ("！？", "……") end one sentence, not several.

use std::ops::Range;

/// Ends a sentence wherever it stands (CJK punctuation needs no space after).
fn ends_always(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '｡')
}

/// Ends a sentence only when whitespace or the end of the text follows.
fn ends_before_space(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';')
}

/// Closing marks that belong to the sentence they follow.
fn closes(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '"' | '\'' | '》' | '】' | ']'
    )
}

/// The sentences of `text`, as byte ranges, in order, leading and trailing
/// whitespace left out; text without any content gives none. (One pass,
/// no lookahead: this runs in every reader's wasm.)
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Inside a run of ending marks and closing quotes: where the sentence
    // would end, and whether it ends whatever follows.
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let (always, ends) = (ends_always(c), ends_always(c) || ends_before_space(c));
        if let Some((end, sure)) = run {
            if ends || closes(c) {
                run = Some((i + c.len_utf8(), sure || always));
                continue;
            }
            run = None;
            if sure || c.is_whitespace() {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
        }
        if ends {
            run = Some((i + c.len_utf8(), always));
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Adds `r` without its surrounding whitespace, unless nothing is left.
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let from = r.start + lead;
        out.push(from..from + trimmed.len());
    }
}

/// The sentences of `text` as UTF-16 offsets, `[start0, end0, start1,
/// end1, …]`: what a browser's `Range` and `String` count in.
pub fn utf16_sentence_bounds(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut byte, mut unit) = (0usize, 0u32);
    let mut to_utf16 = |target: usize| {
        for c in text[byte..target].chars() {
            unit += c.len_utf16() as u32;
        }
        byte = target;
        unit
    };
    for r in sentences(text) {
        out.push(to_utf16(r.start));
        out.push(to_utf16(r.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn chinese_ends_split_without_spaces() {
        assert_eq!(
            split("今天开会。大家到齐了吗？到齐了！开始；结束…"),
            [
                "今天开会。",
                "大家到齐了吗？",
                "到齐了！",
                "开始；",
                "结束…"
            ]
        );
    }

    #[test]
    fn runs_of_ends_and_closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("他说：“好的。”然后走了……真的吗？！是的"),
            ["他说：“好的。”", "然后走了……", "真的吗？！", "是的"]
        );
    }

    #[test]
    fn latin_ends_need_a_space_after() {
        assert_eq!(
            split("Growth was 3.5 percent. See www.gov.cn now! Done"),
            ["Growth was 3.5 percent.", "See www.gov.cn now!", "Done"]
        );
        assert_eq!(
            split("He said \"yes.\" Then left."),
            ["He said \"yes.\"", "Then left."]
        );
    }

    #[test]
    fn whitespace_is_left_out_and_empty_text_gives_nothing() {
        assert_eq!(split("  一。  二。 "), ["一。", "二。"]);
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
        assert_eq!(split("没有句号"), ["没有句号"]);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_as_two() {
        // "𠀀" is outside the BMP: two UTF-16 units, four UTF-8 bytes.
        let text = "𠀀好。Yes. 是";
        assert_eq!(utf16_sentence_bounds(text), vec![0, 4, 4, 8, 9, 10]);
    }
}

#[cfg(test)]
mod rate_tests {
    use crate::core::settings::{SPEECH_DEFAULT_STEP, SPEECH_RATES};

    /// The issue asks for at least 0.75× to 1.5×, the normal rate the default.
    #[test]
    fn rates_span_three_quarters_to_one_and_a_half() {
        let rates: &[f64] = &SPEECH_RATES;
        assert!(rates[0] <= 0.75);
        assert!(*rates.last().unwrap() >= 1.5);
        assert!(rates.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(rates[SPEECH_DEFAULT_STEP], 1.0);
    }
}
