//! One choice of the display panel: a `fieldset` of native radio buttons
//! named by its `legend` (arrow keys move between them for free).

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceGroupProps {
    pub legend: &'static str,
    /// The options' labels.
    pub labels: &'static [&'static str],
    /// The options' names, for their classes (`ar-choice-<name>`).
    pub names: &'static [&'static str],
    pub selected: usize,
    pub on_change: Callback<usize>,
}

/// Radio names must differ between instances that share a document tree.
static NEXT_GROUP: AtomicUsize = AtomicUsize::new(0);

/// A labelled row of radio buttons.
#[component]
pub fn ChoiceGroup(props: &ChoiceGroupProps) -> Html {
    let group = use_memo((), |_| {
        format!("ar-choice-{}", NEXT_GROUP.fetch_add(1, Ordering::Relaxed))
    });
    html! {
        <fieldset class="ar-choices">
            <legend class="ar-choices-legend">{ props.legend }</legend>
            <div class="ar-choices-options">
            { for props.labels.iter().zip(props.names).enumerate().map(|(i, (label, name))| {
                let onchange = props.on_change.reform(move |_| i);
                html! {
                    <label key={i} class={classes!("ar-choice", format!("ar-choice-{name}"))}>
                        <input type="radio" name={(*group).clone()} value={*name}
                            checked={props.selected == i} {onchange} />
                        <span>{ *label }</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}
