//! article-reader: renders article JSON as a fast, accessible, searchable
//! mobile reading page.
//!
//! - [`core`]: the model, format adapters, policies and search, plain Rust.
//! - `ui`: Yew function components (wasm only).
//! - `embed`: the JavaScript-facing API used by `article-reader.js` (wasm only).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
