//! `<table>` as a [`Block::Table`]. A table's tokens are recorded whole;
//! then [`is_data_table`] tells a data table (cells of text: 名单, 统计,
//! 日程) from a layout table (a page laid out in cells, a highlighter's
//! gutter beside its code), which is read again as ordinary content.

use super::code::GUTTER_CLASSES;
use super::images::{image_source, ImageSource};
use super::tokenizer::Token;
use super::whitespace::push_collapsed;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Attachment, Cell, RichText, Script, Table};
use crate::core::text::{trim_end_spaces, trim_rich};
use crate::core::url::safe_link;

/// Elements that make a table a layout table when they stand in it: they
/// are blocks the model cannot hold in a cell (or content dropped whole).
const NOT_IN_DATA_CELLS: &[&str] = &[
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "figure",
    "hr",
    "svg",
    "math",
    "template",
    "iframe",
    "video",
    "audio",
];

/// Most rows and columns a cell spans (the HTML standard's caps).
const MAX_ROWSPAN: u32 = 65_534;
const MAX_COLSPAN: u32 = 1_000;

/// True when the recorded tokens of a table (without its own tags) are a
/// data table: at least two cells, no blocks inside, no line-number gutter.
pub(super) fn is_data_table(tokens: &[Token<'_>]) -> bool {
    let mut cells = 0;
    for t in tokens {
        if let Token::Start { name, .. } = t {
            if NOT_IN_DATA_CELLS.contains(&name.as_str()) || t.has_class(GUTTER_CLASSES) {
                return false;
            }
            if name == "td" || name == "th" {
                cells += 1;
            }
        }
    }
    cells >= 2
}

fn span_attr(t: &Token<'_>, name: &str, max: u32) -> u32 {
    t.attr(name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|&n| n > 0)
        .map_or(1, |n| n.min(max))
}

/// What a data table's tokens give: the table (`None` when it has no text)
/// and the attachments its links point to.
pub(super) struct DataTable {
    pub(super) table: Option<Table>,
    pub(super) attachments: Vec<Attachment>,
    /// The images in its cells (with their alt text), placed after it.
    pub(super) images: Vec<(ImageSource, Option<String>)>,
}

#[derive(Default)]
struct Reader {
    rows: Vec<Vec<Cell>>,
    row: Option<Vec<Cell>>,
    cell: Option<Cell>,
    caption: Option<RichText>,
    in_caption: bool,
    strong: usize,
    em: usize,
    sup: usize,
    sub: usize,
    links: Vec<Option<String>>,
    /// The attachment link being read: (url, its text so far).
    file_link: Option<(String, String)>,
    attachments: Vec<Attachment>,
    images: Vec<(ImageSource, Option<String>)>,
    cells: usize,
}

impl Reader {
    fn finish_cell(&mut self) {
        if let Some(mut c) = self.cell.take() {
            c.text = trim_rich(c.text);
            self.row.get_or_insert_with(Vec::new).push(c);
        }
    }

    fn finish_row(&mut self) {
        self.finish_cell();
        if let Some(r) = self.row.take().filter(|r| !r.is_empty()) {
            self.rows.push(r);
        }
    }

    fn sink(&mut self) -> &mut RichText {
        if self.in_caption {
            return self.caption.get_or_insert_with(RichText::default);
        }
        &mut self
            .cell
            .get_or_insert_with(|| Cell {
                rowspan: 1,
                colspan: 1,
                ..Cell::default()
            })
            .text
    }

    fn line_break(&mut self) {
        let sink = self.sink();
        if !sink.plain.is_empty() && !sink.plain.ends_with('\n') {
            trim_end_spaces(sink);
            sink.push_break();
        }
    }

    fn start(&mut self, t: &Token<'_>, name: &str, limits: &Limits) -> Result<(), LoadError> {
        match name {
            "tr" => self.finish_row(),
            "td" | "th" => {
                self.finish_cell();
                self.cells += 1;
                if self.cells > limits.max_blocks {
                    return Err(LoadError::LimitExceeded {
                        path: String::new(),
                        limit: limits.max_blocks,
                    });
                }
                let scope = t
                    .attr("scope")
                    .map(|s| s.trim().to_ascii_lowercase())
                    .filter(|s| ["row", "col", "rowgroup", "colgroup"].contains(&s.as_str()));
                self.cell = Some(Cell {
                    text: RichText::default(),
                    header: name == "th",
                    scope: scope.filter(|_| name == "th"),
                    rowspan: span_attr(t, "rowspan", MAX_ROWSPAN),
                    colspan: span_attr(t, "colspan", MAX_COLSPAN),
                });
            }
            "caption" => self.in_caption = true,
            "img" => self
                .images
                .push((image_source(t), t.attr("alt").map(str::to_owned))),
            "br" => self.line_break(),
            "p" | "div" | "li" => self.line_break(),
            "strong" | "b" => self.strong += 1,
            "em" | "i" => self.em += 1,
            "sup" => self.sup += 1,
            "sub" => self.sub += 1,
            "a" => {
                let href = t.attr("href").and_then(safe_link);
                if let Some(h) = href
                    .as_deref()
                    .filter(|h| Attachment::from_link(h, "").is_some())
                {
                    self.file_link = Some((h.to_owned(), String::new()));
                }
                self.links.push(href);
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "tr" => self.finish_row(),
            "td" | "th" => self.finish_cell(),
            "caption" => self.in_caption = false,
            "p" | "div" => self.line_break(),
            "strong" | "b" => self.strong = self.strong.saturating_sub(1),
            "em" | "i" => self.em = self.em.saturating_sub(1),
            "sup" => self.sup = self.sup.saturating_sub(1),
            "sub" => self.sub = self.sub.saturating_sub(1),
            "a" => {
                self.links.pop();
                if let Some((url, text)) = self.file_link.take() {
                    self.attachments.extend(Attachment::from_link(&url, &text));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.cell.is_none() && !self.in_caption && s.trim().is_empty() {
            return;
        }
        if let Some((_, t)) = &mut self.file_link {
            t.push_str(s);
        }
        let (strong, em) = (self.strong > 0, self.em > 0);
        let script = script_of(self.sup, self.sub);
        let href = self.links.last().cloned().flatten();
        push_collapsed(self.sink(), s, strong, em, href.as_deref(), script);
    }
}

/// The script of text inside `sup`/`sub` elements (the innermost wins;
/// superscript when both).
pub(super) fn script_of(sup: usize, sub: usize) -> Option<Script> {
    if sup > 0 {
        Some(Script::Super)
    } else if sub > 0 {
        Some(Script::Sub)
    } else {
        None
    }
}

/// Reads the tokens of a data table.
pub(super) fn table_from_tokens(
    tokens: &[Token<'_>],
    limits: &Limits,
    path: &str,
) -> Result<DataTable, LoadError> {
    let mut r = Reader::default();
    for t in tokens {
        match t {
            Token::Text(s) => r.text(s),
            Token::Start { name, .. } => r.start(t, name, limits).map_err(|e| match e {
                LoadError::LimitExceeded { limit, .. } => LoadError::LimitExceeded {
                    path: path.to_owned(),
                    limit,
                },
                e => e,
            })?,
            Token::End { name } => r.end(name),
            // A `noscript`'s markup is not cell text.
            Token::Raw(_) => {}
        }
    }
    r.finish_row();
    let caption = r.caption.map(trim_rich).filter(|c| !c.is_blank());
    let has_text = r.rows.iter().flatten().any(|c| !c.text.is_blank());
    let table = (has_text || caption.is_some()).then_some(Table {
        caption,
        rows: r.rows,
    });
    Ok(DataTable {
        table,
        attachments: r.attachments,
        images: r.images,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::html::tokenizer::Tokenizer;

    fn toks(html: &str) -> Vec<Token<'_>> {
        Tokenizer::new(html).collect()
    }

    #[test]
    fn tells_data_tables_from_layout() {
        assert!(is_data_table(&toks("<tr><th>a</th><td>b</td></tr>")));
        assert!(!is_data_table(&toks(
            "<tr><td><p>all the page</p></td></tr>"
        )));
        assert!(!is_data_table(&toks(
            "<tr><td>a</td><td><h2>b</h2></td></tr>"
        )));
        assert!(!is_data_table(&toks(
            r#"<tr><td class="gutter"><pre>1</pre></td><td class="code">x</td></tr>"#
        )));
    }

    #[test]
    fn reads_cells_spans_scope_and_caption() {
        let html = r#"<caption>季度 &amp; 统计</caption><thead><tr><th scope="col">季度</th><th scope=COL colspan="2">收入</th></tr></thead>
            <tbody><tr><th scope="row" rowspan="0">Q1</th><td>1<sup>2</sup></td><td><a href="/f.pdf">名单</a><br>b</td></tr>
            <tr><td colspan=99999>x</td></tr></tbody>"#;
        let t = table_from_tokens(&toks(html), &Limits::default(), "p").unwrap();
        let table = t.table.unwrap();
        assert_eq!(table.caption.unwrap().plain, "季度 & 统计");
        assert_eq!(table.rows.len(), 3);
        let h = &table.rows[0][1];
        assert!(h.header && h.colspan == 2 && h.scope.as_deref() == Some("col"));
        let q1 = &table.rows[1][0];
        assert_eq!((q1.rowspan, q1.scope.as_deref()), (1, Some("row")));
        let sup = &table.rows[1][1].text;
        assert_eq!(sup.plain, "12");
        assert_eq!(sup.spans[1].script, Some(Script::Super));
        assert_eq!(table.rows[1][2].text.plain, "名单\nb");
        assert_eq!(table.rows[2][0].colspan, MAX_COLSPAN);
        assert_eq!(t.attachments.len(), 1);
        assert_eq!(t.attachments[0].name, "名单");
        let small = Limits {
            max_blocks: 2,
            ..Limits::default()
        };
        assert!(table_from_tokens(&toks(html), &small, "p").is_err());
    }
}
