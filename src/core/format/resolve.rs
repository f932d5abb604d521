//! Relative URLs resolved against the document's own base, never the page
//! hosting the reader: an article's own `url` (JSON Feed item `url`,
//! JSON-LD `url` / `mainEntityOfPage`, native `url`), else its JSON-LD
//! `@id` when that is a URL, else the feed's `home_page_url` or `feed_url`,
//! else the URL the document was fetched from. Each resolved URL passes the
//! URL policy again; a reference that cannot be resolved (no usable base)
//! stays as written.

use crate::core::model::{Article, Block, Collection, Document, RichText, Site};
use crate::core::url::{resolve, safe_image, safe_link};

/// Resolves every URL of `doc`; `fetched_from` is where the caller got it.
pub(crate) fn resolve_document(doc: &mut Document, fetched_from: Option<&str>) {
    match doc {
        Document::Article(a) => resolve_article(a, fetched_from),
        Document::Collection(c) => resolve_collection(c, fetched_from),
    }
}

/// Resolves a collection's URLs and its items'.
pub(crate) fn resolve_collection(c: &mut Collection, fetched_from: Option<&str>) {
    let own = |u: &Option<String>| {
        u.as_deref()
            .and_then(|u| absolute(u, fetched_from))
            .filter(|u| is_http(u))
    };
    let base = own(&c.home_url)
        .or_else(|| own(&c.feed_url))
        .or_else(|| fetched_from.map(str::to_owned));
    let base = base.as_deref();
    link(&mut c.home_url, fetched_from);
    link(&mut c.feed_url, fetched_from);
    site(&mut c.site, base);
    if let Some(p) = &mut c.publisher {
        for l in &mut p.links {
            link(&mut l.href, base);
        }
    }
    for a in &mut c.items {
        resolve_article(a, base);
    }
}

/// Resolves an article's URLs; `outer` is the base of what holds it.
pub(crate) fn resolve_article(a: &mut Article, outer: Option<&str>) {
    link(&mut a.url, outer);
    let base = a
        .url
        .clone()
        .filter(|u| is_http(u))
        .or_else(|| Some(a.id.clone()).filter(|id| is_http(id)))
        .or_else(|| outer.map(str::to_owned));
    let base = base.as_deref();
    site(&mut a.site, base);
    if let Some(p) = &mut a.publisher {
        for l in &mut p.links {
            link(&mut l.href, base);
        }
    }
    if let Some(lead) = &mut a.lead {
        rich(lead, base);
    }
    for b in &mut a.blocks {
        block(b, base);
    }
}

fn block(b: &mut Block, base: Option<&str>) {
    match b {
        Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
            rich(t, base)
        }
        Block::List { items, .. } => items.iter_mut().for_each(|t| rich(t, base)),
        Block::Image { src, caption, .. } => {
            if let Some(s) = absolute(src, base).and_then(|s| safe_image(&s)) {
                *src = s;
            }
            if let Some(c) = caption {
                rich(c, base);
            }
        }
        Block::Table(t) => {
            t.caption.iter_mut().for_each(|c| rich(c, base));
            t.rows
                .iter_mut()
                .flatten()
                .for_each(|c| rich(&mut c.text, base));
        }
        Block::Definitions(ds) => ds.iter_mut().for_each(|d| rich(&mut d.text, base)),
        Block::Embed(e) => url_in_place(&mut e.url, base),
        Block::Original { url } => url_in_place(url, base),
        Block::Attachments(files) => files
            .iter_mut()
            .for_each(|f| url_in_place(&mut f.url, base)),
        Block::Code { .. } | Block::Rule => {}
    }
}

fn rich(t: &mut RichText, base: Option<&str>) {
    for s in &mut t.spans {
        link(&mut s.href, base);
    }
}

fn site(s: &mut Option<Site>, base: Option<&str>) {
    if let Some(s) = s {
        link(&mut s.url, base);
    }
}

/// `u` resolved against `base` when it is relative and `base` is usable.
fn absolute(u: &str, base: Option<&str>) -> Option<String> {
    match base {
        Some(b) => resolve(b, u),
        None => Some(u.to_owned()),
    }
}

fn url_in_place(u: &mut String, base: Option<&str>) {
    if let Some(r) = absolute(u, base).and_then(|r| safe_link(&r)) {
        *u = r;
    }
}

fn link(u: &mut Option<String>, base: Option<&str>) {
    if let Some(u) = u {
        url_in_place(u, base);
    }
}

fn is_http(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
