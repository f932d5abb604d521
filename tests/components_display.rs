//! Component tests of the display choices (显示设置) in the wasm: the "Aa"
//! button, a choice announced on the page reaching every reader (what the
//! dialog, js/lib/display.js, sends; the dialog itself is tested end to end
//! in tests/e2e/reading-aids.test.mjs), and stored choices beating the
//! host's defaults.
#![cfg(target_arch = "wasm32")]

mod support;

use article_reader::ui::{Reader, Source};
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::Renderer;

wasm_bindgen_test_configure!(run_in_browser);

const DISPLAY_KEYS: [&str; 3] = [
    "article-reader:theme",
    "article-reader:line-spacing",
    "article-reader:typeface",
];

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_display_storage() {
    for k in DISPLAY_KEYS {
        local_storage().remove_item(k).unwrap();
    }
}

fn reader_class(root: &Element) -> String {
    root.query_selector(".ar-reader")
        .unwrap()
        .unwrap()
        .get_attribute("class")
        .unwrap()
}

/// What the dialog sends after storing a choice.
fn announce(key: &str, value: &str) {
    let detail = js_sys::Object::new();
    js_sys::Reflect::set(&detail, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&detail, &"value".into(), &JsValue::from_str(value)).unwrap();
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    let ev =
        web_sys::CustomEvent::new_with_event_init_dict("article-reader:display", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn the_display_button_opens_a_dialog_on_demand_and_the_reader_wears_the_hosts_display() {
    clear_display_storage();
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Seed)).render();
    until("the display button", || has(&root, ".ar-display-btn")).await;
    let class = reader_class(&root);
    for want in ["ar-theme-light", "ar-spacing-normal", "ar-face-sans"] {
        assert!(class.contains(want), "{class}");
    }
    let button = root.query_selector(".ar-display-btn").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap(), "Aa显示设置");
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // The dialog is built by the loader's chunk on the first press: the
    // wasm renders none.
    assert!(!has(&root, "dialog"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_choice_announced_on_the_page_reaches_every_reader_and_nonsense_does_not() {
    clear_display_storage();
    let (one, two) = (container(), container());
    let app = Renderer::<Reader>::with_root_and_props(one.clone(), props(Source::Seed)).render();
    let app2 = Renderer::<Reader>::with_root_and_props(two.clone(), props(Source::Seed)).render();
    until("both readers", || {
        has(&one, ".ar-display-btn") && has(&two, ".ar-display-btn")
    })
    .await;
    // Let the mount effects run (the host's defaults are applied once,
    // after the first render); nothing is stored, so only the listener
    // can apply what follows.
    yew::platform::time::sleep(std::time::Duration::from_millis(100)).await;
    announce("article-reader:theme", "sepia");
    announce("article-reader:line-spacing", "2");
    announce("article-reader:typeface", "serif");
    until("the chosen display in both readers", || {
        [&one, &two]
            .iter()
            .all(|r| reader_class(r).contains("ar-face-serif"))
    })
    .await;
    for root in [&one, &two] {
        let class = reader_class(root);
        for want in ["ar-theme-sepia", "ar-spacing-relaxed", "ar-face-serif"] {
            assert!(class.contains(want), "{class}");
        }
        assert!(!class.contains("ar-theme-light"), "{class}");
    }
    // An unknown name, or a key that is not a display facet, changes
    // nothing; the choice announced after them shows they were handled.
    announce("article-reader:theme", "neon");
    announce("article-reader:font-step", "dark");
    announce("article-reader:line-spacing", "compact");
    until("compact spacing", || {
        reader_class(&one).contains("ar-spacing-compact")
    })
    .await;
    let class = reader_class(&one);
    assert!(class.contains("ar-theme-sepia"), "{class}");
    app.destroy();
    app2.destroy();
}

#[wasm_bindgen_test]
async fn stored_display_choices_win_over_the_hosts_defaults() {
    clear_display_storage();
    local_storage()
        .set_item("article-reader:typeface", "serif")
        .unwrap();
    let mut p = props(Source::Seed);
    p.line_spacing = Some(0);
    p.typeface = Some(0);
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    until("the reader", || has(&root, ".ar-display-btn")).await;
    let class = reader_class(&root);
    // The stored serif beats the host's sans; nothing stored for spacing,
    // so the host's compact applies.
    for want in ["ar-face-serif", "ar-spacing-compact", "ar-theme-light"] {
        assert!(class.contains(want), "{class}");
    }
    app.destroy();
    clear_display_storage();
}
