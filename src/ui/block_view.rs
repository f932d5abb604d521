//! One content block as DOM.

use yew::prelude::*;

use super::rich_text::{marks_for, rich_text};
use crate::core::search::ArticleMatches;
use crate::core::{Block, Field};

/// The anchor id of the heading in block `n` (stable for a given document).
pub fn heading_id(n: usize) -> String {
    format!("ar-section-{n}")
}

/// Renders block `n`, keyed by its index.
pub fn block_html(n: usize, block: &Block, matches: &ArticleMatches, current: usize) -> Html {
    let text = |field| marks_for(matches, field);
    match block {
        Block::Paragraph(t) => html! {
            <p key={n} class="ar-p">{ rich_text(t, &text(Field::Block(n)), current) }</p>
        },
        Block::Heading { level, text: t } => {
            let inner = rich_text(t, &text(Field::Block(n)), current);
            let id = heading_id(n);
            match level {
                // tabindex -1: the contents links move focus to the heading.
                3 => html! { <h3 key={n} {id} class="ar-h3" tabindex="-1">{ inner }</h3> },
                4 => html! { <h4 key={n} {id} class="ar-h4" tabindex="-1">{ inner }</h4> },
                _ => html! { <h2 key={n} {id} class="ar-h2" tabindex="-1">{ inner }</h2> },
            }
        }
        Block::List { ordered, items } => {
            let items = items.iter().enumerate().map(|(m, item)| {
                html! {
                    <li key={m}>{ rich_text(item, &text(Field::Item(n, m)), current) }</li>
                }
            });
            if *ordered {
                html! { <ol key={n} class="ar-list">{ for items }</ol> }
            } else {
                html! { <ul key={n} class="ar-list">{ for items }</ul> }
            }
        }
        Block::Quote { text: t, cite } => html! {
            <blockquote key={n} class="ar-quote">
                <p>{ rich_text(t, &text(Field::Block(n)), current) }</p>
                if let Some(cite) = cite {
                    <footer class="ar-cite">{ "— " }{ cite.clone() }</footer>
                }
            </blockquote>
        },
        Block::Image { src, alt, caption } => html! {
            <figure key={n} class="ar-figure">
                <img class="ar-img" src={src.clone()} alt={alt.clone()} loading="lazy"
                    decoding="async" referrerpolicy="no-referrer" />
                if let Some(c) = caption {
                    <figcaption class="ar-caption">
                        { rich_text(c, &text(Field::Caption(n)), current) }
                    </figcaption>
                }
            </figure>
        },
    }
}
