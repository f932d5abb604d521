//! Text with inline formatting: one plain string plus styled spans.

use std::ops::Range;

/// A run of text with inline formatting, stored as one plain string plus
/// styled spans over it. Search works on `plain`; rendering walks `spans`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText {
    /// The text as a reader sees it; line breaks are `'\n'`.
    pub plain: String,
    /// Non-overlapping spans in order, covering `plain` completely.
    pub spans: Vec<Span>,
}

/// One styled piece of a [`RichText`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte range in [`RichText::plain`].
    pub range: Range<usize>,
    /// Bold / `<strong>` / `<b>`.
    pub strong: bool,
    /// Italic / `<em>` / `<i>`.
    pub em: bool,
    /// A link target that has passed the URL policy.
    pub href: Option<String>,
    /// This span is a single `'\n'` that renders as `<br>`.
    pub line_break: bool,
    /// Raised or lowered text (`<sup>` / `<sub>`): footnote marks, units,
    /// formulas.
    pub script: Option<Script>,
}

/// Superscript or subscript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Super,
    Sub,
}

impl Span {
    /// An unstyled span over `range`.
    pub fn plain(range: Range<usize>) -> Self {
        Span {
            range,
            strong: false,
            em: false,
            href: None,
            line_break: false,
            script: None,
        }
    }
}

impl RichText {
    /// Unformatted text.
    pub fn plain(text: impl Into<String>) -> Self {
        let plain = text.into();
        let spans = if plain.is_empty() {
            Vec::new()
        } else {
            vec![Span::plain(0..plain.len())]
        };
        RichText { plain, spans }
    }

    /// Appends `text` with the given styling, merging with the previous span
    /// when the styling is the same.
    pub fn push(&mut self, text: &str, strong: bool, em: bool, href: Option<&str>) {
        self.push_script(text, strong, em, href, None);
    }

    /// [`RichText::push`] with raised or lowered text.
    pub fn push_script(
        &mut self,
        text: &str,
        strong: bool,
        em: bool,
        href: Option<&str>,
        script: Option<Script>,
    ) {
        if text.is_empty() {
            return;
        }
        let start = self.plain.len();
        self.plain.push_str(text);
        let end = self.plain.len();
        if let Some(last) = self.spans.last_mut() {
            if !last.line_break
                && last.strong == strong
                && last.em == em
                && last.href.as_deref() == href
                && last.script == script
            {
                last.range.end = end;
                return;
            }
        }
        self.spans.push(Span {
            range: start..end,
            strong,
            em,
            href: href.map(str::to_owned),
            line_break: false,
            script,
        });
    }

    /// Appends a line break.
    pub fn push_break(&mut self) {
        let start = self.plain.len();
        self.plain.push('\n');
        let mut span = Span::plain(start..start + 1);
        span.line_break = true;
        self.spans.push(span);
    }

    /// True when there is no visible text.
    pub fn is_blank(&self) -> bool {
        self.plain.trim().is_empty()
    }
}
