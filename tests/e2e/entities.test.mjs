// Character references (issue 11): the wasm knows every numeric reference,
// the legacy names and the common ones; a document that names a rarer one
// (&bigstar;, &rarrhk;) makes the reader fetch the whole table
// (entities.bin) before parsing, wherever the document comes from. A
// document that needs nothing more fetches nothing more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, problemsBesidesLoads } from './harness.mjs';

const T = { timeout: 60000 };
const RARE = {
  format: 'article-reader', version: 1, id: 'rare',
  title: '星&bigstar;号 &rarrhk; 标题', blocks: [{ type: 'paragraph', text: '正文里也有&bigstar;和&amp;。' }],
};
const COMMON = { ...RARE, id: 'common', title: 'Tom &amp; Jerry&nbsp;&mdash; 标题', blocks: [{ type: 'paragraph', text: '正文' }] };
const json = (doc) => (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));

let server, browser;
before(async () => {
  server = await startServer({ routes: { '/rare.json': json(RARE), '/common.json': json(COMMON) } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Requests for entities.bin made by `page`. */
const tableRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('/entities.bin')) seen.push(r.url()); });
  return seen;
};

test('a fetched document with rare names: the table is fetched, the names decoded', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = tableRequests(page);
    await page.goto(`${server.url}/?src=/rare.json`);
    const h1 = page.locator('article-reader').getByRole('heading', { level: 1 });
    await h1.filter({ hasText: '★' }).waitFor();
    assert.equal(await h1.textContent(), '星★号 ↪ 标题');
    assert.match(await page.locator('article-reader .ar-body').textContent(), /正文里也有★和&。/);
    assert.equal(seen.length, 1, 'entities.bin fetched once');
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('inline and mounted documents and createIndex decode rare names too; common ones fetch nothing', T, async () => {
  const page = await newPage(browser);
  try {
    const seen = tableRequests(page);
    await page.goto(`${server.url}/pages/blank.html`);
    const common = await page.evaluate(async (doc) => {
      const { mount } = await import('/article-reader.js');
      const box = document.createElement('div');
      document.body.append(box);
      await mount(box, { article: doc, lang: 'zh-CN' }).ready;
      return box.shadowRoot.querySelector('h1').textContent;
    }, COMMON);
    assert.equal(common, 'Tom & Jerry\u00a0— 标题');
    assert.equal(seen.length, 0, 'a document with common names only fetched the table');
    const rare = await page.evaluate(async (doc) => {
      const { mount, createIndex } = await import('/article-reader.js');
      const box = document.createElement('div');
      document.body.append(box);
      await mount(box, { article: doc, lang: 'zh-CN' }).ready;
      const index = await createIndex([doc]);
      return { h1: box.shadowRoot.querySelector('h1').textContent, hits: index.search('★').map((h) => h.title) };
    }, RARE);
    assert.equal(rare.h1, '星★号 ↪ 标题');
    assert.deepEqual(rare.hits, ['星★号 ↪ 标题']);
    assert.equal(seen.length, 1, 'entities.bin fetched once for all of them');
  } finally {
    await page.context().close();
  }
});
