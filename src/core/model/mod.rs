//! The article model every input format is converted into.
//!
//! It is deliberately small and typed: the UI builds DOM only from these
//! values, so no string from a document is ever treated as markup.

mod blocks;
mod rich_text;

pub use blocks::*;
pub use rich_text::*;

/// A named link in the publisher footer. `href` is absent when the source
/// names a link without giving (or with an unsafe) target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FooterLink {
    pub text: String,
    pub href: Option<String>,
    pub title: Option<String>,
}

/// The organisation behind the page, shown in the footer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Publisher {
    /// 主办: the organiser.
    pub organiser: Option<String>,
    /// 联系地址.
    pub address: Option<String>,
    /// 联系电话, shown as a `tel:` link.
    pub phone: Option<String>,
    /// 电子邮件, shown as a `mailto:` link.
    pub email: Option<String>,
    /// 邮编.
    pub postcode: Option<String>,
    /// ICP licence number.
    pub icp: Option<String>,
    /// Extra links such as 旧版回顾.
    pub links: Vec<FooterLink>,
}

impl Publisher {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.organiser.is_none()
            && self.address.is_none()
            && self.phone.is_none()
            && self.email.is_none()
            && self.postcode.is_none()
            && self.icp.is_none()
            && self.links.is_empty()
    }
}

/// The site the article belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub name: String,
    pub url: Option<String>,
}

/// One article, whatever format it came in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier (given, or derived from the URL or position).
    pub id: String,
    /// Canonical URL, if known and allowed by the link policy.
    pub url: Option<String>,
    /// BCP 47 language tag of the content, if given.
    pub lang: Option<String>,
    pub title: String,
    /// Publish time as given (ISO 8601 date or date-time).
    pub published: Option<String>,
    /// 来源: where the text was first published.
    pub source: Option<String>,
    /// 点击数: view count.
    pub views: Option<u64>,
    /// Author or byline.
    pub author: Option<String>,
    /// Lead paragraph / standfirst.
    pub lead: Option<RichText>,
    pub blocks: Vec<Block>,
    pub publisher: Option<Publisher>,
    pub site: Option<Site>,
}

/// A list of articles (from a JSON Feed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collection {
    pub title: String,
    pub home_url: Option<String>,
    /// Where the feed says it lives (JSON Feed `feed_url`): a base for
    /// relative URLs when there is no home page URL.
    pub feed_url: Option<String>,
    /// Items left out because nothing of them could be shown, in order.
    pub skipped: Vec<Skipped>,
    pub description: Option<String>,
    pub items: Vec<Article>,
    pub publisher: Option<Publisher>,
    pub site: Option<Site>,
}

/// An item of a collection that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its position in the document's item list (or top-level array).
    pub index: usize,
    pub reason: crate::core::error::LoadError,
}

/// What a loaded document turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    Article(Article),
    Collection(Collection),
}

/// Where a piece of searchable text sits in an article. The UI renders each
/// field and asks for the highlight ranges of exactly that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Lead,
    /// The text of block `n` (paragraph, heading or quote).
    Block(usize),
    /// Item `m` of list block `n`.
    Item(usize, usize),
    /// The caption of image or table block `n`.
    Caption(usize),
    /// Cell `m` (row by row) of table block `n`.
    Cell(usize, usize),
}

impl Article {
    /// Every searchable text of the article in reading order. The title is
    /// given as plain text.
    pub fn fields(&self) -> Vec<(Field, std::borrow::Cow<'_, str>)> {
        use std::borrow::Cow;
        let mut out = vec![(Field::Title, Cow::Borrowed(self.title.as_str()))];
        if let Some(lead) = &self.lead {
            out.push((Field::Lead, Cow::Borrowed(lead.plain.as_str())));
        }
        for (n, block) in self.blocks.iter().enumerate() {
            match block {
                Block::Paragraph(t)
                | Block::Heading { text: t, .. }
                | Block::Quote { text: t, .. } => {
                    out.push((Field::Block(n), Cow::Borrowed(t.plain.as_str())))
                }
                Block::List { items, .. } => {
                    for (m, item) in items.iter().enumerate() {
                        out.push((Field::Item(n, m), Cow::Borrowed(item.plain.as_str())));
                    }
                }
                Block::Image { caption, .. } => {
                    if let Some(c) = caption {
                        out.push((Field::Caption(n), Cow::Borrowed(c.plain.as_str())));
                    }
                }
                Block::Code { text, .. } => out.push((Field::Block(n), Cow::Borrowed(text))),
                Block::Embed(e) => {
                    if let Some(t) = &e.title {
                        out.push((Field::Block(n), Cow::Borrowed(t.as_str())));
                    }
                }
                Block::Rule | Block::Original { .. } => {}
                Block::Table(t) => {
                    if let Some(c) = &t.caption {
                        out.push((Field::Caption(n), Cow::Borrowed(c.plain.as_str())));
                    }
                    for (m, cell) in t.cells().enumerate() {
                        out.push((Field::Cell(n, m), Cow::Borrowed(cell.text.plain.as_str())));
                    }
                }
                Block::Definitions(ds) => {
                    for (m, d) in ds.iter().enumerate() {
                        out.push((Field::Item(n, m), Cow::Borrowed(d.text.plain.as_str())));
                    }
                }
                Block::Attachments(files) => {
                    for (m, f) in files.iter().enumerate() {
                        out.push((Field::Item(n, m), Cow::Borrowed(f.name.as_str())));
                    }
                }
            }
        }
        out
    }

    /// The section headings as (block index, level, text), for the table of
    /// contents and for ranking.
    pub fn headings(&self) -> impl Iterator<Item = (usize, u8, &str)> {
        self.blocks.iter().enumerate().filter_map(|(n, b)| match b {
            Block::Heading { level, text } => Some((n, *level, text.plain.as_str())),
            _ => None,
        })
    }

    /// Count of characters a reader reads (title, lead and all blocks).
    pub fn char_count(&self) -> usize {
        self.fields().iter().map(|(_, t)| t.chars().count()).sum()
    }
}
