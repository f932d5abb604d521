//! Query parsing: space-separated terms that must all match; a double-quoted
//! phrase (straight or curly quotes) keeps its inner spaces.

use super::normalize::normalize_str;

/// A parsed query: normalised, non-empty, de-duplicated terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Splits `input` into terms. Full-width quotes and spaces count too, since
/// Chinese input methods type them.
pub fn parse_query(input: &str) -> Query {
    let mut terms: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let flush = |current: &mut String, terms: &mut Vec<String>| {
        let t = normalize_str(current);
        if !t.is_empty() && !terms.contains(&t) {
            terms.push(t);
        }
        current.clear();
    };
    for c in input.chars() {
        match c {
            '"' | '“' | '”' | '＂' => {
                flush(&mut current, &mut terms);
                quoted = !quoted;
            }
            _ if c.is_whitespace() && !quoted => flush(&mut current, &mut terms),
            _ => current.push(c),
        }
    }
    flush(&mut current, &mut terms);
    Query { terms }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_terms_and_keeps_phrases() {
        assert_eq!(parse_query(" 干部  作风 ").terms, ["干部", "作风"]);
        assert_eq!(parse_query("\"APP 打卡\" 基层").terms, ["app 打卡", "基层"]);
        assert_eq!(parse_query("干部\u{3000}ＡＰＰ").terms, ["干部", "app"]);
        assert!(parse_query("   ").is_empty());
        assert_eq!(parse_query("干部 干部").terms, ["干部"]);
    }
}
