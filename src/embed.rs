//! The JavaScript-facing API that `article-reader.js` builds on: mounting a
//! reader into a container, updating and destroying it, and the headless
//! search index. Options arrive as plain JS objects and are read field by
//! field, so a wrong type is ignored rather than thrown.

use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AppHandle, AttrValue, Callback, Renderer};

use crate::core::display::{parse_named, SPACINGS, TYPEFACES};
use crate::core::reading::{parse_step, SCALES};
use crate::core::search::{parse_query, SearchIndex as CoreIndex};
use crate::core::settings::{option, SCORE_UNIT};
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

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// Dispatches `article-reader:<name>` on `host`, bubbling and composed so it
/// leaves the shadow root.
fn dispatch(host: &HtmlElement, event: &ReaderEvent) {
    let detail = Object::new();
    let name = match event {
        ReaderEvent::Ready => "article-reader:ready",
        ReaderEvent::Error(message) => {
            set(&detail, "message", message.as_str());
            "article-reader:error"
        }
        ReaderEvent::Close => "article-reader:close",
        ReaderEvent::FontSize(step) => {
            set(&detail, "step", *step as u32);
            set(&detail, "scale", SCALES[*step]);
            "article-reader:fontsize"
        }
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
/// `lineSpacing`, `typeface`.
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

    /// Ranked hits, packed for `article-reader.js`, which unpacks them
    /// into `[{id, index, title, score, snippet, marks, titleMarks}]`: the
    /// best `limit` (all when absent) and the number of matching articles.
    /// Packing keeps the calls between wasm and JS to a handful per search.
    ///
    /// `[numbers, text]`: `numbers` is a `Uint32Array` of `total, n`, then
    /// per hit `index, score × SCORE_UNIT, id length, title length, snippet
    /// length, mark count, marks…, title mark count, title marks…`; `text`
    /// is every hit's id, title and snippet in turn. Lengths and offsets
    /// count UTF-16 code units, as JS string indexes do.
    #[wasm_bindgen(js_name = searchPacked)]
    pub fn search_packed(&self, query: &str, limit: Option<u32>) -> Array {
        let limit = limit.map_or(usize::MAX, |l| l as usize);
        let results = self.inner.search_top(&parse_query(query), limit);
        let mut nums: Vec<u32> = vec![results.total as u32, results.hits.len() as u32];
        let mut text = String::new();
        for hit in &results.hits {
            let title = &self.inner.articles()[hit.index].title;
            let len16 = |s: &str| s.encode_utf16().count() as u32;
            nums.extend([
                hit.index as u32,
                (hit.score * SCORE_UNIT).round() as u32,
                len16(&hit.id),
                len16(title),
                len16(&hit.snippet),
            ]);
            for (t, marks) in [(&hit.snippet, &hit.marks), (title, &hit.title_marks)] {
                nums.push(marks.len() as u32);
                for r in marks {
                    nums.extend([len16(&t[..r.start]), len16(&t[..r.end])]);
                }
            }
            text.push_str(&hit.id);
            text.push_str(title);
            text.push_str(&hit.snippet);
        }
        let out = Array::new();
        out.push(&js_sys::Uint32Array::from(&nums[..]));
        out.push(&JsValue::from_str(&text));
        out
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
