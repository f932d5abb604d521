//! HTML character references (`&amp;`, `&#x4E2D;`, `&#20013;`), shared by
//! the HTML tokenizer and the URL policy (a leaf module: both use it).
//!
//! Only a small named table is carried (a full one is ~2,000 entries and
//! would weigh on the wasm): the common text entities, plus the punctuation
//! names (`&colon;`, `&Tab;`, `&NewLine;` …) that are used to smuggle
//! `javascript:` past naive filters, so the URL policy sees what a browser
//! would see. Unknown names are left as written.

use std::borrow::Cow;

/// (name, text, recognised without a trailing `;`). The last flag follows
/// the HTML standard's legacy list: `&amp` and `&nbsp` work without `;`.
const NAMED: &[(&str, &str, bool)] = &[
    ("amp", "&", true),
    ("AMP", "&", true),
    ("lt", "<", true),
    ("LT", "<", true),
    ("gt", ">", true),
    ("GT", ">", true),
    ("quot", "\"", true),
    ("QUOT", "\"", true),
    ("nbsp", "\u{a0}", true),
    ("copy", "©", true),
    ("COPY", "©", true),
    ("reg", "®", true),
    ("REG", "®", true),
    ("deg", "°", true),
    ("middot", "·", true),
    ("times", "×", true),
    ("divide", "÷", true),
    ("laquo", "«", true),
    ("raquo", "»", true),
    ("yen", "¥", true),
    ("pound", "£", true),
    ("cent", "¢", true),
    ("sect", "§", true),
    ("para", "¶", true),
    ("shy", "\u{ad}", true),
    ("apos", "'", false),
    ("hellip", "…", false),
    ("mdash", "—", false),
    ("ndash", "–", false),
    ("lsquo", "‘", false),
    ("rsquo", "’", false),
    ("ldquo", "“", false),
    ("rdquo", "”", false),
    ("bull", "•", false),
    ("trade", "™", false),
    ("euro", "€", false),
    ("ensp", "\u{2002}", false),
    ("emsp", "\u{2003}", false),
    ("thinsp", "\u{2009}", false),
    ("zwj", "\u{200d}", false),
    ("zwnj", "\u{200c}", false),
    ("colon", ":", false),
    ("Tab", "\t", false),
    ("NewLine", "\n", false),
    ("lpar", "(", false),
    ("rpar", ")", false),
    ("sol", "/", false),
    ("bsol", "\\", false),
    ("num", "#", false),
    ("excl", "!", false),
    ("period", ".", false),
    ("comma", ",", false),
    ("semi", ";", false),
    ("equals", "=", false),
    ("quest", "?", false),
    ("commat", "@", false),
    ("percnt", "%", false),
    ("lowbar", "_", false),
];

/// What `&#128;`…`&#159;` mean: the HTML standard maps them through
/// windows-1252, as old Chinese CMSes still emit them for curly quotes.
const C1_REMAP: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Decodes the character references in `s` the way an HTML parser does.
///
/// `in_attribute` applies the attribute rule: a legacy reference without
/// `;` followed by a letter, digit or `=` is left alone (so
/// `?a=1&copy=2` stays a query string). Numeric references to invalid code
/// points (0, surrogates, beyond U+10FFFF) become U+FFFD.
pub fn decode_char_refs(s: &str, in_attribute: bool) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // Copy runs between '&'s; every cut is at an ASCII byte, so on a char
    // boundary.
    while let Some(off) = s[i..].find('&') {
        out.push_str(&s[i..i + off]);
        i += off;
        match reference_at(b, i + 1, in_attribute) {
            Some((text, next)) => {
                out.push_str(&text);
                i = next;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    Cow::Owned(out)
}

/// Decodes the reference starting after a `&` at byte `i`; gives the text
/// and the index after the reference, or `None` if it is not one.
fn reference_at(b: &[u8], i: usize, in_attribute: bool) -> Option<(String, usize)> {
    if b.get(i) == Some(&b'#') {
        return numeric_at(b, i + 1);
    }
    let mut end = i;
    while end < b.len() && end - i < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == i {
        return None;
    }
    let name = std::str::from_utf8(&b[i..end]).ok()?;
    if b.get(end) == Some(&b';') {
        if let Some((_, text, _)) = NAMED.iter().find(|(n, _, _)| *n == name) {
            return Some(((*text).to_owned(), end + 1));
        }
    }
    // Without ';': the longest legacy name that prefixes what follows.
    let (n, text, _) = NAMED
        .iter()
        .filter(|(n, _, legacy)| *legacy && name.starts_with(n))
        .max_by_key(|(n, _, _)| n.len())?;
    let after = i + n.len();
    if in_attribute {
        if let Some(&c) = b.get(after) {
            if c.is_ascii_alphanumeric() || c == b'=' {
                return None;
            }
        }
    }
    Some(((*text).to_owned(), after))
}

fn numeric_at(b: &[u8], mut i: usize) -> Option<(String, usize)> {
    let hex = matches!(b.get(i), Some(b'x' | b'X'));
    if hex {
        i += 1;
    }
    let radix = if hex { 16 } else { 10 };
    let start = i;
    let mut value: u32 = 0;
    while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(radix)) {
        // Saturate: anything past U+10FFFF is invalid anyway.
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        i += 1;
    }
    if i == start {
        return None;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        0x80..=0x9F => char::from_u32(C1_REMAP[(value - 0x80) as usize]),
        0 => None,
        v => char::from_u32(v),
    };
    Some((c.unwrap_or('\u{FFFD}').to_string(), i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        decode_char_refs(s, false).into_owned()
    }

    #[test]
    fn named_and_numeric() {
        assert_eq!(d("a &amp; b &lt;p&gt; &quot;x&apos;"), "a & b <p> \"x'");
        assert_eq!(d("&#20013;&#x6587;&#X6587;"), "中文文");
        assert_eq!(d("&nbsp;&hellip;&mdash;"), "\u{a0}…—");
        assert_eq!(d("&#x61"), "a");
        assert_eq!(d("&#97abc"), "aabc");
    }

    #[test]
    fn invalid_code_points_become_replacement() {
        assert_eq!(
            d("&#0;&#xD800;&#x110000;&#99999999999999;"),
            "\u{FFFD}".repeat(4)
        );
        assert_eq!(d("&#128;&#x93;"), "€“");
    }

    #[test]
    fn unknown_or_bare_ampersands_stay() {
        assert_eq!(d("a & b &bogus; &# &#x; &"), "a & b &bogus; &# &#x; &");
        assert_eq!(d("中&文"), "中&文");
    }

    #[test]
    fn legacy_names_without_semicolon_follow_the_attribute_rule() {
        assert_eq!(d("&ampx"), "&x");
        assert_eq!(decode_char_refs("?a=1&copy=2", true), "?a=1&copy=2");
        assert_eq!(decode_char_refs("?a=1&copy", true), "?a=1©");
        assert_eq!(decode_char_refs("&hellip", false), "&hellip");
    }

    #[test]
    fn smuggling_names_decode() {
        assert_eq!(
            d("javascript&colon;alert&lpar;1&rpar;"),
            "javascript:alert(1)"
        );
        assert_eq!(d("java&Tab;script&NewLine;"), "java\tscript\n");
    }
}
