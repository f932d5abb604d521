//! Foreign content (`<svg>`, `<math>`): what stays inside it is not article
//! text, but the HTML standard moves some tags back out of it ("breakout":
//! `<svg><p>a</p>` is a paragraph after an empty `svg`). This filter sits
//! between the tokenizer and the builder: it follows the elements open
//! inside foreign content, drops every token that stays inside, and lets
//! through what a browser would put outside. It also tells the tokenizer how
//! to read what comes next, since inside foreign content `<style>` or
//! `<title>` open no raw text and `<![CDATA[…]]>` is text.
//!
//! Simplified from the standard: an end tag inside foreign content that
//! matches no element opened inside it is ignored (a browser may let it
//! close an element outside, ending the foreign content early); the text
//! such a rare document would show after it is dropped, never leaked.

use super::tokenizer::Token;

mod tags;

use tags::{breaks_out, html_stops_search, listed, CLOSES_P, SPECIAL, VOID};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Space {
    Html,
    Svg,
    MathMl,
}

/// An element open inside foreign content.
struct Open {
    name: String,
    space: Space,
    /// An HTML integration point (`foreignObject`, `desc`, `title` in SVG;
    /// `annotation-xml` holding HTML): its content is read as HTML.
    html_point: bool,
}

impl Open {
    /// A MathML text integration point: text and most tags in it are
    /// read as HTML.
    fn math_text_point(&self) -> bool {
        self.space == Space::MathMl
            && matches!(self.name.as_str(), "mi" | "mo" | "mn" | "ms" | "mtext")
    }

    /// Where tokens are read by the HTML rules (and so cannot break out).
    fn reads_html(&self) -> bool {
        self.space == Space::Html || self.html_point || self.math_text_point()
    }

    /// A foreign element that bounds the HTML rules' search for an element
    /// to close (the standard's "special" and scope-ending ones).
    fn foreign_boundary(&self) -> bool {
        self.html_point
            || self.math_text_point()
            || (self.space == Space::MathMl && self.name == "annotation-xml")
    }

    /// Ends the HTML rules' search for an element to close `</name>`: a
    /// scope boundary for the end tags checked "in scope", any special
    /// element for the others.
    fn stops_search_for(&self, name: &str) -> bool {
        // `</template>` closes the innermost template wherever it is.
        if name == "template" {
            return false;
        }
        if self.space != Space::Html {
            return self.foreign_boundary();
        }
        html_stops_search(&self.name, name)
    }
}

/// How far back an end tag looks for its element: bounds the work per tag
/// (browsers bound nesting too); an element deeper than this is not closed.
const SEARCH_DEPTH: usize = 256;

/// Follows foreign content; see the module comment.
#[derive(Default)]
pub(super) struct ForeignFilter {
    /// Elements open since the outermost `svg`/`math` (included); empty
    /// outside foreign content.
    open: Vec<Open>,
    /// HTML elements open outside foreign content, roughly (implied end
    /// tags are not followed): an end tag inside foreign content may close
    /// one of them, and the foreign content with it.
    outside: Vec<String>,
}

impl ForeignFilter {
    /// True when the next start tag is read by the HTML rules, so `script`,
    /// `style`, `title`… open raw text (always, outside foreign content).
    pub(super) fn html_start_tags(&self) -> bool {
        self.open.last().is_none_or(Open::reads_html)
    }

    /// True when `<![CDATA[…]]>` is a CDATA section (text) rather than a
    /// bogus comment: the current element is an SVG or MathML one.
    pub(super) fn cdata(&self) -> bool {
        self.open.last().is_some_and(|o| o.space != Space::Html)
    }

