//! The token-driven state machine behind [`super::blocks_from_html`]:
//! where text goes, and what each start and end tag does. Opening and
//! closing blocks is in [`super::blocks`].

use super::tokenizer::Token;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Block, RichText};
use crate::core::text::trim_end_spaces;
use crate::core::url::safe_link;

use super::blocks::finish_item;

/// Elements that only separate paragraphs.
const LAYOUT: &[&str] = &[
    "address", "article", "aside", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "footer", "form", "header", "hgroup", "hr", "html", "legend",
    "main", "menu", "nav", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr",
];

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

pub(super) struct Builder<'l> {
    pub(super) limits: &'l Limits,
    pub(super) path: &'l str,
    pub(super) blocks: Vec<Block>,
    /// Loose text and `<p>` text outside any container.
    pub(super) para: RichText,
    pub(super) container: Container,
    pub(super) figure: Option<Figure>,
    strong: usize,
    em: usize,
    /// Open `<a>`s; `None` for one without an allowed `href`.
    links: Vec<Option<String>>,
    /// Inside `svg`/`math`/`template`: (name, depth); everything is dropped.
    skip: Option<(String, usize)>,
}

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
    sink.push(&out, strong, em, href);
}

/// A line break between block-ish parts of one block, never doubled.
pub(super) fn soft_break(rt: &mut RichText) {
    trim_end_spaces(rt);
    if !rt.plain.is_empty() && !rt.plain.ends_with('\n') {
        rt.push_break();
    }
}

impl<'l> Builder<'l> {
    pub(super) fn new(limits: &'l Limits, path: &'l str) -> Self {
        Builder {
            limits,
            path,
            blocks: Vec::new(),
            para: RichText::default(),
            container: Container::None,
            figure: None,
            strong: 0,
            em: 0,
            links: Vec::new(),
            skip: None,
        }
    }

    fn limit_error(&self, limit: usize) -> LoadError {
        LoadError::LimitExceeded {
            path: self.path.to_owned(),
            limit,
        }
    }

    pub(super) fn emit(&mut self, block: Block) -> Result<(), LoadError> {
        if self.blocks.len() >= self.limits.max_blocks {
            return Err(self.limit_error(self.limits.max_blocks));
        }
        self.blocks.push(block);
        Ok(())
    }

    pub(super) fn in_caption(&self) -> bool {
        self.figure.as_ref().is_some_and(|f| f.in_caption)
    }

    /// Where text goes now.
    fn sink(&mut self) -> &mut RichText {
        match &mut self.container {
            Container::Heading { text, .. } | Container::Quote { text, .. } => text,
            // Text in a list outside any `<li>` starts an item, as it would
            // show as a line of its own.
            Container::List { item, .. } => item.get_or_insert_with(RichText::default),
            Container::None => match &mut self.figure {
                Some(f) if f.in_caption => &mut f.caption,
                _ => &mut self.para,
            },
        }
    }

    pub(super) fn token(&mut self, token: Token<'_>) -> Result<(), LoadError> {
        if let Some((name, depth)) = &mut self.skip {
            match &token {
                Token::Start {
                    name: n,
                    self_closing,
                    ..
                } if n == name && !(*self_closing && n != "template") => *depth += 1,
                Token::End { name: n } if n == name => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        match &token {
            Token::Text(s) => {
                let (strong, em) = (self.strong > 0, self.em > 0);
                let href = self.links.last().cloned().flatten();
                push_collapsed(self.sink(), s, strong, em, href.as_deref());
                Ok(())
            }
            Token::Start {
                name, self_closing, ..
            } => self.start(name, *self_closing, &token),
            Token::End { name } => self.end(name),
        }
    }

    fn start(
        &mut self,
        name: &str,
        self_closing: bool,
        token: &Token<'_>,
    ) -> Result<(), LoadError> {
        match name {
            "svg" | "math" if !self_closing => self.skip = Some((name.to_owned(), 1)),
            "template" => self.skip = Some((name.to_owned(), 1)),
            "h1" | "h2" => self.open_heading(2)?,
            "h3" => self.open_heading(3)?,
            "h4" | "h5" | "h6" => self.open_heading(4)?,
            "ul" | "ol" => self.open_list(name == "ol")?,
            "li" => {
                if let Container::List { items, item, .. } = &mut self.container {
                    finish_item(items, item, self.limits, self.path)?;
                    *item = Some(RichText::default());
                } else {
                    self.boundary()?;
                }
            }
            "blockquote" => self.open_quote()?,
            "figure" => self.open_figure()?,
            "figcaption" => self.open_caption()?,
            "img" => self.image(token.attr("src"), token.attr("alt"))?,
            "br" => self.line_break(),
            "strong" | "b" => self.strong += 1,
            "em" | "i" => self.em += 1,
            "a" => self.links.push(token.attr("href").and_then(safe_link)),
            n if LAYOUT.contains(&n) => self.boundary()?,
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), LoadError> {
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if matches!(self.container, Container::Heading { .. }) {
                    self.close_container()?;
                }
            }
            "ul" | "ol" => match &mut self.container {
                Container::List {
                    depth, items, item, ..
                } => {
                    finish_item(items, item, self.limits, self.path)?;
                    *depth -= 1;
                    if *depth == 0 {
                        self.close_container()?;
                    }
                }
                _ => self.boundary()?,
            },
            "li" => match &mut self.container {
                Container::List { items, item, .. } => {
                    finish_item(items, item, self.limits, self.path)?
                }
                _ => self.boundary()?,
            },
            "blockquote" => match &mut self.container {
                Container::Quote { depth, .. } if *depth <= 1 => self.close_container()?,
                Container::Quote { depth, .. } => {
                    *depth -= 1;
                    self.boundary()?;
                }
                _ => self.boundary()?,
            },
            "figure" => {
                if let Some(f) = &mut self.figure {
                    f.depth -= 1;
                    if f.depth == 0 {
                        self.close_figure()?;
                    }
                }
            }
            "figcaption" => {
                if let Some(f) = &mut self.figure {
                    f.in_caption = false;
                }
            }
            "strong" | "b" => self.strong = self.strong.saturating_sub(1),
            "em" | "i" => self.em = self.em.saturating_sub(1),
            "a" => {
                self.links.pop();
            }
            // Browsers read `</br>` as `<br>`.
            "br" => self.line_break(),
            n if LAYOUT.contains(&n) => self.boundary()?,
            _ => {}
        }
        Ok(())
    }

    /// The end of a paragraph-like element: ends a loose paragraph, or
    /// starts a new line inside the current block.
    pub(super) fn boundary(&mut self) -> Result<(), LoadError> {
        match &mut self.container {
            Container::Heading { .. } => self.close_container(),
            Container::List { item, .. } => {
                if let Some(i) = item {
                    soft_break(i);
                }
                Ok(())
            }
            Container::Quote { text, .. } => {
                soft_break(text);
                Ok(())
            }
            Container::None => match &mut self.figure {
                Some(f) if f.in_caption => {
                    soft_break(&mut f.caption);
                    Ok(())
                }
                _ => self.flush_para(),
            },
        }
    }

    fn line_break(&mut self) {
        let sink = self.sink();
        if !sink.plain.is_empty() {
            trim_end_spaces(sink);
            sink.push_break();
        }
    }
}
