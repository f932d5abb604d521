//! What the component tests share: a reader's default props, a container
//! to mount it in, waiting for what a step shows, and reading the DOM.
//! Each test file uses a part of it.
#![allow(dead_code)]

use std::time::Duration;

use article_reader::ui::{ReaderProps, Source, Theme};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{AttrValue, Callback};

pub fn props(source: Source) -> ReaderProps {
    ReaderProps {
        source,
        lang: None,
        theme: Theme::parse("light"),
        font_step: None,
        query: AttrValue::default(),
        max_bytes: None,
        variants: false,
        standalone: false,
        on_event: Callback::noop(),
        line_spacing: None,
        typeface: None,
        index: None,
    }
}

pub fn container() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Yields to the browser, one task at a time, until `done` holds (Yew
/// renders and runs effects between tasks). The guard is generous and only
/// stops a hang: it fails saying what never happened, not how long it took.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < 20_000.0,
            "hung: {what} never happened"
        );
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

pub fn has(root: &Element, sel: &str) -> bool {
    root.query_selector(sel).unwrap().is_some()
}

/// The text of `sel`, or "" while it is not there.
pub fn text_or_empty(root: &Element, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

pub fn text(root: &Element, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .text_content()
        .unwrap_or_default()
}

pub fn click(root: &Element, sel: &str) {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

pub fn type_query(root: &Element, q: &str) {
    let input: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(q);
    let ev = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}
