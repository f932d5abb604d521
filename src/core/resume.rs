//! Continue where you left off: the block last read of each article, by
//! article id, kept as text (one line per article, newest first:
//! `<day> <block> <id>`), bounded in count and age.

pub use super::settings::{RESUME_DAYS, RESUME_MAX};

/// Where one article was left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub id: String,
    /// Index of the body block last read.
    pub block: usize,
    /// Days since the Unix epoch when it was read.
    pub day: u64,
}

/// The positions of the most recently read articles, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions(pub Vec<Position>);

impl Positions {
    /// Reads stored text; malformed lines are skipped (storage is shared
    /// with whatever else the site runs) and at most [`RESUME_MAX`] kept.
    pub fn parse(raw: &str) -> Positions {
        let list = raw
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let day = parts.next()?.parse().ok()?;
                let block = parts.next()?.parse().ok()?;
                let id = parts.next().filter(|id| !id.is_empty())?;
                Some(Position {
                    id: id.to_owned(),
                    block,
                    day,
                })
            })
            .take(RESUME_MAX)
            .collect();
        Positions(list)
    }

    /// The block to offer for article `id` on `today`: read less than
    /// [`RESUME_DAYS`] ago and past the first block.
    pub fn find(&self, id: &str, today: u64) -> Option<usize> {
        self.0
            .iter()
            .find(|p| p.id == id)
            .filter(|p| today.saturating_sub(p.day) < RESUME_DAYS && p.block > 0)
            .map(|p| p.block)
    }

    /// Records that article `id` was read up to `block` on `today`: it
    /// moves to the front, expired positions go, and the oldest beyond
    /// [`RESUME_MAX`] are dropped. Ids with line breaks are not recorded.
    pub fn record(&mut self, id: &str, block: usize, today: u64) {
        if id.is_empty() || id.contains(['\n', '\r']) {
            return;
        }
        self.0
            .retain(|p| p.id != id && today.saturating_sub(p.day) < RESUME_DAYS);
        self.0.insert(
            0,
            Position {
                id: id.to_owned(),
                block,
                day: today,
            },
        );
        self.0.truncate(RESUME_MAX);
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let lines: Vec<String> = self
            .0
            .iter()
            .map(|p| format!("{} {} {}", p.day, p.block, p.id))
            .collect();
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_position_round_trips_and_is_offered_within_the_days() {
        let mut p = Positions::default();
        p.record("news/2024 02 22", 7, 20000);
        let back = Positions::parse(&p.to_text());
        assert_eq!(back, p);
        assert_eq!(
            back.find("news/2024 02 22", 20000 + RESUME_DAYS - 1),
            Some(7)
        );
        assert_eq!(back.find("news/2024 02 22", 20000 + RESUME_DAYS), None);
        assert_eq!(back.find("other", 20000), None);
    }

    #[test]
    fn the_first_block_is_not_offered() {
        let mut p = Positions::default();
        p.record("a", 0, 1);
        assert_eq!(p.find("a", 1), None);
    }

    #[test]
    fn rereading_moves_to_the_front_and_the_oldest_beyond_the_cap_go() {
        let mut p = Positions::default();
        for i in 0..RESUME_MAX + 5 {
            p.record(&format!("id{i}"), i + 1, 100);
        }
        assert_eq!(p.0.len(), RESUME_MAX);
        assert_eq!(p.find("id0", 100), None, "the oldest was dropped");
        p.record("id10", 3, 101);
        assert_eq!(p.0[0].id, "id10");
        assert_eq!(p.0.len(), RESUME_MAX);
        assert_eq!(p.0.iter().filter(|x| x.id == "id10").count(), 1);
        let parsed = Positions::parse(&p.to_text());
        assert_eq!(parsed.0.len(), RESUME_MAX);
    }

    #[test]
    fn expired_and_malformed_entries_are_dropped() {
        let mut p = Positions::parse("5 3 old\nnot a line\n9 x bad\n100 2 new\n");
        assert_eq!(p.0.len(), 2);
        p.record("x", 1, 5 + RESUME_DAYS);
        assert!(p.0.iter().all(|x| x.id != "old"));
        p.record("bad\nid", 1, 1);
        assert!(p.0.iter().all(|x| !x.id.contains('\n')));
    }
}
