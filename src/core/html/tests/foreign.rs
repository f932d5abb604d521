use super::*;

#[test]
fn script_style_and_foreign_content_are_dropped() {
    let b = html(
        "<p>a<script>alert('<p>x</p>')</script>b</p><style>p{}</style>\
         <svg><text>c</text><svg><title>d</title></svg><p>e</p></svg>\
         <math><mi>x</mi></math><template><p>t</p></template><svg/>f\
         <iframe src=x>i</iframe><noscript>n</noscript><textarea>ta</textarea>g",
    );
    // The iframe's content goes; the iframe itself is a link card. The `<p>`
    // leaves the SVG, as in browsers.
    assert_eq!(texts(&b), ["ab", "e", "f", "embed:Page:x:", "g"]);
}

#[test]
fn tags_browsers_move_out_of_foreign_content_are_kept() {
    let t = |s: &str| texts(&html(s));
    // A breakout tag closes every SVG/MathML element open.
    assert_eq!(t("<svg><g><text>x<b>粗</b>y</text></g>z"), ["粗yz"]);
    assert_eq!(t("<math><mrow><p>段</p></mrow>w</math>"), ["段", "w"]);
    assert_eq!(
        t(r#"<svg><img src="/i.png" alt="图"></svg>"#),
        ["img:/i.png"]
    );
    // `font` only with color, face or size.
    assert_eq!(t("<svg><font>a</font><font color=red>b</font>"), ["b"]);
    // `</p>` and `</br>` leave too.
    assert_eq!(t("<p>a<svg><g>x</p>b"), ["a", "b"]);
    // Other tags stay inside, and so does their text.
    assert_eq!(t("<svg><a href=/x><u2>q</u2></a></svg>r"), ["r"]);
    // Inside an HTML integration point, HTML stays in the SVG.
    assert_eq!(
        t("<svg><foreignObject><p>in</p><b>in</b></foreignObject></svg>out"),
        ["out"]
    );
    assert_eq!(t("<math><mi><p>in</p></mi><p>out</p></math>"), ["out"]);
    assert_eq!(
        t(r#"<math><annotation-xml encoding="text/html"><div>in</div></annotation-xml></math>o"#),
        ["o"]
    );
    // A `p` left open in a foreignObject keeps `</svg>` from closing.
    assert_eq!(
        t("<svg><foreignObject><p>a</foreignObject></svg><p>b"),
        Vec::<String>::new()
    );
    // `<svg/>` opens nothing.
    assert_eq!(t("<svg/>a<math/>b"), ["ab"]);
}

#[test]
fn raw_text_elements_read_as_markup_inside_foreign_content() {
    let t = |s: &str| texts(&html(s));
    // In SVG, `style`, `script`, `title`, `noscript` are plain elements: a
    // breakout tag inside them leaves.
    assert_eq!(t("<svg><style><p>a</p></style></svg>"), ["a"]);
    assert_eq!(t("<svg><script></script><b>b</b>"), ["b"]);
    assert_eq!(t("<svg><noscript><i>c</i>"), ["c"]);
    // `title` in SVG reads HTML, kept inside.
    assert_eq!(t("<svg><title><p>d</p></title></svg>e"), ["e"]);
    // Outside, they are raw text.
    assert_eq!(
        t("<style><p>a</p></style><textarea><b>b</b></textarea>x"),
        ["x"]
    );
    // In a foreignObject (HTML again) `style` is raw text once more.
    assert_eq!(
        t("<svg><foreignObject><style></foreignObject><p>f</style></foreignObject></svg>g"),
        ["g"]
    );
    // CDATA is text inside SVG (a `<p>` in it is no tag), a comment outside.
    assert_eq!(t("<svg><![CDATA[</svg><p>x]]></svg>y"), ["y"]);
    assert_eq!(t("<![CDATA[<p>a]]>b"), ["a]]>b"]);
}

#[test]
fn noscript_is_raw_text_read_for_its_images() {
    let t = |s: &str| texts(&html(s));
    // Its end tag ends it even inside what would be a comment.
    assert_eq!(t("<noscript><!--</noscript>a-->"), ["a-->"]);
    assert_eq!(
        t(r#"<noscript><p>开启 JavaScript<img src="/n.png"></p></noscript>b"#),
        ["img:/n.png", "b"]
    );
    // Its markup never becomes code or cell text.
    assert_eq!(t("<pre>x<noscript><b>y</b></noscript></pre>"), ["code:x"]);
}
