//! The reader's frame: the toolbar above, the text size control and the
//! view below, and the publisher footer. Standalone, the page is ours: the
//! toolbar is the `banner`, the rest `main`, and the footer a top-level
//! `contentinfo` after it; embedded, all of it sits in one box.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// Classes of the reader's root (theme, text size step).
    pub class: Classes,
    /// The UI language tag.
    pub lang: AttrValue,
    pub standalone: bool,
    pub toolbar: Html,
    pub size: Html,
    /// The article, the list, the error or the loading notice.
    pub view: Html,
    /// The publisher footer, when an article is on screen.
    pub footer: Option<Html>,
}

/// Lays out the reader's parts.
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let p = props;
    if p.standalone {
        html! {
            <div class={p.class.clone()} lang={p.lang.clone()}>
                { p.toolbar.clone() }
                <main class={classes!("ar-page", p.footer.is_some().then_some("ar-page-main"))}>
                    { p.size.clone() }
                    { p.view.clone() }
                </main>
                if let Some(footer) = &p.footer {
                    <div class="ar-page ar-page-footer">{ footer.clone() }</div>
                }
            </div>
        }
    } else {
        html! {
            <div class={p.class.clone()} lang={p.lang.clone()}>
                { p.toolbar.clone() }
                <div class="ar-page">
                    { p.size.clone() }
                    { p.view.clone() }
                    { p.footer.clone().unwrap_or_default() }
                </div>
            </div>
        }
    }
}
