// Trunk post-build hook: builds the full wasm beside Trunk's lean one
// (scripts/full-wasm.mjs), bundles the shipped JS and CSS, then server-renders
// the seed article with the native renderer (`article-reader render`, Yew's
// own SSR of the same components the wasm runs), so building needs no
// browser:
//   - dist/index.html: the standalone page (`render --page`); the wasm
//     hydrates its reader in place after the first paint;
//   - dist/demo/portal-rendered.html: demo/portal.html with the embed
//     fragment (`render --fragment`) in place of `<article-reader src>`.
//   TRUNK_STAGING_DIR=dist node scripts/prerender.mjs
// AR_RENDER_BIN: a built `article-reader` to use instead of `cargo run`.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const SEED = join(root, 'content/seed-article.json');

const { buildFullWasm } = await import('./full-wasm.mjs');
buildFullWasm(dir);
const { bundleDist } = await import('./bundle.mjs');
await bundleDist(dir);

/** `article-reader render …args`: the HTML it prints. Trunk runs this hook
 * after its own cargo build, so a native build here does not contend. */
function render(...args) {
  const [cmd, pre] = process.env.AR_RENDER_BIN
    ? [process.env.AR_RENDER_BIN, []]
    : ['cargo', ['run', '--quiet', '--bin', 'article-reader', '--']];
  // Trunk's environment points cargo at its wasm build; the renderer is native.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('CARGO_BUILD_TARGET')) delete env[k];
  return execFileSync(cmd, [...pre, 'render', SEED, ...args], { cwd: root, env, maxBuffer: 64 << 20 }).toString();
}

const page = render('--page');
await writeFile(join(dir, 'index.html'), page);
console.log(`prerender: ${join(dir, 'index.html')} server-rendered (${page.length} bytes)`);

const PORTAL_READER = '<article-reader id="reader" src="../seed-article.json"></article-reader>';
const portal = await readFile(join(root, 'demo/portal.html'), 'utf8');
if (portal.includes(PORTAL_READER)) {
  const fragment = render('--fragment', '--base', '../').replace('<article-reader ', '<article-reader id="reader" ');
  // The early script goes right before the reader (README, "Server
  // rendering"): in the <head>, a parser-blocking script held the first
  // paint of the whole body back (bench/first-render.mjs).
  const withFragment = portal.replace(PORTAL_READER, `<script src="../article-reader-early.js"></script>${fragment}`);
  await writeFile(join(dir, 'demo/portal-rendered.html'), withFragment);
  console.log(`prerender: ${join(dir, 'demo/portal-rendered.html')} with the server-rendered fragment`);
}
