//! Updates: a day's new and changed documents become a new segment, and
//! segments of about the same size are merged once there are
//! [`FANOUT`] of them (size tiers of factor [`FANOUT`], as log-structured
//! stores do): an update rewrites little, and a query visits few segments.

use std::ops::Range;

use super::manifest::Manifest;

/// Segments of one size tier that are merged into one.
pub const FANOUT: usize = 4;

/// The size tier of a segment of `live` documents.
fn tier(live: u64) -> u32 {
    live.max(1).ilog(FANOUT as u64)
}

impl Manifest {
    /// Live documents of segment `i`.
    pub fn live_in(&self, i: usize) -> u64 {
        let r = self.segments[i].range();
        let lo = self.deleted.partition_point(|&d| d < r.start);
        let hi = self.deleted.partition_point(|&d| d < r.end);
        u64::from(self.segments[i].docs) - (hi - lo) as u64
    }

    /// The segments to merge into one, if any: a segment most of whose
    /// documents are deleted or replaced, alone (compacted: its live
    /// documents indexed again, or dropped when none is left); else the
    /// trailing run of segments in the newest segment's size tier, once it
    /// is [`FANOUT`] long. Deletions are tombstones until then, so they
    /// rewrite nothing but the manifest.
    pub fn merge_run(&self) -> Option<Range<usize>> {
        let n = self.segments.len();
        let dead = |i: usize| self.live_in(i) * 2 < u64::from(self.segments[i].docs);
        if let Some(i) = (0..n).find(|&i| dead(i)) {
            return Some(i..i + 1);
        }
        let last = tier(self.live_in(n.checked_sub(1)?));
        let start = (0..n)
            .rev()
            .take_while(|&i| tier(self.live_in(i)) <= last)
            .last()?;
        (n - start >= FANOUT).then_some(start..n)
    }

    /// Marks document `number` deleted.
    pub fn delete(&mut self, number: u64) {
        if let Err(at) = self.deleted.binary_search(&number) {
            self.deleted.insert(at, number);
        }
    }

    /// Removes segments `run` (merged into a new segment, or empty) and
    /// forgets the deletions inside them.
    pub fn remove_segments(&mut self, run: Range<usize>) {
        let gone: Vec<Range<u64>> = self.segments.drain(run).map(|s| s.range()).collect();
        self.deleted.retain(|d| !gone.iter().any(|r| r.contains(d)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::manifest::SegmentMeta;
    use super::*;

    fn with_sizes(sizes: &[u32]) -> Manifest {
        let mut m = Manifest::default();
        for &docs in sizes {
            let base = m.next_number();
            m.segments.push(SegmentMeta {
                dir: format!("g{base}"),
                base,
                docs,
                postings: 1,
                pack: 1,
            });
        }
        m
    }

    #[test]
    fn merges_a_full_tier_of_small_segments_only() {
        assert_eq!(with_sizes(&[300_000, 100, 100, 100]).merge_run(), None);
        assert_eq!(
            with_sizes(&[300_000, 100, 100, 100, 100]).merge_run(),
            Some(1..5)
        );
        assert_eq!(with_sizes(&[300_000, 400, 100, 100, 100]).merge_run(), None);
        assert_eq!(with_sizes(&[300_000]).merge_run(), None);
        let mut m = with_sizes(&[10, 3]);
        for d in 10..13 {
            m.delete(d);
        }
        assert_eq!(m.live_in(1), 0);
        assert_eq!(m.merge_run(), Some(1..2));
        m.remove_segments(1..2);
        assert!(m.deleted.is_empty());
        assert_eq!(m.next_number(), 10);
    }

    #[test]
    fn compacts_a_segment_only_once_most_of_it_is_dead() {
        let mut m = with_sizes(&[300_000, 100]);
        for d in 0..150_000 {
            m.delete(d);
        }
        // Half dead: still tombstones only.
        assert_eq!(m.merge_run(), None);
        m.delete(150_000);
        assert_eq!(m.merge_run(), Some(0..1));
    }
}
