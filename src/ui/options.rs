//! The reader's public options: where the document comes from, the theme,
//! the events it reports, and the props that carry them.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::settings::{THEMES, THEME_CLASSES};
use crate::core::Lang;

/// Where the document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The built-in seed article.
    Seed,
    /// A URL to fetch.
    Url(AttrValue),
    /// Inline JSON text (an inline `<script type="application/json">`, or a
    /// JS object serialised by the embed layer).
    Json(Rc<str>),
}

/// Colour theme: an index into [`THEMES`] (`src/settings.json`), whose
/// first entry, `auto`, follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme(usize);

impl Theme {
    /// Follows `prefers-color-scheme`.
    pub const AUTO: Theme = Theme(0);

    /// Parses an attribute value; unknown values mean [`Theme::AUTO`].
    pub fn parse(s: &str) -> Theme {
        let s = s.trim().to_ascii_lowercase();
        Theme(THEMES.iter().position(|t| *t == s).unwrap_or(0))
    }

    /// The theme's name as attributes spell it.
    pub fn name(self) -> &'static str {
        THEMES[self.0]
    }

    /// Parses a stored or given name; `None` when it names no theme.
    pub fn try_parse(s: &str) -> Option<Theme> {
        crate::core::display::parse_named(&THEMES, s).map(Theme)
    }

    /// The theme at `index` of [`THEMES`] (clamped).
    pub fn from_index(index: usize) -> Theme {
        Theme(index.min(THEMES.len() - 1))
    }

    /// The class that selects the theme's colours in the stylesheet.
    pub fn class(self) -> &'static str {
        THEME_CLASSES[self.0]
    }
}

/// An item of a collection that was left out, and why (in the UI language).
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedItem {
    /// Its position in the document's item list.
    pub index: usize,
    pub reason: String,
}

/// What the reader tells its host (the embed layer turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderEvent {
    /// The document is on screen; the items left out of it, if any.
    Ready(Vec<SkippedItem>),
    Error(String),
    Close,
    FontSize(usize),
}

/// Options of one reader.
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    #[prop_or(Source::Seed)]
    pub source: Source,
    /// UI language; `None` picks the article's, then the page's, then the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
    #[prop_or_default]
    pub theme: Theme,
    /// Initial text size step when the reader has no stored preference.
    #[prop_or_default]
    pub font_step: Option<usize>,
    /// Initial search query (`?q=`).
    #[prop_or_default]
    pub query: AttrValue,
    /// Simplified and traditional characters match each other in search.
    #[prop_or_default]
    pub variants: bool,
    /// Largest document accepted, in bytes (default 5 MB).
    #[prop_or_default]
    pub max_bytes: Option<usize>,
    /// The whole page is ours (standalone): the toolbar is the `banner`, the
    /// text size control and the document are `main`, and the publisher
    /// footer is a top-level `contentinfo` after it.
    #[prop_or_default]
    pub standalone: bool,
    #[prop_or_default]
    pub on_event: Callback<ReaderEvent>,
    /// Default line spacing step when the reader has no stored choice.
    #[prop_or_default]
    pub line_spacing: Option<usize>,
    /// Default typeface when the reader has no stored choice.
    #[prop_or_default]
    pub typeface: Option<usize>,
    /// URL of a site index (`article-reader index`): the search box then
    /// searches the whole site (with the `site-search` feature).
    #[prop_or_default]
    pub index: Option<AttrValue>,
}
