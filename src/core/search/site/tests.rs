//! The site index against the in-memory index on the same documents: the
//! same hits in the same order with the same snippets, and the files a
//! query fetches.

use std::collections::HashMap;

use super::*;
use crate::core::model::{Article, Block, RichText};
use crate::core::search::{parse_query, parse_query_with, Query, SearchIndex};

fn article(id: &str, title: &str, heading: Option<&str>, body: &[&str]) -> Article {
    let mut blocks: Vec<Block> = heading
        .map(|h| Block::Heading {
            level: 2,
            text: RichText::plain(h),
        })
        .into_iter()
        .collect();
    blocks.extend(body.iter().map(|p| Block::Paragraph(RichText::plain(*p))));
    Article {
        id: id.into(),
        url: Some(format!("/a/{id}.html")),
        title: title.into(),
        published: Some("2024-02-22".into()),
        blocks,
        ..Article::default()
    }
}

/// Files of an index directory, in memory.
pub(crate) struct Dir(pub HashMap<String, Vec<u8>>);

impl Dir {
    pub fn build(docs: &[SiteDoc], variants: bool) -> (Dir, Manifest) {
        let seg = build_segment(docs, 0, variants, &Sequential);
        let m = Manifest {
            variants,
            segments: vec![seg.meta.clone()],
            deleted: Vec::new(),
        };
        (Dir(seg.files.into_iter().collect()), m)
    }

    /// Runs a search to the end, fetching what it asks for; also returns
    /// the number of rounds.
    pub fn search(&self, ix: &mut SiteIndex, q: &Query, limit: usize) -> (SiteResults, usize) {
        for round in 0..5 {
            match ix.search(q, limit).unwrap() {
                Step::Done(r) => return (r, round),
                Step::Need(paths) => {
                    for p in paths {
                        let bytes = self.0.get(&p).cloned().unwrap_or_default();
                        ix.add_file(p, bytes);
                    }
                }
            }
        }
        panic!("more than four rounds");
    }
}

fn docs() -> Vec<SiteDoc> {
    vec![
        article("a", "其他", None, &["正文提到干部一次。"]),
        article("b", "其他", Some("干部作风"), &["无关"]),
        article("c", "锤炼干部作风", None, &["无关"]),
        article(
            "d",
            "其他",
            None,
            &["干部干部干部，三次。", "APP打卡 2024年"],
        ),
        article(
            "e",
            "其他",
            None,
            &["很长很长的开头之后才出现干部一次。發展"],
        ),
        article("f", "无关", None, &["无关"]),
    ]
    .into_iter()
    .map(|article| SiteDoc {
        article,
        src: Some("/a.json".into()),
    })
    .collect()
}

#[test]
fn same_hits_order_and_snippets_as_the_in_memory_index() {
    let docs = docs();
    let (dir, m) = Dir::build(&docs, false);
    let mem = SearchIndex::new(docs.iter().map(|d| d.article.clone()).collect());
    for q in [
        "干部",
        "干部 作风",
        "部",
        "\"app 打卡\"",
        "ａｐｐ打卡 2024",
        "无",
        "干部作风一",
        "x",
        "卡 2",
    ] {
        let q = parse_query(q);
        let mut ix = SiteIndex::new(m.clone());
        let (got, _) = dir.search(&mut ix, &q, 3);
        let want = mem.search_top(&q, 3);
        assert_eq!(got.total, want.total, "{q:?}");
        let got_hits: Vec<_> = got
            .hits
            .iter()
            .map(|h| {
                (
                    h.id.clone(),
                    h.score,
                    h.snippet.clone(),
                    h.marks.clone(),
                    h.title_marks.clone(),
                )
            })
            .collect();
        let want_hits: Vec<_> = want
            .hits
            .iter()
            .map(|h| {
                (
                    h.id.clone(),
                    h.score,
                    h.snippet.clone(),
                    h.marks.clone(),
                    h.title_marks.clone(),
                )
            })
            .collect();
        assert_eq!(got_hits, want_hits, "{q:?}");
    }
}

