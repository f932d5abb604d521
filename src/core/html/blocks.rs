//! Opening and closing blocks for the [`Builder`]: headings, lists,
//! quotes, figures and images, and the limits on how many there are.

use super::builder::{
    push_collapsed, soft_break, Builder, Container, Figure, Recording, MAX_TABLE_NESTING,
};
use super::code::code_from_tokens;
use super::table::{is_data_table, table_from_tokens};
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Attachment, Block, Definition, Embed, EmbedKind, RichText, Table};
use crate::core::text::trim_rich;
use crate::core::url::{safe_image, safe_link};

use super::images::{image_source, ImageSource};
use super::tokenizer::Token;

/// Longest `data:` URL taken for a placeholder (a transparent GIF or a
/// blank SVG of a lazy loader) rather than a picture.
const PLACEHOLDER_DATA_URL: usize = 200;

/// Pieces of the URLs of analytics counters that pages embed as images
/// (often without a size, so the 1×1 rule cannot see them).
const TRACKERS: &[&str] = &[
    "piwik",
    "matomo",
    "/p.php?idsite=",
    "google-analytics.com/",
    "pixel.wp.com/",
    "stats.wp.com/",
    "vgwort.de/",
];

/// The image block of an `<img>`, unless it is a placeholder, a tracking
/// pixel or refused by the image policy.
pub(super) fn image_block(source: ImageSource, alt: Option<&str>) -> Option<Block> {
    let tracker = source.src.as_deref().is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        TRACKERS.iter().any(|t| s.contains(t))
    });
    if source.is_pixel() || tracker {
        return None;
    }
    let src = source
        .src
        .as_deref()
        .filter(|s| !(s.starts_with("data:") && s.len() < PLACEHOLDER_DATA_URL))
        .and_then(safe_image)?;
    let mut alt_text = RichText::default();
    push_collapsed(&mut alt_text, alt.unwrap_or(""), false, false, None, None);
    Some(Block::Image {
        src,
        alt: alt_text.plain.trim_end().to_owned(),
        caption: None,
        size: source.size,
    })
}

fn same_image(a: &Block, b: &Block) -> bool {
    matches!((a, b), (Block::Image { src: x, .. }, Block::Image { src: y, .. }) if x == y)
}

/// Hosts whose framed pages are video players.
const VIDEO_HOSTS: &[&str] = &[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "bilibili.com",
    "v.qq.com",
    "youku.com",
    "ixigua.com",
    "dailymotion.com",
];

