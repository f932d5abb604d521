//! The `article-reader index` command, run as a built binary: bad inputs
//! are reported with file, line and field path and skipped; `--strict`
//! stops at the first; nothing indexable fails. Updates are in
//! cli_index_update.rs.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use std::fs;

use cli_support::*;

#[test]
fn bad_documents_are_reported_with_file_line_and_path_and_skipped() {
    let d = scratch("cli-bad");
    let input = d.join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    let feed = String::from(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"f","items":[
  {"id":"f1","url":"/f1.html","title":"锤炼作风","content_text":"高质量发展"},
  {"id":"f2","url":"/f2.html","title":"只有标题"},
  {"id":"f3","title":"没有链接","content_text":"正文"}
]}"#,
    );
    fs::write(input.join("feed.json"), feed).unwrap();
    let jsonl = format!(
        "{}\n{{\"format\":\"article-reader\",\"version\":1,\"title\":\"t\",\"blocks\":[{{\"type\":\"nope\"}}]}}\n\n{}\n",
        article("j1", "干部作风", "APP打卡"),
        article("j2", "其他", "正文")
    );
    fs::write(input.join("sub/day.jsonl"), jsonl).unwrap();
    fs::write(input.join("sub/broken.json"), "{\n  \"format\": ,\n}").unwrap();
    fs::write(input.join("sub/notes.txt"), "not a document").unwrap();
    let out = d.join("index");
    let o = bin(&[
        "index",
        "--out",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{err}");
    // An item with a title and a link but no text is shown (and indexed)
    // as the reader shows it: its title and a link to the original.
    assert!(!err.contains("feed.json:3:"), "{err}");
    assert!(
        err.contains("feed.json:4:") && err.contains("items[2].url"),
        "{err}"
    );
    assert!(
        err.contains("day.jsonl:2:") && err.contains("blocks[0].type"),
        "{err}"
    );
    assert!(err.contains("broken.json:2:"), "{err}");
    assert!(!err.contains("notes.txt"), "{err}");
    assert!(
        stdout.contains("indexed 4 documents") && stdout.contains("3 skipped"),
        "{stdout}"
    );
    let r = search(&out, "作风");
    assert_eq!(ids(&r), ["f1", "j1"]);
    assert_eq!(ids(&search(&out, "只有标题")), ["f2"]);
    let hit = &search(&out, "app打卡").hits[0];
    assert_eq!(hit.url.as_deref(), Some("/news/j1.html"));
    assert_eq!(hit.src.as_deref(), Some("/news/j1.json"));
}

#[test]
fn strict_stops_and_nothing_indexable_fails() {
    let d = scratch("cli-strict");
    let good = d.join("good.json");
    fs::write(&good, format!("[{}]", article("a", "标题", "正文"))).unwrap();
    let bad = d.join("bad.jsonl");
    fs::write(&bad, "{\"x\": 1}\n").unwrap();
    let out = d.join("index");
    let o = bin(&[
        "index",
        "--strict",
        "--out",
        out.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.jsonl:1:"));
    assert!(!out.join("manifest.json").exists());
    let o = bin(&[
        "index",
        "--out",
        out.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing to index"));
    assert!(!out.join("manifest.json").exists());
    let o = bin(&[
        "index",
        "--out",
        out.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(o.status.success());
}
