//! Any string as `content_html`: the allowlist converter never panics and
//! every link it keeps passes the URL policy.
#![no_main]
use article_reader::core::html::blocks_from_html;
use article_reader::core::url::{safe_image, safe_link};
use article_reader::core::{Block, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let Ok(blocks) = blocks_from_html(html, &Limits::default()) else {
        return;
    };
    for b in &blocks {
        if let Block::Image { src, .. } = b {
            assert_eq!(safe_image(src).as_deref(), Some(src.as_str()));
        }
        for l in b.links() {
            assert_eq!(safe_link(l).as_deref(), Some(l));
        }
        for t in b.rich_texts() {
            for s in &t.spans {
                if let Some(h) = &s.href {
                    assert_eq!(safe_link(h).as_deref(), Some(h.as_str()));
                }
            }
        }
    }
});
