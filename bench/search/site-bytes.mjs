#!/usr/bin/env node
// Where the bytes of a site index go (prints a table; not a test): walks
// every posting file of every segment of an index directory (the file
// layout of src/core/search/site/build.rs: a varint count of keys, then per
// key its gap from the previous key, the byte length of its list and the
// list) and sums, as stored (gzipped), the key headers, the lists of
// pairs and of single characters (in the files or apart in b/), the packs
// of stored copies, the alphabet they are written in (a.bin) and ids.json. The bit-packed lists themselves are not
// decoded here: their one definition is src/core/search/site/postings.rs.
//
//   node bench/search/site-bytes.mjs INDEX_DIR [TEXT_BYTES]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: site-bytes.mjs INDEX_DIR [TEXT_BYTES]');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
/** Keys of single characters are multiples of this (src/core/search/site/codec.rs). */
const SPAN = 0x110001;
const sizeOf = (p) => statSync(p).size;

/** Raw bytes of each part; scaled to the gzipped size of their file below. */
const parts = { 'key headers': 0, 'pair lists': 0, 'character lists': 0, 'lists apart (b/)': 0, 'stored copies (d/)': 0, 'alphabet (a.bin)': 0, 'ids.json': 0 };
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
    let [n, pos] = varint(bytes, 0);
    let headers = pos; let key = 0;
    for (let i = 0; i < n; i++) {
      const [gap, g] = varint(bytes, pos);
      const [len, l] = varint(bytes, pos + g);
      key += gap; pos += g + l; headers += g + l; count.keys++;
      if (len === 0) count.apart++;
      parts[key % SPAN === 0 ? 'character lists' : 'pair lists'] += len * scale;
      pos += len;
    }
    parts['key headers'] += headers * scale;
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
