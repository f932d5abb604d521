//! A positional character index: for every character of the normalised
//! text, the sorted byte offsets where it occurs. The text itself is not
//! kept. A term occurs at offset `p` exactly when each of its characters
//! occurs at `p` plus that character's offset in the term, so a term is
//! found by walking the offsets of its rarest character and checking the
//! others at the right distance (galloping through their sorted offsets):
//! the result is exactly the substring matches, found without scanning.
//!
//! Building is two linear passes (count, then place: a counting sort keyed
//! by the character itself), with no hashing and no comparison sort. The
//! index costs 4 bytes per character of text.

use std::ops::Range;

use super::normalize::normalize_each;

/// Separates fields (and documents) in the indexed text. Normalised text
/// never contains it (line breaks become spaces) and it is not indexed, so
/// no match spans fields.
pub(crate) const SEP: char = '\n';

/// Characters below this are keyed directly; the rest go through a small
/// sorted table.
const DIRECT: usize = 0x1_0000;

/// Stands for a character at or above [`DIRECT`] in [`Builder::keys`] (a
/// surrogate: no character has this value).
const ASTRAL: u16 = 0xd800;

/// Characters placed per call of [`place`]: short calls let the engine
/// optimise the loop after the first few (wasm engines do not replace a
/// running call with optimised code).
const CHUNK: usize = 1 << 15;

/// Normalises text field by field and counts its characters.
pub(crate) struct Builder {
    variants: bool,
    /// Length in bytes of the normalised text so far.
    len: usize,
    /// Occurrences of each character below [`DIRECT`].
    counts: Vec<u32>,
    /// (character, offset) of every character at or above [`DIRECT`].
    astral: Vec<u64>,
    /// `keys[..k]`: each character of the text below [`DIRECT`], [`ASTRAL`]
    /// for the others, [`SEP`] between fields; zeros after `k`.
    keys: Vec<u16>,
    k: usize,
}

/// Makes `v` at least `need` long (zeros), growing geometrically.
fn room<T: Copy + Default>(v: &mut Vec<T>, need: usize) {
    if v.len() < need {
        let n = need.max(v.len() + v.len() / 2);
        v.resize(n, T::default());
    }
}

impl Builder {
    /// A builder for about `bytes` of text.
    pub fn new(variants: bool, bytes: usize) -> Self {
        Builder {
            variants,
            len: 0,
            counts: vec![0; DIRECT + 1],
            astral: Vec::new(),
            // Most text is Chinese (3 bytes a character); more grows.
            keys: vec![0; bytes / 2 + (1 << 12)],
            k: 0,
        }
    }

    /// The offset the next field starts at.
    pub fn offset(&self) -> u32 {
        self.len as u32
    }

    /// Adds the normalised form of `s` (through the one normaliser,
    /// [`normalize_each`]) and a separator.
    #[inline(never)]
    pub fn push_field(&mut self, s: &str) {
        // No more characters than bytes.
        room(&mut self.keys, self.k + s.len() + 1);
        let keys = &mut self.keys[..];
        let counts = &mut self.counts[..];
        let astral = &mut self.astral;
        let (mut len, mut k) = (self.len, self.k);
        normalize_each(s, self.variants, |c, _, _| {
            let u = c as u32;
            if (u as usize) < DIRECT {
                counts[u as usize] += 1;
                keys[k] = u as u16;
            } else {
                astral.push(u64::from(u) << 32 | len as u64);
                keys[k] = ASTRAL;
            }
            k += 1;
            len += c.len_utf8();
        });
        keys[k] = SEP as u16;
        self.len = len + 1;
        self.k = k + 1;
    }

    /// Places every offset into its character's list.
    pub fn finish(self) -> CharIndex {
        let Builder {
            len,
            mut counts,
            mut astral,
            mut keys,
            k,
            ..
        } = self;
        keys.truncate(k);
        // Exclusive prefix sums: counts[c] becomes the start of c's list.
        let mut sum = 0u32;
        for n in counts.iter_mut() {
            let here = *n;
            *n = sum;
            sum += here;
        }
        let direct: Vec<u32> = counts.clone();
        let mut next = counts;
        let mut positions = vec![0u32; sum as usize];
        let mut at = 0;
        for chunk in keys.chunks(CHUNK) {
            at = place(chunk, at, &mut next, &mut positions);
        }
        drop((next, keys));
        // Characters beyond the BMP: sorted by character, offsets in order.
        radix_sort(&mut astral);
        let mut astral_chars = Vec::new();
        let mut astral_starts = Vec::new();
        for (k, &e) in astral.iter().enumerate() {
            let c = (e >> 32) as u32;
            if astral_chars.last() != Some(&c) {
                astral_chars.push(c);
                astral_starts.push(k as u32);
            }
        }
        astral_starts.push(astral.len() as u32);
        let astral_positions = astral.iter().map(|&e| e as u32).collect();
        CharIndex {
            len: len as u32,
            direct,
            positions,
            astral_chars,
            astral_starts,
            astral_positions,
        }
    }
}

/// Places the offsets of the characters `keys` stand for, the first at
/// `pos`; returns the offset after the last.
#[inline(never)]
fn place(keys: &[u16], mut pos: u32, next: &mut [u32], positions: &mut [u32]) -> u32 {
    for &k in keys {
        if k != SEP as u16 && k != ASTRAL {
            let slot = &mut next[k as usize];
            positions[*slot as usize] = pos;
            *slot += 1;
        }
        // UTF-8 length: 1, 2 or 3 bytes below U+10000, 4 for ASTRAL.
        pos += 1 + u32::from(k >= 0x80) + u32::from(k >= 0x800) + u32::from(k == ASTRAL);
    }
    pos
}

