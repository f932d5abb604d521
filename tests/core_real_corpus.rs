//! The real-world corpus (`tests/fixtures/real/`, see its README): every
//! document is read as the viewer reads it and checked against
//! `expected.json`, which a separate script derived from the documents
//! without our code: titles; per item, the tables, code blocks, images and
//! attachments of its HTML; no literal markup or raw character reference in
//! any visible text; no relative URL left where the document gives a base;
//! and the documents that must be refused are refused for the right reason.

use std::collections::BTreeSet;
use std::path::Path;

use article_reader::core::html::blocks_from_html;
use article_reader::core::{
    parse_document_from, parse_json, Article, Block, Document, Limits, LoadError,
};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real");
/// Where the corpus is pretended to be fetched from: a relative URL left
/// unresolved by the document's own base resolves here and is caught.
const FETCHED_FROM: &str = "https://fetched.invalid/feeds/doc.json";

fn expected() -> Value {
    let text = std::fs::read_to_string(Path::new(DIR).join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    tables: usize,
    code_blocks: usize,
    images: usize,
    attachments: usize,
}

fn counts(blocks: &[Block]) -> Counts {
    let mut c = Counts::default();
    for b in blocks {
        match b {
            Block::Table(_) => c.tables += 1,
            Block::Code { .. } => c.code_blocks += 1,
            Block::Image { .. } => c.images += 1,
            Block::Attachments(files) => c.attachments += files.len(),
            _ => {}
        }
    }
    c
}

/// Every text a reader sees in an article.
fn visible_texts(a: &Article) -> Vec<String> {
    let mut out = vec![a.title.clone()];
    out.extend(a.lead.iter().map(|l| l.plain.clone()));
    out.extend(a.author.clone());
    for b in &a.blocks {
        out.extend(b.rich_texts().into_iter().map(|t| t.plain.clone()));
        match b {
            Block::Image { alt, .. } => out.push(alt.clone()),
            Block::Attachments(files) => out.extend(files.iter().map(|f| f.name.clone())),
            Block::Embed(e) => out.extend(e.title.clone()),
            _ => {}
        }
    }
    out
}

/// A raw character reference (`&amp;`, `&#8217;`, a bare `&nbsp`) or a
/// literal tag (`<p>`, `</div>`, `<br/>`) in visible text.
fn raw_markup(s: &str) -> Option<String> {
    for (i, _) in s.match_indices('&') {
        let rest = &s[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .collect();
        let known = ["amp", "lt", "gt", "quot", "nbsp", "apos", "mdash", "hellip"];
        if !name.is_empty()
            && (rest[name.len()..].starts_with(';') || known.contains(&name.as_str()))
        {
            return Some(s[i..].chars().take(20).collect());
        }
    }
    for (i, _) in s.match_indices('<') {
        let rest = s[i + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let tags = [
            "p", "div", "br", "span", "img", "a", "strong", "em", "li", "ul", "table",
        ];
        if tags.contains(&name.to_ascii_lowercase().as_str())
            && rest[name.len()..].starts_with(['>', ' ', '/'])
        {
            return Some(s[i..].chars().take(20).collect());
        }
    }
    None
}

/// Every URL the reader would request or link to.
fn urls(a: &Article) -> Vec<String> {
    let mut out: Vec<String> = a.url.iter().cloned().collect();
    for b in &a.blocks {
        if let Block::Image { src, .. } = b {
            out.push(src.clone());
        }
        out.extend(b.links().into_iter().map(str::to_owned));
        for t in b.rich_texts() {
            out.extend(t.spans.iter().filter_map(|s| s.href.clone()));
        }
    }
    out
}

fn load(name: &str) -> Result<Document, LoadError> {
    let bytes = std::fs::read(Path::new(DIR).join(name)).unwrap();
    parse_document_from(&bytes, &Limits::default(), Some(FETCHED_FROM))
}

fn check_article(name: &str, a: &Article, problems: &mut Vec<String>) {
    for t in visible_texts(a) {
        if let Some(m) = raw_markup(&t) {
            problems.push(format!(
                "{name} [{}]: raw markup or reference {m:?}",
                a.title
            ));
        }
    }
    for u in urls(a) {
        let relative = !u.contains(':') && !u.starts_with('#');
        if relative {
            problems.push(format!("{name} [{}]: relative URL left: {u}", a.title));
        }
    }
}

#[test]
fn every_document_reads_as_expected() {
    let exp = expected();
    let docs = exp["documents"].as_object().unwrap();
    assert!(docs.len() >= 60, "corpus has {} documents", docs.len());
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, want) in docs {
        let got = load(name);
        match want["format"].as_str().unwrap() {
            "invalid-json" => match got {
                Err(LoadError::Syntax { line, .. }) => {
                    assert_eq!(line as u64, want["line"].as_u64().unwrap(), "{name}")
                }
                other => problems.push(format!("{name}: expected a syntax error, got {other:?}")),
            },
            "unsupported" => {
                if got != Err(LoadError::UnknownFormat) {
                    problems.push(format!("{name}: expected UnknownFormat, got {got:?}"));
                }
            }
            "jsonld" if !want["article_found"].as_bool().unwrap() => {
                if !matches!(got, Err(LoadError::UnknownFormat)) {
                    problems.push(format!("{name}: expected no article, got {got:?}"));
                }
            }
            "jsonld" => match got {
                Ok(Document::Article(a)) => {
                    let title = want["title"].as_str().unwrap();
                    // HTML white space only: an ideographic space (U+3000)
                    // in a Japanese headline is shown as published.
                    if a.title != title.split_ascii_whitespace().collect::<Vec<_>>().join(" ") {
                        problems.push(format!("{name}: title {:?}, expected {title:?}", a.title));
                    }
                    // A lead image given as an `@id` reference (`…#primaryimage`)
                    // is the referenced ImageObject's URL, checked by presence.
                    if let Some(lead) = want["lead_image"].as_str().filter(|l| !l.contains('#')) {
                        let first = a.blocks.iter().find_map(|b| match b {
                            Block::Image { src, .. } => Some(src.as_str()),
                            _ => None,
                        });
                        if first != Some(lead) {
                            problems.push(format!("{name}: lead image {first:?}, expected {lead}"));
                        }
                    }
                    let c = counts(&a.blocks);
                    for (key, n) in [("tables", c.tables), ("code_blocks", c.code_blocks)] {
                        if want[key].as_u64().unwrap() as usize != n {
                            problems.push(format!("{name}: {key} {n}, expected {}", want[key]));
                        }
                    }
                    check_article(name, &a, &mut problems);
                }
                other => problems.push(format!("{name}: expected an article, got {other:?}")),
            },
            "feed" => {
                let Ok(Document::Collection(c)) = got else {
                    problems.push(format!("{name}: expected a collection, got {got:?}"));
                    continue;
                };
                let want_title = want["feed_title"].as_str().unwrap();
                if c.title != want_title.trim() {
                    problems.push(format!(
                        "{name}: feed title {:?}, expected {want_title:?}",
                        c.title
                    ));
                }
                let src: Value =
                    serde_json::from_slice(&std::fs::read(Path::new(DIR).join(name)).unwrap())
                        .unwrap();
                let items = want["items"].as_array().unwrap();
                if c.items.len() + c.skipped.len() != items.len() {
                    problems.push(format!(
                        "{name}: {} items + {} skipped, expected {}",
                        c.items.len(),
                        c.skipped.len(),
                        items.len()
                    ));
                }
                let shown: BTreeSet<&str> = c.items.iter().map(|a| a.title.as_str()).collect();
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = item["title"].as_str().filter(|t| !t.trim().is_empty()) {
                        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !shown.contains(t.as_str()) {
                            problems.push(format!("{name}: item title {t:?} not shown"));
                        }
                    }
                    // The counts of the item's HTML, converted on its own.
                    if let Some(html) = src["items"][i]["content_html"].as_str() {
                        let blocks = blocks_from_html(html, &Limits::default()).unwrap();
                        let got = counts(&blocks);
                        let distinct: BTreeSet<&str> = item["attachment_hrefs"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .filter_map(Value::as_str)
                            .collect();
                        let want = Counts {
                            tables: item["tables"].as_u64().unwrap() as usize,
                            code_blocks: item["code_blocks"].as_u64().unwrap() as usize,
                            images: item["images"].as_u64().unwrap() as usize,
                            attachments: distinct.len(),
                        };
                        if got != want {
                            problems.push(format!("{name} item {i}: {got:?}, expected {want:?}"));
                        }
                    }
                }
                for a in &c.items {
                    check_article(name, a, &mut problems);
                }
            }
            other => panic!("{name}: unknown format {other}"),
        }
        checked += 1;
    }
    assert_eq!(checked, docs.len());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(raw_markup("Add Task &amp; Sub Tasks").is_some());
    assert!(raw_markup("a&nbsp b").is_some());
    assert!(raw_markup("<p class=\"x\">text").is_some());
    assert!(raw_markup("a < b, Tom & Jerry, x<3").is_none());
    let json = parse_json(r#"{"a": 1}"#).unwrap();
    assert!(json.get("a").is_some());
}
