//! Server rendering (native only): an article as an `<article-reader>`
//! element that reads before any script runs. The element carries
//!
//! - a declarative shadow root with the reader itself, rendered by Yew's
//!   server renderer from the same components the browser runs, styled at
//!   first paint by the linked stylesheet; the wasm hydrates it in place;
//! - in light DOM, the article as plain semantic HTML ([`PlainDocument`]),
//!   which crawlers index and which browsers without JavaScript or without
//!   declarative shadow DOM show (a shadow root without a slot hides it);
//! - the document JSON inline, so the reader does not fetch it again.
//!
//! `article-reader render` ([`cli`]) is the command line over it.

pub mod cli;
mod escape;
mod page;

use std::fmt;
use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::core::reading::parse_step;
use crate::core::{parse_document, Document, Lang, Limits, LoadError};
use crate::ui::{PlainDocument, PlainDocumentProps, Reader, ReaderProps, Shared, Source, Theme};

pub use escape::{escape_attr, escape_script_json};

/// How to render: the options the element's attributes carry, and where
/// the shipped files are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenderOptions {
    /// UI language (`lang`); `None`: the article's, else Chinese.
    pub lang: Option<String>,
    /// Colour theme (`theme`); `None`: follows the system.
    pub theme: Option<String>,
    /// Text size (`font-size`): a step number or name.
    pub font_size: Option<String>,
    /// URL prefix of the shipped files (`article-reader.css`, the scripts),
    /// e.g. `https://cdn.example.org/reader/`; empty: next to the page.
    pub base: String,
}

/// Why an article could not be rendered. Nothing is written then.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// The document is not one the reader accepts; the error names the field.
    Document(LoadError),
    /// An option has a value the reader does not know.
    Option {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Document(e) => write!(f, "{e}"),
            RenderError::Option {
                name,
                value,
                expected,
            } => write!(f, "--{name} \"{value}\": expected {expected}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// The options checked and resolved: what the element says and the reader
/// renders with, so the browser's reader starts in the same state.
struct Resolved {
    lang: Lang,
    theme: Option<Theme>,
    font_step: Option<usize>,
}

fn resolve(doc: &Document, opts: &RenderOptions) -> Result<Resolved, RenderError> {
    let bad = |name, value: &str, expected| RenderError::Option {
        name,
        value: value.to_owned(),
        expected,
    };
    let lang = match &opts.lang {
        Some(tag) => Some(Lang::from_tag(tag).ok_or_else(|| bad("lang", tag, "zh-CN or en"))?),
        None => None,
    };
    // The reader's own rule (ui::hooks::reader_lang) without the page and
    // the browser, which the server does not know: the element then names
    // the language, so the browser renders in it too.
    let article_lang = match doc {
        Document::Article(a) => a.lang.as_deref().and_then(Lang::from_tag),
        Document::Collection(_) => None,
    };
    let theme = match &opts.theme {
        Some(t) => {
            let theme = Theme::parse(t);
            if theme == Theme::AUTO && !t.trim().eq_ignore_ascii_case(Theme::AUTO.name()) {
                return Err(bad("theme", t, "one of the themes in src/settings.json"));
            }
            Some(theme)
        }
        None => None,
    };
    let font_step = match &opts.font_size {
        Some(s) => {
            Some(parse_step(s).ok_or_else(|| bad("font-size", s, "a step 0-4 or a size name"))?)
        }
        None => None,
    };
    Ok(Resolved {
        lang: lang.or(article_lang).unwrap_or_default(),
        theme,
        font_step,
    })
}

/// Runs Yew's server renderer on this thread. `LocalServerRenderer`: the
/// reader's props hold `Rc`s and callbacks, which may not cross threads.
fn render_component<C>(props: C::Properties, hydratable: bool) -> String
where
    C: yew::BaseComponent,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can fail");
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &runtime,
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(hydratable)
            .render(),
    )
}

/// Renders `doc_json` as an `<article-reader>` element (`standalone`: the
/// whole page's reader, as in [`render_page`]).
fn render_element(
    doc_json: &str,
    opts: &RenderOptions,
    standalone: bool,
) -> Result<(String, Document), RenderError> {
    let doc =
        parse_document(doc_json.as_bytes(), &Limits::default()).map_err(RenderError::Document)?;
    let r = resolve(&doc, opts)?;
    let reader = render_component::<Reader>(
        ReaderProps {
            source: Source::Json(Rc::from(doc_json)),
            lang: Some(r.lang),
            theme: r.theme.unwrap_or_default(),
            font_step: r.font_step,
            query: Default::default(),
            variants: false,
            max_bytes: None,
            standalone,
            on_event: Default::default(),
            // The display panel's choices are the reader's own (stored in
            // the browser); the server renders the defaults.
            line_spacing: None,
            typeface: None,
            // Site search starts from the browser (a query typed there).
            index: None,
        },
        true,
    );
    let plain = render_component::<PlainDocument>(
        PlainDocumentProps {
            doc: Shared::new(doc.clone()),
            strings: r.lang.strings(),
        },
        false,
    );
    let mut attrs = format!(" lang=\"{}\"", r.lang.tag());
    if standalone {
        attrs.insert_str(0, " standalone");
    }
    if let Some(theme) = r.theme {
        attrs.push_str(&format!(" theme=\"{}\"", theme.name()));
    }
    if let Some(step) = r.font_step {
        attrs.push_str(&format!(" font-size=\"{step}\""));
    }
    let css = escape_attr(&format!("{}article-reader.css", opts.base));
    let element = format!(
        "<article-reader{attrs}>\
         <template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{css}\">\
         <div class=\"ar-host ar-prerendered\" data-ar-ssr>{reader}</div>\
         </template>\
         {plain}\
         <script type=\"application/json\">{json}</script>\
         </article-reader>",
        json = escape_script_json(doc_json),
    );
    Ok((element, doc))
}

/// The `<article-reader>` element for `doc_json`, to paste into a portal
/// page's template (which loads `article-reader.js` once).
pub fn render_fragment(doc_json: &str, opts: &RenderOptions) -> Result<String, RenderError> {
    render_element(doc_json, opts, false).map(|(element, _)| element)
}

/// A complete standalone page for `doc_json`, like the built
/// `dist/index.html`: the reader is the whole page.
pub fn render_page(doc_json: &str, opts: &RenderOptions) -> Result<String, RenderError> {
    let (element, doc) = render_element(doc_json, opts, true)?;
    Ok(page::page(&doc, &element, opts))
}
