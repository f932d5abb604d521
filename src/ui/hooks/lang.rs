//! Which language the reader speaks.

use crate::core::Lang;

/// The host page's `<html lang>`, then the browser's language. The page
/// comes first: a Chinese portal read in an English browser stays Chinese.
#[cfg(target_arch = "wasm32")]
fn page_or_browser_lang() -> Option<Lang> {
    let window = web_sys::window()?;
    let page = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::from_tag(&l));
    page.or_else(|| {
        window
            .navigator()
            .language()
            .and_then(|l| Lang::from_tag(&l))
    })
}

/// The server renderer knows neither: `article-reader render` writes the
/// language it rendered in as the element's `lang`, so the browser agrees.
#[cfg(not(target_arch = "wasm32"))]
fn page_or_browser_lang() -> Option<Lang> {
    None
}

/// The UI language: the host's `lang` option, then the article's language,
/// then the page's, then the browser's, then Chinese.
pub fn reader_lang(option: Option<Lang>, article_lang: Option<&str>) -> Lang {
    option
        .or_else(|| article_lang.and_then(Lang::from_tag))
        .or_else(page_or_browser_lang)
        .unwrap_or_default()
}
