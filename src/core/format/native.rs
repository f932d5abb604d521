//! The native format, version 1: `{"format": "article-reader", "version":
//! 1, …}`, as written by `scripts/seed_to_json.py` and documented in the
//! README. Its `publisher` and `site` objects are also used by the
//! `_article_reader` extension of JSON Feed.

use crate::core::json::Value;

use super::fields::{
    check_count, index_path, invalid, key_path, missing, non_blank, wrong_type, Obj,
};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::limits::Limits;
use crate::core::model::{Article, Block, FooterLink, Publisher, RichText, Site};
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
            return Ok(Some(Block::Image {
                src,
                alt,
                caption: caption.filter(|c| !c.is_blank()),
            }));
        }
        other => {
            let shown: String = other.chars().take(40).collect();
            return Err(invalid(
                b.at("type"),
                format!("unknown block type \"{shown}\" (expected paragraph, heading, list, quote or image)"),
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
}
