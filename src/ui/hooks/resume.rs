//! Continue where you left off: remembers the body block being read (per
//! article id, site-wide, bounded by `core::resume`) and, when the article
//! is opened again, offers to go back to it rather than jumping silently.
//! Nothing is stored when storage is blocked (the save does nothing).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::core::resume::Positions;
use crate::core::settings::RESUME_KEY;
use crate::ui::scroll::scroll_and_focus;
use crate::ui::storage;

/// Scrolling settles this long (ms) before the position is written.
const SETTLE_MS: u32 = 400;

/// What the notice needs.
#[derive(Clone, PartialEq)]
pub struct Resume {
    /// The block offered, while the notice is up.
    pub offer: Option<usize>,
    pub on_resume: Callback<()>,
    pub on_dismiss: Callback<()>,
}

fn today() -> u64 {
    (js_sys::Date::now() / 86_400_000.0) as u64
}

fn stored() -> Positions {
    Positions::parse(&storage::load(RESUME_KEY).unwrap_or_default())
}

/// The body blocks of the article.
fn blocks(article: &Element) -> Option<web_sys::HtmlCollection> {
    Some(article.query_selector(".ar-body").ok()??.children())
}

/// The first block not yet scrolled past: its bottom is below the reader's
/// sticky bar (blocks are in document order, so a binary search).
fn block_in_view(article: &Element) -> Option<usize> {
    let blocks = blocks(article)?;
    let top = article
        .closest(".ar-reader")
        .ok()
        .flatten()
        .and_then(|r| r.query_selector(".ar-bar").ok().flatten())
        .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom());
    let (mut lo, mut hi) = (0, blocks.length());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let bottom = blocks.item(mid)?.get_bounding_client_rect().bottom();
        if bottom <= top {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo < blocks.length()).then_some(lo as usize)
}

/// Offers the stored position of article `id` and records the reader's.
#[hook]
pub fn use_resume(id: Option<AttrValue>, article: NodeRef) -> Resume {
    let offer = use_state_eq(|| None::<usize>);
    {
        let (offer, article) = (offer.clone(), article.clone());
        use_effect_with(id, move |id| {
            offer.set(id.as_ref().and_then(|id| stored().find(id, today())));
            let pending = Rc::new(RefCell::new(None::<Timeout>));
            let id = id.clone();
            // Only the reader's own scrolling is recorded, never the load.
            let listener = web_sys::window().zip(id).map(|(w, id)| {
                let opts = EventListenerOptions::run_in_capture_phase();
                EventListener::new_with_options(&w, "scroll", opts, move |_| {
                    let (article, id) = (article.clone(), id.clone());
                    *pending.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                        let Some(block) = article.cast::<Element>().and_then(|a| block_in_view(&a))
                        else {
                            return;
                        };
                        let mut positions = stored();
                        positions.record(&id, block, today());
                        storage::save(RESUME_KEY, &positions.to_text());
                    }));
                })
            });
            move || drop(listener)
        });
    }
    let on_resume = {
        let (offer, article) = (offer.clone(), article.clone());
        Callback::from(move |_| {
            let target = offer.and_then(|n| blocks(&article.cast::<Element>()?)?.item(n as u32));
            if let Some(el) = target {
                if let Some(h) = el.dyn_ref::<HtmlElement>() {
                    h.set_tab_index(-1);
                }
                scroll_and_focus(&el);
            }
            offer.set(None);
        })
    };
    // The notice's buttons go with it: focus moves to the article's title
    // (where it stays in view), not to the page's start.
    let on_dismiss = {
        let offer = offer.clone();
        Callback::from(move |_| {
            offer.set(None);
            let title = article
                .cast::<Element>()
                .and_then(|a| a.query_selector("h1").ok().flatten())
                .and_then(|h| h.dyn_into::<HtmlElement>().ok());
            if let Some(h1) = title {
                let focus = web_sys::FocusOptions::new();
                focus.set_prevent_scroll(true);
                let _ = h1.focus_with_options(&focus);
            }
        })
    };
    Resume {
        offer: *offer,
        on_resume,
        on_dismiss,
    }
}
