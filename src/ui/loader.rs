//! Fetching a document by URL: size cap, timeout, abort when the source
//! changes or the reader goes away, and errors that say what happened.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use js_sys::Reflect;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};
use yew::UseReducerDispatcher;

use super::state::{Action, State};
use crate::core::format::parse_document_from;
use crate::core::{Limits, LoadError};

thread_local! {
    /// Where `entities.bin` is (set once by the embed loader).
    static ENTITIES_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Tells the loader where the whole table of named character references
/// is, for documents that need it.
pub fn set_entities_url(url: String) {
    ENTITIES_URL.with(|u| *u.borrow_mut() = Some(url));
}

/// Fetches and installs the whole table of named character references
/// when `text` needs it. Without it (no URL, a failed fetch) the common
/// names still decode; the rare ones stay as written.
async fn ensure_entities(text: &str) {
    if !crate::core::entities::needs_full_table(text) {
        return;
    }
    let Some(url) = ENTITIES_URL.with(|u| u.borrow().clone()) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(response) = JsFuture::from(window.fetch_with_str(&url)).await else {
        return;
    };
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return;
    }
    if let Ok(buffer) = response.array_buffer() {
        if let Ok(bytes) = JsFuture::from(buffer).await {
            crate::core::entities::install(&Uint8Array::new(&bytes).to_vec());
        }
    }
}

/// How long a fetch may take before it is abandoned.
const TIMEOUT_MS: u32 = 15_000;

/// Cancels a running load when dropped.
pub struct LoadGuard {
    controller: Option<AbortController>,
    cancelled: Rc<Cell<bool>>,
    _timeout: Timeout,
}

impl Drop for LoadGuard {
    fn drop(&mut self) {
        self.cancelled.set(true);
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

/// Starts loading `url`; the result is dispatched unless the returned guard
/// was dropped first.
pub fn load(url: String, limits: Limits, dispatch: UseReducerDispatcher<State>) -> LoadGuard {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let cancelled = Rc::new(Cell::new(false));
    let timed_out = Rc::new(Cell::new(false));
    let timeout = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let done = cancelled.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch(&url, signal.as_ref(), &limits).await;
        if done.get() {
            return;
        }
        dispatch.dispatch(match result {
            Ok(doc) => Action::Loaded(Box::new(doc)),
            Err(_) if timed_out.get() => Action::Failed(LoadError::Timeout {
                url,
                ms: TIMEOUT_MS,
            }),
            Err(e) => Action::Failed(e),
        });
    });
    LoadGuard {
        controller,
        cancelled,
        _timeout: timeout,
    }
}

/// A short reason from a rejected fetch promise.
fn reason(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}

// web-sys fetch rather than gloo-net: the same few calls without the
// `http` crate and its error types (the README lists what it saved).
async fn fetch(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
    limits: &Limits,
) -> Result<crate::core::Document, LoadError> {
    let network = |e: JsValue| LoadError::Network {
        url: url.to_owned(),
        detail: reason(e),
    };
    let window = web_sys::window().ok_or_else(|| network(JsValue::NULL))?;
    let init = RequestInit::new();
    init.set_signal(signal);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            url: url.to_owned(),
        });
    }
    // Refuse early when the server announces a body over the cap.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(size) = announced.filter(|&n| n > limits.max_bytes) {
        return Err(LoadError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let bytes = read_capped(&response, limits.max_bytes)
        .await
        .map_err(|e| e.unwrap_or_else(network))?;
    if let Ok(text) = std::str::from_utf8(&bytes) {
        ensure_entities(text).await;
    }
    // Relative URLs in the document resolve against where it came from
    // (after redirects), never against the page hosting the reader.
    parse_document_from(&bytes, limits, Some(&response.url()))
}

/// Reads the body chunk by chunk and stops, cancelling the download, as
/// soon as it passes `limit`: a server that sends no length (chunked) must
/// not make a phone download 20 MB only to refuse it. `Err(Ok(_))` is the
/// cap, `Err(Err(_))` a failed read.
async fn read_capped(
    response: &Response,
    limit: usize,
) -> Result<Vec<u8>, Result<LoadError, JsValue>> {
    let Some(body) = response.body() else {
        return Ok(Vec::new()); // no body at all (e.g. 204)
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(Err)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(Err)?
            .unchecked_into();
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        if bytes.len() > limit {
            let _ = reader.cancel();
            return Err(Ok(LoadError::TooLarge {
                size: bytes.len(),
                limit,
            }));
        }
    }
}
