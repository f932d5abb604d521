//! An allowlist converter from article HTML (JSON Feed `content_html`) to
//! typed [`Block`]s.
//!
//! Nothing of the markup survives as markup: the UI only ever sees blocks
//! and styled text, so no attribute (`onerror`, `style`…) and no element
//! outside the allowlist can reach the page. Kept: `p`, `h1`–`h6` (as levels
//! 2–4, since the title is the only `h1`), `ul`/`ol`/`li`, `blockquote`,
//! `strong`/`b`, `em`/`i`, `a href`, `img src alt`, `figure`/`figcaption`
//! and `br`. Layout elements (`div`, `section`, `td`…) only separate
//! paragraphs; other unknown elements are dropped but keep their text.
//! Script-like and foreign content (`script`, `style`, `iframe`, `svg`,
//! `math`, `template`…) is dropped with its text.
//!
//! The model has no nesting, so nested structure is flattened: a nested
//! list's items join the outer list; a quote inside a list item (or a list
//! inside a quote) becomes lines of the outer item (or quote); images inside
//! a heading, list, quote or caption are dropped.

mod blocks;
mod builder;
mod tokenizer;

use builder::Builder;
use tokenizer::Tokenizer;

use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::Block;

/// Converts an HTML fragment to blocks. Fails only with `LimitExceeded`
/// (path `content_html`) when it would give more than `limits.max_blocks`
/// blocks, or items in one list; any other input, however broken, gives
/// some blocks (possibly none) and never panics.
pub fn blocks_from_html(html: &str, limits: &Limits) -> Result<Vec<Block>, LoadError> {
    blocks_from_html_at(html, limits, "content_html")
}

/// [`blocks_from_html`], naming `path` in a limit error.
pub(crate) fn blocks_from_html_at(
    html: &str,
    limits: &Limits,
    path: &str,
) -> Result<Vec<Block>, LoadError> {
    let mut b = Builder::new(limits, path);
    for token in Tokenizer::new(html) {
        b.token(token)?;
    }
    b.finish()
}

#[cfg(test)]
mod tests;
