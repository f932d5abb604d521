//! The root component: owns the state, loads the document, and lays out
//! the toolbar, the text size control and the current view.

use std::rc::Rc;

use yew::prelude::*;

use super::article_view::{article_footer, ArticleView};
use super::collection_view::CollectionView;
use super::error_view::ErrorView;
use super::loader;
use super::state::{Action, Phase, Shared, State};
use super::storage;
use super::text_size::TextSize;
use super::toolbar::Toolbar;
use crate::core::reading::{clamp_step, DEFAULT_STEP};
use crate::core::{parse_document, Document, Lang, Limits, SEED_ARTICLE_JSON};

/// Where the document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The built-in seed article.
    Seed,
    /// A URL to fetch.
    Url(AttrValue),
    /// Inline JSON text (an inline `<script type="application/json">`, or a
    /// JS object serialised by the embed layer).
    Json(Rc<str>),
}

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
    Sepia,
}

impl Theme {
    /// Parses an attribute value; unknown values mean `Auto`.
    pub fn parse(s: &str) -> Theme {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            "sepia" => Theme::Sepia,
            _ => Theme::Auto,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Theme::Auto => "ar-theme-auto",
            Theme::Light => "ar-theme-light",
            Theme::Dark => "ar-theme-dark",
            Theme::Sepia => "ar-theme-sepia",
        }
    }
}

/// What the reader tells its host (the embed layer turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderEvent {
    Ready,
    Error(String),
    Close,
    FontSize(usize),
}

/// Options of one reader.
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    #[prop_or(Source::Seed)]
    pub source: Source,
    /// UI language; `None` picks the article's, then the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
    #[prop_or_default]
    pub theme: Theme,
    /// Initial text size step when the reader has no stored preference.
    #[prop_or_default]
    pub font_step: Option<usize>,
    /// Initial search query (`?q=`).
    #[prop_or_default]
    pub query: AttrValue,
    /// Simplified and traditional characters match each other in search.
    #[prop_or_default]
    pub variants: bool,
    /// Largest document accepted, in bytes (default 5 MB).
    #[prop_or_default]
    pub max_bytes: Option<usize>,
    /// The whole page is ours (standalone): the toolbar is the `banner`, the
    /// text size control and the document are `main`, and the publisher
    /// footer is a top-level `contentinfo` after it.
    #[prop_or_default]
    pub standalone: bool,
    #[prop_or_default]
    pub on_event: Callback<ReaderEvent>,
}

fn limits(max_bytes: Option<usize>) -> Limits {
    let mut limits = Limits::default();
    if let Some(max) = max_bytes {
        limits.max_bytes = max;
    }
    limits
}

fn parse_inline(source: &Source, limits: &Limits) -> Phase {
    let json = match source {
        Source::Url(_) => return Phase::Loading,
        Source::Seed => SEED_ARTICLE_JSON,
        Source::Json(text) => text,
    };
    match parse_document(json.as_bytes(), limits) {
        Ok(doc) => Phase::Ready(Shared(Rc::new(doc))),
        Err(e) => Phase::Failed(e),
    }
}

/// The host page's `<html lang>`, then the browser's language. The page
/// comes first: a Chinese portal read in an English browser stays Chinese.
fn page_or_browser_lang() -> Option<Lang> {
    let window = web_sys::window()?;
    let page = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::from_tag(&l));
    page.or_else(|| {
        window
            .navigator()
            .language()
            .and_then(|l| Lang::from_tag(&l))
    })
}

