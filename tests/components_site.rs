//! Site search in the reader (`index` set), in headless Chromium: an index
//! built in memory by the core (as `article-reader index` writes it) is
//! served by a stand-in `fetch`, and the reader's own search box searches
//! it: the count, the results, more on demand, a result opened in place and
//! Back, the arrows, and the error state.
#![cfg(all(target_arch = "wasm32", feature = "site-search"))]

mod support;

use std::cell::RefCell;
use std::collections::HashMap;

use article_reader::core::format::{parse_json, parse_many};
use article_reader::core::search::site::{build_segment, Manifest, Sequential, SiteDoc};
use article_reader::core::search::{parse_query, SearchIndex};
use article_reader::core::Limits;
use article_reader::ui::{Reader, Source};
use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::{AttrValue, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

/// Articles in the index: every one mentions 宝鸡, every third 秦岭; the
/// even ones have a `src` the reader can open in place.
const ARTICLES: usize = 23;

fn article_json(i: usize) -> String {
    let extra = if i.is_multiple_of(3) {
        "秦岭脚下"
    } else {
        "渭河两岸"
    };
    format!(
        r#"{{"format": "article-reader", "version": 1, "id": "n{i}", "url": "/news/{i}.html",
            "title": "第{i}篇 城市新闻", "published": "2024-03-{day:02}",
            "blocks": [{{"type": "paragraph", "text": "宝鸡{extra}，第{i}篇的正文。"}}]}}"#,
        day = i % 28 + 1
    )
}

thread_local! {
    /// What the stand-in `fetch` serves, by the URL the reader asks for.
    static FILES: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
}

#[wasm_bindgen]
extern "C" {
    /// The platform's gzip compressor (web-sys has it only behind its
    /// unstable APIs).
    #[wasm_bindgen(extends = js_sys::Object)]
    type CompressionStream;
    #[wasm_bindgen(constructor)]
    fn new(format: &str) -> CompressionStream;
}

/// A segment file of the index (not the manifest, not a document): the
/// CLI stores those gzipped, so the stand-in serves them gzipped too.
fn gzipped(url: &str) -> bool {
    url.starts_with("/ix/") && !url.ends_with("/manifest.json")
}

/// Replaces `window.fetch` (once) with one that answers from [`FILES`]
/// and fails (as a network error does) for anything else.
fn install_fetch() {
    let window = web_sys::window().unwrap();
    if js_sys::Reflect::has(&window, &"__arFakeFetch".into()).unwrap() {
        return;
    }
    let fake = Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(|url: JsValue| {
        let url = url.as_string().unwrap_or_default();
        match FILES.with(|f| f.borrow().get(&url).cloned()) {
            Some(mut bytes) => {
                let mut r = web_sys::Response::new_with_opt_u8_array(Some(&mut bytes)).unwrap();
                if gzipped(&url) {
                    let gz = CompressionStream::new("gzip");
                    let body = r.body().unwrap().pipe_through(gz.unchecked_ref());
                    r = web_sys::Response::new_with_opt_readable_stream(Some(&body)).unwrap();
                }
                js_sys::Promise::resolve(&JsValue::from(r))
            }
            None => js_sys::Promise::reject(&js_sys::Error::new(&format!("no {url}"))),
        }
    });
    js_sys::Reflect::set(&window, &"fetch".into(), fake.as_ref()).unwrap();
    js_sys::Reflect::set(&window, &"__arFakeFetch".into(), &true.into()).unwrap();
    fake.forget();
}

/// Builds the index of [`ARTICLES`] under `/ix/`, and their documents
/// under `/docs/`; returns the same articles as an in-memory index.
fn serve_index() -> SearchIndex {
    install_fetch();
    let docs: Vec<SiteDoc> = (0..ARTICLES)
        .map(|i| {
            let v = parse_json(&article_json(i)).unwrap();
            let article = parse_many(v, &Limits::default()).unwrap().remove(0);
            let src = i.is_multiple_of(2).then(|| format!("/docs/{i}.json"));
            SiteDoc { article, src }
        })
        .collect();
    let seg = build_segment(&docs, 0, false, &Sequential);
    let manifest = Manifest {
        variants: false,
        segments: vec![seg.meta.clone()],
        deleted: Vec::new(),
    };
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        f.insert("/ix/manifest.json".into(), manifest.to_json().into_bytes());
        for (path, bytes) in seg.files {
            f.insert(format!("/ix/{path}"), bytes);
        }
        for i in 0..ARTICLES {
            f.insert(format!("/docs/{i}.json"), article_json(i).into_bytes());
        }
    });
    SearchIndex::with_variants(docs.into_iter().map(|d| d.article).collect(), false)
}

