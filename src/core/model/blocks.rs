//! The blocks of an article's body: paragraphs, headings, lists, quotes,
//! images, code, rules, tables, definition lists, embeds and attachments.

use super::RichText;

/// A block of article content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of body text.
    Paragraph(RichText),
    /// A section heading; `level` is 2, 3 or 4 (the title is the only h1).
    Heading { level: u8, text: RichText },
    /// A bulleted or numbered list.
    List { ordered: bool, items: Vec<RichText> },
    /// A block quotation with an optional attribution.
    Quote {
        text: RichText,
        cite: Option<String>,
    },
    /// An image whose `src` has passed the image URL policy. `size` is
    /// its width and height in CSS pixels when the source gave both (the
    /// UI reserves the space before it loads).
    Image {
        src: String,
        alt: String,
        caption: Option<RichText>,
        size: Option<(u32, u32)>,
    },
    /// Preformatted text (code): spaces and line breaks are kept as given.
    /// `lang` is the language a publisher named (`rust`, `js`), if any.
    Code { text: String, lang: Option<String> },
    /// A thematic break (`<hr>`).
    Rule,
    /// A data table.
    Table(Table),
    /// A definition list: terms and their descriptions, in order.
    Definitions(Vec<Definition>),
    /// Embedded video, audio or page, shown as a link to the original
    /// (never played or framed in the reader).
    Embed(Embed),
    /// Downloadable files the article links to (附件).
    Attachments(Vec<Attachment>),
    /// A link to the full text at its source (阅读原文 / Read the
    /// original), for an item whose text is not in the document.
    Original { url: String },
}

impl Block {
    /// Every styled text in the block (text, items, caption, cells,
    /// definitions), for checks that hold for all of them.
    pub fn rich_texts(&self) -> Vec<&RichText> {
        match self {
            Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
                vec![t]
            }
            Block::List { items, .. } => items.iter().collect(),
            Block::Image { caption, .. } => caption.iter().collect(),
            Block::Table(t) => t.caption.iter().chain(t.cells().map(|c| &c.text)).collect(),
            Block::Definitions(ds) => ds.iter().map(|d| &d.text).collect(),
            Block::Code { .. }
            | Block::Rule
            | Block::Embed(_)
            | Block::Attachments(_)
            | Block::Original { .. } => Vec::new(),
        }
    }

    /// Every link target in the block outside its texts' spans (embeds and
    /// attachments), each past the link policy.
    pub fn links(&self) -> Vec<&str> {
        match self {
            Block::Embed(e) => vec![e.url.as_str()],
            Block::Original { url } => vec![url.as_str()],
            Block::Attachments(files) => files.iter().map(|f| f.url.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

/// A table: an optional caption and rows of cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub caption: Option<RichText>,
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: RichText,
    /// A header cell (`<th>`).
    pub header: bool,
    /// What a header cell heads: `row`, `col`, `rowgroup` or `colgroup`.
    pub scope: Option<String>,
    /// Rows and columns the cell spans (1 when not given; capped as
    /// browsers cap them).
    pub rowspan: u32,
    pub colspan: u32,
}

impl Table {
    /// Every cell in reading order (row by row), numbered as
    /// [`Field::Cell`] numbers them.
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().flatten()
    }
}

/// One entry of a definition list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// A term (`<dt>`); otherwise a description (`<dd>`).
    pub term: bool,
    pub text: RichText,
}

/// What an embed plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    Video,
    Audio,
    /// Anything else framed (`<iframe>`, `<embed>`, `<object>`).
    Page,
}

/// Embedded media, reduced to a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub kind: EmbedKind,
    /// The media or the page to open; passed the link policy.
    pub url: String,
    /// A title the publisher gave, if any.
    pub title: Option<String>,
}

impl Embed {
    /// The host of [`Embed::url`] (`www.youtube.com`), for the card; `None`
    /// for a relative URL.
    pub fn host(&self) -> Option<&str> {
        let rest = self.url.split_once("://")?.1;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = rest[..end].rsplit('@').next()?;
        (!host.is_empty()).then_some(host)
    }
}

/// A linked file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Passed the link policy.
    pub url: String,
    /// The link text, or the file name when the link has none.
    pub name: String,
    /// The file type, lower case, from the URL: `pdf`, `docx`, `zip`…
    pub kind: String,
}

/// The file types gathered as attachments.
pub const ATTACHMENT_KINDS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "rar", "wps", "7z", "csv", "odt",
    "ods", "odp",
];

impl Attachment {
    /// The attachment a link to `url` (already past the link policy) is,
    /// when its path ends in one of [`ATTACHMENT_KINDS`].
    pub fn from_link(url: &str, text: &str) -> Option<Attachment> {
        let path = url.split(['?', '#']).next().unwrap_or(url);
        let file = path.rsplit('/').next().unwrap_or(path);
        let (_, ext) = file.rsplit_once('.')?;
        let kind = ext.to_ascii_lowercase();
        if !ATTACHMENT_KINDS.contains(&kind.as_str()) {
            return None;
        }
        let text = text.trim();
        let name = if text.is_empty() { file } else { text };
        Some(Attachment {
            url: url.to_owned(),
            name: name.to_owned(),
            kind,
        })
    }
}
