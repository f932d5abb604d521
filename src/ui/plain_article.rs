//! The document as plain semantic HTML, for the light DOM of a
//! server-rendered `<article-reader>` (src/render/): what a crawler indexes
//! and what a browser shows without JavaScript or without declarative
//! shadow DOM. No toolbar, no contents, no search: for an article, the
//! title, the meta line, the lead, the blocks (the reader's own
//! [`BlockView`]) and the publisher footer; for a collection, the list of
//! its articles ([`PlainCollection`]).

use std::rc::Rc;

use yew::prelude::*;

use super::block_view::BlockView;
use super::footer_view::FooterView;
use super::meta_line::{MetaLine, MetaLineProps};
use super::plain_collection::PlainCollection;
use super::shared::Shared;
use super::state::on_screen;
use crate::core::reading::reading_minutes;
use crate::core::{Document, Strings};

#[derive(Properties, PartialEq)]
pub struct PlainDocumentProps {
    pub doc: Shared<Document>,
    pub strings: &'static Strings,
}

/// The article of a document: `h1` title, meta line, lead, blocks, footer.
#[component]
fn PlainArticle(props: &PlainDocumentProps) -> Html {
    let Some(shown) = on_screen(&props.doc, None) else {
        return Html::default();
    };
    let a = shown.article;
    let s = props.strings;
    let minutes = reading_minutes(a.char_count(), a.lang.as_deref().unwrap_or("zh"));
    let meta = MetaLineProps::of(a, minutes, s);
    html! {
        <>
            <article lang={a.lang.clone()}>
                <h1>{ a.title.clone() }</h1>
                <MetaLine ..meta />
                if let Some(lead) = &a.lead {
                    <p>{ lead.plain.clone() }</p>
                }
                { for (0..a.blocks.len()).map(|n| html! {
                    <BlockView key={n} doc={props.doc.clone()} item={None::<usize>} {n}
                        marks={Rc::new(Vec::new())} current={None::<usize>} />
                }) }
            </article>
            <FooterView publisher={shown.publisher.cloned()}
                site_name={shown.site.map(|site| AttrValue::from(site.name.clone()))} strings={s} />
        </>
    }
}

/// A document as plain HTML: an article, or the list of a collection's
/// articles.
#[component]
pub fn PlainDocument(props: &PlainDocumentProps) -> Html {
    let (doc, strings) = (props.doc.clone(), props.strings);
    match &*props.doc {
        Document::Article(_) => html! { <PlainArticle {doc} {strings} /> },
        Document::Collection(_) => html! { <PlainCollection {doc} {strings} /> },
    }
}
