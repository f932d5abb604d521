//! The `article-reader search` command, run as a built binary over an
//! index built by `article-reader index`: its hits are exactly the
//! documents whose normalised title or body holds every term (checked
//! against a substring scan), an absent string finds nothing, and a
//! missing or damaged index is a clear error with a non-zero exit.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use article_reader::core::search::normalize_str;
use cli_support::*;

/// Poems of a few lines each, cut from a fixed text so that characters
/// and pairs repeat across documents (and some only in titles).
fn documents() -> Vec<(String, String, String)> {
    let lines = [
        "春风又绿江南岸",
        "明月何时照我还",
        "床前明月光",
        "疑是地上霜",
        "举头望明月",
        "低头思故乡",
        "春眠不觉晓",
        "处处闻啼鸟",
        "夜来风雨声",
        "花落知多少",
        "APP打卡 2024",
    ];
    (0..40)
        .map(|i| {
            let title = format!("{}{}", ["春日", "月夜", "故乡", "风雨"][i % 4], i);
            let body: Vec<&str> = (0..3)
                .map(|k| lines[(i * 7 + k * 3) % lines.len()])
                .collect();
            (format!("d{i}"), title, body.join("，"))
        })
        .collect()
}

/// The index of [`documents`], built by the CLI in a fresh directory.
fn built(name: &str) -> PathBuf {
    let d = scratch(name);
    let jsonl: String = documents()
        .iter()
        .map(|(id, title, body)| article(id, title, body) + "\n")
        .collect();
    fs::write(d.join("docs.jsonl"), jsonl).unwrap();
    let out = d.join("index");
    let o = bin(&[
        "index",
        "--out",
        out.to_str().unwrap(),
        d.join("docs.jsonl").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The ids of the documents holding every space-separated term.
fn truth(q: &str) -> BTreeSet<String> {
    let terms: Vec<String> = normalize_str(q)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    documents()
        .into_iter()
        .filter(|(_, title, body)| {
            let fields = [normalize_str(title), normalize_str(body)];
            terms
                .iter()
                .all(|t| fields.iter().any(|f| f.contains(t.as_str())))
        })
        .map(|(id, _, _)| id)
        .collect()
}

/// `search DIR QUERY --all --json`: the header line and the hits.
fn search_all(dir: &Path, q: &str) -> (serde_json::Value, Vec<serde_json::Value>) {
    let o = bin(&["search", "--all", "--json", dir.to_str().unwrap(), q]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut lines = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap());
    let head = lines.next().expect("a header line");
    (head, lines.collect())
}

#[test]
fn every_hit_is_exactly_the_substring_truth() {
    let dir = built("cli-search-exact");
    for q in [
        "明月",
        "月",
        "春",
        "风雨",
        "明月 春",
        "故乡",
        "app打卡",
        "2024",
        "，低",
    ] {
        let want = truth(q);
        assert!(!want.is_empty(), "{q}: the fixture should match something");
        let (head, hits) = search_all(&dir, q);
        let got: BTreeSet<String> = hits
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, want, "{q}");
        assert_eq!(hits.len(), want.len(), "{q}: a document listed twice");
        assert_eq!(head["total"], want.len(), "{q}");
        assert_eq!(head["shown"], want.len(), "{q}");
        assert_eq!(head["query"], q);
        // Each hit is the document it names.
        for h in &hits {
            let id = h["id"].as_str().unwrap();
            assert_eq!(h["url"], format!("/news/{id}.html"));
            let (_, title, _) = documents().into_iter().find(|d| d.0 == id).unwrap();
            assert_eq!(h["title"], title.as_str());
        }
    }
}

#[test]
fn the_default_shows_the_best_ten_and_counts_all() {
    let dir = built("cli-search-text");
    let want = truth("月");
    assert!(want.len() > 10, "{} documents", want.len());
    let o = bin(&["search", dir.to_str().unwrap(), "月"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{} documents match, 10 shown", want.len())
    );
    let rest: Vec<&str> = lines.collect();
    assert_eq!(rest.len(), 20, "{text}");
    for pair in rest.chunks(2) {
        let id = pair[0].split("  ").next().unwrap();
        assert!(want.contains(id), "{id} in {text}");
        assert!(pair[0].contains(&format!("/news/{id}.html")), "{text}");
        // The term is in the title or in the snippet under it.
        assert!(pair[1].starts_with("    "), "{text}");
        assert!(pair[0].contains('月') || pair[1].contains('月'), "{text}");
    }
    // Several arguments are one query (AND of the terms).
    let (head, hits) = search_all(&dir, "明月 春");
    let o = bin(&[
        "search",
        "--limit",
        "3",
        "--json",
        dir.to_str().unwrap(),
        "明月",
        "春",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), 1 + 3.min(hits.len()), "{text}");
    assert!(text.starts_with(&format!(
        "{{\"query\":\"明月 春\",\"total\":{},",
        head["total"]
    )));
}

#[test]
fn an_absent_string_finds_nothing() {
    let dir = built("cli-search-absent");
    for q in ["明月丨春", "xyz", "霜 APP打卡 夜来"] {
        assert!(truth(q).is_empty(), "{q}");
        let (head, hits) = search_all(&dir, q);
        assert_eq!(head["total"], 0, "{q}");
        assert!(hits.is_empty(), "{q}");
    }
    let o = bin(&["search", dir.to_str().unwrap(), "xyz"]);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "0 documents match, 0 shown\n"
    );
}

fn fails_with(args: &[&str], says: &[&str]) {
    let o = bin(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{args:?} succeeded");
    assert!(o.stdout.is_empty(), "{args:?}");
    for s in says {
        assert!(err.contains(s), "{args:?}: {err}");
    }
}

#[test]
fn a_missing_or_damaged_index_is_an_error() {
    let d = scratch("cli-search-missing");
    let none = d.join("nothing-here");
    fails_with(
        &["search", none.to_str().unwrap(), "月"],
        &[
            "article-reader search:",
            "manifest.json",
            "article-reader index",
        ],
    );

    let dir = built("cli-search-damaged");
    // Damaged files inside a segment: every posting file (whichever holds
    // the query's keys) stored plain instead of gzipped, then gone.
    let postings: Vec<PathBuf> = files_under(&dir)
        .into_iter()
        .filter(|p| p.parent().unwrap().ends_with("p"))
        .collect();
    assert!(!postings.is_empty());
    for p in &postings {
        fs::write(p, b"not an index file").unwrap();
    }
    fails_with(
        &["search", dir.to_str().unwrap(), "月"],
        &["article-reader search:", "not gzip"],
    );
    for p in &postings {
        fs::remove_file(p).unwrap();
    }
    fails_with(
        &["search", dir.to_str().unwrap(), "月"],
        &["article-reader search:", "/p/"],
    );

    // A manifest that is not one.
    fs::write(dir.join("manifest.json"), "{\"format\": 3").unwrap();
    fails_with(
        &["search", dir.to_str().unwrap(), "月"],
        &["article-reader search:", "manifest.json"],
    );
    // One naming a file outside the index (refused by the manifest's
    // reader, and by the CLI before reading any file it names).
    let other = built("cli-search-outside");
    let manifest = fs::read_to_string(other.join("manifest.json")).unwrap();
    let seg = manifest
        .split("\"dir\":\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    fs::write(
        dir.join("manifest.json"),
        manifest.replace(&format!("\"dir\":\"{seg}\""), "\"dir\":\"../x\""),
    )
    .unwrap();
    fails_with(
        &["search", dir.to_str().unwrap(), "月"],
        &["article-reader search:"],
    );
}
