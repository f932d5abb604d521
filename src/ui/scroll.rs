//! Scroll tracking shared by the progress bar and the table of contents.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Calls `on_scroll` once now and after every scroll or resize of the
/// window (passive listeners: scrolling is never held up). When `deps`
/// change, the listeners are set up again with the new `on_scroll`, so it
/// never works on what an earlier render captured.
#[hook]
pub fn use_window_scroll<D: PartialEq + 'static>(deps: D, on_scroll: Callback<()>) {
    use_effect_with(deps, move |_| {
        on_scroll.emit(());
        let listeners = web_sys::window().map(|w| {
            let opts = EventListenerOptions::run_in_capture_phase();
            ["scroll", "resize"].map(|name| {
                let on_scroll = on_scroll.clone();
                EventListener::new_with_options(&w, name, opts, move |_| on_scroll.emit(()))
            })
        });
        move || drop(listeners)
    });
}

/// Viewport height in CSS px.
pub fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Scrolls `target` to the top of the view (below the sticky bar, through
/// its CSS `scroll-margin-top`) and moves keyboard focus to it.
pub fn scroll_and_focus(target: &Element) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Start);
    target.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(el) = target.dyn_ref::<HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}
