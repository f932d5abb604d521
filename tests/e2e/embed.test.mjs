// Embedding (issue 5): the <article-reader> element on host pages — style
// isolation both ways, many instances, the four events, a strict CSP, dist/
// under a sub-path, and the demo pages at phone width.
// The JS API (mount/destroy, listeners) and live attribute changes are in
// embed-api.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  startServer, launch, newPage, horizontalOverflow, problemsBesidesLoads, cspViolations, SEED_TITLE, SHOTS, STRICT_CSP,
} from './harness.mjs';

const T = { timeout: 60000 };
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Runs `fn(page)` on a fresh page (own context, so own localStorage). */
async function withPage(fn, opts) {
  const page = await newPage(browser, opts);
  try {
    return await fn(page);
  } finally {
    await page.context().close();
  }
}

/** Waits until every <article-reader> on the page shows an h1 or an alert. */
async function allRendered(page, count) {
  await page.waitForFunction((n) => {
    const els = [...document.querySelectorAll('article-reader')];
    return els.length === n && els.every((el) => el.shadowRoot?.querySelector('h1, [role=alert]'));
  }, count, { timeout: 15000 });
}

// ---- Host CSS does not get in ------------------------------------------

const STYLE_PROPS = ['display', 'visibility', 'color', 'background-color', 'font-family',
  'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing',
  'text-transform', 'text-align', 'text-indent', 'text-decoration-line', 'text-shadow',
  'white-space', 'direction', 'cursor', 'margin-top', 'margin-left', 'padding-top',
  'padding-left', 'border-top-width', 'border-top-style', 'box-sizing', 'position'];

/** Computed style, box (relative to the reader's container) and visibility
 * of the reader's key elements. Runs in the page. */
function readerSnapshot(props) {
  window.scrollTo(0, 0);
  const root = document.getElementById('reader').shadowRoot;
  const base = root.querySelector('.ar-host').getBoundingClientRect();
  const paras = root.querySelectorAll('.ar-p');
  const marks = root.querySelectorAll('mark');
  const picks = {
    reader: root.querySelector('.ar-reader'), bar: root.querySelector('.ar-bar'),
    close: root.querySelector('.ar-close'), search: root.querySelector('input[type=search]'),
    sizes: root.querySelector('[role=radiogroup]'), h1: root.querySelector('h1'),
    h2: root.querySelector('h2'), p0: paras[0], p1: paras[1], p5: paras[5],
    mark0: marks[0], markCurrent: root.querySelector('mark[aria-current="true"]'),
    footer: root.querySelector('footer'),
  };
  const out = { marks: marks.length, container: [Math.round(base.width), Math.round(base.height)] };
  for (const [name, el] of Object.entries(picks)) {
    if (!el) { out[name] = null; continue; }
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    out[name] = {
      visible: el.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
      box: [r.x - base.x, r.y - base.y, r.width, r.height].map(Math.round),
      ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
    };
  }
  return out;
}

