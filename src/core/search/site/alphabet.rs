//! A segment's alphabet: the characters of its stored copies, the most
//! frequent first, in which the copies' strings are written (`a.bin`,
//! see [`alphabet_path`](super::build::alphabet_path)).
//!
//! Chinese text in UTF-8 costs three bytes a character, and gzip, which
//! codes bytes, wins little back on a pack of a few kilobytes: the
//! character's lead byte carries almost nothing and its two trail bytes
//! look random. Written as ranks in the segment's alphabet, the most
//! frequent characters take one byte and the next ones two, with the
//! bytes skewed towards small values, so gzip codes each in fewer bits:
//! on the 312k poems the packs shrink by about a quarter. The alphabet
//! is fetched once per segment, with the first pack a query opens.
//!
//! A code: a rank below [`ONE_BYTE`] is that byte; a rank below
//! [`ALPHABET_MAX`] is two bytes, `ONE_BYTE + high` then `low`; any
//! other character is [`ESCAPE`] then its UTF-8 bytes.

use std::collections::HashMap;

use super::codec::{put_varint, Corrupt, Reader};

/// Ranks that take one byte.
const ONE_BYTE: usize = 192;
/// Characters an alphabet holds at most: the rest is escaped. More would
/// make the alphabet, which the first hit of a segment waits for, larger
/// than what it saves on a query's packs.
pub const ALPHABET_MAX: usize = ONE_BYTE + TWO_BYTE_LEADS * 256;
/// First bytes of two-byte codes (those after [`ONE_BYTE`]).
const TWO_BYTE_LEADS: usize = 16;
/// The byte before a character written in UTF-8.
const ESCAPE: u8 = 0xff;

/// Characters by rank.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alphabet {
    chars: Vec<char>,
}

/// The rank of each character of an [`Alphabet`], to write in it (only
/// the builder needs it: a reader of packs carries no map).
pub(super) struct Coder {
    rank: HashMap<char, u32>,
}

impl Alphabet {
    /// The alphabet of `texts`: their characters by falling frequency
    /// (then by code point, so a build is reproducible), at most
    /// [`ALPHABET_MAX`].
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Alphabet {
        let mut counts: HashMap<char, u64> = HashMap::new();
        for t in texts {
            for c in t.chars() {
                *counts.entry(c).or_default() += 1;
            }
        }
        let mut chars: Vec<(char, u64)> = counts.into_iter().collect();
        chars.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        chars.truncate(ALPHABET_MAX);
        Alphabet {
            chars: chars.into_iter().map(|(c, _)| c).collect(),
        }
    }

    /// What writes strings in this alphabet.
    pub(super) fn coder(&self) -> Coder {
        let rank = self
            .chars
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, i as u32))
            .collect();
        Coder { rank }
    }

    /// The file: the characters in rank order, as UTF-8.
    pub fn encode(&self) -> Vec<u8> {
        self.chars.iter().collect::<String>().into_bytes()
    }

    /// Reads what [`encode`](Self::encode) wrote. (A character listed
    /// twice would only give its first rank's place to the second: no
    /// check is spent on it.)
    pub fn decode(bytes: &[u8]) -> Result<Alphabet, Corrupt> {
        let chars: Vec<char> = std::str::from_utf8(bytes)
            .map_err(|_| Corrupt)?
            .chars()
            .collect();
        if chars.len() > ALPHABET_MAX {
            return Err(Corrupt);
        }
        Ok(Alphabet { chars })
    }

    /// Reads a string [`Coder::put_str`] wrote.
    pub(super) fn str(&self, r: &mut Reader<'_>) -> Result<String, Corrupt> {
        let n = r.varint()?;
        let code = r.bytes(n)?;
        let mut out = String::with_capacity(code.len() * 2);
        let mut i = 0;
        while let Some(&b) = code.get(i) {
            let (rank, used) = match usize::from(b) {
                b if b < ONE_BYTE => (b, 1),
                b if b < ONE_BYTE + TWO_BYTE_LEADS => {
                    let low = *code.get(i + 1).ok_or(Corrupt)?;
                    (ONE_BYTE + ((b - ONE_BYTE) << 8 | usize::from(low)), 2)
                }
                _ if b == ESCAPE => {
                    let len = match code.get(i + 1).map(|&l| utf8_len(l)) {
                        Some(len) if len > 0 => len,
                        _ => return Err(Corrupt),
                    };
                    let bytes = code.get(i + 1..i + 1 + len).ok_or(Corrupt)?;
                    out.push_str(std::str::from_utf8(bytes).map_err(|_| Corrupt)?);
                    i += 1 + len;
                    continue;
                }
                _ => return Err(Corrupt),
            };
            out.push(*self.chars.get(rank).ok_or(Corrupt)?);
            i += used;
        }
        Ok(out)
    }
}

