//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>): a feed is a
//! [`Collection`], each item an [`Article`].
//!
//! The `_article_reader` extension object, on the feed and on items, carries
//! what JSON Feed has no field for: `source` (来源), `views` (点击数), and the
//! native format's `publisher` and `site`. The feed's values are the
//! defaults for its items.

use crate::core::json::Value;

use super::fields::{check_count, index_path, markup_to_text, missing, non_blank, wrong_type, Obj};
use super::native::{parse_publisher, parse_site};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::html::blocks_from_html_at;
use crate::core::model::{Article, Block, Collection, Publisher, Site, Skipped};
use crate::core::text::{
    dedupe_ids, one_line, paragraphs_by_blank_lines, rich_from_str, title_from_text,
};
use crate::core::url::{safe_image, safe_link};

/// How many characters of the text make a title for an untitled item.
const DERIVED_TITLE_CHARS: usize = 30;

/// True when `version` names JSON Feed 1.x.
pub(crate) fn is_feed_version(version: &str) -> bool {
    let v = version.trim();
    v.starts_with("https://jsonfeed.org/version/1")
        || v.starts_with("http://jsonfeed.org/version/1")
}

/// Feed-level values items inherit.
struct Defaults {
    author: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    publisher: Option<Publisher>,
    site: Option<Site>,
}

/// Reads a feed.
pub(crate) fn parse(feed: &Obj<'_>) -> Result<Collection, LoadError> {
    let title = one_line(&decode_char_refs(feed.str_req("title")?, false));
    let ext = feed.object_opt("_article_reader")?;
    let (source, publisher, site) = match &ext {
        Some(e) => (
            e.text_opt("source")?,
            e.object_opt("publisher")?
                .map(|p| parse_publisher(&p))
                .transpose()?
                .filter(|p| !p.is_empty()),
            parse_site(e)?,
        ),
        None => (None, None, None),
    };
    let defaults = Defaults {
        author: authors(feed)?,
        lang: feed.text_opt("language")?,
        source,
        publisher: publisher.clone(),
        site: site.clone(),
    };

    let items_path = feed.at("items");
    let raw = feed.array_req("items")?;
    if raw.is_empty() {
        return Err(LoadError::EmptyCollection);
    }
    check_count(raw.len(), &items_path, feed.limits().max_items)?;
    let mut items = Vec::with_capacity(raw.len());
    let mut skipped = Vec::new();
    for (n, v) in raw.iter().enumerate() {
        // One broken item is left out (and reported), not the whole feed.
        let item = Obj::new(v, index_path(&items_path, n), feed.limits())
            .and_then(|item| parse_item(&item, &defaults, n));
        match item {
            Ok(a) => items.push(a),
            Err(reason) => skipped.push(Skipped { index: n, reason }),
        }
    }
    if items.is_empty() {
        // Nothing to show: the first item's problem is the document's.
        return Err(skipped.swap_remove(0).reason);
    }
    dedupe_ids(&mut items);

    Ok(Collection {
        title,
        skipped,
        home_url: feed.str_opt("home_page_url")?.and_then(safe_link),
        feed_url: feed.str_opt("feed_url")?.and_then(safe_link),
        description: feed.text_opt("description")?,
        items,
        publisher,
        site,
    })
}

/// `authors[].name` (1.1) or `author.name` (1.0), joined with "、".
fn authors(obj: &Obj<'_>) -> Result<Option<String>, LoadError> {
    let mut names = Vec::new();
    if let Some(list) = obj.array_opt("authors")? {
        let path = obj.at("authors");
        for (i, v) in list.iter().enumerate() {
            let a = Obj::new(v, index_path(&path, i), obj.limits())?;
            names.extend(a.text_opt("name")?);
        }
    } else if let Some(a) = obj.object_opt("author")? {
        names.extend(a.text_opt("name")?);
    }
    Ok((!names.is_empty()).then(|| names.join("、")))
}

