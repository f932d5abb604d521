//! The reader's effects, each in a named hook: the root component composes
//! them and keeps none of their workings.

mod document_loader;
mod lang;
mod reader_events;
mod resume;
mod stored_display;
mod stored_text_size;

pub use document_loader::{initial_phase, use_document_loader};
pub use lang::reader_lang;
pub use reader_events::use_reader_events;
pub use resume::use_resume;
pub use stored_display::{choose_display, initial_display, use_stored_display};
pub use stored_text_size::{initial_step, use_stored_text_size};
