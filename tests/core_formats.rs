//! The format adapters end to end: the seed page, the fixtures shared with
//! the browser tests, and every way a document can be broken.

use article_reader::core::format::{parse_document, parse_json, parse_many, Limits};
use article_reader::core::url::{safe_image, safe_link};
use article_reader::core::{Article, Block, Document, LoadError, RichText, SEED_ARTICLE_JSON};

const SEED_TXT: &str = include_str!("../content/seed-article.txt");
const FEED: &str = include_str!("fixtures/feed.json");
const NEWS: &str = include_str!("fixtures/newsarticle.json");
const GRAPH: &str = include_str!("fixtures/graph-article.json");

fn load(json: &str) -> Result<Document, LoadError> {
    parse_document(json.as_bytes(), &Limits::default())
}

fn article(json: &str) -> Article {
    match load(json) {
        Ok(Document::Article(a)) => a,
        other => panic!("expected an article, got {other:?}"),
    }
}

/// Every text of an article in reading order: lead, then each block's
/// text or list items or caption.
fn texts(a: &Article) -> Vec<String> {
    let mut out: Vec<String> = a.lead.iter().map(|l| l.plain.clone()).collect();
    for b in &a.blocks {
        out.extend(b.rich_texts().into_iter().map(|t| t.plain.clone()));
    }
    out
}

/// The model's invariants for one text: spans in order, contiguous,
/// covering `plain` exactly; `'\n'` only as a line-break span; every href
/// allowed by the link policy.
fn assert_rich_ok(t: &RichText) {
    let mut at = 0;
    for s in &t.spans {
        assert_eq!(s.range.start, at, "spans must be contiguous: {t:?}");
        assert!(s.range.end > s.range.start, "empty span: {t:?}");
        let piece = &t.plain[s.range.clone()];
        assert_eq!(
            s.line_break,
            piece == "\n",
            "line break span mismatch: {t:?}"
        );
        assert!(
            s.line_break || !piece.contains('\n'),
            "stray newline: {t:?}"
        );
        if let Some(h) = &s.href {
            assert_eq!(safe_link(h).as_deref(), Some(h.as_str()), "unsafe href {h}");
        }
        at = s.range.end;
    }
    assert_eq!(at, t.plain.len(), "spans must cover the text: {t:?}");
}

fn assert_article_ok(a: &Article) {
    assert!(!a.title.trim().is_empty());
    assert!(!a.id.is_empty());
    a.lead.iter().for_each(assert_rich_ok);
    for b in &a.blocks {
        match b {
            Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
                assert!(!t.is_blank())
            }
            Block::Image { src, .. } => assert_eq!(safe_image(src).as_deref(), Some(src.as_str())),
            _ => {}
        }
        b.rich_texts().into_iter().for_each(assert_rich_ok);
        for l in b.links() {
            assert_eq!(safe_link(l).as_deref(), Some(l));
        }
    }
}

#[test]
fn seed_article_has_every_field() {
    let a = article(SEED_ARTICLE_JSON);
    assert_article_ok(&a);
    assert_eq!(a.id, "baoji-2024-02-22-zuofeng");
    assert_eq!(a.lang.as_deref(), Some("zh-CN"));
    assert_eq!(a.title, "锤炼作风 夯实高质量发展“硬保障”");
    assert_eq!(a.published.as_deref(), Some("2024-02-22"));
    assert_eq!(a.source.as_deref(), Some("群众新闻网"));
    assert_eq!(a.views, None);
    assert_eq!(
        a.lead.as_ref().unwrap().plain,
        "实现高质量发展,关键在干部,根本靠作风。"
    );
    let headings: Vec<_> = a.headings().map(|(_, level, t)| (level, t)).collect();
    assert_eq!(
        headings,
        [
            (2, "政治忠诚持续铸牢 纪律意识持续强化"),
            (2, "新风正气持续弘扬 能力素质持续增强"),
            (2, "创造活力持续激发 干事效能持续提升"),
        ]
    );
    let lists: Vec<_> = a
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::List { ordered, items } => Some((ordered, items)),
            _ => None,
        })
        .collect();
    assert_eq!(lists.len(), 1);
    let (ordered, items) = lists[0];
    assert!(!ordered);
    assert_eq!(items.len(), 3);
    for (item, city) in items.iter().zip(["咸阳市", "榆林市", "汉中市"]) {
        assert!(item.plain.starts_with(city), "{}", item.plain);
    }
    let p = a.publisher.as_ref().unwrap();
    assert_eq!(p.organiser.as_deref(), Some("中共宝鸡市委组织部"));
    assert_eq!(p.address.as_deref(), Some("宝鸡市代家湾行政中心1号楼"));
    assert_eq!(p.phone.as_deref(), Some("0917-3260651"));
    assert_eq!(p.email.as_deref(), Some("bjsycb2008@163.com"));
    assert_eq!(p.postcode.as_deref(), Some("721000"));
    assert_eq!(p.icp.as_deref(), Some("陕ICP备11007109号-2"));
    assert_eq!(p.links.len(), 1);
    assert_eq!(p.links[0].text, "旧版回顾");
    assert_eq!(
        p.links[0].title.as_deref(),
        Some("2019年前数据请点击旧版查询")
    );
    assert_eq!(p.links[0].href, None);
    assert_eq!(a.site.as_ref().unwrap().name, "宝鸡先锋");
}

