//! What the CLI tests share: running the built binary, scratch folders,
//! articles to index, and searching an index from disk with the site engine.
// Each test crate that includes this module uses only some of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use article_reader::core::search::parse_query;
use article_reader::core::search::site::{Manifest, SiteIndex, SiteResults, Step};

pub fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-reader"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

/// A fresh scratch directory under target/.
pub fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

pub fn article(id: &str, title: &str, body: &str) -> String {
    format!(
        r#"{{"format":"article-reader","version":1,"id":"{id}","url":"/news/{id}.html","src":"/news/{id}.json","title":"{title}","published":"2024-02-22","blocks":[{{"type":"paragraph","text":"{body}"}}]}}"#
    )
}

/// Indexes `n` old articles (`n0`…, titled 旧闻0…, all about 发展) into
/// `dir/index` with the built CLI, and returns that index's path.
pub fn index_old_news(dir: &Path, n: usize) -> PathBuf {
    let first = dir.join("first.json");
    let docs: Vec<String> = (0..n)
        .map(|i| article(&format!("n{i}"), &format!("旧闻{i}"), "宝鸡市高质量发展"))
        .collect();
    fs::write(&first, format!("[{}]", docs.join(","))).unwrap();
    let out = dir.join("index");
    let o = bin(&[
        "index",
        "--out",
        out.to_str().unwrap(),
        first.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The plain bytes of a segment file (all are stored gzipped; reading one
/// as plain bytes fails the test).
pub fn read_gz(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(path).unwrap())
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("{}: not gzip: {e}", path.display()));
    out
}

pub fn search(dir: &Path, q: &str) -> SiteResults {
    let m = Manifest::from_json(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let mut ix = SiteIndex::new(m);
    loop {
        match ix.search(&parse_query(q), 10).unwrap() {
            Step::Done(r) => return r,
            Step::Need(paths) => {
                for p in paths {
                    ix.add_file(p.clone(), read_gz(&dir.join(&p)));
                }
            }
        }
    }
}

pub fn ids(r: &SiteResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
