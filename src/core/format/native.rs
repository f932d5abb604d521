//! The native format, version 1: `{"format": "article-reader", "version":
//! 1, …}`, as written by `scripts/seed_to_json.py` and documented in the
//! README. Its `publisher` and `site` objects are also used by the
//! `_article_reader` extension of JSON Feed.

use crate::core::json::Value;

use super::fields::{
    check_count, image_size, index_path, invalid, key_path, missing, non_blank, wrong_type, Obj,
};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{
    Article, Attachment, Block, Cell, Definition, Embed, EmbedKind, FooterLink, Publisher,
    RichText, Site, Table,
};
use crate::core::text::{one_line, push_with_breaks, slug, trim_rich};
use crate::core::url::{safe_image, safe_link};

/// Checks `version`: the number 1 or the string "1".
fn check_version(obj: &Obj<'_>) -> Result<(), LoadError> {
    let found = match obj.get("version") {
        None => return Err(missing(obj.at("version"))),
        Some(Value::Number(n)) if n.as_u64() == Some(1) => return Ok(()),
        Some(Value::String(s)) if s.trim() == "1" => return Ok(()),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.chars().take(40).collect(),
        Some(_) => return Err(wrong_type(obj.at("version"), "a number")),
    };
    Err(LoadError::UnsupportedVersion { found })
}

/// Reads a native document; `position` (its index in an array of
/// documents) is used to derive an id when there is neither id, URL nor a
/// usable title.
// Fields are filled into one `Article` rather than built in a struct
// literal: each `?` then drops one value instead of its own set of finished
// fields, which kept a copy of that clean-up code per field in the wasm.
#[allow(clippy::field_reassign_with_default)]
pub(crate) fn parse(obj: &Obj<'_>, position: usize) -> Result<Article, LoadError> {
    check_version(obj)?;
    let mut a = Article::default();
    a.title = one_line(&decode_char_refs(obj.str_req("title")?, false));
    if a.title.is_empty() {
        return Err(invalid(obj.at("title"), "must not be empty"));
    }
    a.url = obj.str_opt("url")?.and_then(safe_link);
    let id = match obj.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => obj.text_opt("id")?,
        None => None,
    };
    a.id = id
        .or_else(|| a.url.clone())
        .or_else(|| slug(&a.title))
        .unwrap_or_else(|| format!("article-{}", position + 1));
    if let Some(v) = obj.get("lead") {
        a.lead = Some(rich_text(v, &obj.at("lead"), obj.limits())?).filter(|t| !t.is_blank());
    }
    let blocks_path = obj.at("blocks");
    let raw_blocks = obj.array_req("blocks")?;
    check_count(raw_blocks.len(), &blocks_path, obj.limits().max_blocks)?;
    a.blocks.reserve_exact(raw_blocks.len());
    for (n, v) in raw_blocks.iter().enumerate() {
        let block = Obj::new(v, index_path(&blocks_path, n), obj.limits())?;
        if let Some(b) = parse_block(&block)? {
            a.blocks.push(b);
        }
    }
    a.lang = obj.text_opt("lang")?;
    a.published = obj.text_opt("published")?;
    a.source = obj.text_opt("source")?;
    a.views = obj.count_opt("views")?;
    a.author = obj.text_opt("author")?;
    if let Some(p) = obj.object_opt("publisher")? {
        a.publisher = Some(parse_publisher(&p)?).filter(|p| !p.is_empty());
    }
    a.site = parse_site(obj)?;
    Ok(a)
}

