use super::*;
use crate::core::model::RichText;

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
    // Images cannot sit inside text blocks.
    assert_eq!(
        texts(&html(r#"<ul><li>a<img src="/x.png"></li></ul>"#)),
        ["a"]
    );
}

#[test]
fn script_style_and_foreign_content_are_dropped() {
    let b = html(
        "<p>a<script>alert('<p>x</p>')</script>b</p><style>p{}</style>\
         <svg><text>c</text><svg><title>d</title></svg><p>e</p></svg>\
         <math><mi>x</mi></math><template><p>t</p></template><svg/>f\
         <iframe src=x>i</iframe><noscript>n</noscript><textarea>ta</textarea>g",
    );
    assert_eq!(texts(&b), ["ab", "fg"]);
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
