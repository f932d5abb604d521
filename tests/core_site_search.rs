//! The site index (static files, fetched per query) against the truth:
//! random documents in up to three segments with random deletions, random
//! queries; the hit set is exactly the live documents whose normalised
//! texts contain every term (recall = precision = 1), and the ranking,
//! scores, snippets and marks are those of the in-memory `SearchIndex` over
//! the same live documents.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashMap};

use article_reader::core::model::{Article, Block, RichText};
use article_reader::core::search::site::{
    build_segment, Manifest, Sequential, SiteDoc, SiteIndex, SiteResults, Step,
};
use article_reader::core::search::{normalize_with, Query, SearchIndex};
use proptest::prelude::*;
use proptest::sample::select;

fn text_char() -> impl Strategy<Value = char> {
    let interesting = vec![
        'a', 'A', 'ａ', '1', '１', '.', ' ', '\u{3000}', '\n', '发', '發', '展', '哈', '，', '𠮷',
        '\u{200b}', 'Σ', 'σ', '。', '"',
    ];
    prop_oneof![6 => select(interesting), 1 => any::<char>()]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 0..30).prop_map(|v| v.into_iter().collect())
}

fn doc(i: usize, t: &str, h: &str, p1: &str, p2: &str) -> SiteDoc {
    SiteDoc {
        article: Article {
            id: format!("d{i}"),
            url: Some(format!("/{i}.html")),
            title: t.to_owned(),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: RichText::plain(h),
                },
                Block::Paragraph(RichText::plain(p1)),
                Block::Paragraph(RichText::plain(p2)),
            ],
            ..Article::default()
        },
        src: None,
    }
}

fn run(
    files: &HashMap<String, Vec<u8>>,
    ix: &mut SiteIndex,
    q: &Query,
    limit: usize,
) -> SiteResults {
    loop {
        match ix.search(q, limit).expect("no damaged file") {
            Step::Done(r) => return r,
            Step::Need(paths) => {
                for p in paths {
                    let b = files.get(&p).cloned().expect("a file the index has");
                    ix.add_file(p, b);
                }
            }
        }
    }
}

/// A term: a piece of a normalised text, or a random string.
fn term_of(norm: &str, a: usize, b: usize, other: &str, variants: bool) -> String {
    let chars: Vec<char> = norm.chars().collect();
    let t = if chars.is_empty() || a.is_multiple_of(4) {
        normalize_with(other, variants)
    } else {
        let s = a % chars.len();
        chars[s..(s + 1 + b % 6).min(chars.len())].iter().collect()
    };
    t.trim().to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn site_search_is_exact_and_ranks_as_the_in_memory_index(
        texts in prop::collection::vec((text(), text(), text(), text()), 1..10),
        cuts in (any::<usize>(), any::<usize>()),
        dels in prop::collection::vec(any::<usize>(), 0..3),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..4),
        other in text(),
        variants in any::<bool>(),
        limit in 1usize..6,
    ) {
        let docs: Vec<SiteDoc> = texts.iter().enumerate()
            .map(|(i, (t, h, p1, p2))| doc(i, t, h, p1, p2)).collect();
        // Up to three segments.
        let n = docs.len();
        let mut bounds = [0, cuts.0 % (n + 1), cuts.1 % (n + 1), n];
        bounds.sort_unstable();
        let mut m = Manifest { variants, ..Manifest::default() };
        let mut files = HashMap::new();
        for w in bounds.windows(2) {
            if w[0] == w[1] { continue; }
            let seg = build_segment(&docs[w[0]..w[1]], m.next_number(), variants, &Sequential);
            files.extend(seg.files);
            m.segments.push(seg.meta);
        }
        for d in &dels {
            m.delete((d % n) as u64);
        }
        let live: Vec<usize> = (0..n).filter(|&i| !m.is_deleted(i as u64)).collect();

        let norm: Vec<Vec<String>> = texts.iter()
            .map(|(t, h, p1, p2)| [t, h, p1, p2].iter().map(|x| normalize_with(x, variants)).collect())
            .collect();
        let mut terms = Vec::new();
        for &(d, a, b) in &picks {
            let t = term_of(&norm[d % n][a % 4], a / 4, b, &other, variants);
            if !t.is_empty() && !terms.contains(&t) {
                terms.push(t);
            }
        }
        let q = Query { terms: terms.clone(), variants };
        let mut ix = SiteIndex::new(m.clone());
        let got = run(&files, &mut ix, &q, limit);
        let all = run(&files, &mut ix, &q, n);

        let want: BTreeSet<usize> = if terms.is_empty() { BTreeSet::new() } else {
            live.iter().copied()
                .filter(|&i| terms.iter().all(|t| norm[i].iter().any(|f| f.contains(t.as_str()))))
                .collect()
        };
        let found: BTreeSet<usize> = all.hits.iter().map(|h| h.number as usize).collect();
        prop_assert_eq!(&found, &want);
        prop_assert_eq!(got.total, want.len());

        let mem = SearchIndex::with_variants(
            live.iter().map(|&i| docs[i].article.clone()).collect(), variants);
        let expect = mem.search_top(&q, limit);
        let a: Vec<_> = got.hits.iter()
            .map(|h| (h.number as usize, h.score, h.snippet.clone(), h.marks.clone(), h.title_marks.clone()))
            .collect();
        let b: Vec<_> = expect.hits.iter()
            .map(|h| (live[h.index], h.score, h.snippet.clone(), h.marks.clone(), h.title_marks.clone()))
            .collect();
        prop_assert_eq!(a, b);
    }
}
