//! 字号 / Text size: a radiogroup of native radio buttons (arrow keys move
//! between them for free).

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::core::reading::SCALES;
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct TextSizeProps {
    pub strings: &'static Strings,
    pub step: usize,
    pub on_change: Callback<usize>,
}

/// Radio names must differ between instances that share a document tree.
static NEXT_GROUP: AtomicUsize = AtomicUsize::new(0);

/// The text size control.
#[component]
pub fn TextSize(props: &TextSizeProps) -> Html {
    let name = use_memo((), |_| {
        format!("ar-size-{}", NEXT_GROUP.fetch_add(1, Ordering::Relaxed))
    });
    let s = props.strings;
    html! {
        <div class="ar-size" role="radiogroup" aria-label={s.text_size}>
            <span class="ar-size-label" aria-hidden="true">{ s.text_size }</span>
            <div class="ar-size-options">
            { for (0..SCALES.len()).map(|i| {
                let onchange = props.on_change.reform(move |_| i);
                html! {
                    <label key={i} class={classes!("ar-size-opt", format!("ar-size-opt-{i}"))}>
                        <input type="radio" name={(*name).clone()} value={i.to_string()}
                            checked={props.step == i} {onchange} />
                        <span>{ s.size_steps[i] }</span>
                    </label>
                }
            }) }
            </div>
        </div>
    }
}
