//! Rules the source must keep, checked on every test run:
//! document data reaches the DOM only as text (no raw-HTML sinks anywhere),
//! the glue has no `eval`, and the core stays plain Rust.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &str, ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if ext.iter().any(|e| p.extension().is_some_and(|x| x == *e)) {
                out.push(p);
            }
        }
    }
    assert!(!out.is_empty(), "no files under {dir}");
    out
}

/// The code of `text`, line by line, with comments blanked out: `//` line
/// comments (`///` and `//!` too) and `/* … */` block comments, even when
/// they span lines. A `//` counts as a comment only at the start of a line
/// or after whitespace, so `http://…` in a string stays code. Lines keep
/// their numbers; a line that merely starts with `*` is still code.
fn code_lines(text: &str) -> Vec<String> {
    let mut in_block = false;
    text.lines()
        .map(|line| {
            let mut code = String::new();
            let mut rest = line;
            loop {
                if in_block {
                    match rest.find("*/") {
                        Some(end) => {
                            rest = &rest[end + 2..];
                            in_block = false;
                        }
                        None => break,
                    }
                } else {
                    let block = rest.find("/*");
                    let line_comment = rest
                        .match_indices("//")
                        .map(|(i, _)| i)
                        .find(|&i| i == 0 || rest[..i].ends_with(char::is_whitespace));
                    match (block, line_comment) {
                        (Some(b), Some(l)) if l < b => {
                            code.push_str(&rest[..l]);
                            break;
                        }
                        (None, Some(l)) => {
                            code.push_str(&rest[..l]);
                            break;
                        }
                        (Some(b), _) => {
                            code.push_str(&rest[..b]);
                            code.push(' ');
                            rest = &rest[b + 2..];
                            in_block = true;
                        }
                        (None, None) => {
                            code.push_str(rest);
                            break;
                        }
                    }
                }
            }
            code
        })
        .collect()
}

/// Finds `needles` in code (comments are allowed to name them).
fn offenders(paths: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for p in paths {
        let text = fs::read_to_string(p).unwrap();
        for (n, code) in code_lines(&text).iter().enumerate() {
            for needle in needles {
                if code.contains(needle) {
                    found.push(format!("{}:{}: {needle}", p.display(), n + 1));
                }
            }
        }
    }
    found
}

// The needles are split so this file does not match itself.
const HTML_SINKS: &[&str] = &[
    concat!("from_html", "_unchecked"),
    concat!("set_inner", "_html"),
    concat!("inner", "HTML"),
    concat!("outer", "HTML"),
    concat!("insertAdjacent", "HTML"),
    concat!("set_outer", "_html"),
    concat!("document.", "write"),
    concat!("VRaw", "::"),
    concat!("setHTML", "Unsafe"),
    concat!("set_html", "_unsafe"),
    concat!("parseHTML", "Unsafe"),
    concat!("parse_html", "_unsafe"),
    concat!("createContextual", "Fragment"),
    concat!("create_contextual", "_fragment"),
    concat!("DOM", "Parser"),
    concat!("Dom", "Parser"),
];

#[test]
fn no_raw_html_sinks_in_rust_or_js() {
    let mut paths = files("src", &["rs"]);
    paths.extend(files("js", &["js"]));
    let found = offenders(&paths, HTML_SINKS);
    assert!(found.is_empty(), "raw HTML sinks:\n{}", found.join("\n"));
}

#[test]
fn no_eval_in_the_glue() {
    let found = offenders(
        &files("js", &["js"]),
        &[concat!("eval", "("), concat!("new ", "Function")],
    );
    assert!(found.is_empty(), "eval in the glue:\n{}", found.join("\n"));
}

#[test]
fn core_uses_no_browser_or_ui_crates() {
    let found = offenders(
        &files("src/core", &["rs"]),
        &["yew::", "web_sys::", "wasm_bindgen::", "gloo::", "js_sys::"],
    );
    assert!(
        found.is_empty(),
        "browser crates in core:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_finds_a_sink_when_there_is_one() {
    let dir = std::env::temp_dir().join("ar-source-policy");
    fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.rs");
    fs::write(&bad, format!("el.{}(&html);\n", HTML_SINKS[1])).unwrap();
    assert_eq!(offenders(&[bad], HTML_SINKS).len(), 1);
}

#[test]
fn the_checker_reads_code_around_comments() {
    let dir = std::env::temp_dir().join("ar-source-policy");
    fs::create_dir_all(&dir).unwrap();
    let js = dir.join("comments.js");
    let text = [
        // Comments may name a sink …
        "// innerHTML is never used",
        "/** Not even",
        " * el.innerHTML = x",
        " */",
        "const a = 1; /* innerHTML */ const b = 2;",
        "fetch('http://x/page'); // innerHTML",
        // … but code after a block comment, a line starting with `*` and a
        // line after a URL are code.
        "/* note */ el.innerHTML = x;",
        "const n = 2",
        "  * el.insertAdjacentHTML('beforeend', x);",
        "fetch('http://x/'); el.setHTMLUnsafe(x);",
        "const f = range.createContextualFragment(x);",
        "const d = new DOMParser().parseFromString(x, 'text/html');",
    ]
    .join("\n");
    fs::write(&js, text).unwrap();
    let lines: Vec<String> = offenders(&[js], HTML_SINKS)
        .iter()
        .map(|f| f.split(':').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(lines, ["7", "9", "10", "11", "12"]);
}
