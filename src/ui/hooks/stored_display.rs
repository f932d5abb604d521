//! The display choices (theme, line spacing, typeface): stored site-wide,
//! shared live between the instances of a page (the window event
//! `article-reader:display`, which the display dialog, js/lib/display.js,
//! dispatches after storing a choice) and the tabs of a site (`storage`),
//! and given defaults by the host, which apply to whatever the reader has
//! not chosen.

use gloo::events::EventListener;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::display::{Choice, Display, Facet};
use crate::ui::state::{Action, State};

/// The same-page announcement of a choice: `detail` is `{key, value}`.
const EVENT: &str = "article-reader:display";

/// The display a reader starts with: each stored choice, else the host's.
pub fn initial_display(defaults: Display) -> Display {
    Display::stored_over(defaults)
}

/// A choice from a stored key and its value.
fn choice_of(key: Option<String>, value: Option<String>) -> Option<Choice> {
    Choice::parse(Facet::of_key(&key?)?, &value?)
}

/// Keeps the reader's display in line with the other readers of the site
/// and with the host's defaults.
#[hook]
pub fn use_stored_display(defaults: Display, dispatch: UseReducerDispatcher<State>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let d = dispatch.clone();
                let same_page = EventListener::new(&w, EVENT, move |e| {
                    let detail = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .map(|ce| ce.detail())
                        .unwrap_or(JsValue::UNDEFINED);
                    let get = |k: &str| Reflect::get(&detail, &k.into()).ok()?.as_string();
                    if let Some(c) = choice_of(get("key"), get("value")) {
                        d.dispatch(Action::Choose(c));
                    }
                });
                let other_tabs = EventListener::new(&w, "storage", move |e| {
                    let Some(se) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if let Some(c) = choice_of(se.key(), se.new_value()) {
                        dispatch.dispatch(Action::Choose(c));
                    }
                });
                (same_page, other_tabs)
            });
            move || drop(listeners)
        });
    }
    use_effect_with(defaults, move |d| {
        dispatch.dispatch(Action::SetDisplay(initial_display(*d)))
    });
}
