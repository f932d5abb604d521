#!/usr/bin/env node
// Where the bytes of a site index go (prints a table; not a test): decodes
// every posting file of every segment of an index directory (the format of
// src/core/search/site/build.rs) and sums its bytes by part — key headers,
// document gaps, document shapes, offsets, single-character scores — beside
// the stored copies and ids.
//
//   node bench/search/site-bytes.mjs INDEX_DIR [TEXT_BYTES]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: site-bytes.mjs INDEX_DIR');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const SPAN = 0x110001;
const parts = { 'key headers': 0, 'document gaps': 0, shapes: 0, offsets: 0, 'single-character scores': 0 };
const count = { pairs: 0, singles: 0 };

/** A reader of LEB128 varints that says how many bytes each took. */
function reader(bytes) {
  let pos = 0;
  return {
    get done() { return pos >= bytes.length; },
    get pos() { return pos; },
    seek(p) { pos = p; },
    next() {
      let v = 0; let mul = 1; const start = pos;
      for (;;) {
        const b = bytes[pos++];
        v += (b & 0x7f) * mul;
        if (!(b & 0x80)) return [v, pos - start];
        mul *= 128;
      }
    },
  };
}

function list(bytes, single) {
  const r = reader(bytes);
  while (!r.done) {
    parts['document gaps'] += r.next()[1];
    if (single) {
      parts['single-character scores'] += r.next()[1];
      count.singles++;
      continue;
    }
    count.pairs++;
    // The shape as Shape::encode writes it: the title's end (its low bit
    // says headings follow, from format 2 on), the texts' length, then
    // the headings.
    const v2 = manifest.version >= 2;
    const [body, a] = r.next();
    const [, b] = r.next();
    let shape = a + b;
    let heads;
    if (v2) heads = body & 1 ? r.next() : [0, 0];
    else heads = r.next();
    shape += heads[1];
    for (let h = 0; h < heads[0]; h++) shape += r.next()[1] + r.next()[1];
    parts.shapes += shape;
    for (;;) {
      const [v, n] = r.next();
      parts.offsets += n;
      if (!(v & 1)) break;
    }
  }
}

const files = { postings: 0, apart: 0, stored: 0, ids: 0 };
const sizeOf = (p) => statSync(p).size;
for (const seg of manifest.segments) {
  const base = join(dir, seg.dir);
  for (const f of readdirSync(join(base, 'p'))) {
    const bytes = gunzipSync(readFileSync(join(base, 'p', f)));
    files.postings += bytes.length;
    const r = reader(bytes);
    const [n, nb] = r.next();
    parts['key headers'] += nb;
    let key = 0;
    for (let i = 0; i < n; i++) {
      const [gap, g] = r.next();
      key += gap;
      const [len, l] = r.next();
      parts['key headers'] += g + l;
      const single = key % SPAN === 0;
      if (len === 0) {
        const apart = gunzipSync(readFileSync(join(base, 'b', `${key}.bin`)));
        files.apart += apart.length;
        list(apart, single);
      } else {
        list(bytes.subarray(r.pos, r.pos + len), single);
        r.seek(r.pos + len);
      }
    }
  }
  // Format 4: packs d/<n>.bin; before it, one file per document in d/<k>/.
  for (const sub of readdirSync(join(base, 'd'))) {
    const p = join(base, 'd', sub);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) files.stored += sizeOf(join(p, f));
    else files.stored += sizeOf(p);
  }
  files.ids += sizeOf(join(base, 'ids.json'));
}
const text = Number(process.argv[3] ?? 0);
const total = Object.values(files).reduce((a, b) => a + b, 0) + sizeOf(join(dir, 'manifest.json'));
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const share = (n) => `${((100 * n) / total).toFixed(0)}%`;
console.log(`index ${mb(total)}${text ? ` (${(total / text).toFixed(1)}× the text)` : ''}; ${count.pairs} pair entries, ${count.singles} single-character entries\n`);
console.log('| part | bytes | share |');
console.log('| --- | --- | --- |');
for (const [k, v] of Object.entries(parts)) console.log(`| postings: ${k} | ${mb(v)} | ${share(v)} |`);
console.log(`| stored copies (d/, gzipped) | ${mb(files.stored)} | ${share(files.stored)} |`);
console.log(`| ids.json | ${mb(files.ids)} | ${share(files.ids)} |`);
