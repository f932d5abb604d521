//! Querying a site index file by file. The engine never fetches: a search
//! says which files it needs ([`Step::Need`]); the caller fetches them (in
//! parallel, in the browser), hands them over with [`SiteIndex::add_file`]
//! and asks again, until the search is [`Step::Done`]. A query needs three
//! rounds at most: the posting files of its keys, the lists stored apart
//! (common characters and pairs only), the packs holding the stored copies
//! of the hits shown (and the alphabets they are written in).
//!
//! Terms are found exactly: a term of one character from its unigram
//! postings (which carry its score in each document); a longer one from the postings of the character pairs at
//! offsets 0, 2, 4, … (and the last pair), which pin every character of the
//! term at its place, so a document matches exactly when its normalised
//! text contains the term. Ranking, snippets and marks are those of
//! [`SearchIndex`](crate::core::search::SearchIndex).

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::alphabet::Alphabet;
use super::build::{alphabet_path, apart_path, copy_in_pack, pack_path, posting_path};
use super::codec::shard_of;
use super::directory::{list_of, List};
use super::doc::StoredDoc;
use super::lists::{char_scores, plan, term_matches, TermPlan};
use super::manifest::{Manifest, SegmentMeta};
use super::postings::decode_pairs;
use crate::core::search::find::find_in_text;
use crate::core::search::normalize::{normalize_with, Normalized};
use crate::core::search::query::Query;
use crate::core::search::score::{best, TermDoc};
use crate::core::search::snippet::snippet;

/// Where a search stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<T> {
    /// Fetch these files (paths relative to the index), add them, ask again.
    Need(Vec<String>),
    /// The answer.
    Done(T),
}

/// A file of the index is damaged or not an index file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorruptFile(pub String);

impl std::fmt::Display for CorruptFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "search index file {} is damaged", self.0)
    }
}

/// A hit of a site search.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteHit {
    /// The document's number in the index.
    pub number: u64,
    pub id: String,
    pub url: Option<String>,
    pub src: Option<String>,
    pub title: String,
    pub published: Option<String>,
    /// As in [`RankedHit`](crate::core::search::RankedHit).
    pub score: f64,
    pub snippet: String,
    /// Byte ranges of matches in `snippet`.
    pub marks: Vec<Range<usize>>,
    /// Byte ranges of matches in `title`.
    pub title_marks: Vec<Range<usize>>,
}

/// The best hits of a site search and how many documents matched in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteResults {
    pub total: usize,
    pub hits: Vec<SiteHit>,
}

/// Documents of a segment that hold every term, with their scores.
type Matches = Vec<(u32, u64)>;

/// An open site index: its manifest and the files fetched so far.
#[derive(Clone, Debug, Default)]
pub struct SiteIndex {
    manifest: Manifest,
    files: HashMap<String, Vec<u8>>,
    fetched: usize,
}