/// The article reader.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let state = use_reducer(|| {
        let step = storage::load_step()
            .or(props.font_step)
            .map(|s| clamp_step(s as i64))
            .unwrap_or(DEFAULT_STEP);
        State::new(
            parse_inline(&props.source, &limits(props.max_bytes)),
            props.query.to_string(),
            step,
            props.variants,
        )
    });
    let first_load = use_mut_ref(|| true);
    let article_ref = use_node_ref();
    {
        let dispatch = state.dispatcher();
        storage::use_step_sync(Callback::from(move |step| {
            dispatch.dispatch(Action::SetStep(step))
        }));
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.variants, move |on| {
            dispatch.dispatch(Action::SetVariants(*on))
        });
    }
    // A live `font-size` change applies when the reader has no stored choice
    // (the stored choice is the reader's own, and wins).
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.font_step, move |step| {
            if let (Some(step), None) = (*step, storage::load_step()) {
                dispatch.dispatch(Action::SetStep(clamp_step(step as i64)));
            }
        });
    }

    {
        let dispatch = state.dispatcher();
        use_effect_with(
            (props.source.clone(), state.attempt, props.max_bytes),
            move |(source, attempt, max_bytes)| {
                let limits = limits(*max_bytes);
                let first = std::mem::replace(&mut *first_load.borrow_mut(), false);
                let mut cancel = None;
                match source {
                    Source::Url(url) => {
                        cancel = Some(loader::load(url.to_string(), limits, dispatch))
                    }
                    _ if !first || *attempt > 0 => match parse_inline(source, &limits) {
                        Phase::Ready(doc) => {
                            dispatch.dispatch(Action::Loaded(Box::new((*doc).clone())))
                        }
                        Phase::Failed(e) => dispatch.dispatch(Action::Failed(e)),
                        Phase::Loading => {}
                    },
                    _ => {}
                }
                move || drop(cancel)
            },
        );
    }

    let lang = props
        .lang
        .or_else(|| {
            state
                .article()
                .and_then(|a| a.lang.as_deref())
                .and_then(Lang::from_tag)
        })
        .or_else(page_or_browser_lang)
        .unwrap_or_default();
    let strings = lang.strings();

    {
        let on_event = props.on_event.clone();
        use_effect_with(state.phase.clone(), move |phase| match phase {
            Phase::Ready(_) => on_event.emit(ReaderEvent::Ready),
            Phase::Failed(e) => on_event.emit(ReaderEvent::Error(strings.error(e))),
            Phase::Loading => {}
        });
    }

    let on_step = {
        let dispatch = state.dispatcher();
        let on_event = props.on_event.clone();
        Callback::from(move |step: usize| {
            dispatch.dispatch(Action::SetStep(step));
            storage::save_step(step);
            on_event.emit(ReaderEvent::FontSize(step));
        })
    };
    let on_close = {
        let on_event = props.on_event.clone();
        Callback::from(move |_| on_event.emit(ReaderEvent::Close))
    };
    let dispatch = state.dispatcher();
    let on_action = Callback::from(move |a: Action| dispatch.dispatch(a));

    let in_item = matches!(&state.phase, Phase::Ready(d) if matches!(**d, Document::Collection(_)))
        && state.open_item.is_some();
    let body = match &state.phase {
        Phase::Loading => html! {
            <p class="ar-loading" role="status">{ strings.loading }</p>
        },
        Phase::Failed(e) => html! {
            <ErrorView message={strings.error(e)} {strings} on_retry={on_action.reform(|_| Action::Retry)} />
        },
        Phase::Ready(doc) => match (&**doc, state.article()) {
            (_, Some(_)) => html! {
                <ArticleView
                    doc={doc.clone()}
                    item={state.open_item}
                    matches={state.matches.clone()}
                    current={state.current}
                    {strings}
                    article_ref={article_ref.clone()}
                    standalone={props.standalone}
                />
            },
            (Document::Collection(_), None) => html! {
                <CollectionView
                    doc={doc.clone()}
                    query={AttrValue::from(state.query.clone())}
                    {strings}
                    on_open={on_action.reform(Action::OpenItem)}
                    variants={props.variants}
                />
            },
            (Document::Article(_), None) => Html::default(),
        },
    };

    // The publisher footer of the article on screen.
    let footer = match &state.phase {
        Phase::Ready(doc) => article_footer(doc, state.open_item, strings),
        _ => Html::default(),
    };
    let has_footer = matches!(&state.phase, Phase::Ready(_)) && state.article().is_some();

    let classes = classes!(
        "ar-reader",
        props.theme.class(),
        format!("ar-step-{}", state.step)
    );
    let toolbar = html! {
        <Toolbar
            {strings}
            query={AttrValue::from(state.query.clone())}
            total={state.matches.len()}
            current={state.current}
            searching_list={!in_item && matches!(&state.phase, Phase::Ready(d) if matches!(**d, Document::Collection(_)))}
            back={in_item}
            banner={props.standalone}
            on_action={on_action.clone()}
            on_close={on_close}
            article_ref={article_ref.clone()}
        />
    };
    let size = html! { <TextSize {strings} step={state.step} on_change={on_step} /> };
    if props.standalone {
        // The whole page is ours: banner (the toolbar), main, and the footer
        // as a top-level contentinfo landmark outside main.
        html! {
            <div class={classes} lang={lang.tag()}>
                { toolbar }
                <main class={classes!("ar-page", has_footer.then_some("ar-page-main"))}>
                    { size }
                    { body }
                </main>
                if has_footer {
                    <div class="ar-page ar-page-footer">{ footer }</div>
                }
            </div>
        }
    } else {
        html! {
            <div class={classes} lang={lang.tag()}>
                { toolbar }
                <div class="ar-page">
                    { size }
                    { body }
                    { footer }
                </div>
            </div>
        }
    }
}
