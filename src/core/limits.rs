//! The caps every parser and converter in core respects. A leaf module:
//! the HTML converter and the format adapters both read it.

/// Caps on what one document may make the reader do. A document over a
/// cap is refused with a clear error rather than slowing the page down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest body accepted by [`crate::core::parse_document`], in bytes.
    pub max_bytes: usize,
    /// Most blocks in one article (also: items in one list, pieces in one
    /// text, links in one footer).
    pub max_blocks: usize,
    /// Most articles in one collection.
    pub max_items: usize,
    /// Longest single string, in bytes.
    pub max_string: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 5_000_000,
            max_blocks: 10_000,
            max_items: 5_000,
            max_string: 1_000_000,
        }
    }
}
