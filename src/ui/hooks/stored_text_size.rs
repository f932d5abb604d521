//! The text size: stored site-wide, shared live between the instances of a
//! page and the tabs of a site, and given a default by the host.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::reading::{clamp_step, DEFAULT_STEP};
use crate::core::settings::STEP_KEY;
use crate::ui::state::{Action, State};
use crate::ui::storage;

/// The step a reader starts at: the stored choice, else the host's, else
/// the default.
pub fn initial_step(font_step: Option<usize>) -> usize {
    storage::load_step()
        .or(font_step)
        .map(|s| clamp_step(s as i64))
        .unwrap_or(DEFAULT_STEP)
}

/// Keeps the reader's step in line with the other readers of the site and
/// with the host's `font-size`, which applies live only while the reader
/// has no stored choice (the stored choice is the reader's own, and wins).
#[hook]
pub fn use_stored_text_size(font_step: Option<usize>, dispatch: UseReducerDispatcher<State>) {
    {
        let dispatch = dispatch.clone();
        use_step_sync(Callback::from(move |step| {
            dispatch.dispatch(Action::SetStep(step))
        }));
    }
    use_effect_with(font_step, move |step| {
        if let (Some(step), None) = (*step, storage::load_step()) {
            dispatch.dispatch(Action::SetStep(clamp_step(step as i64)));
        }
    });
}

/// Same-page instances announce changes with the bubbling
/// `article-reader:fontsize` event, other tabs through the `storage` event.
#[hook]
fn use_step_sync(on_step: Callback<usize>) {
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|w| {
            let same_page = {
                let on_step = on_step.clone();
                EventListener::new(&w, "article-reader:fontsize", move |e| {
                    let step = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .and_then(|ce| js_sys::Reflect::get(&ce.detail(), &"step".into()).ok())
                        .and_then(|v| v.as_f64());
                    if let Some(step) = step {
                        on_step.emit(clamp_step(step as i64));
                    }
                })
            };
            let other_tabs = EventListener::new(&w, "storage", move |e| {
                let Some(se) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if se.key().as_deref() == Some(STEP_KEY) {
                    if let Some(step) = se.new_value().and_then(|v| v.trim().parse::<i64>().ok()) {
                        on_step.emit(clamp_step(step));
                    }
                }
            });
            (same_page, other_tabs)
        });
        move || drop(listeners)
    });
}
