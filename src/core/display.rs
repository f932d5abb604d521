//! The display panel's choices (line spacing, typeface, theme) as names:
//! attributes and storage spell them by name, the UI keeps their index.

pub use super::settings::{DEFAULT_SPACING, SPACINGS, THEMES, TYPEFACES};

/// The index of `value` in `names`: the name itself (any case, trimmed) or
/// its index written as a number. `None` for anything else, so the caller
/// falls back to the next source (stored choice, host default, built-in).
pub fn parse_named(names: &[&str], value: &str) -> Option<usize> {
    let v = value.trim().to_ascii_lowercase();
    names
        .iter()
        .position(|n| *n == v)
        .or_else(|| v.parse::<usize>().ok().filter(|i| *i < names.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_indices_parse_and_the_rest_does_not() {
        assert_eq!(parse_named(&SPACINGS, " Relaxed "), Some(2));
        assert_eq!(parse_named(&SPACINGS, "0"), Some(0));
        assert_eq!(parse_named(&SPACINGS, "3"), None);
        assert_eq!(parse_named(&TYPEFACES, "serif"), Some(1));
        assert_eq!(parse_named(&THEMES, "sepia"), Some(3));
        assert_eq!(parse_named(&THEMES, "neon"), None);
        assert_eq!(parse_named(&THEMES, ""), None);
    }

    #[test]
    fn the_default_spacing_is_normal() {
        assert_eq!(SPACINGS[DEFAULT_SPACING], "normal");
    }
}