/// Reads item `n` of a feed. An item without an id (or with an empty one)
/// gets one from its URL or position; an item without content shows its
/// title, summary and a link to the original.
fn parse_item(item: &Obj<'_>, defaults: &Defaults, n: usize) -> Result<Article, LoadError> {
    let given = match item.get("id") {
        None => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(_)) => item.text_opt("id")?,
        Some(_) => return Err(wrong_type(item.at("id"), "a string or a number")),
    };
    let url = item.str_opt("url")?.and_then(safe_link);
    let id = given
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("item-{}", n + 1));

    // HTML is preferred when both are given: it carries the structure
    // (headings, lists) that plain text loses.
    let html = item.str_opt("content_html")?;
    let text = item.str_opt("content_text")?;
    let mut blocks = match (html, text) {
        (Some(h), _) if !h.trim().is_empty() || text.is_none() => {
            blocks_from_html_at(h, item.limits(), &item.at("content_html"))?
        }
        (_, Some(t)) => {
            let paras = paragraphs_by_blank_lines(&decode_char_refs(t, false));
            check_count(
                paras.len(),
                &item.at("content_text"),
                item.limits().max_blocks,
            )?;
            paras.into_iter().map(Block::Paragraph).collect()
        }
        (Some(_), None) | (None, None) => Vec::new(),
    };
    // The item's main image leads, unless the content already shows it.
    if let Some(src) = item.str_opt("image")?.and_then(safe_image) {
        let shown = blocks
            .iter()
            .any(|b| matches!(b, Block::Image { src: s, .. } if *s == src));
        if !shown {
            blocks.insert(
                0,
                Block::Image {
                    src,
                    alt: String::new(),
                    caption: None,
                    size: None,
                },
            );
            check_count(blocks.len(), &item.at("image"), item.limits().max_blocks)?;
        }
    }

    // Summaries are plain text by the spec; generators often write HTML.
    let lead = item
        .text_opt("summary")?
        .map(|s| rich_from_str(&markup_to_text(&s, item.limits())))
        .filter(|t| !t.is_blank());
    let title = match item.text_opt("title")? {
        Some(t) => one_line(&t),
        None => derived_title(lead.as_ref().map(|l| l.plain.as_str()), &blocks, &id),
    };
    // Nothing to read here: point to where the text is.
    let external = item.str_opt("external_url")?.and_then(safe_link);
    if blocks.iter().all(|b| matches!(b, Block::Image { .. })) {
        if let Some(url) = url.clone().or(external) {
            blocks.push(Block::Original { url });
        } else if blocks.is_empty() && lead.is_none() && item.text_opt("title")?.is_none() {
            return Err(missing(item.at("content_text")));
        }
    }

    let ext = item.object_opt("_article_reader")?;
    let (mut source, mut views, mut publisher, mut site) = (None, None, None, None);
    if let Some(e) = &ext {
        source = e.text_opt("source")?;
        views = e.count_opt("views")?;
        publisher = e
            .object_opt("publisher")?
            .map(|p| parse_publisher(&p))
            .transpose()?
            .filter(|p| !p.is_empty());
        site = parse_site(e)?;
    }

    Ok(Article {
        id,
        url,
        lang: item.text_opt("language")?.or_else(|| defaults.lang.clone()),
        title,
        published: item.text_opt("date_published")?,
        source: source.or_else(|| defaults.source.clone()),
        views,
        author: authors(item)?.or_else(|| defaults.author.clone()),
        lead,
        blocks,
        publisher: publisher.or_else(|| defaults.publisher.clone()),
        site: site.or_else(|| defaults.site.clone()),
    })
}