/// One block. `None` for a block that is dropped: blank text, an empty
/// list, or an image whose `src` fails the image policy (the whole block,
/// caption included, goes: a caption without its picture misleads).
fn parse_block(b: &Obj<'_>) -> Result<Option<Block>, LoadError> {
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
            super::fields::check_len(s, path, limits)?;
            push_with_breaks(&mut rt, &decode_char_refs(s, false), false, false, None);
        }
        Value::Array(pieces) => {
            check_count(pieces.len(), path, limits.max_blocks)?;
            for (i, piece) in pieces.iter().enumerate() {
                let p = index_path(path, i);
                match piece {
                    Value::String(s) => {
                        super::fields::check_len(s, &p, limits)?;
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

/// The publisher footer object.
pub(crate) fn parse_publisher(p: &Obj<'_>) -> Result<Publisher, LoadError> {
    let mut links = Vec::new();
    if let Some(raw) = p.array_opt("links")? {
        let links_path = p.at("links");
        check_count(raw.len(), &links_path, p.limits().max_blocks)?;
        for (i, v) in raw.iter().enumerate() {
            let l = Obj::new(v, index_path(&links_path, i), p.limits())?;
            let text = l.str_req("text")?;
            let Some(text) = non_blank(&decode_char_refs(text, false)) else {
                return Err(invalid(l.at("text"), "must not be empty"));
            };
            links.push(FooterLink {
                text,
                href: l.str_opt("href")?.and_then(safe_link),
                title: l.text_opt("title")?,
            });
        }
    }
    Ok(Publisher {
        organiser: p.text_opt("organiser")?,
        address: p.text_opt("address")?,
        phone: p.text_or_number_opt("phone")?,
        email: p.text_opt("email")?,
        postcode: p.text_or_number_opt("postcode")?,
        icp: p.text_opt("icp")?,
        links,
    })
}

/// The `site` field of `obj`: `{name, url?}`, or just the name as a string.
pub(crate) fn parse_site(obj: &Obj<'_>) -> Result<Option<Site>, LoadError> {
    let path = obj.at("site");
    match obj.get("site") {
        None => Ok(None),
        Some(Value::String(_)) => Ok(obj.text_opt("site")?.map(|name| Site { name, url: None })),
        Some(v @ Value::Object(_)) => {
            let s = Obj::new(v, path.clone(), obj.limits())?;
            let Some(name) = s.text_opt("name")? else {
                return Err(missing(key_path(&path, "name")));
            };
            Ok(Some(Site {
                name,
                url: s.str_opt("url")?.and_then(safe_link),
            }))
        }
        Some(_) => Err(wrong_type(path, "an object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::json;

    fn parse_json(v: Value) -> Result<Article, LoadError> {
        let limits = Limits::default();
        parse(&Obj::new(&v, String::new(), &limits)?, 0)
    }

    fn doc(blocks: Value) -> Value {
        json!({"format": "article-reader", "version": 1, "title": "标题", "blocks": blocks})
    }

    #[test]
    fn minimal_document_derives_an_id() {
        let a = parse_json(doc(json!([]))).unwrap();
        assert_eq!(a.id, "标题");
        assert_eq!(a.title, "标题");
        assert!(a.blocks.is_empty());
        let mut v = doc(json!([]));
        v["url"] = json!("https://a.cn/1.html");
        assert_eq!(parse_json(v).unwrap().id, "https://a.cn/1.html");
    }

    #[test]
    fn every_block_type() {
        let a = parse_json(doc(json!([
            {"type": "paragraph", "text": ["普通", {"text": "粗", "strong": true}, {"break": true},
                {"text": "链接", "href": "https://a.cn"}, {"text": "坏", "href": "javascript:x"}]},
            {"type": "heading", "text": "小节", "level": 3},
            {"type": "heading", "text": "默认"},
            {"type": "list", "ordered": true, "items": ["一", ["二", {"text": "!", "em": true}], " "]},
            {"type": "quote", "text": "引文", "cite": "某人"},
            {"type": "image", "src": "/a.png", "alt": "图", "caption": "说明"},
            {"type": "image", "src": "javascript:alert(1)", "caption": "丢弃"},
            {"type": "paragraph", "text": "  "},
        ])))
        .unwrap();
        assert_eq!(a.blocks.len(), 6);
        let Block::Paragraph(p) = &a.blocks[0] else {
            panic!()
        };
        assert_eq!(p.plain, "普通粗\n链接坏");
        assert!(p.spans[1].strong && p.spans[2].line_break);
        assert_eq!(p.spans[3].href.as_deref(), Some("https://a.cn"));
        assert_eq!(p.spans[4].href, None);
        assert!(matches!(&a.blocks[1], Block::Heading { level: 3, .. }));
        assert!(matches!(&a.blocks[2], Block::Heading { level: 2, .. }));
        let Block::List {
            ordered: true,
            items,
        } = &a.blocks[3]
        else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].plain, "二!");
        assert!(matches!(&a.blocks[4], Block::Quote { cite: Some(c), .. } if c == "某人"));
        assert!(matches!(&a.blocks[5], Block::Image { src, .. } if src == "/a.png"));
    }

    #[test]
    fn errors_name_the_field() {
        let e = |blocks: Value| parse_json(doc(blocks)).unwrap_err();
        assert_eq!(e(json!([{"type": "paragraph"}])), missing("blocks[0].text"));
        assert_eq!(
            e(json!([{"type": "paragraph", "text": "a"}, {"type": "paragraph", "text": 3}])),
            wrong_type("blocks[1].text", "a string or an array")
        );
        assert!(matches!(e(json!([{"type": "video"}])),
            LoadError::InvalidValue { path, .. } if path == "blocks[0].type"));
        assert_eq!(e(json!([1])), wrong_type("blocks[0]", "an object"));
        assert_eq!(
            e(json!([{"type": "list", "items": [1]}])),
            wrong_type("blocks[0].items[0]", "a string or an array")
        );
        assert_eq!(
            e(json!([{"type": "heading", "text": "x", "level": 9}])),
            invalid("blocks[0].level", "must be 2, 3 or 4")
        );
        let mut v = doc(json!([]));
        v["publisher"] = json!({"phone": true});
        assert_eq!(
            parse_json(v).unwrap_err(),
            wrong_type("publisher.phone", "a string")
        );
    }

    #[test]
    fn versions() {
        for ok in [json!(1), json!("1"), json!(1.0)] {
            let mut v = doc(json!([]));
            v["version"] = ok;
            assert!(parse_json(v).is_ok());
        }
        let mut v = doc(json!([]));
        v["version"] = json!(2);
        assert_eq!(
            parse_json(v).unwrap_err(),
            LoadError::UnsupportedVersion { found: "2".into() }
        );
    }

    #[test]
    fn views_footer_and_site() {
        let mut v = doc(json!([]));
        v["views"] = json!("1234");
        v["site"] = json!("宝鸡先锋");
        v["publisher"] =
            json!({"postcode": 721000, "links": [{"text": "旧版", "href": "vbscript:x"}]});
        let a = parse_json(v).unwrap();
        assert_eq!(a.views, Some(1234));
        assert_eq!(a.site.unwrap().name, "宝鸡先锋");
        let p = a.publisher.unwrap();
        assert_eq!(p.postcode.as_deref(), Some("721000"));
        assert_eq!(p.links[0].href, None);
    }

    #[test]
    fn the_version_1_additions() {
        let v = json!({"format": "article-reader", "version": 1, "title": "t", "blocks": [
            {"type": "code", "text": "\nfn f() {\n    1\n}\n", "lang": "rust"},
            {"type": "rule"},
            {"type": "table", "caption": "c", "rows": [
                [{"text": "h", "header": true, "scope": "col", "colspan": 2}],
                ["a", {"text": ["b", {"text": "!", "strong": true}], "rowspan": 3}]]},
            {"type": "definitions", "items": [{"term": "T", "details": ["d1", "d2"]}]},
            {"type": "embed", "kind": "video", "url": "https://v.example/1", "title": "V"},
            {"type": "embed", "url": "javascript:alert(1)"},
            {"type": "attachments", "items": [{"url": "/f/a.pdf", "name": "A"}, {"url": "/b"}]}
        ]});
        let a = parse_json(v).unwrap();
        assert_eq!(a.blocks.len(), 6);
        assert_eq!(
            a.blocks[0],
            Block::Code {
                text: "fn f() {\n    1\n}".into(),
                lang: Some("rust".into())
            }
        );
        assert_eq!(a.blocks[1], Block::Rule);
        let Block::Table(t) = &a.blocks[2] else {
            panic!()
        };
        assert_eq!(t.caption.as_ref().unwrap().plain, "c");
        assert!(t.rows[0][0].header && t.rows[0][0].colspan == 2);
        assert_eq!(t.rows[0][0].scope.as_deref(), Some("col"));
        assert_eq!(
            (t.rows[1][1].text.plain.as_str(), t.rows[1][1].rowspan),
            ("b!", 3)
        );
        let Block::Definitions(ds) = &a.blocks[3] else {
            panic!()
        };
        assert_eq!(
            ds.iter().map(|d| d.term).collect::<Vec<_>>(),
            [true, false, false]
        );
        assert!(matches!(&a.blocks[4], Block::Embed(e) if e.kind == EmbedKind::Video));
        let Block::Attachments(f) = &a.blocks[5] else {
            panic!()
        };
        assert_eq!((f[0].kind.as_str(), f[0].name.as_str()), ("pdf", "A"));
        assert_eq!((f[1].kind.as_str(), f[1].name.as_str()), ("file", "/b"));
        let bad = json!({"format": "article-reader", "version": 1, "title": "t", "blocks": [
            {"type": "table", "rows": [[{"text": "x", "colspan": 0}]]}]});
        assert_eq!(
            parse_json(bad).unwrap_err(),
            invalid(
                "blocks[0].rows[0][0].colspan",
                "must be a whole number from 1"
            )
        );
    }
}
