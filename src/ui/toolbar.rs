//! The sticky bar: Close (or Back inside a collection) and the search box.

use yew::prelude::*;

use super::progress::ReadingProgress;
use super::search_bar::{SearchBar, SearchCallbacks};
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub strings: &'static Strings,
    pub query: AttrValue,
    pub total: usize,
    /// The current match, when there are matches.
    pub current: Option<usize>,
    /// The search box filters the collection list (no match stepping).
    pub searching_list: bool,
    /// The search box searches the whole site.
    #[prop_or_default]
    pub site: bool,
    /// Show 返回 / Back instead of 关闭 / Close.
    pub back: bool,
    /// The reader is the whole page: the bar is its `banner` landmark.
    #[prop_or_default]
    pub banner: bool,
    pub on_search: SearchCallbacks,
    /// 返回 / Back: from an open item to the list.
    pub on_back: Callback<()>,
    pub on_close: Callback<()>,
    /// The article on screen, for the progress bar.
    pub article_ref: NodeRef,
}

/// The reader's top bar.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let s = props.strings;
    let lead = if props.back {
        let onclick = props.on_back.reform(|_| ());
        html! {
            <button type="button" class="ar-btn ar-btn-text ar-back" {onclick}>
                <span class="ar-icon" aria-hidden="true">{ "‹" }</span>{ s.back }
            </button>
        }
    } else {
        let onclick = props.on_close.reform(|_| ());
        html! {
            <button type="button" class="ar-btn ar-btn-text ar-close" {onclick}>
                <span class="ar-icon" aria-hidden="true">{ "×" }</span>{ s.close }
            </button>
        }
    };
    let content = html! {
        <>
            { lead }
            <SearchBar
                strings={s}
                query={props.query.clone()}
                total={props.total}
                current={props.current}
                list_mode={props.searching_list}
                site={props.site}
                on={props.on_search.clone()}
            />
            <ReadingProgress article={props.article_ref.clone()} strings={s} />
        </>
    };
    if props.banner {
        html! { <header class="ar-bar">{ content }</header> }
    } else {
        html! { <div class="ar-bar">{ content }</div> }
    }
}