impl Coder {
    /// Appends `s` in this alphabet: the length of its code, then the code.
    pub(super) fn put_str(&self, out: &mut Vec<u8>, s: &str) {
        let mut code = Vec::with_capacity(s.len());
        for c in s.chars() {
            match self.rank.get(&c).map(|&r| r as usize) {
                Some(r) if r < ONE_BYTE => code.push(r as u8),
                Some(r) => {
                    let r = r - ONE_BYTE;
                    code.extend([(ONE_BYTE + (r >> 8)) as u8, r as u8]);
                }
                None => {
                    code.push(ESCAPE);
                    code.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        }
        put_varint(out, code.len() as u64);
        out.extend_from_slice(&code);
    }
}

/// Bytes of the UTF-8 character that starts with `lead` (0: not a lead).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(a: &Alphabet, s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        a.coder().put_str(&mut out, s);
        assert_eq!(a.str(&mut Reader::new(&out)).as_deref(), Ok(s));
        out
    }

    #[test]
    fn frequent_characters_take_one_byte_and_others_round_trip() {
        let a = Alphabet::of(["春风春风春，月", "春"].into_iter());
        assert_eq!(a, Alphabet::decode(&a.encode()).unwrap());
        // By count, then by code point.
        assert_eq!(a.encode(), "春风月，".as_bytes());
        // Length, then one byte a character.
        assert_eq!(round_trip(&a, "春风"), [2, 0, 1]);
        // Outside the alphabet: escaped UTF-8, any plane.
        assert_eq!(round_trip(&a, "雨"), [4, ESCAPE, 0xe9, 0x9b, 0xa8]);
        round_trip(&a, "a😀\u{0}\u{10ffff}月");
        round_trip(&Alphabet::default(), "空的字母表");
    }

    #[test]
    fn ranks_past_one_byte_take_two() {
        let text: String = (0..ALPHABET_MAX as u32 + 10)
            .filter_map(|i| char::from_u32(0x4e00 + i))
            .collect();
        let a = Alphabet::of([text.as_str()].into_iter());
        assert_eq!(a.chars.len(), ALPHABET_MAX);
        let last = a.chars[ALPHABET_MAX - 1];
        let lead = (ONE_BYTE + TWO_BYTE_LEADS - 1) as u8;
        assert_eq!(round_trip(&a, &last.to_string()), [2, lead, 255]);
        round_trip(&a, &text);
    }

    #[test]
    fn damaged_codes_and_alphabets_are_refused() {
        let a = Alphabet::of(["ab"].into_iter());
        for bad in [
            &[1, 5][..],          // rank past the alphabet
            &[1, ONE_BYTE as u8], // two-byte code cut short
            &[1, (ONE_BYTE + TWO_BYTE_LEADS) as u8],
            &[1, ESCAPE],
            &[2, ESCAPE, 0x80], // not a UTF-8 lead
            &[3, ESCAPE, 0xe9, 0x9b],
            &[3, 0], // length past the end
        ] {
            assert_eq!(a.str(&mut Reader::new(bad)), Err(Corrupt), "{bad:?}");
        }
        assert_eq!(Alphabet::decode(&[0xff]), Err(Corrupt));
        let long = "字".repeat(ALPHABET_MAX + 1);
        assert_eq!(Alphabet::decode(long.as_bytes()), Err(Corrupt));
    }
}
