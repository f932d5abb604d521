//! Format adapters: untrusted bytes or JSON in, a [`Document`] out.
//!
//! Three formats are accepted and told apart by their content, never by a
//! file name or media type (hosts serve JSON with all sorts of headers):
//!
//! - the native format: an object with `"format": "article-reader"`;
//! - JSON Feed 1.0/1.1: an object whose `version` is a jsonfeed.org URL;
//! - schema.org JSON-LD: an object whose `@type` is an article type, an
//!   object with such a node in `@graph`, or an array of JSON-LD nodes.
//!
//! Errors name the offending field by path (`blocks[3].text`), so a host
//! developer can fix the document from the message alone. Unknown fields
//! are ignored, so documents can carry more than this reader shows.

mod fields;
mod jsonfeed;
mod jsonld;
mod native;
mod resolve;

use crate::core::json::{self, Value};

use crate::core::error::LoadError;
pub use crate::core::limits::Limits;
use crate::core::model::{Article, Collection, Document, Skipped};
use crate::core::text::dedupe_ids;
use fields::{check_count, index_path, invalid, Obj};

/// Parses a document from raw bytes: size cap, then UTF-8 (a leading BOM
/// is allowed), then JSON (nesting is capped at [`json::MAX_DEPTH`], so
/// deep nesting is a `Syntax` error, not a stack overflow), then
/// [`parse_value`].
pub fn parse_document(bytes: &[u8], limits: &Limits) -> Result<Document, LoadError> {
    parse_document_from(bytes, limits, None)
}

/// [`parse_document`] for a document fetched from `fetched_from` (an
/// absolute URL, after redirects): the last base for relative URLs, when
/// the document names no base of its own (see `format/resolve.rs`).
pub fn parse_document_from(
    bytes: &[u8],
    limits: &Limits,
    fetched_from: Option<&str>,
) -> Result<Document, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::InvalidUtf8)?;
    parse_value_from(parse_json(text)?, limits, fetched_from)
}

/// Parses JSON text, reporting a syntax error as a [`LoadError`].
pub fn parse_json(text: &str) -> Result<Value, LoadError> {
    json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line,
        column: e.column,
        detail: e.detail.to_owned(),
    })
}

/// Which format an object is in.
enum Kind {
    Native,
    Feed,
    JsonLd,
}

fn kind_of(v: &Value) -> Option<Kind> {
    let Value::Object(map) = v else {
        return None;
    };
    if map.get("format").and_then(Value::as_str) == Some("article-reader") {
        return Some(Kind::Native);
    }
    if map
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(jsonfeed::is_feed_version)
    {
        return Some(Kind::Feed);
    }
    jsonld::find_article(v, "").map(|_| Kind::JsonLd)
}

/// Reads one article (native or JSON-LD) at `path`; `None` when `v` is in
/// neither format. `position` feeds derived ids.
fn article_at(
    v: &Value,
    path: &str,
    limits: &Limits,
    position: usize,
) -> Option<Result<Article, LoadError>> {
    match kind_of(v)? {
        Kind::Native => {
            Some(Obj::new(v, path.to_owned(), limits).and_then(|o| native::parse(&o, position)))
        }
        Kind::JsonLd => {
            let found = jsonld::find_article(v, path)?;
            Some(jsonld::parse(&found, limits, position))
        }
        Kind::Feed => None,
    }
}

/// Reads an already-parsed JSON value, detecting its format (see the module
/// docs). A top-level array is a collection when it holds native documents
/// (each element then must be a native or JSON-LD article), and otherwise
/// is searched for its first JSON-LD article, as pages often embed
/// `[WebPage, BreadcrumbList, NewsArticle]`. Anything else is
/// `UnknownFormat`.
pub fn parse_value(v: Value, limits: &Limits) -> Result<Document, LoadError> {
    parse_value_from(v, limits, None)
}

/// [`parse_value`] with the URL the document was fetched from (see
/// [`parse_document_from`]).
pub fn parse_value_from(
    v: Value,
    limits: &Limits,
    fetched_from: Option<&str>,
) -> Result<Document, LoadError> {
    let mut doc = detect_and_parse(v, limits)?;
    resolve::resolve_document(&mut doc, fetched_from);
    Ok(doc)
}

