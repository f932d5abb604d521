//! The native format's blocks: paragraphs, headings, lists, quotes,
//! images, code, rules, tables, definition lists, embeds and attachments,
//! and the rich text inside them.

use crate::core::json::Value;

use super::super::fields::{
    check_count, check_len, image_size, index_path, invalid, missing, wrong_type, Obj,
};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Attachment, Block, Cell, Definition, Embed, EmbedKind, RichText, Table};
use crate::core::text::{push_with_breaks, trim_rich};
use crate::core::url::{safe_image, safe_link};

/// One block. `None` for a block that is dropped: blank text, an empty
/// list, or an image whose `src` fails the image policy (the whole block,
/// caption included, goes: a caption without its picture misleads).
pub(super) fn parse_block(b: &Obj<'_>) -> Result<Option<Block>, LoadError> {
    let kind = b.str_req("type")?;
    let text = |key: &str| -> Result<RichText, LoadError> {
        let v = b.get(key).ok_or_else(|| missing(b.at(key)))?;
        rich_text(v, &b.at(key), b.limits())
    };
    let block = match kind {
        "paragraph" => Block::Paragraph(text("text")?),
        "heading" => Block::Heading {
            level: heading_level(b)?,
            text: text("text")?,
        },
        "quote" => Block::Quote {
            text: text("text")?,
            cite: b.text_opt("cite")?,
        },
        "list" => {
            let ordered = b.bool_opt("ordered")?.unwrap_or(false);
            let items_path = b.at("items");
            let raw = b.array_req("items")?;
            check_count(raw.len(), &items_path, b.limits().max_blocks)?;
            let mut items = Vec::with_capacity(raw.len());
            for (m, v) in raw.iter().enumerate() {
                let item = rich_text(v, &index_path(&items_path, m), b.limits())?;
                if !item.is_blank() {
                    items.push(item);
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            return Ok(Some(Block::List { ordered, items }));
        }
        "image" => {
            let src = b.str_req("src")?;
            let caption = match b.get("caption") {
                Some(v) => Some(rich_text(v, &b.at("caption"), b.limits())?),
                None => None,
            };
            let alt = b.text_opt("alt")?.unwrap_or_default();
            let Some(src) = safe_image(src) else {
                return Ok(None);
            };
            let size = image_size(b.count_opt("width")?, b.count_opt("height")?);
            return Ok(Some(Block::Image {
                src,
                alt,
                size,
                caption: caption.filter(|c| !c.is_blank()),
            }));
        }
        "code" => {
            let code = decode_char_refs(b.str_req("text")?, false);
            let code = code.trim_end().trim_start_matches(['\n', '\r']);
            if code.trim().is_empty() {
                return Ok(None);
            }
            return Ok(Some(Block::Code {
                text: code.replace("\r\n", "\n"),
                lang: b.text_opt("lang")?,
            }));
        }
        "rule" => return Ok(Some(Block::Rule)),
        "table" => return parse_table(b).map(|t| t.map(Block::Table)),
        "definitions" => return parse_definitions(b),
        "embed" => {
            let kind = match b.text_opt("kind")?.as_deref() {
                None | Some("page") => EmbedKind::Page,
                Some("video") => EmbedKind::Video,
                Some("audio") => EmbedKind::Audio,
                Some(_) => return Err(invalid(b.at("kind"), "must be video, audio or page")),
            };
            let title = b.text_opt("title")?;
            return Ok(b
                .str_req("url")
                .map(safe_link)?
                .map(|url| Block::Embed(Embed { kind, url, title })));
        }
        "attachments" => return parse_attachments(b),
        other => {
            let shown: String = other.chars().take(40).collect();
            return Err(invalid(
                b.at("type"),
                format!("unknown block type \"{shown}\" (expected paragraph, heading, list, quote, image, code, rule, table, definitions, embed or attachments)"),
            ));
        }
    };
    let blank = match &block {
        Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
            t.is_blank()
        }
        _ => false,
    };
    Ok((!blank).then_some(block))
}

/// `{"type": "table", "caption"?, "rows": [[cell, …], …]}`: a cell is a
/// text, or `{"text", "header"?, "scope"?, "rowspan"?, "colspan"?}`.
fn parse_table(b: &Obj<'_>) -> Result<Option<Table>, LoadError> {
    let caption = match b.get("caption") {
        Some(v) => Some(rich_text(v, &b.at("caption"), b.limits())?).filter(|c| !c.is_blank()),
        None => None,
    };
    let rows_path = b.at("rows");
    let raw = b.array_req("rows")?;
    let mut rows = Vec::with_capacity(raw.len());
    let mut count = 0;
    for (r, row) in raw.iter().enumerate() {
        let row_path = index_path(&rows_path, r);
        let Value::Array(cells) = row else {
            return Err(wrong_type(row_path, "an array"));
        };
        count += cells.len();
        check_count(count, &row_path, b.limits().max_blocks)?;
        let mut out = Vec::with_capacity(cells.len());
        for (c, v) in cells.iter().enumerate() {
            out.push(parse_cell(v, &index_path(&row_path, c), b.limits())?);
        }
        if !out.is_empty() {
            rows.push(out);
        }
    }
    let has_text = rows.iter().flatten().any(|c| !c.text.is_blank());
    Ok((has_text || caption.is_some()).then_some(Table { caption, rows }))
}

fn parse_cell(v: &Value, path: &str, limits: &Limits) -> Result<Cell, LoadError> {
    let Value::Object(_) = v else {
        return Ok(Cell {
            text: rich_text(v, path, limits)?,
            rowspan: 1,
            colspan: 1,
            ..Cell::default()
        });
    };
    let o = Obj::new(v, path.to_owned(), limits)?;
    let span = |key: &str, max: u64| -> Result<u32, LoadError> {
        match o.get(key) {
            None => Ok(1),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(k) if k >= 1 => Ok(k.min(max) as u32),
                _ => Err(invalid(o.at(key), "must be a whole number from 1")),
            },
            Some(_) => Err(wrong_type(o.at(key), "a number")),
        }
    };
    let header = o.bool_opt("header")?.unwrap_or(false);
    let scope = match o.text_opt("scope")? {
        Some(s) if ["row", "col", "rowgroup", "colgroup"].contains(&s.as_str()) => Some(s),
        Some(_) => {
            return Err(invalid(
                o.at("scope"),
                "must be row, col, rowgroup or colgroup",
            ))
        }
        None => None,
    };
    let text = o.get("text").ok_or_else(|| missing(o.at("text")))?;
    Ok(Cell {
        text: rich_text(text, &o.at("text"), limits)?,
        header,
        scope: scope.filter(|_| header),
        rowspan: span("rowspan", 65_534)?,
        colspan: span("colspan", 1_000)?,
    })
}