/// Every non-empty line of the portal page between the title and 关闭 is
/// in the parsed article, verbatim and in order. The meta line (时间 ·
/// 来源 · 点击数) is the one exception: it is carried by fields.
#[test]
fn seed_article_is_faithful_to_the_page() {
    let a = article(SEED_ARTICLE_JSON);
    let lines: Vec<&str> = SEED_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let title_at = lines
        .iter()
        .position(|l| *l == a.title)
        .expect("title line");
    let end = lines.iter().position(|l| *l == "关闭").expect("关闭 line");
    let mut expected = Vec::new();
    for line in &lines[title_at + 1..end] {
        if line.starts_with("时间") {
            assert!(line.contains(a.published.as_deref().unwrap()));
            assert!(line.contains(a.source.as_deref().unwrap()));
            continue;
        }
        expected.push(line.to_string());
    }
    assert_eq!(texts(&a), expected);
}

#[test]
fn feed_fixture() {
    let Ok(Document::Collection(c)) = load(FEED) else {
        panic!("feed should load")
    };
    assert_eq!(c.title, "宝鸡先锋 · 要闻");
    assert_eq!(c.home_url.as_deref(), Some("https://www.example.gov.cn/"));
    assert_eq!(c.items.len(), 3);
    c.items.iter().for_each(assert_article_ok);
    assert_eq!(
        c.publisher.as_ref().unwrap().organiser.as_deref(),
        Some("中共宝鸡市委组织部")
    );

    // Item 1: content_text, paragraphs at blank lines, a single newline kept
    // as a line break.
    let a = &c.items[0];
    assert_eq!(a.title, "春耕备耕正当时 田间地头党旗红");
    assert_eq!(a.author.as_deref(), Some("王晓雯"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05T09:30:00+08:00"));
    assert_eq!(a.lang.as_deref(), Some("zh-CN"));
    assert_eq!(a.source.as_deref(), Some("宝鸡先锋"), "feed default");
    assert!(a.lead.as_ref().unwrap().plain.starts_with("惊蛰过后"));
    assert_eq!(a.blocks.len(), 4);
    let Block::Paragraph(p) = &a.blocks[2] else {
        panic!()
    };
    assert!(p.plain.ends_with("技术指导。\n咨询时间:每天8:00—18:00"));
    assert_eq!(a.publisher, c.publisher, "feed publisher is the default");

    // Item 2: content_html through the allowlist.
    let b = &c.items[1];
    assert_eq!(b.author.as_deref(), Some("陈思远、刘洋"));
    let all = texts(b).join("\n");
    for gone in ["alert", "document", "color", "hacked", "track"] {
        assert!(!all.contains(gone), "{gone} leaked: {all}");
    }
    assert!(
        matches!(&b.blocks[1], Block::Image { alt, caption: Some(_), src, .. }
        if alt == "科技特派员在大棚里查看药材幼苗" && src.starts_with("data:image/png;base64,"))
    );
    assert!(
        matches!(&b.blocks[2], Block::Heading { level: 2, text } if text.plain == "把课堂搬到田埂上")
    );
    assert!(matches!(&b.blocks[4], Block::Heading { level: 3, .. }));
    let Block::List {
        ordered: false,
        items,
    } = &b.blocks[5]
    else {
        panic!("{:?}", b.blocks[5])
    };
    assert_eq!(items.len(), 3);
    let Block::Paragraph(links) = &b.blocks[6] else {
        panic!()
    };
    let hrefs: Vec<_> = links
        .spans
        .iter()
        .filter_map(|s| s.href.as_deref())
        .collect();
    assert_eq!(hrefs, ["https://www.example.gov.cn/kjtpy/2024.html"]);
    assert!(links.plain.contains("点击这里"));
    let Block::Paragraph(first) = &b.blocks[0] else {
        panic!()
    };
    assert!(first
        .spans
        .iter()
        .any(|s| s.strong && &first.plain[s.range.clone()] == "科技特派员"));

    // Item 3: the _article_reader extension.
    let e = &c.items[2];
    assert_eq!(e.source.as_deref(), Some("宝鸡日报"));
    assert_eq!(e.views, Some(1286));
    assert_eq!(e.site.as_ref().unwrap().name, "宝鸡日报");
    assert_eq!(
        e.author.as_deref(),
        Some("宝鸡先锋编辑部"),
        "feed authors are the default"
    );
    assert_eq!(e.blocks.len(), 3);
}

#[test]
fn news_article_fixture() {
    let a = article(NEWS);
    assert_article_ok(&a);
    assert_eq!(a.title, "社区老年食堂开到家门口 “一碗热饭”暖人心");
    assert_eq!(a.published.as_deref(), Some("2024-04-02T07:30:00+08:00"));
    assert_eq!(a.author.as_deref(), Some("赵敏、孙浩然"));
    assert_eq!(a.views, Some(3568));
    assert_eq!(a.source.as_deref(), Some("宝鸡日报社"));
    assert_eq!(a.lang.as_deref(), Some("zh-CN"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example.com/2024/04/02/laonian-shitang.html")
    );
    assert!(a.lead.as_ref().unwrap().plain.contains("助餐点12个"));
    assert_eq!(
        a.publisher.as_ref().unwrap().organiser.as_deref(),
        Some("宝鸡日报")
    );
    assert_eq!(a.site.as_ref().unwrap().name, "宝鸡日报");
    assert!(
        matches!(&a.blocks[0], Block::Image { caption: Some(c), .. } if c.plain == "老人们在社区食堂用午餐")
    );
    assert_eq!(a.blocks.len(), 5);
    assert!(texts(&a)[2].starts_with("中午11点半"));
}

#[test]
fn graph_article_fixture() {
    let a = article(GRAPH);
    assert_article_ok(&a);
    assert_eq!(a.title, "基层治理“小网格”撬动民生服务“大能量”");
    assert_eq!(
        a.id,
        "https://www.example.gov.cn/news/2024/0415.html#article"
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.example.gov.cn/news/2024/0415.html")
    );
    assert_eq!(a.author.as_deref(), Some("李青"));
    assert_eq!(a.views, Some(2048));
    assert_eq!(a.blocks.len(), 4, "one paragraph per line");
    let p = a.publisher.as_ref().unwrap();
    assert_eq!(p.organiser.as_deref(), Some("中共宝鸡市委组织部"));
    assert_eq!(p.phone.as_deref(), Some("0917-3260651"));
    assert_eq!(p.email.as_deref(), Some("bjsycb2008@163.com"));
    assert_eq!(
        p.address.as_deref(),
        Some("陕西省宝鸡市代家湾行政中心1号楼")
    );
    assert_eq!(p.postcode.as_deref(), Some("721000"));
}

#[test]
fn search_index_input_takes_any_mix() {
    let docs = format!("[{SEED_ARTICLE_JSON}, {NEWS}, {GRAPH}]");
    let all = parse_many(parse_json(&docs).unwrap(), &Limits::default()).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(
        parse_many(parse_json(FEED).unwrap(), &Limits::default())
            .unwrap()
            .len(),
        3
    );
}
