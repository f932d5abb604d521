//! One article: title, meta line, lead and blocks, with search marks;
//! scrolls the current match into view. Its publisher footer is rendered
//! by the layout (see [`super::layout`]) so that, standalone, the footer
//! can sit outside the `main` landmark.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition, ShadowRoot};
use yew::prelude::*;

use super::block_view::{block_of, BlockMarks, BlockView};
use super::meta_line::{MetaLine, MetaLineProps};
use super::rich_text::{marks_for, plain_text, rich_text};
use super::scroll::scroll_and_focus;
use super::shared::Shared;
use super::state::on_screen;
use super::toc::Toc;
use crate::core::reading::reading_minutes;
use crate::core::search::ArticleMatches;
use crate::core::{Document, Field, Strings};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub doc: Shared<Document>,
    /// The open item when `doc` is a collection.
    pub item: Option<usize>,
    pub matches: Shared<ArticleMatches>,
    /// The current match, when there are matches.
    pub current: Option<usize>,
    pub strings: &'static Strings,
    /// The `<article>` element, shared with the progress bar.
    pub article_ref: NodeRef,
    /// The whole page is ours: matches may scroll it whenever they change.
    #[prop_or_default]
    pub standalone: bool,
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Whether keyboard focus is inside the reader that holds `el` (its
/// search box or buttons): the reader is then what the user is using.
fn focus_within_reader(el: &Element) -> bool {
    el.get_root_node()
        .dyn_into::<ShadowRoot>()
        .is_ok_and(|root| root.active_element().is_some())
}

/// Scrolls the current match into view. An embedded reader does so only
/// while it has focus: a `query` given by the host must not scroll the
/// portal page on load to wherever the reader sits.
fn scroll_to_current(root: &Element, standalone: bool) {
    if !standalone && !focus_within_reader(root) {
        return;
    }
    let Ok(Some(mark)) = root.query_selector("mark[aria-current=\"true\"]") else {
        return;
    };
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Center);
    opts.set_behavior(if prefers_reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    mark.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Above this many blocks, off-screen blocks skip style and layout
/// (`content-visibility: auto`), so a keystroke on a 1 MB article does not
/// lay out the whole article again.
const LONG_ARTICLE_BLOCKS: usize = 150;

/// Brings the current match into view whenever the matches or the current
/// one change.
#[hook]
fn use_scroll_to_current(
    root: NodeRef,
    matches: Shared<ArticleMatches>,
    current: Option<usize>,
    standalone: bool,
) {
    use_effect_with((matches, current), move |(matches, _)| {
        if !matches.is_empty() {
            if let Some(el) = root.cast::<Element>() {
                scroll_to_current(el.unchecked_ref(), standalone);
            }
        }
    });
}

/// Moves focus (and the page) back to the article's title.
fn back_to_top(root: &NodeRef) -> Callback<MouseEvent> {
    let root = root.clone();
    Callback::from(move |_| {
        let title = root
            .cast::<Element>()
            .and_then(|a| a.query_selector("h1").ok().flatten());
        if let Some(h1) = title {
            scroll_and_focus(&h1);
        }
    })
}

/// The article on screen.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let root = props.article_ref.clone();
    use_scroll_to_current(
        root.clone(),
        props.matches.clone(),
        props.current,
        props.standalone,
    );
    // Reading time and the contents depend on the document alone: worked
    // out once per document, not on every keystroke of a search.
    let outline = use_memo((props.doc.clone(), props.item), |(doc, item)| {
        on_screen(doc, *item).map(|s| {
            let a = s.article;
            let minutes = reading_minutes(a.char_count(), a.lang.as_deref().unwrap_or("zh"));
            let headings: Vec<(usize, AttrValue)> = a
                .headings()
                .filter(|(_, level, _)| *level == 2)
                .map(|(n, _, text)| (n, AttrValue::from(text.to_owned())))
                .collect();
            (minutes, headings)
        })
    });
    let (Some(shown), Some((minutes, headings))) =
        (on_screen(&props.doc, props.item), outline.as_ref())
    else {
        return Html::default();
    };
    let (article, site) = (shown.article, shown.site);
    let m = &*props.matches;
    let cur = props.current;
    // Each block gets only its own marks, so unchanged blocks skip rendering.
    let mut per_block: Vec<BlockMarks> = vec![Vec::new(); article.blocks.len()];
    for (i, hit) in m.hits.iter().enumerate() {
        if let Some(marks) = block_of(hit.field).and_then(|n| per_block.get_mut(n)) {
            marks.push((hit.field, i, hit.range.clone()));
        }
    }
    let current_block = cur
        .and_then(|c| m.hits.get(c))
        .and_then(|h| block_of(h.field));
    let s = props.strings;
    let meta = MetaLineProps::of(article, *minutes, s);
    let to_top = back_to_top(&root);
    html! {
        <article class="ar-article" ref={root.clone()} data-id={article.id.clone()}>
            if let Some(site) = site {
                <p class="ar-site">{ site.name.clone() }</p>
            }
            <h1 class="ar-title" tabindex="-1">{ plain_text(&article.title, &marks_for(m, Field::Title), cur) }</h1>
            <MetaLine ..meta />
            // Reading aids (js/lib/aids.js): the controls are here, their
            // behaviour is loaded on first use. 朗读 shows only once a voice
            // for the article's language is found; the status announces.
            <div class="ar-aids"
                data-lang={article.lang.clone().unwrap_or_else(|| s.lang().tag().to_owned())}>
                <button type="button" class="ar-btn ar-btn-text ar-speak-open">
                    <span class="ar-icon" aria-hidden="true">{ "▶" }</span>{ s.read_aloud }
                </button>
                <p class="ar-sr" role="status"></p>
            </div>
            <Toc headings={headings.clone()} article={root.clone()} strings={s} />
            if let Some(lead) = &article.lead {
                <p class="ar-lead">{ rich_text(lead, &marks_for(m, Field::Lead), cur) }</p>
            }
            <div class={classes!("ar-body", (article.blocks.len() > LONG_ARTICLE_BLOCKS).then_some("ar-body-long"))}>
                { for per_block.into_iter().enumerate().map(|(n, marks)| html! {
                    <BlockView key={n} doc={props.doc.clone()} item={props.item} {n}
                        marks={Rc::new(marks)}
                        current={cur.filter(|_| current_block == Some(n))} />
                }) }
            </div>
            // Sticks to the bottom of the view while the article is on
            // screen: 复制链接 while text is selected, the player of 朗读
            // and the link to copy by hand (js/lib) are put here.
            <div class="ar-dock">
                <button type="button" class="ar-btn ar-copy-link">{ s.copy_link }</button>
            </div>
            <p class="ar-to-top">
                <button type="button" class="ar-btn ar-btn-text" onclick={to_top}>
                    <span class="ar-icon" aria-hidden="true">{ "↑" }</span>{ s.back_to_top }
                </button>
            </p>
        </article>
    }
}
