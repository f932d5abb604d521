//! Scoring one term in one article, and combining terms (AND) across the
//! index's per-term article lists. The formula is documented on
//! `SearchIndex::search`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::index::radix_sort;

/// Scores are counted in thousandths of a point.
pub(super) const UNIT: u64 = 1000;
/// Weight of one match in the title.
const TITLE_WEIGHT: u64 = 100 * UNIT;
/// Weight of one match in a section heading.
const HEADING_WEIGHT: u64 = 20 * UNIT;
/// Weight of one match in the body (lead, paragraphs, lists, quotes, captions).
const BODY_WEIGHT: u64 = UNIT;
/// Bonus for a body match at the very start, halved [`EARLY_HALF`] bytes
/// in, a tenth of it nine times further. It depends on the match's offset
/// alone, not on the document's length, so the site index needs no length
/// beside each posting (and a match in a long article's lede counts as
/// much as one in a short note's); and it counts the offset by its
/// [`octave`] only, so the site index keeps a character's first match in
/// two or three bits instead of nine.
const EARLY_BONUS: u64 = 10 * UNIT;
/// Bytes into the body where the early bonus is half: about a lede.
const EARLY_HALF: u64 = 300;

/// The octave of an offset: 0 for 0, else its bit length (1 for 1, 2 for
/// 2–3, 3 for 4–7, …). The early bonus tells offsets apart by octave only:
/// a match 130 or 250 bytes in is as early.
pub(crate) fn octave(offset: u32) -> u32 {
    32 - offset.leading_zeros()
}

/// The smallest offset of octave `o` (at most 32).
pub(crate) fn octave_start(o: u32) -> u32 {
    if o == 0 {
        0
    } else {
        1 << (o - 1)
    }
}

/// One term's matches in one article.
#[derive(Clone, Copy, Debug)]
pub(super) struct TermDoc {
    pub(super) doc: u32,
    /// In thousandths of a point.
    pub(super) score: u64,
}

/// Counts for one term in one article.
pub(super) struct Acc {
    pub(super) doc: u32,
    pub(super) next_free: u32,
    pub(super) title: u32,
    pub(super) heads: u32,
    pub(super) body: u32,
    /// Offset of the first match after the title, from the title's end.
    pub(super) first_body: u32,
}

impl Acc {
    pub(super) fn new(doc: u32) -> Self {
        Acc {
            doc,
            next_free: 0,
            title: 0,
            heads: 0,
            body: 0,
            first_body: 0,
        }
    }

    /// The term's score in this article.
    pub(super) fn finish(&self) -> TermDoc {
        let mut score = TITLE_WEIGHT * u64::from(self.title)
            + HEADING_WEIGHT * u64::from(self.heads)
            + BODY_WEIGHT * u64::from(self.body);
        if self.heads + self.body > 0 {
            let early = octave_start(octave(self.first_body));
            score += EARLY_BONUS * EARLY_HALF / (EARLY_HALF + u64::from(early));
        }
        TermDoc {
            doc: self.doc,
            score,
        }
    }
}

/// The articles in both lists (sorted by article), scores added.
pub(super) fn intersect(a: &[TermDoc], b: &[TermDoc]) -> Vec<TermDoc> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].doc.cmp(&b[j].doc) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(TermDoc {
                    doc: a[i].doc,
                    score: a[i].score.saturating_add(b[j].score),
                });
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// One matching article of a ranking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// Index of the article in the indexed list.
    pub index: usize,
    /// Higher is better.
    pub score: f64,
}

/// The order of a search's matches, before any snippet is made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// Number of matching articles.
    pub total: usize,
    /// The best of them (as many as asked for), best first.
    pub hits: Vec<Ranked>,
}

/// The best `limit` (all when `None`) of `matching`, best first; ties keep
/// article order.
pub(super) fn best(matching: &[TermDoc], limit: Option<usize>) -> Vec<Ranked> {
    // Keys sort by score, then by article backwards: best largest.
    let key = |t: &TermDoc| t.score.min(u64::from(u32::MAX)) << 32 | u64::from(!t.doc);
    let limit = limit.map_or(matching.len(), |l| l.min(matching.len()));
    let mut keys: Vec<u64> = if limit < matching.len() / 4 {
        // A few best of many: a min-heap of the best so far.
        let mut heap: BinaryHeap<Reverse<u64>> = BinaryHeap::with_capacity(limit + 1);
        for k in matching.iter().map(key) {
            if heap.len() < limit {
                heap.push(Reverse(k));
            } else if heap.peek().is_some_and(|r| k > r.0) {
                heap.pop();
                heap.push(Reverse(k));
            }
        }
        heap.into_iter().map(|r| r.0).collect()
    } else {
        matching.iter().map(key).collect()
    };
    radix_sort(&mut keys);
    keys.iter()
        .rev()
        .take(limit)
        .map(|&k| Ranked {
            index: !(k as u32) as usize,
            score: (k >> 32) as f64 / UNIT as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octaves_split_offsets_at_powers_of_two() {
        let got: Vec<u32> = [0, 1, 2, 3, 4, 7, 8, 300, u32::MAX].map(octave).to_vec();
        assert_eq!(got, [0, 1, 2, 2, 3, 3, 4, 9, 32]);
        for o in 0..32 {
            assert_eq!(octave(octave_start(o)), o);
        }
        // The bonus is the same anywhere in an octave, smaller in the next.
        let bonus = |first| {
            let mut a = Acc::new(0);
            (a.body, a.first_body) = (1, first);
            a.finish().score
        };
        assert_eq!(bonus(256), bonus(511));
        assert!(bonus(512) < bonus(511));
        assert_eq!(bonus(0), BODY_WEIGHT + EARLY_BONUS);
    }
}
