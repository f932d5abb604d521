// Bundle sizes of dist/: raw, gzip -9 and brotli q11 per file and in total.
// `node bench/sizes.mjs` prints the table; tests/e2e/size.test.mjs holds the
// budget. Shared by both so they measure the same files the same way.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const DIST = resolve(fileURLToPath(import.meta.url), '../../dist');
/** What a page downloads to show a reader on the lean wasm (a `src` or
 * inline reader; the standalone page adds index.html). */
export const BUNDLE = ['article-reader-wasm_bg.wasm', 'article-reader-wasm.js', 'article-reader.js', 'article-reader.css'];
/** What a page downloads instead when it needs the full wasm (hydrating a
 * server-rendered reader, site search): js/lib/boot.js. */
export const FULL_BUNDLE = ['article-reader-full_bg.wasm', 'article-reader-full.js', 'article-reader.js', 'article-reader.css'];

export function measure(files = BUNDLE) {
  const rows = files.map((name) => {
    const bytes = readFileSync(join(DIST, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { name: 'total', raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  for (const [what, files] of [['lean (default)', BUNDLE], ['full (hydration, site search)', FULL_BUNDLE]]) {
    const { rows, total } = measure(files);
    console.log(`${what.padEnd(30)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
    for (const r of [...rows, total]) console.log(`${r.name.padEnd(30)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  }
}
