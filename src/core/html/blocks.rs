//! Opening and closing blocks for the [`Builder`]: headings, lists,
//! quotes, definition lists, code and tables, and the limits on how many
//! there are (images, figures and media are in `media.rs`).

use super::builder::Builder;
use super::builder_state::{Container, Figure, Recording, MAX_TABLE_NESTING};
use super::code::code_from_tokens;
use super::table::{is_data_table, table_from_tokens};
use super::whitespace::soft_break;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Block, Definition, RichText, Table};
use crate::core::text::trim_rich;

use super::media::image_block;

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
    pub(super) fn at_top(&mut self) -> Result<bool, LoadError> {
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
