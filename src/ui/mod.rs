//! The Yew function components of the reader, one per file. One root
//! [`Reader`] owns the state (a `use_reducer` with an [`state::Action`]
//! enum) and composes the effects, which live in named hooks ([`hooks`]);
//! every child gets data and narrow callbacks through props.

mod app;
mod article_view;
mod block_view;
mod collection_view;
mod display;
mod display_panel;
mod error_view;
mod footer_view;
mod frame;
mod hooks;
mod loader;
mod media_blocks;
mod meta_line;
mod options;
#[cfg(not(target_arch = "wasm32"))]
mod plain_article;
#[cfg(not(target_arch = "wasm32"))]
mod plain_collection;
mod progress;
mod rich_text;
mod scroll;
mod search_bar;
mod shared;
#[cfg(feature = "site-search")]
mod site_results;
#[cfg(feature = "site-search")]
mod site_state;
mod state;
mod storage;
mod text_size;
mod toc;
mod toolbar;

pub use app::Reader;
#[cfg(feature = "site-search")]
pub use hooks::set_variants_loader;
pub use loader::set_entities_url;
pub use options::{ReaderEvent, ReaderProps, SkippedItem, Source, Theme};
#[cfg(not(target_arch = "wasm32"))]
pub use plain_article::{PlainDocument, PlainDocumentProps};
pub use shared::Shared;
