// Simplified/traditional matching in the browser: the table is not in the
// wasm; the loader fetches variants.bin only when asked, then search folds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DOCS = [
  { format: 'article-reader', version: 1, id: 'trad', title: '推動高質量發展', blocks: [{ type: 'paragraph', text: '各地堅持以發展為第一要務。' }] },
  { format: 'article-reader', version: 1, id: 'simp', title: '干部作风', blocks: [{ type: 'paragraph', text: '没有相关的词。' }] },
];

test('createIndex finds 發展 with 发展 only with { variants: true }, fetching the table once', async () => {
  const page = await newPage(browser);
  try {
    const tables = [];
    page.on('request', (r) => { if (r.url().endsWith('/variants.bin')) tables.push(r.url()); });
    await page.goto(`${server.url}/pages/blank.html`);
    const result = await page.evaluate(async (docs) => {
      const ar = await import('/article-reader.js');
      const plain = await ar.createIndex(docs);
      const before = plain.search('发展').map((h) => h.id);
      const folded = await ar.createIndex(docs, { variants: true });
      const again = await ar.createIndex(docs, { variants: true });
      return { before, after: folded.search('发展').map((h) => h.id), back: again.search('發展').map((h) => h.id) };
    }, DOCS);
    assert.deepEqual(result.before, []);
    assert.deepEqual(result.after, ['trad']);
    assert.deepEqual(result.back, ['trad']);
    assert.equal(tables.length, 1, `variants.bin fetched ${tables.length} times`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a reader without `variants` never fetches the table; with it, it highlights 發展 for 发展', async () => {
  const page = await newPage(browser);
  try {
    const tables = [];
    page.on('request', (r) => { if (r.url().endsWith('/variants.bin')) tables.push(r.url()); });
    await page.goto(`${server.url}/?q=${encodeURIComponent('发展')}`);
    assert.equal(tables.length, 0);
    const marks = await page.evaluate(async (doc) => {
      const ar = await import('/article-reader.js');
      const el = document.createElement('div');
      document.body.append(el);
      const reader = ar.mount(el, { article: doc, query: '发展', variants: true });
      await reader.ready;
      await new Promise((r) => setTimeout(r, 50));
      return [...el.shadowRoot.querySelectorAll('mark')].map((m) => m.textContent);
    }, DOCS[0]);
    assert.deepEqual(marks, ['發展', '發展']);
    assert.equal(tables.length, 1);
  } finally {
    await page.context().close();
  }
});
