//! `manifest.json`, the one file of a site index that changes: which
//! segments make up the index, and which documents are deleted. Everything
//! else lives in segment directories named after their content.
//!
//! ```json
//! {"format": "article-reader-search", "version": 5, "variants": false,
//!  "segments": [{"dir": "g0f3a…", "base": 0, "docs": 10000, "postings": 731, "pack": 16}],
//!  "deleted": [17, 4242]}
//! ```
//!
//! A document's number is `base` plus its place in its segment; numbers are
//! unique within a manifest (stored copies are found by segment directory
//! and place, so a file path never names two documents).

use super::codec::json_string;
use crate::core::json::{self, Value};

/// The value of `format` in a manifest.
pub const FORMAT: &str = "article-reader-search";
/// The manifest version this build reads and writes.
pub const VERSION: u64 = 6;

/// One immutable segment: a set of documents with their own postings,
/// shapes and stored copies, in directory `dir`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentMeta {
    /// Directory name: `g` and the content hash in hex.
    pub dir: String,
    /// Number of the segment's first document.
    pub base: u64,
    /// Documents in the segment (deleted ones included).
    pub docs: u32,
    /// Posting files `p/0.bin` … (keys are spread over them by hash).
    pub postings: u32,
    /// Documents per pack of stored copies (`d/0.bin` holds the first
    /// `pack`, and so on).
    pub pack: u32,
}

impl SegmentMeta {
    /// The document numbers of this segment.
    pub fn range(&self) -> std::ops::Range<u64> {
        self.base..self.base + u64::from(self.docs)
    }
}

/// The whole index as the manifest describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Simplified and traditional forms were folded together.
    pub variants: bool,
    pub segments: Vec<SegmentMeta>,
    /// Deleted (or replaced) document numbers, sorted.
    pub deleted: Vec<u64>,
}

impl Manifest {
    /// The number the next new document gets.
    pub fn next_number(&self) -> u64 {
        self.segments
            .iter()
            .map(|s| s.range().end)
            .max()
            .unwrap_or(0)
    }

    /// True when document `n` was deleted or replaced.
    pub fn is_deleted(&self, n: u64) -> bool {
        self.deleted.binary_search(&n).is_ok()
    }

    /// Documents in the index that are not deleted.
    pub fn live_docs(&self) -> u64 {
        let all: u64 = self.segments.iter().map(|s| u64::from(s.docs)).sum();
        all - self.deleted.len() as u64
    }

    pub fn to_json(&self) -> String {
        let segments: Vec<String> = self
            .segments
            .iter()
            .map(|s| {
                format!(
                    "{{\"dir\":{},\"base\":{},\"docs\":{},\"postings\":{},\"pack\":{}}}",
                    json_string(&s.dir),
                    s.base,
                    s.docs,
                    s.postings,
                    s.pack
                )
            })
            .collect();
        let deleted: Vec<String> = self.deleted.iter().map(u64::to_string).collect();
        format!(
            "{{\"format\":{},\"version\":{VERSION},\"variants\":{},\"segments\":[{}],\"deleted\":[{}]}}\n",
            json_string(FORMAT),
            self.variants,
            segments.join(","),
            deleted.join(",")
        )
    }

    /// Reads a manifest; the error says what is wrong with it.
    pub fn from_json(text: &str) -> Result<Manifest, String> {
        let v = json::from_str(text).map_err(|e| format!("manifest.json: {}", e.detail))?;
        if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(format!("manifest.json: format is not \"{FORMAT}\""));
        }
        if num(&v, "version") != Some(VERSION) {
            return Err(format!("manifest.json: version is not {VERSION}"));
        }
        let variants = matches!(v.get("variants"), Some(Value::Bool(true)));
        let mut segments = Vec::new();
        for (i, s) in arr(&v, "segments")?.iter().enumerate() {
            let bad = || format!("manifest.json: segments[{i}] is incomplete");
            let dir = s.get("dir").and_then(Value::as_str).ok_or_else(bad)?;
            // Directory names are ours: letters and digits only, so a
            // manifest cannot point a fetch elsewhere.
            if dir.is_empty() || !dir.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(bad());
            }
            let small = |k| num(s, k).and_then(|n| u32::try_from(n).ok());
            segments.push(SegmentMeta {
                dir: dir.to_owned(),
                base: num(s, "base").ok_or_else(bad)?,
                docs: small("docs").ok_or_else(bad)?,
                postings: small("postings").ok_or_else(bad)?,
                pack: small("pack").filter(|&p| p > 0).ok_or_else(bad)?,
            });
        }
        let mut deleted = Vec::new();
        for d in arr(&v, "deleted")? {
            match d {
                Value::Number(n) => deleted.push(n.as_u64().ok_or("manifest.json: bad deleted")?),
                _ => return Err("manifest.json: bad deleted".into()),
            }
        }
        deleted.sort_unstable();
        deleted.dedup();
        Ok(Manifest {
            variants,
            segments,
            deleted,
        })
    }
}

fn num(v: &Value, key: &str) -> Option<u64> {
    match v.get(key)? {
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn arr<'a>(v: &'a Value, key: &str) -> Result<&'a [Value], String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("manifest.json: {key} is missing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_foreign_dirs() {
        let m = Manifest {
            variants: true,
            segments: vec![SegmentMeta {
                dir: "gabc123".into(),
                base: 5,
                docs: 10,
                postings: 3,
                pack: 4,
            }],
            deleted: vec![6, 9],
        };
        assert_eq!(Manifest::from_json(&m.to_json()), Ok(m.clone()));
        assert_eq!(m.next_number(), 15);
        assert_eq!(m.live_docs(), 8);
        assert!(m.is_deleted(9) && !m.is_deleted(7));
        let evil = m.to_json().replace("gabc123", "../x");
        assert!(Manifest::from_json(&evil).is_err());
        assert!(Manifest::from_json("{}").is_err());
    }
}
