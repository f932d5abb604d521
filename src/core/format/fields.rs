//! Typed extraction from a JSON [`Value`], with the field path every
//! error must name (`blocks[3].text`, `items[2].title`, `publisher.phone`).
//!
//! The adapters never index a `Value` directly: they go through [`Obj`], so
//! every wrong type, missing field and over-long string is reported the same
//! way, with the same path syntax, whatever the format.

use crate::core::json::{Map, Value};

use crate::core::entities::decode_char_refs;
use crate::core::error::LoadError;
use crate::core::html::blocks_from_html;
use crate::core::limits::Limits;

/// `base.key`, or just `key` at the top level.
pub(crate) fn key_path(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

/// `base[i]`.
pub(crate) fn index_path(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

/// A `WrongType` error for `path`.
pub(crate) fn wrong_type(path: impl Into<String>, expected: &'static str) -> LoadError {
    LoadError::WrongType {
        path: path.into(),
        expected,
    }
}

/// A `MissingField` error for `path`.
pub(crate) fn missing(path: impl Into<String>) -> LoadError {
    LoadError::MissingField { path: path.into() }
}

/// An `InvalidValue` error for `path`.
pub(crate) fn invalid(path: impl Into<String>, detail: impl Into<String>) -> LoadError {
    LoadError::InvalidValue {
        path: path.into(),
        detail: detail.into(),
    }
}

/// Fails when `s` is longer than the string limit. Every string taken from
/// a document passes through here, so one huge value cannot make the page
/// build a huge DOM node.
pub(crate) fn check_len(s: &str, path: &str, limits: &Limits) -> Result<(), LoadError> {
    if s.len() > limits.max_string {
        Err(LoadError::LimitExceeded {
            path: path.to_owned(),
            limit: limits.max_string,
        })
    } else {
        Ok(())
    }
}

/// Fails when an array has more than `limit` elements.
pub(crate) fn check_count(len: usize, path: &str, limit: usize) -> Result<(), LoadError> {
    if len > limit {
        Err(LoadError::LimitExceeded {
            path: path.to_owned(),
            limit,
        })
    } else {
        Ok(())
    }
}

/// True when a text holds HTML markup rather than plain text: a start or
/// end tag of an element (`<p`, `</div>`, `<br`), not just a `<` in prose.
pub(crate) fn looks_like_markup(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        let rest = &s.as_bytes()[i + 1..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name_len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        name_len > 0
            && rest[0].is_ascii_alphabetic()
            && matches!(rest.get(name_len), Some(b'>' | b' ' | b'/' | b'\n' | b'\t'))
    })
}

/// The text of a field that should be plain but holds markup (a summary
/// or an author name written as HTML): the text a browser would show, with
/// block boundaries as line breaks. Plain text is returned unchanged.
pub(crate) fn markup_to_text(s: &str, limits: &Limits) -> String {
    if !looks_like_markup(s) {
        return s.to_owned();
    }
    let blocks = blocks_from_html(s, limits).unwrap_or_default();
    let texts: Vec<&str> = blocks
        .iter()
        .flat_map(|b| b.rich_texts())
        .map(|t| t.plain.as_str())
        .collect();
    texts.join("\n")
}

/// Trims `s` and gives `None` for a blank value: an empty `"source": ""`
/// should show no 来源 label at all rather than an empty one.
pub(crate) fn non_blank(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Reads a count (views): a non-negative integer, or a numeric string such
/// as `"1234"` or `"1,234"` (portals often store counters as text). A blank
/// string is "no count".
/// An image's width and height when both are given and positive (larger
/// values are clamped): the space the reader reserves for it.
pub(crate) fn image_size(width: Option<u64>, height: Option<u64>) -> Option<(u32, u32)> {
    match (width, height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => {
            Some((w.min(u32::MAX.into()) as u32, h.min(u32::MAX.into()) as u32))
        }
        _ => None,
    }
}

pub(crate) fn count_value(v: &Value, path: &str) -> Result<Option<u64>, LoadError> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) if n.is_negative() => Err(invalid(path, "must not be negative")),
        // Whole numbers written as floats (1234.0 from JavaScript) count too.
        Value::Number(n) => n
            .as_u64()
            .map(Some)
            .ok_or_else(|| invalid(path, "must be a whole number")),
        Value::String(s) => {
            let digits: String = s.trim().chars().filter(|&c| c != ',').collect();
            if digits.is_empty() {
                Ok(None)
            } else if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits
                    .parse()
                    .map(Some)
                    .map_err(|_| invalid(path, "is too large"))
            } else {
                Err(invalid(path, "is not a number"))
            }
        }
        _ => Err(wrong_type(path, "a number")),
    }
}

/// A JSON object being read, with its path and the limits.
#[derive(Clone, Debug)]
pub(crate) struct Obj<'a> {
    map: &'a Map,
    path: String,
    limits: &'a Limits,
}

impl<'a> Obj<'a> {
    /// Wraps `v`, which must be an object.
    pub(crate) fn new(v: &'a Value, path: String, limits: &'a Limits) -> Result<Self, LoadError> {
        match v {
            Value::Object(map) => Ok(Obj { map, path, limits }),
            _ => Err(wrong_type(path, "an object")),
        }
    }

