//! Which URL an `<img>` shows. Pages lazy-load images: the real address
//! sits in `data-src`, `data-original`, `data-lazy-src`… while `src` holds a
//! placeholder (a 1×1 GIF, a spinner), or only `srcset` is given. Read in
//! order of preference: the lazy attributes, then `src` unless it is an
//! inline placeholder, then a `srcset` candidate.

use super::tokenizer::Token;

/// Lazy-loading attributes, in order of preference.
const LAZY: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-actualsrc",
    "data-original-src",
    "data-url",
];

/// Widest `srcset` candidate worth loading in a reading column (CSS px ×
/// a high-density screen).
const MAX_WIDTH: u32 = 1600;

/// The source URL of an image token (untrusted: still to pass the image
/// policy), and its intrinsic size when both dimensions are given.
pub(super) struct ImageSource {
    pub(super) src: Option<String>,
    pub(super) size: Option<(u32, u32)>,
}

impl ImageSource {
    /// A tracking pixel or spacer: 1×1 (or smaller) as declared.
    pub(super) fn is_pixel(&self) -> bool {
        self.size.is_some_and(|(w, h)| w <= 1 && h <= 1)
    }
}

fn non_empty<'t>(token: &'t Token<'_>, name: &str) -> Option<&'t str> {
    token.attr(name).map(str::trim).filter(|v| !v.is_empty())
}

/// A `width`/`height` attribute as whole CSS pixels (`"640"`, `"640px"`,
/// `"640.5"`): its leading digits. (Read by hand: a float parser would
/// weigh on the wasm for one attribute.)
fn dimension(token: &Token<'_>, name: &str) -> Option<u32> {
    leading_number(non_empty(token, name)?).map(|(whole, _)| whole)
}

/// The leading decimal number of `s` as (whole part, first two fraction
/// digits as hundredths); `None` when `s` does not start with a digit.
fn leading_number(s: &str) -> Option<(u32, u32)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let whole = s[..digits].parse::<u32>().unwrap_or(u32::MAX);
    let frac = s[digits..].strip_prefix('.').unwrap_or("");
    let hundredths = frac
        .bytes()
        .take(2)
        .take_while(u8::is_ascii_digit)
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i == 0 { 10 } else { 1 })
        .sum();
    Some((whole, hundredths))
}

/// Reads an `img` (or a `source` of a `picture`).
pub(super) fn image_source(token: &Token<'_>) -> ImageSource {
    let src = non_empty(token, "src");
    let placeholder = src.is_none_or(|s| s.starts_with("data:") || s.starts_with("about:"));
    let chosen = LAZY
        .iter()
        .find_map(|a| non_empty(token, a))
        .map(str::to_owned)
        .or_else(|| src.filter(|_| !placeholder).map(str::to_owned))
        .or_else(|| {
            ["data-srcset", "srcset"]
                .iter()
                .find_map(|a| non_empty(token, a).and_then(from_srcset))
        })
        .or_else(|| src.map(str::to_owned));
    let size = dimension(token, "width").zip(dimension(token, "height"));
    ImageSource { src: chosen, size }
}

/// A sensible candidate of a `srcset`: the widest up to [`MAX_WIDTH`] (or
/// the narrowest when all are wider); with density descriptors, the
/// highest up to 2x.
pub(super) fn from_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(u32, &str)> = None;
    let mut fallback: Option<(u32, &str)> = None;
    for candidate in srcset.split(", ").flat_map(|c| c.split(",\n")) {
        let mut parts = candidate.split_ascii_whitespace();
        let Some(url) = parts.next() else { continue };
        let url = url.trim_end_matches(',');
        // Width in w, or density ×100 so 1.5x compares as 150.
        let weight = match parts.next() {
            None => 100,
            Some(d) if d.ends_with('w') => d[..d.len() - 1].parse().unwrap_or(0),
            Some(d) if d.ends_with('x') => {
                leading_number(d).map_or(100, |(w, h)| w.saturating_mul(100).saturating_add(h))
            }
            Some(_) => continue,
        };
        let limit = if candidate.trim_end().ends_with('w') {
            MAX_WIDTH
        } else {
            200
        };
        if weight <= limit {
            if best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, url));
            }
        } else if fallback.is_none_or(|(w, _)| weight < w) {
            fallback = Some((weight, url));
        }
    }
    best.or(fallback)
        .map(|(_, u)| u.to_owned())
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::html::tokenizer::Tokenizer;

    fn src_of(html: &str) -> (Option<String>, Option<(u32, u32)>) {
        let t = Tokenizer::new(html).next().unwrap();
        let s = image_source(&t);
        (s.src, s.size)
    }

    #[test]
    fn lazy_attributes_win_over_placeholders() {
        let gif = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        assert_eq!(
            src_of(&format!(r#"<img src="{gif}" data-src="/a.jpg">"#))
                .0
                .as_deref(),
            Some("/a.jpg")
        );
        assert_eq!(
            src_of(r#"<img src="/s.gif" data-original="/b.jpg">"#)
                .0
                .as_deref(),
            Some("/b.jpg")
        );
        assert_eq!(
            src_of(&format!(
                r#"<img src="{gif}" data-srcset="/c-400.jpg 400w, /c-800.jpg 800w">"#
            ))
            .0
            .as_deref(),
            Some("/c-800.jpg")
        );
        assert_eq!(
            src_of(&format!(r#"<img src="{gif}">"#)).0.as_deref(),
            Some(gif)
        );
        assert_eq!(
            src_of(r#"<img src="/d.jpg" width="640" height="480px">"#),
            (Some("/d.jpg".into()), Some((640, 480)))
        );
    }

    #[test]
    fn srcset_candidates() {
        assert_eq!(
            from_srcset("/a.jpg 320w, /b.jpg 1024w, /c.jpg 3000w").as_deref(),
            Some("/b.jpg")
        );
        assert_eq!(
            from_srcset("/big.jpg 4000w, /bigger.jpg 5000w").as_deref(),
            Some("/big.jpg")
        );
        assert_eq!(
            from_srcset("/a.jpg, /b.jpg 2x, /c.jpg 3x").as_deref(),
            Some("/b.jpg")
        );
        assert_eq!(from_srcset("/a,b.jpg 1x").as_deref(), Some("/a,b.jpg"));
        assert_eq!(from_srcset(""), None);
    }
}
