//! Component tests of the display panel (显示设置): the dialog, each
//! choice applied and stored, focus kept inside, stored choices beating the
//! host's defaults and reaching other readers.
#![cfg(target_arch = "wasm32")]

mod support;

use article_reader::ui::{Reader, Source};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
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

fn active_element() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

fn press_tab(target: &Element, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn display_panel_opens_a_modal_dialog_applies_and_stores_each_choice() {
    clear_display_storage();
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Seed)).render();
    until("the display button", || has(&root, ".ar-display-btn")).await;
    // Closed: an empty dialog, the host's theme, the default spacing and face.
    assert!(all(&root, "dialog input").is_empty());
    let class = reader_class(&root);
    for want in ["ar-theme-light", "ar-spacing-normal", "ar-face-sans"] {
        assert!(class.contains(want), "{class}");
    }
    let button = root.query_selector(".ar-display-btn").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap(), "Aa显示设置");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    click(&root, ".ar-display-btn");
    until("the dialog's choices", || has(&root, "dialog input")).await;
    let dialog: web_sys::HtmlDialogElement = root
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(dialog.open());
    assert!(dialog.matches(":modal").unwrap());
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let legends: Vec<String> = all(&root, "dialog legend")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(legends, ["主题", "行距", "字体"]);
    let checked: Vec<String> = all(&root, "dialog input:checked")
        .iter()
        .map(|i| i.parent_element().unwrap().text_content().unwrap())
        .collect();
    assert_eq!(checked, ["浅色", "标准", "黑体"]);
    click(&root, "dialog .ar-choice-sepia input");
    click(&root, "dialog .ar-choice-relaxed input");
    click(&root, "dialog .ar-choice-serif input");
    until("the chosen display", || {
        reader_class(&root).contains("ar-face-serif")
    })
    .await;
    let class = reader_class(&root);
    for want in ["ar-theme-sepia", "ar-spacing-relaxed", "ar-face-serif"] {
        assert!(class.contains(want), "{class}");
    }
    assert!(!class.contains("ar-theme-light"), "{class}");
    let stored: Vec<Option<String>> = DISPLAY_KEYS
        .iter()
        .map(|k| local_storage().get_item(k).unwrap())
        .collect();
    assert_eq!(
        stored,
        [
            Some("sepia".into()),
            Some("relaxed".into()),
            Some("serif".into())
        ]
    );
    // 完成 closes the dialog, empties it and gives focus back to the button.
    click(&root, "dialog .ar-dialog-done");
    until("the dialog emptied", || !has(&root, "dialog input")).await;
    assert!(!dialog.open());
    assert!(all(&root, "dialog input").is_empty());
    assert_eq!(active_element().as_ref(), Some(&button));
    app.destroy();
    clear_display_storage();
}

#[wasm_bindgen_test]
async fn display_panel_keeps_tab_inside_the_dialog() {
    clear_display_storage();
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), props(Source::Seed)).render();
    until("the display button", || has(&root, ".ar-display-btn")).await;
    click(&root, ".ar-display-btn");
    until("the dialog's choices", || has(&root, "dialog input")).await;
    let first = root
        .query_selector("dialog input:checked")
        .unwrap()
        .unwrap();
    let done = root
        .query_selector("dialog .ar-dialog-done")
        .unwrap()
        .unwrap();
    done.unchecked_ref::<HtmlElement>().focus().unwrap();
    press_tab(&done, false);
    assert_eq!(active_element().as_ref(), Some(&first));
    press_tab(&first, true);
    assert_eq!(active_element().as_ref(), Some(&done));
    app.destroy();
}

#[wasm_bindgen_test]
async fn stored_display_choices_win_over_the_hosts_defaults_and_reach_other_readers() {
    clear_display_storage();
    local_storage()
        .set_item("article-reader:typeface", "serif")
        .unwrap();
    let mut p = props(Source::Seed);
    p.line_spacing = Some(0);
    p.typeface = Some(0);
    let root = container();
    let app = Renderer::<Reader>::with_root_and_props(root.clone(), p).render();
    let other = container();
    let app2 = Renderer::<Reader>::with_root_and_props(other.clone(), props(Source::Seed)).render();
    until("both readers", || {
        has(&root, ".ar-display-btn") && has(&other, ".ar-display-btn")
    })
    .await;
    let class = reader_class(&root);
    // The stored serif beats the host's sans; nothing stored for spacing,
    // so the host's compact applies.
    for want in ["ar-face-serif", "ar-spacing-compact", "ar-theme-light"] {
        assert!(class.contains(want), "{class}");
    }
    // A choice in one reader applies live in the other.
    click(&root, ".ar-display-btn");
    until("the dialog's choices", || has(&root, "dialog input")).await;
    click(&root, "dialog .ar-choice-dark input");
    until("the dark theme in the other reader", || {
        reader_class(&other).contains("ar-theme-dark")
    })
    .await;
    assert!(reader_class(&root).contains("ar-theme-dark"));
    assert!(
        reader_class(&other).contains("ar-theme-dark"),
        "{}",
        reader_class(&other)
    );
    app.destroy();
    app2.destroy();
    clear_display_storage();
}
