// The two wasm builds (js/lib/boot.js): a page fetches the lean one for
// `src` and inline readers and the full one (hydration, site search) only
// when it needs it; a page mixing both kinds runs both instances, each with
// the tables it asked for, and its readers still share the text size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, newPage, DIST, SEED_TITLE } from './harness.mjs';

const T = { timeout: 120000 };
const LEAN = 'article-reader-wasm_bg.wasm';
const FULL = 'article-reader-full_bg.wasm';

/** demo/portal-rendered.html with a `src` reader (simplified and
 * traditional forms folded) placed before the server-rendered one, so the
 * lean wasm starts first, then the full one. */
async function mixedPage() {
  const rendered = await readFile(join(DIST, 'demo/portal-rendered.html'), 'utf8');
  const at = rendered.indexOf('<article-reader id="reader"');
  assert.ok(at > 0);
  return `${rendered.slice(0, at)}<article-reader id="plain" src="../seed-article.json" variants></article-reader>\n${rendered.slice(at)}`;
}

let server, browser;
before(async () => {
  const mixed = await mixedPage();
  server = await startServer({
    routes: {
      '/demo/mixed.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(mixed); },
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The names of the .wasm and glue files the page requests, in order. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (/^article-reader-(wasm|full)(_bg\.wasm|\.js)$/.test(name)) seen.push(name);
  });
  return seen;
}

/** Lets a late request (one nobody waits for) show up. */
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 300)));

test('a plain `src` page fetches the lean wasm and never the full one', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = wasmRequests(page);
    await page.goto(`${server.url}/demo/portal.html`);
    assert.equal((await page.locator('article-reader h1').textContent()).trim(), SEED_TITLE);
    // Search and createIndex run on the lean one too.
    await page.locator('article-reader .ar-search-input').fill('作风');
    await page.locator('article-reader mark').first().waitFor();
    const hits = await page.evaluate(async () => {
      const { createIndex } = await import('/article-reader.js');
      const seed = await (await fetch('/seed-article.json')).json();
      return (await createIndex([seed])).search('作风').length;
    });
    assert.equal(hits, 1);
    await settle(page);
    assert.ok(seen.includes(LEAN), `lean wasm requested: ${seen}`);
    assert.deepEqual(seen.filter((n) => n.includes('-full')), [], 'the full wasm is never requested');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a server-rendered page fetches the full wasm (to hydrate), not the lean one', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = wasmRequests(page);
    await page.goto(`${server.url}/demo/portal-rendered.html`);
    await settle(page);
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')), [FULL]);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('openIndex() fetches the full wasm on a page that had only the lean one', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = wasmRequests(page);
    await page.goto(`${server.url}/demo/portal.html`);
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')), [LEAN]);
    const message = await page.evaluate(async () => {
      const { openIndex } = await import('/article-reader.js');
      // No index is served here: what matters is that the engine started.
      return openIndex('/no-index/').then(() => 'opened', (e) => e.message);
    });
    assert.match(message, /manifest\.json: HTTP 404/, 'the site search engine ran (it asked for the manifest)');
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')), [LEAN, FULL]);
  } finally {
    await page.context().close();
  }
});

test('a mixed page: a `src` reader on the lean wasm, a hydrated one and later mounts on the full one, tables in each', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = wasmRequests(page);
    const tables = [];
    page.on('request', (r) => { if (/\.bin$/.test(r.url())) tables.push(new URL(r.url()).pathname); });
    await page.goto(`${server.url}/demo/mixed.html`);
    // Both instances, each fetched once; which request goes out first is a
    // race between the two readers' starts, not a promise of the loader.
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')).sort(), [FULL, LEAN].sort(), 'both instances, once each');
    // Mounted after the full one started: a reader asking for site search,
    // and a plain one, which the policy also puts on the full one.
    await page.evaluate(async () => {
      const { mount } = await import('/article-reader.js');
      for (const [id, options] of [['withindex', { src: '../seed-article.json', index: '/search/', variants: true }],
        ['later', { src: '../seed-article.json', variants: true }]]) {
        const box = document.createElement('div');
        box.id = id;
        document.body.append(box);
        await mount(box, options).ready;
      }
    });
    await settle(page);
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')).sort(), [FULL, LEAN].sort(), 'no third instance');
    assert.deepEqual(tables, ['/variants.bin'], 'the table is fetched once, however many instances install it');

    // Simplified and traditional forms fold in both instances: the table
    // was installed into each (the seed says 发展, the query 發展).
    for (const id of ['plain', 'later']) {
      const reader = page.locator(`#${id}`);
      await reader.locator('.ar-search-input').fill('發展');
      await reader.locator('mark').first().waitFor({ timeout: 10000 });
      assert.ok((await reader.locator('mark').count()) > 0, `${id}: variants`);
    }
    // With `index`, the search box searches the site (tested in
    // site-search-ui.test.mjs); here it shows its article in the full wasm.
    assert.equal((await page.locator('#withindex h1').textContent()).trim(), SEED_TITLE);
    // The hydrated reader is interactive, and a text size chosen in the
    // lean instance reaches the full one's readers (and back).
    const rendered = page.locator('#reader');
    await rendered.locator('.ar-search-input').fill('作风');
    await rendered.locator('mark').first().waitFor();
    await page.locator('#plain .ar-size-opt-3').click();
    for (const id of ['reader', 'later']) {
      await page.locator(`#${id} .ar-reader.ar-step-3`).waitFor({ timeout: 5000 });
    }
    await page.locator('#later .ar-size-opt-1').click();
    await page.locator('#plain .ar-reader.ar-step-1').waitFor({ timeout: 5000 });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a lean reader asked for site search by update() moves to the full wasm and keeps working', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = wasmRequests(page);
    await page.goto(`${server.url}/demo/portal.html`);
    await page.evaluate(async () => {
      const { mount } = await import('/article-reader.js');
      const box = document.createElement('div');
      box.id = 'box';
      document.body.append(box);
      const reader = mount(box, { src: '../seed-article.json', lang: 'en' });
      // Shown (the document is fetched after the reader starts).
      await new Promise((resolve) => box.addEventListener('article-reader:ready', resolve, { once: true }));
      reader.update({ src: '../seed-article.json', lang: 'en', index: '/search/' });
      reader.update({ src: '../seed-article.json', lang: 'en', index: '/search/', variants: true }); // while it moves
    });
    // Its search box now searches the site (the full wasm's site search).
    await page.waitForFunction(() => document.querySelector('#box').shadowRoot.querySelector('.ar-search-input')?.placeholder === 'Search the site', null, { timeout: 10000 });
    assert.equal((await page.locator('#box h1').textContent()).trim(), SEED_TITLE);
    await settle(page);
    assert.deepEqual(seen.filter((n) => n.endsWith('.wasm')), [LEAN, FULL]);
    // One reader in the box, not one per update.
    assert.equal(await page.evaluate(() => document.querySelector('#box').shadowRoot.querySelectorAll('h1').length), 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});
