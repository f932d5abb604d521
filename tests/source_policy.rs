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

/// Finds `needles` in code lines (comments are allowed to name them).
fn offenders(paths: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for p in paths {
        let text = fs::read_to_string(p).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
                continue;
            }
            for needle in needles {
                if line.contains(needle) {
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
