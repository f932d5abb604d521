//! Fetching a document by URL: size cap, timeout, abort when the source
//! changes or the reader goes away, and errors that say what happened.

use std::cell::Cell;
use std::rc::Rc;

use gloo::net::http::Request;
use gloo::timers::callback::Timeout;
use web_sys::AbortController;
use yew::UseReducerDispatcher;

use super::state::{Action, State};
use crate::core::{parse_document, Limits, LoadError};

/// How long a fetch may take before it is abandoned.
pub const TIMEOUT_MS: u32 = 15_000;

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
pub fn load(url: String, dispatch: UseReducerDispatcher<State>) -> LoadGuard {
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
        let result = fetch(&url, signal.as_ref(), &Limits::default()).await;
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

async fn fetch(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
    limits: &Limits,
) -> Result<crate::core::Document, LoadError> {
    let network = |e: gloo::net::Error| LoadError::Network {
        url: url.to_owned(),
        detail: e.to_string(),
    };
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(network)?;
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
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(size) = announced.filter(|&n| n > limits.max_bytes) {
        return Err(LoadError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let bytes = response.binary().await.map_err(network)?;
    parse_document(&bytes, limits)
}
