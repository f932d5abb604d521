//! The text size preference, stored site-wide in localStorage. Storage can
//! throw (sandboxed iframes, some private modes): then the reader still
//! works, the choice just isn't remembered.

use crate::core::reading::clamp_step;

/// The one site-wide key, shared by every instance and the standalone page.
pub const STEP_KEY: &str = "article-reader:font-step";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored step, if any.
pub fn load_step() -> Option<usize> {
    let raw = storage()?.get_item(STEP_KEY).ok().flatten()?;
    raw.trim().parse::<i64>().ok().map(clamp_step)
}

/// Remembers `step`; silently does nothing when storage is unavailable.
pub fn save_step(step: usize) {
    if let Some(s) = storage() {
        let _ = s.set_item(STEP_KEY, &step.to_string());
    }
}

/// Keeps this reader's text size in step with the others: same-page
/// instances announce changes with the bubbling `article-reader:fontsize`
/// event, other tabs through the `storage` event.
#[yew::hook]
pub fn use_step_sync(on_step: yew::Callback<usize>) {
    use gloo::events::EventListener;
    use wasm_bindgen::JsCast;

    yew::use_effect_with((), move |_| {
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