fn detect_and_parse(v: Value, limits: &Limits) -> Result<Document, LoadError> {
    match &v {
        Value::Array(elems) => {
            if elems
                .iter()
                .any(|e| matches!(kind_of(e), Some(Kind::Native | Kind::Feed)))
            {
                let many = articles_of_array(elems, limits)?;
                if many.items.is_empty() {
                    return Err(LoadError::EmptyCollection);
                }
                return Ok(Document::Collection(Collection {
                    items: many.items,
                    skipped: many.skipped,
                    ..Collection::default()
                }));
            }
            let first = elems.iter().enumerate().find_map(|(i, e)| {
                jsonld::find_article(e, &index_path("", i)).map(|found| (i, found))
            });
            match first {
                Some((i, found)) => jsonld::parse(&found, limits, i).map(Document::Article),
                None => Err(LoadError::UnknownFormat),
            }
        }
        Value::Object(_) => match kind_of(&v) {
            Some(Kind::Feed) => {
                let obj = Obj::new(&v, String::new(), limits)?;
                jsonfeed::parse(&obj).map(Document::Collection)
            }
            Some(_) => match article_at(&v, "", limits, 0) {
                Some(r) => r.map(Document::Article),
                None => Err(LoadError::UnknownFormat),
            },
            None => Err(LoadError::UnknownFormat),
        },
        _ => Err(LoadError::UnknownFormat),
    }
}

/// The articles of a top-level array, with what was left out: each native
/// or JSON-LD article, and the items of each JSON Feed. JSON-LD nodes that
/// are not articles (`BreadcrumbList`, `WebSite`…) are passed over; any
/// other element, or an article that cannot be read, is skipped and
/// reported (errors name the element: `[2].blocks[0].text`). Fails only
/// when something was skipped and nothing is left.
fn articles_of_array(elems: &[Value], limits: &Limits) -> Result<Many, LoadError> {
    check_count(elems.len(), "[]", limits.max_items)?;
    let mut many = Many::default();
    for (i, e) in elems.iter().enumerate() {
        let path = index_path("", i);
        let found = match kind_of(e) {
            Some(Kind::Feed) => Obj::new(e, path, limits)
                .and_then(|o| jsonfeed::parse(&o))
                .map(|mut c| {
                    resolve::resolve_collection(&mut c, None);
                    many.skipped.append(&mut c.skipped);
                    c.items
                }),
            _ => match article_at(e, &path, limits, i) {
                Some(r) => r.map(|a| vec![a]),
                None if is_json_ld_node(e) => continue,
                None => Err(invalid(
                    path,
                    "not an article in an accepted format (native or schema.org JSON-LD)",
                )),
            },
        };
        match found {
            Ok(items) => many.items.extend(items),
            Err(reason) => many.skipped.push(Skipped { index: i, reason }),
        }
        check_count(many.items.len(), "[]", limits.max_items)?;
    }
    if many.items.is_empty() && !many.skipped.is_empty() {
        return Err(many.skipped.swap_remove(0).reason);
    }
    dedupe_ids(&mut many.items);
    Ok(many)
}

/// An object that is JSON-LD (it has `@type`, `@context`, `@id` or
/// `@graph`), whatever it describes.
fn is_json_ld_node(v: &Value) -> bool {
    ["@type", "@context", "@graph", "@id"]
        .iter()
        .any(|k| v.get(k).is_some())
}

/// The articles read from several documents, and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Many {
    pub items: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// Reads the input of the headless search index, `createIndex(docs)`: an
/// array of articles in any accepted article format (native or JSON-LD,
/// each element one article), a JSON Feed (its items), or a single article.
/// An empty array gives no articles (an empty index is not an error).
pub fn parse_many(v: Value, limits: &Limits) -> Result<Vec<Article>, LoadError> {
    parse_many_from(v, limits, None)
}

/// [`parse_many`] with the URL the documents were fetched from (see
/// [`parse_document_from`]).
pub fn parse_many_from(
    v: Value,
    limits: &Limits,
    fetched_from: Option<&str>,
) -> Result<Vec<Article>, LoadError> {
    parse_many_report(v, limits, fetched_from).map(|m| m.items)
}

/// [`parse_many_from`], also giving the items left out (the same the
/// viewer would leave out), for the index's ready report.
pub fn parse_many_report(
    v: Value,
    limits: &Limits,
    fetched_from: Option<&str>,
) -> Result<Many, LoadError> {
    match &v {
        Value::Array(elems) => {
            let mut many = articles_of_array(elems, limits)?;
            for a in &mut many.items {
                resolve::resolve_article(a, fetched_from);
            }
            Ok(many)
        }
        _ => match parse_value_from(v, limits, fetched_from)? {
            Document::Article(a) => Ok(Many {
                items: vec![a],
                skipped: Vec::new(),
            }),
            Document::Collection(c) => Ok(Many {
                items: c.items,
                skipped: c.skipped,
            }),
        },
    }
}

#[cfg(test)]
mod tests;
