//! Query parsing: space-separated terms that must all match; a double-quoted
//! phrase (straight, curly or full-width quotes) keeps its inner spaces.

use std::borrow::Cow;

use super::normalize::{normalize_str, normalize_with};

/// A parsed query: normalised, non-empty, de-duplicated terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, normalised for width, case and spaces (not for variants).
    pub terms: Vec<String>,
    /// Match simplified and traditional forms alike ("发展" finds "發展").
    /// Used by [`find_in_article`](super::find_in_article); a
    /// [`SearchIndex`](super::SearchIndex) uses its own setting.
    pub variants: bool,
}

impl Query {
    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms as matched against text normalised with `variants`:
    /// variant-folded and de-duplicated again when it is set.
    pub fn terms_for(&self, variants: bool) -> Cow<'_, [String]> {
        if !variants {
            return Cow::Borrowed(&self.terms);
        }
        let mut out: Vec<String> = Vec::with_capacity(self.terms.len());
        for t in &self.terms {
            let f = normalize_with(t, true);
            if !out.contains(&f) {
                out.push(f);
            }
        }
        Cow::Owned(out)
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
            _ if (c.is_whitespace() || c.is_control()) && !quoted => {
                flush(&mut current, &mut terms)
            }
            _ => current.push(c),
        }
    }
    flush(&mut current, &mut terms);
    Query {
        terms,
        variants: false,
    }
}

/// [`parse_query`], matching simplified and traditional forms alike when
/// `variants` is set.
pub fn parse_query_with(input: &str, variants: bool) -> Query {
    Query {
        variants,
        ..parse_query(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_terms_and_keeps_phrases() {
        assert_eq!(parse_query(" 干部  作风 ").terms, ["干部", "作风"]);
        assert_eq!(parse_query("\"APP 打卡\" 基层").terms, ["app 打卡", "基层"]);
        assert_eq!(parse_query("“APP  打卡”").terms, ["app 打卡"]);
        assert_eq!(parse_query("干部\u{3000}ＡＰＰ").terms, ["干部", "app"]);
        assert!(parse_query("   ").is_empty());
        assert!(parse_query("\"\" \u{200b}").is_empty());
        assert_eq!(parse_query("干部 干部").terms, ["干部"]);
        assert_eq!(parse_query("\"未闭合 引号").terms, ["未闭合 引号"]);
    }

    #[test]
    fn variant_terms_fold_and_dedupe() {
        let q = parse_query_with("发展 發展", true);
        assert_eq!(q.terms.len(), 2);
        assert_eq!(q.terms_for(true).len(), 1);
        assert_eq!(q.terms_for(false).len(), 2);
    }
}
