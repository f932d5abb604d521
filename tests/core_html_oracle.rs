//! The HTML allowlist checked against an independent parser: for HTML made
//! by a grammar of the tricky states (script escapes, raw text, plaintext,
//! comments, references, foreign content and breakout), the text our
//! blocks carry is the text html5ever's tree shows (tests/html_oracle/).

#![cfg(not(target_arch = "wasm32"))]

mod html_oracle;

use html_oracle::{html_from_choices, oracle_text, our_text};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn visible_text_is_what_a_browser_parser_shows(bytes in proptest::collection::vec(any::<u8>(), 0..48)) {
        let html = html_from_choices(&bytes);
        let (ours, oracle) = (our_text(&html), oracle_text(&html));
        // As multisets of characters: the model has no nesting, so a block
        // inside a heading or list item follows it.
        prop_assert_eq!(sorted(&ours), sorted(&oracle), "ours {:?}, html5ever {:?}, html {:?}", ours, oracle, html);
    }
}

fn sorted(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v
}

/// Cases a browser reads in a way that is easy to get wrong, each checked
/// against the oracle (so the oracle and the grammar's pieces agree too).
#[test]
fn hand_picked_cases_agree_with_the_oracle() {
    for html in [
        "<script><!--<script></script>LEAK</script>ok",
        "<script><!--</script>a",
        "<plaintext>x</plaintext><p>y",
        "<svg><g><text>x<b>粗</b>y</text></g>z",
        "<svg><foreignObject><p>a</foreignObject></svg><p>b",
        "<svg><style><p>a</p></style></svg>",
        "<svg><![CDATA[</svg><p>x]]></svg>y",
        "<math><mi><p>in</p></mi><p>out</p></math>",
        "<noscript><!--</noscript>a-->",
        "<p>a<svg><g>x</p>b",
        "<svg><font>a</font><font color=red>b</font>",
        "<svg><title><p>d</p></title></svg>e",
        // Found by the fuzz target: an end tag inside a template does not
        // end the `pre` around it.
        "<pre>b<template><p>x</pre>a",
    ] {
        let ours = our_text(html);
        assert_eq!(ours, oracle_text(html), "{html}");
        assert!(!ours.contains('<'), "{html}");
    }
}
