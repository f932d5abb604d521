//! Fixtures for unit tests: serde_json's `json!` macro producing this
//! module's [`Value`] (read back through [`from_str`], so every fixture also
//! exercises the parser), and `v["key"] = …` editing.

use std::ops::{Index, IndexMut};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{from_str, Map, Number, Value};

/// serde_json's `json!`, as a [`Value`].
macro_rules! json {
    ($($t:tt)+) => {
        $crate::core::json::from_str(&serde_json::json!($($t)+).to_string()).unwrap()
    };
}
pub(crate) use json;

/// Lets a [`Value`] be interpolated into `json!`.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(Number(n)) => serde_json::from_str::<serde_json::Number>(n)
                .unwrap()
                .serialize(s),
            Value::String(t) => s.serialize_str(t),
            Value::Array(a) => a.serialize(s),
            Value::Object(Map(members)) => {
                let mut m = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

impl Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&Value::Null)
    }
}

/// `v["key"] = value` replaces the member or adds it.
impl IndexMut<&str> for Value {
    fn index_mut(&mut self, key: &str) -> &mut Value {
        let Value::Object(Map(members)) = self else {
            panic!("not an object")
        };
        match members.iter().position(|(k, _)| k == key) {
            Some(i) => &mut members[i].1,
            None => {
                members.push((key.to_owned(), Value::Null));
                &mut members.last_mut().unwrap().1
            }
        }
    }
}

#[test]
fn fixtures_round_trip() {
    let inner = json!({"a": [1, 2.5]});
    let mut v = json!({"inner": inner, "s": "x"});
    v["s"] = json!("y");
    v["new"] = json!(null);
    assert_eq!(
        v,
        from_str(r#"{"inner": {"a": [1, 2.5]}, "s": "y", "new": null}"#).unwrap()
    );
}
