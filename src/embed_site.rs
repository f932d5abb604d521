//! The JavaScript-facing side of site search (`openIndex(url)` in
//! `js/open-index.js`): an open index that says which files a query needs
//! and answers once they are handed over. All fetching is the loader's;
//! matching, ranking and snippets are the core's
//! ([`crate::core::search::site`]).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::search::parse_query_with;
use crate::core::search::site::{Manifest, SiteHit, SiteIndex, Step};

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// Byte ranges of `text` as `[start, end]` pairs of UTF-16 offsets, as JS
/// string indexes count.
fn marks16(text: &str, marks: &[std::ops::Range<usize>]) -> Array {
    let len16 = |s: &str| s.encode_utf16().count() as u32;
    marks
        .iter()
        .map(|r| {
            let pair = Array::new();
            pair.push(&len16(&text[..r.start]).into());
            pair.push(&len16(&text[..r.end]).into());
            JsValue::from(pair)
        })
        .collect()
}

fn opt(obj: &Object, key: &str, value: &Option<String>) {
    match value {
        Some(v) => set(obj, key, v.as_str()),
        None => set(obj, key, JsValue::NULL),
    }
}

/// `{id, url, src, title, published, snippet, marks, titleMarks, score}`.
fn hit_object(h: &SiteHit) -> Object {
    let o = Object::new();
    set(&o, "id", h.id.as_str());
    opt(&o, "url", &h.url);
    opt(&o, "src", &h.src);
    set(&o, "title", h.title.as_str());
    opt(&o, "published", &h.published);
    set(&o, "snippet", h.snippet.as_str());
    set(&o, "marks", marks16(&h.snippet, &h.marks));
    set(&o, "titleMarks", marks16(&h.title, &h.title_marks));
    set(&o, "score", h.score);
    o
}

/// How the reader's site search installs `variants.bin` when an index
/// was built with `--variants` (the embed loader's `loadVariants`, so the
/// table is fetched once per page).
#[wasm_bindgen(js_name = setVariantsLoader)]
pub fn set_variants_loader(load: js_sys::Function) {
    crate::ui::set_variants_loader(load);
}

/// An open site index.
#[wasm_bindgen]
pub struct SiteSearch {
    inner: SiteIndex,
}

#[wasm_bindgen]
impl SiteSearch {
    /// Opens the index described by the text of its `manifest.json`.
    #[wasm_bindgen(constructor)]
    pub fn new(manifest_json: &str) -> Result<SiteSearch, JsError> {
        let m = Manifest::from_json(manifest_json).map_err(|e| JsError::new(&e))?;
        Ok(SiteSearch {
            inner: SiteIndex::new(m),
        })
    }

    /// Simplified and traditional forms match each other in this index
    /// (the loader installs `variants.bin` first).
    #[wasm_bindgen(getter)]
    pub fn variants(&self) -> bool {
        self.inner.manifest().variants
    }

    /// One step of a search for the best `limit` hits: either
    /// `{need: [path, …]}` (fetch these, relative to the index URL, hand
    /// them to `addFile`, call again) or `{total, hits: [hit, …]}`.
    pub fn step(&self, query: &str, limit: u32) -> Result<Object, JsError> {
        let q = parse_query_with(query, self.variants());
        let out = Object::new();
        match self.inner.search(&q, limit as usize) {
            Err(e) => return Err(JsError::new(&e.to_string())),
            Ok(Step::Need(paths)) => {
                let need: Array = paths.iter().map(|p| JsValue::from_str(p)).collect();
                set(&out, "need", need);
            }
            Ok(Step::Done(r)) => {
                set(&out, "total", r.total as f64);
                let hits: Array = r
                    .hits
                    .iter()
                    .map(|h| JsValue::from(hit_object(h)))
                    .collect();
                set(&out, "hits", hits);
            }
        }
        Ok(out)
    }

    /// Hands over a fetched file of the index.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, path: String, bytes: Vec<u8>) {
        self.inner.add_file(path, bytes);
    }

    /// Bytes of index files handed over so far.
    #[wasm_bindgen(getter, js_name = bytesFetched)]
    pub fn bytes_fetched(&self) -> f64 {
        self.inner.bytes_fetched() as f64
    }
}