    /// The token if it belongs outside foreign content, else `None`.
    pub(super) fn filter<'a>(&mut self, token: Token<'a>) -> Option<Token<'a>> {
        let passed = if self.open.is_empty() {
            match &token {
                Token::Start {
                    name, self_closing, ..
                } if foreign_root(name).is_some() => {
                    if !self_closing {
                        self.push(name, foreign_root(name)?, &token);
                    }
                    None
                }
                _ => Some(token),
            }
        } else {
            self.inside(token)
        };
        if let Some(t) = &passed {
            self.track_outside(t);
        }
        passed
    }

    /// Follows the HTML elements open outside foreign content.
    fn track_outside(&mut self, token: &Token<'_>) {
        match token {
            Token::Start { name, .. } if !listed(VOID, name) => self.outside.push(name.clone()),
            Token::End { name } => {
                if let Some(i) = self.outside_open(name) {
                    self.outside.truncate(i);
                }
            }
            _ => {}
        }
    }

    /// Where `name` is open outside foreign content and in reach of an end
    /// tag.
    fn outside_open(&self, name: &str) -> Option<usize> {
        for (i, o) in self.outside.iter().enumerate().rev().take(SEARCH_DEPTH) {
            if o == name {
                return Some(i);
            }
            if html_stops_search(o, name) {
                return None;
            }
        }
        None
    }

    /// A token inside foreign content.
    fn inside<'a>(&mut self, token: Token<'a>) -> Option<Token<'a>> {
        let current = self.open.last()?;
        let html_rules = match &token {
            Token::Text(_) | Token::Raw(_) => return None,
            Token::Start { name, .. } => {
                current.space == Space::Html
                    || current.html_point
                    || (current.math_text_point() && name != "mglyph" && name != "malignmark")
                    || (current.name == "annotation-xml" && name == "svg")
            }
            Token::End { .. } => current.space == Space::Html,
        };
        match &token {
            Token::Start { name, .. } if html_rules => self.html_start(name, &token),
            Token::Start { name, .. } if breaks_out(name, &token) => return self.break_out(token),
            Token::Start {
                name, self_closing, ..
            } => {
                if !self_closing {
                    let space = self.open.last().map_or(Space::Svg, |o| o.space);
                    self.push(name, space, &token);
                }
            }
            Token::End { name } if !html_rules && (name == "p" || name == "br") => {
                return self.break_out(token)
            }
            Token::End { name } => {
                if self.end(name, html_rules) {
                    return Some(token);
                }
            }
            Token::Text(_) | Token::Raw(_) => {}
        }
        None
    }

    fn push(&mut self, name: &str, space: Space, token: &Token<'_>) {
        let html_point = match space {
            Space::Svg => matches!(name, "foreignobject" | "desc" | "title"),
            Space::MathMl => {
                name == "annotation-xml"
                    && token.attr("encoding").is_some_and(|e| {
                        e.eq_ignore_ascii_case("text/html")
                            || e.eq_ignore_ascii_case("application/xhtml+xml")
                    })
            }
            Space::Html => false,
        };
        self.open.push(Open {
            name: name.to_owned(),
            space,
            html_point,
        });
    }

    /// Pops foreign elements up to one that reads HTML; the token goes to
    /// the article when that empties the stack.
    fn break_out<'a>(&mut self, token: Token<'a>) -> Option<Token<'a>> {
        while self.open.last().is_some_and(|o| !o.reads_html()) {
            self.open.pop();
        }
        if self.open.is_empty() {
            return Some(token);
        }
        match &token {
            Token::Start { name, .. } => self.html_start(name, &token),
            Token::End { name } if self.end(name, true) => return Some(token),
            _ => {}
        }
        None
    }

    /// A start tag read by the HTML rules inside foreign content.
    fn html_start(&mut self, name: &str, token: &Token<'_>) {
        if let Some(space) = foreign_root(name) {
            if !token_self_closing(token) {
                self.push(name, space, token);
            }
            return;
        }
        if matches!(name, "html" | "head" | "body" | "frameset") {
            // Their attributes join the open ones; nothing opens.
            return;
        }
        if listed(CLOSES_P, name) {
            self.close_in_scope(|o| o.name == "p");
        } else if name == "li" {
            self.close_in_scope(|o| o.name == "li");
        } else if name == "dd" || name == "dt" {
            self.close_in_scope(|o| o.name == "dd" || o.name == "dt");
        }
        if !listed(VOID, name) {
            self.push(name, Space::Html, token);
        }
    }

    /// Closes the innermost open HTML element `matches` accepts, unless a
    /// special element stands between it and the current one.
    fn close_in_scope(&mut self, matches: impl Fn(&Open) -> bool) {
        for i in (0..self.open.len()).rev().take(SEARCH_DEPTH) {
            let o = &self.open[i];
            if o.space == Space::Html && matches(o) {
                self.open.truncate(i);
                return;
            }
            if o.foreign_boundary() || (o.space == Space::Html && listed(SPECIAL, &o.name)) {
                return;
            }
        }
    }

    /// An end tag inside foreign content: closes the innermost open element
    /// of that name. The foreign rules look through foreign elements and
    /// hand the tag to the HTML rules at the first HTML one; the HTML rules
    /// look from the current element and stop at special ones. True when
    /// the tag closes an element open outside foreign content (and so ends
    /// it): the tag then belongs to the article.
    fn end(&mut self, name: &str, html_rules: bool) -> bool {
        for i in (0..self.open.len()).rev().take(SEARCH_DEPTH) {
            let o = &self.open[i];
            if html_rules {
                if o.space == Space::Html && o.name == name {
                    self.open.truncate(i);
                    return false;
                }
                if o.stops_search_for(name) {
                    return false;
                }
            } else {
                if o.space == Space::Html {
                    return self.end(name, true);
                }
                if o.name == name {
                    self.open.truncate(i);
                    return false;
                }
            }
        }
        if self.open.len() > SEARCH_DEPTH {
            return false;
        }
        // The search went past the outermost `svg`/`math`. After the
        // foreign rules, the HTML rules look again from the current element.
        if !html_rules && self.open.iter().any(|o| o.stops_search_for(name)) {
            return false;
        }
        if self.outside_open(name).is_some() {
            self.open.clear();
            return true;
        }
        false
    }
}

/// The namespace `svg` and `math` open.
fn foreign_root(name: &str) -> Option<Space> {
    match name {
        "svg" => Some(Space::Svg),
        "math" => Some(Space::MathMl),
        _ => None,
    }
}

fn token_self_closing(token: &Token<'_>) -> bool {
    matches!(
        token,
        Token::Start {
            self_closing: true,
            ..
        }
    )
}
