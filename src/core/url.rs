//! The URL policy: which link and image targets from a document may reach
//! the page.
//!
//! Documents are untrusted. Links may only lead to `http(s)`, `mailto`,
//! `tel` or relative targets; images may only load over `http(s)`, relative
//! URLs or a raster `data:image/…`. The check is made on what a browser
//! would resolve, and then some: HTML character references and percent
//! escapes are decoded (repeatedly) and every decoded form must pass, so
//! `jav&#x61;script:` and `java%73cript:` are refused even where a browser
//! would in fact treat them as harmless relative paths. Refusing a few odd
//! relative URLs is a fair price for never executing one.

use std::borrow::Cow;

use crate::core::entities::decode_char_refs;

mod resolve;

pub use resolve::resolve;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    Link,
    Image,
}

/// The cleaned `raw` if it is allowed as a link target (`href`), else
/// `None`. Cleaning strips leading/trailing C0 controls and spaces and
/// removes ASCII tab, LF and CR anywhere, as the URL parser does; the result
/// is otherwise returned as written (not decoded).
pub fn safe_link(raw: &str) -> Option<String> {
    check(raw, Use::Link)
}

/// The cleaned `raw` if it is allowed as an image source, else `None`.
/// Allows `http`, `https`, relative URLs and
/// `data:image/(png|jpeg|gif|webp)` only (no SVG: it can carry script).
pub fn safe_image(raw: &str) -> Option<String> {
    check(raw, Use::Image)
}

/// A `tel:` URL for a phone number as printed, e.g. `0917-3260651` →
/// `tel:0917-3260651`. Leading labels are skipped; the number ends at the
/// first character that cannot be part of it (so `0917-3260651、3260652`
/// dials the first). Spaces, brackets and dots are dropped; full-width
/// digits are mapped to ASCII. `None` when there are no digits.
pub fn tel_href(phone: &str) -> Option<String> {
    let mut out = String::new();
    for c in phone.chars().map(fold_width) {
        match c {
            '0'..='9' => out.push(c),
            '+' if out.is_empty() => out.push(c),
            '-' if !out.is_empty() && !out.ends_with('-') => out.push(c),
            ' ' | '\u{a0}' | '(' | ')' | '.' | '\t' => {}
            // Still in a leading label such as "电话:".
            _ if out.is_empty() => {}
            _ => break,
        }
    }
    let out = out.trim_end_matches('-');
    out.bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| format!("tel:{out}"))
}

/// A `mailto:` URL for a plain address, or `None` if it does not look like
/// one. The check is deliberately simple (one `@`, something on both sides,
/// a dot in the domain) but refuses anything that could change the meaning
/// of the URL: whitespace, controls, quotes, angle brackets, `?`, `#`, `,`,
/// `;`, `:`, `/`, `\` and `%`.
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let bad = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '?' | '#' | ',' | ';' | ':' | '/' | '\\' | '%' | '@' | '`'
            )
    };
    let ok = !local.is_empty()
        && !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !local.chars().any(bad)
        && !domain.chars().any(bad);
    ok.then(|| format!("mailto:{email}"))
}

/// Full-width digits and signs (０-９, ＋, －) as ASCII.
fn fold_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '＋' => '+',
        '－' | '‐' | '‑' | '–' | '—' => '-',
        '（' => '(',
        '）' => ')',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Strips leading/trailing C0 controls and spaces, and ASCII tab/LF/CR
/// anywhere: exactly what the URL parser ignores, so "java\tscript:" is
/// seen as "javascript:".
fn clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn check(raw: &str, usage: Use) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    // Every decoded form must pass; stop when decoding changes nothing.
    // Inputs still changing after a few rounds are layered on purpose and
    // refused.
    let mut form = cleaned.clone();
    for _ in 0..6 {
        if !scheme_allowed(&form, usage) {
            return None;
        }
        let next = clean(&percent_decode(&decode_char_refs(&form, true)));
        if next == form {
            return Some(cleaned);
        }
        form = next;
    }
    None
}

/// The scheme of `url`, lowercased, or `None` for a relative URL. A `:`
/// before any `/ ? # \` marks a scheme; whitespace and invisible characters
/// inside it are ignored, so "java script:" still counts as `javascript`.
fn scheme_of(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#', '\\'])?;
    if !url[end..].starts_with(':') {
        return None;
    }
    Some(
        url[..end]
            .chars()
            .filter(|&c| !(c.is_whitespace() || c.is_control() || is_invisible(c)))
            .collect::<String>()
            .to_ascii_lowercase(),
    )
}

