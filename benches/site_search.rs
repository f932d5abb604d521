//! Site search from disk (not a test): where the index's bytes go,
//! per-query bytes, rounds, warm query time, recall and precision against
//! a plain substring scan.
//!
//!   node bench/search/site-corpus.mjs 10000 all
//!   cargo build --profile cli --bin article-reader
//!   target/cli/article-reader index --out target/bench-search/site-10000-index target/bench-search/site-10000.jsonl
//!   cargo bench --bench site_search   (every site-N with an index)

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use article_reader::core::search::site::{file_shape, Manifest, SiteIndex, SiteResults, Step};
use article_reader::core::search::{normalize_str, parse_query};
use article_reader::core::{parse_json, parse_many, Limits};

fn run(
    dir: &Path,
    ix: &mut SiteIndex,
    q: &str,
    limit: usize,
    files: &mut usize,
    sent: &mut usize,
) -> (SiteResults, usize) {
    let query = parse_query(q);
    for round in 0.. {
        match ix.search(&query, limit).expect("index intact") {
            Step::Done(r) => return (r, round),
            Step::Need(paths) => {
                for p in paths {
                    // Stored gzipped: count what crosses the network.
                    let gz = std::fs::read(dir.join(&p)).expect("index file");
                    *files += 1;
                    *sent += gz.len();
                    let mut b = Vec::new();
                    flate2::read::GzDecoder::new(gz.as_slice())
                        .read_to_end(&mut b)
                        .expect("gzip");
                    ix.add_file(p, b);
                }
            }
        }
    }
    unreachable!()
}

fn pct(v: &mut [f64], q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-search");
    for name in ["10000", "all"] {
        let dir = root.join(format!("site-{name}-index"));
        let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.json")) else {
            eprintln!(
                "{}: no index, see the header of benches/site_search.rs",
                dir.display()
            );
            continue;
        };
        let m = Manifest::from_json(&manifest).expect("manifest");
        let queries_json = std::fs::read_to_string(root.join(format!("site-{name}-queries.json")))
            .expect("queries");
        let queries: Vec<(String, String)> = parse_json(&queries_json)
            .expect("queries JSON")
            .as_array()
            .expect("array")
            .iter()
            .map(|v| {
                (
                    v.get("kind")
                        .and_then(|k| k.as_str())
                        .unwrap_or("")
                        .to_owned(),
                    v.get("q").and_then(|k| k.as_str()).unwrap_or("").to_owned(),
                )
            })
            .collect();
        // The truth: each document's texts normalised, scanned.
        let text =
            std::fs::read_to_string(root.join(format!("site-{name}.jsonl"))).expect("corpus");
        let limits = Limits {
            max_items: usize::MAX,
            ..Limits::default()
        };
        let docs: Vec<(String, Vec<String>)> = text
            .lines()
            .flat_map(|l| parse_many(parse_json(l).expect("line"), &limits).expect("doc"))
            .map(|a| {
                (
                    a.id.clone(),
                    a.fields().iter().map(|(_, t)| normalize_str(t)).collect(),
                )
            })
            .collect();
        // Bytes of the indexed texts (title and body) as given.
        let text_bytes: usize = text
            .lines()
            .flat_map(|l| parse_many(parse_json(l).expect("line"), &limits).expect("doc"))
            .map(|a| a.fields().iter().map(|(_, t)| t.len()).sum::<usize>())
            .sum();
        let parts = parts(&dir, &m);
        let index_bytes: f64 = parts.parts.iter().map(|p| p.1).sum();

        let (mut bytes, mut warm, mut files_n, mut rounds) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut found, mut truth, mut both) = (0usize, 0usize, 0usize);
        let mut by_kind: HashMap<String, Vec<f64>> = HashMap::new();
        let mut worst: Vec<(usize, String, usize)> = Vec::new();
        for (kind, q) in &queries {
            let mut ix = SiteIndex::new(m.clone());
            let (mut files, mut sent) = (0, 0);
            let (r, n) = run(&dir, &mut ix, q, 10, &mut files, &mut sent);
            bytes.push(sent as f64);
            worst.push((sent, q.clone(), r.total));
            by_kind.entry(kind.clone()).or_default().push(sent as f64);
            files_n.push(files as f64);
            rounds.push(n as f64);
            let t = Instant::now();
            let reps = 5;
            for _ in 0..reps {
                run(&dir, &mut ix, q, 10, &mut files, &mut sent);
            }
            warm.push(t.elapsed().as_secs_f64() * 1e3 / reps as f64);
            // All hits, for recall and precision.
            let (all, _) = run(&dir, &mut ix, q, usize::MAX, &mut files, &mut sent);
            assert_eq!(all.total, r.total);
            let got: BTreeSet<&str> = all.hits.iter().map(|h| h.id.as_str()).collect();
            let terms = parse_query(q).terms;
            let want: BTreeSet<&str> = if terms.is_empty() {
                BTreeSet::new()
            } else {
                docs.iter()
                    .filter(|(_, fs)| {
                        terms
                            .iter()
                            .all(|t| fs.iter().any(|f| f.contains(t.as_str())))
                    })
                    .map(|(id, _)| id.as_str())
                    .collect()
            };
            found += got.len();
            truth += want.len();
            both += got.intersection(&want).count();
        }
        println!(
            "\n== site-{name}: {} documents, {:.1} MB text, {} queries",
            docs.len(),
            text_bytes as f64 / 1e6,
            queries.len()
        );
        println!(
            "index on disk {:.1} MB ({:.2}× the text), manifest {} bytes, {} segment(s)",
            index_bytes / 1e6,
            index_bytes / text_bytes as f64,
            manifest.len(),
            m.segments.len()
        );
        println!(
            "{} keys, {} lists apart; where the bytes go (gzipped, as stored):",
            parts.keys, parts.apart
        );
        for (part, n) in &parts.parts {
            println!(
                "  {part:<24} {:>8.1} MB {:>4.0}% {:>5.2}× the text",
                n / 1e6,
                100.0 * n / index_bytes,
                n / text_bytes as f64
            );
        }
        println!(
            "per query (top 10, manifest included once): bytes median {:.1} KB p95 {:.1} KB max {:.1} KB; files median {} p95 {}; rounds median {} max {}",
            pct(&mut bytes, 0.5) / 1e3,
            pct(&mut bytes, 0.95) / 1e3,
            pct(&mut bytes, 1.0) / 1e3,
            pct(&mut files_n, 0.5),
            pct(&mut files_n, 0.95),
            pct(&mut rounds, 0.5),
            pct(&mut rounds, 1.0)
        );
        worst.sort_unstable_by(|a, b| b.cmp(a));
        let worst: Vec<String> = worst
            .iter()
            .take(8)
            .map(|(b, q, n)| format!("{q} ({n} hits) {:.0} KB", *b as f64 / 1e3))
            .collect();
        println!("  costliest: {}", worst.join("; "));
        let mut kinds: Vec<_> = by_kind.into_iter().collect();
        kinds.sort_by(|a, b| a.0.cmp(&b.0));
        for (k, mut v) in kinds {
            println!(
                "  {k:<13} ({:>3}) bytes median {:>8.1} KB p95 {:>8.1} KB",
                v.len(),
                pct(&mut v, 0.5) / 1e3,
                pct(&mut v, 0.95) / 1e3
            );
        }
        println!(
            "warm query (files in memory) median {:.3} ms p95 {:.3} ms; recall {:.4} precision {:.4} ({both} of {truth} true, {found} found)",
            pct(&mut warm, 0.5),
            pct(&mut warm, 0.95),
            if truth == 0 { 1.0 } else { both as f64 / truth as f64 },
            if found == 0 { 1.0 } else { both as f64 / found as f64 }
        );
    }
}

