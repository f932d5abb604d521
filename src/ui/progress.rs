//! The reading progress bar along the bottom edge of the toolbar: a native
//! `<progress>` (no inline styles, so it passes a strict CSP).

use web_sys::Element;
use yew::prelude::*;

use super::scroll::{use_window_scroll, viewport_height};
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// The `<article>` whose reading progress is shown.
    pub article: NodeRef,
    pub strings: &'static Strings,
}

/// Percent of the article scrolled past, 0–100.
fn percent(article: &Element) -> u32 {
    let rect = article.get_bounding_client_rect();
    let scrollable = rect.height() - viewport_height();
    if scrollable <= 0.0 {
        return if rect.bottom() <= viewport_height() {
            100
        } else {
            0
        };
    }
    ((-rect.top() / scrollable).clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The progress bar; renders nothing until there is an article.
#[component]
pub fn ReadingProgress(props: &ProgressProps) -> Html {
    let value = use_state_eq(|| None::<u32>);
    {
        let value = value.clone();
        let article = props.article.clone();
        use_window_scroll(
            (),
            Callback::from(move |_| {
                value.set(article.cast::<Element>().map(|a| percent(&a)));
            }),
        );
    }
    match *value {
        Some(v) => html! {
            <progress class="ar-progress" max="100" value={v.to_string()}
                aria-label={props.strings.progress} />
        },
        None => Html::default(),
    }
}
