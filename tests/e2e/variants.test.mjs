// Simplified/traditional matching in the browser: the table is not in the
// wasm; the loader fetches variants.bin only when asked, then search folds
// both ways (a simplified query finds traditional text and back).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DOCS = [
  { format: 'article-reader', version: 1, id: 'trad', title: '推動高質量發展', blocks: [{ type: 'paragraph', text: '各地堅持以發展為第一要務。' }] },
  { format: 'article-reader', version: 1, id: 'simp', title: '干部作风', blocks: [{ type: 'paragraph', text: '没有相关的词。' }] },
  { format: 'article-reader', version: 1, id: 'simp-fz', title: '推动高质量发展', blocks: [{ type: 'paragraph', text: '各地坚持以发展为第一要务。' }] },
];

test('createIndex matches 发展 and 發展 across scripts only with { variants: true }, fetching the table once', async () => {
  const page = await newPage(browser);
  try {
    const tables = [];
    page.on('request', (r) => { if (r.url().endsWith('/variants.bin')) tables.push(r.url()); });
    await page.goto(`${server.url}/pages/blank.html`);
    const result = await page.evaluate(async (docs) => {
      const ar = await import('/article-reader.js');
      const ids = (index, q) => index.search(q).map((h) => h.id).sort();
      const plain = await ar.createIndex(docs);
      const folded = await ar.createIndex(docs, { variants: true });
      const again = await ar.createIndex(docs, { variants: true });
      return {
        plainSimp: ids(plain, '发展'), plainTrad: ids(plain, '發展'),
        foldedSimp: ids(folded, '发展'), foldedTrad: ids(again, '發展'),
      };
    }, DOCS);
    // Without the table each script finds only itself …
    assert.deepEqual(result.plainSimp, ['simp-fz']);
    assert.deepEqual(result.plainTrad, ['trad']);
    // … with it, each finds both: 發展 → 发展 and 发展 → 發展.
    assert.deepEqual(result.foldedTrad, ['simp-fz', 'trad']);
    assert.deepEqual(result.foldedSimp, ['simp-fz', 'trad']);
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
    await page.evaluate(async (doc) => {
      const ar = await import('/article-reader.js');
      const el = document.createElement('div');
      el.id = 'mounted';
      document.body.append(el);
      await ar.mount(el, { article: doc, query: '发展', variants: true }).ready;
    }, DOCS[0]);
    const marks = page.locator('#mounted mark');
    await marks.first().waitFor();
    assert.deepEqual(await marks.allTextContents(), ['發展', '發展']);
    assert.equal(tables.length, 1);
  } finally {
    await page.context().close();
  }
});

/** The search status and marks of reader `id` once its search has run
 * (the status is written with the marks). Runs in the page. */
function searchState(id) {
  const root = document.getElementById(id).shadowRoot;
  const status = root.querySelector('.ar-search-status').textContent.trim();
  return status ? { status, marks: [...root.querySelectorAll('mark')].map((m) => m.textContent) } : null;
}

test('the variants attribute switched on and off on a live element, both scripts', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/pages/blank.html`);
    // A traditional document searched in simplified, and the other way round.
    const cases = [['trad', DOCS[0], '发展', '發展'], ['simp', DOCS[2], '發展', '发展']];
    await page.evaluate((cases) => {
      for (const [id, doc, query] of cases) {
        const el = document.createElement('article-reader');
        el.id = id;
        el.setAttribute('query', query);
        const data = document.createElement('script');
        data.type = 'application/json';
        data.textContent = JSON.stringify(doc);
        el.append(data);
        document.getElementById('box').append(el);
      }
    }, cases);
    /** Waits until reader `id` shows `status`, then returns its state. */
    const stateOnceShowing = async (id, status) => {
      await page.waitForFunction(([id, status]) => document.getElementById(id).shadowRoot
        .querySelector('.ar-search-status')?.textContent.trim() === status, [id, status]);
      return page.evaluate(searchState, id);
    };
    for (const [id, , , found] of cases) {
      assert.deepEqual(await stateOnceShowing(id, '无结果'), { status: '无结果', marks: [] }, `${id}: off`);
      await page.evaluate((id) => document.getElementById(id).setAttribute('variants', ''), id);
      assert.deepEqual(await stateOnceShowing(id, '1/2'), { status: '1/2', marks: [found, found] }, `${id}: on`);
      await page.evaluate((id) => document.getElementById(id).removeAttribute('variants'), id);
      assert.deepEqual(await stateOnceShowing(id, '无结果'), { status: '无结果', marks: [] }, `${id}: off again`);
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});
