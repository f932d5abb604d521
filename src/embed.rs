//! The JavaScript-facing API that `article-reader.js` builds on: mounting a
//! reader into a container, updating and destroying it, and the headless
//! search index. Options arrive as plain JS objects and are read field by
//! field, so a wrong type is ignored rather than thrown.

use std::rc::Rc;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AppHandle, AttrValue, Callback, Renderer};

use crate::core::display::{parse_named, SPACINGS, TYPEFACES};
use crate::core::reading::{parse_step, SCALES};
use crate::core::search::{parse_query, SearchIndex as CoreIndex};
use crate::core::settings::option;
use crate::core::{format, Lang, Limits};
use crate::ui::{Reader, ReaderEvent, ReaderProps, Source, Theme};

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.trim().is_empty())
}

/// A number given as a JS number or a numeric string (attributes).
fn get_number(obj: &JsValue, key: &str) -> Option<f64> {
    let v = Reflect::get(obj, &JsValue::from_str(key)).ok()?;
    // JS's own Number() reads attribute strings ("5e6", " 20000 "), so no
    // float parser is compiled into the wasm for two options.
    let n = if v.is_undefined() || v.is_null() {
        f64::NAN
    } else {
        js_sys::Number::from(v).value_of()
    };
    Some(n).filter(|n| n.is_finite() && *n > 0.0)
}

fn get_bool(obj: &JsValue, key: &str) -> bool {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .is_some_and(|v| v.is_truthy())
}

/// `detail` of `article-reader:ready`: the items left out of a collection.
#[derive(Serialize)]
struct ReadyDetail<'a> {
    skipped: Vec<SkippedOut<'a>>,
}

/// One item left out: its position in the document and why.
#[derive(Serialize)]
struct SkippedOut<'a> {
    index: usize,
    reason: &'a str,
}

/// `detail` of `article-reader:error`.
#[derive(Serialize)]
struct ErrorDetail<'a> {
    message: &'a str,
}

/// `detail` of `article-reader:fontsize`.
#[derive(Serialize)]
struct FontSizeDetail {
    step: usize,
    /// The step's factor of the default size.
    scale: f64,
}

/// A value as JS sees it (an empty object if it cannot be converted).
fn to_js(value: &impl Serialize) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap_or_else(|_| Object::new().into())
}

