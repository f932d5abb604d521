//! The native format, version 1: `{"format": "article-reader", "version":
//! 1, …}`, as written by `scripts/seed_to_json.py` and documented in the
//! README. Its `publisher` and `site` objects are also used by the
//! `_article_reader` extension of JSON Feed.

mod blocks;

use crate::core::json::Value;

use super::fields::{
    check_count, index_path, invalid, key_path, missing, non_blank, wrong_type, Obj,
};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::model::{Article, FooterLink, Publisher, Site};
use crate::core::text::{one_line, slug};
use crate::core::url::safe_link;
use blocks::parse_block;
pub(crate) use blocks::rich_text;

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
    use crate::core::limits::Limits;
    use crate::core::model::{Block, EmbedKind};

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
