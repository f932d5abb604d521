//! Bytes as choices of a grammar of tricky HTML (script escapes, raw text,
//! plaintext, comments, references, foreign content and breakout): the
//! text our converter keeps is the text html5ever's tree shows, as
//! multisets of characters (blocks inside a heading or list item follow it
//! in our model). The grammar and both readings are in
//! tests/html_oracle/mod.rs, shared with the property test.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/html_oracle/mod.rs"]
mod html_oracle;

fuzz_target!(|bytes: &[u8]| {
    let html = html_oracle::html_from_choices(bytes);
    let (ours, oracle) = (html_oracle::our_text(&html), html_oracle::oracle_text(&html));
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    assert_eq!(
        sorted(&ours),
        sorted(&oracle),
        "ours {ours:?}, html5ever {oracle:?}, html {html:?}"
    );
});
