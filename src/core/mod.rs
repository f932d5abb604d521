//! Everything article-reader knows, as plain Rust: the article model and
//! the format adapters that fill it, the URL and markup policy, text
//! normalisation and search, and reading time. Nothing here knows it runs in
//! a browser, so all of it is tested natively with `cargo test`.

pub mod display;
pub mod entities;
pub mod error;
pub mod format;
pub mod html;
pub mod i18n;
pub mod json;
pub mod limits;
pub mod model;
pub mod reading;
pub mod search;
pub mod sentences;
pub mod settings;
pub(crate) mod text;
pub mod url;

pub use error::LoadError;
pub use format::{
    parse_document, parse_document_from, parse_json, parse_many, parse_many_from,
    parse_many_report, parse_value, parse_value_from, Many,
};
pub use i18n::{Lang, Strings};
pub use limits::Limits;
pub use model::{Article, Block, Collection, Document, Field, Publisher, RichText, Site, Span};

/// The seed article (the portal page the product grew from), compiled in as
/// the default document.
pub const SEED_ARTICLE_JSON: &str = include_str!("../../content/seed-article.json");
