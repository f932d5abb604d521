//! Any bytes as the files of a site index (postings, lists apart, packs,
//! alphabets: they come over the network): a search ends in hits or a
//! "damaged" error, never a panic or a loop.
#![no_main]
use article_reader::core::search::parse_query;
use article_reader::core::search::site::{Manifest, SegmentMeta, SiteIndex, Step};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u8, Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>)| {
    let (query, docs, postings, apart, pack, alphabet) = input;
    let manifest = Manifest {
        variants: false,
        segments: vec![SegmentMeta {
            dir: "g0".into(),
            base: 0,
            docs: u32::from(docs) + 1,
            postings: 1,
            pack: 4,
        }],
        deleted: Vec::new(),
    };
    let mut ix = SiteIndex::new(manifest);
    let q = parse_query(query);
    for _ in 0..4 {
        match ix.search(&q, 10) {
            Err(e) => {
                assert!(e.to_string().contains("damaged"));
                return;
            }
            Ok(Step::Done(r)) => {
                assert!(r.hits.len() <= r.total.min(10));
                return;
            }
            Ok(Step::Need(paths)) => {
                for p in paths {
                    let bytes = if p.contains("/p/") {
                        postings.clone()
                    } else if p.contains("/b/") {
                        apart.clone()
                    } else if p.ends_with("/a.bin") {
                        alphabet.clone()
                    } else {
                        pack.clone()
                    };
                    ix.add_file(p, bytes);
                }
            }
        }
    }
    panic!("a search took more than three rounds");
});