fn mount(index: &str, query: &str) -> (Element, yew::AppHandle<Reader>) {
    let root = container();
    let mut p = props(Source::Seed);
    p.index = Some(AttrValue::from(index.to_owned()));
    p.query = AttrValue::from(query.to_owned());
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    (root, app)
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

fn active() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// The article number a result row links to (`/news/<n>.html`).
fn number_of(row: &Element) -> usize {
    let href = row
        .query_selector("a.ar-item-open")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    href.trim_start_matches("/news/")
        .trim_end_matches(".html")
        .parse()
        .unwrap()
}

fn results(root: &Element) -> Vec<String> {
    all(root, ".ar-site-results .ar-item-open")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_search_box_searches_the_site_with_count_dates_and_marks() {
    let local = serve_index();
    let (root, app) = mount("/ix", "");
    until("the seed article", || has(&root, "article h1")).await;
    let placeholder = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .get_attribute("placeholder");
    assert_eq!(placeholder.as_deref(), Some("搜索全站"));
    type_query(&root, "秦岭");
    let want = local.count(&parse_query("秦岭"));
    assert_eq!(want, 8, "every third article mentions 秦岭");
    until("the count", || {
        text_or_empty(&root, ".ar-count") == "共 8 篇"
    })
    .await;
    assert!(!has(&root, "article"), "the results replace the article");
    assert_eq!(
        all(&root, ".ar-site-results [role=status]").len(),
        1,
        "the count is a status"
    );
    let list = root.query_selector("ol.ar-items").unwrap().unwrap();
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some("搜索结果")
    );
    let items = all(&root, ".ar-site-results li");
    assert_eq!(items.len(), 8);
    for item in &items {
        let i = number_of(item);
        assert_eq!(
            text(item, ".ar-item-date"),
            format!("2024-03-{:02}", i % 28 + 1)
        );
        assert_eq!(text(item, ".ar-item-snippet mark"), "秦岭");
        assert_eq!(text(item, ".ar-item-open"), format!("第{i}篇 城市新闻"));
    }
    // The same hits, in the same order, as the in-memory engine.
    let want: Vec<String> = local
        .search_top(&parse_query("秦岭"), 10)
        .hits
        .iter()
        .map(|h| local.articles()[h.index].title.clone())
        .collect();
    assert_eq!(results(&root), want);
    type_query(&root, "没有这个词");
    until("no results", || {
        text_or_empty(&root, ".ar-count") == "无结果"
    })
    .await;
    assert!(!has(&root, ".ar-site-results li"));
    type_query(&root, "");
    until("the article again", || has(&root, "article h1")).await;
    app.destroy();
}

#[wasm_bindgen_test]
async fn more_results_come_on_demand_and_take_focus() {
    serve_index();
    let (root, app) = mount("/ix/", "宝鸡");
    until("the first page", || results(&root).len() == 10).await;
    assert_eq!(text(&root, ".ar-count"), format!("共 {ARTICLES} 篇"));
    click(&root, ".ar-more button");
    until("the second page", || results(&root).len() == 20).await;
    let focused = active().and_then(|a| a.text_content()).unwrap_or_default();
    assert_eq!(
        focused,
        results(&root)[10],
        "focus moves to the first new result"
    );
    click(&root, ".ar-more button");
    until("the rest", || results(&root).len() == ARTICLES).await;
    assert!(!has(&root, ".ar-more"), "nothing more to load");
    app.destroy();
}

#[wasm_bindgen_test]
async fn arrows_move_between_results() {
    serve_index();
    let (root, app) = mount("/ix/", "宝鸡");
    until("results", || results(&root).len() == 10).await;
    let titles = all(&root, ".ar-site-results .ar-item-open");
    titles[0].unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&titles[0], "ArrowDown");
    assert_eq!(active().as_ref(), Some(&titles[1]));
    key(&titles[1], "ArrowDown");
    key(&titles[2], "ArrowUp");
    assert_eq!(active().as_ref(), Some(&titles[1]));
    key(&titles[1], "End");
    assert_eq!(active().as_ref(), Some(&titles[9]));
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_result_with_src_opens_in_place_and_back_returns_with_the_query() {
    serve_index();
    let (root, app) = mount("/ix/", "秦岭");
    until("results", || results(&root).len() == 8).await;
    // An odd article has no src: its title is a plain link to its page
    // (following it would leave the test page, so it is not clicked).
    let rows = all(&root, ".ar-site-results li");
    let at = rows
        .iter()
        .position(|r| number_of(r).is_multiple_of(2))
        .unwrap();
    let n = number_of(&rows[at]);
    let title = format!("第{n}篇 城市新闻");
    // An even one has a src: it opens here.
    let open = |root: &Element| {
        all(root, ".ar-site-results li")[at]
            .query_selector("a")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click()
    };
    open(&root);
    until("the opened article", || {
        text_or_empty(&root, "article h1") == title
    })
    .await;
    assert_eq!(
        text(&root, "article mark"),
        "秦岭",
        "the query is marked in it"
    );
    let focused = active().map(|a| a.tag_name()).unwrap_or_default();
    assert_eq!(focused, "H1", "focus moves to the opened article's title");
    click(&root, ".ar-back");
    until("the results again", || results(&root).len() == 8).await;
    let input = root.query_selector("input[type=search]").unwrap().unwrap();
    assert_eq!(
        input.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "秦岭",
        "the query is kept"
    );
    let focused = active().and_then(|a| a.text_content()).unwrap_or_default();
    assert_eq!(focused, title, "focus returns to the opened result");
    // Escape in the opened article returns as well.
    open(&root);
    until("opened again", || has(&root, "article h1")).await;
    let h1 = root.query_selector("article h1").unwrap().unwrap();
    key(&h1, "Escape");
    until("back on Escape", || results(&root).len() == 8).await;
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_index_that_cannot_load_says_so_in_the_ui_language() {
    install_fetch();
    let (root, app) = mount("/nowhere/", "宝鸡");
    until("the alert", || has(&root, ".ar-site-results [role=alert]")).await;
    assert_eq!(text(&root, "[role=alert]"), "搜索索引无法加载，请稍后再试");
    assert!(!has(&root, ".ar-site-results li"));
    app.destroy();
}
