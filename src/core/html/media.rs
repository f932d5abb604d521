//! What stands in an article by itself, for the [`Builder`]: images
//! (wherever the markup puts them), figures and their captions, embedded
//! media as link cards, and the attachments list.

use super::builder::Builder;
use super::builder_state::Container;
use super::whitespace::push_collapsed;
use crate::core::error::LoadError;
use crate::core::model::{Attachment, Block, Embed, EmbedKind, RichText};
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
