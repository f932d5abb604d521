use super::*;
use crate::core::json::json;

fn read(v: &Value) -> Result<Article, LoadError> {
    let found = find_article(v, "").expect("an article");
    parse(&found, &Limits::default(), 0)
}

#[test]
fn reads_a_news_article() {
    let v = json!({
        "@context": "https://schema.org", "@type": ["NewsArticle"],
        "headline": "标题", "datePublished": "2024-03-01T08:00:00+08:00",
        "author": [{"@type": "Person", "name": "张三"}, "李四", {"name": ""}],
        "publisher": {"@type": "Organization", "name": "某报", "url": "https://x.cn",
            "address": {"addressRegion": "陕西省", "addressLocality": "宝鸡市", "postalCode": "721000"}},
        "description": "导语", "articleBody": "第一段\n\n第二段\r\n第三段",
        "mainEntityOfPage": {"@id": "https://x.cn/a.html"},
        "image": [{"url": "javascript:x"}, {"@type": "ImageObject", "url": "https://x.cn/a.jpg", "caption": "图"}],
        "interactionStatistic": [
            {"interactionType": "https://schema.org/CommentAction", "userInteractionCount": 5},
            {"interactionType": {"@type": "ReadAction"}, "userInteractionCount": "1,024"}],
        "sourceOrganization": {"name": "新华社"}, "inLanguage": "zh-CN"
    });
    let a = read(&v).unwrap();
    assert_eq!(a.title, "标题");
    assert_eq!(a.author.as_deref(), Some("张三、李四"));
    assert_eq!(a.url.as_deref(), Some("https://x.cn/a.html"));
    assert_eq!(a.id, "https://x.cn/a.html");
    assert_eq!(a.views, Some(1024));
    assert_eq!(a.source.as_deref(), Some("新华社"));
    assert_eq!(a.lang.as_deref(), Some("zh-CN"));
    assert_eq!(a.lead.unwrap().plain, "导语");
    assert_eq!(a.blocks.len(), 4);
    assert!(
        matches!(&a.blocks[0], Block::Image { src, caption: Some(c), .. }
        if src == "https://x.cn/a.jpg" && c.plain == "图")
    );
    let p = a.publisher.unwrap();
    assert_eq!(p.organiser.as_deref(), Some("某报"));
    assert_eq!(p.address.as_deref(), Some("陕西省宝鸡市"));
    assert_eq!(p.postcode.as_deref(), Some("721000"));
    assert_eq!(
        a.site.unwrap(),
        Site {
            name: "某报".into(),
            url: Some("https://x.cn".into())
        }
    );
}

#[test]
fn graph_references_resolve() {
    let v = json!({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "#page"},
        {"@type": "Organization", "@id": "#org", "name": "宝鸡日报"},
        {"@type": "schema:Article", "name": "只有name", "publisher": {"@id": "#org"}}
    ]});
    let found = find_article(&v, "").unwrap();
    assert_eq!(found.path, "@graph[2]");
    let a = parse(&found, &Limits::default(), 0).unwrap();
    assert_eq!(a.title, "只有name");
    assert_eq!(a.publisher.unwrap().organiser.as_deref(), Some("宝鸡日报"));
}

#[test]
fn many_references_into_a_large_graph_resolve_by_index() {
    // 20,000 image references into a 20,000-node graph: each resolves
    // through the id index (a scan per reference would be 4 * 10^8 steps).
    // The first id wins on duplicates; the only safe image is the last.
    let n = 20_000;
    let mut nodes = vec![format!(
        r#"{{"@type":"NewsArticle","headline":"t","image":[{}]}}"#,
        (0..n)
            .map(|i| format!(r##"{{"@id":"#i{i}"}}"##))
            .collect::<Vec<_>>()
            .join(",")
    )];
    for i in 0..n {
        let url = if i == n - 1 {
            "https://x.cn/ok.jpg"
        } else {
            "javascript:x"
        };
        nodes.push(format!(r##"{{"@id":"#i{i}","url":"{url}"}}"##));
    }
    nodes.push(r##"{"@id":"#i0","url":"https://x.cn/not-first.jpg"}"##.to_owned());
    let text = format!(r#"{{"@graph":[{}]}}"#, nodes.join(","));
    let v = crate::core::json::from_str(&text).unwrap();
    let a = parse(&find_article(&v, "").unwrap(), &Limits::default(), 0).unwrap();
    assert!(matches!(&a.blocks[0], Block::Image { src, .. } if src == "https://x.cn/ok.jpg"));
}

#[test]
fn single_statistic_and_missing_headline() {
    let v = json!({"@type": "Article", "headline": "t",
        "interactionStatistic": {"userInteractionCount": 7}});
    assert_eq!(read(&v).unwrap().views, Some(7));
    let v = json!({"@type": "BlogPosting", "articleBody": "x"});
    assert_eq!(read(&v).unwrap_err(), missing("headline"));
    assert!(find_article(&json!({"@type": "Recipe"}), "").is_none());
}

#[test]
fn every_article_subtype_type_arrays_and_pages() {
    let l = Limits::default();
    for t in [
        json!("SocialMediaPosting"),
        json!("https://schema.org/DiscussionForumPosting"),
        json!("schema:LiveBlogPosting"),
        json!("TechArticle"),
        json!(["Thing", "ScholarlyArticle"]),
    ] {
        let v = json!({"@type": t, "headline": "h"});
        assert!(find_article(&v, "").is_some(), "{t:?}");
    }
    assert!(find_article(&json!({"@type": "Person", "headline": "h"}), "").is_none());
    assert!(find_article(&json!({"@type": [], "headline": "h"}), "").is_none());
    let page = json!({"@type": "WebPage", "mainEntity": {"@type": "Article", "headline": "main"}});
    let found = find_article(&page, "").unwrap();
    assert_eq!(found.path, "mainEntity");
    assert_eq!(parse(&found, &l, 0).unwrap().title, "main");
    let page = json!({"@type": "WebPage", "name": "p", "articleBody": "正文"});
    assert_eq!(
        parse(&find_article(&page, "").unwrap(), &l, 0)
            .unwrap()
            .blocks
            .len(),
        1
    );
}

#[test]
fn article_body_markup_goes_through_the_allowlist() {
    let l = Limits::default();
    for body in [
        "<p class=\"FirstParagraph\">Uno &oacute;</p><p>Dos<script>x</script></p>",
        "&lt;p class=&quot;FirstParagraph&quot;&gt;Uno &amp;oacute;&lt;/p&gt;&lt;p&gt;Dos&lt;/p&gt;",
    ] {
        let v = json!({"@type": "NewsArticle", "headline": "h", "articleBody": body});
        let a = parse(&find_article(&v, "").unwrap(), &l, 0).unwrap();
        let texts: Vec<_> = a
            .blocks
            .iter()
            .flat_map(|b| b.rich_texts())
            .map(|t| t.plain.as_str())
            .collect();
        assert_eq!(texts, ["Uno ó", "Dos"], "{body}");
    }
    // Prose with a "<" is not markup.
    let v = json!({"@type": "NewsArticle", "headline": "h", "articleBody": "a < b\nc <3"});
    let a = parse(&find_article(&v, "").unwrap(), &l, 0).unwrap();
    assert_eq!(a.blocks.len(), 2);
}
