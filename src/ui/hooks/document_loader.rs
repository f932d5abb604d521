//! Loading the document: inline JSON and the seed are parsed at once (so
//! the first render already shows them); a URL is fetched, and the fetch is
//! cancelled when the source changes or the reader goes away.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::{parse_document, Limits, SEED_ARTICLE_JSON};
use crate::ui::loader;
use crate::ui::options::Source;
use crate::ui::shared::Shared;
use crate::ui::state::{Action, Phase, State};

/// The limits of a reader whose host may lower or raise the size cap.
fn limits(max_bytes: Option<usize>) -> Limits {
    let mut limits = Limits::default();
    if let Some(max) = max_bytes {
        limits.max_bytes = max;
    }
    limits
}

/// The phase a reader starts in: an inline document already parsed, or
/// loading a URL.
pub fn initial_phase(source: &Source, max_bytes: Option<usize>) -> Phase {
    let json = match source {
        Source::Url(_) => return Phase::Loading,
        Source::Seed => SEED_ARTICLE_JSON,
        Source::Json(text) => text,
    };
    match parse_document(json.as_bytes(), &limits(max_bytes)) {
        Ok(doc) => Phase::Ready(Shared(Rc::new(doc))),
        Err(e) => Phase::Failed(e),
    }
}

/// Loads `source` whenever it, the retry count or the size cap changes. The
/// first run skips inline documents: [`initial_phase`] parsed them already.
#[hook]
pub fn use_document_loader(
    source: Source,
    attempt: u32,
    max_bytes: Option<usize>,
    dispatch: UseReducerDispatcher<State>,
) {
    let first_load = use_mut_ref(|| true);
    use_effect_with(
        (source, attempt, max_bytes),
        move |(source, attempt, max_bytes)| {
            let first = std::mem::replace(&mut *first_load.borrow_mut(), false);
            let mut cancel = None;
            match source {
                Source::Url(url) => {
                    cancel = Some(loader::load(url.to_string(), limits(*max_bytes), dispatch))
                }
                _ if !first || *attempt > 0 => match initial_phase(source, *max_bytes) {
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
