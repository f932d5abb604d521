// Site search in the reader (issue 12), end to end and by keyboard only:
// `article-reader index` indexes real feeds (tests/fixtures/real), the
// standalone page with `index` (demo/site-search.html) searches them from
// its own search box: the count, the results, arrows and Tab, more results,
// a result opened in place and back, `?q=`, and axe finds no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, FIXTURES, DIST, problemsBesidesLoads } from './harness.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const T = { timeout: 180000 };
const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const REAL = join(FIXTURES, 'real');
/** Indexed as they are: items with a `url` only (results link to it). */
const LINKED = 'feed-zh-cadecode-space-in-urls.json';
/** Indexed with a `src` per item (a JSON-LD copy served under /docs/): opened in place. */
const IN_PLACE = 'feed-zh-ahzy-relative-pdf-nbsp-trimmed.json';
const PAGE = '/demo/site-search.html';

let server, browser, dir, items;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ar-site-ui-'));
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'docs'));
  const linked = JSON.parse(readFileSync(join(REAL, LINKED), 'utf8'));
  const inPlace = JSON.parse(readFileSync(join(REAL, IN_PLACE), 'utf8'));
  inPlace.items.forEach((item, k) => {
    item._article_reader = { src: `/docs/${k}.json` };
    writeFileSync(join(dir, 'docs', `${k}.json`), JSON.stringify({
      '@context': 'https://schema.org', '@type': 'NewsArticle', url: item.url,
      headline: item.title, datePublished: item.date_published, articleBody: item.content_html,
    }));
  });
  writeFileSync(join(dir, 'in', 'a-linked.json'), JSON.stringify(linked));
  writeFileSync(join(dir, 'in', 'b-in-place.json'), JSON.stringify(inPlace));
  items = [...linked.items, ...inPlace.items]; // the CLI reads a folder in name order
  execFileSync('cargo', ['run', '--quiet', '--bin', 'article-reader', '--',
    'index', '--out', join(dir, 'search'), join(dir, 'in')], { stdio: 'pipe' });
  server = await serveStatic({ mounts: [['/search/', join(dir, 'search')], ['/docs/', join(dir, 'docs')], ['/', DIST]] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What has focus inside the reader: `{ tag, cls, text }`. */
const focused = (page) => page.evaluate(() => {
  const a = document.querySelector('article-reader').shadowRoot.activeElement;
  return a && { tag: a.tagName, cls: a.className, text: a.textContent.trim(), type: a.type };
});

/** Presses `key` until `done(focused)` holds, at most `max` times. */
async function pressUntil(page, key, done, what, max = 25) {
  for (let i = 0; i < max; i++) {
    if (done(await focused(page))) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${key} never reached ${what}`);
}

const count = (page) => page.locator('.ar-site-results .ar-count').textContent();
const titles = (page) => page.locator('.ar-site-results .ar-item-open').allTextContents();

/** The number of items whose text has `q`, by the in-memory engine (createIndex). */
function expected(page, q) {
  return page.evaluate(async ([docs, q]) => {
    const { createIndex } = await import('/article-reader.js');
    const ix = await createIndex({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: docs });
    return ix.search(q, { limit: 100 }).map((h) => h.title);
  }, [items, q]);
}

test('keyboard only: type, count, arrows and Tab, more results, open in place and back', T, async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.origin}${PAGE}`);
    await page.locator('article h1').waitFor();
    await pressUntil(page, 'Tab', (f) => f?.type === 'search', 'the search box');
    await page.keyboard.type('java');
    const want = await expected(page, 'java');
    assert.ok(want.length > 10, `only ${want.length} items have "java": more results proves nothing`);
    await page.locator('.ar-site-results .ar-count', { hasText: `共 ${want.length} 篇` }).waitFor();
    assert.deepEqual(await titles(page), want.slice(0, 10), 'the first page, ranked as createIndex ranks');
    // Tab leaves the box and reaches the first result; arrows walk the list.
    await pressUntil(page, 'Tab', (f) => f?.cls === 'ar-item-open', 'the first result');
    assert.equal((await focused(page)).text, want[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).text, want[1]);
    await page.keyboard.press('End');
    assert.equal((await focused(page)).text, want[9]);
    // Past the last result: more results.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, '更多结果');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('article-reader').shadowRoot
      .querySelectorAll('.ar-site-results .ar-item-open').length === n, Math.min(20, want.length));
    assert.deepEqual(await titles(page), want.slice(0, 20));
    assert.equal((await focused(page)).text, want[10], 'focus moves to the first new result');
    // A linked result goes to its page.
    const href = await page.locator('.ar-site-results .ar-item-open').first().getAttribute('href');
    assert.match(href, /^https:\/\/cadecode\.info\//);
    assert.equal(await count(page), `共 ${want.length} 篇`);
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('?q= opens the results; a result with src opens in place, Escape and Back return', T, async () => {
  const page = await newPage(browser);
  try {
    const q = '考试';
    await page.goto(`${server.origin}${PAGE}?q=${encodeURIComponent(q)}`);
    const want = await expected(page, q);
    assert.ok(want.length >= 1);
    await page.locator('.ar-site-results .ar-count', { hasText: `共 ${want.length} 篇` }).waitFor();
    assert.equal(await page.locator('input[type=search]').inputValue(), q);
    await pressUntil(page, 'Tab', (f) => f?.cls === 'ar-item-open', 'the first result');
    const title = (await focused(page)).text;
    await page.keyboard.press('Enter');
    await page.locator('article h1', { hasText: title }).waitFor();
    assert.equal((await focused(page)).tag, 'H1', 'focus on the opened article');
    assert.ok(await page.locator('article mark').count() > 0, 'the query is marked in it');
    assert.equal(new URL(page.url()).pathname, PAGE, 'opened in place, no navigation');
    await page.keyboard.press('Escape');
    await page.locator('.ar-site-results').waitFor();
    assert.equal((await focused(page)).text, title, 'focus back on the result');
    assert.equal(await page.locator('input[type=search]').inputValue(), q, 'the query is kept');
    // Again, then the Back control.
    await page.keyboard.press('Enter');
    await page.locator('article h1', { hasText: title }).waitFor();
    await pressUntil(page, 'Shift+Tab', (f) => f?.cls?.includes('ar-back'), 'the Back control');
    await page.keyboard.press('Enter');
    await page.locator('.ar-site-results').waitFor();
    assert.equal((await focused(page)).text, title);
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('site results and an opened result: no axe violation', T, async () => {
  const page = await newPage(browser, { bypassCSP: true });
  try {
    await page.goto(`${server.origin}${PAGE}?q=${encodeURIComponent('考试')}`);
    await page.locator('.ar-site-results .ar-item-open').first().waitFor();
    const axe = async () => {
      await page.evaluate(AXE);
      const { violations, passes } = await page.evaluate((tags) => axe.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
      }), TAGS);
      // axe saw the shadow root: it checked the reader's own elements.
      assert.ok(passes.some((r) => r.nodes.some((n) => Array.isArray(n.target[0]))), 'axe did not reach into the shadow root');
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${n.failureSummary}`));
    };
    assert.deepEqual(await axe(), [], 'results');
    await page.locator('.ar-site-results .ar-item-open').first().press('Enter');
    await page.locator('article h1').waitFor();
    assert.deepEqual(await axe(), [], 'opened result');
  } finally {
    await page.context().close();
  }
});

test('an index that cannot be loaded: an alert in the UI language', T, async () => {
  const page = await newPage(browser);
  try {
    await page.route('**/search/manifest.json', (route) => route.fulfill({ status: 404, body: 'no' }));
    await page.goto(`${server.origin}${PAGE}?q=java`);
    await page.getByRole('alert').waitFor();
    assert.equal((await page.getByRole('alert').textContent()).trim(), '搜索索引无法加载，请稍后再试');
  } finally {
    await page.context().close();
  }
});
