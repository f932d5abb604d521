//! Site search: an exact index of a whole archive as static files, built by
//! the native CLI (`article-reader index`) and queried file by file, so a
//! browser fetches a few kilobytes per query however large the archive.
//!
//! Layout of an index directory:
//!
//! - `manifest.json` ([`Manifest`]): the only file that changes; lists the
//!   segments and the deleted documents;
//! - `g<hash>/` one directory per segment, named after its content, whose
//!   files never change: `p/<k>.bin` postings (every character and pair of
//!   adjacent characters of the normalised texts, with the documents and
//!   places where it occurs, bit-packed; keys spread over the files by a hash, see
//!   [`build`](build_segment); the longest lists in `b/<key>.bin`),
//!   `d/<n>.bin` packs of the stored copies of consecutive documents
//!   (title, URL, `src`, date, texts: hits and snippets; a pack holds
//!   about 4 KB, so gzip shrinks it and a hit costs one small file),
//!   `a.bin`, the alphabet the packs are written in (its most frequent
//!   characters take one byte: see [`Alphabet`]), `ids.json` (for
//!   updates).
//!
//! An update adds a segment (and marks replaced documents deleted: a
//! tombstone in the manifest, no file rewritten); small segments are
//! merged into one when there are many, and a segment is compacted (its
//! live documents indexed again) only once most of it is dead, so a
//! query's files stay few and an update rewrites little.

mod alphabet;
mod bits;
mod build;
mod codec;
mod directory;
mod doc;
mod engine;
mod lists;
mod manifest;
mod place;
mod postings;
mod update;

pub use alphabet::{Alphabet, ALPHABET_MAX};
pub use build::{
    alphabet_path, apart_path, build_segment, copies_in_pack, ids_path, pack_path, posting_path,
    BuiltSegment, Parallel, Sequential, APART_BYTES, PACK_BYTES, POSTING_FILE_BYTES,
};
pub use codec::{json_string, Corrupt};
pub use directory::{file_shape, FileShape};
pub use doc::{SiteDoc, StoredDoc};
pub use engine::{CorruptFile, SiteHit, SiteIndex, SiteResults, Step};
pub use manifest::{Manifest, SegmentMeta, FORMAT, VERSION};
pub use update::FANOUT;

#[cfg(test)]
mod tests;
