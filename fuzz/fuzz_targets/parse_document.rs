//! Any bytes: every adapter either returns a document whose rich texts are
//! well formed, or an error; never a panic.
#![no_main]
use article_reader::core::{parse_document, Document, Limits, RichText};
use libfuzzer_sys::fuzz_target;

fn check(t: &RichText) {
    let mut at = 0;
    for s in &t.spans {
        assert_eq!(s.range.start, at, "spans must tile the text");
        assert!(t.plain.is_char_boundary(s.range.end));
        at = s.range.end;
    }
    assert_eq!(at, t.plain.len());
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_bytes: 1 << 20,
        ..Limits::default()
    };
    let articles = match parse_document(data, &limits) {
        Ok(Document::Article(a)) => vec![a],
        Ok(Document::Collection(c)) => c.items,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    for a in &articles {
        for b in &a.blocks {
            b.rich_texts().into_iter().for_each(check);
        }
    }
});
