//! HTML whitespace as the builder writes it into rich text: runs
//! collapsed, and line breaks between the block-ish parts of one block.

use crate::core::model::{RichText, Script};
use crate::core::text::trim_end_spaces;

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

/// Appends `text` with runs of HTML whitespace collapsed to one space, and
/// none at the start of a line.
pub(super) fn push_collapsed(
    sink: &mut RichText,
    text: &str,
    strong: bool,
    em: bool,
    href: Option<&str>,
    script: Option<Script>,
) {
    let mut out = String::with_capacity(text.len());
    let mut prev_space = sink.plain.is_empty() || sink.plain.ends_with([' ', '\n']);
    for c in text.chars() {
        if is_html_space(c) {
            if !prev_space {
                out.push(' ');
                prev_space = true;
            }
        } else if c != '\0' {
            out.push(c);
            prev_space = false;
        }
    }
    sink.push_script(&out, strong, em, href, script);
}

/// A line break between block-ish parts of one block, never doubled.
pub(super) fn soft_break(rt: &mut RichText) {
    trim_end_spaces(rt);
    if !rt.plain.is_empty() && !rt.plain.ends_with('\n') {
        rt.push_break();
    }
}
