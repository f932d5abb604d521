//! Opening and closing blocks for the [`Builder`]: headings, lists,
//! quotes, figures and images, and the limits on how many there are.

use super::builder::{push_collapsed, soft_break, Builder, Container, Figure};
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Block, RichText};
use crate::core::text::trim_rich;
use crate::core::url::safe_image;

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

    pub(super) fn image(&mut self, src: Option<&str>, alt: Option<&str>) -> Result<(), LoadError> {
        if !matches!(self.container, Container::None) || self.in_caption() {
            return Ok(());
        }
        if let Some(f) = &mut self.figure {
            f.had_img = true;
        }
        let Some(src) = src.and_then(safe_image) else {
            return Ok(());
        };
        let mut alt_text = RichText::default();
        push_collapsed(&mut alt_text, alt.unwrap_or(""), false, false, None);
        self.flush_para()?;
        self.emit(Block::Image {
            src,
            alt: alt_text.plain.trim_end().to_owned(),
            caption: None,
        })?;
        let at = self.blocks.len() - 1;
        if let Some(f) = &mut self.figure {
            f.image_at = Some(at);
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
            return Ok(());
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
        }
    }

    pub(super) fn finish(mut self) -> Result<Vec<Block>, LoadError> {
        self.close_container()?;
        self.close_figure()?;
        self.flush_para()?;
        Ok(self.blocks)
    }
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
