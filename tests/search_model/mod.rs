//! The model of search normalisation for tests/core_search.rs: the
//! README's rules written out character by character, checked against the
//! engine's fold on every code point, so the property tests' truth never
//! comes from the code under test.

use article_reader::core::search::{fold_char, fold_variant, normalize_str, Folded};

// ---- the model: normalisation written out, char by char --------------------

/// Invisible format characters, dropped: soft hyphen, combining grapheme
/// joiner, Arabic letter mark, Mongolian variation selectors, zero-width
/// space/joiners and LRM/RLM, bidi embeddings, word joiner and invisible
/// operators, variation selectors, BOM, tags.
pub const MODEL_INVISIBLE: &[(u32, u32)] = &[
    (0xad, 0xad),
    (0x34f, 0x34f),
    (0x61c, 0x61c),
    (0x180b, 0x180f),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x206f),
    (0xfe00, 0xfe0f),
    (0xfeff, 0xfeff),
    (0xe0000, 0xe0fff),
];

/// Full-width signs and half-width CJK punctuation with their other width.
pub const MODEL_WIDTH: &[(char, char)] = &[
    ('｟', '⦅'),
    ('｠', '⦆'),
    ('｡', '。'),
    ('｢', '「'),
    ('｣', '」'),
    ('､', '、'),
    ('･', '・'),
    ('￠', '¢'),
    ('￡', '£'),
    ('￢', '¬'),
    ('￣', '¯'),
    ('￤', '¦'),
    ('￥', '¥'),
    ('￦', '₩'),
];

/// Simplified/traditional classes among the test texts' characters, the
/// representative first.
pub const MODEL_VARIANTS: &[&[char]] = &[&['发', '發', '髮'], &['后', '後']];

/// One character as the README describes it: full-width ASCII to ASCII,
/// the signs above to their other width, letters to lower case (when that
/// is one character; title-case letters too), whitespace and controls to
/// a space, invisible characters dropped (`None`).
pub fn model_fold(c: char) -> Option<char> {
    let u = c as u32;
    if MODEL_INVISIBLE.iter().any(|&(a, b)| (a..=b).contains(&u)) {
        return None;
    }
    let c = match u {
        0xff01..=0xff5e => char::from_u32(u - 0xff01 + 0x21).unwrap(),
        _ => MODEL_WIDTH
            .iter()
            .find(|&&(from, _)| from == c)
            .map_or(c, |&(_, to)| to),
    };
    if c.is_whitespace() || c.is_control() {
        return Some(' ');
    }
    let mut lower = c.to_lowercase();
    Some(match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    })
}

/// The model's variant fold: the written-out classes; other characters
/// stay (a random character with a variant is vanishingly rare in these
/// texts, and the engine's query normalisation covers it).
pub fn model_variant(c: char) -> char {
    MODEL_VARIANTS
        .iter()
        .find(|class| class.contains(&c))
        .map_or(c, |class| class[0])
}

/// `s` normalised by the model: each character folded, runs of spaces made
/// one, no space at either end.
pub fn model_normalize(s: &str, variants: bool) -> String {
    let folded: String = s
        .chars()
        .filter_map(model_fold)
        .map(|c| if variants { model_variant(c) } else { c })
        .collect();
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn title_case_letters_fold_to_lower_case() {
    // All 31 of Unicode's category Lt, each to its one lower-case letter.
    let title_case: Vec<char> = "ǅǈǋǲᾈᾉᾊᾋᾌᾍᾎᾏᾘᾙᾚᾛᾜᾝᾞᾟᾨᾩᾪᾫᾬᾭᾮᾯᾼῌῼ".chars().collect();
    assert_eq!(title_case.len(), 31);
    for c in title_case {
        let lower: Vec<char> = c.to_lowercase().collect();
        assert_eq!(lower.len(), 1, "{c}");
        assert_ne!(lower[0], c, "{c}");
        assert_eq!(fold_char(c), Folded::Char(lower[0]), "{c}");
    }
    assert_eq!(normalize_str("ǅemal ᾈ"), normalize_str("ǆemal ᾀ"));
}

#[test]
fn the_engine_folds_every_code_point_as_the_model_does() {
    let mut differ = Vec::new();
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let engine = match fold_char(c) {
            Folded::Char(c) => Some(c),
            Folded::Space => Some(' '),
            Folded::Skip => None,
        };
        if engine != model_fold(c) {
            differ.push(format!(
                "U+{:04X}: engine {engine:?}, model {:?}",
                c as u32,
                model_fold(c)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ[..differ.len().min(20)].join("\n")
    );
}

#[test]
fn the_engine_folds_the_model_variant_classes_together() {
    for class in MODEL_VARIANTS {
        for &c in *class {
            assert_eq!(fold_variant(c), class[0], "{c}");
        }
    }
    assert_eq!(fold_variant('哈'), '哈');
}

#[test]
fn the_model_normalises_the_readme_examples() {
    assert_eq!(model_normalize("ＡＰＰ打卡", false), "app打卡");
    assert_eq!(
        model_normalize("  2024\u{3000}\u{3000}年 ", false),
        "2024 年"
    );
    assert_eq!(model_normalize("\u{feff}打\u{200b}卡\u{ad}", false), "打卡");
    assert_eq!(model_normalize("｢引文｣､￥5", false), "「引文」、¥5");
    assert_eq!(model_normalize("發展 後", true), "发展 后");
}
