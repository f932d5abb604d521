//! The server renderer (`article_reader::render`, `article-reader render`):
//! what a crawler and a browser without JavaScript get, escaping, and bad
//! input. Native only.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use article_reader::core::{parse_document, Block, Document, Limits, SEED_ARTICLE_JSON};
use article_reader::render::{render_fragment, render_page, RenderError, RenderOptions};

fn seed() -> article_reader::core::Article {
    match parse_document(SEED_ARTICLE_JSON.as_bytes(), &Limits::default()).unwrap() {
        Document::Article(a) => a,
        Document::Collection(_) => panic!("the seed is an article"),
    }
}

/// Text as Yew writes it into HTML.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What is outside the declarative shadow root (the light DOM, the JSON).
fn light(html: &str) -> &str {
    let end = html.find("</template>").expect("a declarative shadow root");
    &html[end + "</template>".len()..]
}

/// The plain copy in light DOM: after the shadow root, before the inline JSON.
fn plain_copy(html: &str) -> &str {
    let plain = light(html);
    &plain[..plain.find("<script").expect("the inline JSON")]
}

/// The declarative shadow root's content.
fn shadow(html: &str) -> &str {
    let start = html
        .find("<template shadowrootmode=\"open\">")
        .expect("a shadow root");
    let end = html.find("</template>").unwrap();
    &html[start..end]
}

fn native(blocks: &str) -> String {
    format!(r#"{{"format":"article-reader","version":1,"title":"T","blocks":{blocks}}}"#)
}

#[test]
fn fragment_has_the_article_as_plain_html_outside_the_shadow_root() {
    let html = render_fragment(SEED_ARTICLE_JSON, &RenderOptions::default()).unwrap();
    let a = seed();
    let plain = light(&html);
    assert!(plain.contains(&format!("<h1>{}</h1>", escaped(&a.title))));
    assert!(plain.contains("<p class=\"ar-meta\">"), "meta line");
    let headings: Vec<_> = a
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 2, text } => Some(text.plain.clone()),
            _ => None,
        })
        .collect();
    assert!(!headings.is_empty());
    for h in &headings {
        assert!(
            plain.contains(&format!(">{}</h2>", escaped(h))),
            "heading {h}"
        );
    }
    let last = a
        .blocks
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Paragraph(t) => Some(t.plain.clone()),
            _ => None,
        })
        .unwrap();
    assert!(plain.contains(&escaped(&last)), "last paragraph");
    assert!(
        plain.contains("<footer") || plain.contains("role=\"contentinfo\""),
        "publisher footer"
    );
    // The plain copy carries no hydration markers and no reader chrome.
    assert!(!plain.contains("<!--<["));
    assert!(!plain.contains("ar-search"));
}

