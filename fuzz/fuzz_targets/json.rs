//! Any string through the JSON reader: it never panics, and it accepts
//! every text serde_json accepts (it is more lenient in exactly two places,
//! lone surrogates and out-of-range numbers; tests/core_json.rs checks the
//! values agree).
#![no_main]
use article_reader::core::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ours = json::from_str(text);
    if serde_json::from_str::<serde_json::Value>(text).is_ok() {
        assert!(ours.is_ok(), "serde_json accepts {text:?}, we say {ours:?}");
    }
});