/// Sorts `v` (least significant byte first, skipping bytes all keys share).
pub(crate) fn radix_sort(v: &mut Vec<u64>) {
    let mut tmp = vec![0u64; v.len()];
    for shift in (0..64).step_by(8) {
        let mut counts = [0usize; 257];
        for &x in v.iter() {
            counts[((x >> shift) & 0xff) as usize + 1] += 1;
        }
        if counts.contains(&v.len()) {
            continue;
        }
        for d in 0..256 {
            counts[d + 1] += counts[d];
        }
        for &x in v.iter() {
            let d = ((x >> shift) & 0xff) as usize;
            tmp[counts[d]] = x;
            counts[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
    }
}

/// The built index.
#[derive(Clone, Debug, Default)]
pub(crate) struct CharIndex {
    /// Length of the normalised text, fields separated by [`SEP`].
    len: u32,
    /// `positions[direct[c]..direct[c + 1]]`: offsets of character `c`.
    direct: Vec<u32>,
    positions: Vec<u32>,
    astral_chars: Vec<u32>,
    astral_starts: Vec<u32>,
    astral_positions: Vec<u32>,
}

/// How to find one term: the offsets of each of its characters, with the
/// character's offset in the term, rarest first.
#[derive(Clone, Debug)]
pub(crate) struct Plan<'a> {
    len: u32,
    chars: Vec<(u32, &'a [u32])>,
}

impl Plan<'_> {
    /// Length of the term in bytes.
    pub fn term_len(&self) -> u32 {
        self.len
    }

    /// Occurrences of the term's rarest character: the cost of a search.
    pub fn cost(&self) -> usize {
        self.chars[0].1.len()
    }
}

impl CharIndex {
    /// Length of the indexed text in bytes.
    pub fn len(&self) -> u32 {
        self.len
    }

    /// The sorted offsets of `c`.
    pub fn offsets(&self, c: char) -> &[u32] {
        let u = c as usize;
        if u < DIRECT {
            match (self.direct.get(u), self.direct.get(u + 1)) {
                (Some(&s), Some(&e)) => &self.positions[s as usize..e as usize],
                _ => &[],
            }
        } else {
            match self.astral_chars.binary_search(&(u as u32)) {
                Ok(k) => {
                    &self.astral_positions
                        [self.astral_starts[k] as usize..self.astral_starts[k + 1] as usize]
                }
                Err(_) => &[],
            }
        }
    }

    /// Plans the search for `term` (normalised, not empty); `None` when one
    /// of its characters never occurs.
    pub fn plan<'a>(&'a self, term: &str) -> Option<Plan<'a>> {
        let mut chars = Vec::with_capacity(term.len() / 2 + 1);
        for (k, c) in term.char_indices() {
            let list = self.offsets(c);
            if list.is_empty() {
                return None;
            }
            chars.push((k as u32, list));
        }
        if chars.is_empty() {
            return None;
        }
        // Rarest first.
        sort_small_by_key(&mut chars, |c| c.1.len());
        Some(Plan {
            len: term.len() as u32,
            chars,
        })
    }

    /// Calls `f` with the offset of every occurrence of the planned term
    /// (overlapping ones included) that starts in `within`, in order, while
    /// it returns true.
    pub fn run(&self, plan: &Plan<'_>, within: Range<u32>, mut f: impl FnMut(u32) -> bool) {
        // Each character's offsets where the term would start in `within`,
        // with a cursor that only moves forward.
        let mut lists: Vec<(u32, &[u32], usize)> = plan
            .chars
            .iter()
            .map(|&(k, list)| {
                let lo = within.start.saturating_add(k);
                let hi = within.end.saturating_add(k);
                (k, slice_in(list, lo, hi), 0)
            })
            .collect();
        let ((ka, a, _), rest) = match lists.split_first_mut() {
            Some(x) => x,
            None => return,
        };
        'candidates: for &q in a.iter() {
            let p = q - *ka;
            for (k, list, at) in rest.iter_mut() {
                let target = p + *k;
                *at = gallop(list, *at, target);
                match list.get(*at) {
                    None => return,
                    Some(&x) if x != target => continue 'candidates,
                    _ => {}
                }
            }
            if !f(p) {
                return;
            }
        }
    }

    /// Bytes of memory the index holds.
    pub fn heap_bytes(&self) -> usize {
        4 * (self.direct.capacity()
            + self.positions.capacity()
            + self.astral_chars.capacity()
            + self.astral_starts.capacity()
            + self.astral_positions.capacity())
    }
}

/// Sorts a short slice (a query's characters or terms) by `key`, stably:
/// an insertion sort, smaller in the wasm than the standard library's sort.
pub(crate) fn sort_small_by_key<T>(v: &mut [T], key: impl Fn(&T) -> usize) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The part of sorted `list` in `lo..hi`.
fn slice_in(list: &[u32], lo: u32, hi: u32) -> &[u32] {
    let s = list.partition_point(|&x| x < lo);
    let e = s + list[s..].partition_point(|&x| x < hi);
    &list[s..e]
}

/// The first index at or after `from` whose value is at least `target`
/// (exponential, then binary search).
#[inline]
fn gallop(list: &[u32], from: usize, target: u32) -> usize {
    if from >= list.len() || list[from] >= target {
        return from;
    }
    let (mut lo, mut step) = (from, 1);
    let mut hi = from + 1;
    while hi < list.len() && list[hi] < target {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    let hi = hi.min(list.len());
    lo + 1 + list[lo + 1..hi].partition_point(|&x| x < target)
}

#[cfg(test)]
mod tests;
