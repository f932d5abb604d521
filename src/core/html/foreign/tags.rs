//! The HTML standard's categories of tag names that foreign content
//! follows: what breaks out, what has no end tag, what closes a `<p>`, and
//! where an end tag's search for its element stops.

use super::super::tokenizer::Token;

/// Start tags that leave foreign content (the standard's list; `font` only
/// with `color`, `face` or `size`).
pub(super) const BREAKOUT: &str =
    " b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 \
     head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike \
     sub sup table tt u ul var ";

/// HTML elements that never have content (no end tag is expected).
pub(super) const VOID: &str =
    " area base br col embed hr img input keygen link meta param source track wbr ";

/// HTML start tags that close an open `<p>` first.
pub(super) const CLOSES_P: &str =
    " address article aside blockquote center details dialog dir div dl fieldset \
     figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr listing main \
     menu nav ol p plaintext pre search section summary ul xmp ";

/// True when the HTML element `element` ends the search for the element an
/// end tag `</name>` closes.
pub(super) fn html_stops_search(element: &str, name: &str) -> bool {
    if name == "template" {
        false
    } else if listed(SCOPED_END, name) {
        listed(SCOPE_BOUNDARY, element)
    } else {
        listed(SCOPE_BOUNDARY, element) || listed(SPECIAL, element)
    }
}

/// HTML elements that end a scope: an end tag does not close an element
/// open beyond them.
pub(super) const SCOPE_BOUNDARY: &str = " applet caption html table td th marquee object template ";

/// End tags the HTML rules match "in scope" (or, for formatting elements,
/// nearly so), passing over other special elements.
pub(super) const SCOPED_END: &str =
    " address article aside blockquote center details dialog dir div dl fieldset \
     figcaption figure footer header hgroup listing main menu nav ol pre search \
     section summary ul li dd dt h1 h2 h3 h4 h5 h6 a b big code em font i nobr s \
     small strike strong tt u ";

/// The standard's special HTML elements (besides [`SCOPE_BOUNDARY`]): the
/// search for a generic end tag's element stops at them.
pub(super) const SPECIAL: &str =
    " address area article aside base basefont bgsound blockquote body br button \
     center col colgroup dd details dir div dl dt embed fieldset figcaption figure \
     footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr iframe img \
     input keygen li link listing main menu meta nav noembed noframes noscript ol p \
     param plaintext pre script search section select source style summary tbody \
     textarea tfoot thead title tr track ul wbr xmp ";

/// True when `name` is one of the space-separated names of `list` (one
/// string per list keeps the wasm small: no table of string slices).
pub(super) fn listed(list: &str, name: &str) -> bool {
    list.split(' ').any(|t| t == name)
}

/// True when start tag `name` leaves foreign content.
pub(super) fn breaks_out(name: &str, token: &Token<'_>) -> bool {
    listed(BREAKOUT, name)
        || (name == "font"
            && (token.attr("color").is_some()
                || token.attr("face").is_some()
                || token.attr("size").is_some()))
}
