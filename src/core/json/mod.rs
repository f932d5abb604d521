//! A small, strict JSON reader for untrusted documents.
//!
//! Why not serde_json: the adapters only walk a tree of values, and
//! serde_json's generic deserializer, `BTreeMap` objects and float
//! conversions cost about a fifth of the wasm for that. This reader is
//! RFC 8259 JSON and nothing more, with the limits an untrusted document
//! needs: nesting stops at [`MAX_DEPTH`] (no input can exhaust the stack),
//! and every error carries a line and column. It is more lenient than
//! serde_json in two places on purpose, as `JSON.parse` is: a lone UTF-16
//! surrogate escape (`"\ud800"`) becomes U+FFFD instead of failing the
//! whole document, and a number beyond f64's range (`1e400`) is kept as
//! written instead of being an error.
//!
//! `tests/core_json.rs` checks it against serde_json on generated input.

mod parse;
mod value;

pub use parse::{from_str, Error, MAX_DEPTH};
pub use value::{Map, Number, Value};

#[cfg(test)]
mod test_support;
#[cfg(test)]
pub(crate) use test_support::json;
#[cfg(test)]
mod tests;
