//! What the builder holds besides its counters: the element being
//! recorded (a table or a `pre`), the open container block and the open
//! figure.

use super::tokenizer::Token;
use crate::core::model::{Definition, RichText};

/// How many tables deep a layout table is read again to find data tables
/// inside it; deeper tables only separate paragraphs. (Each level re-reads
/// its tokens once, so this bounds the work.)
pub(super) const MAX_TABLE_NESTING: usize = 4;

/// An element whose tokens are kept until its end tag, then read whole: a
/// `table` (data or layout?) or a `pre` (code).
pub(super) struct Recording {
    pub(super) name: &'static str,
    pub(super) depth: usize,
    pub(super) tokens: Vec<Token<'static>>,
    /// For a `pre`: the language its class names.
    pub(super) lang: Option<String>,
    /// Templates open inside it: no end tag there ends the element (a
    /// template's content is apart from the page).
    pub(super) templates: usize,
}

/// The block whose text is being collected (at most one: the model does
/// not nest blocks). `depth` counts nested elements of the same kind so the
/// right end tag closes it.
pub(super) enum Container {
    None,
    Heading {
        level: u8,
        text: RichText,
    },
    List {
        ordered: bool,
        depth: usize,
        items: Vec<RichText>,
        item: Option<RichText>,
    },
    Quote {
        depth: usize,
        text: RichText,
    },
    Definitions {
        depth: usize,
        items: Vec<Definition>,
        current: Option<Definition>,
    },
}

/// An open `<figure>`: its caption goes to its (last) image.
#[derive(Default)]
pub(super) struct Figure {
    pub(super) depth: usize,
    /// Index in `blocks` of the figure's last image.
    pub(super) image_at: Option<usize>,
    /// An `<img>` was seen, whether or not it passed the policy.
    pub(super) had_img: bool,
    pub(super) caption: RichText,
    pub(super) in_caption: bool,
}
