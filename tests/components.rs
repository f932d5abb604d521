//! Component tests in headless Chromium (wasm-bindgen-test): mount the
//! reader with `Renderer::with_root_and_props`, wait until the DOM shows
//! the step happened, and assert on it.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use article_reader::ui::{Reader, ReaderEvent, Source};
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::{AttrValue, Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = include_str!("fixtures/feed.json");

#[wasm_bindgen_test]
async fn seed_article_renders_title_sections_and_footer() {
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Seed)).render();
    until("the seed rendering", || has(&root, "h1")).await;
    assert_eq!(all(&root, "h1").len(), 1);
    assert_eq!(text(&root, "h1"), "锤炼作风 夯实高质量发展“硬保障”");
    let h2: Vec<String> = all(&root, "article h2")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(
        h2,
        [
            "政治忠诚持续铸牢 纪律意识持续强化",
            "新风正气持续弘扬 能力素质持续增强",
            "创造活力持续激发 干事效能持续提升"
        ]
    );
    let meta = text(&root, ".ar-meta");
    assert!(
        meta.contains("时间") && meta.contains("2024-02-22"),
        "{meta}"
    );
    assert!(
        meta.contains("来源") && meta.contains("群众新闻网"),
        "{meta}"
    );
    let footer = text(&root, "[role=contentinfo]");
    for want in [
        "中共宝鸡市委组织部",
        "721000",
        "陕ICP备11007109号-2",
        "旧版回顾",
    ] {
        assert!(footer.contains(want), "footer lacks {want}: {footer}");
    }
    let tel = root
        .query_selector("footer a[href^='tel:']")
        .unwrap()
        .unwrap();
    assert_eq!(tel.get_attribute("href").unwrap(), "tel:0917-3260651");
    let mail = root
        .query_selector("footer a[href^='mailto:']")
        .unwrap()
        .unwrap();
    assert_eq!(
        mail.get_attribute("href").unwrap(),
        "mailto:bjsycb2008@163.com"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn broken_document_shows_an_alert_and_reports_the_error() {
    let root = container();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(Source::Json(Rc::from("{\"format\": \"article-reader\", ")));
    let log = events.clone();
    p.on_event = Callback::from(move |e| log.borrow_mut().push(e));
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the alert and its event", || {
        has(&root, "[role=alert]") && !events.borrow().is_empty()
    })
    .await;
    let alert = text(&root, "[role=alert]");
    assert!(alert.contains("JSON"), "{alert}");
    assert!(all(&root, "article").is_empty());
    assert!(matches!(events.borrow().as_slice(), [ReaderEvent::Error(m)] if m.contains("JSON")));
    app.destroy();
}

