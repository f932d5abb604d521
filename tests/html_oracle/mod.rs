//! An independent oracle for the HTML allowlist: html5ever (a browser-grade
//! parser) reads the same markup, and the text a reader would see in its
//! tree must be the text our converter's blocks carry. Shared by the
//! property test (tests/core_html_oracle.rs) and the fuzz target
//! (fuzz/fuzz_targets/html_oracle.rs), which both turn bytes into HTML with
//! [`html_from_choices`].
//!
//! The grammar covers what the tokenizer and foreign-content filter must
//! get right: script data with its escaped and double-escaped states, raw
//! text elements, `plaintext`, comments (with their odd forms), character
//! references (legacy ones without `;` too), and SVG/MathML with integration
//! points, CDATA and the tags that break out. It leaves out what the
//! converter reads differently on purpose: tables (a layout table is not a
//! table), image `alt`, embeds and file links (cards and attachments, not
//! text).
//!
//! html5ever departs from the standard (and browsers) around foreign
//! content: MathML `mi`… and SVG `foreignObject`, `desc`, `title` are not
//! "special" to it, so an end tag or an `li`/`dt` inside them can close an
//! element opened outside; `annotation-xml` holding HTML does not stop a
//! breakout; formatting elements are not reopened before `<svg>`/`<math>`.
//! So that the oracle checks us only where it is right, the grammar puts
//! one run of foreign content at the very end of a document (nothing
//! outside follows it to interact with) and has no `annotation-xml`
//! (src/core/html/tests.rs covers those cases by the standard).

use std::cell::RefCell;

use article_reader::core::format::Limits;
use article_reader::core::html::blocks_from_html;
use article_reader::core::Block;
use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// Reads choices from bytes; past their end every choice is 0 (so every
/// input, however short, gives a finite document).
pub struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Choices<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Choices { bytes, at: 0 }
    }

    fn pick(&mut self, n: usize) -> usize {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b as usize % n
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn one<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[self.pick(from.len())]
    }
}

/// Text, with character references of every kind.
const TEXTS: &[&str] = &[
    "a",
    "中文",
    " b c ",
    "\n",
    "&amp;",
    "&lt;p&gt;",
    "&#8217;",
    "&#x4e2d;",
    "&nbsp;",
    "&notit;",
    "&copy",
    "x&ampy",
    "1 < 2",
    "a&b",
    "&unknown;",
    "-->",
    "]]>",
];

/// HTML elements the converter keeps or reads through.
const ELEMENTS: &[&str] = &[
    "p",
    "div",
    "span",
    "b",
    "i",
    "em",
    "strong",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "sup",
    "sub",
    "section",
    "u",
    "small",
    "code",
    "pre",
    "dl",
    "dt",
    "dd",
    "a href=/x",
    "font color=red",
    "font",
];

const VOIDS: &[&str] = &[
    "<br>",
    "<hr>",
    "<wbr>",
    "<img src=/i.png>",
    "<br/>",
    "</br>",
];

const COMMENTS: &[&str] = &[
    "<!-- c <p>x</p> -->",
    "<!-->",
    "<!--->",
    "<!-- a --!>",
    "<!-- - -- -->",
    "<!DOCTYPE html>",
    "<?pi x?>",
    "<![CDATA[c<p>]]>",
    "<!-- never closed",
];

/// Pieces of script data: the escaped (`<!--`) and double-escaped
/// (`<!--<script>`) states and what ends them.
const SCRIPT_PIECES: &[&str] = &[
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "</SCRIPT >",
    "x",
    "<p>s</p>",
    "</scr",
    "<!-",
    "--!>",
    "<script ",
    "<scriptx>",
    "-",
];