#[test]
fn a_collection_is_a_plain_list_of_its_articles_outside_the_shadow_root() {
    let feed = std::fs::read_to_string("tests/fixtures/feed.json").unwrap();
    let Document::Collection(c) = parse_document(feed.as_bytes(), &Limits::default()).unwrap()
    else {
        panic!("the fixture is a feed")
    };
    assert!(c.items.len() >= 3);
    let html = render_fragment(&feed, &RenderOptions::default()).unwrap();
    let plain = plain_copy(&html);
    assert!(plain.starts_with(&format!("<h1>{}</h1>", escaped(&c.title))));
    assert!(plain.contains(r#"<ol aria-label="文章列表">"#));
    let mut at = 0;
    for a in &c.items {
        // Title linked to the article's page, date, summary; in feed order.
        let url = a.url.as_deref().expect("the fixture's items have URLs");
        let title = format!(r#"<h2><a href="{url}">{}</a></h2>"#, escaped(&a.title));
        let found = plain[at..].find(&title).map(|i| at + i);
        assert!(found.is_some(), "{title}");
        at = found.unwrap();
        let published = a.published.as_deref().unwrap();
        assert!(plain[at..].contains(&format!(r#"<time datetime="{published}">"#)));
        let summary = a.lead.as_ref().map(|l| l.plain.clone()).unwrap_or_else(|| {
            a.blocks
                .iter()
                .find_map(|b| match b {
                    Block::Paragraph(t) => Some(t.plain.chars().take(40).collect()),
                    _ => None,
                })
                .unwrap()
        });
        assert!(
            plain[at..].contains(&escaped(&summary)),
            "summary of {}",
            a.title
        );
    }
    assert_eq!(plain.matches("<li><article").count(), c.items.len());
    // A list, not the texts: the body of an article without a lead stays on its page.
    let body_only = c
        .items
        .iter()
        .flat_map(|a| a.blocks.iter())
        .filter_map(|b| match b {
            Block::Paragraph(t) if t.plain.chars().count() > 10 => Some(t.plain.clone()),
            _ => None,
        })
        .next_back()
        .unwrap();
    assert!(!plain.contains(&escaped(&body_only)));
    assert!(plain.contains("<footer"), "publisher footer");
    assert!(!plain.contains("<!--<["), "no hydration markers");
}

#[test]
fn a_summary_without_a_lead_is_the_start_of_the_first_paragraph() {
    let long = "长".repeat(300);
    let feed = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[
        {{"id":"1","title":"No lead","content_text":"{long}"}}]}}"#
    );
    let html = render_fragment(&feed, &RenderOptions::default()).unwrap();
    let plain = plain_copy(&html);
    assert!(plain.contains(&format!("<p>{}…</p>", "长".repeat(120))));
    assert!(!plain.contains(&"长".repeat(121)));
    assert!(
        plain.contains("<h2>No lead</h2>"),
        "no URL: the title alone"
    );
}

#[test]
fn fragment_has_the_server_rendered_reader_in_a_styled_shadow_root() {
    let opts = RenderOptions {
        base: "https://cdn.example.org/r/".into(),
        ..Default::default()
    };
    let html = render_fragment(SEED_ARTICLE_JSON, &opts).unwrap();
    assert!(html.starts_with("<article-reader lang=\"zh-CN\"><template shadowrootmode=\"open\">"));
    let root = shadow(&html);
    assert!(root.contains(
        r#"<link rel="stylesheet" href="https://cdn.example.org/r/article-reader.css">"#
    ));
    assert!(root.contains("data-ar-ssr"));
    // Hydration markers of Yew's components, and the reader's own parts.
    assert!(root.contains("<!--<[article_reader::ui::app::Reader]>-->"));
    assert!(root.contains("class=\"ar-search-input\""));
    assert!(root.contains(&escaped(&seed().title)));
    assert!(root.contains("ar-step-1"), "the default text size");
    assert!(html.ends_with("</script></article-reader>"));
}

#[test]
fn options_reach_the_element_and_the_reader() {
    let opts = RenderOptions {
        lang: Some("en".into()),
        theme: Some("dark".into()),
        font_size: Some("large".into()),
        ..Default::default()
    };
    let html = render_fragment(SEED_ARTICLE_JSON, &opts).unwrap();
    assert!(
        html.starts_with(r#"<article-reader lang="en" theme="dark" font-size="2">"#),
        "{}",
        &html[..120]
    );
    let root = shadow(&html);
    assert!(root.contains("ar-theme-dark") && root.contains("ar-step-2"));
    assert!(root.contains("Search"), "English UI");
}

#[test]
fn inline_json_cannot_end_the_script_and_reads_back_the_same() {
    let text = "</script><script>alert(1)</script><!-- <script> & \u{2028}";
    let json = native(&format!(
        r#"[{{"type":"paragraph","text":{}}}]"#,
        serde_json::to_string(text).unwrap()
    ));
    let html = render_fragment(&json, &RenderOptions::default()).unwrap();
    assert_eq!(
        html.matches("</script").count(),
        1,
        "only the element's own script ends"
    );
    assert_eq!(
        html.matches("<script").count(),
        1,
        "no script element from the data"
    );
    let start = html.find("<script type=\"application/json\">").unwrap() + 32;
    let inline = &html[start..html.len() - "</script></article-reader>".len()];
    let back: serde_json::Value = serde_json::from_str(inline).unwrap();
    assert_eq!(
        back,
        serde_json::from_str::<serde_json::Value>(&json).unwrap()
    );
    // As text elsewhere it is escaped, never markup.
    assert!(light(&html).contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
}

#[test]
fn bad_input_names_the_field() {
    let err = render_fragment(
        &native(r#"[{"type":"paragraph"}]"#),
        &RenderOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, RenderError::Document(_)));
    assert!(err.to_string().contains("blocks[0].text"), "{err}");
    let err = render_fragment("{\"title\": ", &RenderOptions::default()).unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    let bad_theme = RenderOptions {
        theme: Some("neon".into()),
        ..Default::default()
    };
    let err = render_fragment(SEED_ARTICLE_JSON, &bad_theme).unwrap_err();
    assert!(err.to_string().contains("--theme \"neon\""), "{err}");
}

#[test]
fn page_is_a_standalone_document() {
    let doc =
        native(r#"[{"type":"paragraph","text":"x"}]"#).replace("\"T\"", "\"A {element} & <b>\"");
    let html = render_page(&doc, &RenderOptions::default()).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        html.contains("<title>A {element} &amp; &lt;b&gt;</title>"),
        "title filled once, escaped"
    );
    assert!(html.contains("<article-reader standalone lang=\"zh-CN\"><template"));
    assert!(html.contains("<script src=\"standalone-early.js\"></script>"));
    assert!(!html.contains("style="), "no inline styles (strict CSP)");
}

#[test]
fn cli_fails_without_writing_a_partial_file() {
    let dir = std::env::temp_dir().join(format!("ar-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("bad.json");
    std::fs::write(&input, native(r#"[{"type":"paragraph"}]"#)).unwrap();
    let out = dir.join("out.html");
    let run = Command::new(env!("CARGO_BIN_EXE_article-reader"))
        .args([
            "render",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("blocks[0].text"), "{stderr}");
    assert!(!out.exists(), "no output file on failure");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );

    std::fs::write(&input, SEED_ARTICLE_JSON).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_article-reader"))
        .args([
            "render",
            input.to_str().unwrap(),
            "--page",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("<article-reader standalone"));
    std::fs::remove_dir_all(&dir).unwrap();
}
