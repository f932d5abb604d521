//! Writing a segment: the posting files (every key's documents and offsets,
//! keys spread over files by hash) and the stored copies of its documents,
//! a few consecutive documents to a pack (`d/<n>.bin`, see [`pack_path`]),
//! written in the segment's [`Alphabet`] (`a.bin`), in a directory named
//! after the content.
//!
//! A posting file ([`directory`](super::directory)): a directory of its
//! keys, then their lists; a reader finds its key's list without decoding
//! the others. A list longer than [`APART_BYTES`] is written to a file of
//! its own (`b/<key>.bin`) and its length is given as 0 (no list is
//! empty): the few huge lists (common characters) then cost only the
//! queries that use them. A list is bit-packed
//! ([`postings`](super::postings)): for each document, the places where a
//! pair occurs, or a character's matches.
//!
//! So a query's postings alone give every match and its score; then only
//! the stored copies of the hits shown are fetched.

use super::alphabet::Alphabet;
use super::codec::{json_string, put_varint, shard_of, unigram_char, Corrupt, Fnv, Reader};
use super::directory::write_file;
use super::doc::{prepare, Prepared, SiteDoc, StoredDoc};
use super::manifest::SegmentMeta;
use super::place::{count_matches, Pos};
use super::postings::{encode_chars, encode_pairs};

/// Aimed-at size of one posting file: a selective query fetches about this
/// much per key, however large the archive.
pub const POSTING_FILE_BYTES: usize = 8 * 1024;
/// Lists longer than this get a file of their own.
pub const APART_BYTES: usize = 2 * 1024;
/// Aimed-at size of a pack of stored copies before gzip: large enough
/// for gzip to shrink the text (a lone short document does not shrink),
/// small enough that the ten hits shown, each in its own pack, stay cheap.
pub const PACK_BYTES: usize = 4 * 1024;
/// Most documents in one pack (the pack of a hit is found by division).
const PACK_DOCS: usize = 64;

/// Runs `n` independent jobs, maybe in parallel: the CLI hands in a thread
/// pool, tests and the wasm run them in turn.
pub trait Parallel {
    fn map<T: Send, F: Fn(usize) -> T + Sync + Send>(&self, n: usize, f: F) -> Vec<T>;
}

/// Runs jobs one after the other.
pub struct Sequential;

impl Parallel for Sequential {
    fn map<T: Send, F: Fn(usize) -> T + Sync + Send>(&self, n: usize, f: F) -> Vec<T> {
        (0..n).map(f).collect()
    }
}

/// Path of posting file `k` in a segment.
pub fn posting_path(dir: &str, k: u32) -> String {
    format!("{dir}/p/{k}.bin")
}

/// Path of the file of `key`'s list when it is stored apart.
pub fn apart_path(dir: &str, key: u64) -> String {
    format!("{dir}/b/{key}.bin")
}

/// Path of the pack of stored copies that holds document `local` of a
/// segment whose packs hold `pack` documents each.
pub fn pack_path(dir: &str, local: u32, pack: u32) -> String {
    format!("{dir}/d/{}.bin", local / pack.max(1))
}

/// Documents a pack of a segment holds: about [`PACK_BYTES`] of stored
/// copies (the segment's average decides).
fn docs_per_pack(stored: &[Vec<u8>]) -> u32 {
    let bytes: usize = stored.iter().map(Vec::len).sum();
    let avg = (bytes / stored.len().max(1)).max(1);
    (PACK_BYTES / avg).clamp(1, PACK_DOCS) as u32
}

/// A pack: the number of copies, then each copy's length and bytes.
fn encode_pack(copies: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, copies.len() as u64);
    for c in copies {
        put_varint(&mut out, c.len() as u64);
        out.extend_from_slice(c);
    }
    out
}

/// The stored copy at place `i` of a pack.
pub(super) fn copy_in_pack(pack: &[u8], i: u32) -> Result<&[u8], Corrupt> {
    let mut r = Reader::new(pack);
    let n = r.varint()?;
    if u64::from(i) >= n {
        return Err(Corrupt);
    }
    for _ in 0..i {
        let len = r.varint()?;
        r.bytes(len)?;
    }
    let len = r.varint()?;
    r.bytes(len)
}

/// Every stored copy of a pack, in order.
pub fn copies_in_pack(pack: &[u8]) -> Result<Vec<&[u8]>, Corrupt> {
    let mut r = Reader::new(pack);
    let n = r.varint()?;
    (0..n)
        .map(|_| {
            let len = r.varint()?;
            r.bytes(len)
        })
        .collect()
}

/// Path of a segment's [`Alphabet`], in which its packs are written.
pub fn alphabet_path(dir: &str) -> String {
    format!("{dir}/a.bin")
}

/// Path of a segment's list of ids (for updates; readers never fetch it).
pub fn ids_path(dir: &str) -> String {
    format!("{dir}/ids.json")
}

/// A segment ready to be written: its manifest entry and its files (paths
/// relative to the index directory).
pub struct BuiltSegment {
    pub meta: SegmentMeta,
    pub files: Vec<(String, Vec<u8>)>,
}

impl BuiltSegment {
    /// Bytes of all its files.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }
}

