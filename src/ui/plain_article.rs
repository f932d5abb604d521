//! The article as plain semantic HTML, for the light DOM of a
//! server-rendered `<article-reader>` (src/render/): what a crawler indexes
//! and what a browser shows without JavaScript or without declarative
//! shadow DOM. No toolbar, no contents, no search: the title, the meta
//! line, the lead, the blocks (the reader's own [`BlockView`]) and the
//! publisher footer.

use std::rc::Rc;

use yew::prelude::*;

use super::block_view::BlockView;
use super::footer_view::FooterView;
use super::meta_line::{MetaLine, MetaLineProps};
use super::state::{on_screen, Shared};
use crate::core::reading::reading_minutes;
use crate::core::{Document, Strings};

#[derive(Properties, PartialEq)]
pub struct PlainDocumentProps {
    pub doc: Shared<Document>,
    pub strings: &'static Strings,
}

#[derive(Properties, PartialEq)]
struct PlainArticleProps {
    doc: Shared<Document>,
    /// The item of a collection, or `None` for an article.
    item: Option<usize>,
    strings: &'static Strings,
}

/// One article: `h1` title for a document, `h2` for a collection's item
/// (under the collection's `h1`).
#[component]
fn PlainArticle(props: &PlainArticleProps) -> Html {
    let Some(shown) = on_screen(&props.doc, props.item) else {
        return Html::default();
    };
    let a = shown.article;
    let s = props.strings;
    let minutes = reading_minutes(a.char_count(), a.lang.as_deref().unwrap_or("zh"));
    let meta = MetaLineProps::of(a, minutes, s);
    let title = a.title.clone();
    let footer = props.item.is_none().then(|| {
        html! {
            <FooterView publisher={shown.publisher.cloned()}
                site_name={shown.site.map(|site| AttrValue::from(site.name.clone()))} strings={s} />
        }
    });
    html! {
        <>
            <article lang={a.lang.clone()}>
                if props.item.is_some() { <h2>{ title }</h2> } else { <h1>{ title }</h1> }
                <MetaLine ..meta />
                if let Some(lead) = &a.lead {
                    <p>{ lead.plain.clone() }</p>
                }
                { for (0..a.blocks.len()).map(|n| html! {
                    <BlockView key={n} doc={props.doc.clone()} item={props.item} {n}
                        marks={Rc::new(Vec::new())} current={None::<usize>} />
                }) }
            </article>
            { footer.unwrap_or_default() }
        </>
    }
}

/// A document as plain HTML: an article, or a collection's title and every
/// item in turn, then the publisher footer.
#[component]
pub fn PlainDocument(props: &PlainDocumentProps) -> Html {
    let (doc, strings) = (props.doc.clone(), props.strings);
    match &*props.doc {
        Document::Article(_) => html! { <PlainArticle {doc} item={None::<usize>} {strings} /> },
        Document::Collection(c) => html! {
            <>
                <h1>{ c.title.clone() }</h1>
                { for (0..c.items.len()).map(|i| html! {
                    <PlainArticle key={i} doc={doc.clone()} item={Some(i)} {strings} />
                }) }
                <FooterView publisher={c.publisher.clone()}
                    site_name={c.site.as_ref().map(|site| AttrValue::from(site.name.clone()))} {strings} />
            </>
        },
    }
}
