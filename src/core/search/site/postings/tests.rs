//! The posting lists' coding: round trips, damaged bytes, and how matches
//! are counted.

use super::*;

#[test]
fn pair_lists_round_trip_every_zone() {
    let entries: Entries<Vec<Pos>> = vec![
        (3, vec![Pos::title(0), Pos::title(9), Pos::rest(0, false)]),
        (4, vec![Pos::rest(5, true), Pos::rest(40, false)]),
        (900, vec![Pos::rest(70_000, false)]),
    ];
    let bytes = encode_pairs(&entries);
    assert_eq!(decode_pairs(&bytes), Ok(entries));
    assert_eq!(decode_pairs(&[]), Ok(Vec::new()));
    assert_eq!(decode_pairs(&bytes[..bytes.len() - 2]), Err(Corrupt));
}

#[test]
fn char_lists_round_trip() {
    let mut a = Acc::new(0);
    (a.title, a.body, a.first_body) = (1, 2, 33);
    let mut b = Acc::new(0);
    b.title = 2;
    let entries = vec![(0, a), (7, b)];
    let back = decode_chars(&encode_chars(&entries)).unwrap();
    let seen: Vec<_> = back
        .iter()
        .map(|(d, a)| (*d, a.title, a.heads, a.body, a.first_body))
        .collect();
    assert_eq!(seen, [(0, 1, 0, 2, 33), (7, 2, 0, 0, 0)]);
}

#[test]
fn overlapping_matches_count_once_and_spaces_stay_apart() {
    // "aaa" in the title, "aa" at 0 and 1 in a heading, at 5 in the body.
    let starts = [
        Pos::title(0),
        Pos::title(1),
        Pos::rest(0, true),
        Pos::rest(1, true),
        Pos::rest(5, false),
    ];
    let acc = count_matches(&starts, 2);
    assert_eq!(
        (acc.title, acc.heads, acc.body, acc.first_body),
        (1, 1, 1, 0)
    );
    assert_eq!(Pos::rest(5, true).moved(-5), Some(Pos::rest(0, true)));
    assert_eq!(Pos::title(2).moved(-3), None);
    assert!(Pos::title(MAX_OFFSET - 1) < Pos::rest(0, false));
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
            docs in proptest::collection::btree_map(0u32..400_000, places(), 0..40)
        ) {
            let entries: Entries<Vec<Pos>> = docs.into_iter().collect();
            prop_assert_eq!(decode_pairs(&encode_pairs(&entries)), Ok(entries));
        }

        #[test]
        fn any_bytes_decode_to_a_list_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            // No panic, no endless loop, and what decodes is bounded by the bytes.
            if let Ok(e) = decode_pairs(&bytes) {
                prop_assert!(e.len() <= bytes.len() * 8);
            }
            if let Ok(e) = decode_chars(&bytes) {
                prop_assert!(e.len() <= bytes.len() * 8);
            }
        }
    }
}
