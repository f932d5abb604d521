use super::*;

fn err(text: &str) -> Error {
    from_str(text).unwrap_err()
}

#[test]
fn reads_every_kind_of_value() {
    let v = from_str(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#).unwrap();
    let Value::Object(m) = &v else {
        panic!("{v:?}")
    };
    assert_eq!(m.len(), 2);
    let Some(Value::Array(a)) = m.get("a") else {
        panic!()
    };
    assert_eq!(a.len(), 5);
    assert_eq!(a[0], Value::Number(Number("1".into())));
    assert_eq!(a[1].to_owned(), Value::Number(Number("-2.5e3".into())));
    assert_eq!(
        &a[2..],
        &[Value::Bool(true), Value::Bool(false), Value::Null]
    );
    assert_eq!(
        v.get("b").and_then(|b| b.get("c")).and_then(Value::as_str),
        Some("d")
    );
}

#[test]
fn unescapes_strings_and_keeps_utf8() {
    let v = from_str(r#""陕西\n\t\"\\\/\u00e9\u4e2d\ud83d\ude00""#).unwrap();
    assert_eq!(v.as_str(), Some("陕西\n\t\"\\/é中😀"));
}

#[test]
fn lone_surrogates_become_replacement_characters() {
    assert_eq!(
        from_str(r#""a\ud800b""#).unwrap().as_str(),
        Some("a\u{FFFD}b")
    );
    assert_eq!(from_str(r#""\udc00""#).unwrap().as_str(), Some("\u{FFFD}"));
    // A leading surrogate followed by a non-trailing escape keeps both.
    assert_eq!(
        from_str(r#""\ud800\u0041""#).unwrap().as_str(),
        Some("\u{FFFD}A")
    );
}

#[test]
fn duplicate_keys_keep_the_last_value() {
    let v = from_str(r#"{"k": 1, "k": "two"}"#).unwrap();
    assert_eq!(v.get("k").and_then(Value::as_str), Some("two"));
}

#[test]
fn rejects_what_rfc_8259_rejects() {
    for (text, detail) in [
        ("", "EOF while parsing a value"),
        ("[1,]", "trailing comma"),
        (r#"{"a":1,}"#, "trailing comma"),
        ("[1 2]", "expected `,` or `]`"),
        ("{1: 2}", "key must be a string"),
        (r#"{"a" 1}"#, "expected `:`"),
        ("01", "invalid number"),
        ("1.", "invalid number"),
        ("-", "invalid number"),
        ("1e", "invalid number"),
        ("nul", "EOF while parsing a value"),
        ("nulx", "expected value"),
        ("'a'", "expected value"),
        (r#""a\x""#, "invalid escape"),
        (r#""\u12g4""#, "invalid escape"),
        (
            "\"a\u{1}\"",
            "control character (\\u0000-\\u001F) found while parsing a string",
        ),
        ("\"abc", "EOF while parsing a string"),
        ("[1", "EOF while parsing a list"),
        ("{\"a\":1", "EOF while parsing an object"),
        ("{\"a\"", "EOF while parsing an object"),
        ("1 2", "trailing characters"),
    ] {
        assert_eq!(err(text).detail, detail, "{text:?}");
    }
}

#[test]
fn nesting_stops_at_the_limit() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
    assert!(from_str(&ok).is_ok());
    let deep = "[".repeat(100_000);
    assert_eq!(err(&deep).detail, "recursion limit exceeded");
    let deep_objects = r#"{"a":"#.repeat(MAX_DEPTH);
    assert_eq!(err(&deep_objects).detail, "recursion limit exceeded");
}

#[test]
fn errors_point_at_the_offending_character() {
    let e = err("{\n  \"a\": }");
    assert_eq!((e.line, e.column), (2, 8));
    // Columns count characters, not bytes.
    let e = err("[\"中文\", x]");
    assert_eq!((e.line, e.column, e.detail), (1, 8, "expected value"));
}

#[test]
fn numbers_read_as_whole_numbers() {
    let n = |s: &str| Number(s.into());
    assert_eq!(n("1234").as_u64(), Some(1234));
    assert_eq!(n("1234.0").as_u64(), Some(1234));
    assert_eq!(n("1.234e3").as_u64(), Some(1234));
    assert_eq!(n("12340E-1").as_u64(), Some(1234));
    assert_eq!(n("0").as_u64(), Some(0));
    assert_eq!(n("0e9").as_u64(), Some(0));
    assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
    assert_eq!(n("18446744073709551616").as_u64(), None);
    assert_eq!(n("1.5").as_u64(), None);
    assert_eq!(n("1e400").as_u64(), None);
    assert_eq!(n("1e-400").as_u64(), None);
    assert_eq!(n("-3").as_u64(), None);
    assert!(n("-3").is_negative());
    assert!(n("-0.5").is_negative());
    assert!(!n("-0").is_negative());
    assert_eq!(n("-0").as_u64(), Some(0));
    assert_eq!(n("1e3").to_string(), "1e3");
    // Zero stays zero whatever its sign or exponent.
    for zero in ["-0e5", "-0.0E+1", "0e2147483648", "-0E-9999999999"] {
        assert!(!n(zero).is_negative(), "{zero}");
        assert_eq!(n(zero).as_u64(), Some(0), "{zero}");
    }
    assert_eq!(n("1e2147483648").as_u64(), None);
    assert_eq!(n("5e-2147483649").as_u64(), None);
}
