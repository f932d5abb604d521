//! Reading posting lists: how a term is pinned by its keys, finding a
//! key's list in a posting file, decoding lists (the format is written by
//! [`build`](super::build)), and the documents where every key of a term
//! sits at its place.

use super::codec::{bigram_key, unigram_key, Corrupt, Reader};
use super::doc::{term_score, Shape};

/// How to find one term: its length in bytes and the keys that pin it,
/// with each key's byte offset in the term.
pub(super) struct TermPlan {
    pub len: u32,
    pub keys: Vec<(u64, u32)>,
    /// One character: its unigram postings hold scores, not offsets.
    pub single: bool,
}

pub(super) fn plan(term: &str) -> TermPlan {
    let chars: Vec<(usize, char)> = term.char_indices().collect();
    let mut keys = Vec::new();
    if chars.len() == 1 {
        keys.push((unigram_key(chars[0].1), 0));
    } else {
        // The pairs 0-1, 2-3, … and, for an odd length, the last pair.
        let mut at: Vec<usize> = (0..chars.len() - 1).step_by(2).collect();
        if !chars.len().is_multiple_of(2) {
            at.push(chars.len() - 2);
        }
        for i in at {
            keys.push((bigram_key(chars[i].1, chars[i + 1].1), chars[i].0 as u32));
        }
    }
    TermPlan {
        len: term.len() as u32,
        single: chars.len() == 1,
        keys,
    }
}

/// One pair's postings: (document in the segment, its shape, sorted
/// offsets).
pub(super) type Postings = Vec<(u32, Shape, Vec<u32>)>;

/// Where the list of a key is.
pub(super) enum List<'a> {
    Here(&'a [u8]),
    /// In its own file.
    Apart,
}

/// The list of `key` in a posting file (empty when absent).
pub(super) fn list_of(file: &[u8], key: u64) -> Result<List<'_>, Corrupt> {
    let mut r = Reader::new(file);
    let n = r.varint()?;
    let mut k = 0u64;
    for _ in 0..n {
        k = k.checked_add(r.varint()?).ok_or(Corrupt)?;
        let len = r.varint()?;
        let list = r.bytes(len)?;
        if k == key {
            return Ok(if len == 0 {
                List::Apart
            } else {
                List::Here(list)
            });
        }
        if k > key {
            break;
        }
    }
    Ok(List::Here(&[]))
}

/// A pair's list: documents, shapes and offsets.
pub(super) fn decode_pairs(list: &[u8]) -> Result<Postings, Corrupt> {
    let mut r = Reader::new(list);
    let mut out = Vec::new();
    let mut doc = 0u32;
    while !r.is_empty() {
        doc = doc.checked_add(r.u32()?).ok_or(Corrupt)?;
        let shape = Shape::decode(&mut r)?;
        let mut offsets = Vec::new();
        let mut at = 0u32;
        loop {
            let v = r.varint()?;
            at = at
                .checked_add(u32::try_from(v >> 1).map_err(|_| Corrupt)?)
                .ok_or(Corrupt)?;
            offsets.push(at);
            if v & 1 == 0 {
                break;
            }
        }
        out.push((doc, shape, offsets));
    }
    Ok(out)
}

/// A single character's list: documents and scores.
pub(super) fn decode_single(list: &[u8]) -> Result<Vec<(u32, u64)>, Corrupt> {
    let mut r = Reader::new(list);
    let mut out = Vec::new();
    let mut doc = 0u32;
    while !r.is_empty() {
        doc = doc.checked_add(r.u32()?).ok_or(Corrupt)?;
        out.push((doc, r.varint()?));
    }
    Ok(out)
}

/// The term's score in each document of the lists where it occurs
/// (exact: every key at its offset in the term).
pub(super) fn term_matches(plan: &TermPlan, lists: &[Postings]) -> Vec<(u32, u64)> {
    let (first, rest) = match lists.split_first() {
        Some(x) => x,
        None => return Vec::new(),
    };
    let mut cursors = vec![0usize; rest.len()];
    let mut out = Vec::new();
    'docs: for (doc, shape, offsets) in first {
        let mut others = Vec::with_capacity(rest.len());
        for (list, at) in rest.iter().zip(cursors.iter_mut()) {
            *at += list[*at..].partition_point(|(d, _, _)| d < doc);
            match list.get(*at) {
                Some((d, _, o)) if d == doc => others.push(o),
                _ => continue 'docs,
            }
        }
        let k0 = plan.keys[0].1;
        let starts: Vec<u32> = offsets
            .iter()
            .filter_map(|&q| q.checked_sub(k0))
            .filter(|&p| {
                plan.keys[1..].iter().zip(&others).all(|(&(_, k), o)| {
                    p.checked_add(k)
                        .is_some_and(|x| o.binary_search(&x).is_ok())
                })
            })
            .collect();
        if !starts.is_empty() {
            out.push((*doc, term_score(&starts, plan.len, shape)));
        }
    }
    out
}
