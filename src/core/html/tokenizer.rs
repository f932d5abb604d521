//! A small HTML tokenizer: enough of the HTML standard's tokenizer to read
//! article markup the way a browser would, and never more than one pass
//! over the input with no recursion (so no input can make it slow or blow
//! the stack).
//!
//! It yields start tags (with attributes), end tags and decoded text.
//! Comments, doctypes, processing instructions and CDATA sections are
//! skipped; the content of raw-text elements (`script`, `style`, …) is
//! skipped up to the matching end tag, except `noscript`'s, which comes as
//! one [`Token::Raw`]. Whether a start tag opens raw text depends on where
//! it stands (not inside SVG or MathML): the caller says so with
//! [`Tokenizer::set_foreign`]. Every slice is cut at an ASCII
//! delimiter, so it always lies on a UTF-8 character boundary.

use std::borrow::Cow;

use crate::core::entities::decode_char_refs;

mod skip;

/// Elements whose content is not markup and is dropped whole. (`title` and
/// `textarea` are RCDATA in browsers; their text is not article text either.
/// `xmp` and `plaintext` show as text in browsers, but are obsolete and rare
/// in articles. `noscript` is raw text because browsers run scripts; its
/// content is kept as a [`Token::Raw`] for the images in it.)
const RAW_TEXT: &[&str] = &[
    "noscript",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// One token of HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attr=value …>`; names are ASCII-lowercased, values decoded,
    /// the first of duplicate attributes wins.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// `</name>`.
    End { name: String },
    /// Text with character references decoded.
    Text(Cow<'a, str>),
    /// The content of a `noscript`, as written (markup, not decoded).
    Raw(Cow<'a, str>),
}

impl Token<'_> {
    /// The same token, owning its text (to be kept past the input).
    pub(crate) fn into_owned(self) -> Token<'static> {
        match self {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => Token::Start {
                name,
                attrs,
                self_closing,
            },
            Token::End { name } => Token::End { name },
            Token::Text(t) => Token::Text(Cow::Owned(t.into_owned())),
            Token::Raw(t) => Token::Raw(Cow::Owned(t.into_owned())),
        }
    }

    /// True when the `class` attribute of a start tag lists one of `names`.
    pub(crate) fn has_class(&self, names: &[&str]) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|k| names.contains(&k)))
    }

    /// The value of attribute `name` of a start tag.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Iterates over the tokens of an HTML fragment.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: skip to `</name`.
    raw: Option<String>,
    /// Start tags are read as inside SVG/MathML: none opens raw text.
    foreign_tags: bool,
    /// `<![CDATA[` opens a CDATA section (the current element is SVG or
    /// MathML), else a bogus comment.
    cdata: bool,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            foreign_tags: false,
            cdata: false,
        }
    }

    /// Says how the next tokens are read: `foreign_tags` when a start tag
    /// would be an SVG or MathML element (so `<style>` opens no raw text),
    /// `cdata` when the current element is one.
    pub(crate) fn set_foreign(&mut self, foreign_tags: bool, cdata: bool) {
        self.foreign_tags = foreign_tags;
        self.cdata = cdata;
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn peek(&self, at: usize) -> Option<u8> {
        self.bytes().get(at).copied()
    }

    fn rest_starts_with(&self, s: &str) -> bool {
        self.src[self.pos..].starts_with(s)
    }

    fn is_ws(c: u8) -> bool {
        matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
    }

    fn skip_ws(&mut self) {
        while self.peek(self.pos).is_some_and(Self::is_ws) {
            self.pos += 1;
        }
    }

    /// Reads a tag name starting at `self.pos`.
    fn name(&mut self) -> String {
        let start = self.pos;
        while self
            .peek(self.pos)
            .is_some_and(|c| !Self::is_ws(c) && c != b'/' && c != b'>')
        {
            self.pos += 1;
        }
        self.src[start..self.pos].to_ascii_lowercase()
    }

    /// Reads attributes up to and including `>`. `None` when the input ends
    /// inside the tag: browsers drop such a tag, and so do we.
    fn attributes(&mut self) -> Option<(Vec<(String, String)>, bool)> {
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            self.skip_ws();
            match self.peek(self.pos)? {
                b'>' => {
                    self.pos += 1;
                    return Some((attrs, false));
                }
                b'/' => {
                    self.pos += 1;
                    if self.peek(self.pos) == Some(b'>') {
                        self.pos += 1;
                        return Some((attrs, true));
                    }
                    continue;
                }
                _ => {}
            }
            let start = self.pos;
            if self.peek(self.pos) == Some(b'=') {
                self.pos += 1;
            }
            while self
                .peek(self.pos)
                .is_some_and(|c| !Self::is_ws(c) && !matches!(c, b'/' | b'>' | b'='))
            {
                self.pos += 1;
            }
            let name = self.src[start..self.pos].to_ascii_lowercase();
            self.skip_ws();
            let mut value = Cow::Borrowed("");
            if self.peek(self.pos) == Some(b'=') {
                self.pos += 1;
                self.skip_ws();
                let raw = match self.peek(self.pos)? {
                    q @ (b'"' | b'\'') => {
                        let from = self.pos + 1;
                        let len = self.src[from..].find(q as char)?;
                        self.pos = from + len + 1;
                        &self.src[from..from + len]
                    }
                    _ => {
                        let from = self.pos;
                        while self
                            .peek(self.pos)
                            .is_some_and(|c| !Self::is_ws(c) && c != b'>')
                        {
                            self.pos += 1;
                        }
                        &self.src[from..self.pos]
                    }
                };
                value = decode_char_refs(raw, true);
            }
            if !attrs.iter().any(|(n, _)| *n == name) {
                attrs.push((name, value.into_owned()));
            }
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(name) = self.raw.take() {
                let from = self.pos;
                match name.as_str() {
                    // Everything after `<plaintext>` is its text: no end tag.
                    "plaintext" => self.pos = self.src.len(),
                    "script" => self.skip_script(),
                    _ => self.skip_raw(&name),
                }
                if name == "noscript" && self.pos > from {
                    return Some(Token::Raw(Cow::Borrowed(&self.src[from..self.pos])));
                }
            }
            if self.pos >= self.src.len() {
                return None;
            }
            let src = self.src;
            if self.peek(self.pos) != Some(b'<') {
                let end = src[self.pos..]
                    .find('<')
                    .map_or(src.len(), |i| self.pos + i);
                let text = &src[self.pos..end];
                self.pos = end;
                return Some(Token::Text(decode_char_refs(text, false)));
            }
            let next = self.peek(self.pos + 1);
            match next {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.pos += 1;
                    let name = self.name();
                    let Some((attrs, self_closing)) = self.attributes() else {
                        self.pos = src.len();
                        return None;
                    };
                    if !self.foreign_tags && RAW_TEXT.contains(&name.as_str()) {
                        // `<script/>` still opens a script in HTML.
                        self.raw = Some(name.clone());
                    }
                    return Some(Token::Start {
                        name,
                        attrs,
                        self_closing,
                    });
                }
                Some(b'/') => match self.peek(self.pos + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.pos += 2;
                        let name = self.name();
                        if self.attributes().is_none() {
                            self.pos = src.len();
                            return None;
                        }
                        return Some(Token::End { name });
                    }
                    Some(b'>') => self.pos += 3,
                    _ => self.skip_past_gt(self.pos + 2),
                },
                Some(b'!') if self.rest_starts_with("<!--") => self.skip_comment(),
                Some(b'!') if self.cdata && self.rest_starts_with("<![CDATA[") => self.skip_cdata(),
                Some(b'!' | b'?') => self.skip_past_gt(self.pos + 2),
                _ => {
                    // A '<' that starts no markup is just text.
                    self.pos += 1;
                    return Some(Token::Text(Cow::Borrowed("<")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    fn text(s: &str) -> Token<'_> {
        Token::Text(Cow::Borrowed(s))
    }

    #[test]
    fn tags_attributes_and_text() {
        let t = toks(r#"<P Class=x id='a b' data-x="1 &amp; 2" hidden>中&amp;文</p><br/>"#);
        assert_eq!(
            t[0],
            Token::Start {
                name: "p".into(),
                attrs: vec![
                    ("class".into(), "x".into()),
                    ("id".into(), "a b".into()),
                    ("data-x".into(), "1 & 2".into()),
                    ("hidden".into(), "".into()),
                ],
                self_closing: false
            }
        );
        assert_eq!(t[1], Token::Text(Cow::Owned("中&文".into())));
        assert_eq!(t[2], Token::End { name: "p".into() });
        assert!(matches!(&t[3], Token::Start { name, self_closing: true, .. } if name == "br"));
    }

    #[test]
    fn gt_inside_quotes_does_not_end_a_tag() {
        let t = toks(r#"<a title="a>b" href=x>t</a>"#);
        assert_eq!(t[0].attr("title"), Some("a>b"));
        assert_eq!(t[0].attr("href"), Some("x"));
        assert_eq!(t[1], text("t"));
    }

    #[test]
    fn comments_doctype_cdata_and_pis_are_skipped() {
        let t =
            toks("<!DOCTYPE html>a<!-- x<p> -->b<!-->c<!--->d<![CDATA[e]]>f<?xml x?>g<!-- open");
        let s: String = t
            .iter()
            .map(|t| match t {
                Token::Text(s) => s.as_ref(),
                _ => "|",
            })
            .collect();
        assert_eq!(s, "abcdfg");
    }

    #[test]
    fn raw_text_is_skipped_to_its_end_tag() {
        let t =
            toks("<script>if (a<b) x='</p>'</script >after<STYLE>p{}</Style>z<script>never closed");
        let texts: Vec<_> = t
            .iter()
            .filter_map(|t| match t {
                Token::Text(s) => Some(s.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["after", "z"]);
    }

    #[test]
    fn stray_lt_and_broken_tags() {
        assert_eq!(toks("a < b"), vec![text("a "), text("<"), text(" b")]);
        assert_eq!(toks("x</>y"), vec![text("x"), text("y")]);
        assert_eq!(toks("x</ y>z"), vec![text("x"), text("z")]);
        // The input ends inside a tag: the tag is dropped.
        assert_eq!(toks("x<a href=\"y"), vec![text("x")]);
        assert_eq!(toks("x<p"), vec![text("x")]);
    }

    #[test]
    fn script_escapes_and_plaintext_follow_the_standard() {
        let texts = |s: &str| -> String {
            toks(s)
                .into_iter()
                .filter_map(|t| match t {
                    Token::Text(t) => Some(t.into_owned()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(texts("<script><!--<script></script>LEAK</script>ok"), "ok");
        assert_eq!(texts("<script><!--</script>a"), "a");
        assert_eq!(texts("<script><!-- x --></script>b"), "b");
        assert_eq!(texts("<script><!--<script>--></script>c"), "c");
        assert_eq!(texts("<script>a</SCRIPT >d"), "d");
        assert_eq!(texts("<plaintext>x</plaintext><p>y"), "");
    }
}
