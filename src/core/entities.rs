//! HTML character references (`&amp;`, `&#x4E2D;`, `&#20013;`), shared by
//! the HTML tokenizer and the URL policy (a leaf module: both use it).
//!
//! Named references follow the WHATWG table (see `table.rs`): native builds
//! carry all of it; the wasm build carries every legacy name and the common
//! ones, and decodes the rest once the loader has fetched `entities.bin` and
//! handed it to [`install`] (ask [`needs_full_table`] whether a document
//! needs it). Unknown names are left as written.

mod table;

pub use table::{full_table_loaded, install};

use std::borrow::Cow;

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

/// The run of ASCII letters and digits at `i` (a reference's name is at
/// most 32 long: the longest in the table has 31 letters).
fn name_at(b: &[u8], i: usize) -> &str {
    let mut end = i;
    while end < b.len() && end - i < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    // ASCII only, so always UTF-8.
    std::str::from_utf8(&b[i..end]).unwrap_or("")
}

/// Decodes the reference starting after a `&` at byte `i`; gives the text
/// and the index after the reference, or `None` if it is not one. Per the
/// standard, the longest name that matches wins: a name written with `;`,
/// else the longest legacy name that prefixes what follows (`&notin`
/// without `;` is `¬in`).
fn reference_at(b: &[u8], i: usize, in_attribute: bool) -> Option<(String, usize)> {
    if b.get(i) == Some(&b'#') {
        return numeric_at(b, i + 1);
    }
    let name = name_at(b, i);
    if name.is_empty() {
        return None;
    }
    let table = table::current();
    if b.get(i + name.len()) == Some(&b';') {
        if let Some(text) = table.exact(name) {
            return Some((text.to_owned(), i + name.len() + 1));
        }
    }
    let (legacy, text) = table.legacy_prefix(name)?;
    let after = i + legacy.len();
    if in_attribute {
        if let Some(&c) = b.get(after) {
            if c.is_ascii_alphanumeric() || c == b'=' {
                return None;
            }
        }
    }
    Some((text.to_owned(), after))
}

/// True when `s` has a named reference written with `;` that the
/// compiled-in common names do not know, so decoding it right needs the
/// whole table ([`install`]). Unknown names count too (`&bogus;`): only the
/// whole table can tell. Cheap enough to run on a whole document's JSON.
pub fn needs_full_table(s: &str) -> bool {
    !full_table_loaded() && has_name_unknown_to(s, table::common())
}

fn has_name_unknown_to(s: &str, table: &table::Table) -> bool {
    let b = s.as_bytes();
    s.match_indices('&').any(|(i, _)| {
        let name = name_at(b, i + 1);
        !name.is_empty() && b.get(i + 1 + name.len()) == Some(&b';') && table.exact(name).is_none()
    })
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
        assert_eq!(d("&notin;&notit;&not"), "∉¬it;¬");
        assert_eq!(d("caf&eacute cr&egrave;me"), "café crème");
        assert_eq!(
            decode_char_refs("?x=1&not=2&eacutez", true),
            "?x=1&not=2&eacutez"
        );
    }

    #[test]
    fn the_whole_table_decodes() {
        assert_eq!(
            d("&oacute;&NotNestedGreaterGreater;&bigstar;&ThickSpace;"),
            "ó\u{2AA2}\u{338}★\u{205F}\u{200A}"
        );
        assert_eq!(d("&Oacute&bogus;&amp"), "Ó&bogus;&");
    }

    #[test]
    fn tells_when_the_whole_table_is_needed() {
        // Native builds carry the table, so nothing is ever needed here.
        assert!(!needs_full_table("&bigstar;"));
        let common = table::common();
        assert!(has_name_unknown_to("a &bigstar; b", common));
        assert!(has_name_unknown_to("&bogus;", common));
        for fine in ["&mdash; &eacute &#8216; & &; &amp;", "\\u0026x", ""] {
            assert!(!has_name_unknown_to(fine, common), "{fine}");
        }
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
