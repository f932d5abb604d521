//! One content block as DOM. Each block is its own component so that a
//! keystroke in the search box re-renders only the blocks whose marks
//! changed (it matters on a 1 MB article).

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::media_blocks::{attachments_html, code_html, definitions_html, embed_html, table_html};
use super::rich_text::{rich_text, Marks};
use super::shared::Shared;
use super::state::on_screen;
use crate::core::{Block, Document, Field, Lang, RichText, Strings};

/// The search marks inside one block: (field, global match index, range).
pub type BlockMarks = Vec<(Field, usize, Range<usize>)>;

/// The block a field belongs to (`None` for the title and lead).
pub fn block_of(field: Field) -> Option<usize> {
    match field {
        Field::Block(n) | Field::Item(n, _) | Field::Caption(n) | Field::Cell(n, _) => Some(n),
        Field::Title | Field::Lead => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub doc: Shared<Document>,
    /// The open item when `doc` is a collection.
    pub item: Option<usize>,
    /// Index of the block in the article.
    pub n: usize,
    /// The marks inside this block (compared by value).
    pub marks: Rc<BlockMarks>,
    /// The current match, when it is inside this block.
    pub current: Option<usize>,
    /// The UI strings (labels of tables, embeds, attachments). Without
    /// them, the article's own language picks (Chinese by default).
    #[prop_or_default]
    pub strings: Option<&'static Strings>,
}

/// One block of the article on screen.
#[component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let Some(article) = on_screen(&props.doc, props.item).map(|s| s.article) else {
        return Html::default();
    };
    let strings = props.strings.unwrap_or_else(|| {
        article
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or_default()
            .strings()
    });
    match article.blocks.get(props.n) {
        Some(b) => block_html(props.n, b, &props.marks, props.current, strings),
        None => Html::default(),
    }
}

/// The anchor id of the heading in block `n` (stable for a given document).
pub fn heading_id(n: usize) -> String {
    format!("ar-section-{n}")
}

/// An image with its reserved size and its caption. The image is a button
/// (named 查看大图 and the image's description) that opens the image viewer;
/// js/lib/aids.js loads the viewer on the first press.
fn image_html(
    n: usize,
    (src, alt): (&str, &str),
    s: &Strings,
    size: Option<(u32, u32)>,
    caption: Option<&RichText>,
    caption_marks: &Marks,
    current: Option<usize>,
) -> Html {
    html! {
        <figure key={n} class="ar-figure">
            <button type="button" class="ar-img-open" aria-label={image_name(s, alt)}>
            <img class="ar-img" src={src.to_owned()} alt={alt.to_owned()} loading="lazy"
                width={size.map(|(w, _)| w.to_string())}
                height={size.map(|(_, h)| h.to_string())}
                decoding="async" referrerpolicy="no-referrer" />
            </button>
            if let Some(c) = caption {
                <figcaption class="ar-caption">{ rich_text(c, caption_marks, current) }</figcaption>
            }
        </figure>
    }
}

/// The name of an image's button: what pressing it does, then the image.
fn image_name(s: &Strings, alt: &str) -> String {
    if alt.trim().is_empty() {
        s.view_image.to_owned()
    } else {
        format!("{}{}{}", s.view_image, s.separator, alt.trim())
    }
}

/// Renders block `n` with its marks; `current` is the current match index.
fn block_html(
    n: usize,
    block: &Block,
    marks: &BlockMarks,
    current: Option<usize>,
    s: &Strings,
) -> Html {
    let text = |field: Field| -> Marks {
        marks
            .iter()
            .filter(|(f, _, _)| *f == field)
            .map(|(_, i, r)| (*i, r.clone()))
            .collect()
    };
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
        Block::Image {
            src,
            alt,
            caption,
            size,
        } => image_html(
            n,
            (src, alt),
            s,
            *size,
            caption.as_ref(),
            &text(Field::Caption(n)),
            current,
        ),
        Block::Code { text: t, lang } => {
            code_html(n, t, lang.as_deref(), &text(Field::Block(n)), current, s)
        }
        Block::Rule => html! { <hr key={n} class="ar-rule" /> },
        Block::Table(t) => table_html(n, t, &text, current, s),
        Block::Definitions(ds) => definitions_html(n, ds, &text, current),
        Block::Embed(e) => embed_html(n, e, &text(Field::Block(n)), current, s),
        Block::Attachments(files) => attachments_html(n, files, &text, current, s),
        Block::Original { url } => html! {
            <p key={n} class="ar-original">
                <a class="ar-link" href={url.clone()} rel="noopener noreferrer">
                    { s.read_original }<span aria-hidden="true">{ " →" }</span>
                </a>
            </p>
        },
    }
}