/// Raw text (and RCDATA) elements; `noscript` is raw text when scripts run.
const RAW: &[&str] = &[
    "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

const RAW_PIECES: &[&str] = &[
    "<p>r</p>",
    "</sty",
    "&amp;",
    "<!--",
    "-->",
    "r",
    "</titlex>",
    "</p>",
    "<b>",
];

/// What may stand inside `svg`/`math`: foreign elements, integration
/// points (where HTML is read, still inside), CDATA, raw-text names (plain
/// elements there) and nested roots.
const FOREIGN_PIECES: &[&str] = &[
    "f",
    "中",
    "&amp;",
    "<g>",
    "</g>",
    "<text>",
    "</text>",
    "<foreignObject>",
    "</foreignObject>",
    "<desc>",
    "</desc>",
    "<title>",
    "</title>",
    "<style>",
    "</style>",
    "<script>",
    "</script>",
    "<noscript>",
    "<svg>",
    "<math>",
    "<mi>",
    "</mi>",
    "<mglyph>",
    "<![CDATA[d<p>]]>",
    "<svg/>",
    "<rect/>",
    "<font>",
];

/// What ends a run of foreign content: the tags that break out (inside an
/// integration point they stay in), or the root's end tag.
const FOREIGN_ENDS: &[&str] = &[
    "<p>",
    "</p>",
    "<b>",
    "<br>",
    "</br>",
    "<font color=red>",
    "<img src=/f.png>",
    "<div>",
    "<h2>",
    "<span>",
    "</svg>",
    "</math>",
    "",
];

/// Builds one HTML document from `bytes` with the grammar above.
pub fn html_from_choices(bytes: &[u8]) -> String {
    let mut c = Choices::new(bytes);
    let foreign = if c.pick(3) != 0 {
        foreign_run(&mut c)
    } else {
        String::new()
    };
    let mut out = String::new();
    while !c.done() {
        node(&mut c, 0, &mut out);
    }
    out + &foreign
}

/// `<svg>` or `<math>`, what stands inside, what ends it, and text.
fn foreign_run(c: &mut Choices) -> String {
    let root = if c.pick(3) == 0 { "math" } else { "svg" };
    let mut out = format!("<{root}>");
    for _ in 0..c.pick(10) {
        out.push_str(c.one(FOREIGN_PIECES));
    }
    out.push_str(c.one(FOREIGN_ENDS));
    out.push_str(c.one(TEXTS));
    out
}

fn nodes(c: &mut Choices, depth: usize, out: &mut String) {
    for _ in 0..c.pick(4) {
        node(c, depth, out);
    }
}

fn node(c: &mut Choices, depth: usize, out: &mut String) {
    match c.pick(if depth >= 4 { 4 } else { 9 }) {
        0 | 1 => out.push_str(c.one(TEXTS)),
        2 => out.push_str(c.one(VOIDS)),
        3 => out.push_str(c.one(COMMENTS)),
        4 | 5 => {
            let el = c.one(ELEMENTS);
            out.push('<');
            out.push_str(el);
            out.push('>');
            nodes(c, depth + 1, out);
            // Sometimes left open, as real markup does.
            if c.pick(4) != 0 {
                let name = el.split(' ').next().unwrap_or(el);
                out.push_str(&format!("</{name}>"));
            }
        }
        6 => {
            out.push_str("<script>");
            for _ in 0..c.pick(6) {
                out.push_str(c.one(SCRIPT_PIECES));
            }
            out.push_str("</script>");
        }
        7 => {
            let name = c.one(RAW);
            out.push_str(&format!("<{name}>"));
            for _ in 0..c.pick(4) {
                out.push_str(c.one(RAW_PIECES));
            }
            if c.pick(5) != 0 {
                out.push_str(&format!("</{name}>"));
            }
        }
        _ => match c.pick(8) {
            0 => {
                out.push_str("<plaintext>");
                out.push_str(c.one(TEXTS));
                out.push_str("</plaintext><p>p");
            }
            _ => {
                out.push_str("<template>");
                nodes(c, depth + 1, out);
                out.push_str("</template>");
            }
        },
    }
}

/// Elements whose text a reader does not see as article text: scripts,
/// styles, raw text and RCDATA elements (form fields and titles included),
/// `plaintext` (obsolete; the converter drops it like `xmp`).
const HIDDEN: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The text html5ever's tree shows: text nodes outside [`HIDDEN`] elements
/// and outside SVG/MathML, without whitespace.
pub fn oracle_text(html: &str) -> String {
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let dom = parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        context,
        Vec::new(),
        true,
    )
    .one(html);
    let mut out = String::new();
    collect(&dom.document, &mut out);
    strip(&out)
}

fn collect(node: &Handle, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { name, .. } => {
            if name.ns != ns!(html) || HIDDEN.contains(&name.local.as_ref()) {
                return;
            }
            children(node, out);
        }
        NodeData::Document => children(node, out),
        _ => {}
    }
}

fn children(node: &Handle, out: &mut String) {
    let kids: &RefCell<Vec<Handle>> = &node.children;
    for k in kids.borrow().iter() {
        collect(k, out);
    }
}

/// The text of our converter's blocks, without whitespace.
pub fn our_text(html: &str) -> String {
    let Ok(blocks) = blocks_from_html(html, &Limits::default()) else {
        return String::from("<limit error>");
    };
    let mut out = String::new();
    for b in &blocks {
        match b {
            Block::Code { text, .. } => out.push_str(text),
            other => other
                .rich_texts()
                .iter()
                .for_each(|t| out.push_str(&t.plain)),
        }
    }
    strip(&out)
}

/// Drops whitespace (block boundaries differ: we split paragraphs, a tree
/// just has text nodes; blocks are trimmed, no-break spaces too) and NUL
/// (both drop or replace it).
fn strip(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\0' | '\u{FFFD}'))
        .collect()
}
