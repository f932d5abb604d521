//! `article-reader index`: reads the inputs, builds a segment, applies
//! replacements and deletions, merges segments when a size tier is full,
//! writes new files only, then the manifest (last, atomically: a reader
//! never sees a manifest naming files not yet written).

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use article_reader::core::json::{self, Value};
use article_reader::core::search::site::{
    alphabet_path, build_segment, copies_in_pack, ids_path, pack_path, Alphabet, BuiltSegment,
    Manifest, Parallel, SiteDoc, StoredDoc,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::IndexArgs;
use crate::gz;
use crate::input::{files_of, read_all};

/// Bad documents reported one by one.
const MAX_REPORTED: usize = 50;

/// Runs jobs on rayon's thread pool.
struct Rayon;

impl Parallel for Rayon {
    fn map<T: Send, F: Fn(usize) -> T + Sync + Send>(&self, n: usize, f: F) -> Vec<T> {
        (0..n).into_par_iter().map(f).collect()
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("article-reader index: {msg}");
    ExitCode::FAILURE
}

/// What was written: files and bytes.
#[derive(Default)]
struct Written {
    files: usize,
    bytes: u64,
}

pub fn run(args: &IndexArgs) -> ExitCode {
    let started = Instant::now();
    let out = args.update.clone().unwrap_or_else(|| args.out.clone());
    let files = match files_of(&args.inputs) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let bar = ProgressBar::new(files.len() as u64).with_style(
        ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} files").expect("template"),
    );
    bar.set_message("reading");
    let read = read_all(&files, || bar.inc(1));
    bar.finish_and_clear();
    // The first problems in full; past that, a count (a broken export of
    // a whole archive should not flood the terminal).
    for p in read.problems.iter().take(MAX_REPORTED) {
        eprintln!("skipped: {p}");
        if args.strict {
            return fail("a bad document, and --strict: nothing written");
        }
    }
    if read.problems.len() > MAX_REPORTED {
        eprintln!("skipped: … and {} more", read.problems.len() - MAX_REPORTED);
    }
    if read.docs.is_empty() && args.delete.is_empty() {
        return fail(format!(
            "nothing to index ({} bad document{})",
            read.problems.len(),
            if read.problems.len() == 1 { "" } else { "s" }
        ));
    }

    // The manifest this run replaces, if any: its segments are the
    // previous generation, which --prune keeps.
    let previous = fs::read_to_string(out.join("manifest.json"))
        .ok()
        .and_then(|t| Manifest::from_json(&t).ok());
    let mut manifest = match &args.update {
        Some(dir) => match fs::read_to_string(dir.join("manifest.json")) {
            Ok(t) => match Manifest::from_json(&t) {
                Ok(m) => m,
                Err(e) => return fail(format!("{}: {e}", dir.display())),
            },
            Err(e) => return fail(format!("{}/manifest.json: {e}", dir.display())),
        },
        None => Manifest {
            variants: args.variants,
            ..Manifest::default()
        },
    };
    if args.update.is_some() && args.variants && !manifest.variants {
        eprintln!("note: --variants ignored, the index was built without it");
    }
    let mut live = match live_ids(&out, &manifest) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let mut deleted = 0;
    for id in &args.delete {
        match live.remove(id) {
            Some(n) => {
                manifest.delete(n);
                deleted += 1;
            }
            None => eprintln!("note: --delete {id}: no such document"),
        }
    }
    let mut replaced = 0;
    for d in &read.docs {
        if let Some(n) = live.remove(&d.article.id) {
            manifest.delete(n);
            replaced += 1;
        }
    }

    let mut written = Written::default();
    let spinner = ProgressBar::new_spinner();
    if !read.docs.is_empty() {
        spinner.set_message(format!("indexing {} documents", read.docs.len()));
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        let seg = build_segment(
            &read.docs,
            manifest.next_number(),
            manifest.variants,
            &Rayon,
        );
        if let Err(e) = write_segment(&out, &seg, &mut written) {
            return fail(e);
        }
        manifest.segments.push(seg.meta);
    }
    while let Some(run) = manifest.merge_run() {
        spinner.set_message(format!("merging {} segments", run.len()));
        let docs = match stored_docs(&out, &manifest, run.clone()) {
            Ok(d) => d,
            Err(e) => return fail(e),
        };
        manifest.remove_segments(run);
        if !docs.is_empty() {
            let seg = build_segment(&docs, manifest.next_number(), manifest.variants, &Rayon);
            if let Err(e) = write_segment(&out, &seg, &mut written) {
                return fail(e);
            }
            manifest.segments.push(seg.meta);
        }
    }
    spinner.finish_and_clear();
    let text = manifest.to_json();
    let tmp = out.join("manifest.json.tmp");
    if let Err(e) = fs::write(&tmp, &text).and_then(|_| fs::rename(&tmp, out.join("manifest.json")))
    {
        return fail(format!("{}: {e}", out.display()));
    }
    written.files += 1;
    written.bytes += text.len() as u64;
    let pruned = if args.prune {
        match prune(&out, &manifest, previous.as_ref()) {
            Ok(p) => p,
            Err(e) => return fail(e),
        }
    } else {
        Pruned::default()
    };
    if args.prune {
        println!(
            "pruned {} segment directories ({:.1} MB) that no manifest of the last two generations names",
            pruned.dirs,
            pruned.bytes as f64 / 1e6
        );
    }
    let total = index_bytes(&out, &manifest) + text.len() as u64;
    println!(
        "indexed {} documents ({} replaced, {} deleted, {} skipped) into {}: {} live documents, {} segments, {:.1} MB; wrote {} files, {:.1} MB ({:.2}% of the index) in {:.1} s",
        read.docs.len(),
        replaced,
        deleted,
        read.problems.len(),
        out.display(),
        manifest.live_docs(),
        manifest.segments.len(),
        total as f64 / 1e6,
        written.files,
        written.bytes as f64 / 1e6,
        100.0 * written.bytes as f64 / total.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Writes a segment's files that are not there yet (a directory named
/// after its content holds the same bytes whoever wrote it).
fn write_segment(out: &Path, seg: &BuiltSegment, written: &mut Written) -> Result<(), String> {
    let dir = out.join(&seg.meta.dir);
    if dir.join("ids.json").exists() {
        return Ok(());
    }
    let parents: std::collections::BTreeSet<_> = seg
        .files
        .iter()
        .filter_map(|(p, _)| out.join(p).parent().map(Path::to_path_buf))
        .collect();
    for p in parents {
        fs::create_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    // ids.json last: its presence says the segment is complete.
    let (ids, rest): (Vec<_>, Vec<_>) = seg
        .files
        .iter()
        .partition(|(p, _)| p.ends_with("/ids.json"));
    let bytes = rest
        .par_iter()
        .map(|(p, b)| write_gz(out, p, b))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    // After the rest has been written.
    let id_bytes = ids
        .par_iter()
        .map(|(p, b)| write_gz(out, p, b))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    written.files += seg.files.len();
    written.bytes += bytes + id_bytes;
    Ok(())
}

/// Writes `bytes` gzip-compressed to `out/p`; returns the bytes written.
fn write_gz(out: &Path, p: &str, bytes: &[u8]) -> Result<u64, String> {
    let gz = gz::compress(bytes);
    fs::write(out.join(p), &gz).map_err(|e| format!("{p}: {e}"))?;
    Ok(gz.len() as u64)
}

/// The plain bytes of the gzip file `path`.
fn read_gz(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    gz::inflate(&bytes)
}

/// Live documents by id.
fn live_ids(out: &Path, m: &Manifest) -> Result<HashMap<String, u64>, String> {
    let mut live = HashMap::new();
    for seg in &m.segments {
        for (i, id) in segment_ids(out, &seg.dir)?.into_iter().enumerate() {
            let n = seg.base + i as u64;
            if !m.is_deleted(n) {
                live.insert(id, n);
            }
        }
    }
    Ok(live)
}

fn segment_ids(out: &Path, dir: &str) -> Result<Vec<String>, String> {
    let path = out.join(ids_path(dir));
    let bad = |why: String| format!("{}: {why}", path.display());
    let text = String::from_utf8(read_gz(&path).map_err(bad)?).map_err(|e| bad(e.to_string()))?;
    let v = json::from_str(&text).map_err(|e| bad(e.detail.to_owned()))?;
    let Value::Array(ids) = v else {
        return Err(bad("not a list of ids".into()));
    };
    ids.iter()
        .map(|x| {
            x.as_str()
                .map(str::to_owned)
                .ok_or_else(|| bad("not a list of ids".into()))
        })
        .collect()
}

/// The live documents of segments `run`, read back from their packs of
/// stored copies, in number order.
fn stored_docs(
    out: &Path,
    m: &Manifest,
    run: std::ops::Range<usize>,
) -> Result<Vec<SiteDoc>, String> {
    let mut packs = Vec::new();
    let mut alphabets = Vec::new();
    for seg in &m.segments[run] {
        let p = alphabet_path(&seg.dir);
        let bytes = read_gz(&out.join(&p)).map_err(|e| format!("{p}: {e}"))?;
        alphabets.push(Alphabet::decode(&bytes).map_err(|_| format!("{p}: damaged"))?);
        for first in (0..seg.docs).step_by(seg.pack as usize) {
            packs.push((seg, alphabets.len() - 1, first));
        }
    }
    let docs: Vec<Vec<SiteDoc>> = packs
        .par_iter()
        .map(|&(seg, alphabet, first)| {
            let p = pack_path(&seg.dir, first, seg.pack);
            let bytes = read_gz(&out.join(&p)).map_err(|e| format!("{p}: {e}"))?;
            let copies = copies_in_pack(&bytes).map_err(|_| format!("{p}: damaged"))?;
            let mut live = Vec::new();
            for (i, c) in copies.into_iter().enumerate() {
                if !m.is_deleted(seg.base + u64::from(first) + i as u64) {
                    let d = StoredDoc::decode(c, &alphabets[alphabet])
                        .map_err(|_| format!("{p}: damaged"))?;
                    live.push(d.to_site_doc());
                }
            }
            Ok(live)
        })
        .collect::<Result<_, String>>()?;
    Ok(docs.into_iter().flatten().collect())
}

/// Bytes of the files of the segments the manifest names.
fn index_bytes(out: &Path, m: &Manifest) -> u64 {
    m.segments
        .iter()
        .flat_map(|s| walkdir::WalkDir::new(out.join(&s.dir)))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// What pruning removed.
#[derive(Default)]
struct Pruned {
    dirs: usize,
    bytes: u64,
}

/// Whether `name` is the name of a segment directory (`g` and hex digits,
/// as [`build_segment`] names them): nothing else in `out` is touched.
fn is_segment_dir(name: &str) -> bool {
    name.strip_prefix('g')
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Removes the segment directories of `out` that neither `current` nor
/// `previous` names. Called after the new manifest is in place.
fn prune(out: &Path, current: &Manifest, previous: Option<&Manifest>) -> Result<Pruned, String> {
    let keep: std::collections::HashSet<&str> = current
        .segments
        .iter()
        .chain(previous.iter().flat_map(|m| m.segments.iter()))
        .map(|s| s.dir.as_str())
        .collect();
    let mut pruned = Pruned::default();
    let entries = fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if !e.path().is_dir() || !is_segment_dir(&name) || keep.contains(name.as_str()) {
            continue;
        }
        let bytes: u64 = walkdir::WalkDir::new(e.path())
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|f| f.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        fs::remove_dir_all(e.path()).map_err(|err| format!("{}: {err}", e.path().display()))?;
        pruned.dirs += 1;
        pruned.bytes += bytes;
    }
    Ok(pruned)
}