#[test]
fn hits_carry_what_opens_them_and_small_lists_take_two_rounds() {
    let (dir, m) = Dir::build(&docs(), false);
    let mut ix = SiteIndex::new(m);
    let (r, rounds) = dir.search(&mut ix, &parse_query("锤炼"), 10);
    assert_eq!(rounds, 2);
    assert_eq!(r.total, 1);
    let h = &r.hits[0];
    assert_eq!(
        (h.id.as_str(), h.url.as_deref(), h.src.as_deref()),
        ("c", Some("/a/c.html"), Some("/a.json"))
    );
    assert_eq!(h.published.as_deref(), Some("2024-02-22"));
    let fetched = ix.bytes_fetched();
    assert!(fetched > 0);
    // A second search of the same query fetches nothing more.
    let (_, rounds) = dir.search(&mut ix, &parse_query("锤炼"), 10);
    assert_eq!((rounds, ix.bytes_fetched()), (0, fetched));
    // An absent term stops after the postings (here all in one file,
    // fetched already).
    let (r, rounds) = dir.search(&mut ix, &parse_query("不存在的词"), 10);
    assert_eq!((r.total, rounds), (0, 0));
}

#[test]
fn variants_and_deletions() {
    let (dir, mut m) = Dir::build(&docs(), true);
    let mut ix = SiteIndex::new(m.clone());
    let (r, _) = dir.search(&mut ix, &parse_query_with("发展", true), 10);
    assert_eq!(
        r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["e"]
    );
    m.delete(4);
    let mut ix = SiteIndex::new(m);
    let (r, _) = dir.search(&mut ix, &parse_query("发展"), 10);
    assert_eq!(r.total, 0);
}

#[test]
fn damaged_files_are_errors_not_panics() {
    let (mut dir, m) = Dir::build(&docs(), false);
    for bytes in dir.0.values_mut() {
        bytes.truncate(bytes.len() / 2);
        bytes.push(0xff);
    }
    let mut ix = SiteIndex::new(m);
    let q = parse_query("干部");
    let mut saw_error = false;
    for _ in 0..4 {
        match ix.search(&q, 10) {
            Err(e) => {
                saw_error = true;
                assert!(e.to_string().contains("damaged"));
                break;
            }
            Ok(Step::Done(_)) => break,
            Ok(Step::Need(paths)) => {
                for p in paths {
                    let b = dir.0.get(&p).cloned().unwrap_or_default();
                    ix.add_file(p, b);
                }
            }
        }
    }
    assert!(saw_error);
}

