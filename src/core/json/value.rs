//! The values a document parses into: [`Value`], with numbers kept as
//! written ([`Number`]) and objects as member lists ([`Map`]).

use std::fmt;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Whether this is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The field `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }
}

/// A JSON number in its source spelling (validated against the grammar).
///
/// Kept as text because the adapters only need it as an integer or written
/// back out (an `id` of `123` stays `"123"`), and skipping float parsing
/// keeps the decimal-to-binary tables out of the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(pub(super) String);

impl Number {
    /// The value as a `u64`, if it is a whole number in range: `1234`,
    /// `1234.0` and `1.234e3` all give 1234.
    pub fn as_u64(&self) -> Option<u64> {
        let negative = self.0.starts_with('-');
        let body = self.0.trim_start_matches('-');
        let (mantissa, exp) = split_exponent(body);
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // The decimal point sits after `point` of the digits of int + frac.
        let point = int.len() as i64 + i64::from(exp);
        let mut value: u64 = 0;
        for (i, d) in int.bytes().chain(frac.bytes()).enumerate() {
            let d = u64::from(d - b'0');
            if (i as i64) < point {
                value = value.checked_mul(10)?.checked_add(d)?;
            } else if d != 0 {
                return None; // a fraction
            }
        }
        if value != 0 {
            // Zeros implied by an exponent past the digits; overflow ends
            // this within 20 steps.
            for _ in (int.len() + frac.len()) as i64..point {
                value = value.checked_mul(10)?;
            }
        }
        (!negative || value == 0).then_some(value)
    }

    /// Whether the number is below zero (`-0` and `-0e5` are not).
    pub fn is_negative(&self) -> bool {
        let (mantissa, _) = split_exponent(&self.0);
        mantissa.starts_with('-') && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b))
    }
}

/// A number's text split into mantissa and exponent. An exponent too large
/// for `i32` saturates: it still tells zero from too big or too small.
fn split_exponent(text: &str) -> (&str, i32) {
    match text.find(['e', 'E']) {
        Some(i) => {
            let exp = &text[i + 1..];
            let saturated = if exp.starts_with('-') {
                i32::MIN
            } else {
                i32::MAX
            };
            (&text[..i], exp.parse().unwrap_or(saturated))
        }
        None => (text, 0),
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A JSON object: its members in document order.
///
/// A list, not a map: documents have a handful of keys per object, where a
/// linear scan beats hashing, and it keeps no map code in the bundle.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(pub(super) Vec<(String, Value)>);

impl Map {
    /// The value of `key`; with duplicate keys the last one wins, as in
    /// `JSON.parse`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The number of members (duplicates included).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the object has no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}
