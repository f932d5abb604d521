//! The search against a plain substring truth: unit tests of the issue's
//! examples and of ranking, and property tests (proptest) that random texts
//! and queries give exactly the matches of a naive substring search of the
//! normalised text, with highlights on original text that normalises to
//! the term. The truth never comes from the code under test: text is
//! normalised by a model written out in search_model/ (checked against the engine's
//! fold on every code point), and scores by the README's formula in
//! floating point.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use article_reader::core::model::{Article, Block, RichText};
use article_reader::core::search::{
    find_in_article, find_in_text, normalize_str, normalize_with, parse_query, parse_query_with,
    Normalized, Query, SearchIndex,
};
use article_reader::core::{parse_json, parse_many, Field, Limits};
use proptest::prelude::*;
use proptest::sample::select;

fn article(title: &str, headings: &[&str], paragraphs: &[&str]) -> Article {
    let mut blocks: Vec<Block> = headings
        .iter()
        .map(|h| Block::Heading {
            level: 2,
            text: RichText::plain(*h),
        })
        .collect();
    blocks.extend(
        paragraphs
            .iter()
            .map(|p| Block::Paragraph(RichText::plain(*p))),
    );
    Article {
        id: title.to_owned(),
        title: title.to_owned(),
        blocks,
        ..Article::default()
    }
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    index
        .search(&parse_query(q))
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn finds_runs_of_chinese_mixed_with_latin_and_digits() {
    let text = "2024年，ＡＰＰ打卡人数达１．４万，app打卡率提升。";
    let n = Normalized::new(text);
    for (q, want) in [
        ("2024年", vec!["2024年"]),
        ("APP打卡", vec!["ＡＰＰ打卡", "app打卡"]),
        ("1.4万", vec!["１．４万"]),
        ("卡人数达", vec!["卡人数达"]),
        ("打卡 万", vec!["打卡", "万", "打卡"]),
    ] {
        let (ranges, _) = find_in_text(&n, &parse_query(q));
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, want, "{q}");
    }
}

#[test]
fn index_ranks_title_then_headings_then_body() {
    let index = SearchIndex::new(vec![
        article("其他", &[], &["正文提到干部一次。"]),
        article("其他", &["干部作风"], &["无关"]),
        article("锤炼干部作风", &[], &["无关"]),
        article("其他", &[], &["干部干部干部，三次。"]),
        article("其他", &[], &["很长很长的开头之后才出现干部一次。"]),
        article("无关", &[], &["无关"]),
    ]);
    let hits = index.search(&parse_query("干部"));
    let order: Vec<usize> = hits.iter().map(|h| h.index).collect();
    assert_eq!(order, [2, 1, 3, 0, 4]);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    let top = index.search_top(&parse_query("干部"), 2);
    assert_eq!(top.total, 5);
    assert_eq!(top.hits.len(), 2);
    assert_eq!(top.hits[0], hits[0]);
    assert_eq!(index.count(&parse_query("干部 作风")), 2);
    assert_eq!(index.count(&parse_query("干部 不存在")), 0);
    assert!(index.search(&parse_query("  ")).is_empty());
}

#[test]
fn the_best_few_of_many_are_the_first_of_all() {
    let docs: Vec<Article> = (0..60)
        .map(|i| {
            let body = format!("{}{}", "文".repeat(i % 7), "干部".repeat(1 + i % 5));
            article(&format!("第{i}篇"), &[], &[&body])
        })
        .collect();
    let index = SearchIndex::new(docs);
    let q = parse_query("干部");
    let all = index.search(&q);
    assert_eq!(all.len(), 60);
    for limit in [1, 3, 10] {
        let top = index.search_top(&q, limit);
        assert_eq!(top.total, 60);
        assert_eq!(top.hits, all[..limit]);
    }
}

#[test]
fn snippets_mark_matches_around_the_first_one() {
    let long = format!("{}干部作风{}", "前文".repeat(40), "后文".repeat(60));
    let index = SearchIndex::new(vec![article("标题里的干部", &[], &[&long])]);
    let hit = &index.search(&parse_query("干部"))[0];
    assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'));
    assert_eq!(hit.marks.len(), 1);
    assert_eq!(&hit.snippet[hit.marks[0].clone()], "干部");
    assert_eq!(hit.title_marks.len(), 1);
    assert_eq!(&"标题里的干部"[hit.title_marks[0].clone()], "干部");
}

#[test]
fn searches_a_json_feed() {
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "要闻",
        "items": [
            {"id": "a", "title": "推动高质量发展", "content_text": "全文。"},
            {"id": "b", "title": "其他", "content_text": "第一段\n\n第二段讲高质量发展。"},
            {"id": "c", "title": "无关", "content_text": "高质量 发展"}
        ]
    });
    let articles = parse_many(parse_json(&feed.to_string()).unwrap(), &Limits::default()).unwrap();
    let index = SearchIndex::new(articles);
    assert_eq!(ids(&index, "高质量发展"), ["a", "b"]);
    // c has both terms at the very start of its body, b further in.
    assert_eq!(ids(&index, "高质量 发展"), ["a", "c", "b"]);
    assert_eq!(ids(&index, "\"质量 发展\""), ["c"]);
}

