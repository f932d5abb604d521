//! Every way a document can be broken gives the right error, naming the
//! field, and never a crash.

use article_reader::core::format::{parse_document, parse_json, parse_value, Limits};
use article_reader::core::{Document, LoadError, SEED_ARTICLE_JSON};

const FEED: &str = include_str!("fixtures/feed.json");

fn load(json: &str) -> Result<Document, LoadError> {
    parse_document(json.as_bytes(), &Limits::default())
}

fn seed_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Document, LoadError> {
    let mut v: serde_json::Value = serde_json::from_str(SEED_ARTICLE_JSON).unwrap();
    edit(&mut v);
    parse_value(parse_json(&v.to_string()).unwrap(), &Limits::default())
}

#[test]
fn broken_json_is_a_syntax_error() {
    for bad in ["{", "{\"title\": }", "not json", "", "[1,]", "{\"a\":1} x"] {
        assert!(
            matches!(load(bad), Err(LoadError::Syntax { .. })),
            "{bad:?}"
        );
    }
    let mut cut = SEED_ARTICLE_JSON.len() / 2;
    while !SEED_ARTICLE_JSON.is_char_boundary(cut) {
        cut -= 1;
    }
    let Err(LoadError::Syntax { detail, .. }) = load(&SEED_ARTICLE_JSON[..cut]) else {
        panic!("truncated JSON")
    };
    assert!(detail.contains("EOF"), "{detail}");
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_crash() {
    let n = 100_000;
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let doc = format!("{}1{}", open.repeat(n), close.repeat(n));
        let Err(LoadError::Syntax { detail, .. }) = load(&doc) else {
            panic!("deep nesting must fail")
        };
        assert!(detail.contains("recursion limit"), "{detail}");
    }
}

#[test]
fn bytes_that_are_not_a_document() {
    assert_eq!(
        parse_document(b"{\"title\": \"\xE4\xB8\"}", &Limits::default()),
        Err(LoadError::InvalidUtf8)
    );
    let small = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    assert_eq!(
        parse_document(SEED_ARTICLE_JSON.as_bytes(), &small),
        Err(LoadError::TooLarge {
            size: SEED_ARTICLE_JSON.len(),
            limit: 1000
        })
    );
    for unknown in ["{\"foo\":1}", "[]", "42", "\"article\"", "null", "true"] {
        assert_eq!(load(unknown), Err(LoadError::UnknownFormat), "{unknown}");
    }
}

#[test]
fn field_errors_name_the_field() {
    assert_eq!(
        seed_with(|v| v["title"] = 5.into()),
        Err(LoadError::WrongType {
            path: "title".into(),
            expected: "a string"
        })
    );
    assert_eq!(
        seed_with(|v| {
            v.as_object_mut().unwrap().remove("title");
        }),
        Err(LoadError::MissingField {
            path: "title".into()
        })
    );
    assert_eq!(
        seed_with(|v| v["version"] = 2.into()),
        Err(LoadError::UnsupportedVersion { found: "2".into() })
    );
    assert_eq!(
        seed_with(|v| v["blocks"][3]["text"] = serde_json::json!({})),
        Err(LoadError::WrongType {
            path: "blocks[3].text".into(),
            expected: "a string or an array"
        })
    );
    assert_eq!(
        seed_with(|v| v["publisher"]["phone"] = serde_json::json!([])),
        Err(LoadError::WrongType {
            path: "publisher.phone".into(),
            expected: "a string"
        })
    );
    assert!(matches!(
        seed_with(|v| v["blocks"][0]["type"] = "carousel".into()),
        Err(LoadError::InvalidValue { path, .. }) if path == "blocks[0].type"
    ));
    let mut feed: serde_json::Value = serde_json::from_str(FEED).unwrap();
    feed["items"][2]["title"] = serde_json::json!(["x"]);
    // A broken item is left out with its error; the rest of the feed shows.
    let Ok(article_reader::core::Document::Collection(c)) =
        parse_value(parse_json(&feed.to_string()).unwrap(), &Limits::default())
    else {
        panic!("the feed still loads")
    };
    assert_eq!(c.skipped.len(), 1);
    assert_eq!(c.skipped[0].index, 2);
    assert_eq!(
        c.skipped[0].reason,
        LoadError::WrongType {
            path: "items[2].title".into(),
            expected: "a string"
        }
    );
}

#[test]
fn too_many_blocks_or_too_long_strings() {
    let blocks: Vec<_> = (0..10_001)
        .map(|i| serde_json::json!({"type": "paragraph", "text": format!("第{i}段")}))
        .collect();
    assert_eq!(
        seed_with(|v| v["blocks"] = blocks.into()),
        Err(LoadError::LimitExceeded {
            path: "blocks".into(),
            limit: 10_000
        })
    );
    let tight = Limits {
        max_string: 100,
        ..Limits::default()
    };
    assert!(matches!(
        parse_document(SEED_ARTICLE_JSON.as_bytes(), &tight),
        Err(LoadError::LimitExceeded { path, limit: 100 }) if path.starts_with("blocks[")
    ));
}