/// Bytes of a directory's files, all the way down.
fn size(p: &Path) -> u64 {
    match std::fs::metadata(p) {
        Ok(md) if md.is_dir() => std::fs::read_dir(p).map_or(0, |rd| {
            rd.filter_map(Result::ok).map(|e| size(&e.path())).sum()
        }),
        Ok(md) => md.len(),
        Err(_) => 0,
    }
}

/// Where the index's bytes go, as stored (gzipped): each part of the
/// manifest's segments, a posting file's size shared between its key
/// directory and its lists in proportion to their inflated bytes; and the
/// keys and lists apart counted.
struct Parts {
    parts: Vec<(&'static str, f64)>,
    keys: u64,
    apart: u64,
}

fn parts(dir: &Path, m: &Manifest) -> Parts {
    let (mut directories, mut lists, mut keys, mut apart) = (0.0, 0.0, 0, 0);
    let mut other = [0u64; 4];
    for seg in &m.segments {
        let base = dir.join(&seg.dir);
        for e in std::fs::read_dir(base.join("p")).expect("posting files") {
            let gz = std::fs::read(e.expect("entry").path()).expect("posting file");
            let mut file = Vec::new();
            flate2::read::GzDecoder::new(gz.as_slice())
                .read_to_end(&mut file)
                .expect("gzip");
            let shape = file_shape(&file).expect("a posting file of this format");
            let share = shape.directory_bytes as f64 / file.len() as f64;
            directories += gz.len() as f64 * share;
            lists += gz.len() as f64 * (1.0 - share);
            keys += shape.keys;
            apart += shape.apart;
        }
        for (i, part) in ["b", "d", "a.bin", "ids.json"].iter().enumerate() {
            other[i] += size(&base.join(part));
        }
    }
    let [b, d, a, ids] = other.map(|n| n as f64);
    Parts {
        parts: vec![
            ("key directories", directories),
            ("lists in posting files", lists),
            ("lists apart (b/)", b),
            ("stored copies (d/)", d),
            ("alphabet (a.bin)", a),
            ("ids.json", ids),
            ("manifest.json", size(&dir.join("manifest.json")) as f64),
        ],
        keys,
        apart,
    }
}
