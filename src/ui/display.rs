//! The display choices (显示设置): theme, line spacing and typeface. Each
//! is stored site-wide by name under its own key, so a host's default
//! applies to whatever the reader has not chosen.

use crate::core::display::{parse_named, DEFAULT_SPACING, SPACINGS, THEMES, TYPEFACES};
use crate::core::settings::{FACE_CLASSES, SPACING_CLASSES, SPACING_KEY, THEME_KEY, TYPEFACE_KEY};
use crate::ui::options::Theme;
use crate::ui::storage;

/// One of the display choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Theme,
    Spacing,
    Typeface,
}

impl Facet {
    /// Every facet, in the panel's order.
    pub const ALL: [Facet; 3] = [Facet::Theme, Facet::Spacing, Facet::Typeface];

    /// Its localStorage key.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Theme => THEME_KEY,
            Facet::Spacing => SPACING_KEY,
            Facet::Typeface => TYPEFACE_KEY,
        }
    }

    /// Its option names (`src/settings.json`).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Facet::Theme => &THEMES,
            Facet::Spacing => &SPACINGS,
            Facet::Typeface => &TYPEFACES,
        }
    }

    /// The facet stored under `key`, if any.
    pub fn of_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A reader's choice of one option of one facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub facet: Facet,
    pub index: usize,
}

impl Choice {
    /// Reads a stored or announced name of `facet`.
    pub fn parse(facet: Facet, name: &str) -> Option<Choice> {
        parse_named(facet.names(), name).map(|index| Choice { facet, index })
    }
}

/// What the reader looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Display {
    pub theme: Theme,
    /// Index into [`SPACINGS`].
    pub spacing: usize,
    /// Index into [`TYPEFACES`].
    pub typeface: usize,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            theme: Theme::AUTO,
            spacing: DEFAULT_SPACING,
            typeface: 0,
        }
    }
}

impl Display {
    /// The host's defaults (attributes or mount options).
    pub fn defaults(theme: Theme, spacing: Option<usize>, typeface: Option<usize>) -> Display {
        let d = Display::default();
        Display {
            theme,
            spacing: spacing.filter(|s| *s < SPACINGS.len()).unwrap_or(d.spacing),
            typeface: typeface
                .filter(|t| *t < TYPEFACES.len())
                .unwrap_or(d.typeface),
        }
    }

    /// This display with `choice` applied.
    pub fn with(mut self, choice: Choice) -> Display {
        match choice.facet {
            Facet::Theme => self.theme = Theme::from_index(choice.index),
            Facet::Spacing => self.spacing = choice.index.min(SPACINGS.len() - 1),
            Facet::Typeface => self.typeface = choice.index.min(TYPEFACES.len() - 1),
        }
        self
    }

    /// `defaults` overridden by every stored choice.
    pub fn stored_over(defaults: Display) -> Display {
        Facet::ALL
            .into_iter()
            .filter_map(|f| storage::load(f.key()).and_then(|v| Choice::parse(f, &v)))
            .fold(defaults, Display::with)
    }

    /// The classes that apply it in the stylesheet.
    pub fn classes(self) -> [&'static str; 3] {
        [
            self.theme.class(),
            SPACING_CLASSES[self.spacing],
            FACE_CLASSES[self.typeface],
        ]
    }
}
