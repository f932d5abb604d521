// Server-rendered readers (`article-reader render`, written into dist/ by
// scripts/prerender.mjs): readable without JavaScript, with and without
// declarative shadow DOM, then hydrated in place by the wasm, interactive,
// with no layout shift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, newPage, DIST, FIXTURES, SEED_TITLE } from './harness.mjs';

let server, browser;
/** A collection rendered as a standalone page by the native renderer. */
let feedPage;
before(async () => {
  feedPage = execFileSync('cargo', ['run', '--quiet', '--bin', 'article-reader', '--',
    'render', join(FIXTURES, 'feed.json'), '--page', '--base', '/'], { maxBuffer: 64 << 20 }).toString();
  server = await startServer({
    routes: { '/feed-rendered.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(feedPage); } },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const seed = JSON.parse(await readFile(join(DIST, 'seed-article.json'), 'utf8'));
const H2 = seed.blocks.filter((b) => b.type === 'heading' && (b.level ?? 2) === 2).map((b) => b.text);
const LAST = seed.blocks.filter((b) => b.type === 'paragraph').at(-1).text;
const PAGES = { standalone: '/', portal: '/demo/portal-rendered.html' };

/** Holds the wasm download until release() is called: the server-rendered
 * reader is then on screen alone, as on a slow network. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  // Either build (js/lib/boot.js): a server-rendered reader hydrates with the full one.
  await page.route(/article-reader-(wasm|full)_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/**
 * Starts watching the server-rendered reader of `selector` (wasm held):
 * the text of each of its elements, and the elements added or removed from
 * now on. Yew's hydration writes every text node again and never says when
 * the text differed (it splits a text node the browser parsed from two
 * adjacent ones, so nodes may change while their element's text may not):
 * hydrationChanges() reports each element whose text changed.
 */
async function watchHydration(page, selector = 'article-reader') {
  await page.evaluate((sel) => {
    const host = document.querySelector(sel).shadowRoot.querySelector('.ar-host');
    const els = [host, ...host.querySelectorAll('*')];
    window.__watched = { els, text: els.map((e) => e.textContent), added: [], removed: [] };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1) window.__watched.added.push(n.outerHTML.slice(0, 80));
        for (const n of r.removedNodes) if (n.nodeType === 1) window.__watched.removed.push(n.outerHTML.slice(0, 80));
      }
    }).observe(host, { subtree: true, childList: true });
  }, selector);
}

/** What hydration changed since watchHydration(): elements whose text
 * differs from the server's, elements added and removed. */
function hydrationChanges(page) {
  return page.evaluate(() => {
    const { els, text, added, removed } = window.__watched;
    const texts = els.flatMap((e, i) => (e.textContent === text[i] ? [] : [{
      element: `${e.localName}.${[...e.classList].join('.')}`, server: text[i].slice(0, 60), hydrated: e.textContent.slice(0, 60),
    }])).slice(0, 5);
    return { texts, added, removed };
  });
}

/** Sums layout shifts (without recent input) from the first paint on. */
async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('curl: the title, every section heading and the last paragraph are text outside any <template>', async () => {
  assert.ok(H2.length >= 3);
  for (const path of Object.values(PAGES)) {
    const html = await (await fetch(`${server.url}${path}`)).text();
    const outside = html.replace(/<template[\s\S]*?<\/template>/g, '');
    const text = outside.replace(/<script[\s\S]*?<\/script>/g, '');
    for (const s of [SEED_TITLE, ...H2, LAST]) assert.ok(text.includes(s), `${path}: ${s.slice(0, 20)}…`);
    assert.match(text, /<h1>[^<]+<\/h1>/, `${path}: h1`);
  }
});

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name}, JavaScript disabled: the server-rendered reader shows, styled (declarative shadow DOM)`, async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.mainFrame().goto(`${server.url}${path}`); // never goes live: no wait for it
      const h1 = page.locator('article-reader .ar-title');
      assert.equal((await h1.textContent()).trim(), SEED_TITLE);
      assert.ok(await h1.isVisible());
      assert.equal(await page.locator('article-reader .ar-reader h2.ar-h2').count(), H2.length);
      assert.ok(await page.locator('article-reader .ar-search-input').isVisible(), 'the reader chrome is styled in place');
      // The plain copy in light DOM stays hidden behind the shadow root.
      assert.equal(await page.locator('article-reader > article').isVisible(), false);
      assert.equal(await page.locator('article-reader').getAttribute('data-ar-live'), null);
    } finally {
      await page.context().close();
    }
  });

  test(`${name}, JavaScript disabled, no declarative shadow DOM: the plain article shows`, async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.route(`**${path === '/' ? '/' : path}`, async (route) => {
        const res = await route.fetch();
        // What a browser without declarative shadow DOM parses: an inert template.
        const body = (await res.text()).replace(/shadowrootmode="open"/g, 'data-old-browser');
        await route.fulfill({ response: res, body });
      });
      await page.mainFrame().goto(`${server.url}${path}`);
      const article = page.locator('article-reader > article');
      assert.ok(await article.isVisible());
      assert.equal((await article.locator('h1').textContent()).trim(), SEED_TITLE);
      const h2 = article.locator('h2');
      assert.deepEqual((await h2.allTextContents()).map((t) => t.trim()), H2);
      assert.ok(await article.getByText(LAST.slice(0, 30)).isVisible());
      assert.ok(await page.locator('article-reader > footer, article-reader > [role="contentinfo"]').first().isVisible());
    } finally {
      await page.context().close();
    }
  });

  test(`${name}: the wasm hydrates the server-rendered reader in place (same nodes, same text, CLS 0), then it is interactive`, async () => {
    const page = await newPage(browser);
    try {
      await recordLayoutShifts(page);
      await page.addInitScript(() => {
        // The text selected in the reader (Chromium keeps a shadow root's own selection).
        window.selectedText = () => {
          const root = document.querySelector('article-reader').shadowRoot;
          return (root.getSelection?.() ?? getSelection()).toString();
        };
      });
      const release = await holdWasm(page);
      const jsonRequests = [];
      page.on('request', (r) => { if (r.url().endsWith('.json')) jsonRequests.push(r.url()); });
      await page.mainFrame().goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
      await page.locator('article-reader .ar-title').waitFor();
      const before = await page.evaluate(() => {
        const host = document.querySelector('article-reader').shadowRoot.querySelector('.ar-host');
        const all = [host, ...host.querySelectorAll('*')];
        all.forEach((el, i) => { el.__ssr = i; });
        window.__ssrNodes = all;
        window.scrollTo(0, 400);
        // A reader already selecting text: the selection must stay.
        const para = host.querySelectorAll('p.ar-p')[1].firstChild;
        getSelection().setBaseAndExtent(para, 2, para, 14);
        return { count: all.length, text: host.textContent, scroll: scrollY, selected: selectedText() };
      });
      await watchHydration(page);
      release();
      await page.locator('article-reader[data-ar-live]').waitFor({ state: 'attached', timeout: 15000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      const after = await page.evaluate(() => {
        const host = document.querySelector('article-reader').shadowRoot.querySelector('.ar-host');
        return {
          kept: window.__ssrNodes.filter((n) => n.isConnected).length,
          sameHost: host.__ssr === 0,
          text: host.textContent,
          scroll: scrollY,
          selected: selectedText(),
          cls: window.__cls,
          prerendered: document.querySelector('article-reader').shadowRoot.querySelectorAll('.ar-prerendered').length,
        };
      });
      assert.deepEqual(page.problems, [], 'no hydration panic, no console error');
      assert.ok(after.sameHost, 'hydrated into the server-rendered host');
      assert.equal(after.kept, before.count, 'every server-rendered node is still in the page');
      assert.equal(after.text, before.text, 'the hydrated reader says what the server rendered');
      const changes = await hydrationChanges(page);
      // The one element an effect adds once hydrated: the reading progress
      // bar, as the page was scrolled (the server cannot know the scroll).
      changes.added = changes.added.filter((html) => !html.startsWith('<progress '));
      assert.deepEqual(changes, { texts: [], added: [], removed: [] }, 'hydration changed no text and no element');
      assert.equal(after.scroll, before.scroll, 'the scroll position stays');
      assert.equal(before.selected.length, 12);
      assert.equal(after.selected, before.selected, 'the selected text stays selected');
      assert.equal(after.cls, 0, 'no layout shift from the first paint to hydrated');
      assert.equal(after.prerendered, 0);
      assert.deepEqual(jsonRequests.filter((u) => u.includes('seed-article')), [], 'the inline JSON is not fetched again');

      // Interactive: search and text size.
      const box = page.locator('article-reader .ar-search-input');
      await box.fill('作风');
      await page.locator('article-reader mark').first().waitFor();
      assert.ok((await page.locator('article-reader mark').count()) > 1);
      const size = () => page.locator('article-reader .ar-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      const small = await size();
      await page.locator('article-reader .ar-size-opt-3').click();
      await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-reader.ar-step-3'));
      assert.ok((await size()) > small, 'the text size control works');
    } finally {
      await page.context().close();
    }
  });
}

test('standalone: a stored text size applies before the first paint and stays through hydration', async () => {
  const page = await newPage(browser);
  try {
    await page.addInitScript(() => localStorage.setItem('article-reader:font-step', '3'));
    const release = await holdWasm(page);
    await page.mainFrame().goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    const h1 = page.locator('article-reader .ar-title');
    await h1.waitFor();
    const size = () => h1.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    release();
    await page.locator('article-reader[data-ar-live]').waitFor({ state: 'attached', timeout: 15000 });
    assert.ok(await page.locator('article-reader .ar-reader.ar-step-3').count());
    assert.equal(await size(), before);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a rendered collection, JavaScript disabled: the reader list with declarative shadow DOM, a plain linked list without', async () => {
  const feed = JSON.parse(await readFile(join(FIXTURES, 'feed.json'), 'utf8'));
  const titles = feed.items.map((i) => i.title);
  for (const dsd of [true, false]) {
    const page = await newPage(browser, { javaScriptEnabled: false });
    try {
      if (!dsd) {
        await page.route('**/feed-rendered.html', async (route) => {
          const res = await route.fetch();
          await route.fulfill({ response: res, body: (await res.text()).replace(/shadowrootmode="open"/g, 'data-old-browser') });
        });
      }
      await page.mainFrame().goto(`${server.url}/feed-rendered.html`);
      if (dsd) {
        // The server-rendered reader shows its own list; the plain one stays hidden.
        const items = page.locator('article-reader .ar-items .ar-item-title');
        assert.deepEqual((await items.allTextContents()).map((t) => t.trim()), titles);
        assert.equal(await page.locator('article-reader > ol').isVisible(), false);
      } else {
        const list = page.locator('article-reader > ol');
        assert.ok(await list.isVisible());
        assert.equal((await page.locator('article-reader > h1').textContent()).trim(), feed.title);
        const links = list.locator('li h2 a');
        assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), titles);
        assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), feed.items.map((i) => i.url));
        assert.equal(await list.locator('li time').count(), feed.items.length);
        assert.ok(await list.getByText(feed.items[0].summary).isVisible(), 'the summary');
      }
    } finally {
      await page.context().close();
    }
  }
});

/** What the reader looks like: its background, the title's size and
 * typeface, a paragraph's line height relative to its size. */
const LOOKS = () => {
  const reader = document.querySelector('article-reader')?.shadowRoot?.querySelector('.ar-reader');
  const title = reader?.querySelector('.ar-title');
  const p = reader?.querySelector('p.ar-p');
  if (!title || !p) return null;
  const ps = getComputedStyle(p);
  return {
    bg: getComputedStyle(reader).backgroundColor,
    size: getComputedStyle(title).fontSize,
    face: getComputedStyle(title).fontFamily.split(',')[0],
    spacing: Math.round((parseFloat(ps.lineHeight) / parseFloat(ps.fontSize)) * 100) / 100,
  };
};

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name}: the stored text size, theme, line spacing and typeface show from the first paint, and hydration keeps them`, async () => {
    const page = await newPage(browser);
    try {
      await page.addInitScript(() => {
        localStorage.setItem('article-reader:font-step', '3');
        localStorage.setItem('article-reader:theme', 'dark');
        localStorage.setItem('article-reader:line-spacing', 'relaxed');
        localStorage.setItem('article-reader:typeface', 'serif');
      });
      // The first frame that shows the title: frame callbacks run before
      // each paint, so this is what the first paint with the article shows.
      await page.addInitScript(`(() => {
        const looks = ${LOOKS};
        const frame = () => { const l = looks(); if (l) window.__firstPaint = l; else requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
      })()`);
      const release = await holdWasm(page);
      // A slow early script: where it stands, the parser waits for it
      // before it reaches the reader, so no frame shows the reader first.
      await page.route(/-early\.js$/, async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
      await page.mainFrame().goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__firstPaint);
      const first = await page.evaluate(() => window.__firstPaint);
      release();
      await page.locator('article-reader[data-ar-live]').waitFor({ state: 'attached', timeout: 15000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      const hydrated = await page.evaluate(LOOKS);
      const classes = await page.evaluate(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-reader').className);
      for (const c of ['ar-theme-dark', 'ar-spacing-relaxed', 'ar-face-serif', 'ar-step-3']) assert.ok(classes.includes(c), `${c} in ${classes}`);
      assert.deepEqual(first, hydrated, 'the first paint looks as the hydrated reader');
      assert.equal(first.bg, 'rgb(23, 25, 28)', 'dark');
      assert.equal(first.spacing, 2.1, 'relaxed');
      assert.match(first.face, /Songti|STSong|Serif/, 'serif');
      assert.deepEqual(await page.locator('article-reader').evaluate((e) => e.getAttributeNames().filter((a) => a.startsWith('data-ar-stored-'))), [],
        'the live reader drops the early marks');
      assert.deepEqual(page.problems, [], 'no hydration error');
    } finally {
      await page.context().close();
    }
  });
}

test('a text that differs between the server and the wasm is caught (Yew would patch it silently)', async () => {
  const page = await newPage(browser);
  try {
    await page.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      // One text node of the server-rendered reader (not of the plain copy) says something else.
      const html = await res.text();
      const tag = '<h1 tabindex="-1" class="ar-title">';
      assert.ok(html.includes(tag + SEED_TITLE));
      await route.fulfill({ response: res, body: html.replace(tag + SEED_TITLE, `${tag}${SEED_TITLE}（改）`) });
    });
    const release = await holdWasm(page);
    await page.mainFrame().goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    await page.locator('article-reader .ar-title').waitFor();
    await watchHydration(page);
    release();
    await page.locator('article-reader[data-ar-live]').waitFor({ state: 'attached', timeout: 15000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const { texts } = await hydrationChanges(page);
    assert.ok(texts.some((t) => t.element === 'h1.ar-title' && t.server === `${SEED_TITLE}（改）` && t.hydrated === SEED_TITLE),
      `the tampered title is reported: ${JSON.stringify(texts)}`);
  } finally {
    await page.context().close();
  }
});

test('a server-rendered reader that does not match its options is an error, not a silent re-render', async () => {
  const page = await newPage(browser);
  try {
    await page.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      // The server's h1 became an h2: the DOM no longer is what the options render.
      const body = (await res.text()).replace('<h1 tabindex="-1" class="ar-title"', '<h2 tabindex="-1" class="ar-title"');
      await route.fulfill({ response: res, body });
    });
    await page.mainFrame().goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('article-reader[data-ar-live]'), null, { timeout: 10000 })
      .catch(() => {}); // the failed hydration may never go live
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(page.problems.some((p) => p.startsWith('pageerror')), `expected a hydration failure, got ${page.problems}`);
  } finally {
    await page.context().close();
  }
});
