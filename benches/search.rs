//! Native benchmark of the search core on the Tang-poem corpora (not a
//! test): `node bench/search/corpus.mjs && cargo bench --bench search`.
//! Prints prepare and query figures for the index and for a plain scan of
//! the same normalised text, and checks that both find the same articles.

use std::hint::black_box;
use std::time::{Duration, Instant};

use article_reader::core::search::{
    normalize_str, occurrences, parse_query, parse_query_with, Query, SearchIndex,
};
use article_reader::core::{parse_many, Article, Limits};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Mean time of `f` over enough runs to last about 2 ms.
fn time_each(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs < 3 || (start.elapsed() < Duration::from_millis(2) && runs < 10_000) {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn median_p95(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let at = |q: f64| ms(v[((v.len() - 1) as f64 * q).round() as usize]);
    (at(0.5), at(0.95))
}

/// A plain scan: every article's texts normalised into one string.
fn scan_prepare(articles: &[Article]) -> Vec<String> {
    articles
        .iter()
        .map(|a| {
            let mut s = String::new();
            for (_, t) in a.fields() {
                s.push_str(&normalize_str(&t));
                s.push('\n');
            }
            s
        })
        .collect()
}

fn scan(prepared: &[String], q: &Query) -> Vec<usize> {
    (0..prepared.len())
        .filter(|&i| q.terms.iter().all(|t| prepared[i].contains(t.as_str())))
        .collect()
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench-search");
    for n in [1000, 10000] {
        let path = format!("{dir}/corpus-{n}.json");
        let Ok(json) = std::fs::read_to_string(&path) else {
            eprintln!("{path} missing: run `node bench/search/corpus.mjs` first");
            continue;
        };
        let t = Instant::now();
        let v = article_reader::core::json::from_str(&json).expect("corpus JSON");
        let t_json = t.elapsed();
        let queries: Vec<String> = v
            .get("queries")
            .and_then(|q| q.as_array())
            .expect("queries")
            .iter()
            .filter_map(|q| q.as_str().map(str::to_owned))
            .collect();
        let feed = v.get("feed").expect("feed").clone();
        let limits = Limits {
            max_items: usize::MAX,
            ..Limits::default()
        };
        let t = Instant::now();
        let articles = parse_many(feed, &limits).expect("feed");
        let t_parse = t.elapsed();
        let mb = json.len() as f64 / 1e6;

        let builds: Vec<Duration> = (0..5)
            .map(|_| {
                let a = articles.clone();
                let t = Instant::now();
                black_box(SearchIndex::new(a));
                t.elapsed()
            })
            .collect();
        let (build, _) = median_p95(builds);
        let t = Instant::now();
        let folded = SearchIndex::with_variants(articles.clone(), true);
        let build_variants = ms(t.elapsed());
        let index = SearchIndex::new(articles.clone());

        let text_bytes: usize = articles
            .iter()
            .flat_map(|a| a.fields().into_iter().map(|(_, t)| t.len()))
            .sum();
        let t = Instant::now();
        for a in &articles {
            for (_, f) in a.fields() {
                black_box(normalize_str(&f));
            }
        }
        let norm = t.elapsed();

        let t = Instant::now();
        let prepared = scan_prepare(&articles);
        let scan_prep = t.elapsed();

        let parsed: Vec<Query> = queries.iter().map(|q| parse_query(q)).collect();
        let mut top = Vec::new();
        let mut all = Vec::new();
        let mut lazy = Vec::new();
        let mut eager = Vec::new();
        let mut scans = Vec::new();
        let (mut found, mut truth, mut both) = (0usize, 0usize, 0usize);
        for q in &parsed {
            top.push(time_each(|| {
                black_box(index.search_top(q, 10));
            }));
            all.push(time_each(|| {
                black_box(index.count(q));
            }));
            // createIndex's search() without a limit: every hit ranked,
            // snippets only for the 20 a list shows first (lazy), against a
            // snippet for every hit (eager, as before).
            lazy.push(time_each(|| {
                let r = index.rank(q, None);
                for h in r.hits.iter().take(20) {
                    black_box(index.hit(h, q));
                }
            }));
            eager.push(time_each(|| {
                black_box(index.search(q));
            }));
            scans.push(time_each(|| {
                black_box(scan(&prepared, q));
            }));
            let got: Vec<usize> = index.search(q).into_iter().map(|h| h.index).collect();
            let want = scan(&prepared, q);
            found += got.len();
            truth += want.len();
            both += got.iter().filter(|i| want.binary_search(i).is_ok()).count();
        }
        let variant_q: Vec<Query> = queries.iter().map(|q| parse_query_with(q, true)).collect();
        let variants: Vec<Duration> = variant_q
            .iter()
            .map(|q| {
                time_each(|| {
                    black_box(folded.search_top(q, 10));
                })
            })
            .collect();

        println!(
            "\n== {n} documents, {mb:.1} MB JSON, {:.1} MB text, {} queries",
            text_bytes as f64 / 1e6,
            queries.len()
        );
        println!("prepare: JSON parse {:.1} ms, format adapters {:.1} ms, index build {:.1} ms (variants on: {:.1} ms), index {:.1} MB",
            ms(t_json), ms(t_parse), build, build_variants, index.index_bytes() as f64 / 1e6);
        println!(
            "normalise with offset map (as find-in-article does): {:.0} MB/s",
            text_bytes as f64 / 1e6 / norm.as_secs_f64()
        );
        let row = |name: &str, v: Vec<Duration>| {
            let (m, p) = median_p95(v);
            println!("{name:<34} median {m:>8.4} ms   p95 {p:>8.4} ms");
        };
        row("index: top 10 with snippets", top);
        row("index: count of matches", all);
        row("index: all hits, 20 snippets (lazy)", lazy);
        row("index: all hits, every snippet", eager);
        row("index (variants on): top 10", variants);
        row("plain scan of normalised text", scans);
        println!("scan prepare {:.1} ms; recall {:.4} precision {:.4} ({both} of {truth} true, {found} found)",
            ms(scan_prep),
            if truth == 0 { 1.0 } else { both as f64 / truth as f64 },
            if found == 0 { 1.0 } else { both as f64 / found as f64 });

        // The substring primitive of find_in_text: std's str::find, and
        // memchr's memmem for comparison, over all the text and over each
        // article (find-in-article's case).
        let hay: String = prepared.concat();
        let terms: Vec<&str> = parsed
            .iter()
            .take(50)
            .map(|q| q.terms[0].as_str())
            .collect();
        let mut rows: Vec<(&str, Vec<Duration>)> = vec![
            ("str::find, all text", Vec::new()),
            ("memmem, all text", Vec::new()),
            ("str::find, each article", Vec::new()),
            ("memmem, each article", Vec::new()),
        ];
        for t in &terms {
            let finder = memchr::memmem::Finder::new(t.as_bytes());
            rows[0].1.push(time_each(|| {
                black_box(occurrences(&hay, t).count());
            }));
            rows[1].1.push(time_each(|| {
                black_box(finder.find_iter(hay.as_bytes()).count());
            }));
            rows[2].1.push(time_each(|| {
                for p in &prepared {
                    black_box(occurrences(p, t).count());
                }
            }));
            rows[3].1.push(time_each(|| {
                for p in &prepared {
                    black_box(memchr::memmem::find_iter(p.as_bytes(), t).count());
                }
            }));
        }
        for (name, v) in rows {
            let (m, p) = median_p95(v);
            println!(
                "{name:<26} ({:.1} MB): median {m:.3} ms p95 {p:.3} ms ({:.0} MB/s)",
                hay.len() as f64 / 1e6,
                hay.len() as f64 / 1e6 / (m / 1e3)
            );
        }
    }
}
