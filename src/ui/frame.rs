//! The reader's frame: the toolbar above, the text size control and the
//! view below, and the publisher footer. Standalone, the page is ours: the
//! toolbar is the `banner`, the rest `main`, and the footer a top-level
//! `contentinfo` after it; embedded, all of it sits in one box.

use yew::prelude::*;

/// The parts to lay out. A plain function, not a component: it owns no
/// state and the root re-renders it with every change anyway.
pub struct Frame {
    /// Classes of the reader's root (theme, text size step).
    pub class: Classes,
    /// The UI language tag.
    pub lang: &'static str,
    pub standalone: bool,
    pub toolbar: Html,
    pub size: Html,
    /// The article, the list, the error or the loading notice.
    pub view: Html,
    /// The publisher footer, when an article is on screen.
    pub footer: Option<Html>,
}

/// Lays out the reader's parts.
pub fn frame(p: Frame) -> Html {
    let Frame {
        class,
        lang,
        standalone,
        toolbar,
        size,
        view,
        footer,
    } = p;
    if standalone {
        html! {
            <div {class} {lang}>
                { toolbar }
                <main class={classes!("ar-page", footer.is_some().then_some("ar-page-main"))}>
                    { size }
                    { view }
                </main>
                if let Some(footer) = footer {
                    <div class="ar-page ar-page-footer">{ footer }</div>
                }
            </div>
        }
    } else {
        html! {
            <div {class} {lang}>
                { toolbar }
                <div class="ar-page">
                    { size }
                    { view }
                    { footer.unwrap_or_default() }
                </div>
            </div>
        }
    }
}
