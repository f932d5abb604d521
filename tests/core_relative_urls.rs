//! Relative URLs resolve against the document's own base (item url, feed
//! home page or feed URL, JSON-LD url / @id, native url), and only then
//! against the URL it was fetched from; never left for the host page when
//! any base is known. The URL policy applies to the resolved URL.

use article_reader::core::format::{parse_document_from, Limits};
use article_reader::core::{Article, Block, Document};

fn load(json: &str, from: Option<&str>) -> Document {
    parse_document_from(json.as_bytes(), &Limits::default(), from).expect("loads")
}

fn image_srcs(a: &Article) -> Vec<&str> {
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image { src, .. } => Some(src.as_str()),
            _ => None,
        })
        .collect()
}

fn hrefs(a: &Article) -> Vec<&str> {
    let mut out: Vec<&str> = a
        .blocks
        .iter()
        .flat_map(|b| b.rich_texts())
        .flat_map(|t| t.spans.iter().filter_map(|s| s.href.as_deref()))
        .collect();
    out.extend(a.blocks.iter().flat_map(|b| b.links()));
    out
}

#[test]
fn feed_items_resolve_against_item_then_feed_then_fetch_url() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "f",
        "home_page_url": "https://blog.example.cn/",
        "items": [
          {"id": "1", "url": "https://blog.example.cn/2024/01/post.html",
           "content_html": "<img src=\"images/trico1.jpg\"><a href=\"../x.pdf\">x</a><img src=\"/abs.png\">"},
          {"id": "2", "url": "/2024/02/b.html", "content_html": "<img src=\"c.jpg\">"},
          {"id": "3", "content_html": "<img src=\"d.jpg\"><img src=\"//cdn.example/e.jpg\">"}
        ]}"#;
    let Document::Collection(c) = load(feed, Some("https://mirror.example/feed.json")) else {
        panic!()
    };
    assert_eq!(
        image_srcs(&c.items[0]),
        [
            "https://blog.example.cn/2024/01/images/trico1.jpg",
            "https://blog.example.cn/abs.png"
        ]
    );
    assert!(hrefs(&c.items[0]).contains(&"https://blog.example.cn/2024/x.pdf"));
    assert_eq!(
        c.items[1].url.as_deref(),
        Some("https://blog.example.cn/2024/02/b.html")
    );
    assert_eq!(
        image_srcs(&c.items[1]),
        ["https://blog.example.cn/2024/02/c.jpg"]
    );
    assert_eq!(
        image_srcs(&c.items[2]),
        ["https://blog.example.cn/d.jpg", "https://cdn.example/e.jpg"]
    );
}

#[test]
fn feed_url_and_fetch_url_are_the_last_bases() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1", "title": "f",
        "feed_url": "https://a.example/blog/feed.json",
        "items": [{"id": "1", "content_html": "<img src=\"p.jpg\">"}]}"#;
    let Document::Collection(c) = load(feed, None) else {
        panic!()
    };
    assert_eq!(image_srcs(&c.items[0]), ["https://a.example/blog/p.jpg"]);
    let native = r#"{"format": "article-reader", "version": 1, "title": "t",
        "blocks": [{"type": "image", "src": "img/a.png"},
                   {"type": "paragraph", "text": [{"text": "l", "href": "?page=2"}]}]}"#;
    let Document::Article(a) = load(native, Some("https://host.example/docs/a.json")) else {
        panic!()
    };
    assert_eq!(image_srcs(&a), ["https://host.example/docs/img/a.png"]);
    assert_eq!(hrefs(&a), ["https://host.example/docs/a.json?page=2"]);
    // Without any base, a relative URL stays as written.
    let Document::Article(a) = load(native, None) else {
        panic!()
    };
    assert_eq!(image_srcs(&a), ["img/a.png"]);
}

#[test]
fn json_ld_resolves_against_url_main_entity_or_id() {
    for (key, value) in [
        ("url", r#""https://news.example.tw/a/1""#),
        (
            "mainEntityOfPage",
            r#"{"@id": "https://news.example.tw/a/1"}"#,
        ),
        ("@id", r#""https://news.example.tw/a/1""#),
    ] {
        let ld = format!(
            r#"{{"@type": "NewsArticle", "headline": "h", {key:?}: {value}, "image": "/img/1.jpg"}}"#
        );
        let Document::Article(a) = load(&ld, Some("https://elsewhere.example/")) else {
            panic!()
        };
        assert_eq!(
            image_srcs(&a),
            ["https://news.example.tw/img/1.jpg"],
            "{key}"
        );
    }
}
