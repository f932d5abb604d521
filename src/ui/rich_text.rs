//! Renders a [`RichText`] as DOM: text nodes, allowed inline elements, and
//! `<mark>` for search matches. Strings always become text, never markup.

use std::ops::Range;

use yew::prelude::*;

use crate::core::model::Script;
use crate::core::search::ArticleMatches;
use crate::core::{Field, RichText, Span};

/// The marks of one field: (global match index, byte range).
pub type Marks = Vec<(usize, Range<usize>)>;

/// The marks of `field`.
pub fn marks_for(matches: &ArticleMatches, field: Field) -> Marks {
    matches.in_field(field).collect()
}

/// Text of `range`, split into plain runs and `<mark>`s.
fn marked(text: &str, range: Range<usize>, marks: &Marks, current: Option<usize>) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut at = range.start;
    for (index, m) in marks {
        let start = m.start.max(range.start);
        let end = m.end.min(range.end);
        if start >= end {
            continue;
        }
        if at < start {
            out.push(html! { { &text[at..start] } });
        }
        let is_current = Some(*index) == current;
        out.push(html! {
            <mark class={classes!("ar-mark", is_current.then_some("ar-mark-current"))}
                aria-current={is_current.then_some("true")}>
                { &text[start..end] }
            </mark>
        });
        at = end;
    }
    if at < range.end {
        out.push(html! { { &text[at..range.end] } });
    }
    out.into_iter().collect()
}

fn span_html(text: &RichText, span: &Span, marks: &Marks, current: Option<usize>) -> Html {
    if span.line_break {
        return html! { <br /> };
    }
    let mut inner = marked(&text.plain, span.range.clone(), marks, current);
    if span.em {
        inner = html! { <em>{ inner }</em> };
    }
    if span.strong {
        inner = html! { <strong>{ inner }</strong> };
    }
    match span.script {
        Some(Script::Super) => inner = html! { <sup>{ inner }</sup> },
        Some(Script::Sub) => inner = html! { <sub>{ inner }</sub> },
        None => {}
    }
    match &span.href {
        Some(href) => html! {
            <a class="ar-link" href={href.clone()} rel="noopener noreferrer">{ inner }</a>
        },
        None => inner,
    }
}

/// A rich text with its search marks.
pub fn rich_text(text: &RichText, marks: &Marks, current: Option<usize>) -> Html {
    text.spans
        .iter()
        .map(|span| span_html(text, span, marks, current))
        .collect()
}

/// Plain text with its search marks.
pub fn plain_text(text: &str, marks: &Marks, current: Option<usize>) -> Html {
    marked(text, 0..text.len(), marks, current)
}
