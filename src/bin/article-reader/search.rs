//! `article-reader search`: queries a site index on disk with the engine
//! the browser runs ([`SiteIndex`]), reading the files it asks for instead
//! of fetching them. A site owner checks an index from the shell; the
//! benchmark gets every hit of a query without a browser.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path};
use std::process::ExitCode;

use article_reader::core::search::parse_query;
use article_reader::core::search::site::{
    json_string, Manifest, SiteHit, SiteIndex, SiteResults, Step,
};
use rayon::prelude::*;

use crate::cli::SearchArgs;
use crate::gz;

/// The engine needs three rounds of files at most; a search still asking
/// after this many is looping on a broken index.
const MAX_ROUNDS: usize = 8;

pub fn run(args: &SearchArgs) -> ExitCode {
    let query = args.query.join(" ");
    let limit = if args.all { usize::MAX } else { args.limit };
    let results = match search(&args.dir, &query, limit) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("article-reader search: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if args.json {
        write_json(&mut out, &query, &results)
    } else {
        write_text(&mut out, &results)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `| head`: the reader has all it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("article-reader search: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The best `limit` hits of `query` in the index at `dir` and how many
/// documents match, or what is wrong with the index.
pub fn search(dir: &Path, query: &str, limit: usize) -> Result<SiteResults, String> {
    let manifest_path = dir.join("manifest.json");
    let text = fs::read_to_string(&manifest_path).map_err(|e| {
        format!(
            "{}: {e} (is {} an index written by `article-reader index`?)",
            manifest_path.display(),
            dir.display()
        )
    })?;
    let manifest = Manifest::from_json(&text).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut ix = SiteIndex::new(manifest);
    let query = parse_query(query);
    for _ in 0..MAX_ROUNDS {
        let paths = match ix.search(&query, limit) {
            Ok(Step::Done(r)) => return Ok(r),
            Ok(Step::Need(paths)) => paths,
            Err(e) => return Err(format!("{}: {e}", dir.display())),
        };
        let files: Vec<Result<(String, Vec<u8>), String>> = paths
            .into_par_iter()
            .map(|p| read_index_file(dir, p))
            .collect();
        for f in files {
            let (path, bytes) = f?;
            ix.add_file(path, bytes);
        }
    }
    Err(format!(
        "{}: the search still needs files after {MAX_ROUNDS} rounds (damaged index?)",
        dir.display()
    ))
}

/// A file the engine asked for, inflated. Its path comes from the
/// manifest, so it must stay inside the index directory.
fn read_index_file(dir: &Path, rel: String) -> Result<(String, Vec<u8>), String> {
    let inside = Path::new(&rel)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !inside {
        return Err(format!(
            "{}: the manifest names a file outside the index: {rel}",
            dir.display()
        ));
    }
    let path = dir.join(&rel);
    let gz = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = gz::inflate(&gz).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((rel, bytes))
}

/// A count line, then per hit its id, URL and title on one line and its
/// snippet indented on the next.
fn write_text(out: &mut impl Write, r: &SiteResults) -> io::Result<()> {
    let noun = if r.total == 1 {
        "document"
    } else {
        "documents"
    };
    writeln!(out, "{} {noun} match, {} shown", r.total, r.hits.len())?;
    for h in &r.hits {
        writeln!(
            out,
            "{}  {}  {}",
            one_line(&h.id),
            one_line(h.url.as_deref().unwrap_or("-")),
            one_line(&h.title)
        )?;
        writeln!(out, "    {}", one_line(&h.snippet))?;
    }
    Ok(())
}

/// Texts come from the indexed documents: control characters (line
/// breaks, terminal escapes) are shown as spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// JSON Lines: `{"query", "total", "shown"}`, then one object per hit.
fn write_json(out: &mut impl Write, query: &str, r: &SiteResults) -> io::Result<()> {
    writeln!(
        out,
        "{{\"query\":{},\"total\":{},\"shown\":{}}}",
        json_string(query),
        r.total,
        r.hits.len()
    )?;
    for h in &r.hits {
        writeln!(out, "{}", hit_json(h))?;
    }
    Ok(())
}

fn hit_json(h: &SiteHit) -> String {
    let opt = |s: &Option<String>| s.as_deref().map_or("null".to_owned(), json_string);
    format!(
        "{{\"id\":{},\"url\":{},\"src\":{},\"title\":{},\"published\":{},\"snippet\":{}}}",
        json_string(&h.id),
        opt(&h.url),
        opt(&h.src),
        json_string(&h.title),
        opt(&h.published),
        json_string(&h.snippet)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_blanks_line_breaks_and_escapes() {
        assert_eq!(one_line("春\n风\u{1b}[31m"), "春 风 [31m");
    }
}
