//! Reading posting lists: how a term is pinned by its keys, and the
//! documents where every key of a term sits at its place (a key's list is
//! found by [`directory`](super::directory), read by
//! [`postings`](super::postings)).

use super::codec::{bigram_key, unigram_key, Corrupt};
use super::place::{count_matches, Pos};
use super::postings::{decode_chars, Entries};

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

/// One pair's postings: documents in the segment with the sorted places
/// where the pair occurs.
pub(super) type Postings = Entries<Vec<Pos>>;

/// A single character's list in a segment of `segment` documents:
/// documents and its score in each.
pub(super) fn char_scores(list: &[u8], segment: u32) -> Result<Vec<(u32, u64)>, Corrupt> {
    Ok(decode_chars(list, segment)?
        .into_iter()
        .map(|(d, acc)| (d, acc.finish().score))
        .collect())
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
    'docs: for (doc, places) in first {
        let mut others = Vec::with_capacity(rest.len());
        for (list, at) in rest.iter().zip(cursors.iter_mut()) {
            *at += list[*at..].partition_point(|(d, _)| d < doc);
            match list.get(*at) {
                Some((d, o)) if d == doc => others.push(o),
                _ => continue 'docs,
            }
        }
        let k0 = i64::from(plan.keys[0].1);
        let starts: Vec<Pos> = places
            .iter()
            .filter_map(|&q| q.moved(-k0))
            .filter(|&p| {
                plan.keys[1..].iter().zip(&others).all(|(&(_, k), o)| {
                    p.moved(i64::from(k))
                        .is_some_and(|x| o.binary_search(&x).is_ok())
                })
            })
            .collect();
        if !starts.is_empty() {
            out.push((*doc, count_matches(&starts, plan.len).finish().score));
        }
    }
    out
}
