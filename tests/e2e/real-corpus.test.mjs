// The real-world corpus (tests/fixtures/real/, issue 11) in the built
// reader: every document is mounted from its URL in one page of one
// browser and checked against expected.json (made by
// tests/fixtures/real/tools/expect.py without our code): the title; for a
// feed, the list's titles and then every item opened in turn; the tables,
// code blocks, images and attachments in the shadow DOM; no literal markup
// or raw character reference in visible text; refused documents say why
// in the UI language. Every request is intercepted: external ones are
// aborted, and one to the test server that is neither a fixture nor a
// dist/ file (a relative URL resolved against the host page) fails the
// test. Prints the corpus per category (what the reader shows).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, newPage, FIXTURES, DIST, STRICT_CSP } from './harness.mjs';

const REAL = join(FIXTURES, 'real');
const T = { timeout: 300000 };
const squash = (s) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');

let server, browser, page, expected;
/** Same-origin requests that were neither a fixture nor a dist/ file. */
const stray = [];
/** External requests (aborted): counted for the table. */
let external = 0;

before(async () => {
  expected = JSON.parse(await readFile(join(REAL, 'expected.json'), 'utf8'));
  // Images from anywhere, so every one is requested (and intercepted).
  server = await startServer({ csp: `${STRICT_CSP}; img-src 'self' data: https: http:` });
  browser = await launch();
  page = await newPage(browser);
  const origin = new URL(server.url).origin;
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      external += 1;
      return route.abort();
    }
    const path = decodeURIComponent(url.pathname);
    const file = path.startsWith('/fixtures/') ? join(FIXTURES, path.slice('/fixtures/'.length))
      : path.startsWith('/pages/') ? join(FIXTURES, '..', 'e2e', path.slice(1))
        : join(DIST, path);
    const exists = await stat(file).then((s) => s.isFile(), () => false);
    if (!exists) {
      stray.push(path);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${server.url}/pages/blank.html`);
});
after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

/** Mounts `name` in a fresh box (lang `lang`); resolves with the ready or
 * error event's detail once the reader has shown the document. */
function open(name, lang = 'zh-CN') {
  return page.evaluate(async ({ src, lang }) => {
    const { mount } = await import('/article-reader.js');
    document.querySelector('#box')?.remove();
    const box = document.createElement('div');
    box.id = 'box';
    document.body.append(box);
    const settled = new Promise((resolve) => {
      box.addEventListener('article-reader:ready', (e) => resolve({ ready: e.detail }), { once: true });
      box.addEventListener('article-reader:error', (e) => resolve({ error: e.detail.message }), { once: true });
    });
    window.__reader = mount(box, { src, lang });
    return settled;
  }, { src: `/fixtures/real/${name}`, lang });
}

/** What the open article shows: its h1, the counts of what it renders,
 * and its visible text outside code blocks. */
function shown() {
  return page.evaluate(() => {
    const root = document.querySelector('#box').shadowRoot;
    const article = root.querySelector('article') ?? root;
    // Load every image now, not when scrolled to: each is a request the
    // interception checks.
    article.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; });
    const text = [...article.querySelectorAll('h1, .ar-body, .ar-lead, .ar-meta, figcaption, .ar-attachments')]
      .map((el) => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('.ar-code').forEach((c) => c.remove());
        return copy.innerText ?? copy.textContent;
      }).join('\n');
    return {
      title: root.querySelector('h1')?.textContent ?? null,
      tables: article.querySelectorAll('table.ar-table').length,
      code: article.querySelectorAll('.ar-code').length,
      images: article.querySelectorAll('img').length,
      attachments: article.querySelectorAll('.ar-attachment').length,
      // Every URL the article requests or links to, as written in the DOM.
      urls: [...article.querySelectorAll('img[src], a[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')),
      text,
    };
  });
}

/** Literal markup or an undecoded reference in visible text. */
function rawIn(text) {
  return text.match(/<\/?(p|div|br|span|img|a|strong|em|li|ul|table)[\s>/]|&lt;|&gt;|&amp;|&quot;|&#\d+;|&#x[0-9a-f]+;|&nbsp|&[a-z]+;/i)?.[0];
}

/** A URL that is not absolute (so the browser would resolve it against
 * the host page). */
const relative = (u) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(u);

/** True when `message` is entirely in `lang` (product names aside). */
function inLanguage(message, lang) {
  if (lang === 'en') return !/[\u4e00-\u9fff]/.test(message);
  const rest = message.replace(/article-reader|JSON-LD|JSON Feed|JSON|schema\.org|NewsArticle|MB/g, '');
  return /[\u4e00-\u9fff]/.test(message) && !/[A-Za-z]{3,}/.test(rest);
}

/** Per category (kind, language): documents and what the reader shows. */
const table = new Map();
function tally(name, shownCounts, skipped = 0) {
  const [kind, lang] = name.split('-');
  const key = `${kind} ${lang}`;
  const row = table.get(key) ?? { docs: 0, items: 0, tables: 0, code: 0, images: 0, attachments: 0, skipped: 0, refused: 0 };
  if (shownCounts === null) row.refused += 1;
  else {
    row.items += shownCounts.items ?? 1;
    for (const k of ['tables', 'code', 'images', 'attachments']) row[k] += shownCounts[k];
  }
  row.docs += shownCounts?.doc === false ? 0 : 1;
  row.skipped += skipped;
  table.set(key, row);
}

test('every real document shows what expected.json says, requesting nothing unresolved', T, async () => {
  const problems = [];
  const names = Object.keys(expected.documents).sort();
  assert.ok(names.length >= 60, `corpus has ${names.length} documents`);
  for (const name of names) {
    const want = expected.documents[name];
    const got = await open(name);
    if (['invalid-json', 'unsupported'].includes(want.format) || (want.format === 'jsonld' && !want.article_found)) {
      if (!got.error) { problems.push(`${name}: shown, expected a refusal`); continue; }
      const alert = await page.evaluate(() => document.querySelector('#box').shadowRoot.querySelector('[role="alert"]')?.textContent ?? '');
      if (!alert.includes(got.error)) problems.push(`${name}: the alert does not show ${got.error}`);
      if (!inLanguage(got.error, 'zh-CN')) problems.push(`${name}: zh-CN message not in Chinese: ${got.error}`);
      const en = await open(name, 'en');
      if (!en.error || !inLanguage(en.error, 'en')) problems.push(`${name}: en message: ${en.error}`);
      tally(name, null);
      continue;
    }
    if (got.error) { problems.push(`${name}: refused: ${got.error}`); continue; }
    if (want.format === 'jsonld') {
      const s = await shown();
      for (const u of s.urls.filter(relative)) problems.push(`${name}: relative URL ${u} in the DOM`);
      if (squash(s.title) !== squash(want.title)) problems.push(`${name}: title ${s.title}, expected ${want.title}`);
      if (s.tables !== want.tables) problems.push(`${name}: ${s.tables} tables, expected ${want.tables}`);
      if (s.code !== want.code_blocks) problems.push(`${name}: ${s.code} code blocks, expected ${want.code_blocks}`);
      // The lead image leads unless the body shows it already (expect.py
      // names it only when the first image has a URL; the reader takes the
      // first that has one).
      const lead = (await readFile(join(REAL, name), 'utf8')).includes('"image"') ? 1 : 0;
      if (s.images < want.images || s.images > want.images + lead) problems.push(`${name}: ${s.images} images, expected ${want.images} (+${lead} lead)`);
      if (s.attachments !== new Set(want.attachment_hrefs).size) problems.push(`${name}: ${s.attachments} attachments`);
      const raw = rawIn(s.text);
      if (raw) problems.push(`${name}: raw ${raw} in visible text`);
      tally(name, s);
      continue;
    }
    // A feed: the list first, then each item opened from it.
    const source = JSON.parse(await readFile(join(REAL, name), 'utf8'));
    const skipped = new Set((got.ready?.skipped ?? []).map((s) => s.index));
    const list = await page.evaluate(() => {
      const root = document.querySelector('#box').shadowRoot;
      return {
        title: root.querySelector('.ar-collection h1')?.textContent ?? null,
        items: [...root.querySelectorAll('.ar-item-title')].map((t) => t.textContent),
      };
    });
    // A feed without a title shows a generic heading (文章列表).
    if (!squash(want.feed_title)) {
      if (!squash(list.title)) problems.push(`${name}: no heading for an untitled feed`);
    } else if (squash(list.title) !== squash(want.feed_title)) problems.push(`${name}: feed title ${list.title}, expected ${want.feed_title}`);
    const shownItems = want.items.map((_, i) => i).filter((i) => !skipped.has(i));
    if (list.items.length !== shownItems.length) problems.push(`${name}: ${list.items.length} items listed, expected ${shownItems.length} (+${skipped.size} skipped)`);
    for (const t of list.items) {
      const raw = rawIn(t);
      if (raw) problems.push(`${name}: raw ${raw} in list title ${t}`);
    }
    tally(name, { tables: 0, code: 0, images: 0, attachments: 0, items: 0 }, skipped.size);
    for (const [pos, i] of shownItems.entries()) {
      const item = want.items[i];
      if (item.title && squash(list.items[pos]) !== squash(item.title)) {
        problems.push(`${name} item ${i}: listed as ${list.items[pos]}, expected ${item.title}`);
      }
      await page.evaluate((pos) => {
        const root = document.querySelector('#box').shadowRoot;
        root.querySelectorAll('.ar-item-open')[pos].click();
      }, pos);
      await page.waitForFunction(() => document.querySelector('#box').shadowRoot.querySelector('article h1'));
      const s = await shown();
      for (const u of s.urls.filter(relative)) problems.push(`${name} item ${i}: relative URL ${u} in the DOM`);
      if (item.title && squash(s.title) !== squash(item.title)) problems.push(`${name} item ${i}: title ${s.title}, expected ${item.title}`);
      if (source.items[i].content_html !== undefined) {
        if (s.tables !== item.tables) problems.push(`${name} item ${i}: ${s.tables} tables, expected ${item.tables}`);
        if (s.code !== item.code_blocks) problems.push(`${name} item ${i}: ${s.code} code blocks, expected ${item.code_blocks}`);
        const lead = source.items[i].image ? 1 : 0;
        if (s.images < item.images || s.images > item.images + lead) problems.push(`${name} item ${i}: ${s.images} images, expected ${item.images} (+${lead} lead)`);
        const files = new Set(item.attachment_hrefs).size;
        if (s.attachments !== files) problems.push(`${name} item ${i}: ${s.attachments} attachments, expected ${files}`);
      }
      const raw = rawIn(s.text);
      if (raw) problems.push(`${name} item ${i}: raw ${raw} in visible text`);
      tally(name, { ...s, doc: false });
      // Back to the list (返回 / Back in the bar).
      await page.evaluate(() => document.querySelector('#box').shadowRoot.querySelector('.ar-back').click());
      await page.waitForFunction(() => document.querySelector('#box').shadowRoot.querySelector('.ar-items'));
    }
  }
  console.log(formatTable());
  // The checks can fail: a relative URL is caught, markup and references are.
  assert.ok(relative('/images/a.png') && relative('images/a.png') && !relative('https://x/a.png'));
  assert.ok(rawIn('Tom &amp; Jerry') && rawIn('<p class="x">') && rawIn('a&nbsp b') && !rawIn('a < b & c'));
  assert.deepEqual(stray, [], 'requests for relative URLs resolved against the host page');
  assert.deepEqual(problems, []);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_FAILED/.test(p)), []);
});

function formatTable() {
  const cols = ['docs', 'items', 'tables', 'code', 'images', 'attachments', 'skipped', 'refused'];
  const lines = [`| category | ${cols.join(' | ')} |`, `| --- |${cols.map(() => ' ---: |').join('')}`];
  const total = Object.fromEntries(cols.map((c) => [c, 0]));
  for (const [key, row] of [...table.entries()].sort()) {
    lines.push(`| ${key} | ${cols.map((c) => row[c]).join(' | ')} |`);
    for (const c of cols) total[c] += row[c];
  }
  lines.push(`| all | ${cols.map((c) => total[c]).join(' | ')} |`);
  lines.push(`(${external} external requests aborted)`);
  return lines.join('\n');
}