#[test]
fn variants_match_simplified_and_traditional_both_ways() {
    let docs = vec![
        article("推動高質量發展", &[], &["經濟"]),
        article("推动高质量发展", &[], &["经济"]),
    ];
    let plain = SearchIndex::new(docs.clone());
    assert_eq!(ids(&plain, "发展"), ["推动高质量发展"]);
    let folded = SearchIndex::with_variants(docs, true);
    assert!(folded.variants());
    assert_eq!(folded.search(&parse_query("发展")).len(), 2);
    assert_eq!(folded.search(&parse_query("發展 经济")).len(), 2);
    let hit = &folded.search(&parse_query("发展"))[0];
    assert_eq!(hit.title_marks.len(), 1);

    let a = article("發展", &[], &["后来 後來"]);
    assert_eq!(find_in_article(&a, &parse_query("发展")).len(), 0);
    let q = parse_query_with("发展 后来", true);
    let m = find_in_article(&a, &q);
    assert_eq!(m.len(), 3);
    assert_eq!(m.hits[0].field, Field::Title);
}

#[test]
fn and_across_fields_of_one_article() {
    let a = article("干部", &[], &["作风"]);
    assert_eq!(find_in_article(&a, &parse_query("干部 作风")).len(), 2);
    assert!(find_in_article(&a, &parse_query("干部 缺席")).is_empty());
    // A match never spans two fields.
    assert!(find_in_article(&a, &parse_query("干部作风")).is_empty());
    let index = SearchIndex::new(vec![a]);
    assert_eq!(index.count(&parse_query("干部作风")), 0);
    assert_eq!(index.count(&parse_query("部 作")), 1);
}

mod search_model;
use search_model::model_normalize;

// ---- properties ----------------------------------------------------------

