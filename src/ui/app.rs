//! The root component: owns the reducer, composes the effects (named hooks
//! in [`super::hooks`]) and lays out the toolbar, the text size control and
//! the view: an article (a document, or an open item of a collection) or a
//! collection's list.

use yew::prelude::*;

use super::article_view::ArticleView;
use super::collection_view::CollectionView;
use super::display::Display;
use super::display_panel::display_button;
use super::error_view::ErrorView;
use super::footer_view::FooterView;
use super::frame::{frame, Frame};
use super::hooks::{
    initial_display, initial_phase, initial_step, reader_lang, use_document_loader,
    use_reader_events, use_stored_display, use_stored_text_size,
};
use super::options::{ReaderEvent, ReaderProps};
use super::search_bar::SearchCallbacks;
use super::state::{Action, Phase, State};
use super::storage;
use super::text_size::TextSize;
use super::toolbar::Toolbar;
use crate::core::settings::STEP_CLASSES;
use crate::core::Strings;

/// Simplified/traditional folding follows the host's `variants` option live.
#[hook]
fn use_variants_option(variants: bool, dispatch: UseReducerDispatcher<State>) {
    use_effect_with(variants, move |on| {
        dispatch.dispatch(Action::SetVariants(*on))
    });
}

/// A callback that dispatches `action` whatever it is given.
fn send<T: 'static>(dispatch: &UseReducerDispatcher<State>, action: fn() -> Action) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(action()))
}

/// What the search box may ask of the reducer.
fn search_callbacks(dispatch: &UseReducerDispatcher<State>) -> SearchCallbacks {
    let d = dispatch.clone();
    SearchCallbacks {
        query: Callback::from(move |q| d.dispatch(Action::SetQuery(q))),
        next: send(dispatch, || Action::Next),
        previous: send(dispatch, || Action::Previous),
        clear: send(dispatch, || Action::ClearSearch),
    }
}

/// A chosen text size is applied, stored and announced to the host.
fn on_step(
    dispatch: &UseReducerDispatcher<State>,
    on_event: &Callback<ReaderEvent>,
) -> Callback<usize> {
    let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
    Callback::from(move |step: usize| {
        dispatch.dispatch(Action::SetStep(step));
        storage::save_step(step);
        on_event.emit(ReaderEvent::FontSize(step));
    })
}

/// The view under the toolbar, and the publisher footer of an article.
fn view(
    state: &State,
    strings: &'static Strings,
    dispatch: &UseReducerDispatcher<State>,
    article_ref: &NodeRef,
    standalone: bool,
) -> (Html, Option<Html>) {
    let doc = match &state.phase {
        Phase::Loading => {
            return (
                html! { <p class="ar-loading" role="status">{ strings.loading }</p> },
                None,
            )
        }
        Phase::Failed(e) => {
            let on_retry = send(dispatch, || Action::Retry);
            return (
                html! { <ErrorView message={strings.error(e)} {strings} {on_retry} /> },
                None,
            );
        }
        Phase::Ready(doc) => doc,
    };
    #[cfg(feature = "site-search")]
    if state.showing_site_results() {
        return (site_results(state, strings, dispatch), None);
    }
    if state.showing_list() {
        let d = dispatch.clone();
        let list = html! {
            <CollectionView doc={doc.clone()} searching={!state.query.trim().is_empty()}
                hits={state.list_hits.clone()} {strings}
                on_open={Callback::from(move |i| d.dispatch(Action::OpenItem(i)))} />
        };
        return (list, None);
    }
    let footer = state.on_screen().map(|s| {
        html! {
            <FooterView publisher={s.publisher.cloned()}
                site_name={s.site.map(|site| AttrValue::from(site.name.clone()))} {strings} />
        }
    });
    let article = html! {
        <ArticleView doc={doc.clone()} item={state.open_item} matches={state.matches.clone()}
            current={state.current} {strings} article_ref={article_ref.clone()} {standalone} />
    };
    #[cfg(feature = "site-search")]
    if state.site_result_open() {
        // Escape anywhere in a result opened in place returns to the results.
        let back = send(dispatch, || Action::Back);
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && !e.default_prevented() {
                e.prevent_default();
                back.emit(());
            }
        });
        return (
            html! { <div class="ar-site-open" {onkeydown}>{ article }</div> },
            footer,
        );
    }
    (article, footer)
}

