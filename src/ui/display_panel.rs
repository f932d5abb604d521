//! 显示设置 / Display: the "Aa 显示设置" button beside the text size, and
//! the small modal
//! dialog it opens (theme, line spacing, typeface). A native `<dialog>`
//! opened with `showModal()`: the rest of the reader is inert, Escape
//! closes it; Tab wraps inside it, and closing returns focus to the button.
//! The dialog's content is rendered only while it is open, so the page
//! (and a server render) holds just the closed, empty element.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use super::choice_group::ChoiceGroup;
use super::display::{Choice, Display, Facet};
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct DisplayPanelProps {
    pub strings: &'static Strings,
    pub display: Display,
    pub on_choose: Callback<Choice>,
}

/// The labels of `facet`'s options in the UI language.
fn labels(s: &'static Strings, facet: Facet) -> &'static [&'static str] {
    match facet {
        Facet::Theme => &s.theme_names,
        Facet::Spacing => &s.spacing_names,
        Facet::Typeface => &s.typeface_names,
    }
}

fn legend(s: &'static Strings, facet: Facet) -> &'static str {
    match facet {
        Facet::Theme => s.theme,
        Facet::Spacing => s.line_spacing,
        Facet::Typeface => s.typeface,
    }
}

/// Keeps Tab inside the dialog: from its last stop to its first, and
/// Shift+Tab back. The stops are each group's checked radio and the button.
fn wrap_tab(dialog: &Element, e: &KeyboardEvent) {
    if e.key() != "Tab" {
        return;
    }
    let Ok(stops) = dialog.query_selector_all("input:checked, button") else {
        return;
    };
    let (Some(first), Some(last)) = (stops.get(0), stops.get(stops.length().saturating_sub(1)))
    else {
        return;
    };
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let (from, to) = if e.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if target.as_ref() == Some(&from) {
        e.prevent_default();
        if let Ok(to) = to.dyn_into::<HtmlElement>() {
            let _ = to.focus();
        }
    }
}

/// The button and its dialog.
#[component]
pub fn DisplayPanel(props: &DisplayPanelProps) -> Html {
    let s = props.strings;
    let open = use_state_eq(|| false);
    let dialog = use_node_ref();
    let button = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if let (true, Some(d)) = (*open, dialog.cast::<HtmlDialogElement>()) {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    let on_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    // Escape (the dialog's own cancel) and 完成 both end in `close`.
    let on_close = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |_: Event| {
            open.set(false);
            if let Some(b) = button.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let on_done = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let on_key = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = dialog.cast::<Element>() {
                wrap_tab(&d, &e);
            }
        })
    };
    let content = (*open).then(|| {
        let groups = Facet::ALL.into_iter().map(|facet| {
            let on_change = props.on_choose.reform(move |index| Choice { facet, index });
            html! {
                <ChoiceGroup legend={legend(s, facet)} labels={labels(s, facet)}
                    names={facet.names()} selected={props.display.get(facet)} {on_change} />
            }
        });
        html! {
            <>
                <h2 class="ar-dialog-title">{ s.display }</h2>
                { for groups }
                <button type="button" class="ar-btn ar-btn-primary ar-dialog-done" onclick={on_done}>
                    { s.done }
                </button>
            </>
        }
    });
    html! {
        <>
            <button type="button" class="ar-btn ar-btn-text ar-display-btn" ref={button}
                aria-haspopup="dialog" aria-expanded={if *open { "true" } else { "false" }}
                onclick={on_open}>
                <span class="ar-display-icon" aria-hidden="true">{ "Aa" }</span>{ s.display }
            </button>
            <dialog class="ar-dialog ar-display" ref={dialog} aria-label={s.display}
                onclose={on_close} onkeydown={on_key}>
                { content.unwrap_or_default() }
            </dialog>
        </>
    }
}
