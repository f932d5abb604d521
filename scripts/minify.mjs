// Minifies the JS and CSS that ship in dist/ (run from the Trunk post-build
// hook, before the prerender). Our sources and wasm-bindgen's glue are
// written to be read: their comments and indentation were 4.4 KB of the
// 157 KB brotli bundle. esbuild only strips and renames locals here; the
// syntax stays as written (targets below are the README's browsers).
//   node scripts/minify.mjs [dir=dist]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const FILES = [
  ['article-reader.js', 'js'],
  ['article-reader-wasm.js', 'js'],
  ['standalone.js', 'js'],
  ['standalone-early.js', 'js'],
  ['article-reader.css', 'css'],
  ['page.css', 'css'],
];
const TARGET = ['chrome90', 'edge90', 'firefox90', 'safari15'];

/** Minifies the shipped files of `dir` in place, printing each one's sizes. */
export async function minifyDist(dir) {
  for (const [name, loader] of FILES) {
    const path = join(dir, name);
    const code = await readFile(path, 'utf8');
    const out = await transform(code, { loader, minify: true, target: TARGET, legalComments: 'none', charset: 'utf8' });
    await writeFile(path, out.code);
    console.log(`minify: ${name} ${code.length} -> ${out.code.length} bytes`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await minifyDist(process.argv[2] ?? 'dist');
}
