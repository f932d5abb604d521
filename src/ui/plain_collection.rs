//! A collection (JSON Feed) as plain semantic HTML, for the light DOM of a
//! server-rendered `<article-reader>`: a list of its articles, each with
//! its title (a link to the article's own page when the feed gives one),
//! its date and a summary. What a crawler follows and what a reader without
//! JavaScript can choose from; the article texts are on their own pages.

use yew::prelude::*;

use super::footer_view::FooterView;
use super::shared::Shared;
use crate::core::reading::display_date;
use crate::core::{Article, Block, Document, Strings};

/// The longest summary taken from an article's first paragraph, in characters.
const SUMMARY_CHARS: usize = 120;

/// An article's summary: its lead, else the start of its first paragraph.
fn summary(a: &Article) -> Option<String> {
    if let Some(lead) = a.lead.as_ref().filter(|l| !l.plain.trim().is_empty()) {
        return Some(lead.plain.clone());
    }
    let text = a.blocks.iter().find_map(|b| match b {
        Block::Paragraph(t) if !t.plain.trim().is_empty() => Some(t.plain.trim()),
        _ => None,
    })?;
    Some(match text.char_indices().nth(SUMMARY_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    })
}

/// One article of the list.
fn item(a: &Article) -> Html {
    let title = a.title.clone();
    html! {
        <li>
            <article lang={a.lang.clone()}>
                <h2>
                    if let Some(url) = &a.url {
                        <a href={url.clone()}>{ title }</a>
                    } else {
                        { title }
                    }
                </h2>
                if let Some(p) = &a.published {
                    <p><time datetime={p.trim().to_owned()}>{ display_date(p) }</time></p>
                }
                if let Some(s) = summary(a) {
                    <p>{ s }</p>
                }
            </article>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlainCollectionProps {
    /// The document; shown when it is a collection.
    pub doc: Shared<Document>,
    pub strings: &'static Strings,
}

/// The collection's title and description, the list of its articles, and
/// the publisher footer.
#[component]
pub fn PlainCollection(props: &PlainCollectionProps) -> Html {
    let Document::Collection(c) = &*props.doc else {
        return Html::default();
    };
    let s = props.strings;
    html! {
        <>
            <h1>
                if c.title.is_empty() { { s.articles } } else { { c.title.clone() } }
            </h1>
            if let Some(d) = &c.description {
                <p>{ d.clone() }</p>
            }
            <ol aria-label={s.articles}>
                { for c.items.iter().map(item) }
            </ol>
            <FooterView publisher={c.publisher.clone()}
                site_name={c.site.as_ref().map(|site| AttrValue::from(site.name.clone()))} strings={s} />
        </>
    }
}