/// The results of a site search, in place of the document.
#[cfg(feature = "site-search")]
fn site_results(
    state: &State,
    strings: &'static Strings,
    dispatch: &UseReducerDispatcher<State>,
) -> Html {
    use super::site_results::SiteResultsView;
    let d = dispatch.clone();
    html! {
        <SiteResultsView {strings} status={state.site.status.clone()}
            results={state.site.results.clone()} focus={state.site.last_opened}
            on_open={Callback::from(move |i| d.dispatch(Action::SiteOpen(i)))}
            on_more={send(dispatch, || Action::SiteMore)} />
    }
}

/// Site search: the results of the query, the result opened in place and
/// focus moved to it.
#[cfg(feature = "site-search")]
#[hook]
fn use_site(
    index: Option<AttrValue>,
    state: &State,
    dispatch: &UseReducerDispatcher<State>,
    article_ref: NodeRef,
) {
    use super::hooks::{
        use_focus_opened_result, use_site_index_option, use_site_result_loader, use_site_search,
    };
    use_site_index_option(index.clone(), dispatch.clone());
    let wanted = state.site.wanted(&state.query).map(str::to_owned);
    use_site_search(index, wanted, state.site.limit, dispatch.clone());
    let src = state.site.open.as_ref().map(|o| o.src.clone());
    use_site_result_loader(src, dispatch.clone());
    let shown = state.site_result_open() && state.document().is_some();
    use_focus_opened_result(shown, article_ref);
}

/// Without the `site-search` feature the reader ignores `index`.
#[cfg(not(feature = "site-search"))]
#[hook]
fn use_site(
    _index: Option<AttrValue>,
    _state: &State,
    _dispatch: &UseReducerDispatcher<State>,
    _article_ref: NodeRef,
) {
}

/// The article reader.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let display_defaults = Display::defaults(props.theme, props.line_spacing, props.typeface);
    let state = use_reducer(|| {
        let s = State::new(
            initial_phase(&props.source, props.max_bytes),
            props.query.to_string(),
            initial_step(props.font_step),
            props.variants,
        )
        .with_display(initial_display(display_defaults));
        // The first render already shows site results for an initial query.
        #[cfg(feature = "site-search")]
        let s = s.with_site_index(props.index.is_some());
        s
    });

    let dispatch = state.dispatcher();
    use_stored_text_size(props.font_step, dispatch.clone());
    use_stored_display(display_defaults, dispatch.clone());
    use_variants_option(props.variants, dispatch.clone());
    use_document_loader(
        props.source.clone(),
        state.attempt,
        props.max_bytes,
        dispatch.clone(),
    );
    let article_lang = state.on_screen().and_then(|s| s.article.lang.clone());
    let lang = reader_lang(props.lang, article_lang.as_deref());
    let strings = lang.strings();
    use_reader_events(state.phase.clone(), strings, props.on_event.clone());
    let article_ref = use_node_ref();
    use_site(props.index.clone(), &state, &dispatch, article_ref.clone());

    let (view, footer) = view(&state, strings, &dispatch, &article_ref, props.standalone);
    let toolbar = html! {
        <Toolbar {strings} query={AttrValue::from(state.query.clone())}
            total={state.matches.len()} current={state.current}
            searching_list={state.showing_list() || state.showing_site_results()}
            site={props.index.is_some() && cfg!(feature = "site-search")}
            back={state.in_item()} banner={props.standalone}
            on_search={search_callbacks(&dispatch)} on_back={send(&dispatch, || Action::Back)}
            on_close={props.on_event.reform(|_| ReaderEvent::Close)} article_ref={article_ref} />
    };
    // 显示设置 sits beside the text size (below it on a phone): the toolbar
    // has no room left at 320 px and 200%.
    let size = html! {
        <div class="ar-display-row">
            <TextSize {strings} step={state.step} on_change={on_step(&dispatch, &props.on_event)} />
            { display_button(strings) }
        </div>
    };
    let class = classes!(
        "ar-reader",
        state.display.classes().to_vec(),
        STEP_CLASSES[state.step]
    );
    frame(Frame {
        class,
        lang: lang.tag(),
        standalone: props.standalone,
        toolbar,
        size,
        view,
        footer,
    })
}
