//! Bit-packed numbers for posting lists: Rice codes (a quotient in unary,
//! then `k` low bits) for document gaps and offsets, whose sizes follow a
//! geometric law well, and Elias gamma codes for small counts. Varints
//! spend at least a byte a number and gzip wins little back on them;
//! these codes spend a few bits on the small ones that make up most of a
//! list. Written most significant bit first; read with bounds checks, since
//! the files come over the network.

use super::codec::Corrupt;

/// Longest unary run a reader accepts: a larger quotient is damage, not
/// data (no gap or offset of a real index comes near it).
const MAX_UNARY: u64 = 1 << 24;

/// Appends bits to a byte vector.
#[derive(Default)]
pub(super) struct BitWriter {
    out: Vec<u8>,
    /// Bits not yet in `out`, the first in the highest place used.
    acc: u64,
    /// How many bits `acc` holds (fewer than 8 between calls).
    pending: u32,
}

impl BitWriter {
    pub(super) fn bit(&mut self, b: bool) {
        self.bits(u64::from(b), 1);
    }

    /// The low `n` bits of `v` (at most 56), highest first.
    pub(super) fn bits(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 56);
        if n == 0 {
            return;
        }
        self.acc = self.acc << n | (v & ((1 << n) - 1));
        self.pending += n;
        while self.pending >= 8 {
            self.pending -= 8;
            self.out.push((self.acc >> self.pending) as u8);
        }
    }

    /// `v` Rice-coded with parameter `k`.
    pub(super) fn rice(&mut self, v: u64, k: u32) {
        let mut q = v >> k;
        while q >= 32 {
            self.bits(u64::MAX, 32);
            q -= 32;
        }
        self.bits((1 << (q + 1)) - 2, q as u32 + 1);
        self.bits(v, k);
    }

    /// `v ≥ 1` Elias-gamma-coded.
    pub(super) fn gamma(&mut self, v: u64) {
        debug_assert!(v >= 1);
        let n = 63 - v.leading_zeros();
        self.bits(0, n);
        self.bits(v, n + 1);
    }

    /// The bytes, the last one padded with zeros.
    pub(super) fn into_bytes(mut self) -> Vec<u8> {
        if self.pending > 0 {
            self.out.push((self.acc << (8 - self.pending)) as u8);
        }
        self.out
    }
}

/// The Rice parameter, at most `max` (what its field holds), that codes
/// `values` in the fewest bits. The best is within a step of log2 of the
/// mean, so only those are weighed.
pub(super) fn best_rice(values: impl Iterator<Item = u64> + Clone, max: u32) -> u32 {
    let (n, sum) = values
        .clone()
        .fold((0u64, 0u64), |(n, s), v| (n + 1, s.saturating_add(v)));
    let mean = sum / n.max(1);
    let guess = 63 - mean.max(1).leading_zeros();
    (guess.saturating_sub(2).min(max)..=(guess + 1).min(max))
        .min_by_key(|&k| {
            values
                .clone()
                .map(|v| (v >> k) + 1 + u64::from(k))
                .sum::<u64>()
        })
        .unwrap_or(0)
}

/// Reads what [`BitWriter`] wrote.
pub(super) struct BitReader<'a> {
    bytes: &'a [u8],
    /// Position in bits.
    at: usize,
}