impl SiteIndex {
    /// An index described by `manifest`, with nothing fetched yet.
    pub fn new(manifest: Manifest) -> Self {
        SiteIndex {
            manifest,
            ..SiteIndex::default()
        }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Hands over a fetched file.
    pub fn add_file(&mut self, path: String, bytes: Vec<u8>) {
        self.fetched += bytes.len();
        self.files.insert(path, bytes);
    }

    /// Bytes of files handed over so far.
    pub fn bytes_fetched(&self) -> usize {
        self.fetched
    }

    fn file(&self, path: &str, need: &mut BTreeSet<String>) -> Option<&[u8]> {
        let f = self.files.get(path).map(Vec::as_slice);
        if f.is_none() {
            need.insert(path.to_owned());
        }
        f
    }

    /// The best `limit` hits of `query` (ranked as
    /// [`SearchIndex::search`](crate::core::search::SearchIndex::search))
    /// and the number of matching documents, or the files still needed.
    pub fn search(&self, query: &Query, limit: usize) -> Result<Step<SiteResults>, CorruptFile> {
        let terms = query.terms_for(self.manifest.variants);
        if terms.is_empty() {
            return Ok(Step::Done(SiteResults::default()));
        }
        let plans: Vec<TermPlan> = terms.iter().map(|t| plan(t)).collect();
        // Round 1: the posting files of every key in every segment.
        let mut need = BTreeSet::new();
        for seg in &self.manifest.segments {
            for p in &plans {
                for &(key, _) in &p.keys {
                    self.file(
                        &posting_path(&seg.dir, shard_of(key, seg.postings)),
                        &mut need,
                    );
                }
            }
        }
        if !need.is_empty() {
            return Ok(Step::Need(need.into_iter().collect()));
        }
        // Round 2: the lists stored apart.
        for seg in &self.manifest.segments {
            for p in &plans {
                for &(key, _) in &p.keys {
                    self.list(seg, key, &mut need)?;
                }
            }
        }
        if !need.is_empty() {
            return Ok(Step::Need(need.into_iter().collect()));
        }
        // The matching documents, scored.
        let mut found: Vec<(&SegmentMeta, u32)> = Vec::new();
        let mut scored = Vec::new();
        for seg in &self.manifest.segments {
            for (doc, score) in self.matches(seg, &plans)? {
                scored.push(TermDoc {
                    doc: found.len() as u32,
                    score,
                });
                found.push((seg, doc));
            }
        }
        // Round 3: the stored copies of the hits shown. Segments are in
        // number order, so ties keep the documents' order.
        // A segment's packs are read in its alphabet, fetched beside them.
        let ranked = best(&scored, Some(limit));
        let mut hits = Vec::with_capacity(ranked.len());
        let mut alphabets: Vec<(&str, Alphabet)> = Vec::new();
        for r in &ranked {
            let (seg, doc) = &found[r.index];
            let path = pack_path(&seg.dir, *doc, seg.pack);
            let a_path = alphabet_path(&seg.dir);
            let alphabet = self.file(&a_path, &mut need);
            let (Some(pack), Some(alphabet)) = (self.file(&path, &mut need), alphabet) else {
                continue;
            };
            // Decoded once a search per segment (a query's segments are few).
            let alphabet = match alphabets.iter().position(|(d, _)| *d == seg.dir) {
                Some(i) => &alphabets[i].1,
                None => {
                    let a = Alphabet::decode(alphabet).map_err(|_| CorruptFile(a_path))?;
                    alphabets.push((&seg.dir, a));
                    &alphabets[alphabets.len() - 1].1
                }
            };
            let stored = copy_in_pack(pack, doc % seg.pack)
                .and_then(|copy| StoredDoc::decode(copy, alphabet))
                .map_err(|_| CorruptFile(path.clone()))?;
            hits.push(self.hit(seg.base + u64::from(*doc), r.score, stored, query));
        }
        if !need.is_empty() {
            return Ok(Step::Need(need.into_iter().collect()));
        }
        Ok(Step::Done(SiteResults {
            total: found.len(),
            hits,
        }))
    }

    /// The list of `key` in `seg`, when its files are here (else they are
    /// added to `need`).
    fn list(
        &self,
        seg: &SegmentMeta,
        key: u64,
        need: &mut BTreeSet<String>,
    ) -> Result<Option<&[u8]>, CorruptFile> {
        let path = posting_path(&seg.dir, shard_of(key, seg.postings));
        let Some(file) = self.file(&path, need) else {
            return Ok(None);
        };
        match list_of(file, key, seg.postings).map_err(|_| CorruptFile(path))? {
            List::Here(l) => Ok(Some(l)),
            List::Apart => Ok(self.file(&apart_path(&seg.dir, key), need)),
        }
    }

    /// The live documents of `seg` that contain every term, with each term
    /// there.
    fn matches(&self, seg: &SegmentMeta, plans: &[TermPlan]) -> Result<Matches, CorruptFile> {
        let mut acc: Option<Matches> = None;
        for p in plans {
            let mut lists = Vec::with_capacity(p.keys.len());
            let mut none = BTreeSet::new();
            for &(key, _) in &p.keys {
                lists.push(self.list(seg, key, &mut none)?.unwrap_or_default());
            }
            let corrupt =
                |_| CorruptFile(posting_path(&seg.dir, shard_of(p.keys[0].0, seg.postings)));
            let m: Vec<(u32, u64)> = if p.single {
                char_scores(lists.first().copied().unwrap_or_default(), seg.docs)
                    .map_err(corrupt)?
            } else {
                let decoded = lists
                    .iter()
                    .map(|l| decode_pairs(l, seg.docs))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(corrupt)?;
                term_matches(p, &decoded)
            };
            acc = Some(match acc {
                None => m,
                Some(prev) => {
                    let mut out = Vec::new();
                    let mut j = 0;
                    for (d, score) in prev {
                        j += m[j..].partition_point(|(e, _)| *e < d);
                        if let Some((e, s)) = m.get(j) {
                            if *e == d {
                                out.push((d, score.saturating_add(*s)));
                            }
                        }
                    }
                    out
                }
            });
            if acc.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let mut out = acc.unwrap_or_default();
        out.retain(|(d, _)| !self.manifest.is_deleted(seg.base + u64::from(*d)));
        Ok(out)
    }

    fn hit(&self, number: u64, score: f64, stored: StoredDoc, query: &Query) -> SiteHit {
        let variants = self.manifest.variants;
        let terms = query.terms_for(variants);
        // The first text after the title that holds a match: there the
        // first match is, as SearchIndex places its snippet.
        let at = stored.texts.iter().position(|(t, _)| {
            let n = normalize_with(t, variants);
            terms.iter().any(|term| n.contains(term.as_str()))
        });
        let (title_marks, _) =
            find_in_text(&Normalized::with_variants(&stored.title, variants), query);
        let doc = stored.to_site_doc();
        let (snippet, marks) = snippet(&doc.article, query, variants, at);
        SiteHit {
            number,
            id: stored.id,
            url: stored.url,
            src: stored.src,
            title: stored.title,
            published: stored.published,
            score,
            snippet,
            marks,
            title_marks,
        }
    }
}
