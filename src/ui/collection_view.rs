//! A collection (JSON Feed): the list of articles, or, with a query, the
//! ranked hits with highlighted snippets.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::rich_text::plain_text;
use super::state::Shared;
use crate::core::reading::display_date;
use crate::core::search::{parse_query_with, SearchIndex};
use crate::core::{Document, Strings};

#[derive(Properties, PartialEq)]
pub struct CollectionViewProps {
    pub doc: Shared<Document>,
    pub query: AttrValue,
    pub strings: &'static Strings,
    pub on_open: Callback<usize>,
    /// Simplified and traditional forms match each other.
    pub variants: bool,
}

/// One row of the list: item index, title marks, snippet, snippet marks.
struct Row {
    index: usize,
    title_marks: Vec<Range<usize>>,
    snippet: String,
    marks: Vec<Range<usize>>,
}

fn numbered(marks: &[Range<usize>]) -> Vec<(usize, Range<usize>)> {
    marks.iter().cloned().map(|r| (usize::MAX, r)).collect()
}

/// The article list of a collection.
#[component]
pub fn CollectionView(props: &CollectionViewProps) -> Html {
    let s = props.strings;
    let Document::Collection(c) = &*props.doc else {
        return Html::default();
    };
    let index = use_memo(
        (props.doc.clone(), props.variants),
        |(doc, variants)| match &**doc {
            Document::Collection(c) => {
                Rc::new(SearchIndex::with_variants(c.items.clone(), *variants))
            }
            Document::Article(_) => Rc::new(SearchIndex::default()),
        },
    );
    let query = parse_query_with(&props.query, props.variants);
    let rows: Vec<Row> = if query.is_empty() {
        c.items
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let lead = a.lead.as_ref().map(|l| l.plain.clone()).unwrap_or_default();
                Row {
                    index: i,
                    title_marks: Vec::new(),
                    snippet: lead,
                    marks: Vec::new(),
                }
            })
            .collect()
    } else {
        index
            .search(&query)
            .into_iter()
            .map(|h| Row {
                index: h.index,
                title_marks: h.title_marks,
                snippet: h.snippet,
                marks: h.marks,
            })
            .collect()
    };
    let count = if query.is_empty() {
        s.results(c.items.len())
    } else if rows.is_empty() {
        s.no_results.to_owned()
    } else {
        s.results(rows.len())
    };
    html! {
        <section class="ar-collection">
            <h1 class="ar-title">
                if c.title.is_empty() { { s.articles } } else { { c.title.clone() } }
            </h1>
            if let Some(d) = &c.description {
                <p class="ar-lead">{ d.clone() }</p>
            }
            <p class="ar-count" role="status">{ count }</p>
            <ol class="ar-items" aria-label={s.articles}>
                { for rows.into_iter().map(|Row { index: i, title_marks, snippet, marks }| {
                    let a = &c.items[i];
                    let onclick = props.on_open.reform(move |_| i);
                    html! {
                        <li key={a.id.clone()} class="ar-item">
                            <h2 class="ar-item-title">
                                <button type="button" class="ar-item-open" {onclick}>
                                    { plain_text(&a.title, &numbered(&title_marks), 0) }
                                </button>
                            </h2>
                            if let Some(p) = &a.published {
                                <p class="ar-item-date">{ display_date(p) }</p>
                            }
                            if !snippet.is_empty() {
                                <p class="ar-item-snippet">{ plain_text(&snippet, &numbered(&marks), 0) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
