//! One article: title, meta line, lead and blocks, with search marks;
//! scrolls the current match into view. Its publisher footer is rendered
//! by the root (see [`article_footer`]) so that, standalone, the footer can
//! sit outside the `main` landmark.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition, ShadowRoot};
use yew::prelude::*;

use super::block_view::{block_of, BlockMarks, BlockView};
use super::footer_view::FooterView;
use super::meta_line::{MetaLine, MetaLineProps};
use super::rich_text::{marks_for, plain_text, rich_text};
use super::scroll::scroll_and_focus;
use super::state::Shared;
use super::toc::Toc;
use crate::core::reading::reading_minutes;
use crate::core::search::ArticleMatches;
use crate::core::{Article, Document, Field, Publisher, Site, Strings};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub doc: Shared<Document>,
    /// The open item when `doc` is a collection.
    pub item: Option<usize>,
    pub matches: Shared<ArticleMatches>,
    pub current: usize,
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

/// The article on screen.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let root = props.article_ref.clone();
    {
        let root = root.clone();
        let standalone = props.standalone;
        use_effect_with(
            (props.matches.clone(), props.current),
            move |(matches, _)| {
                if !matches.is_empty() {
                    if let Some(el) = root.cast::<Element>() {
                        scroll_to_current(el.unchecked_ref(), standalone);
                    }
                }
            },
        );
    }
    // Reading time and the contents depend on the document alone: worked
    // out once per document, not on every keystroke of a search.
    let outline = use_memo((props.doc.clone(), props.item), |(doc, item)| {
        article_parts(doc, *item).map(|(a, _, _)| {
            let minutes = reading_minutes(a.char_count(), a.lang.as_deref().unwrap_or("zh"));
            let headings: Vec<(usize, AttrValue)> = a
                .headings()
                .filter(|(_, level, _)| *level == 2)
                .map(|(n, _, text)| (n, AttrValue::from(text.to_owned())))
                .collect();
            (minutes, headings)
        })
    });
    let (Some((article, site, _)), Some((minutes, headings))) =
        (article_parts(&props.doc, props.item), outline.as_ref())
    else {
        return Html::default();
    };
    let m = &*props.matches;
    let cur = props.current;
    // Each block gets only its own marks, so unchanged blocks skip rendering.
    let mut per_block: Vec<BlockMarks> = vec![Vec::new(); article.blocks.len()];
    for (i, hit) in m.hits.iter().enumerate() {
        if let Some(marks) = block_of(hit.field).and_then(|n| per_block.get_mut(n)) {
            marks.push((hit.field, i, hit.range.clone()));
        }
    }
    let current_block = m.hits.get(cur).and_then(|h| block_of(h.field));
    let s = props.strings;
    let meta = MetaLineProps::of(article, *minutes, s);
    let to_top = {
        let root = root.clone();
        Callback::from(move |_| {
            let title = root
                .cast::<Element>()
                .and_then(|a| a.query_selector("h1").ok().flatten());
            if let Some(h1) = title {
                scroll_and_focus(&h1);
            }
        })
    };
    html! {
        <article class="ar-article" ref={root.clone()}>
            if let Some(site) = site {
                <p class="ar-site">{ site.name.clone() }</p>
            }
            <h1 class="ar-title" tabindex="-1">{ plain_text(&article.title, &marks_for(m, Field::Title), cur) }</h1>
            <MetaLine ..meta />
            <Toc headings={headings.clone()} article={root.clone()} strings={s} />
            if let Some(lead) = &article.lead {
                <p class="ar-lead">{ rich_text(lead, &marks_for(m, Field::Lead), cur) }</p>
            }
            <div class={classes!("ar-body", (article.blocks.len() > LONG_ARTICLE_BLOCKS).then_some("ar-body-long"))}>
                { for per_block.into_iter().enumerate().map(|(n, marks)| html! {
                    <BlockView key={n} doc={props.doc.clone()} item={props.item} {n}
                        marks={Rc::new(marks)}
                        current={(current_block == Some(n)).then_some(cur)} />
                }) }
            </div>
            <p class="ar-to-top">
                <button type="button" class="ar-btn ar-btn-text" onclick={to_top}>
                    <span class="ar-icon" aria-hidden="true">{ "↑" }</span>{ s.back_to_top }
                </button>
            </p>
        </article>
    }
}

/// The article on screen in `doc` (the open item of a collection) with its
/// site and publisher; an item without its own falls back to the collection's.
pub fn article_parts(
    doc: &Document,
    item: Option<usize>,
) -> Option<(&Article, Option<&Site>, Option<&Publisher>)> {
    match (doc, item) {
        (Document::Article(a), _) => Some((a, a.site.as_ref(), a.publisher.as_ref())),
        (Document::Collection(c), Some(i)) => c.items.get(i).map(|a| {
            (
                a,
                a.site.as_ref().or(c.site.as_ref()),
                a.publisher.as_ref().or(c.publisher.as_ref()),
            )
        }),
        _ => None,
    }
}

/// The publisher footer of the article on screen (nothing without one).
pub fn article_footer(doc: &Document, item: Option<usize>, strings: &'static Strings) -> Html {
    match article_parts(doc, item) {
        Some((_, site, publisher)) => html! {
            <FooterView
                publisher={publisher.cloned()}
                site_name={site.map(|s| AttrValue::from(s.name.clone()))}
                {strings}
            />
        },
        None => Html::default(),
    }
}