/** Differences between two snapshots as "path: a ≠ b" lines. */
function diff(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .flatMap((k) => diff(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

test('hostile host CSS (* {… !important}, p/mark/button/.ar-* rules) leaves the reader as it was', T, async () => {
  const shot = (name) => withPage(async (page) => {
    await page.goto(`${server.url}/pages/${name}.html`);
    await page.waitForFunction(() => document.getElementById('reader').shadowRoot?.querySelector('mark'));
    const snap = await page.evaluate(readerSnapshot, STYLE_PROPS);
    if (name === 'hostile') await page.screenshot({ path: join(SHOTS, 'embed-hostile-360.png') });
    assert.deepEqual(page.problems, []);
    return snap;
  });
  const clean = await shot('clean');
  const hostile = await shot('hostile');
  // The clean page really shows what is compared.
  assert.ok(clean.marks > 10, `only ${clean.marks} marks`);
  for (const k of ['h1', 'p0', 'p1', 'p5', 'mark0', 'markCurrent', 'close', 'search']) {
    assert.equal(clean[k]?.visible, true, `${k} not visible on the clean page`);
  }
  const differences = diff(clean, hostile);
  assert.deepEqual(differences, [], `host CSS reached into the reader:\n${differences.join('\n')}`);
});

// ---- Reader CSS does not get out ---------------------------------------

/** Every computed property and the box of each probe element, plus the
 * document-level state a widget could touch. Runs in the page. */
function hostSnapshot() {
  window.scrollTo(0, 0);
  const probes = [...document.querySelectorAll('#probe *')];
  return {
    elements: probes.map((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const style = {};
      for (let i = 0; i < cs.length; i++) style[cs[i]] = cs.getPropertyValue(cs[i]);
      return { tag: `${el.localName}.${el.className}`, box: [r.x, r.y, r.width, r.height], style };
    }),
    head: document.head.innerHTML,
    htmlAttrs: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    bodyAttrs: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    sheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    rootStyle: getComputedStyle(document.documentElement).cssText,
    title: document.title,
  };
}

test('the reader\'s CSS leaves host elements (ar-* classes, h1, p, mark, button) as they were', T, async () => {
  const shot = (query) => withPage(async (page) => {
    await page.goto(`${server.url}/pages/leak.html${query}`);
    await page.waitForFunction(() => window.__ready === true);
    if (query) {
      await page.locator('article-reader mark').first().waitFor();
      assert.ok(await page.locator('article-reader h1.ar-title').isVisible());
    }
    const snap = await page.evaluate(hostSnapshot);
    assert.deepEqual(page.problems, []);
    return snap;
  });
  const without = await shot('');
  const withWidget = await shot('?widget');
  assert.ok(without.elements.length >= 15);
  assert.ok(Object.keys(without.elements[0].style).length > 100, 'computed styles were not read');
  const differences = diff(without, withWidget);
  assert.deepEqual(differences, [], `the reader changed the host page:\n${differences.slice(0, 40).join('\n')}`);
});

test('the contents list scrolls inside the reader without touching the host page\'s URL', T, async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/pages/blank.html#host-route`);
    await page.evaluate(() => {
      window.__hashChanges = 0;
      addEventListener('hashchange', () => { window.__hashChanges += 1; });
      document.getElementById('box').append(document.createElement('article-reader'));
    });
    const reader = page.locator('article-reader');
    await reader.locator('h1').waitFor();
    const history = await page.evaluate(() => history.length);
    await reader.locator('.ar-toc summary').click();
    const link = reader.locator('.ar-toc a').nth(1);
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    await page.waitForFunction((id) => {
      const r = document.querySelector('article-reader').shadowRoot.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    }, target);
    assert.equal(await page.evaluate(() => location.hash), '#host-route');
    assert.equal(await page.evaluate(() => window.__hashChanges), 0);
    assert.equal(await page.evaluate(() => history.length), history);
    assert.deepEqual(page.problems, []);
  });
});

test('a host-given query highlights without scrolling the host page; the reader\'s own search does scroll', T, async () => {
  await withPage(async (page) => {
    // Every scroll request the page makes, from the start. The reader asks
    // for its scroll in the effect that runs with the render of the marks,
    // so once the current mark is in the DOM any request has been made.
    await page.addInitScript(() => {
      window.__scrolls = [];
      for (const [proto, names] of [[Element.prototype, ['scrollIntoView', 'scrollTo', 'scrollBy']], [window, ['scrollTo', 'scrollBy', 'scroll']]]) {
        for (const name of names) {
          const original = proto[name];
          proto[name] = function (...args) { window.__scrolls.push(name); return original.apply(this, args); };
        }
      }
      addEventListener('scroll', () => window.__scrolls.push('scroll event'), true);
    });
    await page.goto(`${server.url}/pages/blank.html`);
    await page.evaluate(() => {
      const intro = document.createElement('p');
      intro.textContent = '门户首页内容';
      intro.style.height = '1500px';
      const reader = document.createElement('article-reader');
      reader.setAttribute('query', '干部');
      document.getElementById('box').append(intro, reader);
    });
    const reader = page.locator('article-reader');
    await reader.locator('mark[aria-current="true"]').waitFor({ state: 'attached' });
    assert.deepEqual(await page.evaluate(() => window.__scrolls), [], 'the reader asked to scroll the host page on load');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the host page scrolled on load');
    // The user's own search: focus in the reader, Enter moves to a match.
    await reader.getByRole('searchbox', { name: '搜索' }).press('Enter');
    await page.waitForFunction(() => {
      const mark = document.querySelector('article-reader').shadowRoot.querySelector('mark[aria-current="true"]');
      const top = mark.getBoundingClientRect().top;
      return scrollY > 1000 && top >= 0 && top < innerHeight;
    });
    assert.ok((await page.evaluate(() => window.__scrolls)).includes('scrollIntoView'), 'the scroll spy saw nothing');
    assert.deepEqual(page.problems, []);
  });
});

// ---- Many instances ----------------------------------------------------