/// `{"type": "definitions", "items": [{"term", "details": [text, …]}]}`.
fn parse_definitions(b: &Obj<'_>) -> Result<Option<Block>, LoadError> {
    let items_path = b.at("items");
    let raw = b.array_req("items")?;
    let mut out = Vec::new();
    for (i, v) in raw.iter().enumerate() {
        let item = Obj::new(v, index_path(&items_path, i), b.limits())?;
        let term = item.get("term").ok_or_else(|| missing(item.at("term")))?;
        let mut texts = vec![(true, rich_text(term, &item.at("term"), b.limits())?)];
        if let Some(details) = item.array_opt("details")? {
            for (d, v) in details.iter().enumerate() {
                let path = index_path(&item.at("details"), d);
                texts.push((false, rich_text(v, &path, b.limits())?));
            }
        }
        for (term, text) in texts {
            if !text.is_blank() {
                out.push(Definition { term, text });
            }
        }
        check_count(out.len(), &items_path, b.limits().max_blocks)?;
    }
    Ok((!out.is_empty()).then_some(Block::Definitions(out)))
}

/// `{"type": "attachments", "items": [{"url", "name"?}]}`; a file whose URL
/// fails the link policy is left out.
fn parse_attachments(b: &Obj<'_>) -> Result<Option<Block>, LoadError> {
    let items_path = b.at("items");
    let raw = b.array_req("items")?;
    check_count(raw.len(), &items_path, b.limits().max_blocks)?;
    let mut files = Vec::new();
    for (i, v) in raw.iter().enumerate() {
        let item = Obj::new(v, index_path(&items_path, i), b.limits())?;
        let Some(url) = safe_link(item.str_req("url")?) else {
            continue;
        };
        let name = item.text_opt("name")?.unwrap_or_default();
        let file = Attachment::from_link(&url, &name).unwrap_or_else(|| Attachment {
            name: if name.is_empty() { url.clone() } else { name },
            kind: "file".into(),
            url,
        });
        files.push(file);
    }
    Ok((!files.is_empty()).then_some(Block::Attachments(files)))
}

/// `level`: 2, 3 or 4 (default 2). 1 is read as 2 and 5–6 as 4, as in
/// HTML, since the title is the page's only `h1`.
fn heading_level(b: &Obj<'_>) -> Result<u8, LoadError> {
    match b.get("level") {
        None => Ok(2),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(1 | 2) => Ok(2),
            Some(3) => Ok(3),
            Some(4..=6) => Ok(4),
            _ => Err(invalid(b.at("level"), "must be 2, 3 or 4")),
        },
        Some(_) => Err(wrong_type(b.at("level"), "a number")),
    }
}

/// A text: a plain string (newlines become line breaks) or an array of
/// inline pieces — strings, `{"text", "strong"?, "em"?, "href"?}` or
/// `{"break": true}`. An `href` that fails the link policy is dropped and
/// its text kept. The result is trimmed.
pub(crate) fn rich_text(v: &Value, path: &str, limits: &Limits) -> Result<RichText, LoadError> {
    let mut rt = RichText::default();
    match v {
        Value::String(s) => {
            check_len(s, path, limits)?;
            push_with_breaks(&mut rt, &decode_char_refs(s, false), false, false, None);
        }
        Value::Array(pieces) => {
            check_count(pieces.len(), path, limits.max_blocks)?;
            for (i, piece) in pieces.iter().enumerate() {
                let p = index_path(path, i);
                match piece {
                    Value::String(s) => {
                        check_len(s, &p, limits)?;
                        push_with_breaks(&mut rt, &decode_char_refs(s, false), false, false, None);
                    }
                    Value::Object(_) => {
                        let o = Obj::new(piece, p, limits)?;
                        if o.bool_opt("break")? == Some(true) {
                            rt.push_break();
                            continue;
                        }
                        let text = o.str_req("text")?;
                        let href = o.str_opt("href")?.and_then(safe_link);
                        let strong = o.bool_opt("strong")?.unwrap_or(false);
                        let em = o.bool_opt("em")?.unwrap_or(false);
                        let text = decode_char_refs(text, false);
                        push_with_breaks(&mut rt, &text, strong, em, href.as_deref());
                    }
                    _ => return Err(wrong_type(p, "a string or an object")),
                }
            }
        }
        _ => return Err(wrong_type(path, "a string or an array")),
    }
    Ok(trim_rich(rt))
}
