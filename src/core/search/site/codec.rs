//! The byte-level pieces of the site index files: LEB128 varints and
//! byte runs (read with bounds checks, since the files come over the
//! network; strings are written in an [`Alphabet`](super::alphabet)), posting keys and the shard a key lives in, the
//! content hash that names a segment, and JSON string quoting for the
//! manifest.

/// What a damaged or foreign file gives instead of a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt;

/// Appends `v` as an LEB128 varint.
pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads what [`put_varint`] wrote, and runs of bytes.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(super) fn varint(&mut self) -> Result<u64, Corrupt> {
        let (mut v, mut shift) = (0u64, 0u32);
        loop {
            let b = *self.bytes.get(self.pos).ok_or(Corrupt)?;
            self.pos += 1;
            if shift > 63 {
                return Err(Corrupt);
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    /// The next `n` bytes.
    pub(super) fn bytes(&mut self, n: u64) -> Result<&'a [u8], Corrupt> {
        let n = usize::try_from(n).map_err(|_| Corrupt)?;
        let end = self.pos.checked_add(n).ok_or(Corrupt)?;
        let out = self.bytes.get(self.pos..end).ok_or(Corrupt)?;
        self.pos = end;
        Ok(out)
    }
}

/// Keys are numbered so that those of one first character sit together and
/// gaps between sorted keys stay small: `a × SPAN` for the character `a`
/// alone, `a × SPAN + b + 1` for the pair `ab`.
const SPAN: u64 = 0x11_0001;

/// The posting key of a pair of adjacent characters.
pub(super) fn bigram_key(a: char, b: char) -> u64 {
    u64::from(a as u32) * SPAN + u64::from(b as u32) + 1
}

/// The posting key of a single character (for one-character terms).
pub(super) fn unigram_key(a: char) -> u64 {
    u64::from(a as u32) * SPAN
}

/// The character of a unigram key; `None` for a pair's key.
pub(super) fn unigram_char(key: u64) -> Option<char> {
    if key.is_multiple_of(SPAN) {
        char::from_u32(u32::try_from(key / SPAN).ok()?)
    } else {
        None
    }
}

/// Which of `shards` posting files holds `key`: a fixed mix of the key's
/// bits (splitmix64's finaliser), so builder and reader agree and shards
/// fill evenly.
pub(super) fn shard_of(key: u64, shards: u32) -> u32 {
    let mut z = key.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z % u64::from(shards.max(1))) as u32
}

/// FNV-1a, 64 bits: names a segment after its content, so a file name is
/// never reused for other bytes and a CDN may cache it forever.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub(super) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(super) fn finish(self) -> u64 {
        self.0
    }
}

/// `s` as a JSON string literal (also what the CLI prints as JSON).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_byte_runs_round_trip_and_reject_truncation() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put_varint(&mut out, v);
        }
        put_varint(&mut out, 3);
        out.extend_from_slice(b"a b");
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        let n = r.varint().unwrap();
        assert_eq!(r.bytes(n), Ok(&b"a b"[..]));
        assert_eq!(r.varint(), Err(Corrupt));
        let mut r = Reader::new(&out[..out.len() - 1]);
        for _ in 0..8 {
            r.varint().unwrap();
        }
        assert_eq!(r.bytes(3), Err(Corrupt));
        assert_eq!(Reader::new(&[0xff; 12]).varint(), Err(Corrupt));
    }

    #[test]
    fn keys_differ_and_shards_stay_in_range() {
        assert_ne!(unigram_key('a'), bigram_key('a', 'b'));
        assert_ne!(bigram_key('a', 'b'), bigram_key('b', 'a'));
        assert_eq!(unigram_char(unigram_key('发')), Some('发'));
        assert_eq!(unigram_char(bigram_key('发', '\u{10ffff}')), None);
        assert!(bigram_key('a', '\u{10ffff}') < unigram_key('b'));
        for k in 0..1000u64 {
            assert!(shard_of(k, 7) < 7);
        }
        assert_eq!(shard_of(5, 0), 0);
    }

    #[test]
    fn quotes_json_strings() {
        assert_eq!(
            json_string("a\"b\\c\n\u{1}发"),
            "\"a\\\"b\\\\c\\n\\u0001发\""
        );
    }
}
