//! A posting file: its directory of keys, then their lists.
//!
//! A key's file is its [`spread`] modulo the number of files, so within a
//! file a key is known by the spread divided by that number: its place.
//! The directory is the number of near keys and of far keys (varints),
//! then bit-packed: the Rice parameters of the near places' gaps, of the
//! far places' gaps and of the lists' byte lengths (6 bits each), then per
//! key in place order, near keys first, the gap from the previous place of
//! its kind less one (the first: its place), and its list's length (0: the
//! list is stored apart, in a file of its own). The lists follow from the
//! next whole byte, in the same order.
//!
//! Near keys (pairs of Chinese characters, Latin letters, punctuation) are
//! dense, so their gaps take a dozen bits or so where the key itself would
//! take forty: a directory costs about two bytes a key.

use super::bits::{best_rice, BitReader, BitWriter};
use super::codec::{is_near, put_varint, spread, Corrupt, Reader};

/// Bits of a Rice parameter here: far places need more than 31.
const K_BITS: u32 = 6;
/// The largest Rice parameter (what a reader's `bits` takes at once).
const K_MAX: u32 = 56;

/// A key's place in its posting file, and whether it is near.
fn place(key: u64, shards: u32) -> (bool, u64) {
    let s = spread(key);
    (is_near(s), s / u64::from(shards.max(1)))
}

/// Writes the posting file of `lists` (key and list; an empty list is
/// stored apart), all keys of shard of `shards` files.
pub(super) fn write_file(mut lists: Vec<(u64, Vec<u8>)>, shards: u32) -> Vec<u8> {
    lists.sort_by_key(|(k, _)| {
        let (near, at) = place(*k, shards);
        (!near, at)
    });
    let places: Vec<(bool, u64)> = lists.iter().map(|(k, _)| place(*k, shards)).collect();
    let near = places.iter().filter(|p| p.0).count();
    let gaps = |of_near: bool| {
        let mut prev: Option<u64> = None;
        places
            .iter()
            .filter(move |p| p.0 == of_near)
            .map(move |&(_, at)| {
                let gap = prev.map_or(at, |p| at - p - 1);
                prev = Some(at);
                gap
            })
    };
    let lens = || lists.iter().map(|(_, l)| l.len() as u64);
    let k = [
        best_rice(gaps(true), K_MAX),
        best_rice(gaps(false), K_MAX),
        best_rice(lens(), K_MAX),
    ];
    let mut out = Vec::new();
    put_varint(&mut out, near as u64);
    put_varint(&mut out, (lists.len() - near) as u64);
    let mut w = BitWriter::default();
    for k in k {
        w.bits(u64::from(k), K_BITS);
    }
    for ((gap, is_near), len) in gaps(true)
        .map(|g| (g, true))
        .chain(gaps(false).map(|g| (g, false)))
        .zip(lens())
    {
        w.rice(gap, if is_near { k[0] } else { k[1] });
        w.rice(len, k[2]);
    }
    out.extend(w.into_bytes());
    for (_, l) in &lists {
        out.extend_from_slice(l);
    }
    out
}

/// Where the list of a key is.
#[derive(Debug, PartialEq)]
pub(super) enum List<'a> {
    Here(&'a [u8]),
    /// In its own file.
    Apart,
}

/// What a posting file holds: its keys, how many of their lists are
/// stored apart, and the bytes of its directory (the lists take the rest).
#[derive(Debug, PartialEq)]
pub struct FileShape {
    pub keys: u64,
    pub apart: u64,
    pub directory_bytes: usize,
}

/// Reads the directory of a posting file: calls `each(near, place, start,
/// len)` for every key, in order, `start` and `len` in the lists; returns
/// the lists, checked to end where the last one does.
fn walk(file: &[u8], mut each: impl FnMut(bool, u64, u64, u64)) -> Result<&[u8], Corrupt> {
    let mut r = Reader::new(file);
    let near = r.varint()?;
    let far = r.varint()?;
    let bits = r.rest();
    let keys = near.checked_add(far).ok_or(Corrupt)?;
    // Each key takes two bits at least.
    if keys > bits.len() as u64 * 4 {
        return Err(Corrupt);
    }
    let mut b = BitReader::new(bits);
    let mut k = [0; 3];
    for k in &mut k {
        *k = b.bits(K_BITS)? as u32;
        if *k > K_MAX {
            return Err(Corrupt);
        }
    }
    let (mut prev, mut start) = (None::<u64>, 0u64);
    for i in 0..keys {
        if i == near {
            prev = None;
        }
        let is_near = i < near;
        let gap = b.rice(if is_near { k[0] } else { k[1] })?;
        let at = match prev {
            None => gap,
            Some(p) => p
                .checked_add(gap)
                .and_then(|a| a.checked_add(1))
                .ok_or(Corrupt)?,
        };
        prev = Some(at);
        let len = b.rice(k[2])?;
        each(is_near, at, start, len);
        start = start.checked_add(len).ok_or(Corrupt)?;
    }
    let lists = bits.get(b.bytes_read()..).ok_or(Corrupt)?;
    if start != lists.len() as u64 {
        return Err(Corrupt);
    }
    Ok(lists)
}

