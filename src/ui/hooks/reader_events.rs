//! Telling the host when the reader is ready or has failed.

use yew::prelude::*;

use crate::core::{Document, Strings};
use crate::ui::options::{ReaderEvent, SkippedItem};
use crate::ui::state::Phase;

/// Emits `Ready` (with the items left out) or `Error`, in the UI language,
/// each time the phase changes.
#[hook]
pub fn use_reader_events(phase: Phase, strings: &'static Strings, on_event: Callback<ReaderEvent>) {
    use_effect_with(phase, move |phase| match phase {
        Phase::Ready(doc) => {
            let skipped = match &**doc {
                Document::Collection(c) => c
                    .skipped
                    .iter()
                    .map(|s| SkippedItem {
                        index: s.index,
                        reason: strings.error(&s.reason),
                    })
                    .collect(),
                Document::Article(_) => Vec::new(),
            };
            on_event.emit(ReaderEvent::Ready(skipped))
        }
        Phase::Failed(e) => on_event.emit(ReaderEvent::Error(strings.error(e))),
        Phase::Loading => {}
    });
}
