//! An allowlist converter from article HTML (JSON Feed `content_html`) to
//! typed [`Block`]s.
//!
//! Nothing of the markup survives as markup: the UI only ever sees blocks
//! and styled text, so no attribute (`onerror`, `style`…) and no element
//! outside the allowlist can reach the page. Kept: `p`, `h1`–`h6` (as levels
//! 2–4, since the title is the only `h1`), `ul`/`ol`/`li`, `blockquote`,
//! `strong`/`b`, `em`/`i`, `sup`/`sub`, `a href`, `img src alt`,
//! `figure`/`figcaption`, `br`, `hr`, `dl`/`dt`/`dd`, `pre` (as code, see
//! `code.rs`) and data tables (see `table.rs`); `video`, `audio`, `iframe`,
//! `embed` and `object` become link cards, and links to files (`.pdf`,
//! `.docx`…) are also gathered into one attachments block at the end.
//! Layout elements (`div`, `section`, layout tables…) only separate
//! paragraphs; other unknown elements are dropped but keep their text.
//! Script-like content (`script`, `style`, `template`…) and line-number
//! gutters are dropped with their text; so is foreign content (`svg`,
//! `math`), except the tags browsers move out of it (see `foreign.rs`).
//!
//! The model has no nesting, so nested structure is flattened: a nested
//! list's items join the outer list; a quote inside a list item (or a list
//! inside a quote) becomes lines of the outer item (or quote); a table or
//! code inside a list or quote becomes lines of it; images inside a
//! heading, list, quote or caption are dropped.

mod blocks;
mod builder;
mod builder_state;
mod code;
mod foreign;
mod images;
mod media;
mod table;
mod tokenizer;
mod whitespace;

use builder::Builder;
use foreign::ForeignFilter;
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
    let mut tokens = Tokenizer::new(html);
    let mut foreign = ForeignFilter::default();
    while let Some(token) = tokens.next() {
        if let Some(token) = foreign.filter(token) {
            b.token(token)?;
        }
        tokens.set_foreign(!foreign.html_start_tags(), foreign.cdata());
    }
    b.finish()
}

#[cfg(test)]
mod tests;