/** Per instance: number of marks and the step class of its root. */
function instanceStates() {
  return [...document.querySelectorAll('article-reader')].map((el) => {
    const root = el.shadowRoot;
    return {
      marks: root.querySelectorAll('mark').length,
      step: [...root.querySelector('.ar-reader').classList].find((c) => c.startsWith('ar-step-')),
    };
  });
}

test('ten instances: search stays in one, a text size change reaches all (same page and other tabs)', T, async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/pages/ten.html`);
    await allRendered(page, 10);
    const titles = await page.evaluate(() => [...document.querySelectorAll('article-reader')]
      .map((el) => el.shadowRoot.querySelector('h1').textContent.trim()));
    assert.equal(titles[0], SEED_TITLE);
    assert.equal(titles[3], '第3篇 基层干部作风建设');
    assert.equal(new Set(titles).size, 6, 'five inline documents and the seed');

    await page.locator('#r3').getByRole('searchbox', { name: '搜索' }).fill('干部');
    await page.locator('#r3 mark').first().waitFor();
    let states = await page.evaluate(instanceStates);
    assert.ok(states[3].marks >= 3, `instance 3 has ${states[3].marks} marks`);
    assert.deepEqual(states.filter((_, i) => i !== 3).map((s) => s.marks), Array(9).fill(0));
    assert.equal((await page.locator('#r3').getByRole('status').filter({ hasText: /\// }).textContent()).trim(),
      `1/${states[3].marks}`);
    assert.equal(await page.locator('#r4').getByRole('searchbox').inputValue(), '');

    // A second tab of the same site.
    const other = await page.context().newPage();
    await other.goto(`${server.url}/pages/ten.html`);
    await allRendered(other, 10);

    await page.locator('#r6').getByRole('radio', { name: '特大' }).check();
    await page.waitForFunction(() => [...document.querySelectorAll('article-reader')]
      .every((el) => el.shadowRoot.querySelector('.ar-reader.ar-step-3')));
    states = await page.evaluate(instanceStates);
    assert.deepEqual(states.map((s) => s.step), Array(10).fill('ar-step-3'));
    assert.equal(await page.evaluate(() => localStorage.getItem('article-reader:font-step')), '3');
    assert.ok(await page.locator('#r0').getByRole('radio', { name: '特大' }).isChecked());
    // The other tab follows through the storage event …
    await other.waitForFunction(() => [...document.querySelectorAll('article-reader')]
      .every((el) => el.shadowRoot.querySelector('.ar-reader.ar-step-3')));
    // … and a change made there comes back.
    await other.locator('#r1').getByRole('radio', { name: '小' }).check();
    await page.waitForFunction(() => [...document.querySelectorAll('article-reader')]
      .every((el) => el.shadowRoot.querySelector('.ar-reader.ar-step-0')));
    // Search state was not touched by any of this.
    states = await page.evaluate(instanceStates);
    assert.ok(states[3].marks >= 3);
    assert.equal(states.reduce((n, s) => n + s.marks, 0), states[3].marks);
    assert.deepEqual(page.problems, []);
    assert.ok(Array.isArray(other.problems), 'the second tab\'s problems are not recorded');
    assert.deepEqual(other.problems, []);
    assert.deepEqual(await cspViolations(other), []);
  });
});

// ---- Events ------------------------------------------------------------

test('events: ready {}, error {message}, close {}, fontsize {step, scale}; bubbling and composed', T, async () => {
  await withPage(async (page) => {
    await page.addInitScript(() => {
      window.__events = [];
      for (const type of ['ready', 'error', 'close', 'fontsize']) {
        document.addEventListener(`article-reader:${type}`, (e) => window.__events.push({
          type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)),
          keys: Object.keys(e.detail ?? {}).sort(), bubbles: e.bubbles, composed: e.composed,
          phase: e.eventPhase,
        }));
      }
    });
    await page.goto(`${server.url}/pages/blank.html`);
    await page.evaluate(() => {
      const ok = document.createElement('article-reader');
      ok.id = 'ok';
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify({ format: 'article-reader', version: 1, title: '事件', blocks: [] });
      ok.append(data);
      const bad = document.createElement('article-reader');
      bad.id = 'bad';
      bad.setAttribute('src', '/status/404.json');
      document.getElementById('box').append(ok, bad);
    });
    await page.waitForFunction(() => window.__events.length >= 2);
    await page.locator('#ok').getByRole('button', { name: '关闭' }).click();
    await page.locator('#ok').getByRole('radio', { name: '大', exact: true }).check();
    await page.waitForFunction(() => window.__events.length >= 4);
    const events = await page.evaluate(() => window.__events);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    assert.deepEqual(events.map((e) => e.type).sort(), ['close', 'error', 'fontsize', 'ready']);
    for (const e of events) {
      assert.equal(e.bubbles, true, `${e.type} does not bubble`);
      assert.equal(e.composed, true, `${e.type} is not composed`);
      assert.equal(e.phase, 3, `${e.type} was not seen bubbling on document`);
    }
    assert.deepEqual(byType.ready, { ...byType.ready, id: 'ok', detail: { skipped: [] }, keys: ['skipped'] });
    assert.deepEqual(byType.close, { ...byType.close, id: 'ok', detail: {}, keys: [] });
    assert.equal(byType.error.id, 'bad');
    assert.deepEqual(byType.error.keys, ['message']);
    assert.match(byType.error.detail.message, /404/);
    assert.equal(byType.fontsize.id, 'ok');
    assert.deepEqual(byType.fontsize.detail, { step: 2, scale: 1.25 });
    assert.equal(await page.locator('#bad').getByRole('alert').count(), 1);
    assert.deepEqual(problemsBesidesLoads(page), []);
  });
});

// ---- Language --------------------------------------------------------------

/** Adds an <article-reader> with `attrs` (and `article` inline, if given)
 * to #box after setting the page's <html lang> (removed when null); waits
 * for its first ready or error event and returns that event's message (or
 * 'ready') with the reader's search box label. */
async function readerLanguage(page, { pageLang, attrs = {}, article }) {
  return page.evaluate(async ({ pageLang, attrs, article }) => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.lang = pageLang;
    const el = document.createElement('article-reader');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (article) {
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify(article);
      el.append(data);
    }
    const first = new Promise((resolve) => {
      el.addEventListener('article-reader:ready', () => resolve('ready'), { once: true });
      el.addEventListener('article-reader:error', (e) => resolve(e.detail.message), { once: true });
    });
    document.getElementById('box').replaceChildren(el);
    const event = await first;
    const box = el.shadowRoot.querySelector('input[type=search]');
    return { event, search: box?.getAttribute('aria-label') ?? null, alert: el.shadowRoot.querySelector('[role=alert]')?.textContent ?? null };
  }, { pageLang, attrs, article });
}

test('the error event\'s message is in the UI language: Chinese by default, English with lang=en', T, async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/pages/blank.html`);
    const zh = await readerLanguage(page, { pageLang: 'zh-CN', attrs: { src: '/status/404.json' } });
    assert.match(zh.event, /^服务器返回错误 404[(（].*\/status\/404\.json[)）]。$/);
    assert.ok(zh.alert.includes(zh.event), `the alert does not show the message: ${zh.alert}`);
    const en = await readerLanguage(page, { pageLang: 'zh-CN', attrs: { src: '/status/404.json', lang: 'en' } });
    assert.match(en.event, /^The server answered with HTTP 404 \(.*\/status\/404\.json\)\.$/);
    assert.ok(en.alert.includes(en.event), `the alert does not show the message: ${en.alert}`);
    // The page's language reaches the message too.
    const page_en = await readerLanguage(page, { pageLang: 'en', attrs: { src: '/status/404.json' } });
    assert.match(page_en.event, /^The server answered with HTTP 404/);
    assert.deepEqual(problemsBesidesLoads(page), []);
  });
});

