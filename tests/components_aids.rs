//! Component tests of the reading aids' controls (the image viewer, copy
//! link, read aloud): what the wasm renders for js/lib/aids.js to act on —
//! image buttons named in the UI language, the 朗读 and 复制链接 buttons,
//! the polite status, the labels of the on-demand parts and the article's
//! language; and the sentences the mounted reader hands to speech.js. The
//! behaviour itself (js/lib/viewer.js, speech.js, passage.js) is tested end
//! to end in tests/e2e/viewer-link-speech.test.mjs.
#![cfg(target_arch = "wasm32")]

mod support;

use std::rc::Rc;

use article_reader::core::Lang;
use article_reader::embed::mount_reader;
use article_reader::ui::{Reader, Source};
use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use yew::Renderer;

wasm_bindgen_test_configure!(run_in_browser);

const IMAGES: &str = include_str!("fixtures/images.json");

fn names(root: &web_sys::Element, sel: &str) -> Vec<String> {
    all(root, sel)
        .iter()
        .map(|e| e.get_attribute("aria-label").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn images_are_buttons_named_by_what_they_do_and_show() {
    let root = container();
    let json = IMAGES.replace(
        r#""alt": "傍晚的城市", "#,
        r#""alt": " ", "#, // no description: the button says what it does
    );
    let app =
        Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Json(Rc::from(json))))
            .render();
    until("the images", || all(&root, ".ar-img-open").len() == 3).await;
    assert_eq!(
        names(&root, ".ar-img-open"),
        ["查看大图：青山连绵", "查看大图：一条河流过平原", "查看大图"]
    );
    for b in all(&root, ".ar-img-open") {
        assert_eq!(b.tag_name(), "BUTTON");
        assert_eq!(b.get_attribute("type").as_deref(), Some("button"));
        // The image keeps its reserved size and loads lazily.
        let img = b.query_selector("img").unwrap().unwrap();
        assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
        assert_eq!(img.get_attribute("width").as_deref(), Some("480"));
        assert_eq!(img.get_attribute("height").as_deref(), Some("320"));
    }
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_aids_carry_the_controls_labels_and_article_language() {
    for (lang, read, copy, view) in [
        (Lang::ZhCn, "朗读", "复制链接", "查看大图"),
        (Lang::En, "Read aloud", "Copy link", "View image"),
    ] {
        let root = container();
        let mut p = props(Source::Json(Rc::from(IMAGES)));
        p.lang = Some(lang);
        let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
        until("the aids slot", || has(&root, ".ar-aids")).await;
        let slot = root.query_selector(".ar-aids").unwrap().unwrap();
        // The article's own language (what a voice must speak), whatever the UI's.
        assert_eq!(slot.get_attribute("data-lang").as_deref(), Some("zh-CN"));
        // The labels of every on-demand aid ride on the "Aa" button, which
        // every view shows.
        let aa = root.query_selector(".ar-display-btn").unwrap().unwrap();
        let labels = js_sys::JSON::parse(&aa.get_attribute("data-labels").unwrap()).unwrap();
        let label = |k: &str| {
            js_sys::Reflect::get(&labels, &JsValue::from_str(k))
                .unwrap()
                .as_string()
        };
        assert_eq!(label("readAloud").as_deref(), Some(read));
        assert_eq!(label("viewImage").as_deref(), Some(view));
        assert_eq!(
            label("display"),
            aa.text_content().map(|t| t[2..].to_owned())
        );
        assert_eq!(text(&root, ".ar-speak-open"), format!("▶{read}"));
        assert_eq!(text(&root, ".ar-copy-link"), copy);
        let status = root.query_selector(".ar-aids [role=status]").unwrap();
        assert!(status.is_some(), "a polite status for 链接已复制");
        app.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_mounted_reader_hands_out_sentences_in_utf16_offsets() {
    let host: HtmlElement = container().unchecked_into();
    let inner = container();
    let mut handle = mount_reader(host.clone(), inner.clone(), JsValue::UNDEFINED);
    let text = "标题。𠀀好！Latin ends. 3.5 stays";
    let bounds: Vec<usize> = handle
        .sentence_bounds(text)
        .split(',')
        .map(|n| n.parse().unwrap())
        .collect();
    let pieces: Vec<String> = bounds
        .chunks(2)
        .map(|b| {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[b[0]..b[1]]).unwrap()
        })
        .collect();
    assert_eq!(pieces, ["标题。", "𠀀好！", "Latin ends.", "3.5 stays"]);
    handle.destroy();
    host.remove();
    inner.remove();
}
