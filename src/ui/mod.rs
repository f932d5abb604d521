//! The Yew function components of the reader. One root [`Reader`] owns the
//! state (a `use_reducer` with an [`state::Action`] enum); every child gets
//! data and callbacks through props.

mod app;
mod article_view;
mod block_view;
mod collection_view;
mod error_view;
mod footer_view;
mod loader;
mod media_blocks;
mod meta_line;
mod progress;
mod rich_text;
mod scroll;
mod search_bar;
pub mod state;
pub mod storage;
mod text_size;
mod toc;
mod toolbar;

pub use app::{Reader, ReaderEvent, ReaderProps, Source, Theme};
