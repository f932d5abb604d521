//! The search box with its status and Previous / Next buttons.
//! Enter = next, Shift+Enter = previous, Escape clears.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};
use yew::prelude::*;

use super::state::Action;
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub strings: &'static Strings,
    pub query: AttrValue,
    pub total: usize,
    pub current: usize,
    /// Filtering a collection list: no match stepping, no count here.
    pub list_mode: bool,
    pub on_action: Callback<Action>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target()?
        .dyn_into::<HtmlInputElement>()
        .ok()
        .map(|i| i.value())
}

/// A callback that sends an action only when `f` produces one.
fn maybe<E: 'static>(
    on_action: &Callback<Action>,
    f: impl Fn(E) -> Option<Action> + 'static,
) -> Callback<E> {
    let on_action = on_action.clone();
    Callback::from(move |e: E| {
        if let Some(a) = f(e) {
            on_action.emit(a);
        }
    })
}

/// The search field of the toolbar.
#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let s = props.strings;
    let on_action = &props.on_action;
    // While an input method is composing (pinyin), wait for the characters.
    let oninput = maybe(on_action, |e: InputEvent| {
        if e.is_composing() {
            return None;
        }
        input_value(&e).map(Action::SetQuery)
    });
    // Yew has no `oncompositionend` attribute: listen on the node directly.
    let input_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let listener = input_ref.cast::<HtmlInputElement>().map(|input| {
                EventListener::new(&input, "compositionend", move |e| {
                    if let Some(q) = input_value(e) {
                        on_action.emit(Action::SetQuery(q));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let list_mode = props.list_mode;
    let onkeydown = maybe(on_action, move |e: KeyboardEvent| match e.key().as_str() {
        "Enter" if !list_mode && !e.is_composing() => {
            e.prevent_default();
            Some(if e.shift_key() {
                Action::Previous
            } else {
                Action::Next
            })
        }
        "Escape" => {
            e.prevent_default();
            Some(Action::ClearSearch)
        }
        _ => None,
    });
    let has_query = !props.query.trim().is_empty();
    let status = if !has_query || list_mode {
        String::new()
    } else if props.total == 0 {
        s.no_results.to_owned()
    } else {
        format!("{}/{}", props.current + 1, props.total)
    };
    let stepping = !list_mode && props.total > 0;
    html! {
        <div class="ar-search" role="search">
            <input
                type="search"
                class="ar-search-input"
                aria-label={s.search}
                placeholder={s.search_placeholder}
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
                    onclick={on_action.reform(|_| Action::Previous)}>
                    <span aria-hidden="true">{ "↑" }</span>
                </button>
                <button type="button" class="ar-btn ar-btn-icon" aria-label={s.next}
                    title={s.next} disabled={!stepping}
                    onclick={on_action.reform(|_| Action::Next)}>
                    <span aria-hidden="true">{ "↓" }</span>
                </button>
            </> }
        </div>
    }
}
