//! One key's posting list, written and read: the single definition of its
//! bits (see [`bits`](super::bits)).
//!
//! A list is `gamma(documents + 1)`, two bits saying whether any place is
//! in a title and whether any is in a heading, the Rice parameter of its
//! offsets (5 bits), and for a list of more than [`SMALL_LIST`] documents
//! those of its document gaps and of its counts (a short list's come from
//! the segment's size: most lists are short, and 10 bits are much of one);
//! a character's list adds the [`octave`] of its latest first match. Then
//! the first document's number in as many bits as the segment's numbers
//! need, and per document the gap from the previous one (none for the
//! first), then:
//!
//! - for a pair of characters: how many times it occurs, less one, then
//!   each place: its zone (body, title or heading; no bit for a zone the
//!   list never has) and its offset in its space (the title's, or the
//!   texts' after the title), as the gap from the previous offset of the
//!   same space less one, the first of a space whole;
//! - for a single character: its matches in the title and in headings
//!   (when the list has any), then in the body, and, when there are
//!   matches after the title, the octave of the first (below the list's
//!   latest): all the early bonus counts of it.
//!
//! Offsets count from the start of their space, so ranking needs nothing
//! about the document beyond its postings: where the title ends or how
//! long the text is never has to be stored beside every list.

use super::bits::{best_rice, BitReader, BitWriter};
use super::codec::Corrupt;
use super::place::{Pos, MAX_OFFSET};
use crate::core::search::score::{octave, octave_start, Acc};

/// Bits of a Rice parameter in a list's header.
const K_BITS: u32 = 5;
/// The largest Rice parameter a header holds.
const K_MAX: u32 = (1 << K_BITS) - 1;

/// Lists of at most this many documents store no Rice parameter for their
/// gaps (it follows from the segment's size) nor for their counts (0).
pub(super) const SMALL_LIST: u64 = 8;

/// Which zones a list's places are in besides the body: each zone it never
/// has costs no bit.
#[derive(Clone, Copy, Default)]
struct Zones {
    title: bool,
    heading: bool,
}

impl Zones {
    fn of<'a>(places: impl Iterator<Item = &'a Pos>) -> Zones {
        places.fold(Zones::default(), |z, p| Zones {
            title: z.title || p.in_title(),
            heading: z.heading || (!p.in_title() && p.in_heading()),
        })
    }

    /// `(title, heading)` of a place, in as few bits as the list allows.
    fn write(self, p: Pos, w: &mut BitWriter) {
        if self.title {
            w.bit(p.in_title());
        }
        if self.heading && !p.in_title() {
            w.bit(p.in_heading());
        }
    }

    fn read(self, r: &mut BitReader<'_>) -> Result<(bool, bool), Corrupt> {
        let title = self.title && r.bits(1)? == 1;
        let heading = self.heading && !title && r.bits(1)? == 1;
        Ok((title, heading))
    }
}

/// Documents of a list with what is kept for each.
pub(super) type Entries<T> = Vec<(u32, T)>;

/// What a list's header holds, and what follows from it.
struct Header {
    docs: u64,
    zones: Zones,
    k_doc: u32,
    k_off: u32,
    k_count: u32,
    /// A character's list: the octave of its latest first match.
    top: u32,
    /// Bits of a document number in the segment.
    doc_bits: u32,
}

/// What a list is of.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Pairs,
    Chars,
}

impl Header {
    fn small(&self) -> bool {
        self.docs <= SMALL_LIST
    }

    fn write(&self, kind: Kind, w: &mut BitWriter) {
        w.gamma(self.docs + 1);
        w.bit(self.zones.title);
        w.bit(self.zones.heading);
        w.bits(u64::from(self.k_off), K_BITS);
        if !self.small() {
            w.bits(u64::from(self.k_doc), K_BITS);
            w.bits(u64::from(self.k_count), K_BITS);
        }
        if kind == Kind::Chars {
            w.bits(u64::from(self.top), K_BITS);
        }
    }

