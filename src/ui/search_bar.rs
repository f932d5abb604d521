//! The search box with its status and Previous / Next buttons.
//! Enter = next, Shift+Enter = previous, Escape clears.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};
use yew::prelude::*;

use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub strings: &'static Strings,
    pub query: AttrValue,
    pub total: usize,
    /// The current match, when there are matches.
    pub current: Option<usize>,
    /// Filtering a collection list: no match stepping, no count here.
    pub list_mode: bool,
    /// The box searches the whole site (its placeholder says so).
    #[prop_or_default]
    pub site: bool,
    pub on: SearchCallbacks,
}

/// What the search box asks of the reader.
#[derive(Clone, PartialEq)]
pub struct SearchCallbacks {
    /// The query text changed.
    pub query: Callback<String>,
    pub next: Callback<()>,
    pub previous: Callback<()>,
    /// Escape: the query is cleared.
    pub clear: Callback<()>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target()?
        .dyn_into::<HtmlInputElement>()
        .ok()
        .map(|i| i.value())
}

/// Sends the query when an input method (pinyin) finishes composing: Yew
/// has no `oncompositionend` attribute, so it listens on the node directly.
#[hook]
fn use_composition_end(input_ref: NodeRef, on_query: Callback<String>) {
    use_effect_with((), move |_| {
        let listener = input_ref.cast::<HtmlInputElement>().map(|input| {
            EventListener::new(&input, "compositionend", move |e| {
                if let Some(q) = input_value(e) {
                    on_query.emit(q);
                }
            })
        });
        move || drop(listener)
    });
}

/// Enter = next, Shift+Enter = previous (not in a list), Escape clears.
fn on_keydown(on: &SearchCallbacks, list_mode: bool) -> Callback<KeyboardEvent> {
    let on = on.clone();
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Enter" if !list_mode && !e.is_composing() => {
            e.prevent_default();
            if e.shift_key() {
                on.previous.emit(())
            } else {
                on.next.emit(())
            }
        }
        "Escape" => {
            e.prevent_default();
            on.clear.emit(())
        }
        _ => {}
    })
}

/// The search field of the toolbar.
#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let s = props.strings;
    let on = &props.on;
    // While an input method is composing (pinyin), wait for the characters.
    let oninput = {
        let on_query = on.query.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                if let Some(q) = input_value(&e) {
                    on_query.emit(q);
                }
            }
        })
    };
    let input_ref = use_node_ref();
    use_composition_end(input_ref.clone(), on.query.clone());
    let list_mode = props.list_mode;
    let onkeydown = on_keydown(on, list_mode);
    let has_query = !props.query.trim().is_empty();
    let status = if !has_query || list_mode {
        String::new()
    } else {
        match props.current {
            Some(c) => format!("{}/{}", c + 1, props.total),
            None => s.no_results.to_owned(),
        }
    };
    let stepping = !list_mode && props.total > 0;
    html! {
        <div class="ar-search" role="search">
            <input
                type="search"
                class="ar-search-input"
                aria-label={s.search}
                placeholder={if props.site { s.site_placeholder } else { s.search_placeholder }}
                enterkeyhint="search"
                autocomplete="off"
                value={props.query.clone()}
                {oninput}
                ref={input_ref}
                {onkeydown}
            />
            <span class={classes!("ar-search-status", has_query.then_some("ar-has-query"))}
                role="status" aria-live="polite">{ status }</span>
            if !list_mode { <>
                <button type="button" class="ar-btn ar-btn-icon" aria-label={s.previous}
                    title={s.previous} disabled={!stepping}
                    onclick={on.previous.reform(|_| ())}>
                    <span aria-hidden="true">{ "↑" }</span>
                </button>
                <button type="button" class="ar-btn ar-btn-icon" aria-label={s.next}
                    title={s.next} disabled={!stepping}
                    onclick={on.next.reform(|_| ())}>
                    <span aria-hidden="true">{ "↓" }</span>
                </button>
            </> }
        </div>
    }
}
