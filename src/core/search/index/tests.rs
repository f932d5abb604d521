//! Unit tests of the character index.

use super::*;

fn build(fields: &[&str]) -> CharIndex {
    let mut b = Builder::new(false, 0);
    for f in fields {
        b.push_field(f);
    }
    b.finish()
}

fn all(ix: &CharIndex, term: &str) -> Vec<u32> {
    let mut out = Vec::new();
    if let Some(p) = ix.plan(term) {
        ix.run(&p, 0..ix.len(), |x| {
            out.push(x);
            true
        });
    }
    out
}

#[test]
fn finds_every_offset() {
    // Normalised: "哈哈哈 ab𠮷𠮷\na哈\n".
    let ix = build(&["哈哈哈 ab𠮷𠮷", "Ａ哈"]);
    assert_eq!(ix.len(), 26);
    assert_eq!(all(&ix, "哈"), [0, 3, 6, 22]);
    assert_eq!(all(&ix, "哈哈"), [0, 3]);
    assert_eq!(all(&ix, "哈哈哈"), [0]);
    assert_eq!(all(&ix, "哈 a"), [6]);
    assert_eq!(all(&ix, "𠮷𠮷"), [12]);
    assert_eq!(all(&ix, "b𠮷"), [11]);
    assert_eq!(all(&ix, "a哈"), [21]);
    assert!(all(&ix, "𠮷a").is_empty());
    assert!(all(&ix, "𠮷\na").is_empty());
    assert!(all(&ix, "x").is_empty());
}

#[test]
fn radix_sorts() {
    let mut v = vec![5u64 << 40, 3, u64::MAX, 0, 1 << 20, 3, 77 << 32];
    let mut w = v.clone();
    w.sort_unstable();
    radix_sort(&mut v);
    assert_eq!(v, w);
}

#[test]
fn gallops() {
    let l = [1, 3, 5, 7, 9, 11, 13];
    assert_eq!(gallop(&l, 0, 0), 0);
    assert_eq!(gallop(&l, 0, 6), 3);
    assert_eq!(gallop(&l, 2, 13), 6);
    assert_eq!(gallop(&l, 2, 14), 7);
}
