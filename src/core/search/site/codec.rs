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

    /// The bytes not read yet.
    pub(super) fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
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

/// Characters with a near number ([`near_char`]): Latin, general
/// punctuation, CJK symbols and kana, CJK unified ideographs; ranges of
/// code points, each numbered on from the one before.
const NEAR_RANGES: [(u32, u32); 4] = [
    (0x0000, 0x0250),
    (0x2000, 0x2070),
    (0x3000, 0x3100),
    (0x4e00, 0xa000),
];
/// How many characters have a near number.
const NEAR_CHARS: u64 = {
    let mut n = 0;
    let mut i = 0;
    while i < NEAR_RANGES.len() {
        n += (NEAR_RANGES[i].1 - NEAR_RANGES[i].0) as u64;
        i += 1;
    }
    n
};
/// Keys made of near characters have a number below `1 << NEAR_BITS`.
const NEAR_BITS: u32 = 29;
/// Every key is below `1 << FAR_BITS` (`0x110000 × SPAN`).
const FAR_BITS: u32 = 41;
const _: () = assert!(NEAR_CHARS * (NEAR_CHARS + 1) <= 1 << NEAR_BITS);
const _: () = assert!(0x11_0000 * SPAN <= 1 << FAR_BITS);

/// The near number of a character, if it has one.
fn near_char(c: u32) -> Option<u64> {
    let mut base = 0;
    for (from, to) in NEAR_RANGES {
        if (from..to).contains(&c) {
            return Some(u64::from(base + c - from));
        }
        base += to - from;
    }
    None
}

/// A bijection of the numbers below `1 << bits` (an odd multiplier and a
/// right xor-shift are each one-to-one modulo a power of two) that mixes
/// their bits, so that numbers in a few clusters spread evenly.
fn mix(v: u64, bits: u32) -> u64 {
    let m = (1u64 << bits) - 1;
    let mut z = v.wrapping_mul(0x9e37_79b9_7f4a_7c15) & m;
    z ^= z >> (bits / 2);
    z = z.wrapping_mul(0xbf58_476d_1ce4_e5b9) & m;
    z ^ (z >> (bits / 2 + 1))
}

/// Where a key stands among all keys, one-to-one: its shard is this
/// modulo the number of posting files, and a posting file lists its keys
/// by this divided by it ([`directory`](super::directory)), so the file a
/// key is in says part of which key it is. Keys of near characters (the
/// text of most documents) come first, below `1 << NEAR_BITS`, so their
/// numbers are dense and a file's directory codes each in a few bits.
pub(super) fn spread(key: u64) -> u64 {
    let (a, b) = (key / SPAN, key % SPAN);
    let near_b = if b == 0 {
        Some(0)
    } else {
        near_char((b - 1) as u32).map(|n| n + 1)
    };
    match (near_char(a as u32), near_b) {
        (Some(a), Some(b)) => mix(a * (NEAR_CHARS + 1) + b, NEAR_BITS),
        _ => (1 << NEAR_BITS) + mix(key, FAR_BITS),
    }
}

/// True when [`spread`] gave a near key's number.
pub(super) fn is_near(spread: u64) -> bool {
    spread < 1 << NEAR_BITS
}

/// Which of `shards` posting files holds `key`.
pub(super) fn shard_of(key: u64, shards: u32) -> u32 {
    (spread(key) % u64::from(shards.max(1))) as u32
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
    fn spread_is_one_to_one_and_near_keys_stay_dense() {
        let chars: Vec<char> = "的春风,。 a😀\u{10ffff}\u{0}ｶ가"
            .chars()
            .chain(['\u{4e00}', '\u{9fff}', '\u{a000}', '\u{24f}', '\u{250}'])
            .collect();
        let mut keys: Vec<u64> = chars.iter().map(|&c| unigram_key(c)).collect();
        for &a in &chars {
            keys.extend(chars.iter().map(|&b| bigram_key(a, b)));
        }
        let spreads: std::collections::BTreeSet<u64> = keys.iter().map(|&k| spread(k)).collect();
        assert_eq!(spreads.len(), keys.len());
        assert!(is_near(spread(bigram_key('春', '。'))));
        assert!(is_near(spread(unigram_key('\u{9fff}'))));
        assert!(!is_near(spread(bigram_key('春', '😀'))));
        assert!(!is_near(spread(bigram_key('\u{a000}', 'a'))));
        assert!(spreads
            .iter()
            .all(|&s| s < (1 << NEAR_BITS) + (1 << FAR_BITS)));
        // A bijection: every number of a small width comes out once.
        let all: std::collections::BTreeSet<u64> = (0..1 << 12).map(|v| mix(v, 12)).collect();
        assert_eq!(all.len(), 1 << 12);
        assert!(all.iter().all(|&v| v < 1 << 12));
    }

    #[test]
    fn quotes_json_strings() {
        assert_eq!(
            json_string("a\"b\\c\n\u{1}发"),
            "\"a\\\"b\\\\c\\n\\u0001发\""
        );
    }
}
