//! The error view: a readable message in an alert, and a retry button.

use yew::prelude::*;

use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub message: AttrValue,
    pub strings: &'static Strings,
    pub on_retry: Callback<()>,
}

/// Shown instead of the article when the document cannot be shown.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let s = props.strings;
    html! {
        <div class="ar-error" role="alert">
            <h1 class="ar-error-title">{ s.error_title }</h1>
            <p class="ar-error-message">{ props.message.clone() }</p>
            <button type="button" class="ar-btn ar-btn-primary"
                onclick={props.on_retry.reform(|_| ())}>{ s.retry }</button>
        </div>
    }
}