/// Dispatches `article-reader:<name>` on `host`, bubbling and composed so it
/// leaves the shadow root.
fn dispatch(host: &HtmlElement, event: &ReaderEvent) {
    let (name, detail) = match event {
        ReaderEvent::Ready(skipped) => (
            "article-reader:ready",
            to_js(&ReadyDetail {
                skipped: skipped
                    .iter()
                    .map(|s| SkippedOut {
                        index: s.index,
                        reason: &s.reason,
                    })
                    .collect(),
            }),
        ),
        ReaderEvent::Error(message) => ("article-reader:error", to_js(&ErrorDetail { message })),
        ReaderEvent::Close => ("article-reader:close", Object::new().into()),
        ReaderEvent::FontSize(step) => (
            "article-reader:fontsize",
            to_js(&FontSizeDetail {
                step: *step,
                scale: SCALES[*step],
            }),
        ),
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// Reads mount options (names in `src/settings.json`, as the JS API spells
/// them): the document (`json` text, else `src`, else the seed), `lang`,
/// `theme`, `fontSize`, `query`, `maxBytes`, `variants`, `standalone`,
/// `lineSpacing`, `typeface`, `index`.
fn props_from(host: &HtmlElement, options: &JsValue) -> ReaderProps {
    let source = if let Some(json) = get_str(options, option::JSON) {
        Source::Json(Rc::from(json.as_str()))
    } else if let Some(src) = get_str(options, option::SRC) {
        Source::Url(AttrValue::from(src))
    } else {
        Source::Seed
    };
    let host = host.clone();
    ReaderProps {
        source,
        lang: get_str(options, option::LANG).and_then(|l| Lang::from_tag(&l)),
        theme: get_str(options, option::THEME).map_or(Theme::AUTO, |t| Theme::parse(&t)),
        font_step: get_str(options, option::FONT_SIZE).and_then(|s| parse_step(&s)),
        query: get_str(options, option::QUERY)
            .map(AttrValue::from)
            .unwrap_or_default(),
        max_bytes: get_number(options, option::MAX_BYTES).map(|n| n as usize),
        variants: get_bool(options, option::VARIANTS),
        standalone: get_bool(options, option::STANDALONE),
        on_event: Callback::from(move |e: ReaderEvent| dispatch(&host, &e)),
        line_spacing: get_str(options, option::LINE_SPACING)
            .and_then(|v| parse_named(&SPACINGS, &v)),
        typeface: get_str(options, option::TYPEFACE).and_then(|v| parse_named(&TYPEFACES, &v)),
        index: get_str(options, option::INDEX).map(AttrValue::from),
    }
}

/// A mounted reader.
#[wasm_bindgen]
pub struct ReaderHandle {
    app: Option<AppHandle<Reader>>,
    host: HtmlElement,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Applies changed options (attributes) without losing reader state.
    pub fn update(&mut self, options: JsValue) {
        let props = props_from(&self.host, &options);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// The sentences of `text` for 朗读 / Read aloud, as UTF-16 offsets
    /// `"start0,end0,start1,end1,…"` (`core::sentences`): js/lib/speech.js
    /// reads and marks them one by one. (Text, not a `Uint32Array`: the
    /// glue already passes strings, an array type would add its own.)
    #[wasm_bindgen(js_name = sentenceBounds)]
    pub fn sentence_bounds(&self, text: &str) -> String {
        let mut out = String::new();
        for n in crate::core::sentences::utf16_sentence_bounds(text) {
            if !out.is_empty() {
                out.push(',');
            }
            out.push_str(&n.to_string());
        }
        out
    }

    /// Unmounts the reader and removes its DOM and listeners.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a reader into `container`; events are dispatched on `host`.
#[wasm_bindgen(js_name = mountReader)]
pub fn mount_reader(host: HtmlElement, container: Element, options: JsValue) -> ReaderHandle {
    let props = props_from(&host, &options);
    let app = Renderer::<Reader>::with_root_and_props(container, props).render();
    ReaderHandle {
        app: Some(app),
        host,
    }
}

/// Takes over a reader that the server rendered into `container`
/// (`article-reader render`): Yew hydrates the existing DOM in place, so
/// nothing is replaced, the scroll position and a selection stay. The
/// options must be those the server rendered with (the element's attributes
/// and inline JSON); a DOM that does not match them is a panic, not a
/// silent re-render.
#[cfg(feature = "hydrate")]
#[wasm_bindgen(js_name = hydrateReader)]
pub fn hydrate_reader(host: HtmlElement, container: Element, options: JsValue) -> ReaderHandle {
    let props = props_from(&host, &options);
    let app = Renderer::<Reader>::with_root_and_props(container, props).hydrate();
    ReaderHandle {
        app: Some(app),
        host,
    }
}

/// One hit as `createIndex(...).search()` returns it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HitOut<'a> {
    id: &'a str,
    index: usize,
    title: &'a str,
    score: f64,
    snippet: &'a str,
    marks: Vec<[usize; 2]>,
    title_marks: Vec<[usize; 2]>,
}

/// The hits of a search and how many articles matched.
#[derive(Serialize)]
struct HitsOut<'a> {
    total: usize,
    hits: Vec<HitOut<'a>>,
}

/// Byte ranges of `text` as `[start, end]` in UTF-16 code units.
fn utf16_ranges(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<[usize; 2]> {
    let len16 = |s: &str| s.encode_utf16().count();
    ranges
        .iter()
        .map(|r| [len16(&text[..r.start]), len16(&text[..r.end])])
        .collect()
}

/// A headless search index over many articles.
#[wasm_bindgen]
pub struct SearchIndex {
    inner: CoreIndex,
}

#[wasm_bindgen]
impl SearchIndex {
    /// Number of indexed articles.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.articles().len()
    }

    /// Bytes the index holds in wasm memory besides the articles.
    #[wasm_bindgen(getter, js_name = indexBytes)]
    pub fn index_bytes(&self) -> usize {
        self.inner.index_bytes()
    }

    /// The best `limit` hits (all when absent), best first, and the number
    /// of matching articles: `{ total, hits: [{ id, index, title, score,
    /// snippet, marks, titleMarks }] }`, marks as `[start, end]` in UTF-16
    /// code units (JS string indexes). Through serde-wasm-bindgen: measured
    /// against the packed `Uint32Array` + string it replaced, it was faster
    /// for 20 hits and cost 1.8 KB brotli (README, "Speed and size").
    pub fn search(&self, query: &str, limit: Option<u32>) -> JsValue {
        let limit = limit.map_or(usize::MAX, |l| l as usize);
        let results = self.inner.search_top(&parse_query(query), limit);
        let hits = results
            .hits
            .iter()
            .map(|h| {
                let title = &self.inner.articles()[h.index].title;
                HitOut {
                    id: &h.id,
                    index: h.index,
                    title,
                    score: h.score,
                    snippet: &h.snippet,
                    marks: utf16_ranges(&h.snippet, &h.marks),
                    title_marks: utf16_ranges(title, &h.title_marks),
                }
            })
            .collect();
        to_js(&HitsOut {
            total: results.total,
            hits,
        })
    }

    /// Number of articles matching `query`.
    pub fn count(&self, query: &str) -> usize {
        self.inner.count(&parse_query(query))
    }
}

/// Builds a search index from JSON text: an array of articles in any
/// accepted format, a JSON Feed, or one article. With `variants`,
/// simplified and traditional forms match each other. The host hands the
/// data over itself, so the collection size limit is lifted.
#[wasm_bindgen(js_name = createIndexFromJson)]
pub fn create_index_from_json(json: String, variants: bool) -> Result<SearchIndex, JsError> {
    let limits = Limits {
        max_items: usize::MAX,
        ..Limits::default()
    };
    let value = format::parse_json(&json).map_err(|e| JsError::new(&e.to_string()))?;
    drop(json); // its memory serves the articles and the index
    let articles = format::parse_many(value, &limits).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(SearchIndex {
        inner: CoreIndex::with_variants(articles, variants),
    })
}

/// Installs the whole table of named character references (the bytes of
/// `entities.bin`, which the loader fetches only when a document names one
/// that the compiled-in common names do not know). False when `table` is
/// not a table.
#[wasm_bindgen(js_name = installEntities)]
pub fn install_entities(table: &[u8]) -> bool {
    crate::core::entities::install(table)
}

/// Whether `text` names a character reference that only the whole table
/// knows (and the table is not installed yet).
#[wasm_bindgen(js_name = needsEntities)]
pub fn needs_entities(text: &str) -> bool {
    crate::core::entities::needs_full_table(text)
}

/// Where the reader's loader fetches `entities.bin` when a fetched
/// document needs it (the embed loader's own directory).
#[wasm_bindgen(js_name = setEntitiesUrl)]
pub fn set_entities_url(url: String) {
    crate::ui::set_entities_url(url);
}

/// Bytes of wasm linear memory (for benchmarks).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |b| b.byte_length() as f64)
        })
}

/// Installs the simplified/traditional table (the bytes of `variants.bin`,
/// which the loader fetches only when a reader or an index asks for
/// variants: it stays out of the default bundle).
#[wasm_bindgen(js_name = installVariants)]
pub fn install_variants(table: &[u8]) {
    crate::core::search::install_variants(table);
}
