//! Any text and query: every highlight range lies on character boundaries
//! of the original text and covers text that normalises to a query term.
#![no_main]
use article_reader::core::search::{find_in_text, normalize_str, parse_query, Normalized};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (text, query) = input;
    let q = parse_query(query);
    let (ranges, _) = find_in_text(&Normalized::new(text), &q);
    let mut last = 0;
    for r in ranges {
        assert!(r.start >= last && r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let covered = normalize_str(&text[r.clone()]);
        assert!(
            q.terms.iter().any(|t| covered.contains(t.as_str())),
            "{covered:?} vs {:?}",
            q.terms
        );
        last = r.end;
    }
});
