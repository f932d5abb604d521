//! The core's modules depend on each other one way only: this test reads
//! every `crate::core::…` and `super::…` path in the code of `src/core`
//! (comments are skipped, so doc links do not count), builds the graph of
//! top-level core modules (`format`, `html`, `url`…) and fails on a cycle,
//! naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file under `src/core`: `format/jsonld/tests.rs` is
/// `[format, jsonld, tests]`, `format/mod.rs` is `[format]`, `mod.rs` is `[]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// The identifiers following each occurrence of `prefix` in `code`.
fn idents_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The top-level core modules a line of code in the module `here` names.
fn targets(line: &str, here: &[String]) -> Vec<String> {
    let mut out: Vec<String> = idents_after(line, "crate::core::")
        .into_iter()
        .map(str::to_owned)
        .collect();
    // `super::super::x` from `[a, b, c]` names `a::x`; only a path that
    // climbs to the core root names another top-level module.
    for (i, _) in line.match_indices("super::") {
        if line[..i].ends_with("super::") {
            continue;
        }
        let mut rest = &line[i..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        if ups == here.len() {
            if let Some(id) = idents_after(&format!("::{rest}"), "::").first() {
                out.push((*id).to_owned());
            }
        }
    }
    out
}

fn core_graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph = Graph::new();
    for f in files {
        let here = module_path(f.strip_prefix(&root).unwrap());
        // The root (`core/mod.rs`) declares and re-exports every module.
        let Some(top) = here.first().cloned() else {
            continue;
        };
        let text = fs::read_to_string(&f).unwrap();
        let deps = graph.entry(top.clone()).or_default();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for t in targets(code, &here) {
                if t != top {
                    deps.insert(t);
                }
            }
        }
    }
    graph
}

/// One cycle of `graph`, as the path that closes it, or `None`.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_owned());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn core_modules_form_no_cycle() {
    let graph = core_graph();
    for m in ["format", "html", "url", "i18n", "error", "json", "model"] {
        assert!(graph.contains_key(m), "module {m} not found in {graph:?}");
    }
    assert_eq!(find_cycle(&graph), None, "core module graph: {graph:#?}");
}

#[test]
fn dependencies_point_the_documented_way() {
    let graph = core_graph();
    let uses = |a: &str, b: &str| graph.get(a).is_some_and(|d| d.contains(b));
    for low in ["json", "html", "url", "model", "limits", "text", "entities"] {
        assert!(!uses(low, "format"), "{low} must not use format");
    }
    assert!(uses("format", "html") && uses("format", "json"));
    assert!(uses("html", "url") && !uses("url", "html"));
    assert!(uses("i18n", "error") && !uses("error", "i18n"));
}

#[test]
fn the_checker_sees_paths_and_cycles() {
    let here = vec!["format".to_owned(), "jsonld".to_owned()];
    assert_eq!(targets("use super::super::html::X;", &here), ["html"]);
    assert_eq!(
        targets("use super::fields::Obj;", &here),
        Vec::<String>::new()
    );
    assert_eq!(
        targets(
            "crate::core::i18n::Strings::en(); crate::core::url::x",
            &here
        ),
        ["i18n", "url"]
    );
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&g).unwrap(), ["a", "b", "c", "a"]);
}
