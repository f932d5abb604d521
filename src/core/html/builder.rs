//! The token-driven state machine behind [`super::blocks_from_html`]:
//! where text goes, and what each start and end tag does. Opening and
//! closing blocks is in [`super::blocks`].

use super::builder_state::{Container, Figure, Recording, MAX_TABLE_NESTING};
use super::tokenizer::{Token, Tokenizer};
use super::whitespace::{push_collapsed, soft_break};
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Attachment, Block, Definition, EmbedKind, RichText};
use crate::core::text::trim_end_spaces;
use crate::core::url::safe_link;

use super::blocks::finish_item;
use super::code::{language_of, opens_gutter};
use super::table::script_of;

/// Elements that only separate paragraphs.
const LAYOUT: &[&str] = &[
    "address", "article", "aside", "body", "caption", "center", "details", "dialog", "dir", "div",
    "fieldset", "footer", "form", "header", "hgroup", "html", "legend", "main", "menu", "nav", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
];

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
    /// Inside `template` or a line-number gutter: (name, depth);
    /// everything is dropped. (Foreign content never reaches the builder.)
    skip: Option<(String, usize)>,
    sup: usize,
    sub: usize,
    pub(super) record: Option<Recording>,
    pub(super) replay_depth: usize,
    /// Links to files, gathered for the attachments list.
    pub(super) attachments: Vec<Attachment>,
    /// The attachment link being read: (url, its text so far, link depth).
    file_link: Option<(String, String, usize)>,
    /// A `video`/`audio` without `src`, waiting for its `<source>`.
    pub(super) media: Option<(EmbedKind, Option<String>)>,
    /// Inside `<noscript>`: only images count (the copy of a lazy image
    /// for readers without scripts; its text is a "turn on JavaScript").
    pub(super) noscript: usize,
    /// Images met inside a heading or caption, placed after it.
    pub(super) pending_images: Vec<Block>,
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
            sup: 0,
            sub: 0,
            record: None,
            replay_depth: 0,
            attachments: Vec::new(),
            file_link: None,
            media: None,
            noscript: 0,
            pending_images: Vec::new(),
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
    pub(super) fn sink(&mut self) -> &mut RichText {
        match &mut self.container {
            Container::Heading { text, .. } | Container::Quote { text, .. } => text,
            Container::Definitions { current, .. } => {
                &mut current
                    .get_or_insert_with(|| Definition {
                        term: false,
                        text: RichText::default(),
                    })
                    .text
            }
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
        if let Some(rec) = &mut self.record {
            match &token {
                Token::Start { name, .. } if name == "template" => rec.templates += 1,
                Token::End { name } if name == "template" => {
                    rec.templates = rec.templates.saturating_sub(1)
                }
                _ if rec.templates > 0 => {}
                Token::Start { name, .. } if name == rec.name => rec.depth += 1,
                Token::End { name } if name == rec.name => {
                    rec.depth -= 1;
                    if rec.depth == 0 {
                        let rec = self.record.take().expect("recording");
                        return self.finish_record(rec);
                    }
                }
                _ => {}
            }
            rec.tokens.push(token.into_owned());
            return Ok(());
        }
        if self.noscript > 0 {
            match &token {
                // The markup a browser without scripts would read: only
                // its images count.
                Token::Raw(markup) => {
                    for t in Tokenizer::new(markup) {
                        if matches!(&t, Token::Start { name, .. } if name == "img") {
                            self.image(&t)?;
                        }
                    }
                }
                Token::End { name } if name == "noscript" => self.noscript -= 1,
                _ => {}
            }
            return Ok(());
        }
        match &token {
            Token::Text(s) => {
                let (strong, em) = (self.strong > 0, self.em > 0);
                let script = script_of(self.sup, self.sub);
                let href = self.links.last().cloned().flatten();
                if let Some((_, text, _)) = &mut self.file_link {
                    text.push_str(s);
                }
                push_collapsed(self.sink(), s, strong, em, href.as_deref(), script);
                Ok(())
            }
            Token::Start { name, .. } => self.start(name, &token),
            Token::End { name } => self.end(name),
            // Only `noscript` holds raw markup, handled above.
            Token::Raw(_) => Ok(()),
        }
    }

    fn start(&mut self, name: &str, token: &Token<'_>) -> Result<(), LoadError> {
        if opens_gutter(token) {
            self.skip = Some((name.to_owned(), 1));
            return Ok(());
        }
        match name {
            "table" if self.replay_depth < MAX_TABLE_NESTING => self.start_recording("table", None),
            "pre" => self.start_recording("pre", language_of(token)),
            "hr" => self.rule()?,
            "dl" => self.open_definitions()?,
            "dt" | "dd" => self.definition(name == "dt")?,
            "sup" => self.sup += 1,
            "sub" => self.sub += 1,
            "video" | "audio" | "iframe" | "embed" | "object" | "source" => {
                self.media(name, token)?
            }
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
            "img" => self.image(token)?,
            "noscript" => self.noscript += 1,
            "br" => self.line_break(),
            "strong" | "b" => self.strong += 1,
            "em" | "i" => self.em += 1,
            "a" => {
                let href = token.attr("href").and_then(safe_link);
                if let Some(h) = href
                    .as_deref()
                    .filter(|h| Attachment::from_link(h, "").is_some())
                {
                    self.file_link = Some((h.to_owned(), String::new(), self.links.len() + 1));
                }
                self.links.push(href);
            }
            n if LAYOUT.contains(&n) => self.boundary()?,
            _ => {}
        }
        Ok(())
    }

    fn start_recording(&mut self, name: &'static str, lang: Option<String>) {
        self.record = Some(Recording {
            name,
            depth: 1,
            tokens: Vec::new(),
            lang,
            templates: 0,
        });
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
                if self
                    .file_link
                    .as_ref()
                    .is_some_and(|(_, _, depth)| *depth == self.links.len())
                {
                    if let Some((url, text, _)) = self.file_link.take() {
                        self.add_attachments(Attachment::from_link(&url, &text));
                    }
                }
                self.links.pop();
            }
            "sup" => self.sup = self.sup.saturating_sub(1),
            "sub" => self.sub = self.sub.saturating_sub(1),
            "video" | "audio" => self.media = None,
            "dl" => self.close_definitions()?,
            "dt" | "dd" => self.finish_definition(),
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
            Container::Definitions { current, .. } => {
                if let Some(d) = current {
                    soft_break(&mut d.text);
                }
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