    /// The path of the field `key` of this object.
    pub(crate) fn at(&self, key: &str) -> String {
        key_path(&self.path, key)
    }

    /// The limits in force.
    pub(crate) fn limits(&self) -> &'a Limits {
        self.limits
    }

    /// The value of `key`. JSON `null` counts as absent: generators often
    /// write `"author": null` for "no author".
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// An optional string, length-checked, untrimmed.
    pub(crate) fn str_opt(&self, key: &str) -> Result<Option<&'a str>, LoadError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => {
                check_len(s, &self.at(key), self.limits)?;
                Ok(Some(s))
            }
            Some(_) => Err(wrong_type(self.at(key), "a string")),
        }
    }

    /// A required string.
    pub(crate) fn str_req(&self, key: &str) -> Result<&'a str, LoadError> {
        self.str_opt(key)?.ok_or_else(|| missing(self.at(key)))
    }

    /// An optional text: character references decoded (publishers escape
    /// `&` in every field, not just in HTML), trimmed; blank counts as
    /// absent.
    pub(crate) fn text_opt(&self, key: &str) -> Result<Option<String>, LoadError> {
        Ok(self
            .str_opt(key)?
            .and_then(|s| non_blank(&decode_char_refs(s, false))))
    }

    /// Like [`Obj::text_opt`], but a number is accepted and written out, for
    /// fields such as a postcode or phone that generators emit as numbers.
    pub(crate) fn text_or_number_opt(&self, key: &str) -> Result<Option<String>, LoadError> {
        match self.get(key) {
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(Value::String(_)) | None => self.text_opt(key),
            Some(_) => Err(wrong_type(self.at(key), "a string")),
        }
    }

    /// An optional boolean.
    pub(crate) fn bool_opt(&self, key: &str) -> Result<Option<bool>, LoadError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(wrong_type(self.at(key), "true or false")),
        }
    }

    /// An optional array.
    pub(crate) fn array_opt(&self, key: &str) -> Result<Option<&'a [Value]>, LoadError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(wrong_type(self.at(key), "an array")),
        }
    }

    /// A required array.
    pub(crate) fn array_req(&self, key: &str) -> Result<&'a [Value], LoadError> {
        self.array_opt(key)?.ok_or_else(|| missing(self.at(key)))
    }

    /// An optional nested object.
    pub(crate) fn object_opt(&self, key: &str) -> Result<Option<Obj<'a>>, LoadError> {
        self.get(key)
            .map(|v| Obj::new(v, self.at(key), self.limits))
            .transpose()
    }

    /// An optional count (see [`count_value`]).
    pub(crate) fn count_opt(&self, key: &str) -> Result<Option<u64>, LoadError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => count_value(v, &self.at(key)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::json;

    #[test]
    fn paths_nest() {
        assert_eq!(key_path("", "title"), "title");
        assert_eq!(key_path(&index_path("blocks", 3), "text"), "blocks[3].text");
    }

    #[test]
    fn reads_typed_fields_and_names_the_path() {
        let limits = Limits::default();
        let v = json!({"a": "x", "n": 5, "z": null, "o": {"b": 1}});
        let o = Obj::new(&v, "pub".into(), &limits).unwrap();
        assert_eq!(o.str_req("a").unwrap(), "x");
        assert_eq!(o.str_opt("z").unwrap(), None);
        assert_eq!(o.str_req("n").unwrap_err(), wrong_type("pub.n", "a string"));
        assert_eq!(o.str_req("q").unwrap_err(), missing("pub.q"));
        assert_eq!(o.text_or_number_opt("n").unwrap().as_deref(), Some("5"));
        let inner = o.object_opt("o").unwrap().unwrap();
        assert_eq!(
            inner.str_opt("b").unwrap_err(),
            wrong_type("pub.o.b", "a string")
        );
    }

    #[test]
    fn counts_accept_numbers_and_numeric_strings() {
        let p = "views";
        assert_eq!(count_value(&json!(1234), p), Ok(Some(1234)));
        assert_eq!(count_value(&json!("1234"), p), Ok(Some(1234)));
        assert_eq!(count_value(&json!(" 1,234 "), p), Ok(Some(1234)));
        assert_eq!(count_value(&json!(12.0), p), Ok(Some(12)));
        assert_eq!(count_value(&json!(""), p), Ok(None));
        assert!(matches!(
            count_value(&json!(-1), p),
            Err(LoadError::InvalidValue { .. })
        ));
        assert!(matches!(
            count_value(&json!(1.5), p),
            Err(LoadError::InvalidValue { .. })
        ));
        assert!(matches!(
            count_value(&json!("12a"), p),
            Err(LoadError::InvalidValue { .. })
        ));
        assert_eq!(
            count_value(&json!([]), p),
            Err(wrong_type("views", "a number"))
        );
    }

    #[test]
    fn long_strings_hit_the_limit() {
        let limits = Limits {
            max_string: 3,
            ..Limits::default()
        };
        let v = json!({"t": "abcd"});
        let o = Obj::new(&v, String::new(), &limits).unwrap();
        assert_eq!(
            o.str_opt("t").unwrap_err(),
            LoadError::LimitExceeded {
                path: "t".into(),
                limit: 3
            }
        );
    }
}