impl<'a> BitReader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, at: 0 }
    }

    fn bit(&mut self) -> Result<bool, Corrupt> {
        Ok(self.bits(1)? == 1)
    }

    /// Whole bytes read so far (the last one partly read counts).
    pub(super) fn bytes_read(&self) -> usize {
        self.at.div_ceil(8)
    }

    /// Bits left to read.
    fn left(&self) -> usize {
        (self.bytes.len() * 8).saturating_sub(self.at)
    }

    /// The next 64 bits from the position (zeros past the end), without
    /// moving: decoding a long list a bit at a time was several times
    /// slower.
    fn window(&self) -> u64 {
        let i = self.at / 8;
        let w = match self.bytes.get(i..i + 8) {
            // Inside the list (nearly every read): eight bytes as they are.
            Some(eight) => u64::from_be_bytes(eight.try_into().expect("eight bytes")),
            None => {
                let mut w = [0u8; 8];
                let tail = self.bytes.get(i..).unwrap_or_default();
                w[..tail.len()].copy_from_slice(tail);
                u64::from_be_bytes(w)
            }
        };
        w << (self.at % 8)
    }

    pub(super) fn bits(&mut self, n: u32) -> Result<u64, Corrupt> {
        if n == 0 {
            return Ok(0);
        }
        if n > 56 || n as usize > self.left() {
            return Err(Corrupt);
        }
        let v = self.window() >> (64 - n);
        self.at += n as usize;
        Ok(v)
    }

    /// Ones before the next zero (which is read too).
    fn unary(&mut self) -> Result<u64, Corrupt> {
        let mut n = 0u64;
        loop {
            let valid = self.left().min(64 - self.at % 8) as u32;
            if valid == 0 {
                return Err(Corrupt);
            }
            let ones = self.window().leading_ones().min(valid);
            n += u64::from(ones);
            if ones < valid {
                self.at += ones as usize + 1;
                return Ok(n);
            }
            self.at += valid as usize;
            if n > MAX_UNARY {
                return Err(Corrupt);
            }
        }
    }

    pub(super) fn rice(&mut self, k: u32) -> Result<u64, Corrupt> {
        let q = self.unary()?;
        Ok(q << k | self.bits(k)?)
    }

    pub(super) fn gamma(&mut self) -> Result<u64, Corrupt> {
        let n = u32::try_from(self.unary_zeros()?).map_err(|_| Corrupt)?;
        Ok(1 << n | self.bits(n)?)
    }

    /// Zeros before the next one (which is read too).
    fn unary_zeros(&mut self) -> Result<u64, Corrupt> {
        let mut n = 0;
        while !self.bit()? {
            n += 1;
            if n > 63 {
                return Err(Corrupt);
            }
        }
        Ok(n)
    }

    /// A number that must fit a `u32`.
    pub(super) fn rice_u32(&mut self, k: u32) -> Result<u32, Corrupt> {
        u32::try_from(self.rice(k)?).map_err(|_| Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rice_and_gamma_round_trip_and_reject_truncation() {
        let values = [0u64, 1, 2, 7, 8, 300, 65_535, 1 << 20];
        let mut w = BitWriter::default();
        for (i, &v) in values.iter().enumerate() {
            w.rice(v, i as u32 % 9);
            w.gamma(v + 1);
        }
        w.bits(0b101, 3);
        let bytes = w.into_bytes();
        let mut r = BitReader::new(&bytes);
        for (i, &v) in values.iter().enumerate() {
            assert_eq!(r.rice(i as u32 % 9), Ok(v));
            assert_eq!(r.gamma(), Ok(v + 1));
        }
        assert_eq!(r.bits(3), Ok(0b101));
        let mut cut = BitReader::new(&bytes[..bytes.len() - 3]);
        let read_all = values
            .iter()
            .enumerate()
            .try_for_each(|(i, _)| cut.rice(i as u32 % 9).and(cut.gamma()).map(drop));
        assert_eq!(read_all, Err(Corrupt));
        // All ones: an endless quotient is refused, not looped on.
        assert_eq!(BitReader::new(&[0xff; 64]).rice(0), Err(Corrupt));
        assert_eq!(BitReader::new(&[0; 16]).gamma(), Err(Corrupt));
    }

    #[test]
    fn best_rice_suits_the_values() {
        assert_eq!(best_rice([0u64, 0, 1, 0].into_iter(), 31), 0);
        // Never past what its field holds, however large the values.
        assert_eq!(best_rice([u64::MAX, 1 << 50].into_iter(), 31), 31);
        let big = best_rice([1000u64, 1100, 900, 1050].into_iter(), 31);
        assert!((8..=10).contains(&big), "{big}");
    }
}
