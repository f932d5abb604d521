//! 从上次位置继续 / Continue where you left off: a small notice offering to
//! go back to the paragraph last read, which the reader may dismiss.

use yew::prelude::*;

use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct ResumeNoticeProps {
    pub strings: &'static Strings,
    pub on_resume: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// The notice.
#[component]
pub fn ResumeNotice(props: &ResumeNoticeProps) -> Html {
    let s = props.strings;
    html! {
        <div class="ar-resume" role="group" aria-label={s.resume}>
            <button type="button" class="ar-btn ar-btn-text ar-resume-go"
                onclick={props.on_resume.reform(|_| ())}>
                <span class="ar-icon" aria-hidden="true">{ "↓" }</span>{ s.resume }
            </button>
            <button type="button" class="ar-btn ar-btn-icon ar-resume-dismiss"
                aria-label={s.dismiss} onclick={props.on_dismiss.reform(|_| ())}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
        </div>
    }
}