const doc = (lang) => ({ format: 'article-reader', version: 1, title: '语言', ...(lang && { lang }), blocks: [{ type: 'paragraph', text: '正文' }] });

test('UI language: the lang attribute, then the article\'s language, then the page\'s, then the browser\'s, then Chinese', T, async () => {
  // [browser locale, page lang, lang attribute, article lang, search box label]
  const CASES = [
    ['en-US', 'en', 'zh-CN', 'en', '搜索'], // the attribute wins
    ['en-US', 'en', 'en', 'zh-CN', 'Search'],
    ['zh-CN', 'zh-CN', undefined, 'en', 'Search'], // then the article
    ['en-US', 'en', undefined, 'zh-CN', '搜索'],
    ['zh-CN', 'en', undefined, undefined, 'Search'], // then the page
    ['en-US', 'zh-CN', undefined, undefined, '搜索'],
    ['en-US', null, undefined, undefined, 'Search'], // then the browser
    ['zh-CN', null, undefined, undefined, '搜索'],
    ['fr-FR', 'de', 'fr', 'ja', '搜索'], // nothing we speak: Chinese
  ];
  for (const locale of new Set(CASES.map((c) => c[0]))) {
    await withPage(async (page) => {
      await page.goto(`${server.url}/pages/blank.html`);
      assert.equal(await page.evaluate(() => navigator.language), locale);
      for (const [, pageLang, lang, articleLang, want] of CASES.filter((c) => c[0] === locale)) {
        const got = await readerLanguage(page, { pageLang, attrs: lang ? { lang } : {}, article: doc(articleLang) });
        assert.equal(got.event, 'ready');
        assert.equal(got.search, want, `browser ${locale}, page ${pageLang}, attribute ${lang}, article ${articleLang}`);
      }
      assert.deepEqual(page.problems, []);
    }, { locale });
  }
});