/// Zero-width and formatting characters a sneaky scheme might hide behind.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

fn scheme_allowed(url: &str, usage: Use) -> bool {
    match scheme_of(url).as_deref() {
        None => true,
        Some("http" | "https") => true,
        Some("mailto" | "tel") => usage == Use::Link,
        Some("data") => usage == Use::Image && is_raster_data_url(url),
        Some(_) => false,
    }
}

/// `data:image/png;base64,…` and friends; not SVG, not HTML.
fn is_raster_data_url(url: &str) -> bool {
    let Some(head) = url.get(..5) else {
        return false;
    };
    if !head.eq_ignore_ascii_case("data:") {
        return false;
    }
    // Only the media type matters; no need to lowercase a megabyte of base64.
    let rest = &url[5..];
    let media_end = rest.find([';', ',']).unwrap_or(rest.len());
    let media = rest[..media_end].to_ascii_lowercase();
    matches!(
        media.as_str(),
        "image/png" | "image/jpeg" | "image/gif" | "image/webp"
    ) && rest.contains(',')
}

/// Decodes `%XX` escapes (invalid UTF-8 becomes U+FFFD). Only used for the
/// policy check, never for the URL that is returned.
fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hi = (b[i + 1] as char).to_digit(16);
            let lo = (b[i + 2] as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_web_mail_phone_and_relative() {
        for ok in [
            "https://example.com/a?b=1#c",
            "HTTP://EXAMPLE.COM",
            "mailto:a@b.cn",
            "tel:0917-3260651",
            "//cdn.example.com/x",
            "#frag",
            "?q=1",
            "/path/到/新闻.html",
            "path",
            "./a:b",
        ] {
            assert_eq!(safe_link(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn links_refuse_script_and_other_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav&#x61;script:alert(1)",
            "jav&#97script:alert(1)",
            "javascript&colon;alert(1)",
            "java%73cript:alert(1)",
            "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
            "java&#x25;73cript:alert(1)",
            "java\u{200b}script:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "blob:https://x/y",
            "about:blank",
            "",
            "   ",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn cleaned_url_is_returned_undecoded() {
        assert_eq!(
            safe_link("  https://a.cn/x%20y?a=1&amp;b=2\n").as_deref(),
            Some("https://a.cn/x%20y?a=1&amp;b=2")
        );
        assert_eq!(safe_link("ht\ttps://a.cn").as_deref(), Some("https://a.cn"));
    }

    #[test]
    fn images_allow_web_relative_and_raster_data() {
        for ok in [
            "https://img.example.com/a.jpg",
            "/uploads/1.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:IMAGE/JPEG;base64,/9j/",
            "data:image/gif,GIF89a",
            "data:image/webp;base64,UklGR",
        ] {
            assert_eq!(safe_image(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/png",
            "data:image/pngx;base64,AA",
            "mailto:a@b.cn",
            "tel:123",
            "file:///c:/a.png",
        ] {
            assert_eq!(safe_image(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn phone_links() {
        assert_eq!(
            tel_href("0917-3260651").as_deref(),
            Some("tel:0917-3260651")
        );
        assert_eq!(
            tel_href("+86 917 326 0651").as_deref(),
            Some("tel:+869173260651")
        );
        assert_eq!(
            tel_href("(0917) 3260651").as_deref(),
            Some("tel:09173260651")
        );
        assert_eq!(
            tel_href("电话:０９１７－３２６０６５１").as_deref(),
            Some("tel:0917-3260651")
        );
        assert_eq!(
            tel_href("0917-3260651、3260652").as_deref(),
            Some("tel:0917-3260651")
        );
        assert_eq!(tel_href("暂无"), None);
        assert_eq!(tel_href(""), None);
    }

    #[test]
    fn email_links() {
        assert_eq!(
            mailto_href(" bjsycb2008@163.com ").as_deref(),
            Some("mailto:bjsycb2008@163.com")
        );
        for bad in [
            "no-at",
            "a@b@c.cn",
            "@163.com",
            "a@",
            "a b@163.com",
            "a@163.com?subject=x",
            "a@localhost",
            "\"a\"@b.cn",
            "a<b>@c.cn",
            "a\n@b.cn",
        ] {
            assert_eq!(mailto_href(bad), None, "{bad:?}");
        }
    }
}
