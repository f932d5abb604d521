//! Format detection and the many-document readers, across adapters.

use super::*;
use crate::core::json::json;

#[test]
fn detects_each_format() {
    let l = Limits::default();
    let native = json!({"format": "article-reader", "version": 1, "title": "t", "blocks": []});
    assert!(matches!(
        parse_value(native.clone(), &l),
        Ok(Document::Article(_))
    ));
    let feed = json!({"version": "https://jsonfeed.org/version/1.1", "title": "f",
        "items": [{"id": 1, "content_text": "x"}]});
    assert!(matches!(parse_value(feed, &l), Ok(Document::Collection(_))));
    let ld = json!([{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "headline": "h"}]);
    let Ok(Document::Article(a)) = parse_value(ld, &l) else {
        panic!()
    };
    assert_eq!(a.title, "h");
    let many = json!([native.clone(), native]);
    let Ok(Document::Collection(c)) = parse_value(many, &l) else {
        panic!()
    };
    assert_eq!(c.items[1].id, "t-2");
    for bad in [
        json!({"foo": 1}),
        json!([]),
        json!(42),
        json!("x"),
        json!(null),
        json!({"format": "other"}),
        json!({"version": "https://example.com/feed"}),
    ] {
        assert_eq!(parse_value(bad, &l).unwrap_err(), LoadError::UnknownFormat);
    }
}

#[test]
fn mixed_arrays_name_the_bad_element() {
    let native = json!({"format": "article-reader", "version": 1, "title": "t", "blocks": [{}]});
    let err = parse_value(json!([native]), &Limits::default()).unwrap_err();
    assert_eq!(err, fields::missing("[0].blocks[0].type"));
    let ok = json!({"format": "article-reader", "version": 1, "title": "t", "blocks": []});
    let many = parse_many_report(json!([ok, {"x": 1}]), &Limits::default(), None).unwrap();
    assert_eq!(many.items.len(), 1);
    assert_eq!(many.skipped.len(), 1);
    assert_eq!(many.skipped[0].index, 1);
    assert!(
        matches!(&many.skipped[0].reason, LoadError::InvalidValue { path, .. } if path == "[1]")
    );
}

#[test]
fn partial_feeds_are_shown_and_what_is_left_out_is_reported() {
    let l = Limits::default();
    let feed = json!({"version": "https://jsonfeed.org/version/1.1", "title": "f", "items": [
        {"id": "", "url": "https://x.cn/1", "title": "只有标题", "summary": "摘要"},
        {"title": "无 id", "content_text": "正文"},
        {"id": 3, "content_html": 5},
        {"id": "d", "content_text": "x"},
        {"id": "d", "content_text": "y"},
        "not an item"
    ]});
    let Ok(Document::Collection(c)) = parse_value(feed, &l) else {
        panic!()
    };
    let ids: Vec<_> = c.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["https://x.cn/1", "item-2", "d", "d-2"]);
    assert_eq!(c.items[0].lead.as_ref().unwrap().plain, "摘要");
    assert_eq!(
        c.items[0].blocks,
        [crate::core::model::Block::Original {
            url: "https://x.cn/1".into()
        }]
    );
    let skipped: Vec<_> = c.skipped.iter().map(|s| s.index).collect();
    assert_eq!(skipped, [2, 5]);
    assert_eq!(
        c.skipped[0].reason,
        fields::wrong_type("items[2].content_html", "a string")
    );
    // Nothing left: the first item's problem is the document's.
    let none = json!({"version": "https://jsonfeed.org/version/1", "title": "f",
        "items": [{"id": 1, "content_html": 5}]});
    assert_eq!(
        parse_value(none, &l).unwrap_err(),
        fields::wrong_type("items[0].content_html", "a string")
    );
}

#[test]
fn index_input_takes_json_ld_arrays_and_several_feeds() {
    let l = Limits::default();
    let feed = |t: &str| {
        json!({"version": "https://jsonfeed.org/version/1", "title": t,
            "items": [{"id": 1, "content_text": t}, {"id": 2, "content_html": false}]})
    };
    let many = parse_many_report(json!([feed("a"), feed("b")]), &l, None).unwrap();
    assert_eq!(many.items.len(), 2);
    assert_eq!(many.items[1].id, "1-2");
    assert_eq!(many.skipped.len(), 2);
    let ld = json!([{"@type": "WebPage"}, {"@type": "BreadcrumbList"},
        {"@type": "NewsArticle", "headline": "h"}]);
    let many = parse_many_report(ld, &l, None).unwrap();
    assert_eq!((many.items.len(), many.skipped.len()), (1, 0));
}

#[test]
fn parse_many_accepts_arrays_feeds_and_single_articles() {
    let l = Limits::default();
    assert_eq!(parse_many(json!([]), &l).unwrap(), vec![]);
    let ld = json!({"@type": "Article", "headline": "h"});
    assert_eq!(parse_many(ld.clone(), &l).unwrap().len(), 1);
    assert_eq!(parse_many(json!([ld.clone(), ld]), &l).unwrap().len(), 2);
    let feed = json!({"version": "https://jsonfeed.org/version/1", "title": "f",
        "items": [{"id": 1, "content_text": "x"}, {"id": 2, "content_html": "<p>y</p>"}]});
    assert_eq!(parse_many(feed, &l).unwrap().len(), 2);
    assert_eq!(
        parse_many(json!(1), &l).unwrap_err(),
        LoadError::UnknownFormat
    );
}

#[test]
fn bytes_pass_size_bom_and_utf8_checks() {
    let l = Limits::default();
    let doc = br#"{"format":"article-reader","version":1,"title":"t","blocks":[]}"#;
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(doc);
    assert!(parse_document(&with_bom, &l).is_ok());
    assert_eq!(
        parse_document(b"{\"a\":\"\xFF\"}", &l).unwrap_err(),
        LoadError::InvalidUtf8
    );
    let small = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    assert_eq!(
        parse_document(doc, &small).unwrap_err(),
        LoadError::TooLarge {
            size: doc.len(),
            limit: 10
        }
    );
    let LoadError::Syntax {
        line,
        column,
        detail,
    } = parse_document(b"{\n  \"a\": }", &l).unwrap_err()
    else {
        panic!()
    };
    assert_eq!((line, column), (2, 8));
    assert_eq!(detail, "expected value");
}
