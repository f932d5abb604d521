//! The reader's effects, each in a named hook: the root component composes
//! them and keeps none of their workings.

mod document_loader;
mod lang;
mod reader_events;
#[cfg(feature = "site-search")]
mod site_search;
mod stored_display;
mod stored_text_size;

pub use document_loader::{initial_phase, use_document_loader};
pub use lang::reader_lang;
pub use reader_events::use_reader_events;
#[cfg(feature = "site-search")]
pub use site_search::{
    set_variants_loader, use_focus_opened_result, use_site_index_option, use_site_result_loader,
    use_site_search,
};
pub use stored_display::{initial_display, use_stored_display};
pub use stored_text_size::{initial_step, use_stored_text_size};
