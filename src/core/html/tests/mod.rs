use super::*;
use crate::core::model::RichText;

/// Script, style, svg/math and the raw-text elements: what is dropped and
/// what browsers move out into the article.
mod foreign;

fn html(s: &str) -> Vec<Block> {
    blocks_from_html(s, &Limits::default()).unwrap()
}

fn para(s: &str) -> Block {
    Block::Paragraph(RichText::plain(s))
}

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Quote { text: t, .. } => {
                t.plain.clone()
            }
            Block::List { items, .. } => items
                .iter()
                .map(|i| i.plain.as_str())
                .collect::<Vec<_>>()
                .join("|"),
            Block::Image { src, .. } => format!("img:{src}"),
            Block::Code { text, .. } => format!("code:{text}"),
            Block::Rule => "hr".into(),
            Block::Table(t) => format!(
                "table:{}",
                t.rows
                    .iter()
                    .map(|r| r
                        .iter()
                        .map(|c| c.text.plain.as_str())
                        .collect::<Vec<_>>()
                        .join(","))
                    .collect::<Vec<_>>()
                    .join("/")
            ),
            Block::Definitions(ds) => ds
                .iter()
                .map(|d| format!("{}{}", if d.term { "dt:" } else { "dd:" }, d.text.plain))
                .collect::<Vec<_>>()
                .join("|"),
            Block::Embed(e) => format!(
                "embed:{:?}:{}:{}",
                e.kind,
                e.url,
                e.title.as_deref().unwrap_or("")
            ),
            Block::Original { url } => format!("original:{url}"),
            Block::Attachments(files) => files
                .iter()
                .map(|f| format!("{}={}", f.kind, f.name))
                .collect::<Vec<_>>()
                .join("|"),
        })
        .collect()
}

#[test]
fn paragraphs_and_loose_text() {
    assert_eq!(
        html("前言<p>  第一段\n  继续 </p>\n<div>第二段</div>尾声"),
        vec![
            para("前言"),
            para("第一段 继续"),
            para("第二段"),
            para("尾声")
        ]
    );
    assert_eq!(html("<p>&nbsp;</p><p> </p>"), vec![]);
    assert_eq!(html(""), vec![]);
}

#[test]
fn headings_map_to_levels_two_to_four() {
    let b = html("<h1>一</h1><h2>二</h2><h3>三</h3><h4>四</h4><h5>五</h5><h6>六</h6>");
    let levels: Vec<u8> = b
        .iter()
        .map(|b| match b {
            Block::Heading { level, .. } => *level,
            _ => 0,
        })
        .collect();
    assert_eq!(levels, [2, 2, 3, 4, 4, 4]);
    // An unclosed heading ends at the next block.
    assert_eq!(texts(&html("<h2>标题<p>正文</p>")), ["标题", "正文"]);
}

#[test]
fn lists_flatten_nested_items() {
    let b =
        html("<ol><li>一</li><li><p>二</p><p>贰</p></li><li>三<ul><li>三点一</li></ul></li></ol>");
    match &b[..] {
        [Block::List {
            ordered: true,
            items,
        }] => {
            let t: Vec<_> = items.iter().map(|i| i.plain.as_str()).collect();
            assert_eq!(t, ["一", "二\n贰", "三", "三点一"]);
        }
        other => panic!("{other:?}"),
    }
    // Unclosed items and stray text.
    assert_eq!(texts(&html("<ul><li>a<li>b</ul>c")), ["a|b", "c"]);
    assert_eq!(html("<ul> <li> </li></ul>"), vec![]);
}

