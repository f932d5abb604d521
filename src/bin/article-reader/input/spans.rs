//! Where each element of a top-level JSON array, or each item of a JSON
//! Feed, sits in a file's text: found by skipping over values byte by byte,
//! so each document is parsed (and reported) on its own.

use std::ops::Range;

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the string starting at `i`.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

/// The end of the JSON value starting at `i` (strings and nesting tracked;
/// the value itself is checked by the parser later).
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'[' | b'{' => {
            let (mut depth, mut j) = (0usize, i);
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b']' | b'}') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Byte ranges of the elements of the array starting at `open`.
pub(super) fn elements(b: &[u8], open: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = skip_ws(b, open + 1);
    if b.get(i) == Some(&b']') {
        return out;
    }
    loop {
        let Some(end) = skip_value(b, i) else {
            return Vec::new();
        };
        out.push(i..end);
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b']') => return out,
            _ => return Vec::new(),
        }
    }
}

/// The elements of a JSON Feed's `items`, when the object at `open` is a
/// feed.
pub(super) fn feed_items(text: &str, open: usize) -> Option<Vec<Range<usize>>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, open + 1);
    let mut items = None;
    let mut is_feed = false;
    while b.get(i) == Some(&b'"') {
        let key_end = skip_value(b, i)?;
        let key = &text[i..key_end];
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let end = skip_value(b, i)?;
        match key {
            "\"items\"" if b.get(i) == Some(&b'[') => items = Some(elements(b, i)),
            "\"version\"" => is_feed = text[i..end].contains("jsonfeed.org/version/"),
            _ => {}
        }
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    if is_feed {
        items
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_and_feed_items() {
        let t = r#"[ {"a": [1, "]"]}, "x\"y" , 3 ]"#;
        let r: Vec<&str> = elements(t.as_bytes(), 0)
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(r, [r#"{"a": [1, "]"]}"#, r#""x\"y""#, "3"]);
        let f =
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": 1}, {"id": 2}]}"#;
        let items: Vec<&str> = feed_items(f, 0)
            .unwrap()
            .into_iter()
            .map(|r| &f[r])
            .collect();
        assert_eq!(items, [r#"{"id": 1}"#, r#"{"id": 2}"#]);
        assert!(feed_items(r#"{"items": []}"#, 0).is_none());
    }
}
