//! article-reader: renders article JSON as a fast, accessible, searchable
//! mobile reading page.
//!
//! - [`core`]: the model, format adapters, policies and search, plain Rust.
//! - [`ui`]: Yew function components: rendered in the browser (wasm) and,
//!   natively, to HTML by the server renderer.
//! - `embed`: the JavaScript-facing API used by `article-reader.js` (wasm only).
//! - `embed_site`: the site search that `openIndex()` drives (wasm only).
//! - `render`: the server renderer, `article-reader render` (native only).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "site-search"))]
pub mod embed_site;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod ui;
