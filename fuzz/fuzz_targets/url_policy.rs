//! URLs against the link and image policy, two ways:
//! - a script scheme (`javascript:`, `vbscript:`, `data:text/html`) spelled
//!   with fuzz-chosen encodings per character — character references with
//!   and without `;`, percent escapes (also of `%` itself), case, tabs and
//!   newlines — is always refused;
//! - any string: what the policy keeps, decoded here by a separate decoder
//!   until nothing changes, never starts with a script scheme, and checking
//!   a kept link again keeps it.
#![no_main]
use article_reader::core::url::{safe_image, safe_link};
use libfuzzer_sys::fuzz_target;

const SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:text/html,"];

/// `c` in the encoding `how` picks. A decimal reference may go without its
/// `;` unless it is `last` (the tail after it may start with a digit).
fn encode(c: char, how: u8, last: bool, out: &mut String) {
    let n = c as u32;
    match how % 10 {
        0 => out.push(c),
        1 => out.extend(c.to_uppercase()),
        2 => out.push_str(&format!("&#x{n:x};")),
        3 => out.push_str(&format!("&#{n};")),
        4 => out.push_str(&format!("&#X{n:04X};")),
        5 if last => out.push_str(&format!("&#{n:07};")),
        5 => out.push_str(&format!("&#{n:07}")), // no `;`, leading zeros
        6 => out.push_str(&format!("%{n:02x}")),
        7 => out.push_str(&format!("%25{n:02X}")), // percent-encoded twice
        8 => out.push_str(&format!("&#x25;{n:02x}")), // a reference to `%`, then hex
        _ => {
            out.push(['\t', '\n', '\r'][n as usize % 3]);
            out.push(c);
        }
    }
}

/// The decoded forms of `s`: numeric character references (with or without
/// `;`), a few named ones and percent escapes, applied until nothing changes.
fn decode_fully(s: &str) -> String {
    let mut form = s.to_owned();
    for _ in 0..16 {
        let next = percent_decode(&char_refs(&form));
        if next == form {
            break;
        }
        form = next;
    }
    form
}

fn char_refs(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let named = [
            ("&colon;", ':'),
            ("&tab;", '\t'),
            ("&newline;", '\n'),
            ("&percnt;", '%'),
        ]
        .into_iter()
        .find(|(name, _)| {
            rest.get(..name.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(name))
        });
        if let Some((name, c)) = named {
            out.push(c);
            rest = &rest[name.len()..];
            continue;
        }
        let (radix, digits_at) = if rest.starts_with("&#x") || rest.starts_with("&#X") {
            (16, 3)
        } else if rest.starts_with("&#") {
            (10, 2)
        } else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let digits = rest[digits_at..]
            .chars()
            .take_while(|c| c.is_digit(radix))
            .count();
        let value = u32::from_str_radix(&rest[digits_at..digits_at + digits], radix).ok();
        match value.and_then(char::from_u32) {
            Some(c) if digits > 0 => {
                out.push(c);
                rest = &rest[digits_at + digits..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a browser would look at: no whitespace, controls or invisible
/// formatting characters, lower case.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{ad}')
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_script(url: &str) -> bool {
    let s = squash(&decode_fully(url));
    s.starts_with("javascript:") || s.starts_with("vbscript:") || s.starts_with("data:text")
}

fuzz_target!(|data: &[u8]| {
    // An encoded script scheme: the first byte picks the scheme, one byte
    // per character its encoding, the rest is the URL's tail.
    if let Some((&pick, rest)) = data.split_first() {
        let scheme = SCHEMES[pick as usize % SCHEMES.len()];
        let mut url = String::new();
        for (i, c) in scheme.chars().enumerate() {
            let last = i + 1 == scheme.len();
            encode(c, rest.get(i).copied().unwrap_or(0), last, &mut url);
        }
        url.push_str(&String::from_utf8_lossy(
            rest.get(scheme.len()..).unwrap_or_default(),
        ));
        assert!(
            is_script(&url),
            "the test's own encoder lost the scheme: {url:?}"
        );
        assert_eq!(safe_link(&url), None, "{url:?} kept as a link");
        assert_eq!(safe_image(&url), None, "{url:?} kept as an image");
    }
    // Any string.
    let raw = String::from_utf8_lossy(data);
    for kept in [safe_link(&raw), safe_image(&raw)].into_iter().flatten() {
        assert!(!is_script(&kept), "{raw:?} kept as {kept:?}");
    }
    if let Some(l) = safe_link(&raw) {
        assert_eq!(safe_link(&l), Some(l.clone()));
    }
});
