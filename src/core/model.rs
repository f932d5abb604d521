//! The article model every input format is converted into.
//!
//! It is deliberately small and typed: the UI builds DOM only from these
//! values, so no string from a document is ever treated as markup.

use std::ops::Range;

/// A run of text with inline formatting, stored as one plain string plus
/// styled spans over it. Search works on `plain`; rendering walks `spans`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText {
    /// The text as a reader sees it; line breaks are `'\n'`.
    pub plain: String,
    /// Non-overlapping spans in order, covering `plain` completely.
    pub spans: Vec<Span>,
}

/// One styled piece of a [`RichText`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte range in [`RichText::plain`].
    pub range: Range<usize>,
    /// Bold / `<strong>` / `<b>`.
    pub strong: bool,
    /// Italic / `<em>` / `<i>`.
    pub em: bool,
    /// A link target that has passed the URL policy.
    pub href: Option<String>,
    /// This span is a single `'\n'` that renders as `<br>`.
    pub line_break: bool,
    /// Raised or lowered text (`<sup>` / `<sub>`): footnote marks, units,
    /// formulas.
    pub script: Option<Script>,
}

/// Superscript or subscript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Super,
    Sub,
}

impl Span {
    /// An unstyled span over `range`.
    pub fn plain(range: Range<usize>) -> Self {
        Span {
            range,
            strong: false,
            em: false,
            href: None,
            line_break: false,
            script: None,
        }
    }
}

impl RichText {
    /// Unformatted text.
    pub fn plain(text: impl Into<String>) -> Self {
        let plain = text.into();
        let spans = if plain.is_empty() {
            Vec::new()
        } else {
            vec![Span::plain(0..plain.len())]
        };
        RichText { plain, spans }
    }

    /// Appends `text` with the given styling, merging with the previous span
    /// when the styling is the same.
    pub fn push(&mut self, text: &str, strong: bool, em: bool, href: Option<&str>) {
        self.push_script(text, strong, em, href, None);
    }

    /// [`RichText::push`] with raised or lowered text.
    pub fn push_script(
        &mut self,
        text: &str,
        strong: bool,
        em: bool,
        href: Option<&str>,
        script: Option<Script>,
    ) {
        if text.is_empty() {
            return;
        }
        let start = self.plain.len();
        self.plain.push_str(text);
        let end = self.plain.len();
        if let Some(last) = self.spans.last_mut() {
            if !last.line_break
                && last.strong == strong
                && last.em == em
                && last.href.as_deref() == href
                && last.script == script
            {
                last.range.end = end;
                return;
            }
        }
        self.spans.push(Span {
            range: start..end,
            strong,
            em,
            href: href.map(str::to_owned),
            line_break: false,
            script,
        });
    }

    /// Appends a line break.
    pub fn push_break(&mut self) {
        let start = self.plain.len();
        self.plain.push('\n');
        let mut span = Span::plain(start..start + 1);
        span.line_break = true;
        self.spans.push(span);
    }

    /// True when there is no visible text.
    pub fn is_blank(&self) -> bool {
        self.plain.trim().is_empty()
    }
}

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
