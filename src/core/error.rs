//! Why a document could not be shown. Each variant carries what a reader
//! or a host developer needs to fix the input. This module knows no
//! sentences: [`crate::core::i18n`] turns an error into one in the UI
//! language (and implements `Display` with the English one).

/// A failure to load or understand a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The body is larger than the configured cap (bytes). `size` is at
    /// least the body's length: a body without a length is read only until
    /// it passes the cap.
    TooLarge { size: usize, limit: usize },
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// The JSON does not parse (or nests deeper than the parser allows).
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON, but in none of the accepted formats.
    UnknownFormat,
    /// A native document with a version this build does not read.
    UnsupportedVersion { found: String },
    /// A required field is missing; `path` names it, e.g. `blocks[3].text`.
    MissingField { path: String },
    /// A field has the wrong JSON type.
    WrongType {
        path: String,
        expected: &'static str,
    },
    /// A field has a value outside what is allowed (e.g. unknown block type).
    InvalidValue { path: String, detail: String },
    /// A limit on the number of blocks or the length of a string was hit.
    LimitExceeded { path: String, limit: usize },
    /// The HTTP request failed with a status.
    Http { status: u16, url: String },
    /// The request could not be made or did not finish (network, CORS, timeout).
    Network { url: String, detail: String },
    /// The request took longer than the timeout (ms).
    Timeout { url: String, ms: u32 },
    /// A collection with no articles.
    EmptyCollection,
}

impl std::error::Error for LoadError {}
