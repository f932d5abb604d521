//! Telling the host when the reader is ready or has failed.

use yew::prelude::*;

use crate::core::Strings;
use crate::ui::options::ReaderEvent;
use crate::ui::state::Phase;

/// Emits `Ready` or `Error` (in the UI language) each time the phase changes.
#[hook]
pub fn use_reader_events(phase: Phase, strings: &'static Strings, on_event: Callback<ReaderEvent>) {
    use_effect_with(phase, move |phase| match phase {
        Phase::Ready(_) => on_event.emit(ReaderEvent::Ready),
        Phase::Failed(e) => on_event.emit(ReaderEvent::Error(strings.error(e))),
        Phase::Loading => {}
    });
}
