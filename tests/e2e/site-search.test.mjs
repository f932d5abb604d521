// Site search (issue 12), end to end: `article-reader index` writes the
// index of a feed; openIndex() in Chromium fetches it file by file and finds
// exactly what createIndex() finds over the same documents, in the same
// order, with the same total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, FIXTURES, DIST } from './harness.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const T = { timeout: 120000 };
let server, browser, dir, vdir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ar-site-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'article-reader', '--',
    'index', '--out', dir, join(FIXTURES, 'feed.json')], { stdio: 'pipe' });
  vdir = mkdtempSync(join(tmpdir(), 'ar-site-variants-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'article-reader', '--',
    'index', '--variants', '--out', vdir, join(FIXTURES, 'feed.json')], { stdio: 'pipe' });
  server = await serveStatic({ mounts: [['/search/', dir], ['/variants/', vdir], ['/fixtures/', FIXTURES], ['/', DIST]] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(vdir, { recursive: true, force: true });
});

test('openIndex finds what createIndex finds, fetching only index files', T, async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.origin}/fixtures/feed.json`);
    const result = await page.evaluate(async () => {
      const { openIndex, createIndex } = await import('/article-reader.js');
      const feed = await (await fetch('/fixtures/feed.json')).json();
      const local = await createIndex(feed);
      const site = await openIndex('/search/');
      const afterManifest = site.bytesFetched;
      const queries = ['宝鸡', '群众', '科技特派员', '服务 企业', '"一窗通办"', '没有这个词'];
      const rows = [];
      for (const q of queries) {
        const a = await site.search(q, { limit: 50 });
        const b = local.search(q, { limit: 50 });
        rows.push({
          q,
          site: a.map((h) => [h.id, h.title, h.snippet, h.marks, h.url]),
          local: b.map((h) => [h.id, h.title, h.snippet, h.marks]),
          totals: [a.total, b.total],
        });
      }
      return { rows, afterManifest, bytes: site.bytesFetched, urls: feed.items.map((i) => [i.id, i.url]) };
    });
    assert.ok(result.afterManifest > 0, 'the manifest was fetched');
    assert.ok(result.bytes > result.afterManifest, 'queries fetched index files');
    const urlOf = Object.fromEntries(result.urls);
    let found = 0;
    for (const { q, site, local, totals } of result.rows) {
      assert.equal(totals[0], totals[1], `${q}: totals`);
      assert.deepEqual(site.map(([id, title, snippet, marks]) => [id, title, snippet, marks]), local, `${q}: hits`);
      for (const [id, , , , url] of site) assert.equal(url, urlOf[id], `${q}: url of ${id}`);
      found += site.length;
    }
    assert.ok(found >= 5, `only ${found} hits in all: the queries prove little`);
    assert.deepEqual(result.rows.at(-1).site, [], 'an absent word finds nothing');
  } finally {
    await page.context().close();
  }
});

test('a reader folds variants when the index says so, without the variants option', T, async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.origin}/fixtures/feed.json`);
    // Traditional characters; the feed is written in simplified ones.
    const q = '寶雞';
    const want = await page.evaluate(async (q) => {
      const { createIndex, mount } = await import('/article-reader.js');
      const feed = await (await fetch('/fixtures/feed.json')).json();
      const local = await createIndex(feed, { variants: true });
      const el = document.createElement('div');
      document.body.append(el);
      mount(el, { index: '/variants/', query: q });
      return local.search(q, { limit: 100 }).length;
    }, q);
    assert.ok(want > 0, 'the feed has the simplified form');
    await page.locator('.ar-site-results .ar-count', { hasText: `共 ${want} 篇` }).waitFor({ timeout: 20000 });
  } finally {
    await page.context().close();
  }
});
