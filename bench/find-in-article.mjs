// Find in article, keystroke to highlights: types queries into the reader's
// search box and times from the input event until the new marks are in the
// DOM and laid out (and, second figure, until the next frame starts, which
// adds the wait for vsync), on the seed article and on a generated 1 MB
// article, in headless Chromium.
//   node bench/find-in-article.mjs
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** About `bytes` of native-format article built from the seed's paragraphs. */
async function bigArticle(bytes) {
  const seed = JSON.parse(await readFile(join(ROOT, 'content/seed-article.json'), 'utf8'));
  const paras = seed.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  const blocks = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = i % 25 === 0
      ? { type: 'heading', text: `第${i / 25 + 1}部分 ${paras[i % paras.length].slice(0, 12)}` }
      : { type: 'paragraph', text: `${paras[i % paras.length]}(${i})` };
    size += Buffer.byteLength(JSON.stringify(block));
    blocks.push(block);
  }
  return JSON.stringify({ ...seed, id: 'big', title: `${seed.title}(1 MB 测试稿)`, blocks });
}

async function serve(big) {
  const { origin, close } = await serveStatic({ mounts: [['/', join(ROOT, 'dist')]], routes: { '/big.json': big } });
  return { url: origin, close };
}

/** In the page: set the query, fire `input`, resolve at the next frame after the status changes. */
const TYPE = (query) => new Promise((done) => {
  const root = document.querySelector('article-reader').shadowRoot;
  const box = root.querySelector('input[type=search]');
  const status = root.querySelector('.ar-search-status');
  const before = status.textContent;
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (status.textContent === before) return;
    obs.disconnect();
    const inDom = performance.now() - t0;
    // Style and layout of the new marks, forced now: the work the keystroke
    // costs. The frame callback adds the wait for the next vsync.
    root.querySelector('mark[aria-current]')?.getBoundingClientRect();
    const laidOut = performance.now() - t0;
    requestAnimationFrame(() => done({ ms: laidOut, dom: inDom, frame: performance.now() - t0, marks: root.querySelectorAll('mark').length }));
  });
  obs.observe(status, { childList: true, characterData: true, subtree: true });
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
});

const QUERIES = ['干', '干部', '干部作', '干部作风', '作风能力', '高质量发展', 'APP', '2024年', '1.4万', '形式主义'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const big = await bigArticle(1_000_000);
const server = await serve(big);
const browser = await launch();
try {
  for (const [name, path] of [['seed article', '/'], [`1 MB article (${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB JSON)`, '/?src=/big.json']]) {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url + path);
    await page.locator('article h1').waitFor({ timeout: 30000 });
    const times = [];
    const frames = [];
    const doms = [];
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        const r = await page.evaluate(TYPE, q);
        times.push(r.ms);
        frames.push(r.frame);
        doms.push(r.dom);
        await page.evaluate(TYPE, ''); // clear between queries
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} keystroke → marks laid out: median ${median(times).toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms (in the DOM: ${median(doms).toFixed(1)} ms); → next frame: median ${median(frames).toFixed(1)} ms (${times.length} queries)`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