/// A title for an item without one: the start of its summary or first
/// text block, else its id.
fn derived_title(summary: Option<&str>, blocks: &[Block], id: &str) -> String {
    let first_text = blocks.iter().find_map(|b| match b {
        Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
            Some(t.plain.as_str())
        }
        Block::List { items, .. } => items.first().map(|i| i.plain.as_str()),
        _ => None,
    });
    summary
        .or(first_text)
        .and_then(non_blank)
        .map(|t| title_from_text(&t, DERIVED_TITLE_CHARS))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::Limits;
    use crate::core::json::json;

    fn read(v: Value) -> Result<Collection, LoadError> {
        let limits = Limits::default();
        parse(&Obj::new(&v, String::new(), &limits)?)
    }

    fn feed(items: Value) -> Value {
        json!({"version": "https://jsonfeed.org/version/1.1", "title": "要闻", "items": items})
    }

    #[test]
    fn text_items_split_paragraphs_and_derive_titles() {
        let c = read(feed(json!([
            {"id": 1, "content_text": "第一段第一行\n第一行续\n\n第二段,这一段比较长,超过三十个字的话标题会被截断并加上省略号才对吧"},
            {"id": "b", "title": " 有标题 ", "content_text": "正文"}
        ])))
        .unwrap();
        assert_eq!(c.title, "要闻");
        let a = &c.items[0];
        assert_eq!(a.id, "1");
        assert_eq!(a.title, "第一段第一行\n第一行续".replace('\n', " "));
        assert_eq!(a.blocks.len(), 2);
        let Block::Paragraph(p) = &a.blocks[0] else {
            panic!()
        };
        assert!(p.spans.iter().any(|s| s.line_break));
        assert_eq!(c.items[1].title, "有标题");
    }

    #[test]
    fn html_items_and_defaults_from_the_feed_extension() {
        let c = read(json!({
            "version": "https://jsonfeed.org/version/1", "title": "t", "language": "zh-CN",
            "author": {"name": "编辑部"},
            "_article_reader": {"source": "宝鸡日报", "site": {"name": "宝鸡先锋"},
                "publisher": {"organiser": "主办单位"}},
            "items": [
                {"id": "x", "content_html": "<h2>小标题</h2><p>段落</p>", "image": "/lead.jpg",
                 "_article_reader": {"views": "42", "source": "新华社"}},
                {"id": "x", "content_html": "<p>二</p>", "authors": [{"name": "甲"}, {"name": "乙"}]}
            ]
        }))
        .unwrap();
        let (a, b) = (&c.items[0], &c.items[1]);
        assert!(matches!(&a.blocks[0], Block::Image { src, .. } if src == "/lead.jpg"));
        assert!(matches!(&a.blocks[1], Block::Heading { level: 2, .. }));
        assert_eq!(a.title, "小标题");
        assert_eq!(a.views, Some(42));
        assert_eq!(a.source.as_deref(), Some("新华社"));
        assert_eq!(b.source.as_deref(), Some("宝鸡日报"));
        assert_eq!(a.author.as_deref(), Some("编辑部"));
        assert_eq!(b.author.as_deref(), Some("甲、乙"));
        assert_eq!(b.lang.as_deref(), Some("zh-CN"));
        assert_eq!(b.id, "x-2");
        assert_eq!(b.site.as_ref().unwrap().name, "宝鸡先锋");
        assert_eq!(c.publisher.unwrap().organiser.as_deref(), Some("主办单位"));
    }

    #[test]
    fn item_errors_name_the_item() {
        assert_eq!(
            read(feed(json!([]))).unwrap_err(),
            LoadError::EmptyCollection
        );
        // A bare item is left out and reported; the others are shown.
        let c = read(feed(json!([{"id": "a", "content_text": "x"}, {"id": "b"}]))).unwrap();
        assert_eq!(c.items.len(), 1);
        assert_eq!(c.skipped[0].reason, missing("items[1].content_text"));
        assert_eq!(
            read(feed(json!([{"id": "b"}]))).unwrap_err(),
            missing("items[0].content_text")
        );
        assert_eq!(
            read(feed(json!([{"content_text": "x"}]))).unwrap().items[0].id,
            "item-1"
        );
        assert_eq!(
            read(feed(json!([{"id": "a", "title": 5, "content_text": "x"}]))).unwrap_err(),
            wrong_type("items[0].title", "a string")
        );
        assert_eq!(
            read(feed(json!([{"id": [], "content_text": "x"}]))).unwrap_err(),
            wrong_type("items[0].id", "a string or a number")
        );
        let limits = Limits {
            max_items: 1,
            ..Limits::default()
        };
        let v = feed(json!([{"id": 1, "content_text": "a"}, {"id": 2, "content_text": "b"}]));
        assert_eq!(
            parse(&Obj::new(&v, String::new(), &limits).unwrap()).unwrap_err(),
            LoadError::LimitExceeded {
                path: "items".into(),
                limit: 1
            }
        );
    }
}