/// The list of `key` in `file`, one of `shards` posting files (empty when
/// the key is not there).
pub(super) fn list_of(file: &[u8], key: u64, shards: u32) -> Result<List<'_>, Corrupt> {
    let (want_near, want) = place(key, shards);
    let mut found = None;
    let lists = walk(file, |is_near, at, start, len| {
        if found.is_none() && is_near == want_near && at == want {
            found = Some((start, len));
        }
    })?;
    Ok(match found {
        None => List::Here(&[]),
        Some((_, 0)) => List::Apart,
        Some((from, len)) => List::Here(&lists[from as usize..(from + len) as usize]),
    })
}

/// The shape of a posting file (inflated), for reports of where an
/// index's bytes go.
pub fn file_shape(file: &[u8]) -> Result<FileShape, Corrupt> {
    let (mut keys, mut apart) = (0, 0);
    let lists = walk(file, |_, _, _, len| {
        keys += 1;
        apart += u64::from(len == 0);
    })?;
    Ok(FileShape {
        keys,
        apart,
        directory_bytes: file.len() - lists.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::codec::{bigram_key, unigram_key};
    use super::*;

    #[test]
    fn every_key_finds_its_list_and_others_find_none() {
        let shards = 3;
        let keys: Vec<u64> = "春风又绿江南岸😀a,"
            .chars()
            .flat_map(|a| [unigram_key(a), bigram_key(a, '月'), bigram_key('😀', a)])
            .collect();
        let mut files: Vec<Vec<(u64, Vec<u8>)>> = vec![Vec::new(); shards as usize];
        for (i, &k) in keys.iter().enumerate() {
            let list = if i % 5 == 0 {
                Vec::new()
            } else {
                vec![i as u8; i]
            };
            files[super::super::codec::shard_of(k, shards) as usize].push((k, list));
        }
        let files: Vec<Vec<u8>> = files.into_iter().map(|f| write_file(f, shards)).collect();
        for (i, &k) in keys.iter().enumerate() {
            let file = &files[super::super::codec::shard_of(k, shards) as usize];
            let want = if i % 5 == 0 {
                List::Apart
            } else {
                List::Here(&[i as u8; 64][..i])
            };
            assert_eq!(list_of(file, k, shards), Ok(want), "key {i}");
        }
        let absent = bigram_key('月', '春');
        let file = &files[super::super::codec::shard_of(absent, shards) as usize];
        assert_eq!(list_of(file, absent, shards), Ok(List::Here(&[])));
    }

    #[test]
    fn a_near_key_takes_about_two_bytes() {
        // Every pair of 300 common characters, in one file.
        let chars: Vec<char> = (0x4e00..0x4e00 + 300).filter_map(char::from_u32).collect();
        let lists: Vec<(u64, Vec<u8>)> = chars
            .iter()
            .flat_map(|&a| chars.iter().map(move |&b| (bigram_key(a, b), vec![1u8])))
            .collect();
        let n = lists.len();
        let file = write_file(lists, 1);
        let directory = file.len() - n;
        assert!(directory < n * 5 / 2, "{directory} bytes for {n} keys");
    }

    #[test]
    fn damaged_directories_are_refused() {
        let file = write_file(vec![(unigram_key('春'), vec![7, 7])], 1);
        assert_eq!(
            list_of(&file, unigram_key('春'), 1),
            Ok(List::Here(&[7, 7]))
        );
        assert_eq!(
            list_of(&file[..file.len() - 1], unigram_key('春'), 1),
            Err(Corrupt)
        );
        assert_eq!(list_of(&[0xff], 1, 1), Err(Corrupt));
        assert_eq!(list_of(&[200, 1, 0], 1, 1), Err(Corrupt));
        assert_eq!(list_of(&[], 1, 1), Err(Corrupt));
        assert_eq!(file_shape(&file[..file.len() - 1]), Err(Corrupt));
    }

    #[test]
    fn a_file_shape_counts_keys_lists_apart_and_directory_bytes() {
        let lists = vec![
            (unigram_key('春'), vec![1, 2, 3]),
            (unigram_key('夏'), Vec::new()),
            (unigram_key('秋'), vec![4]),
        ];
        let file = write_file(lists, 3);
        let shape = file_shape(&file).unwrap();
        assert_eq!((shape.keys, shape.apart), (3, 1));
        assert_eq!(shape.directory_bytes, file.len() - 4);
    }
}
