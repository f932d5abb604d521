//! A dependency-free fuzz run of the HTML converter: many pseudo-random
//! inputs built from tag fragments, broken markup and random characters,
//! checked for panics and for the model's invariants.

use article_reader::core::format::Limits;
use article_reader::core::html::blocks_from_html;
use article_reader::core::url::{safe_image, safe_link};
use article_reader::core::{Block, RichText};

/// xorshift64*: deterministic, so a failure names a reproducible seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise every tokenizer state and converter rule. No
/// reference here decodes to '<', so any '<' + letter in output text would
/// mean markup leaked through as text.
const FRAGMENTS: &[&str] = &[
    "<p>",
    "</p>",
    "<h1>",
    "</h2>",
    "<h3 class=x>",
    "</h4>",
    "<h6>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<blockquote>",
    "</blockquote>",
    "<figure>",
    "</figure>",
    "<figcaption>",
    "</figcaption>",
    "<img src=\"/a.png\" alt=\"图\">",
    "<img src=javascript:x>",
    "<img src=\"data:image/svg+xml,<svg>\" onerror=alert(1)>",
    "<br>",
    "<br/>",
    "</br>",
    "<strong>",
    "</strong>",
    "<b>",
    "</b>",
    "<em>",
    "</em>",
    "<i>",
    "</i>",
    "<a href=\"https://a.cn\">",
    "<a href=\"jav&#x61;script:alert(1)\">",
    "<a href='java\tscript:x'>",
    "<a>",
    "</a>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<section>",
    "<table><tr><td>",
    "<script>",
    "</script>",
    "<script>alert('<p>')</script>",
    "<style>",
    "</style",
    "<svg>",
    "</svg>",
    "<svg/>",
    "<math>",
    "</math>",
    "<template>",
    "</template>",
    "<iframe>",
    "<textarea>",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "<?xml ?>",
    "</>",
    "</ x>",
    "<",
    ">",
    "/",
    "=",
    "\"",
    "'",
    "&",
    "&amp;",
    "&nbsp;",
    "&#20013;",
    "&#x4e2d;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#128;",
    "&bogus;",
    "&amp",
    "&#",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\u{3000}",
    "中文",
    "段落",
    "“引号”",
    "abc",
    "<p class=\"a>b\" id='c'>",
    "<a href=x title=\"",
];

fn random_input(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        if rng.below(8) == 0 {
            // A random character, sometimes a control or non-BMP one.
            let c = match rng.below(3) {
                0 => char::from_u32(rng.below(0x80) as u32),
                1 => char::from_u32(0x4E00 + rng.below(0x5000) as u32),
                _ => char::from_u32(rng.below(0x11_0000) as u32),
            };
            s.push(c.unwrap_or('\u{FFFD}'));
        } else {
            s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    s
}

fn check_text(t: &RichText, input: &str) {
    assert!(!t.is_blank(), "{input:?} gave a blank text");
    check_spans(t, input);
}

/// The invariants of any rich text, blank or not (a table cell may be
/// empty).
fn check_spans(t: &RichText, input: &str) {
    let mut at = 0;
    for s in &t.spans {
        assert_eq!(s.range.start, at, "{input:?} → {t:?}");
        assert!(s.range.end > s.range.start, "{input:?} → {t:?}");
        assert!(t.plain.is_char_boundary(s.range.end));
        let piece = &t.plain[s.range.clone()];
        assert_eq!(s.line_break, piece == "\n", "{input:?} → {t:?}");
        if let Some(h) = &s.href {
            assert_eq!(safe_link(h).as_deref(), Some(h.as_str()), "{input:?}");
        }
        at = s.range.end;
    }
    assert_eq!(at, t.plain.len(), "{input:?} → {t:?}");
    assert_eq!(t.plain.trim(), t.plain, "{input:?}: untrimmed {t:?}");
    // A '<' may survive as text ("a < b", or "<" + dropped tag + "N"), but
    // no tag of the input may: it would appear whole.
    for tag in FRAGMENTS
        .iter()
        .filter(|f| f.len() >= 4 && f.starts_with('<'))
    {
        let name_start = tag.as_bytes()[1];
        if name_start.is_ascii_alphabetic() || name_start == b'/' {
            assert!(
                !t.plain.contains(tag),
                "tag {tag} leaked: {input:?} → {:?}",
                t.plain
            );
        }
    }
    assert!(!t.plain.contains("<script"), "{input:?}");
}

#[test]
fn converter_never_panics_and_keeps_invariants() {
    let limits = Limits::default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // How many of each block kind were made: the run must reach them all.
    let mut seen = [0usize; 6];
    for round in 0..30_000 {
        let input = random_input(&mut rng);
        let blocks = blocks_from_html(&input, &limits)
            .unwrap_or_else(|e| panic!("round {round}: {input:?} failed: {e}"));
        for b in &blocks {
            seen[match b {
                Block::Paragraph(_) => 0,
                Block::Heading { .. } => 1,
                Block::List { .. } => 2,
                Block::Quote { .. } => 3,
                Block::Image { .. } => 4,
                _ => 5,
            }] += 1;
            match b {
                Block::Paragraph(t) | Block::Quote { text: t, .. } => check_text(t, &input),
                Block::Heading { level, text } => {
                    assert!((2..=4).contains(level));
                    check_text(text, &input);
                }
                Block::List { items, .. } => {
                    assert!(!items.is_empty());
                    items.iter().for_each(|i| check_text(i, &input));
                }
                Block::Image { src, caption, .. } => {
                    assert_eq!(safe_image(src).as_deref(), Some(src.as_str()), "{input:?}");
                    caption.iter().for_each(|c| check_text(c, &input));
                }
                Block::Table(t) => t.cells().for_each(|c| check_spans(&c.text, &input)),
                other => other
                    .rich_texts()
                    .into_iter()
                    .for_each(|t| check_text(t, &input)),
            }
            for l in b.links() {
                assert_eq!(safe_link(l).as_deref(), Some(l), "{input:?}");
            }
        }
    }
    assert!(
        seen[..5].iter().all(|&n| n > 100),
        "block kinds produced: {seen:?}"
    );
}

#[test]
fn random_bytes_never_panic() {
    let limits = Limits {
        max_blocks: 50,
        ..Limits::default()
    };
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..rng.below(200))
            .map(|_| b"<>/=&#;\"' abpx!-\n"[rng.below(17)])
            .collect();
        let s = String::from_utf8_lossy(&bytes);
        // Either blocks or a limit error; never a panic.
        let _ = blocks_from_html(&s, &limits);
    }
}

#[test]
fn huge_flat_and_deeply_nested_inputs_are_fine() {
    let limits = Limits::default();
    let deep = format!(
        "{}文字{}",
        "<div><blockquote><ul><li>".repeat(20_000),
        "</li></ul></blockquote></div>".repeat(20_000)
    );
    let blocks = blocks_from_html(&deep, &limits).unwrap();
    assert_eq!(blocks.len(), 1);
    let many = "<p>段</p>".repeat(10_001);
    assert!(blocks_from_html(&many, &limits).is_err());
    let unclosed = "<b><i><a href=/x>".repeat(50_000) + "尾";
    assert_eq!(blocks_from_html(&unclosed, &limits).unwrap().len(), 1);
}
