//! Character references are decoded in every text field of every format,
//! with the whole WHATWG table (native builds carry it), exactly once.

use article_reader::core::format::{parse_document, Limits};
use article_reader::core::{Article, Block, Document};

fn load(json: &str) -> Document {
    parse_document(json.as_bytes(), &Limits::default()).expect("document loads")
}

fn article(json: &str) -> Article {
    match load(json) {
        Document::Article(a) => a,
        other => panic!("expected an article, got {other:?}"),
    }
}

/// Every visible text of an article.
fn texts(a: &Article) -> Vec<String> {
    let mut out = vec![a.title.clone()];
    out.extend(a.lead.iter().map(|l| l.plain.clone()));
    out.extend(a.author.clone());
    out.extend(a.source.clone());
    for b in &a.blocks {
        if let Block::Image { alt, .. } = b {
            out.push(alt.clone());
        }
        out.extend(b.rich_texts().into_iter().map(|t| t.plain.clone()));
    }
    out
}

/// A raw reference left in visible text: `&name;`, `&#…` or a bare `&nbsp`.
fn raw_reference(s: &str) -> Option<&str> {
    s.match_indices('&').find_map(|(i, _)| {
        let rest = &s[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .collect();
        (!name.is_empty() && (rest[name.len()..].starts_with(';') || name == "nbsp"))
            .then(|| &s[i..])
    })
}

#[test]
fn feed_fields_are_decoded() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Tom &amp; Jerry",
        "authors": [{"name": "M&uuml;ller"}],
        "items": [
          {"id": "1", "title": "Add Task &amp; Sub Tasks &#8216;Jokes&#8217;", "summary": "a&nbsp;b &mdash; c",
           "content_text": "caf&eacute; &bigstar; &amp;lt;p&amp;gt;"},
          {"id": "2", "title": "&oacute;&Oacute", "content_html": "<p>&rsquo;&NotNestedGreaterGreater;</p>"}
        ]}"#;
    let Document::Collection(c) = load(feed) else {
        panic!()
    };
    assert_eq!(c.title, "Tom & Jerry");
    let a = &c.items[0];
    assert_eq!(a.title, "Add Task & Sub Tasks ‘Jokes’");
    assert_eq!(a.author.as_deref(), Some("Müller"));
    assert_eq!(a.lead.as_ref().unwrap().plain, "a\u{a0}b — c");
    // Decoded once: an escaped reference shows as written.
    assert_eq!(texts(a)[3], "café ★ &lt;p&gt;");
    assert_eq!(c.items[1].title, "óÓ");
    assert_eq!(texts(&c.items[1])[2], "’\u{2AA2}\u{338}");
}

#[test]
fn json_ld_and_native_fields_are_decoded() {
    let ld = article(
        r#"{"@type": "NewsArticle", "headline": "&ldquo;Qu&eacute;&rdquo; &hellip;",
        "description": "&Aacute;rbol", "author": {"name": "Jos&eacute;"},
        "articleBody": "Uno&nbsp;&amp; dos\nTres &#x4E2D;"}"#,
    );
    for t in texts(&ld) {
        assert_eq!(raw_reference(&t), None, "{t}");
    }
    assert_eq!(ld.title, "“Qué” …");
    assert_eq!(ld.author.as_deref(), Some("José"));
    let native = article(
        r#"{"format": "article-reader", "version": 1, "title": "A &amp; B", "source": "S&ouml;",
        "blocks": [{"type": "paragraph", "text": ["x &lt; y ", {"text": "&euro;5", "strong": true}]},
                   {"type": "list", "items": ["&bull; one"]}]}"#,
    );
    assert_eq!(native.title, "A & B");
    assert_eq!(native.source.as_deref(), Some("Sö"));
    assert_eq!(texts(&native)[2], "x < y €5");
    assert_eq!(texts(&native)[3], "• one");
}

#[test]
fn the_raw_reference_check_sees_one() {
    assert_eq!(raw_reference("a &amp; b"), Some("&amp; b"));
    assert_eq!(raw_reference("a&nbsp"), Some("&nbsp"));
    assert_eq!(raw_reference("&#8216;"), Some("&#8216;"));
    assert_eq!(raw_reference("Tom & Jerry &c"), None);
}
