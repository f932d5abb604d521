//! Where a key occurs in a document ([`Pos`]), and how a term's matches
//! there are counted for ranking: what the builder collects and the
//! posting lists carry, apart from how the lists code it.

use crate::core::search::score::Acc;

/// Offsets at or past this are not representable (articles are capped far
/// below it by the parser's limits).
pub(super) const MAX_OFFSET: u32 = 1 << 30;

/// Where a pair or character occurs in a document: its space (the title,
/// or the rest), its byte offset there, and whether that is in a heading.
/// Ordered as the document reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pos(u32);

impl Pos {
    const REST: u32 = 1 << 31;

    pub fn title(at: u32) -> Pos {
        Pos(at.min(MAX_OFFSET - 1) << 1)
    }

    pub fn rest(at: u32, heading: bool) -> Pos {
        Pos(Pos::REST | at.min(MAX_OFFSET - 1) << 1 | u32::from(heading))
    }

    pub fn in_title(self) -> bool {
        self.0 & Pos::REST == 0
    }

    pub fn in_heading(self) -> bool {
        self.0 & 1 == 1
    }

    /// The byte offset in its space.
    pub fn at(self) -> u32 {
        (self.0 & !Pos::REST) >> 1
    }

    /// Offset in one line for both spaces, the title's first: what the
    /// overlap of two matches is judged on.
    fn line(self) -> u32 {
        self.0 >> 1
    }

    /// The place `by` bytes further (or back) in the same space.
    pub fn moved(self, by: i64) -> Option<Pos> {
        let at = u32::try_from(i64::from(self.at()) + by).ok()?;
        (at < MAX_OFFSET).then_some(Pos(self.0 & (Pos::REST | 1) | at << 1))
    }
}

/// A term's matches in one document from where they start (sorted),
/// counted as `SearchIndex` counts them: matches that overlap an earlier
/// one are not counted.
pub(super) fn count_matches(starts: &[Pos], len: u32) -> Acc {
    let mut acc = Acc::new(0);
    for &p in starts {
        if p.line() < acc.next_free {
            continue;
        }
        acc.next_free = p.line().saturating_add(len);
        if p.in_title() {
            acc.title += 1;
            continue;
        }
        if acc.heads + acc.body == 0 {
            acc.first_body = p.at();
        }
        if p.in_heading() {
            acc.heads += 1;
        } else {
            acc.body += 1;
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_matches_count_once_and_spaces_stay_apart() {
        // "aaa" in the title, "aa" at 0 and 1 in a heading, at 5 in the body.
        let starts = [
            Pos::title(0),
            Pos::title(1),
            Pos::rest(0, true),
            Pos::rest(1, true),
            Pos::rest(5, false),
        ];
        let acc = count_matches(&starts, 2);
        assert_eq!(
            (acc.title, acc.heads, acc.body, acc.first_body),
            (1, 1, 1, 0)
        );
        assert_eq!(Pos::rest(5, true).moved(-5), Some(Pos::rest(0, true)));
        assert_eq!(Pos::title(2).moved(-3), None);
        assert!(Pos::title(MAX_OFFSET - 1) < Pos::rest(0, false));
    }
}
