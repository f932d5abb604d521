//! Site search results (`index` set): the count, then each result's
//! title (a link: to its page, or opening its `src` in place), date and
//! snippet with the matches marked, and "more results" on demand. Up and
//! Down arrows move between the titles; Tab works as usual.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::rich_text::{plain_text, Marks};
use super::shared::Shared;
use super::site_state::SiteStatus;
use crate::core::reading::display_date;
use crate::core::search::site::{SiteHit, SiteResults};
use crate::core::url::safe_link;
use crate::core::Strings;

#[derive(Properties, PartialEq)]
pub struct SiteResultsViewProps {
    pub strings: &'static Strings,
    pub status: SiteStatus,
    pub results: Shared<SiteResults>,
    /// The result to focus when the list appears (the one last opened).
    pub focus: Option<usize>,
    /// Opens the result at this position in place (it has a `src`).
    pub on_open: Callback<usize>,
    pub on_more: Callback<()>,
}

/// Marks of a result: none of them is "the current match".
fn unnumbered(marks: &[std::ops::Range<usize>]) -> Marks {
    marks.iter().map(|r| (0, r.clone())).collect()
}

/// The result titles in `list`.
fn titles(list: &Element) -> Vec<HtmlElement> {
    let Ok(nodes) = list.query_selector_all(".ar-item-open") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Focuses the title at `i` in `list`, if there is one.
fn focus_title(list: &NodeRef, i: usize) {
    if let Some(t) = list
        .cast::<Element>()
        .and_then(|l| titles(&l).into_iter().nth(i))
    {
        let _ = t.focus();
    }
}

/// Up / Down (and Home / End) move focus between the titles.
fn on_arrows(list: &NodeRef) -> Callback<KeyboardEvent> {
    let list = list.clone();
    Callback::from(move |e: KeyboardEvent| {
        let Some(el) = list.cast::<Element>() else {
            return;
        };
        let all = titles(&el);
        let active = el
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|r| r.active_element())
            .or_else(|| web_sys::window()?.document()?.active_element());
        let Some(at) = active.and_then(|a| all.iter().position(|t| **t == a)) else {
            return;
        };
        let to = match e.key().as_str() {
            "ArrowDown" => (at + 1).min(all.len() - 1),
            "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        e.prevent_default();
        let _ = all[to].focus();
    })
}

/// Focuses `focus` when the list appears, and the first new result once
/// "more results" brought them: the returned cell holds where the new
/// results will start (set by the button).
#[hook]
fn use_result_focus(
    list: NodeRef,
    results: Shared<SiteResults>,
    focus: Option<usize>,
) -> std::rc::Rc<std::cell::RefCell<Option<usize>>> {
    let more_from = use_mut_ref(|| None::<usize>);
    {
        let list = list.clone();
        use_effect_with((), move |_| {
            if let Some(i) = focus {
                focus_title(&list, i);
            }
        });
    }
    let pending = more_from.clone();
    use_effect_with(results, move |r| {
        let waiting = *pending.borrow();
        if let Some(i) = waiting.filter(|&i| r.hits.len() > i) {
            focus_title(&list, i);
            pending.borrow_mut().take();
        }
    });
    more_from
}

/// One result: its title links to its page; one with a `src` opens in
/// place instead (a click with a modifier key still follows the link).
fn result_row(i: usize, hit: &SiteHit, on_open: &Callback<usize>) -> Html {
    let href = hit.url.as_deref().and_then(safe_link);
    let title = plain_text(&hit.title, &unnumbered(&hit.title_marks), None);
    let opener = hit.src.is_some().then(|| {
        on_open.reform(move |e: MouseEvent| {
            e.prevent_default();
            i
        })
    });
    let open = match (href, opener) {
        (Some(href), None) => html! { <a class="ar-item-open" {href}>{ title }</a> },
        (href, Some(onclick)) => html! {
            <a class="ar-item-open" href={href.unwrap_or_else(|| "#".into())} {onclick}>{ title }</a>
        },
        (None, None) => html! { <span class="ar-item-text">{ title }</span> },
    };
    html! {
        <li key={hit.number.to_string()} class="ar-item">
            <h2 class="ar-item-title">{ open }</h2>
            if let Some(p) = &hit.published {
                <p class="ar-item-date">{ display_date(p) }</p>
            }
            if !hit.snippet.is_empty() {
                <p class="ar-item-snippet">{ plain_text(&hit.snippet, &unnumbered(&hit.marks), None) }</p>
            }
        </li>
    }
}

/// The results of a site search.
#[component]
pub fn SiteResultsView(props: &SiteResultsViewProps) -> Html {
    let s = props.strings;
    let list = use_node_ref();
    let more_from = use_result_focus(list.clone(), props.results.clone(), props.focus);
    let r = &*props.results;
    let count = match props.status {
        SiteStatus::Failed => String::new(),
        SiteStatus::Searching if r.hits.is_empty() => s.searching.to_owned(),
        _ if r.total == 0 => s.no_results.to_owned(),
        _ => s.results(r.total),
    };
    let busy = props.status == SiteStatus::Searching;
    let on_more = {
        let (on_more, shown) = (props.on_more.clone(), r.hits.len());
        Callback::from(move |_| {
            if !busy {
                *more_from.borrow_mut() = Some(shown);
                on_more.emit(())
            }
        })
    };
    let arrows = on_arrows(&list);
    html! {
        <section class="ar-collection ar-site-results" aria-busy={busy.to_string()}>
            <h1 class="ar-title">{ s.site_results }</h1>
            <p class="ar-count" role="status">{ count }</p>
            if props.status == SiteStatus::Failed {
                <p class="ar-site-error" role="alert">{ s.site_error }</p>
            }
            if !r.hits.is_empty() {
                <ol class="ar-items" aria-label={s.site_results} ref={list} onkeydown={arrows}>
                    { for r.hits.iter().enumerate().map(|(i, h)| result_row(i, h, &props.on_open)) }
                </ol>
            }
            if r.total > r.hits.len() && props.status != SiteStatus::Failed {
                <p class="ar-more">
                    <button type="button" class="ar-btn ar-btn-text" onclick={on_more}>
                        { s.more_results }
                    </button>
                </p>
            }
        </section>
    }
}
