//! The display choices (theme, line spacing, typeface): stored site-wide,
//! shared live between the instances of a page (the window event
//! `article-reader:display`) and the tabs of a site (`storage`), and given
//! defaults by the host, which apply to whatever the reader has not chosen.

use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::display::{Choice, Display, Facet};
use crate::ui::state::{Action, State};
use crate::ui::storage;

/// The same-page announcement of a choice: `detail` is `{key, value}`.
const EVENT: &str = "article-reader:display";

/// The display a reader starts with: each stored choice, else the host's.
pub fn initial_display(defaults: Display) -> Display {
    Display::stored_over(defaults)
}

/// A reader's choice: applied, stored, and announced to the other readers
/// of the page.
pub fn choose_display(dispatch: &UseReducerDispatcher<State>) -> Callback<Choice> {
    let dispatch = dispatch.clone();
    Callback::from(move |choice: Choice| {
        dispatch.dispatch(Action::Choose(choice));
        storage::save(choice.facet.key(), choice.name());
        announce(choice);
    })
}

fn announce(choice: Choice) {
    let Some(w) = web_sys::window() else { return };
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"key".into(), &choice.facet.key().into());
    let _ = Reflect::set(&detail, &"value".into(), &choice.name().into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = w.dispatch_event(&ev);
    }
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
