//! Escaping what the renderer writes around Yew's output (which escapes
//! its own text and attributes).

/// `s` as an HTML attribute value (inside double quotes).
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` as HTML text (an element's content).
pub fn escape_text(s: &str) -> String {
    escape_attr(s)
}

/// JSON text as the content of a `<script type="application/json">`: every
/// `<` becomes `\u003c`. Nothing inside can then end the script
/// (`</script>`) or open the parser's escaped states (`<!--`); in valid
/// JSON a `<` can only stand inside a string, where `\u003c` means the same
/// character, so the browser parses the same document.
pub fn escape_script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}