#[test]
fn a_damaged_alphabet_is_named_and_a_sound_one_reads_every_copy() {
    let (mut dir, m) = Dir::build(&docs(), false);
    let path = alphabet_path(&m.segments[0].dir);
    let sound = dir.0.insert(path.clone(), vec![0xff]).unwrap();
    let err = {
        let mut ix = SiteIndex::new(m.clone());
        let mut need = Vec::new();
        loop {
            for p in need.drain(..) {
                let b: Vec<u8> = dir.0.get(&p).cloned().unwrap_or_default();
                ix.add_file(p, b);
            }
            match ix.search(&parse_query("干部"), 10) {
                Ok(Step::Need(p)) => need = p,
                other => break other,
            }
        }
    };
    assert_eq!(err, Err(CorruptFile(path.clone())));
    // The alphabet holds every character of the copies: none is escaped.
    let alphabet = Alphabet::decode(&sound).unwrap();
    let mut ix = SiteIndex::new(m);
    dir.0.insert(path, sound);
    let (r, _) = dir.search(&mut ix, &parse_query("干部"), 10);
    let chars: std::collections::BTreeSet<char> = docs()
        .iter()
        .flat_map(|d| {
            StoredDoc::of(d)
                .strings()
                .flat_map(str::chars)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        alphabet.encode().len(),
        chars.iter().map(|c| c.len_utf8()).sum::<usize>()
    );
    assert_eq!(r.hits.len(), 5);
}

#[test]
fn stored_copies_index_to_the_same_files() {
    let docs = docs();
    let again: Vec<SiteDoc> = docs
        .iter()
        .map(|d| {
            let copy = StoredDoc::of(d);
            let alphabet = Alphabet::of(copy.strings());
            StoredDoc::decode(&copy.encode(&alphabet.coder()), &alphabet)
                .unwrap()
                .to_site_doc()
        })
        .collect();
    let a = build_segment(&docs, 0, false, &Sequential);
    let b = build_segment(&again, 0, false, &Sequential);
    let postings = |s: &BuiltSegment| -> Vec<Vec<u8>> {
        s.files
            .iter()
            .filter(|(p, _)| !p.contains("/d/"))
            .map(|(_, b)| b.clone())
            .collect()
    };
    assert_eq!(postings(&a), postings(&b));
}

#[test]
fn long_lists_stored_apart_give_the_same_hits() {
    // Common characters at varying places, so their lists stay long
    // however tightly places are coded.
    let docs: Vec<SiteDoc> = (0..4000)
        .map(|i| SiteDoc {
            article: article(
                &format!("n{i}"),
                &format!("第{i}篇"),
                None,
                &[&format!("{}的的文字", "字".repeat(i % 7)), "其他的"],
            ),
            src: None,
        })
        .collect();
    let (dir, m) = Dir::build(&docs, false);
    assert!(dir.0.keys().any(|p| p.contains("/b/")));
    let mem = SearchIndex::new(docs.iter().map(|d| d.article.clone()).collect());
    for q in ["的", "的的", "文字 的", "第1", "篇 其他", "9篇"] {
        let q = parse_query(q);
        let mut ix = SiteIndex::new(m.clone());
        let (got, rounds) = dir.search(&mut ix, &q, 5);
        assert!(rounds <= 3);
        let want = mem.search_top(&q, 5);
        assert_eq!(got.total, want.total, "{q:?}");
        let a: Vec<_> = got.hits.iter().map(|h| (h.id.clone(), h.score)).collect();
        let b: Vec<_> = want.hits.iter().map(|h| (h.id.clone(), h.score)).collect();
        assert_eq!(a, b, "{q:?}");
    }
}

#[test]
fn stored_copies_come_in_packs_of_about_pack_bytes() {
    // Short documents: all six in one pack, in number order.
    let (dir, m) = Dir::build(&docs(), false);
    let packs: Vec<&String> = dir.0.keys().filter(|p| p.contains("/d/")).collect();
    assert_eq!(packs.len(), 1, "{packs:?}");
    let copies = copies_in_pack(&dir.0[packs[0]]).unwrap();
    let alphabet = Alphabet::decode(&dir.0[&alphabet_path(&m.segments[0].dir)]).unwrap();
    let ids: Vec<String> = copies
        .iter()
        .map(|c| StoredDoc::decode(c, &alphabet).unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(
        super::build::copy_in_pack(&dir.0[packs[0]], 6),
        Err(Corrupt),
        "past the last copy"
    );
    // Hits in one pack cost one file.
    let mut ix = SiteIndex::new(m);
    let (r, rounds) = dir.search(&mut ix, &parse_query("干部"), 10);
    assert_eq!((r.hits.len(), rounds), (5, 2));

    // Long documents: one to a pack, each pack about PACK_BYTES or more
    // (a character as frequent as 长 takes one byte in the alphabet).
    let long = "长".repeat(PACK_BYTES + 10);
    let docs: Vec<SiteDoc> = (0..3)
        .map(|i| SiteDoc {
            article: article(&format!("l{i}"), "长文", None, &[long.as_str()]),
            src: None,
        })
        .collect();
    let (dir, m) = Dir::build(&docs, false);
    assert_eq!(m.segments[0].pack, 1);
    assert_eq!(dir.0.keys().filter(|p| p.contains("/d/")).count(), 3);
    let mut ix = SiteIndex::new(m);
    let (r, _) = dir.search(&mut ix, &parse_query("长文"), 10);
    let got: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(got, ["l0", "l1", "l2"]);
}