/// Characters that exercise every normalisation rule, plus any character.
fn text_char() -> impl Strategy<Value = char> {
    let interesting = vec![
        'a', 'A', 'ａ', 'Ａ', 'b', 'B', '1', '１', '.', '．', ' ', '\u{3000}', '\t', '\n',
        '\u{a0}', '发', '發', '髮', '展', '后', '後', '哈', '，', ',', '𠮷', '\u{200b}',
        '\u{feff}', 'İ', 'K', 'ß', 'Σ', 'σ', '。', '｡', '\u{1f}', '"',
    ];
    prop_oneof![4 => select(interesting), 1 => any::<char>()]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

/// Texts of the characters whose variants the model knows, and others.
fn interesting_text() -> impl Strategy<Value = String> {
    let ch = select(vec![
        '发', '發', '髮', '展', '后', '後', '哈', 'Ａ', ' ', '\u{3000}', '\u{200b}', '｡',
    ]);
    prop::collection::vec(ch, 0..40).prop_map(|v| v.into_iter().collect())
}

/// Leftmost non-overlapping occurrences of `term` in `hay`, char by char.
fn naive(hay: &str, term: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if term.is_empty() {
        return out;
    }
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(term) {
            out.push(i);
            i += term.len();
        } else {
            i += hay[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// A term: a piece of the text's own normalised form, or a random one.
fn term_of(norm: &str, pick: (usize, usize), other: &str, variants: bool) -> String {
    let chars: Vec<char> = norm.chars().collect();
    let t = if chars.is_empty() || pick.0.is_multiple_of(3) {
        model_normalize(other, variants)
    } else {
        let a = pick.0 % chars.len();
        let len = 1 + pick.1 % 4;
        chars[a..(a + len).min(chars.len())].iter().collect()
    };
    t.trim().to_owned()
}

fn single(term: &str, variants: bool) -> Query {
    Query {
        terms: if term.is_empty() {
            vec![]
        } else {
            vec![term.to_owned()]
        },
        variants,
    }
}

proptest! {
    #[test]
    fn normalisation_is_idempotent(s in text(), variants in any::<bool>()) {
        let once = normalize_with(&s, variants);
        prop_assert_eq!(normalize_with(&once, variants), once.clone());
        prop_assert_eq!(&Normalized::with_variants(&s, variants).text, &once);
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        prop_assert!(!once.contains('\n'));
    }

    #[test]
    fn the_engine_normalises_as_the_model_does(s in text()) {
        prop_assert_eq!(normalize_with(&s, false), model_normalize(&s, false));
    }

    #[test]
    fn the_engine_folds_variants_as_the_model_does(s in interesting_text()) {
        prop_assert_eq!(normalize_with(&s, true), model_normalize(&s, true));
    }

    #[test]
    fn matches_equal_naive_substring_search(
        s in text(), pick in (any::<usize>(), any::<usize>()), other in text(), variants in any::<bool>()
    ) {
        let n = Normalized::with_variants(&s, variants);
        let model = model_normalize(&s, variants);
        let term = term_of(&model, pick, &other, variants);
        // The query goes through the engine's normalisation, as a typed one does.
        let q = single(&normalize_with(&term, variants), variants);
        let (ranges, seen) = find_in_text(&n, &q);
        let truth = naive(&model, &term);
        prop_assert_eq!(ranges.len(), truth.len());
        prop_assert_eq!(seen != 0, !truth.is_empty());
        for r in &ranges {
            // Every highlight covers original text that normalises to the term.
            prop_assert_eq!(model_normalize(&s[r.clone()], variants), term.clone());
        }
    }

    #[test]
    fn index_equals_naive_search_of_each_article(
        docs in prop::collection::vec((text(), text(), text(), text()), 1..8),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..4),
        other in text(),
        variants in any::<bool>(),
    ) {
        let articles: Vec<Article> = docs
            .iter()
            .map(|(t, h, p1, p2)| article(t, &[h.as_str()], &[p1.as_str(), p2.as_str()]))
            .collect();
        let index = SearchIndex::with_variants(articles.clone(), variants);
        // Fields normalised one by one by the model: the truth.
        let fields: Vec<Vec<(bool, bool, String)>> = docs
            .iter()
            .map(|(t, h, p1, p2)| {
                [(true, false, t), (false, true, h), (false, false, p1), (false, false, p2)]
                    .into_iter()
                    .map(|(ti, he, x)| (ti, he, model_normalize(x, variants)))
                    .collect()
            })
            .collect();
        let mut terms = Vec::new();
        for &(d, a, b) in &picks {
            let f = &fields[d % fields.len()][a % 4].2;
            let t = term_of(f, (a, b), &other, variants);
            if !t.is_empty() && !terms.contains(&t) {
                terms.push(t);
            }
        }
        let q = Query {
            terms: terms.iter().map(|t| normalize_with(t, variants)).collect(),
            variants: false,
        };
        let got: BTreeSet<usize> = index.search(&q).iter().map(|h| h.index).collect();
        let mut want = BTreeSet::new();
        if !terms.is_empty() {
            for (i, fs) in fields.iter().enumerate() {
                if terms.iter().all(|t| fs.iter().any(|(_, _, f)| f.contains(t.as_str()))) {
                    want.insert(i);
                }
            }
        }
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(index.count(&q), want.len());
        // The best few, chosen without sorting everything, are the first few.
        let all = index.search(&q);
        for limit in [0, 1, 2] {
            let top = index.search_top(&q, limit);
            prop_assert_eq!(top.total, all.len());
            prop_assert_eq!(&top.hits[..], &all[..limit.min(all.len())]);
        }

        // Scores follow the README's formula: per term 100 × title matches +
        // 20 × heading matches + 1 × body matches + 10 × 300 ÷ (300 + byte
        // offset of the first match after the title, rounded down to a
        // power of two).
        // The engine keeps thousandths, rounded down: within 0.001 a term.
        for hit in index.search(&q) {
            let fs = &fields[hit.index];
            // The texts after the title, in reading order.
            let after: String = fs.iter().filter(|f| !f.0).map(|f| format!("{}\n", f.2)).collect();
            let mut score = 0.0f64;
            for t in &terms {
                let count = |title: bool, head: bool| -> f64 {
                    fs.iter().filter(|f| f.0 == title && f.1 == head).map(|f| naive(&f.2, t).len()).sum::<usize>() as f64
                };
                score += 100.0 * count(true, false) + 20.0 * count(false, true) + count(false, false);
                if let Some(first) = after.find(t.as_str()) {
                    let early = if first == 0 { 0.0 } else { (first as f64).log2().floor().exp2() };
                    score += 10.0 * 300.0 / (300.0 + early);
                }
            }
            let slack = 0.001 * terms.len() as f64 + 1e-9;
            prop_assert!(
                hit.score <= score + 1e-9 && score - hit.score < slack,
                "score {} for {:?} in {:?}, the formula gives {}", hit.score, terms, fs, score
            );
            // The snippet marks the first match after the title, if any.
            if let Some(f) = fs.iter().filter(|f| !f.0).find(|f| terms.iter().any(|t| f.2.contains(t.as_str()))) {
                prop_assert!(!hit.marks.is_empty(), "{:?} in {:?}", terms, f.2);
                for m in &hit.marks {
                    let marked = model_normalize(&hit.snippet[m.clone()], variants);
                    prop_assert!(terms.iter().any(|t| marked.contains(t.as_str())));
                }
            } else {
                prop_assert!(hit.marks.is_empty());
            }
        }

        // The same answer article by article, with highlights on the terms.
        for (i, a) in articles.iter().enumerate() {
            let m = find_in_article(a, &Query { terms: terms.clone(), variants });
            prop_assert_eq!(!m.is_empty(), want.contains(&i));
        }
    }

    #[test]
    fn queries_parse_into_normalised_terms(s in text()) {
        let q = parse_query(&s);
        for t in &q.terms {
            prop_assert!(!t.is_empty());
            prop_assert_eq!(&normalize_str(t), t);
        }
    }
}
