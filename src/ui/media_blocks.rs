//! The blocks that are more than text: tables, code, definition lists,
//! embeds (as link cards, never frames) and the attachments list. Split
//! from `block_view.rs` so each file stays small; the marks work as there.

use yew::prelude::*;

use super::rich_text::{plain_text, rich_text, Marks};
use crate::core::model::{Attachment, Cell, Definition, Embed, EmbedKind, Table};
use crate::core::{Field, Strings};

/// The marks of one field, given by the block view.
pub type MarksOf<'a> = &'a dyn Fn(Field) -> Marks;

/// A table in its own scroll box: a wide table scrolls sideways inside
/// the box, never the page. The box is focusable so keyboards can scroll
/// it, and labelled by the caption.
pub fn table_html(
    n: usize,
    t: &Table,
    marks: MarksOf<'_>,
    current: Option<usize>,
    s: &Strings,
) -> Html {
    let label = t
        .caption
        .as_ref()
        .map_or_else(|| s.table.to_owned(), |c| c.plain.clone());
    let mut m = 0;
    let rows = t.rows.iter().enumerate().map(|(r, row)| {
        let cells = row.iter().map(|cell| {
            let html = cell_html(cell, &marks(Field::Cell(n, m)), current);
            m += 1;
            html
        });
        html! { <tr key={r}>{ for cells }</tr> }
    });
    let rows: Vec<Html> = rows.collect();
    html! {
        <div key={n} class="ar-table-box" role="region" tabindex="0" aria-label={label}>
            <table class="ar-table">
                if let Some(c) = &t.caption {
                    <caption class="ar-table-caption">
                        { rich_text(c, &marks(Field::Caption(n)), current) }
                    </caption>
                }
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn cell_html(cell: &Cell, marks: &Marks, current: Option<usize>) -> Html {
    let inner = rich_text(&cell.text, marks, current);
    let rowspan = (cell.rowspan > 1).then(|| cell.rowspan.to_string());
    let colspan = (cell.colspan > 1).then(|| cell.colspan.to_string());
    if cell.header {
        html! { <th scope={cell.scope.clone()} {rowspan} {colspan}>{ inner }</th> }
    } else {
        html! { <td {rowspan} {colspan}>{ inner }</td> }
    }
}

/// Code with its spaces and line breaks, in a box that scrolls sideways.
pub fn code_html(
    n: usize,
    text: &str,
    lang: Option<&str>,
    marks: &Marks,
    current: Option<usize>,
    s: &Strings,
) -> Html {
    let label = match lang {
        Some(l) => format!("{} ({l})", s.code),
        None => s.code.to_owned(),
    };
    html! {
        <pre key={n} class="ar-code" tabindex="0" aria-label={label}>
            <code>{ plain_text(text, marks, current) }</code>
        </pre>
    }
}

/// A definition list.
pub fn definitions_html(
    n: usize,
    ds: &[Definition],
    marks: MarksOf<'_>,
    current: Option<usize>,
) -> Html {
    let entries = ds.iter().enumerate().map(|(m, d)| {
        let inner = rich_text(&d.text, &marks(Field::Item(n, m)), current);
        if d.term {
            html! { <dt key={m} class="ar-dt">{ inner }</dt> }
        } else {
            html! { <dd key={m} class="ar-dd">{ inner }</dd> }
        }
    });
    html! { <dl key={n} class="ar-dl">{ for entries }</dl> }
}

/// An embed as a link card to the original: what it is, its title, and
/// the host it lives on. Nothing plays or loads in the reader.
pub fn embed_html(n: usize, e: &Embed, marks: &Marks, current: Option<usize>, s: &Strings) -> Html {
    let (icon, kind) = match e.kind {
        EmbedKind::Video => ("▶", s.embed_video),
        EmbedKind::Audio => ("♪", s.embed_audio),
        EmbedKind::Page => ("↗", s.embed_page),
    };
    let host = e.host().map(str::to_owned);
    html! {
        <p key={n} class="ar-embed">
            <a class="ar-embed-link" href={e.url.clone()} rel="noopener noreferrer">
                <span class="ar-embed-icon" aria-hidden="true">{ icon }</span>
                <span class="ar-embed-text">
                    <span class="ar-embed-kind">{ kind }</span>
                    if let Some(t) = &e.title {
                        <span class="ar-embed-title">{ plain_text(t, marks, current) }</span>
                    }
                    if let Some(h) = host {
                        <span class="ar-embed-host">{ h }</span>
                    }
                </span>
            </a>
        </p>
    }
}

/// The 附件 / Attachments list: file type and name of each linked file.
pub fn attachments_html(
    n: usize,
    files: &[Attachment],
    marks: MarksOf<'_>,
    current: Option<usize>,
    s: &Strings,
) -> Html {
    let items = files.iter().enumerate().map(|(m, f)| {
        html! {
            <li key={m} class="ar-attachment">
                <a class="ar-link" href={f.url.clone()} rel="noopener noreferrer">
                    <span class="ar-file-kind">{ f.kind.to_ascii_uppercase() }</span>
                    { plain_text(&f.name, &marks(Field::Item(n, m)), current) }
                </a>
            </li>
        }
    });
    html! {
        <section key={n} class="ar-attachments" aria-label={s.attachments}>
            <p class="ar-attachments-title">{ s.attachments }</p>
            <ul class="ar-attachment-list">{ for items }</ul>
        </section>
    }
}