/// Indexes `docs` as one segment whose first document is number `base`.
pub fn build_segment(
    docs: &[SiteDoc],
    base: u64,
    variants: bool,
    par: &impl Parallel,
) -> BuiltSegment {
    let prepared: Vec<Prepared> = par.map(docs.len(), |i| prepare(&docs[i], variants));
    let entries: usize = prepared.iter().map(|p| p.keys.len()).sum();
    // The posting files' bytes, first guessed (a few bytes an entry, keys
    // included: rare pairs cost more, so it varies with the corpus), then
    // measured once if the guess was well off. A small segment (a day's
    // update) gets smaller files: every query visits every segment, and
    // should pay little for the small ones.
    let mut bytes = entries * 2;
    let mut measured = false;
    let (shards, postings) = loop {
        let target = (bytes / 64).clamp(1024, POSTING_FILE_BYTES);
        let shards = (bytes / target).clamp(1, u32::MAX as usize) as u32;
        let postings = encode_shards(&prepared, shards, par);
        let coded: usize = postings.iter().map(|(file, _)| file.len()).sum();
        if measured || coded <= bytes * 5 / 4 {
            break (shards, postings);
        }
        (bytes, measured) = (coded, true);
    };
    let copies = par.map(docs.len(), |i| StoredDoc::of(&docs[i]));
    let alphabet = Alphabet::of(copies.iter().flat_map(StoredDoc::strings));
    let coder = alphabet.coder();
    let stored = par.map(copies.len(), |i| copies[i].encode(&coder));
    let ids: Vec<String> = docs.iter().map(|d| json_string(&d.article.id)).collect();
    let ids = format!("[{}]\n", ids.join(",")).into_bytes();

    // Name the directory after everything in it.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let local = |f: &str| f.to_owned();
    for (k, (b, apart)) in postings.into_iter().enumerate() {
        files.push((local(&posting_path("", k as u32)[1..]), b));
        for (key, list) in apart {
            files.push((local(&apart_path("", key)[1..]), list));
        }
    }
    let pack = docs_per_pack(&stored);
    for (k, copies) in stored.chunks(pack as usize).enumerate() {
        let first = k as u32 * pack;
        files.push((local(&pack_path("", first, pack)[1..]), encode_pack(copies)));
    }
    files.push((local(&alphabet_path("")[1..]), alphabet.encode()));
    files.push(("ids.json".to_owned(), ids));
    let hashes = par.map(files.len(), |i| {
        let mut h = Fnv::default();
        h.write(files[i].1.as_slice());
        h.finish()
    });
    let mut h = Fnv::default();
    h.write(&[u8::from(variants)]);
    h.write(&base.to_le_bytes());
    for ((path, _), fh) in files.iter().zip(hashes) {
        h.write(path.as_bytes());
        h.write(&fh.to_le_bytes());
    }
    let dir = format!("g{:016x}", h.finish());
    for (path, _) in files.iter_mut() {
        *path = format!("{dir}/{path}");
    }
    BuiltSegment {
        meta: SegmentMeta {
            dir,
            base,
            docs: docs.len() as u32,
            postings: shards,
            pack,
        },
        files,
    }
}

/// A posting file and the lists of its keys stored apart, by key.
type PostingFile = (Vec<u8>, Vec<(u64, Vec<u8>)>);

/// The posting files of `shards` files (and the lists stored apart).
fn encode_shards(prepared: &[Prepared], shards: u32, par: &impl Parallel) -> Vec<PostingFile> {
    let mut buckets: Vec<Vec<(u64, u32, u32)>> = vec![Vec::new(); shards as usize];
    for (d, p) in prepared.iter().enumerate() {
        for &(key, at) in &p.keys {
            buckets[shard_of(key, shards) as usize].push((key, d as u32, at));
        }
    }
    par.map(buckets.len(), |k| {
        encode_postings(&buckets[k], prepared, shards)
    })
}

/// One posting file of `shards` from its (key, document, offset) entries,
/// which come in document order and, per key, in offset order; and the
/// lists stored apart.
fn encode_postings(entries: &[(u64, u32, u32)], docs: &[Prepared], shards: u32) -> PostingFile {
    let segment = docs.len() as u32;
    let mut sorted = entries.to_vec();
    // Stable: per key, documents and offsets stay in order.
    sorted.sort_by_key(|e| e.0);
    let mut lists = Vec::new();
    let mut apart = Vec::new();
    for run in sorted.chunk_by(|a, b| a.0 == b.0) {
        let places = run.chunk_by(|a, b| a.1 == b.1).map(|offsets| {
            let shape = &docs[offsets[0].1 as usize].shape;
            let places: Vec<Pos> = offsets.iter().map(|e| shape.place(e.2)).collect();
            (offsets[0].1, places)
        });
        let list = match unigram_char(run[0].0) {
            Some(c) => encode_chars(
                &places
                    .map(|(d, p)| (d, count_matches(&p, c.len_utf8() as u32)))
                    .collect(),
                segment,
            ),
            None => encode_pairs(&places.collect(), segment),
        };
        if list.len() > APART_BYTES {
            apart.push((run[0].0, list));
            lists.push((run[0].0, Vec::new()));
        } else {
            lists.push((run[0].0, list));
        }
    }
    (write_file(lists, shards), apart)
}
