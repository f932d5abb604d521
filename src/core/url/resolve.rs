//! Resolving a relative reference against a base URL (RFC 3986 §5.2, the
//! subset documents need): `images/a.jpg`, `../a.jpg`, `/a.jpg`, `//host/a`,
//! `?q`, `#frag`. Only `http(s)` bases are used: anything else gives
//! `None`, and the caller keeps the reference as it is.

/// `reference` resolved against `base`; a reference with its own scheme is
/// returned as written. `None` when `base` is not an absolute `http(s)` URL.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(authority_end);
    if authority.is_empty() {
        return None;
    }
    let origin = format!("{scheme}://{authority}");
    let path_end = after.find(['?', '#']).unwrap_or(after.len());
    let base_path = if after[..path_end].is_empty() {
        "/"
    } else {
        &after[..path_end]
    };
    let base_query_end = after.find('#').unwrap_or(after.len());
    if has_scheme(reference) {
        return Some(reference.to_owned());
    }
    if let Some(r) = reference.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    if reference.is_empty() || reference.starts_with('#') {
        let path_and_query = match &after[..base_query_end] {
            "" => "/",
            p => p,
        };
        return Some(format!("{origin}{path_and_query}{reference}"));
    }
    if reference.starts_with('?') {
        return Some(format!("{origin}{base_path}{reference}"));
    }
    let (ref_path, tail) =
        reference.split_at(reference.find(['?', '#']).unwrap_or(reference.len()));
    let merged = if ref_path.starts_with('/') {
        ref_path.to_owned()
    } else {
        let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{ref_path}")
    };
    Some(format!("{origin}{}{tail}", remove_dot_segments(&merged)))
}

/// True when `s` starts with a URL scheme (`http:`, `mailto:`, `data:`).
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = &s[..i];
            scheme.as_bytes()[0].is_ascii_alphabetic()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        }
        _ => false,
    }
}

/// RFC 3986 §5.2.4 on an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3986_examples() {
        // RFC 3986 §5.4.1, base http://a/b/c/d;p?q
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("https://x.org/y", "https://x.org/y"),
            ("mailto:a@b.c", "mailto:a@b.c"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "{r}");
        }
    }

    #[test]
    fn bases_without_a_path_and_refused_bases() {
        assert_eq!(
            resolve("https://blog.example.cn", "images/trico1.jpg").as_deref(),
            Some("https://blog.example.cn/images/trico1.jpg")
        );
        assert_eq!(
            resolve("https://x.cn/a/b.html#top", "#s").as_deref(),
            Some("https://x.cn/a/b.html#s")
        );
        assert_eq!(resolve("/relative/base", "a.jpg"), None);
        assert_eq!(resolve("javascript:alert(1)//", "a.jpg"), None);
        assert_eq!(resolve("https://", "a.jpg"), None);
    }
}
