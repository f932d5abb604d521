#!/usr/bin/env node
// Generates the WHATWG named character reference tables under
// src/core/entities/:
//
//   entities.bin  the whole table (2,231 entries: 2,125 names written with
//                 `;`, 106 of which the standard also recognises without
//                 it, the "legacy" forms). Compiled into native builds; the
//                 wasm build loads it on demand.
//   common.bin    the subset always compiled in: every legacy name (so the
//                 no-`;` forms behave per the standard even before the
//                 whole table is loaded) and the COMMON names below.
//
// Both are made from the maps
// of the npm package `entities` 2.x (BSD-2-Clause), which carries the
// standard's list as JSON:
//
//   lib/maps/entities.json  name -> text, for every name written with `;`
//   lib/maps/legacy.json    name -> text, the names also valid without `;`
//
// It is not a dependency (later `entities` versions ship the list only as
// a compiled trie); fetch it once with the ordinary client:
//
//   npm pack entities@2.2.0 && tar xzf entities-2.2.0.tgz
//   node scripts/gen_entities.mjs package/lib/maps
//
// Output format (read by src/core/entities/table.rs): entries sorted by name
// (byte order), each `name` `marker` `text` NUL, where `marker` is `!` for a
// legacy name and `;` otherwise. Names are ASCII letters and digits, so the
// first other byte ends a name; no text contains NUL.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'src', 'core', 'entities');

// Names written with `;` that articles use often (typography, spacing), and
// the punctuation names used to smuggle `javascript:` past naive filters,
// so the URL policy sees what a browser would see even without the table.
const COMMON = `apos hellip mdash ndash lsquo rsquo sbquo ldquo rdquo bdquo bull
  middot trade euro ensp emsp thinsp hairsp zwj zwnj lrm rlm dagger Dagger
  permil prime Prime lsaquo rsaquo larr rarr uarr darr harr minus le ge ne
  infin hearts colon Tab NewLine lpar rpar sol bsol num excl period comma
  semi equals quest commat percnt lowbar`.split(/\s+/);
const maps = process.argv[2];
if (!maps) throw new Error('usage: node scripts/gen_entities.mjs <entities-2.x>/lib/maps');

const named = JSON.parse(readFileSync(join(maps, 'entities.json'), 'utf8'));
const legacy = JSON.parse(readFileSync(join(maps, 'legacy.json'), 'utf8'));
for (const [name, text] of Object.entries(legacy)) {
  if (named[name] !== text) throw new Error(`legacy ${name} is not in the table with the same text`);
}
const encode = (names) => Buffer.concat(names.map((name) => {
  if (!/^[A-Za-z0-9]+$/.test(name)) throw new Error(`unexpected name ${name}`);
  const text = named[name];
  if (!text || text.includes('\0')) throw new Error(`unexpected text for ${name}`);
  return Buffer.from(`${name}${name in legacy ? '!' : ';'}${text}\0`, 'utf8');
}));
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const all = Object.keys(named).sort(byName);
const common = [...new Set([...Object.keys(legacy), ...COMMON])].sort(byName);
for (const n of COMMON) if (!(n in named)) throw new Error(`COMMON name ${n} is not in the table`);
for (const [file, names] of [['entities.bin', all], ['common.bin', common]]) {
  const out = encode(names);
  writeFileSync(join(DIR, file), out);
  console.log(`${file}: ${names.length} names (${names.filter((n) => n in legacy).length} also `
    + `without ';'), ${out.length} bytes, ${brotliCompressSync(out).length} brotli`);
}
