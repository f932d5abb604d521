//! Site search (`index` set): the index is opened once (its
//! `manifest.json`), then each query fetches only the files it needs, all
//! files of a round at once, as `openIndex()` does
//! (`js/lib/site-index.js`); matching, ranking and snippets are the core's
//! ([`crate::core::search::site`]). A result with a `src` opens in place
//! through the reader's own loader.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
use yew::prelude::*;

use crate::core::search::parse_query_with;
use crate::core::search::site::{Manifest, SiteIndex, SiteResults, Step};
use crate::core::Limits;
use crate::ui::loader;
use crate::ui::state::{Action, State};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The platform's gzip inflater (web-sys has it only behind its
    /// unstable APIs).
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, wasm_bindgen::JsValue>;
}

/// Rounds of fetching one search may take (it needs three at most).
const MAX_ROUNDS: usize = 4;

/// The open index of one URL, shared by the searches of a reader.
type Open = Rc<RefCell<Option<(String, Rc<RefCell<SiteIndex>>)>>>;

/// `url` as a directory: with a trailing slash, so file paths append.
fn directory(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

/// Why a site search failed does not matter to the reader: it shows one
/// alert (and the next search tries again), so failures carry nothing.
#[derive(Debug)]
struct Failed;

/// The response to a started `fetch()`, if it is a success.
async fn response(fetching: js_sys::Promise) -> Result<Response, Failed> {
    let response: Response = JsFuture::from(fetching)
        .await
        .map_err(|_| Failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(Failed);
    }
    Ok(response)
}

/// The bytes of `response`.
async fn bytes_of(response: Response) -> Result<Vec<u8>, Failed> {
    let buffer = response.array_buffer().map_err(|_| Failed)?;
    let bytes = JsFuture::from(buffer).await.map_err(|_| Failed)?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// The body of a started `fetch()`.
async fn body(fetching: js_sys::Promise) -> Result<Vec<u8>, Failed> {
    bytes_of(response(fetching).await?).await
}

/// The plain bytes of a gzip file (every segment file is stored
/// gzipped; the platform's `DecompressionStream` inflates it, so the wasm
/// carries no decompressor).
async fn inflated(fetching: js_sys::Promise) -> Result<Vec<u8>, Failed> {
    let gz = response(fetching).await?;
    let bad = |_| Failed;
    let stream = gz.body().ok_or(Failed)?;
    let ds = DecompressionStream::new("gzip").map_err(bad)?;
    // A transform stream is the {readable, writable} pair pipeThrough takes.
    let plain = stream.pipe_through(ds.unchecked_ref());
    let plain = Response::new_with_opt_readable_stream(Some(&plain)).map_err(bad)?;
    bytes_of(plain).await
}

/// Starts fetching `url`.
fn start(url: &str) -> Result<js_sys::Promise, Failed> {
    Ok(web_sys::window().ok_or(Failed)?.fetch_with_str(url))
}

thread_local! {
    /// How this instance installs `variants.bin` (set by the embed loader:
    /// its own function, so the table is fetched once per page).
    static VARIANTS_LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the embed loader's function that installs `variants.bin` and
/// returns a promise.
pub fn set_variants_loader(load: js_sys::Function) {
    VARIANTS_LOADER.with(|l| *l.borrow_mut() = Some(load));
}

/// Installs the simplified/traditional table when the index was built
/// with variants, whether the host asked for `variants` or not: the
/// manifest says how the index folds. Without a loader (or if it fails)
/// the search still runs, only without folding.
async fn ensure_variants(manifest: &Manifest) {
    if !manifest.variants || crate::core::search::variants_installed() {
        return;
    }
    let loading = VARIANTS_LOADER.with(|l| l.borrow().as_ref().map(|f| f.call0(&JsValue::NULL)));
    if let Some(Ok(p)) = loading {
        let _ = JsFuture::from(js_sys::Promise::resolve(&p)).await;
    }
}

/// The index at `dir`, opened once per reader and URL.
async fn open_index(open: &Open, dir: &str) -> Result<Rc<RefCell<SiteIndex>>, Failed> {
    if let Some((url, ix)) = &*open.borrow() {
        if url == dir {
            return Ok(ix.clone());
        }
    }
    let url = format!("{dir}manifest.json");
    let text = body(start(&url)?).await?;
    let text = String::from_utf8(text).map_err(|_| Failed)?;
    let manifest = Manifest::from_json(&text).map_err(|_| Failed)?;
    ensure_variants(&manifest).await;
    let ix = Rc::new(RefCell::new(SiteIndex::new(manifest)));
    *open.borrow_mut() = Some((dir.to_owned(), ix.clone()));
    Ok(ix)
}

/// Fetches `paths` (relative to `dir`) all at once and hands them over:
/// every request starts before the first is awaited.
async fn fetch_all(ix: &RefCell<SiteIndex>, dir: &str, paths: Vec<String>) -> Result<(), Failed> {
    let mut started = Vec::with_capacity(paths.len());
    for p in paths {
        let url = format!("{dir}{p}");
        let fetching = start(&url)?;
        started.push((p, fetching));
    }
    for (p, fetching) in started {
        let bytes = inflated(fetching).await?;
        ix.borrow_mut().add_file(p, bytes);
    }
    Ok(())
}

/// The best `limit` results of `query` in the index at `dir`.
async fn search(open: &Open, dir: &str, query: &str, limit: usize) -> Result<SiteResults, Failed> {
    let ix = open_index(open, dir).await?;
    let q = parse_query_with(query, ix.borrow().manifest().variants);
    for _ in 0..=MAX_ROUNDS {
        let step = ix.borrow().search(&q, limit).map_err(|_| Failed)?;
        match step {
            Step::Done(r) => return Ok(r),
            Step::Need(paths) => fetch_all(&ix, dir, paths).await?,
        }
    }
    // A query kept asking for more files.
    Err(Failed)
}

/// Turns site search on or off as the host's `index` option comes and goes.
#[hook]
pub fn use_site_index_option(index: Option<AttrValue>, dispatch: UseReducerDispatcher<State>) {
    use_effect_with(index.is_some(), move |on| {
        dispatch.dispatch(Action::SetSiteIndex(*on))
    });
}

/// Searches the site for `query` (the best `limit` results) whenever
/// either changes; results of a query overtaken by another are dropped.
#[hook]
pub fn use_site_search(
    index: Option<AttrValue>,
    query: Option<String>,
    limit: usize,
    dispatch: UseReducerDispatcher<State>,
) {
    let open: Open = use_mut_ref(|| None);
    use_effect_with((index, query, limit), move |(index, query, limit)| {
        let cancelled = Rc::new(std::cell::Cell::new(false));
        if let (Some(index), Some(query)) = (index, query) {
            let (dir, query, limit) = (directory(index), query.clone(), *limit);
            let done = cancelled.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = search(&open, &dir, &query, limit).await;
                if done.get() {
                    return;
                }
                dispatch.dispatch(match result {
                    Ok(r) => Action::SiteResults(query, limit, r),
                    Err(_) => {
                        // A failed manifest is fetched again next time.
                        open.borrow_mut().take();
                        Action::SiteFailed(query)
                    }
                });
            });
        }
        move || cancelled.set(true)
    });
}

/// Loads the site result opened in place (its `src`) with the reader's
/// loader; dropping it (Back) cancels the load.
#[hook]
pub fn use_site_result_loader(src: Option<String>, dispatch: UseReducerDispatcher<State>) {
    use_effect_with(src, move |src| {
        let guard = src
            .as_ref()
            .map(|url| loader::load(url.clone(), Limits::default(), dispatch));
        move || drop(guard)
    });
}

/// Moves focus to the title of a site result once it is open in place, so
/// a screen reader starts reading there (Back focuses the result again).
#[hook]
pub fn use_focus_opened_result(shown: bool, article_ref: NodeRef) {
    use_effect_with(shown, move |shown| {
        let title = article_ref
            .cast::<web_sys::Element>()
            .and_then(|a| a.query_selector("h1").ok().flatten());
        if let (true, Some(h1)) = (*shown, title) {
            crate::ui::scroll::scroll_and_focus(&h1);
        }
    });
}