impl Builder<'_> {
    /// Before opening a block: a heading cannot hold one, so it ends. Gives
    /// true when the block may open; false when it is inside a list, quote
    /// or caption and only starts a new line there.
    pub(super) fn prepare_open(&mut self) -> Result<bool, LoadError> {
        if matches!(self.container, Container::Heading { .. }) {
            self.close_container()?;
        }
        if matches!(self.container, Container::None) && !self.in_caption() {
            self.flush_para()?;
            Ok(true)
        } else {
            self.boundary()?;
            Ok(false)
        }
    }

    pub(super) fn open_heading(&mut self, level: u8) -> Result<(), LoadError> {
        if self.prepare_open()? {
            self.container = Container::Heading {
                level,
                text: RichText::default(),
            };
        }
        Ok(())
    }

    pub(super) fn open_list(&mut self, ordered: bool) -> Result<(), LoadError> {
        if let Container::List {
            depth, items, item, ..
        } = &mut self.container
        {
            *depth += 1;
            return finish_item(items, item, self.limits, self.path);
        }
        if self.prepare_open()? {
            self.container = Container::List {
                ordered,
                depth: 1,
                items: Vec::new(),
                item: None,
            };
        }
        Ok(())
    }

    pub(super) fn open_quote(&mut self) -> Result<(), LoadError> {
        if let Container::Quote { depth, .. } = &mut self.container {
            *depth += 1;
            return self.boundary();
        }
        if self.prepare_open()? {
            self.container = Container::Quote {
                depth: 1,
                text: RichText::default(),
            };
        }
        Ok(())
    }

    pub(super) fn open_figure(&mut self) -> Result<(), LoadError> {
        if let Some(f) = &mut self.figure {
            f.depth += 1;
        } else if self.prepare_open()? {
            self.figure = Some(Figure {
                depth: 1,
                ..Figure::default()
            });
        }
        Ok(())
    }

    pub(super) fn open_caption(&mut self) -> Result<(), LoadError> {
        if self.figure.is_none() || !matches!(self.container, Container::None) {
            return self.boundary();
        }
        self.flush_para()?;
        if let Some(f) = &mut self.figure {
            f.in_caption = true;
            soft_break(&mut f.caption);
        }
        Ok(())
    }

    /// An `<img>` wherever it stands (see [`Builder::place_image`]).
    pub(super) fn image(&mut self, token: &Token<'_>) -> Result<(), LoadError> {
        if matches!(self.container, Container::None) && !self.in_caption() {
            if let Some(f) = &mut self.figure {
                f.had_img = true;
            }
        }
        let source = image_source(token);
        let Some(block) = image_block(source, token.attr("alt")) else {
            return Ok(());
        };
        // The `<noscript>` copy of a lazy image already shown.
        if self.noscript > 0 && self.blocks.iter().any(|b| same_image(b, &block)) {
            return Ok(());
        }
        self.place_image(block)
    }

    /// Places an image, code or table block: at the top level it is a block
    /// (an image is its figure's image, in a figure); inside a list, quote or
    /// definition list it splits that block around it; inside a heading or
    /// caption it follows the heading or figure.
    pub(super) fn place_image(&mut self, block: Block) -> Result<(), LoadError> {
        let reopen = match &self.container {
            Container::None if !self.in_caption() => {
                self.flush_para()?;
                let is_image = matches!(block, Block::Image { .. });
                self.emit(block)?;
                let at = self.blocks.len() - 1;
                if let Some(f) = self.figure.as_mut().filter(|_| is_image) {
                    f.image_at = Some(at);
                }
                return Ok(());
            }
            Container::List { ordered, depth, .. } => Container::List {
                ordered: *ordered,
                depth: *depth,
                items: Vec::new(),
                item: Some(RichText::default()),
            },
            Container::Quote { depth, .. } => Container::Quote {
                depth: *depth,
                text: RichText::default(),
            },
            Container::Definitions { depth, .. } => Container::Definitions {
                depth: *depth,
                items: Vec::new(),
                current: None,
            },
            Container::Heading { .. } | Container::None => {
                self.pending_images.push(block);
                return Ok(());
            }
        };
        self.close_container()?;
        self.emit(block)?;
        self.container = reopen;
        Ok(())
    }

    /// Emits the images held back while a heading or caption was open.
    pub(super) fn flush_pending_images(&mut self) -> Result<(), LoadError> {
        for b in std::mem::take(&mut self.pending_images) {
            self.emit(b)?;
        }
        Ok(())
    }

    pub(super) fn flush_para(&mut self) -> Result<(), LoadError> {
        let p = trim_rich(std::mem::take(&mut self.para));
        if p.is_blank() {
            return Ok(());
        }
        self.emit(Block::Paragraph(p))
    }

    pub(super) fn close_container(&mut self) -> Result<(), LoadError> {
        match std::mem::replace(&mut self.container, Container::None) {
            Container::None => Ok(()),
            Container::Heading { level, text } => {
                let text = trim_rich(text);
                if text.is_blank() {
                    return Ok(());
                }
                self.emit(Block::Heading { level, text })
            }
            Container::List {
                ordered,
                mut items,
                mut item,
                ..
            } => {
                finish_item(&mut items, &mut item, self.limits, self.path)?;
                if items.is_empty() {
                    return Ok(());
                }
                self.emit(Block::List { ordered, items })
            }
            Container::Quote { text, .. } => {
                let text = trim_rich(text);
                if text.is_blank() {
                    return Ok(());
                }
                self.emit(Block::Quote { text, cite: None })
            }
            Container::Definitions {
                mut items, current, ..
            } => {
                push_definition(&mut items, current);
                if items.is_empty() {
                    return Ok(());
                }
                self.emit(Block::Definitions(items))
            }
        }?;
        self.flush_pending_images()
    }

    /// True when a block may be placed here (not inside a list, quote,
    /// heading or caption); flushes the loose paragraph first.
    fn at_top(&mut self) -> Result<bool, LoadError> {
        if matches!(self.container, Container::Heading { .. }) {
            self.close_container()?;
        }
        if matches!(self.container, Container::None) && !self.in_caption() {
            self.flush_para()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads a recorded `table` or `pre` whole.
    pub(super) fn finish_record(&mut self, rec: Recording) -> Result<(), LoadError> {
        if rec.name == "pre" {
            return match code_from_tokens(&rec.tokens, rec.lang) {
                Some(Block::Code { text, lang }) => self.place_code(text, lang),
                _ => Ok(()),
            };
        }
        if is_data_table(&rec.tokens) {
            let data = table_from_tokens(&rec.tokens, self.limits, self.path)?;
            self.add_attachments(data.attachments);
            if let Some(t) = data.table {
                self.place_table(t)?;
            }
            // Images in cells follow the table.
            for (source, alt) in data.images {
                if let Some(b) = image_block(source, alt.as_deref()) {
                    self.place_image(b)?;
                }
            }
            return Ok(());
        }
        // A layout table: its content is read as if the table were not there.
        self.boundary()?;
        self.replay_depth += 1;
        for t in rec.tokens {
            self.token(t)?;
        }
        self.replay_depth -= 1;
        self.finish_unclosed()?;
        self.boundary()
    }

    /// Reads a `table` or `pre` the input left open. Tables inside it only
    /// separate paragraphs, so an input of many unclosed tables is read
    /// once more, not once per table.
    pub(super) fn finish_unclosed(&mut self) -> Result<(), LoadError> {
        if let Some(rec) = self.record.take() {
            let depth = std::mem::replace(&mut self.replay_depth, MAX_TABLE_NESTING);
            self.finish_record(rec)?;
            self.replay_depth = depth;
        }
        Ok(())
    }

    /// Code and tables stand where they are, like images: inside a list,
    /// quote or definition list they split it; inside a heading or caption
    /// they follow it.
    fn place_code(&mut self, text: String, lang: Option<String>) -> Result<(), LoadError> {
        self.place_image(Block::Code { text, lang })
    }

    fn place_table(&mut self, table: Table) -> Result<(), LoadError> {
        self.place_image(Block::Table(table))
    }

    pub(super) fn rule(&mut self) -> Result<(), LoadError> {
        if self.at_top()? {
            return self.emit(Block::Rule);
        }
        self.boundary()
    }

    pub(super) fn open_definitions(&mut self) -> Result<(), LoadError> {
        if let Container::Definitions { depth, .. } = &mut self.container {
            *depth += 1;
            return self.boundary();
        }
        if self.prepare_open()? {
            self.container = Container::Definitions {
                depth: 1,
                items: Vec::new(),
                current: None,
            };
        }
        Ok(())
    }

    /// A `dt` or `dd`: a new entry of the list (inside a nested list, a new
    /// line of the current one).
    pub(super) fn definition(&mut self, term: bool) -> Result<(), LoadError> {
        match &mut self.container {
            Container::Definitions {
                depth: 1,
                items,
                current,
            } => {
                check_items(items.len(), self.limits, self.path)?;
                push_definition(items, current.take());
                *current = Some(Definition {
                    term,
                    text: RichText::default(),
                });
                Ok(())
            }
            _ => self.boundary(),
        }
    }

    pub(super) fn finish_definition(&mut self) {
        if let Container::Definitions {
            depth: 1,
            items,
            current,
        } = &mut self.container
        {
            push_definition(items, current.take());
        }
    }

    pub(super) fn close_definitions(&mut self) -> Result<(), LoadError> {
        match &mut self.container {
            Container::Definitions { depth, .. } if *depth > 1 => {
                *depth -= 1;
                self.boundary()
            }
            Container::Definitions { .. } => self.close_container(),
            _ => self.boundary(),
        }
    }

    /// `video`, `audio`, `iframe`, `embed`, `object` and a media element's
    /// `source`: a link card to what they would play.
    pub(super) fn media(
        &mut self,
        name: &str,
        token: &super::tokenizer::Token<'_>,
    ) -> Result<(), LoadError> {
        let own_title = token
            .attr("title")
            .or(token.attr("aria-label"))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty());
        let (kind, title) = match name {
            "video" => (EmbedKind::Video, own_title),
            "audio" => (EmbedKind::Audio, own_title),
            "source" => match self.media.take() {
                Some(pending) => pending,
                None => return Ok(()),
            },
            _ => (EmbedKind::Page, own_title),
        };
        let src = token.attr(if name == "object" { "data" } else { "src" });
        let Some(url) = src.and_then(safe_link) else {
            if matches!(name, "video" | "audio") {
                self.media = Some((kind, title));
            }
            return Ok(());
        };
        let kind = match kind {
            EmbedKind::Page if is_video_host(&url) => EmbedKind::Video,
            k => k,
        };
        if self.at_top()? {
            self.emit(Block::Embed(Embed { kind, url, title }))?;
        }
        Ok(())
    }

    /// Adds attachments not listed yet (by URL), up to the block limit.
    pub(super) fn add_attachments(&mut self, found: impl IntoIterator<Item = Attachment>) {
        for a in found {
            if self.attachments.len() < self.limits.max_blocks
                && !self.attachments.iter().any(|b| b.url == a.url)
            {
                self.attachments.push(a);
            }
        }
    }

    /// Gives the caption to the figure's last image. A figure without any
    /// `<img>` (a quote with attribution, say) keeps its caption as a
    /// paragraph; a caption whose image was refused is dropped with it.
    pub(super) fn close_figure(&mut self) -> Result<(), LoadError> {
        let Some(f) = self.figure.take() else {
            return Ok(());
        };
        self.flush_para()?;
        let caption = trim_rich(f.caption);
        if caption.is_blank() {
            return self.flush_pending_images();
        }
        match f.image_at {
            Some(i) => {
                if let Some(Block::Image { caption: c, .. }) = self.blocks.get_mut(i) {
                    *c = Some(caption);
                }
                Ok(())
            }
            None if !f.had_img => self.emit(Block::Paragraph(caption)),
            None => Ok(()),
        }?;
        self.flush_pending_images()
    }

    pub(super) fn finish(mut self) -> Result<Vec<Block>, LoadError> {
        self.finish_unclosed()?;
        self.close_container()?;
        self.close_figure()?;
        self.flush_para()?;
        self.flush_pending_images()?;
        if !self.attachments.is_empty() {
            let files = std::mem::take(&mut self.attachments);
            self.emit(Block::Attachments(files))?;
        }
        Ok(self.blocks)
    }
}

