//! Any string through the JSON reader: it never panics, and whatever
//! serde_json accepts it accepts too, with the same values (it is more
//! lenient in exactly two places, lone surrogates and out-of-range numbers;
//! tests/core_json.rs checks those).
#![no_main]
use article_reader::core::json::{self, Value};
use libfuzzer_sys::fuzz_target;

/// Whether `ours` holds the same data as serde_json's `theirs`: numbers by
/// value (integers exactly, others as the float their spelling reads as),
/// objects by key set with the last duplicate winning, as serde_json does.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (ours, theirs) {
        (Value::Null, S::Null) => true,
        (Value::Bool(a), S::Bool(b)) => a == b,
        (Value::Number(n), S::Number(m)) => match m.as_u64() {
            Some(u) => n.as_u64() == Some(u),
            None => n.to_string().parse::<f64>().ok() == m.as_f64(),
        },
        (Value::String(a), S::String(b)) => a == b,
        (Value::Array(a), S::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), S::Object(b)) => {
            let mut keys: Vec<&str> = a.iter().map(|(k, _)| k).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() == b.len()
                && b.iter()
                    .all(|(k, v)| a.get(k).is_some_and(|mine| same(mine, v)))
        }
        _ => false,
    }
}

fuzz_target!(|text: &str| {
    let ours = json::from_str(text);
    if let Ok(theirs) = serde_json::from_str::<serde_json::Value>(text) {
        match &ours {
            Ok(value) => assert!(same(value, &theirs), "{text:?}: {value:?} vs {theirs:?}"),
            Err(e) => panic!("serde_json accepts {text:?}, we say {e:?}"),
        }
    }
});
