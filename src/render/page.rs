//! The standalone page around a rendered reader (`render --page`), like the
//! built `dist/index.html`.

use super::escape::{escape_attr, escape_text};
use super::RenderOptions;
use crate::core::Document;

/// The page: its head is `page.html`'s, with the title and the file URLs
/// filled in. The shipped JS starts the reader after the first paint
/// (`standalone-early.js`, which also applies a stored text size first).
pub fn page(doc: &Document, element: &str, opts: &RenderOptions) -> String {
    let (title, site, lang, summary) = match doc {
        Document::Article(a) => (
            &a.title,
            a.site.as_ref(),
            a.lang.as_deref(),
            a.lead.as_ref().map(|l| l.plain.as_str()),
        ),
        Document::Collection(c) => (&c.title, c.site.as_ref(), None, c.description.as_deref()),
    };
    // Search results show about this much of a description.
    let description: String = summary.unwrap_or(title).chars().take(160).collect();
    let title = match site {
        Some(site) if !site.name.is_empty() => format!("{title} · {}", site.name),
        _ => title.clone(),
    };
    fill(
        include_str!("page.html"),
        &[
            ("{lang}", &escape_attr(lang.unwrap_or("zh-CN"))),
            ("{base}", &escape_attr(&opts.base)),
            ("{title}", &escape_text(&title)),
            ("{description}", &escape_attr(description.trim())),
            ("{element}", element),
        ],
    )
}

/// `template` with each placeholder replaced, in one pass: a value that
/// contains a placeholder's name (a title "{element}") stays as it is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match values.iter().find(|(k, _)| rest.starts_with(k)) {
            Some((k, v)) => {
                out.push_str(v);
                rest = &rest[k.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
