//! Finding the article node in a JSON-LD value: the schema.org types read
//! as an article, `@graph`s, main entities and list-valued properties, and
//! the index of a graph's nodes by `@id`.

use std::collections::HashMap;

use crate::core::json::Value;

use super::super::fields::{index_path, key_path};

/// The `@type`s read as an article (compared after any `schema:` or
/// `https://schema.org/` prefix): `Article` and its whole subtree in the
/// schema.org vocabulary.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Page types read as an article when they carry the text themselves
/// (`articleBody`), the way some CMSes describe an article page.
const PAGE_TYPES: &[&str] = &["WebPage", "ItemPage", "CreativeWork"];

fn bare_type(t: &str) -> &str {
    t.rsplit(['/', ':', '#']).next().unwrap_or(t)
}

/// True when `v`'s `@type` (a string or an array) names one of `types`.
fn has_type(v: &Value, types: &[&str]) -> bool {
    let is = |t: &str| types.contains(&bare_type(t));
    match v.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// True when `v` is an article: its `@type` names an article type, or it
/// is a page that carries an `articleBody`.
fn is_article(v: &Value) -> bool {
    has_type(v, ARTICLE_TYPES) || (has_type(v, PAGE_TYPES) && v.get("articleBody").is_some())
}

/// An article node found in a JSON-LD value, with its path (for errors)
/// and the `@graph` it lives in (to resolve `{"@id": …}` references).
pub(crate) struct Found<'a> {
    pub(crate) node: &'a Value,
    pub(crate) path: String,
    pub(crate) graph: Option<&'a [Value]>,
}

/// Finds the article in `v`: `v` itself, or the first article in its
/// `@graph`. `base` is the path of `v`.
pub(crate) fn find_article<'a>(v: &'a Value, base: &str) -> Option<Found<'a>> {
    if is_article(v) {
        return Some(Found {
            node: v,
            path: base.to_owned(),
            graph: None,
        });
    }
    // A page whose main entity is the article.
    if let Some(main) = v.get("mainEntity").filter(|m| is_article(m)) {
        return Some(Found {
            node: main,
            path: key_path(base, "mainEntity"),
            graph: None,
        });
    }
    let Some(graph) = v.get("@graph").and_then(Value::as_array) else {
        return find_in_lists(v, base);
    };
    let graph_path = key_path(base, "@graph");
    graph
        .iter()
        .enumerate()
        .find(|(_, n)| is_article(n))
        .map(|(i, n)| Found {
            node: n,
            path: index_path(&graph_path, i),
            graph: Some(graph),
        })
}

/// The first article in a list-valued property of a JSON-LD node without
/// `@graph` (extractors write `{"@context", "entries": [...]}`), whose
/// nodes then reference each other like a graph's.
fn find_in_lists<'a>(v: &'a Value, base: &str) -> Option<Found<'a>> {
    let Value::Object(map) = v else {
        return None;
    };
    v.get("@context")?;
    map.iter().find_map(|(k, list)| {
        let list = list.as_array()?;
        let (i, node) = list.iter().enumerate().find(|(_, n)| is_article(n))?;
        Some(Found {
            node,
            path: index_path(&key_path(base, k), i),
            graph: Some(list),
        })
    })
}

/// The nodes of a `@graph` by `@id` (the first node with each id, which is
/// what a reference names). Built once per article: looking each reference
/// up by scanning the graph made a 5 MB document of many references and
/// many nodes cost about 10^11 comparisons.
pub(super) type Ids<'a> = HashMap<&'a str, &'a Value>;

pub(super) fn index_ids(graph: Option<&[Value]>) -> Ids<'_> {
    let mut ids = Ids::new();
    for node in graph.unwrap_or_default() {
        if let Some(id) = node.get("@id").and_then(Value::as_str) {
            ids.entry(id).or_insert(node);
        }
    }
    ids
}