#[wasm_bindgen_test]
async fn unknown_format_is_explained_in_english_with_lang_en() {
    let root = container();
    let mut p = props(Source::Json(Rc::from("{\"hello\": 1}")));
    p.lang = Some(article_reader::core::Lang::En);
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the alert", || has(&root, "[role=alert]")).await;
    let alert = text(&root, "[role=alert]");
    assert!(alert.contains("Unknown document format"), "{alert}");
    assert!(text(&root, "[role=alert] button").contains("Retry"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn search_marks_every_match_and_steps_with_wraparound() {
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Seed)).render();
    until("the seed rendering", || has(&root, "h1")).await;
    type_query(&root, "作风");
    until("the marks", || has(&root, "article mark")).await;
    let marks = all(&root, "article mark");
    assert!(marks.len() > 10, "only {} marks", marks.len());
    assert!(marks.iter().all(|m| m.text_content().unwrap() == "作风"));
    let total = marks.len();
    assert_eq!(all(&root, "mark[aria-current=true]").len(), 1);
    assert_eq!(text(&root, "[role=status]"), format!("1/{total}"));
    let status_changes = |from: String| {
        let root = root.clone();
        move || text_or_empty(&root, "[role=status]") != from
    };
    click(&root, "button[aria-label='上一个']");
    until("a step back", status_changes(format!("1/{total}"))).await;
    assert_eq!(text(&root, "[role=status]"), format!("{total}/{total}"));
    click(&root, "button[aria-label='下一个']");
    until("a step on", status_changes(format!("{total}/{total}"))).await;
    assert_eq!(text(&root, "[role=status]"), format!("1/{total}"));
    type_query(&root, "不存在的词语");
    until("the new search", status_changes(format!("1/{total}"))).await;
    assert_eq!(text(&root, "[role=status]"), "无结果");
    assert!(all(&root, "mark").is_empty());
    app.destroy();
}

#[wasm_bindgen_test]
async fn initial_query_highlights_full_width_and_mixed_terms() {
    let root = container();
    let mut p = props(Source::Seed);
    // Full-width letters and an ideographic space between two terms.
    p.query = AttrValue::from("ＡＰＰ\u{3000}打卡");
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the marks", || has(&root, "article mark")).await;
    let marks: Vec<String> = all(&root, "article mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["APP", "打卡"]);
    app.destroy();
}

#[wasm_bindgen_test]
async fn text_size_radiogroup_scales_and_persists() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("article-reader:font-step").unwrap();
    let root = container();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(Source::Seed);
    let log = events.clone();
    p.on_event = Callback::from(move |e| log.borrow_mut().push(e));
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the text size group", || has(&root, "[role=radiogroup]")).await;
    let group = root.query_selector("[role=radiogroup]").unwrap().unwrap();
    assert_eq!(group.get_attribute("aria-label").unwrap(), "字号");
    assert_eq!(all(&root, "[role=radiogroup] input[type=radio]").len(), 5);
    assert!(root.query_selector(".ar-step-1").unwrap().is_some());
    click(&root, ".ar-size-opt-4 input");
    until("a new text size", || !has(&root, ".ar-step-1")).await;
    assert!(root.query_selector(".ar-step-4").unwrap().is_some());
    assert_eq!(
        storage
            .get_item("article-reader:font-step")
            .unwrap()
            .as_deref(),
        Some("4")
    );
    assert!(events.borrow().contains(&ReaderEvent::FontSize(4)));
    app.destroy();
    // A new instance starts at the stored step.
    let root2 = container();
    let app2 = Renderer::<Reader>::with_root_and_props(root2.clone(), props(Source::Seed)).render();
    until("the second reader", || has(&root2, ".ar-reader")).await;
    assert!(root2.query_selector(".ar-step-4").unwrap().is_some());
    app2.destroy();
    storage.remove_item("article-reader:font-step").unwrap();
}

#[wasm_bindgen_test]
async fn collection_lists_opens_and_returns() {
    let root = container();
    let app =
        Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Json(Rc::from(FEED))))
            .render();
    until("the list", || has(&root, ".ar-item")).await;
    let items = all(&root, ".ar-item");
    assert!(items.len() >= 3, "{} items", items.len());
    let first_title = text(&root, ".ar-item-open");
    click(&root, ".ar-item-open");
    until("the article", || has(&root, "article h1")).await;
    assert_eq!(text(&root, "article h1"), first_title);
    click(&root, ".ar-back");
    until("the list again", || has(&root, ".ar-item")).await;
    assert_eq!(all(&root, ".ar-item").len(), items.len());
    app.destroy();
}

