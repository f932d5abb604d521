#!/usr/bin/env node
// Where the bytes of a site index go (prints a table; not a test): walks
// every posting file of every segment of an index directory (the layout of
// src/core/search/site/directory.rs: the numbers of near and far keys as
// varints, then bit-packed three 6-bit Rice parameters and per key the
// Rice-coded gap of its place and the byte length of its list; the lists
// from the next whole byte) and sums, as stored (gzipped), the key
// directories, the lists in the posting files and apart in b/, the packs
// of stored copies, the alphabet they are written in (a.bin) and ids.json.
// The bit-packed lists themselves are not decoded here: their one
// definition is src/core/search/site/postings.rs.
//
//   node bench/search/site-bytes.mjs INDEX_DIR [TEXT_BYTES]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: site-bytes.mjs INDEX_DIR [TEXT_BYTES]');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const sizeOf = (p) => statSync(p).size;

/** Raw bytes of each part; scaled to the gzipped size of their file below. */
const parts = { 'key directories': 0, 'lists in posting files': 0, 'lists apart (b/)': 0, 'stored copies (d/)': 0, 'alphabet (a.bin)': 0, 'ids.json': 0 };
const count = { keys: 0, apart: 0 };

function varint(bytes, pos) {
  let v = 0; let mul = 1; const start = pos;
  for (;;) {
    const b = bytes[pos++];
    v += (b & 0x7f) * mul;
    if (!(b & 0x80)) return [v, pos - start];
    mul *= 128;
  }
}

for (const seg of manifest.segments) {
  const base = join(dir, seg.dir);
  for (const f of readdirSync(join(base, 'p'))) {
    const stored = sizeOf(join(base, 'p', f));
    const bytes = gunzipSync(readFileSync(join(base, 'p', f)));
    // Share the file's gzipped size out in proportion to raw bytes.
    const scale = stored / bytes.length;
    const [near, a] = varint(bytes, 0);
    const [far, b] = varint(bytes, a);
    let bit = (a + b) * 8;
    const read = (n) => {
      let v = 0;
      for (let i = 0; i < n; i++, bit++) v = v * 2 + ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1);
      return v;
    };
    const rice = (k) => {
      let q = 0;
      while (read(1) === 1) q++;
      return q * 2 ** k + read(k);
    };
    const k = [read(6), read(6), read(6)];
    let lists = 0;
    for (let i = 0; i < near + far; i++) {
      rice(i < near ? k[0] : k[1]);
      const len = rice(k[2]);
      count.keys++;
      if (len === 0) count.apart++;
      lists += len;
    }
    const directory = Math.ceil(bit / 8);
    if (directory + lists !== bytes.length) throw new Error(`${f}: not a format 6 posting file`);
    parts['key directories'] += directory * scale;
    parts['lists in posting files'] += lists * scale;
  }
  for (const f of readdirSync(join(base, 'b'), { withFileTypes: true })) parts['lists apart (b/)'] += sizeOf(join(base, 'b', f.name));
  for (const f of readdirSync(join(base, 'd'))) parts['stored copies (d/)'] += sizeOf(join(base, 'd', f));
  parts['alphabet (a.bin)'] += sizeOf(join(base, 'a.bin'));
  parts['ids.json'] += sizeOf(join(base, 'ids.json'));
}
const text = Number(process.argv[3] ?? 0);
const total = Object.values(parts).reduce((a, b) => a + b, 0) + sizeOf(join(dir, 'manifest.json'));
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`index ${mb(total)}${text ? ` (${(total / text).toFixed(2)}× the text)` : ''}; ${count.keys} keys, ${count.apart} lists apart\n`);
console.log(`| part | bytes (gzipped) | share${text ? ' | × text' : ''} |`);
console.log(`| --- | --- | ---${text ? ' | ---' : ''} |`);
for (const [k, v] of Object.entries(parts)) {
  console.log(`| ${k} | ${mb(v)} | ${((100 * v) / total).toFixed(0)}%${text ? ` | ${(v / text).toFixed(2)}` : ''} |`);
}
