//! 目录 / Contents: links to the section headings, with the section being
//! read marked (`aria-current="location"`) while scrolling.

use web_sys::Element;
use yew::prelude::*;

use super::block_view::heading_id;
use super::scroll::{scroll_and_focus, use_window_scroll};
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct TocProps {
    /// (block index, heading text) of every section heading.
    pub headings: Vec<(usize, AttrValue)>,
    /// The `<article>` holding the headings.
    pub article: NodeRef,
    pub strings: &'static Strings,
}

/// How far below the top of the view a heading counts as "being read" (px):
/// about the height of the sticky toolbar plus a line.
const READING_LINE: f64 = 96.0;

/// Index into `headings` of the last heading above the reading line.
fn current_section(article: &Element, headings: &[(usize, AttrValue)]) -> Option<usize> {
    let mut current = None;
    for (i, (n, _)) in headings.iter().enumerate() {
        let sel = format!("#{}", heading_id(*n));
        let Ok(Some(h)) = article.query_selector(&sel) else {
            continue;
        };
        if h.get_bounding_client_rect().top() <= READING_LINE {
            current = Some(i);
        } else {
            break;
        }
    }
    current
}

/// The table of contents (rendered only for two or more sections).
#[component]
pub fn Toc(props: &TocProps) -> Html {
    let current = use_state_eq(|| None::<usize>);
    {
        let current = current.clone();
        let article = props.article.clone();
        let headings = props.headings.clone();
        // Keyed on the headings: another document in the same view must
        // not be measured against the first one's sections.
        use_window_scroll(
            props.headings.clone(),
            Callback::from(move |_| {
                if let Some(a) = article.cast::<Element>() {
                    current.set(current_section(&a, &headings));
                }
            }),
        );
    }
    if props.headings.len() < 2 {
        return Html::default();
    }
    let s = props.strings;
    html! {
        <nav class="ar-toc" aria-label={s.contents}>
            <details class="ar-toc-box">
                <summary class="ar-toc-summary">{ s.contents }</summary>
                <ol class="ar-toc-list">
                    { for props.headings.iter().enumerate().map(|(i, (n, text))| {
                        let id = heading_id(*n);
                        let article = props.article.clone();
                        let target = id.clone();
                        // Fragment links do not reach into a shadow root:
                        // scroll to the heading ourselves.
                        let onclick = Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            let heading = article
                                .cast::<Element>()
                                .and_then(|a| a.query_selector(&format!("#{target}")).ok().flatten());
                            if let Some(h) = heading {
                                scroll_and_focus(&h);
                            }
                        });
                        html! {
                            <li key={*n}>
                                <a class="ar-toc-link" href={format!("#{id}")}
                                    aria-current={(*current == Some(i)).then_some("location")}
                                    {onclick}>{ text.clone() }</a>
                            </li>
                        }
                    }) }
                </ol>
            </details>
        </nav>
    }
}
