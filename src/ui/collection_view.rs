//! A collection (JSON Feed): the list of articles, or, with a query, the
//! ranked hits with highlighted snippets. The hits are worked out by the
//! reducer (`State::list_hits`); this view only shows them.

use std::ops::Range;

use yew::prelude::*;

use super::rich_text::{plain_text, Marks};
use super::shared::Shared;
use crate::core::reading::display_date;
use crate::core::search::RankedHit;
use crate::core::{Collection, Document, Strings};

#[derive(Properties, PartialEq)]
pub struct CollectionViewProps {
    /// The document; shown when it is a collection.
    pub doc: Shared<Document>,
    /// The search box has terms: the list shows their hits.
    pub searching: bool,
    /// Ranked hits of the query, best first.
    pub hits: Shared<Vec<RankedHit>>,
    pub strings: &'static Strings,
    pub on_open: Callback<usize>,
}

/// One row of the list: item index, title marks, snippet, snippet marks.
struct Row<'a> {
    index: usize,
    title_marks: &'a [Range<usize>],
    snippet: &'a str,
    marks: &'a [Range<usize>],
}

/// Marks of a list row: none of them is "the current match".
fn unnumbered(marks: &[Range<usize>]) -> Marks {
    marks.iter().map(|r| (0, r.clone())).collect()
}

/// The article list of a collection.
#[component]
pub fn CollectionView(props: &CollectionViewProps) -> Html {
    let s = props.strings;
    // No hooks here, so returning early cannot change their order.
    let Document::Collection(c) = &*props.doc else {
        return Html::default();
    };
    let rows: Vec<Row> = if props.searching {
        props
            .hits
            .iter()
            .map(|h| Row {
                index: h.index,
                title_marks: &h.title_marks,
                snippet: &h.snippet,
                marks: &h.marks,
            })
            .collect()
    } else {
        c.items
            .iter()
            .enumerate()
            .map(|(i, a)| Row {
                index: i,
                title_marks: &[],
                snippet: a.lead.as_ref().map_or("", |l| l.plain.as_str()),
                marks: &[],
            })
            .collect()
    };
    let count = if props.searching && rows.is_empty() {
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
            if !c.skipped.is_empty() {
                <p class="ar-skipped">{ s.skipped(c.skipped.len()) }</p>
            }
            <ol class="ar-items" aria-label={s.articles}>
                { for rows.iter().map(|row| item_row(c, row, &props.on_open)) }
            </ol>
        </section>
    }
}

/// One article of the list: its title opens it.
fn item_row(c: &Collection, row: &Row, on_open: &Callback<usize>) -> Html {
    let i = row.index;
    let a = &c.items[i];
    let onclick = on_open.reform(move |_| i);
    html! {
        <li key={a.id.clone()} class="ar-item">
            <h2 class="ar-item-title">
                <button type="button" class="ar-item-open" {onclick}>
                    { plain_text(&a.title, &unnumbered(row.title_marks), None) }
                </button>
            </h2>
            if let Some(p) = &a.published {
                <p class="ar-item-date">{ display_date(p) }</p>
            }
            if !row.snippet.is_empty() {
                <p class="ar-item-snippet">{ plain_text(row.snippet, &unnumbered(row.marks), None) }</p>
            }
        </li>
    }
}