#[wasm_bindgen_test]
async fn ready_and_close_events_reach_the_host_callback() {
    let root = container();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(Source::Seed);
    let log = events.clone();
    p.on_event = Callback::from(move |e| log.borrow_mut().push(e));
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the ready event", || !events.borrow().is_empty()).await;
    click(&root, ".ar-close");
    until("the close event", || events.borrow().len() >= 2).await;
    assert_eq!(
        events.borrow().as_slice(),
        [ReaderEvent::Ready(Vec::new()), ReaderEvent::Close]
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn variants_option_finds_traditional_text_with_a_simplified_query() {
    // In the browser the table is fetched by the loader; here we install it.
    article_reader::core::search::install_variants(include_bytes!(
        "../src/core/search/variants.bin"
    ));
    let doc = r#"{"format":"article-reader","version":1,"title":"推動高質量發展",
        "blocks":[{"type":"paragraph","text":"各地堅持以發展為第一要務。"}]}"#;
    let root = container();
    let mut p = props(Source::Json(Rc::from(doc)));
    p.query = AttrValue::from("发展");
    p.lang = Some(article_reader::core::Lang::ZhCn);
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    // The status line is written with the marks: once it has text, a
    // search that found nothing has finished.
    until("the search status", || {
        !text_or_empty(&root, "[role=status]").is_empty()
    })
    .await;
    assert!(all(&root, "mark").is_empty(), "variants are off by default");
    assert_eq!(text(&root, "[role=status]"), "无结果");
    app.destroy();

    let root = container();
    let mut p = props(Source::Json(Rc::from(doc)));
    p.query = AttrValue::from("发展");
    p.variants = true;
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the marks", || has(&root, "mark")).await;
    let marks: Vec<String> = all(&root, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["發展", "發展"]);
    assert_eq!(text(&root, "[role=status]"), "1/2");
    app.destroy();
}

/// Titles of the list rows and the text of their marks.
fn list_rows(root: &Element) -> (Vec<String>, Vec<String>) {
    let titles = all(root, ".ar-item-open")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    let marks = all(root, ".ar-item mark")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    (titles, marks)
}

#[wasm_bindgen_test]
async fn one_reader_switches_between_a_collection_and_an_article_with_a_search_active() {
    let root = container();
    let with_query = |source| {
        let mut p = props(source);
        p.query = AttrValue::from("群众");
        p.lang = Some(article_reader::core::Lang::ZhCn);
        p
    };
    let mut app = Renderer::<Reader>::with_root_and_props(
        root.clone(),
        with_query(Source::Json(Rc::from(FEED))),
    )
    .render();
    until("the list's hits", || has(&root, ".ar-item mark")).await;
    let (titles, marks) = list_rows(&root);
    assert!(titles.len() >= 2, "hits for 群众: {titles:?}");
    assert!(marks.iter().all(|m| m == "群众"), "{marks:?}");
    let zh = article_reader::core::Lang::ZhCn.strings();
    assert_eq!(text(&root, ".ar-count"), zh.results(titles.len()));
    let all_items = FEED.matches("\"id\"").count();
    assert!(titles.len() < all_items, "the list is filtered, not whole");

    app.update(with_query(Source::Seed));
    until("the article", || has(&root, "article h1")).await;
    assert!(all(&root, ".ar-item").is_empty(), "the list is gone");
    // The toolbar leaves list mode in the render after the article's.
    until("the article's search status", || {
        !text(&root, ".ar-search-status").is_empty()
    })
    .await;
    let article_marks = all(&root, "article mark");
    assert!(!article_marks.is_empty(), "the query marks the article");
    assert_eq!(
        text(&root, ".ar-search-status"),
        format!("1/{}", article_marks.len())
    );

    app.update(with_query(Source::Json(Rc::from(FEED))));
    until("the list again", || has(&root, ".ar-item mark")).await;
    assert!(all(&root, "article").is_empty(), "the article is gone");
    assert_eq!(list_rows(&root), (titles, marks), "the same hits again");
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_feed_with_an_unusable_item_shows_the_rest_and_reports_what_it_left_out() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"要闻",
        "items":[{"id":"a","title":"第一篇","content_text":"正文一"},{"id":"b"},
                 {"id":"c","title":"第三篇","content_text":"正文三"}]}"#;
    let root = container();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(Source::Json(Rc::from(feed)));
    p.lang = Some(article_reader::core::Lang::ZhCn);
    let log = events.clone();
    p.on_event = Callback::from(move |e| log.borrow_mut().push(e));
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the ready event", || !events.borrow().is_empty()).await;
    let titles: Vec<String> = all(&root, ".ar-item-open")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["第一篇", "第三篇"]);
    let zh = article_reader::core::Lang::ZhCn.strings();
    assert_eq!(text(&root, ".ar-skipped"), zh.skipped(1));
    let ReaderEvent::Ready(skipped) = &events.borrow()[0] else {
        panic!("first event: {:?}", events.borrow()[0]);
    };
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].index, 1);
    assert!(!skipped[0].reason.is_empty());
    assert!(
        !skipped[0].reason.is_ascii(),
        "the reason is in Chinese: {}",
        skipped[0].reason
    );
    app.destroy();
}