fn is_video_host(url: &str) -> bool {
    let embed = Embed {
        kind: EmbedKind::Page,
        url: url.to_owned(),
        title: None,
    };
    embed.host().is_some_and(|h| {
        VIDEO_HOSTS
            .iter()
            .any(|v| h == *v || h.ends_with(&format!(".{v}")))
    })
}

fn push_definition(items: &mut Vec<Definition>, d: Option<Definition>) {
    if let Some(mut d) = d {
        d.text = trim_rich(d.text);
        if !d.text.is_blank() {
            items.push(d);
        }
    }
}

fn check_items(len: usize, limits: &Limits, path: &str) -> Result<(), LoadError> {
    if len >= limits.max_blocks {
        return Err(LoadError::LimitExceeded {
            path: path.to_owned(),
            limit: limits.max_blocks,
        });
    }
    Ok(())
}

/// Moves the current list item, if it has text, into `items`.
pub(super) fn finish_item(
    items: &mut Vec<RichText>,
    item: &mut Option<RichText>,
    limits: &Limits,
    path: &str,
) -> Result<(), LoadError> {
    let Some(text) = item.take().map(trim_rich) else {
        return Ok(());
    };
    if text.is_blank() {
        return Ok(());
    }
    if items.len() >= limits.max_blocks {
        return Err(LoadError::LimitExceeded {
            path: path.to_owned(),
            limit: limits.max_blocks,
        });
    }
    items.push(text);
    Ok(())
}
