//! The posting lists' coding: round trips and damaged bytes.
//! are counted.

use super::*;

#[test]
fn pair_lists_round_trip_every_zone() {
    let entries: Entries<Vec<Pos>> = vec![
        (3, vec![Pos::title(0), Pos::title(9), Pos::rest(0, false)]),
        (4, vec![Pos::rest(5, true), Pos::rest(40, false)]),
        (900, vec![Pos::rest(70_000, false)]),
    ];
    let bytes = encode_pairs(&entries, 1000);
    assert_eq!(decode_pairs(&bytes, 1000), Ok(entries));
    assert_eq!(decode_pairs(&[], 1000), Ok(Vec::new()));
    assert_eq!(decode_pairs(&bytes[..bytes.len() - 2], 1000), Err(Corrupt));
    // A document past the segment's last is damage.
    assert_eq!(decode_pairs(&bytes, 900), Err(Corrupt));
}

#[test]
fn long_lists_carry_their_parameters_and_short_ones_do_not() {
    // Documents spread over the segment, as a short list's gaps are
    // assumed to be.
    let list = |n: u32| -> Entries<Vec<Pos>> {
        (0..n)
            .map(|d| (d * 1_000_000 / (n + 1), vec![Pos::rest(d % 7, false)]))
            .collect()
    };
    let short = list(SMALL_LIST as u32);
    let long = list(SMALL_LIST as u32 + 1);
    for entries in [&short, &long] {
        assert_eq!(
            decode_pairs(&encode_pairs(entries, 1_000_000), 1_000_000).as_ref(),
            Ok(entries)
        );
    }
    // One more document costs its gap and place (about 20 bits), the long
    // list's two parameters 10 more.
    let (a, b) = (
        encode_pairs(&short, 1_000_000),
        encode_pairs(&long, 1_000_000),
    );
    assert!(b.len() >= a.len() + 3, "{} vs {}", a.len(), b.len());
}

#[test]
fn char_lists_round_trip() {
    let mut a = Acc::new(0);
    (a.title, a.body, a.first_body) = (1, 2, 33);
    let mut b = Acc::new(0);
    b.title = 2;
    let mut c = Acc::new(0);
    (c.heads, c.first_body) = (1, 0);
    let entries = vec![(0, a), (7, b), (8, c)];
    let back = decode_chars(&encode_chars(&entries, 10), 10).unwrap();
    let seen: Vec<_> = back
        .iter()
        .map(|(d, a)| (*d, a.title, a.heads, a.body, a.first_body))
        .collect();
    // The first match after the title is kept by its octave: 33 as 32.
    assert_eq!(seen, [(0, 1, 0, 2, 32), (7, 2, 0, 0, 0), (8, 0, 1, 0, 0)]);
}

/// Property tests (proptest is a native-only dev-dependency).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Places of one document as the builder makes them: ascending, title
    /// first, distinct.
    fn places() -> impl Strategy<Value = Vec<Pos>> {
        proptest::collection::btree_set((any::<bool>(), any::<bool>(), 0u32..5000), 1..6).prop_map(
            |set| {
                let mut v: Vec<Pos> = set
                    .into_iter()
                    .map(|(t, h, at)| if t { Pos::title(at) } else { Pos::rest(at, h) })
                    .collect();
                v.sort();
                v.dedup_by_key(|p| (p.in_title(), p.at()));
                v
            },
        )
    }

    proptest! {
        #[test]
        fn any_pair_list_round_trips(
            docs in proptest::collection::btree_map(0u32..400_000, places(), 0..40),
            spare in 1u32..1_000_000,
        ) {
            let entries: Entries<Vec<Pos>> = docs.into_iter().collect();
            let segment = entries.last().map_or(0, |e| e.0) + spare;
            prop_assert_eq!(decode_pairs(&encode_pairs(&entries, segment), segment), Ok(entries));
        }

        #[test]
        fn any_char_list_round_trips_with_first_matches_by_octave(
            docs in proptest::collection::btree_map(
                0u32..400_000,
                (0u32..3, 0u32..3, 0u32..5, 0u32..MAX_OFFSET),
                0..40,
            ),
        ) {
            let entries: Entries<Acc> = docs
                .into_iter()
                .map(|(d, (title, heads, body, first))| {
                    let mut a = Acc::new(0);
                    (a.title, a.heads, a.body) = (title, heads, body);
                    a.first_body = if heads + body > 0 { first } else { 0 };
                    (d, a)
                })
                .collect();
            let back = decode_chars(&encode_chars(&entries, 400_000), 400_000).unwrap();
            prop_assert_eq!(back.len(), entries.len());
            for ((d, a), (e, b)) in entries.iter().zip(&back) {
                prop_assert_eq!((d, a.title, a.heads, a.body), (e, b.title, b.heads, b.body));
                prop_assert_eq!(b.first_body, octave_start(octave(a.first_body)));
            }
        }

        #[test]
        fn any_bytes_decode_to_a_list_or_an_error(
            bytes in proptest::collection::vec(any::<u8>(), 0..64),
            segment in 1u32..1_000_000,
        ) {
            // No panic, no endless loop, and what decodes is bounded by the bytes.
            if let Ok(e) = decode_pairs(&bytes, segment) {
                prop_assert!(e.len() <= bytes.len() * 8);
                prop_assert!(e.iter().all(|(d, _)| *d < segment));
            }
            if let Ok(e) = decode_chars(&bytes, segment) {
                prop_assert!(e.len() <= bytes.len() * 8);
            }
        }
    }
}
