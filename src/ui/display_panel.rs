//! 显示设置 / Display: the "Aa 显示设置" button beside the text size. The
//! small modal dialog it opens (theme, line spacing, typeface) is built by
//! js/lib/display.js, which js/lib/aids.js loads on the first press, so
//! readers who never open it do not download it. The dialog stores a
//! choice and announces it (`article-reader:display`), which every reader
//! of the page follows (`hooks::stored_display`).
//!
//! The button carries the labels of every on-demand aid (`data-labels`,
//! [`Strings::aid_labels`]): it is on screen in every view.

use yew::prelude::*;

use crate::core::Strings;

/// The button. `aria-expanded` is the dialog's to change (Yew leaves an
/// attribute alone while its rendered value stays the same).
pub fn display_button(s: &'static Strings) -> Html {
    html! {
        <button type="button" class="ar-btn ar-btn-text ar-display-btn"
            aria-haspopup="dialog" aria-expanded="false" data-labels={s.aid_labels}>
            <span class="ar-display-icon" aria-hidden="true">{ "Aa" }</span>{ s.display }
        </button>
    }
}