    fn read(kind: Kind, segment: u32, r: &mut BitReader<'_>) -> Result<Header, Corrupt> {
        let docs = r.gamma()? - 1;
        let zones = Zones {
            title: r.bits(1)? == 1,
            heading: r.bits(1)? == 1,
        };
        let mut k = || r.bits(K_BITS).map(|k| k as u32);
        let k_off = k()?;
        let (k_doc, k_count) = if docs <= SMALL_LIST {
            (small_doc_k(segment, docs), 0)
        } else {
            (k()?, k()?)
        };
        let top = if kind == Kind::Chars { k()? } else { 0 };
        Ok(Header {
            docs,
            zones,
            k_doc,
            k_off,
            k_count,
            top,
            doc_bits: doc_bits(segment),
        })
    }

    /// The header of a list of `entries` of a segment of `segment`
    /// documents, its gaps, offsets and counts as given.
    fn of<T>(
        entries: &Entries<T>,
        segment: u32,
        zones: Zones,
        offsets: impl Iterator<Item = u64> + Clone,
        counts: impl Iterator<Item = u64> + Clone,
    ) -> Header {
        let docs = entries.len() as u64;
        let small = docs <= SMALL_LIST;
        Header {
            docs,
            zones,
            k_doc: if small {
                small_doc_k(segment, docs)
            } else {
                best_rice(gaps(entries).flatten(), K_MAX)
            },
            k_off: best_rice(offsets, K_MAX),
            k_count: if small { 0 } else { best_rice(counts, K_MAX) },
            top: 0,
            doc_bits: doc_bits(segment),
        }
    }

    /// Writes the documents of `entries` (the first whole, then the gaps)
    /// and what `entry` writes for each.
    fn write_docs<T>(
        &self,
        entries: &Entries<T>,
        w: &mut BitWriter,
        entry: impl Fn(&T, &mut BitWriter),
    ) {
        for ((d, e), gap) in entries.iter().zip(gaps(entries)) {
            match gap {
                None => w.bits(u64::from(*d), self.doc_bits),
                Some(gap) => w.rice(gap, self.k_doc),
            }
            entry(e, w);
        }
    }
}

/// Bits of a document number in a segment of `segment` documents.
fn doc_bits(segment: u32) -> u32 {
    32 - segment.saturating_sub(1).leading_zeros()
}

/// The Rice parameter of a short list's gaps: documents spread over the
/// segment are about `segment ÷ (docs + 1)` apart.
fn small_doc_k(segment: u32, docs: u64) -> u32 {
    let mean = u64::from(segment) / (docs + 1);
    63 - mean.max(1).leading_zeros()
}

/// Gaps between the documents of a list, less one (none for the first).
fn gaps<T>(entries: &Entries<T>) -> impl Iterator<Item = Option<u64>> + Clone + '_ {
    let prev = std::iter::once(None).chain(entries.iter().map(|e| Some(e.0)));
    entries
        .iter()
        .zip(prev)
        .map(|(e, p)| p.map(|p| u64::from(e.0 - p - 1)))
}

/// Offsets of one document as written: whole for the first of a space,
/// else the gap less one.
fn offset_values(places: &[Pos]) -> impl Iterator<Item = u64> + Clone + '_ {
    let prev = std::iter::once(None).chain(places.iter().map(|&p| Some(p)));
    places.iter().zip(prev).map(|(&p, before)| match before {
        Some(b) if b.in_title() == p.in_title() => u64::from(p.at() - b.at() - 1),
        _ => u64::from(p.at()),
    })
}

/// The list of a pair in a segment of `segment` documents: documents
/// (ascending) and the places where the pair occurs in each (ascending,
/// not empty).
pub(super) fn encode_pairs(entries: &Entries<Vec<Pos>>, segment: u32) -> Vec<u8> {
    let h = Header::of(
        entries,
        segment,
        Zones::of(entries.iter().flat_map(|(_, p)| p)),
        entries.iter().flat_map(|(_, p)| offset_values(p)),
        entries.iter().map(|(_, p)| p.len() as u64 - 1),
    );
    let mut w = BitWriter::default();
    h.write(Kind::Pairs, &mut w);
    h.write_docs(entries, &mut w, |places, w| {
        w.rice(places.len() as u64 - 1, h.k_count);
        for (p, v) in places.iter().zip(offset_values(places)) {
            h.zones.write(*p, w);
            w.rice(v, h.k_off);
        }
    });
    w.into_bytes()
}

