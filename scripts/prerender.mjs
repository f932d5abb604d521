// Trunk post-build hook: prerenders the standalone page's seed article into
// index.html as a declarative shadow root, so the title and first screen
// paint as fast as a static page. The markup is the real widget's own DOM,
// rendered by the built wasm in headless Chromium, so it cannot drift from
// what the app renders; the app replaces it once it has mounted.
//   TRUNK_STAGING_DIR=dist node scripts/prerender.mjs
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from './static-server.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

// First what every build needs, prerendered or not: the shipped JS and CSS
// bundled and minified (so the prerender runs, and thereby checks, exactly what
// ships), and Trunk's leftover (empty) rust link gone from index.html.
const { bundleDist } = await import('./bundle.mjs');
await bundleDist(dir);
const indexPath = join(dir, 'index.html');
let html = (await readFile(indexPath, 'utf8')).replace(/\s*<link data-trunk rel="rust"[^>]*>/, '');
await writeFile(indexPath, html);
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const MARKER = '<article-reader standalone></article-reader>';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  chromium = null;
}
if (!chromium || !existsSync(chromiumPath)) {
  console.warn('prerender: skipped (needs playwright-core and Chromium; run scripts/setup.sh)');
  process.exit(0);
}

if (!html.includes(MARKER)) {
  console.warn('prerender: skipped (no empty standalone element in index.html)');
  process.exit(0);
}

const server = await serveStatic({ mounts: [['/', resolve(dir)]] });
const { origin } = server;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.querySelector('article-reader')?.shadowRoot?.querySelector('h1'));
  const shadow = await page.evaluate(() => {
    const root = document.querySelector('article-reader').shadowRoot;
    root.querySelector('.ar-host')?.classList.add('ar-prerendered');
    return root.getHTML();
  });
  const markup = shadow.split(`${origin}/`).join('');
  html = html.replace(MARKER,
    `<article-reader standalone><template shadowrootmode="open">${markup}</template></article-reader>`);
  await writeFile(indexPath, html);
  console.log(`prerender: seed article written into ${indexPath} (${markup.length} bytes)`);
} finally {
  await browser.close();
  server.close();
}