// ---- Strict CSP ---------------------------------------------------------

test('a strict CSP page (standalone, demo portal, ten instances) renders with no violation', T, async () => {
  const strict = await startServer({ csp: STRICT_CSP });
  try {
    for (const [path, count] of [['/', 1], ['/demo/portal.html', 1], ['/pages/ten.html', 10]]) {
      await withPage(async (page) => {
        const headers = [];
        page.on('response', (r) => { if (r.url().endsWith('.html') || r.url().endsWith('/')) headers.push(r.headers()['content-security-policy']); });
        await page.goto(`${strict.url}${path}`);
        await allRendered(page, count);
        assert.equal(headers[0], STRICT_CSP, `${path} was not served with the strict policy`);
        const h1 = page.locator('article-reader').first().locator('h1');
        assert.equal((await h1.textContent()).trim(), SEED_TITLE, path);
        assert.ok(await h1.isVisible(), `${path}: h1 not visible`);
        if (count === 10) {
          const inline = page.locator('#r1 h1');
          assert.equal((await inline.textContent()).trim(), '第1篇 基层干部作风建设');
          assert.ok(await inline.isVisible());
          assert.equal(await page.locator('article-reader [role=alert]').count(), 0);
        }
        // Styled, i.e. the stylesheet was allowed: the toolbar is a flex row.
        assert.equal(await page.locator('article-reader').first().locator('.ar-bar')
          .evaluate((el) => getComputedStyle(el).display), 'flex');
        assert.deepEqual(await cspViolations(page), [], path);
        assert.deepEqual(page.problems, [], path);
      });
    }
  } finally {
    await strict.close();
  }
});

// ---- dist/ under a sub-path ---------------------------------------------

test('the loader finds its wasm and CSS when dist/ is served under /sub/dir/', T, async () => {
  for (const path of ['/sub/dir/', '/sub/dir/demo/portal.html', '/pages/sub.html']) {
    await withPage(async (page) => {
      const assets = [];
      const failed = [];
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (/article-reader|\.wasm$|\.css$/.test(u.pathname)) assets.push(u.pathname);
        if (r.status() >= 400) failed.push(`${r.status()} ${u.pathname}`);
      });
      await page.goto(`${server.url}${path}`);
      await allRendered(page, 1);
      assert.equal((await page.locator('article-reader h1').textContent()).trim(), SEED_TITLE, path);
      assert.equal(await page.locator('article-reader .ar-bar')
        .evaluate((el) => getComputedStyle(el).display), 'flex', `${path}: unstyled`);
      // The standalone page hydrates its server-rendered reader: the full wasm (js/lib/boot.js).
      const wasm = path === '/sub/dir/' ? 'article-reader-full' : 'article-reader-wasm';
      for (const name of ['article-reader.js', `${wasm}.js`, `${wasm}_bg.wasm`, 'article-reader.css']) {
        assert.ok(assets.includes(`/sub/dir/${name}`), `${path}: ${name} not loaded from /sub/dir/ (${assets})`);
      }
      assert.deepEqual(assets.filter((a) => !a.startsWith('/sub/dir/') && !a.startsWith('/pages/')), [], path);
      assert.deepEqual(failed, [], path);
      assert.deepEqual(page.problems, [], path);
    });
  }
});

// ---- Demo pages at phone width ------------------------------------------

for (const [name, count] of [['portal', 1], ['many', 3]]) {
  test(`demo/${name}.html at 360 px: every reader renders, no sideways scroll (screenshot)`, T, async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/demo/${name}.html`);
      await allRendered(page, count);
      assert.equal(await page.locator('article-reader [role=alert]').count(), 0);
      const h1s = await page.locator('article-reader h1').allTextContents();
      assert.equal(h1s.length, count);
      assert.equal(h1s[0].trim(), SEED_TITLE);
      assert.equal(await horizontalOverflow(page), 0);
      await page.screenshot({ path: join(SHOTS, `embed-${name}-360.png`), fullPage: true });
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(page.problems, []);
    }, { width: 360 });
  });
}
