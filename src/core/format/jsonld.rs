//! schema.org `NewsArticle` / `Article` JSON-LD, as news sites embed it in
//! `<script type="application/ld+json">`.
//!
//! JSON-LD in the wild is loosely typed (a value may be a string, an object
//! with `name` or `@value`, or an array of either), so this adapter is
//! lenient: it takes the first usable value and ignores what it cannot use.
//! Only a missing headline, an over-long string, or too many paragraphs
//! stop it.

mod find;

pub(crate) use find::{find_article, Found};
use find::{index_ids, Ids};

use crate::core::json::Value;

use super::fields::{
    check_count, check_len, count_value, image_size, key_path, looks_like_markup, markup_to_text,
    missing, Obj,
};
use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::html::blocks_from_html_at;
use crate::core::limits::Limits;
use crate::core::model::{Article, Block, Publisher, RichText, Site};
use crate::core::text::{one_line, paragraphs_by_lines, rich_from_str, slug};
use crate::core::url::{safe_image, safe_link};

/// Reading context: the node (read through the same [`Obj`] as the other
/// adapters, so paths and limits work alike) and its graph's nodes by id.
struct Ld<'a> {
    obj: Obj<'a>,
    ids: &'a Ids<'a>,
}

impl<'a> Ld<'a> {
    /// The value of `key` (JSON `null` counts as absent), with a bare
    /// reference followed.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.obj.get(key).map(|v| self.resolve(v))
    }

    /// Reads the object `v` (at the field `key`) in the same graph.
    fn nested(&self, v: &'a Value, key: &str) -> Result<Ld<'a>, LoadError> {
        Ok(Ld {
            obj: Obj::new(v, self.obj.at(key), self.obj.limits())?,
            ids: self.ids,
        })
    }

    /// Follows a bare `{"@id": "…"}` reference to the graph node it names.
    fn resolve(&self, v: &'a Value) -> &'a Value {
        let Value::Object(m) = v else {
            return v;
        };
        match (m.len(), m.get("@id").and_then(Value::as_str)) {
            (1, Some(id)) => self.ids.get(id).copied().unwrap_or(v),
            _ => v,
        }
    }

    /// The first usable text of `v`: a string, a number, `{"@value"}`, or,
    /// for `name_keys`, an object's `name`; arrays give their first text.
    fn text_of(
        &self,
        v: &'a Value,
        key: &str,
        name_keys: &[&str],
    ) -> Result<Option<String>, LoadError> {
        let s = match self.resolve(v) {
            Value::String(s) => s.as_str(),
            Value::Number(n) => return Ok(Some(n.to_string())),
            Value::Array(vs) => {
                // Arrays of arrays are not JSON-LD values; skipping them
                // also keeps this recursion one level deep.
                for v in vs.iter().filter(|v| !v.is_array()) {
                    if let Some(t) = self.text_of(v, key, name_keys)? {
                        return Ok(Some(t));
                    }
                }
                return Ok(None);
            }
            Value::Object(m) => {
                let inner = std::iter::once("@value")
                    .chain(name_keys.iter().copied())
                    .find_map(|k| m.get(k));
                // Objects nest only one level here: a name is a string.
                match inner {
                    Some(Value::String(s)) => s.as_str(),
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        check_len(s, &self.obj.at(key), self.obj.limits())?;
        // Pages escape `&` in JSON-LD as in HTML (`Tom &amp; Jerry`), and
        // some write names as markup (`<a href=…>Name</a>`).
        let decoded = if looks_like_markup(s) {
            markup_to_text(s, self.obj.limits())
        } else {
            decode_char_refs(s, false).into_owned()
        };
        let t = decoded.trim();
        Ok((!t.is_empty()).then(|| t.to_owned()))
    }

    /// The first string of `key` as written (not decoded), length-checked.
    fn raw_text(&self, key: &str) -> Result<Option<&'a str>, LoadError> {
        let s = match self.get(key) {
            Some(Value::String(s)) => s,
            Some(Value::Array(vs)) => match vs.iter().find_map(Value::as_str) {
                Some(s) => s,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        check_len(s, &self.obj.at(key), self.obj.limits())?;
        Ok(Some(s).filter(|s| !s.trim().is_empty()))
    }

    fn text(&self, key: &str) -> Result<Option<String>, LoadError> {
        match self.get(key) {
            Some(v) => self.text_of(v, key, &[]),
            None => Ok(None),
        }
    }

    /// The `name` of an organisation or person given as a string, an
    /// object or an array (first one).
    fn name(&self, key: &str) -> Result<Option<String>, LoadError> {
        match self.get(key) {
            Some(v) => self.text_of(v, key, &["name"]),
            None => Ok(None),
        }
    }
}

/// Reads the article `found`. `position` is used for a derived id.
pub(crate) fn parse(
    found: &Found<'_>,
    limits: &Limits,
    position: usize,
) -> Result<Article, LoadError> {
    if !matches!(found.node, Value::Object(_)) {
        return Err(LoadError::UnknownFormat);
    }
    let ids = index_ids(found.graph);
    let ld = Ld {
        obj: Obj::new(found.node, found.path.clone(), limits)?,
        ids: &ids,
    };
    let Some(title) = ld.text("headline")?.or(ld.text("name")?) else {
        return Err(missing(key_path(&found.path, "headline")));
    };
    let title = one_line(&title);
    let url = match ld.text("url")? {
        Some(u) => Some(u),
        None => match ld.get("mainEntityOfPage") {
            Some(v) => ld.text_of(v, "mainEntityOfPage", &["url", "@id"])?,
            None => None,
        },
    }
    .and_then(|u| safe_link(&u));
    let id = ld
        .text("@id")?
        .or_else(|| url.clone())
        .or_else(|| slug(&title))
        .unwrap_or_else(|| format!("article-{}", position + 1));

    let mut blocks = Vec::new();
    if let Some(img) = image(&ld)? {
        blocks.push(img);
    }
    let body_key = if ld.get("articleBody").is_some() {
        "articleBody"
    } else {
        "text"
    };
    let body_path = key_path(&found.path, body_key);
    if let Some(body) = ld.raw_text(body_key)? {
        // Markup goes through the same allowlist as a feed's content_html
        // (which decodes its character references once). Escaped markup
        // (`&lt;p&gt;…`) is markup too, escaped once more.
        let decoded = (!looks_like_markup(body)).then(|| decode_char_refs(body, false));
        let body_blocks = match decoded.as_deref() {
            None => blocks_from_html_at(body, limits, &body_path)?,
            Some(text) if looks_like_markup(text) => blocks_from_html_at(text, limits, &body_path)?,
            Some(text) => paragraphs_by_lines(text)
                .into_iter()
                .map(Block::Paragraph)
                .collect(),
        };
        check_count(
            blocks.len() + body_blocks.len(),
            &body_path,
            limits.max_blocks,
        )?;
        blocks.extend(body_blocks);
    }

    let publisher_name = ld.name("publisher")?;
    let publisher = publisher(&ld)?.filter(|p| !p.is_empty());
    let site = publisher_name.map(|name| Site {
        name,
        url: ld
            .get("publisher")
            .and_then(|p| p.get("url"))
            .and_then(Value::as_str)
            .and_then(safe_link),
    });

    Ok(Article {
        id,
        url,
        // A Language object's `alternateName` is its BCP 47 code.
        lang: match ld.get("inLanguage") {
            Some(v) => ld.text_of(v, "inLanguage", &["alternateName"])?,
            None => None,
        },
        title,
        published: ld.text("datePublished")?.or(ld.text("dateCreated")?),
        source: ld.name("sourceOrganization")?.or(ld.name("provider")?),
        views: views(&ld),
        author: authors(&ld)?,
        lead: ld
            .text("description")?
            .map(|d| rich_from_str(&d))
            .filter(|t: &RichText| !t.is_blank()),
        blocks,
        publisher,
        site,
    })
}

/// Every author's name, joined with "、" as Chinese bylines are.
fn authors(ld: &Ld<'_>) -> Result<Option<String>, LoadError> {
    let Some(v) = ld.get("author") else {
        return Ok(None);
    };
    let list: Vec<&Value> = match v {
        Value::Array(vs) => vs.iter().collect(),
        other => vec![other],
    };
    let mut names = Vec::new();
    for a in list {
        if let Some(n) = ld.text_of(a, "author", &["name"])? {
            names.push(n);
        }
    }
    Ok((!names.is_empty()).then(|| names.join("、")))
}

/// The publisher footer: the organisation's name, and its contact details
/// when the Organization carries them.
fn publisher(ld: &Ld<'_>) -> Result<Option<Publisher>, LoadError> {
    let Some(node) = ld.get("publisher") else {
        return Ok(None);
    };
    let node = match node {
        Value::Array(vs) => match vs.first() {
            Some(v) => ld.resolve(v),
            None => return Ok(None),
        },
        v => v,
    };
    let organiser = ld.text_of(node, "publisher", &["name"])?;
    if !matches!(node, Value::Object(_)) {
        return Ok(Some(Publisher {
            organiser,
            ..Publisher::default()
        }));
    }
    let org = ld.nested(node, "publisher")?;
    let (mut address, mut postcode) = (None, None);
    match org.get("address") {
        Some(a @ Value::Object(_)) => {
            let addr = org.nested(a, "address")?;
            let parts: Vec<String> = ["addressRegion", "addressLocality", "streetAddress"]
                .iter()
                .filter_map(|k| addr.text(k).transpose())
                .collect::<Result<_, _>>()?;
            // Chinese addresses run together; Latin ones need commas.
            let sep = if parts.iter().any(|p| !p.is_ascii()) {
                ""
            } else {
                ", "
            };
            address = (!parts.is_empty()).then(|| parts.join(sep));
            postcode = addr.text("postalCode")?;
        }
        Some(_) => address = org.text("address")?,
        None => {}
    }
    Ok(Some(Publisher {
        organiser,
        address,
        phone: org.text("telephone")?,
        email: org.text("email")?,
        postcode,
        icp: None,
        links: Vec::new(),
    }))
}

/// The view count from `interactionStatistic`: the statistic whose
/// `interactionType` is a ReadAction or ViewAction, or the only one given.
/// A count that does not read as a number is ignored, not an error.
fn views(ld: &Ld<'_>) -> Option<u64> {
    let stats: Vec<&Value> = match ld.get("interactionStatistic")? {
        Value::Array(vs) => vs.iter().map(|v| ld.resolve(v)).collect(),
        v => vec![v],
    };
    let is_read = |s: &&Value| {
        let t = match s.get("interactionType") {
            Some(Value::String(t)) => Some(t.as_str()),
            Some(Value::Object(o)) => o.get("@type").and_then(Value::as_str),
            _ => None,
        };
        t.is_some_and(|t| t.ends_with("ReadAction") || t.ends_with("ViewAction"))
    };
    let stat = match stats.iter().copied().find(is_read) {
        Some(s) => s,
        None if stats.len() == 1 => stats[0],
        None => return None,
    };
    count_value(stat.get("userInteractionCount")?, "")
        .ok()
        .flatten()
}

/// The lead image: the first `image` (string, ImageObject or array) that
/// passes the image policy, as an Image block.
fn image(ld: &Ld<'_>) -> Result<Option<Block>, LoadError> {
    let Some(v) = ld.get("image") else {
        return Ok(None);
    };
    let candidates: Vec<&Value> = match v {
        Value::Array(vs) => vs.iter().map(|v| ld.resolve(v)).collect(),
        v => vec![v],
    };
    for c in candidates {
        let Some(url) = ld.text_of(c, "image", &["url", "contentUrl"])? else {
            continue;
        };
        let Some(src) = safe_image(&url) else {
            continue;
        };
        let caption = match c.get("caption") {
            Some(cap) => ld.text_of(cap, "image", &[])?.map(|t| rich_from_str(&t)),
            None => None,
        };
        let alt = match c.get("name").or(c.get("description")) {
            Some(a) => ld.text_of(a, "image", &[])?.unwrap_or_default(),
            None => String::new(),
        };
        let dimension = |key: &str| c.get(key).and_then(|v| count_value(v, "").ok().flatten());
        let size = image_size(dimension("width"), dimension("height"));
        return Ok(Some(Block::Image {
            src,
            alt,
            caption,
            size,
        }));
    }
    Ok(None)
}

#[cfg(test)]
mod tests;
