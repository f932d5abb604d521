//! Reading the documents to index: JSON Feeds, JSON files holding one
//! article or an array of them, `.jsonl` files (one document a line) and
//! directories of those. Each document is read on its own, so one bad
//! document is reported (file, line, field path) and skipped, not fatal.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use article_reader::core::json::Value;
use article_reader::core::search::site::SiteDoc;
use article_reader::core::url::safe_link;
use article_reader::core::{parse_json, parse_many, Limits, LoadError};
use rayon::prelude::*;

mod spans;

use spans::{elements, feed_items, skip_ws};

/// A document that could not be indexed.
#[derive(Clone, Debug)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based line where the document starts, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// What reading the inputs gave: documents in input order, and problems.
#[derive(Default)]
pub struct Read {
    pub docs: Vec<SiteDoc>,
    pub problems: Vec<Problem>,
}

/// The files an input names: itself, or the `.json` and `.jsonl` files
/// under a directory (sorted, so the order is stable).
pub fn files_of(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| matches!(ext(p), "json" | "jsonl"))
                .collect();
            found.sort();
            out.extend(found);
        } else if input.is_file() {
            out.push(input.clone());
        } else {
            return Err(format!("{}: no such file or directory", input.display()));
        }
    }
    Ok(out)
}

fn ext(p: &Path) -> &str {
    p.extension().and_then(|e| e.to_str()).unwrap_or("")
}

/// Reads every file (in parallel), keeping input order; a later document
/// with an id already seen is reported and skipped.
pub fn read_all(files: &[PathBuf], on_file: impl Fn() + Sync) -> Read {
    let per_file: Vec<Read> = files
        .par_iter()
        .map(|f| {
            let r = read_file(f);
            on_file();
            r
        })
        .collect();
    let mut out = Read::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (r, file) in per_file.into_iter().zip(files) {
        out.problems.extend(r.problems);
        for d in r.docs {
            if seen.insert(d.article.id.clone(), out.docs.len()).is_some() {
                out.problems.push(Problem {
                    file: file.clone(),
                    line: None,
                    message: format!(
                        "id \"{}\" appears twice; the later one is skipped",
                        d.article.id
                    ),
                });
                continue;
            }
            out.docs.push(d);
        }
    }
    out
}

/// Caps for trusted bulk input: no limit on the number of items.
fn limits() -> Limits {
    Limits {
        max_bytes: usize::MAX,
        max_items: usize::MAX,
        ..Limits::default()
    }
}

fn read_file(file: &Path) -> Read {
    let mut out = Read::default();
    let problem = |line: Option<usize>, message: String| Problem {
        file: file.to_owned(),
        line,
        message,
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(problem(None, e.to_string()));
            return out;
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        out.problems
            .push(problem(None, LoadError::InvalidUtf8.to_string()));
        return out;
    };
    let push = |line: usize, r: Result<Vec<SiteDoc>, LoadError>, out: &mut Read| match r {
        Ok(docs) => out.docs.extend(docs),
        Err(e) => {
            // A syntax error names its own line, counted from the document's.
            let at = match &e {
                LoadError::Syntax { line: l, .. } => line + l.saturating_sub(1),
                _ => line,
            };
            out.problems.push(problem(Some(at), e.to_string()))
        }
    };
    if ext(file) == "jsonl" {
        for (i, l) in text.lines().enumerate() {
            if !l.trim().is_empty() {
                push(i + 1, one(l, ""), &mut out);
            }
        }
        return out;
    }
    // A JSON file: an array or a feed is read element by element.
    let b = text.as_bytes();
    let first = skip_ws(b, 0);
    let whole = || std::iter::once(first..b.len()).collect();
    let (elements, wrap): (Vec<Range<usize>>, bool) = match b.get(first) {
        Some(b'[') => (elements(b, first), false),
        Some(b'{') => match feed_items(text, first) {
            Some(items) => (items, true),
            None => (whole(), false),
        },
        _ => (whole(), false),
    };
    if elements.is_empty() {
        // Unbalanced or not JSON: let the parser say where.
        push(1, one(text, ""), &mut out);
        return out;
    }
    let single = elements.len() == 1 && !wrap && b.get(first) != Some(&b'[');
    let mut line = 1;
    let mut at = 0;
    for (i, r) in elements.into_iter().enumerate() {
        line += text[at..r.start].bytes().filter(|&c| c == b'\n').count();
        at = r.start;
        let slice = &text[r];
        let prefix = if single {
            String::new()
        } else if wrap {
            format!("items[{i}]")
        } else {
            format!("[{i}]")
        };
        let r = if wrap {
            // A feed's item, read as a feed of one.
            let feed = format!(
                "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"\",\"items\":[{slice}]}}"
            );
            one(&feed, "items[0]").map_err(|e| rename(e, "items[0]", &prefix))
        } else {
            one(slice, "").map_err(|e| rename(e, "", &prefix))
        };
        push(line, r, &mut out);
    }
    out
}

/// One document's text: its articles with their `src`.
fn one(text: &str, item: &str) -> Result<Vec<SiteDoc>, LoadError> {
    let v = parse_json(text)?;
    let raw = if item.is_empty() {
        Some(v.clone())
    } else {
        v.get("items")
            .and_then(Value::as_array)
            .and_then(|a| a.first().cloned())
    };
    let articles = parse_many(v, &limits())?;
    let src = raw.as_ref().and_then(src_of);
    articles
        .into_iter()
        .map(|a| {
            if a.url.is_none() {
                return Err(LoadError::MissingField {
                    path: join(item, "url"),
                });
            }
            if a.id.is_empty() {
                return Err(LoadError::MissingField {
                    path: join(item, "id"),
                });
            }
            Ok(SiteDoc {
                article: a,
                src: src.clone(),
            })
        })
        .collect()
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A document's `src` (top level, or in the `_article_reader` extension of
/// a feed item), if it passes the link policy.
fn src_of(v: &Value) -> Option<String> {
    let s = v
        .get("src")
        .or_else(|| v.get("_article_reader").and_then(|x| x.get("src")))?;
    safe_link(s.as_str()?)
}

/// `e` with its field path moved from under `from` to under `to`.
fn rename(e: LoadError, from: &str, to: &str) -> LoadError {
    let fix = |p: String| {
        let rest = p.strip_prefix(from).unwrap_or(&p);
        match (to.is_empty(), rest.is_empty() || rest.starts_with('[')) {
            (true, _) => rest.trim_start_matches('.').to_owned(),
            (false, true) => format!("{to}{rest}"),
            (false, false) => format!("{to}.{}", rest.trim_start_matches('.')),
        }
    };
    match e {
        LoadError::MissingField { path } => LoadError::MissingField { path: fix(path) },
        LoadError::WrongType { path, expected } => LoadError::WrongType {
            path: fix(path),
            expected,
        },
        LoadError::InvalidValue { path, detail } => LoadError::InvalidValue {
            path: fix(path),
            detail,
        },
        LoadError::LimitExceeded { path, limit } => LoadError::LimitExceeded {
            path: fix(path),
            limit,
        },
        LoadError::UnknownFormat if !to.is_empty() => LoadError::InvalidValue {
            path: to.to_owned(),
            detail: "not an article in an accepted format".into(),
        },
        e => e,
    }
}
