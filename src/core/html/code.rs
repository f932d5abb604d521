//! `<pre>` as a [`Block::Code`]: the recorded tokens of one `pre` element
//! become its text with spaces and line breaks kept, and the line-number
//! gutters that highlighters add (highlight.js's line-numbers plugin,
//! Hexo's `td.gutter`, Hugo's `span.lnt` / `span.ln`, Prism's rows) are left
//! out, so a copy of the code is the code.

use super::tokenizer::Token;
use crate::core::model::Block;

/// Classes of the elements that hold line numbers, not code. Their content
/// is dropped wherever they stand.
pub(super) const GUTTER_CLASSES: &[&str] = &[
    "gutter",
    "hljs-ln-numbers",
    "hljs-ln-n",
    "lnt",
    "ln",
    "linenos",
    "lineno",
    "line-numbers-rows",
    "line-number",
];

/// Elements without an end tag: a class on one of them opens nothing to
/// skip.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// True when `token` opens an element holding line numbers (see
/// [`GUTTER_CLASSES`]) whose content is to be skipped.
pub(super) fn opens_gutter(token: &Token<'_>) -> bool {
    matches!(token, Token::Start { name, self_closing: false, .. } if !VOID.contains(&name.as_str()))
        && token.has_class(GUTTER_CLASSES)
}

/// Elements whose end, inside code, ends a line (highlighters put one line
/// per row or per block).
const LINE_ENDS: &[&str] = &["tr", "div", "p", "li"];

/// The language a publisher names on `pre` or `code`: `language-x`,
/// `lang-x`, or Hugo's `data-lang`.
pub(super) fn language_of(token: &Token<'_>) -> Option<String> {
    if let Some(l) = token.attr("data-lang").filter(|l| !l.trim().is_empty()) {
        return Some(l.trim().to_ascii_lowercase());
    }
    let class = token.attr("class")?;
    class.split_ascii_whitespace().find_map(|k| {
        let l = k
            .strip_prefix("language-")
            .or_else(|| k.strip_prefix("lang-"))?;
        (!l.is_empty() && l.len() <= 30).then(|| l.to_ascii_lowercase())
    })
}

/// The code block of the tokens inside one `pre` (whose own start tag gave
/// `lang`); `None` when no code is left (a gutter-only `pre`).
pub(super) fn code_from_tokens(tokens: &[Token<'_>], mut lang: Option<String>) -> Option<Block> {
    let mut text = String::new();
    // Inside a gutter: (element name, depth).
    let mut skip: Option<(&str, usize)> = None;
    for t in tokens {
        if let Some((name, depth)) = &mut skip {
            match t {
                Token::Start {
                    name: n,
                    self_closing: false,
                    ..
                } if n == name => *depth += 1,
                Token::End { name: n } if n == name => {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match t {
            Token::Text(s) => text.push_str(s),
            Token::Start { name, .. } => {
                // A template's content is never shown.
                if opens_gutter(t) || name == "template" {
                    skip = Some((name, 1));
                } else if name == "br" {
                    text.push('\n');
                } else if name == "code" && lang.is_none() {
                    lang = language_of(t);
                }
            }
            Token::End { name } if LINE_ENDS.contains(&name.as_str()) => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
            }
            // A `noscript`'s markup is not code.
            Token::End { .. } | Token::Raw(_) => {}
        }
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // A newline right after `<pre>` is not content (HTML parsing rule), and
    // blank lines around the code are noise.
    let text = text.trim_start_matches('\n').trim_end();
    (!text.trim().is_empty()).then(|| Block::Code {
        text: text.replace('\0', ""),
        lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::html::tokenizer::Tokenizer;

    fn code(html: &str) -> Option<Block> {
        let toks: Vec<Token<'_>> = Tokenizer::new(html).collect();
        code_from_tokens(&toks, None)
    }

    fn text(b: Option<Block>) -> String {
        match b {
            Some(Block::Code { text, .. }) => text,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keeps_whitespace_and_breaks() {
        let b = code("\n<code class=\"language-rust\">fn main() {\n    let x = 1;&lt;\n}\n</code>");
        assert_eq!(
            b,
            Some(Block::Code {
                text: "fn main() {\n    let x = 1;<\n}".into(),
                lang: Some("rust".into())
            })
        );
        assert_eq!(text(code("a<br>b<span>c</span>")), "a\nbc");
    }

    #[test]
    fn drops_line_number_gutters() {
        // highlight.js line-numbers plugin
        let hljs = r#"<code class="hljs"><table class="hljs-ln"><tbody><tr><td class="hljs-ln-line hljs-ln-numbers" data-line-number="1"><div class="hljs-ln-n" data-line-number="1">1</div></td><td class="hljs-ln-line hljs-ln-code">let a = 1;</td></tr><tr><td class="hljs-ln-numbers"><div class="hljs-ln-n">2</div></td><td class="hljs-ln-code">  a += 1;</td></tr></tbody></table></code>"#;
        assert_eq!(text(code(hljs)), "let a = 1;\n  a += 1;");
        // Hugo inline numbers
        let hugo = r#"<code><span class="line"><span class="ln">1</span><span class="cl">x := 1
</span></span><span class="line"><span class="ln">2</span><span class="cl">y := 2</span></span></code>"#;
        assert_eq!(text(code(hugo)), "x := 1\ny := 2");
        // A gutter-only pre (Hugo's table form, Hexo's td.gutter) gives nothing.
        assert_eq!(
            code(
                r#"<code><span class="lnt">1
</span><span class="lnt">2
</span></code>"#
            ),
            None
        );
    }
}