/// The list of a single character in a segment of `segment` documents:
/// documents (ascending) and its matches in each.
pub(super) fn encode_chars(entries: &Entries<Acc>, segment: u32) -> Vec<u8> {
    let has_body = |a: &Acc| a.heads + a.body > 0;
    let firsts = entries
        .iter()
        .filter(|(_, a)| has_body(a))
        .map(|(_, a)| octave(a.first_body));
    let top = firsts.clone().max().unwrap_or(0);
    let zones = Zones {
        title: entries.iter().any(|(_, a)| a.title > 0),
        heading: entries.iter().any(|(_, a)| a.heads > 0),
    };
    let mut h = Header::of(
        entries,
        segment,
        zones,
        firsts.map(|o| u64::from(top - o)),
        entries.iter().map(|(_, a)| u64::from(a.body)),
    );
    h.top = top;
    let mut w = BitWriter::default();
    h.write(Kind::Chars, &mut w);
    h.write_docs(entries, &mut w, |a, w| {
        if h.zones.title {
            w.rice(u64::from(a.title), 0);
        }
        if h.zones.heading {
            w.rice(u64::from(a.heads), 0);
        }
        w.rice(u64::from(a.body), h.k_count);
        if has_body(a) {
            w.rice(u64::from(top - octave(a.first_body)), h.k_off);
        }
    });
    w.into_bytes()
}

/// Reads a list's header; calls `entry` for each document.
fn decode<T>(
    list: &[u8],
    kind: Kind,
    segment: u32,
    mut entry: impl FnMut(&mut BitReader<'_>, &Header) -> Result<T, Corrupt>,
) -> Result<Entries<T>, Corrupt> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let mut r = BitReader::new(list);
    let h = Header::read(kind, segment, &mut r)?;
    // Each entry takes a bit at least: a count beyond the list is damage.
    if h.docs > list.len() as u64 * 8 {
        return Err(Corrupt);
    }
    let mut out = Vec::with_capacity(h.docs as usize);
    let mut doc: Option<u32> = None;
    for _ in 0..h.docs {
        let d = match doc {
            None => r.bits(h.doc_bits)? as u32,
            Some(prev) => prev
                .checked_add(r.rice_u32(h.k_doc)?)
                .and_then(|d| d.checked_add(1))
                .ok_or(Corrupt)?,
        };
        if d >= segment {
            return Err(Corrupt);
        }
        doc = Some(d);
        out.push((d, entry(&mut r, &h)?));
    }
    Ok(out)
}

/// A pair's list: documents and places, as [`encode_pairs`] wrote them.
pub(super) fn decode_pairs(list: &[u8], segment: u32) -> Result<Entries<Vec<Pos>>, Corrupt> {
    decode(list, Kind::Pairs, segment, |r, h| {
        let n = r.rice(h.k_count)?.checked_add(1).ok_or(Corrupt)?;
        // A bit a place at least: more is damage.
        if n > list.len() as u64 * 8 {
            return Err(Corrupt);
        }
        let mut places: Vec<Pos> = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let (title, heading) = h.zones.read(r)?;
            let v = r.rice_u32(h.k_off)?;
            let at = match places.last() {
                Some(b) if b.in_title() == title => b
                    .at()
                    .checked_add(v)
                    .and_then(|a| a.checked_add(1))
                    .ok_or(Corrupt)?,
                _ => v,
            };
            if at >= MAX_OFFSET {
                return Err(Corrupt);
            }
            places.push(if title {
                Pos::title(at)
            } else {
                Pos::rest(at, heading)
            });
        }
        Ok(places)
    })
}

/// A single character's list: documents and its matches in each, the
/// first match after the title as the start of its octave.
pub(super) fn decode_chars(list: &[u8], segment: u32) -> Result<Entries<Acc>, Corrupt> {
    decode(list, Kind::Chars, segment, |r, h| {
        let mut count = |present: bool, k: u32| -> Result<u32, Corrupt> {
            if present {
                r.rice_u32(k)
            } else {
                Ok(0)
            }
        };
        let mut acc = Acc::new(0);
        acc.title = count(h.zones.title, 0)?;
        acc.heads = count(h.zones.heading, 0)?;
        acc.body = count(true, h.k_count)?;
        if acc.heads + acc.body > 0 {
            let below = r.rice_u32(h.k_off)?;
            let o = h.top.checked_sub(below).ok_or(Corrupt)?;
            acc.first_body = octave_start(o);
        }
        Ok(acc)
    })
}

#[cfg(test)]
mod tests;