#[test]
fn quotes_and_inline_styles() {
    let b =
        html(r#"<blockquote><p>引文<strong>重点</strong></p><p><em>下一行</em></p></blockquote>"#);
    let Block::Quote { text, cite: None } = &b[0] else {
        panic!("{b:?}")
    };
    assert_eq!(text.plain, "引文重点\n下一行");
    assert!(text
        .spans
        .iter()
        .any(|s| s.strong && &text.plain[s.range.clone()] == "重点"));
    assert!(text
        .spans
        .iter()
        .any(|s| s.em && &text.plain[s.range.clone()] == "下一行"));
    assert!(text.spans.iter().any(|s| s.line_break));
}

#[test]
fn links_keep_text_and_drop_unsafe_targets() {
    let b = html(
        r#"<p><a href="https://a.cn/x" onclick="evil()">好</a><a href="javascript:alert(1)">坏</a><a href=" jav&#x61;script:x">丑</a></p>"#,
    );
    let Block::Paragraph(t) = &b[0] else { panic!() };
    assert_eq!(t.plain, "好坏丑");
    assert_eq!(t.spans[0].href.as_deref(), Some("https://a.cn/x"));
    assert_eq!(t.spans[1].href, None);
    assert_eq!(t.spans.len(), 2);
}

#[test]
fn images_figures_and_captions() {
    let b = html(
        r#"<p>前<img src="/a.png" alt=" 图 一 " onerror="alert(1)">后</p>
        <figure><img src="https://x.cn/b.jpg"><figcaption>图为<b>现场</b></figcaption></figure>
        <figure><img src="javascript:x"><figcaption>被拒</figcaption></figure>
        <figure><blockquote>名言</blockquote><figcaption>——某人</figcaption></figure>"#,
    );
    assert_eq!(
        texts(&b),
        [
            "前",
            "img:/a.png",
            "后",
            "img:https://x.cn/b.jpg",
            "名言",
            "——某人"
        ]
    );
    let Block::Image { alt, caption, .. } = &b[1] else {
        panic!()
    };
    assert_eq!(alt, "图 一");
    assert_eq!(caption, &None);
    let Block::Image {
        caption: Some(c), ..
    } = &b[3]
    else {
        panic!()
    };
    assert_eq!(c.plain, "图为现场");
    // An image in a list item splits the list around it.
    assert_eq!(
        texts(&html(r#"<ul><li>a<img src="/x.png"></li></ul>"#)),
        ["a", "img:/x.png"]
    );
}

#[test]
fn line_breaks() {
    let b = html("<p>一 <br> 二<br/><br>三<br></p>");
    let Block::Paragraph(t) = &b[0] else { panic!() };
    assert_eq!(t.plain, "一\n二\n\n三");
    assert_eq!(t.spans.iter().filter(|s| s.line_break).count(), 3);
}

#[test]
fn too_many_blocks_is_a_limit_error() {
    let limits = Limits {
        max_blocks: 3,
        ..Limits::default()
    };
    let err = blocks_from_html("<p>1</p><p>2</p><p>3</p><p>4</p>", &limits).unwrap_err();
    assert_eq!(
        err,
        LoadError::LimitExceeded {
            path: "content_html".into(),
            limit: 3
        }
    );
    assert!(blocks_from_html("<ul><li>1<li>2<li>3<li>4</ul>", &limits).is_err());
    assert_eq!(
        blocks_from_html("<p>1</p><p>2</p><p>3</p>", &limits)
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn data_tables_become_tables_and_layout_tables_do_not() {
    let b = html("<p>前</p><table><tr><th>姓名</th><th>单位</th></tr><tr><td>张三</td><td>宝鸡</td></tr></table><p>后</p>");
    assert_eq!(texts(&b), ["前", "table:姓名,单位/张三,宝鸡", "后"]);
    // A page laid out in a table reads as if the table were not there,
    // and a data table inside it is still found.
    let b = html("<table><tr><td><h2>标题</h2><p>正文</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>");
    assert_eq!(texts(&b), ["标题", "正文", "table:a,b"]);
    // A table (or code) inside a list item splits the list around it.
    let b = html(
        "<ul><li>x<table><tr><td>a</td><td>b</td></tr></table></li><li>y<pre>c</pre></li></ul>",
    );
    assert_eq!(texts(&b), ["x", "table:a,b", "y", "code:c"]);
    // Deep nesting is bounded and loses no text.
    let deep = "<table><tr><td><p>t</p>".repeat(50) + "<b>end</b>";
    assert_eq!(texts(&html(&deep)).concat().matches('t').count(), 50);
}

#[test]
fn code_keeps_whitespace_and_loses_gutters() {
    let b = html("<p>x</p><pre class=\"language-py\">\ndef f():\n    return 1\n</pre>");
    assert_eq!(
        b[1],
        Block::Code {
            text: "def f():\n    return 1".into(),
            lang: Some("py".into())
        }
    );
    // Hexo: figure.highlight > table > td.gutter + td.code
    let hexo = r#"<figure class="highlight js"><table><tr><td class="gutter"><pre><span class="line">1</span><br><span class="line">2</span><br></pre></td><td class="code"><pre><span class="line"><span class="keyword">let</span> a;</span><br><span class="line">a = 1;</span><br></pre></td></tr></table></figure>"#;
    assert_eq!(texts(&html(hexo)), ["code:let a;\na = 1;"]);
    // Hugo: table.lntable with a numbers column
    let hugo = r#"<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd"><pre class="chroma"><code><span class="lnt">1
</span><span class="lnt">2
</span></code></pre></td><td class="lntd"><pre class="chroma"><code class="language-go" data-lang="go"><span class="line"><span class="cl">x := 1
</span></span><span class="line"><span class="cl">y := 2
</span></span></code></pre></td></tr></table></div></div>"#;
    assert_eq!(
        html(hugo),
        [Block::Code {
            text: "x := 1\ny := 2".into(),
            lang: Some("go".into())
        }]
    );
}

#[test]
fn rules_definitions_sup_sub() {
    let b = html("<p>a</p><hr><dl><dt>术语</dt><dd>解释<br>二</dd><dd>又</dd></dl><p>H<sub>2</sub>O x<sup>2</sup></p>");
    assert_eq!(
        texts(&b),
        ["a", "hr", "dt:术语|dd:解释\n二|dd:又", "H2O x2"]
    );
    let Block::Paragraph(p) = &b[3] else { panic!() };
    let scripts: Vec<_> = p.spans.iter().map(|s| s.script).collect();
    use crate::core::model::Script;
    assert_eq!(
        scripts,
        [None, Some(Script::Sub), None, Some(Script::Super)]
    );
}

#[test]
fn embeds_are_link_cards() {
    let b = html(concat!(
        r#"<iframe src="https://www.youtube.com/embed/x" title="Talk"></iframe>"#,
        r#"<video controls><source src="/v.mp4" type="video/mp4"></video>"#,
        r#"<audio src="https://x.org/a.mp3"></audio>"#,
        r#"<iframe src="javascript:alert(1)"></iframe><iframe src="https://maps.example/m"></iframe>"#,
    ));
    assert_eq!(
        texts(&b),
        [
            "embed:Video:https://www.youtube.com/embed/x:Talk",
            "embed:Video:/v.mp4:",
            "embed:Audio:https://x.org/a.mp3:",
            "embed:Page:https://maps.example/m:"
        ]
    );
    let Block::Embed(e) = &b[0] else { panic!() };
    assert_eq!(e.host(), Some("www.youtube.com"));
}

#[test]
fn attachments_are_gathered_once() {
    let b = html(concat!(
        r#"<p>附件:<a href="/files/2024%E5%90%8D%E5%8D%95.xlsx">2024年名单</a></p>"#,
        r#"<table><tr><td>1</td><td><a href="https://x.gov.cn/a.PDF?v=1">通知</a></td></tr></table>"#,
        r#"<p><a href="/files/2024%E5%90%8D%E5%8D%95.xlsx">again</a> <a href="/b.zip"></a> <a href="/page.html">no</a></p>"#,
    ));
    let Some(Block::Attachments(files)) = b.last() else {
        panic!("{b:?}")
    };
    let got: Vec<_> = files
        .iter()
        .map(|f| (f.kind.as_str(), f.name.as_str()))
        .collect();
    assert_eq!(
        got,
        [("xlsx", "2024年名单"), ("pdf", "通知"), ("zip", "b.zip")]
    );
}

#[test]
fn images_wherever_they_stand() {
    let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";
    let b = html(&format!(
        concat!(
            r#"<ol><li>一<img src="/1.png">二</li><li>三</li></ol>"#,
            r#"<p>line<br><img src="{gif}" data-src="/2.jpg" width="640" height="480"></p>"#,
            r#"<p><a href="/big.jpg"><img src="/3.jpg" alt="a"></a></p>"#,
            r#"<h2>标题<img src="/4.png"></h2>"#,
            r#"<table><tr><td><img srcset="/5-400.jpg 400w, /5-800.jpg 800w"></td><td>x</td></tr></table>"#,
            r#"<img src="/pixel.gif" width="1" height="1"><img src="{gif}">"#,
            r#"<img class="lazy" src="{gif}" data-original="/6.jpg"><noscript><img src="/6.jpg"></noscript>"#,
            r#"<noscript><img src="/7.jpg">请启用 JavaScript</noscript>"#,
            r#"<blockquote>q<img src="/8.png">r</blockquote>"#,
        ),
        gif = gif
    ));
    assert_eq!(
        texts(&b),
        [
            "一",
            "img:/1.png",
            "二|三",
            "line",
            "img:/2.jpg",
            "img:/3.jpg",
            "标题",
            "img:/4.png",
            "table:,x",
            "img:/5-800.jpg",
            "img:/6.jpg",
            "img:/7.jpg",
            "q",
            "img:/8.png",
            "r"
        ]
    );
    assert!(matches!(
        &b[4],
        Block::Image {
            size: Some((640, 480)),
            ..
        }
    ));
}
