// Hardening (issue 6), part 1: an XSS corpus (xss-vectors.mjs) in every
// string field of all three formats, loaded every way a document can reach
// the reader. The pages run without a CSP, so anything the reader let
// through would run. Part 2 (hostile sizes, nesting, bytes) is in
// attacks-limits.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, problemsBesidesLoads, STRICT_CSP } from './harness.mjs';
import { VECTORS, payload, FORMATS, fieldCount } from './xss-vectors.mjs';

const T = { timeout: 90000 };
const N = VECTORS.length;
const NAMES = Object.keys(FORMATS);
const docs = Object.fromEntries(NAMES.map((f) => [f, VECTORS.map((_, i) => FORMATS[f](payload(i)))]));

/** Inline JSON as a host would write it into a <script> element. */
const ESCAPES = {
  u003c: (json) => json.replace(/</g, '\\u003c'), // the safe way
  slash: (json) => json.replace(/<\/(script)/gi, '<\\/$1'), // the usual way
  raw: (json) => json, // the broken way: the host's page is injectable
};

function html(body, head = '') {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>xss</title>
<link rel="icon" href="/favicon.svg">${head}<script type="module" src="/article-reader.js"></script></head>
<body>${body}</body></html>`;
}

/** Routes: each document at /xss/<format>/<i>.json, and host pages. */
const routes = {};
for (const f of NAMES) {
  docs[f].forEach((doc, i) => {
    routes[`/xss/${f}/${i}.json`] = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(doc));
    };
  });
  routes[`/xss/${f}/src.html`] = (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(docs[f].map((_, i) => `<article-reader id="r${i}" src="/xss/${f}/${i}.json"></article-reader>`).join('\n')));
  };
  routes[`/xss/${f}/inline.html`] = (req, res, url) => {
    const mode = url.searchParams.get('escape');
    const esc = ESCAPES[mode];
    // The raw page is injectable by construction; its CSP is what stops the
    // host-level injection, and the reader must still be safe inside.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(mode === 'raw' ? { 'content-security-policy': STRICT_CSP } : {}) });
    res.end(html(docs[f].map((d, i) => `<article-reader id="r${i}"><script type="application/json">${esc(JSON.stringify(d))}</script></article-reader>`).join('\n')));
  };
}

let server, browser;
const tally = { loads: 0, executed: 0, unsafe: 0, paths: new Set() };
before(async () => { server = await startServer({ csp: '', routes }); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  const fields = NAMES.map((f) => fieldCount(f));
  console.log(`xss: ${N} vectors × ${fields.reduce((a, b) => a + b)} fields (${NAMES.map((f, i) => `${f} ${fields[i]}`).join(', ')}) `
    + `× 3 formats, ${tally.paths.size} ways in, ${tally.loads} documents loaded: ${tally.executed} executed, ${tally.unsafe} unsafe nodes`);
});

/** A page with the sentinel armed: any script a vector manages to run calls
 * top.__pwned(n) or alert(n). */
async function armedPage() {
  const page = await newPage(browser);
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__pwnedHits = [];
    window.__pwned = (n) => { window.__pwnedHits.push(n); };
  });
  return page;
}

/**
 * Runs in the page: waits for every reader, opens every item of a
 * collection, and checks each view's shadow root. Returns problems found
 * and the number of views checked.
 */
async function audit({ format, texts, strictText, textCheck = true }) {
  const norm = (s) => s.replace(/[\s\p{C}]/gu, '');
  // Character references are decoded in every text field (as a browser
  // decodes text): the expected text is the payload decoded by the
  // browser's own parser, in an inert document, as a textarea's text.
  const decode = (s) => new DOMParser()
    .parseFromString(`<textarea>${s.replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`, 'text/html')
    .querySelector('textarea').value;
  // JSON-LD names and bodies may hold markup, which reads as its text
  // (names) or goes through the allowlist (bodies): what shows is the
  // payload's text as the browser's own parser reads it, in an inert
  // document.
  // Scripts, styles and svg/math content are not text to a reader: the
  // allowlist drops them whole. Event handlers, style attributes and style
  // elements are renamed first: Chromium reports them to the page's CSP
  // even in an inert document. A page that runs scripts reads `noscript`
  // as raw text up to its end tag (DOMParser runs none, so it would read
  // markup there): that text goes first, as the allowlist drops it.
  const markupText = (s) => {
    const inert = s.replace(/<noscript\b[^>]*>[\s\S]*?(?=<\/noscript[\s/>]|$)/gi, '')
      .replace(/\b(on[a-z]+|style)(\s*=)/gi, 'data-$1$2').replace(/<(\/?)style\b/gi, '<$1x-style');
    const body = new DOMParser().parseFromString(inert, 'text/html').body;
    for (const el of body.querySelectorAll('script, x-style, svg, math, template')) el.remove();
    return body.textContent;
  };
  // (NUL, which the comparison ignores anyway, would read as U+FFFD there.)
  const shown = (s) => (format === 'news' ? markupText : decode)(s.replaceAll('\0', ''));
  const cssUrl = new URL('/article-reader.css', location.origin).href;
  const BAD = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg',
    'math', 'form', 'base', 'meta', 'style', 'link', 'template', 'noscript', 'portal']);
  const URL_ATTRS = ['href', 'src'];
  const RISKY_ATTRS = ['style', 'srcdoc', 'srcset', 'formaction', 'action', 'xlink:href', 'background',
    'poster', 'data', 'ping', 'http-equiv'];
  const problems = [];
  let views = 0;
  const sleep = () => new Promise((r) => setTimeout(r, 5));
  const until = async (cond) => {
    for (let t = 0; t < 1200 && !cond(); t++) await sleep();
    return cond();
  };
  const check = (root, where, v, expectText) => {
    views++;
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (BAD.has(tag) && !(tag === 'link' && el.parentNode === root && el.rel === 'stylesheet' && el.href === cssUrl)) {
        problems.push(`${where}: <${tag}>`);
      }
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) problems.push(`${where}: <${tag} ${a.name}>`);
        if (RISKY_ATTRS.includes(a.name)) problems.push(`${where}: <${tag} ${a.name}="${a.value.slice(0, 40)}">`);
        if (URL_ATTRS.includes(a.name)) {
          let u;
          try { u = new URL(a.value, document.baseURI); } catch { continue; }
          const ok = ['http:', 'https:', 'mailto:', 'tel:'].includes(u.protocol)
            || (tag === 'img' && a.name === 'src' && /^data:image\/(png|jpeg|gif|webp)[;,]/i.test(a.value));
          if (!ok) problems.push(`${where}: <${tag} ${a.name}="${a.value.slice(0, 60)}">`);
        }
      }
      // tel: and mailto: links (the footer) are checked by their own test;
      // in-page links (#…, the reader's own contents list) need no rel.
      if (tag === 'a' && el.hasAttribute('href') && !/^(tel:|mailto:|#)/.test(el.getAttribute('href'))) {
        const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
          problems.push(`${where}: <a href="${el.getAttribute('href').slice(0, 30)}"> without rel="noopener noreferrer"`);
        }
      }
    }
    if (!expectText || !textCheck) return;
    // Text fields show the payload as text: the h1 is exactly the title.
    const h1 = root.querySelector('h1');
    if (!h1) problems.push(`${where}: no h1 (${root.querySelector('[role=alert]')?.textContent.slice(0, 120)})`);
    else if (norm(h1.textContent) !== norm(shown(v))) problems.push(`${where}: h1 ${JSON.stringify(h1.textContent.slice(0, 60))}`);
    const body = root.querySelector('.ar-body');
    if (expectText === 'body' && !norm(body?.textContent ?? '').includes(norm(shown(v)))) {
      problems.push(`${where}: body text does not show the payload`);
    }
  };

  let untitledCount = 0;
  const hosts = [...document.querySelectorAll('article-reader, .xss-host')];
  for (const [i, host] of hosts.entries()) {
    const v = texts[i];
    const root = host.shadowRoot;
    if (!root || !(await until(() => root.querySelector('h1, [role=alert]')))) {
      problems.push(`reader ${i}: nothing rendered`);
      continue;
    }
    if (root.querySelector('[role=alert]')) {
      // A JSON-LD headline that is only markup has no text: no title, an alert.
      const untitled = format === 'news' && !norm(markupText(v));
      if (untitled) untitledCount++;
      if (strictText && !untitled) problems.push(`reader ${i}: alert ${root.querySelector('[role=alert]').textContent.slice(0, 120)}`);
      check(root, `reader ${i} (alert)`, v, false);
      continue;
    }
    if (format !== 'feed') {
      check(root, `reader ${i}`, v, 'body');
      continue;
    }
    check(root, `reader ${i} list`, v, 'title');
    const count = root.querySelectorAll('.ar-item-open').length;
    if (count !== 3) problems.push(`reader ${i}: ${count} items listed`);
    for (let k = 0; k < count; k++) {
      root.querySelectorAll('.ar-item-open')[k].click();
      if (!(await until(() => root.querySelector('article h1') && root.querySelector('.ar-back')))) {
        problems.push(`reader ${i} item ${k}: not opened`);
        break;
      }
      // Item 0 is HTML content (shown as converted blocks, not as text);
      // item 2 is untitled (its title is derived and shortened).
      check(root, `reader ${i} item ${k}`, v, k === 1 ? 'body' : false);
      root.querySelector('.ar-back').click();
      if (!(await until(() => root.querySelectorAll('.ar-item-open').length === count))) {
        problems.push(`reader ${i} item ${k}: no way back`);
        break;
      }
    }
  }
  return { problems, views, readers: hosts.length, untitled: untitledCount };
}

/** Checks the page after an audit: nothing ran, nothing navigated. */
async function verdict(page, result, { url, path, expectReaders = N, hostInjected = false }) {
  tally.paths.add(path);
  tally.loads += result.readers;
  const hits = await page.evaluate(() => window.__pwnedHits);
  tally.executed += hits.length + page.dialogs.length;
  tally.unsafe += result.problems.length;
  assert.deepEqual(hits, [], `sentinel called by vectors ${hits.map((i) => `${i} (${VECTORS[i][0]})`)}`);
  assert.deepEqual(page.dialogs, [], 'a dialog opened');
  assert.equal(page.url(), url, 'the page navigated');
  assert.equal(await page.evaluate(() => document.baseURI), url, 'the base URL changed');
  assert.equal(result.readers, expectReaders);
  assert.ok(result.views >= expectReaders, `only ${result.views} views checked`);
  assert.deepEqual(result.problems, [], result.problems.slice(0, 30).join('\n'));
  const csp = (p) => p.includes('Content Security Policy');
  assert.deepEqual(problemsBesidesLoads(page).filter((p) => !(hostInjected && csp(p))), []);
  if (hostInjected) {
    // The host page itself was injected, and its CSP stopped it.
    assert.ok(page.problems.some(csp), 'the raw page was not injected: the test proves nothing');
  }
}

const textsOf = () => VECTORS.map((_, i) => payload(i));

test('the audit and the sentinel catch what they look for (self-test)', T, async () => {
  const page = await armedPage();
  try {
    await page.goto(`${server.url}/pages/blank.html`);
    const v = payload(0);
    await page.evaluate(async (article) => {
      const { mount } = await import('/article-reader.js');
      const el = document.createElement('section');
      el.className = 'xss-host';
      document.getElementById('box').append(el);
      await mount(el, { article }).ready;
    }, FORMATS.native(v));
    await page.locator('.xss-host h1').waitFor();
    // Plant in the shadow root what a broken reader would produce.
    await page.evaluate(() => {
      const root = document.querySelector('.xss-host').shadowRoot;
      const planted = document.createRange().createContextualFragment(
        '<a href="java\tscript:x">a</a><a href="https://e.example/">b</a><img src="data:image/svg+xml,x">'
        + '<svg></svg><p style="color:red" onclick="x">p</p><iframe srcdoc="x"></iframe>');
      root.querySelector('.ar-body').append(planted);
      // And in the light DOM, a vector that runs.
      document.body.append(document.createRange().createContextualFragment('<img src="/nope.png" onerror="top.__pwned(99)">'));
    });
    const result = await page.evaluate(audit, { format: 'native', texts: [v], strictText: true });
    const found = result.problems.join('\n');
    for (const needle of ['script:x">', 'without rel', 'data:image/svg+xml', '<svg>', 'onclick', 'style=', '<iframe>', 'srcdoc']) {
      assert.ok(found.includes(needle), `the audit missed ${needle}:\n${found}`);
    }
    await page.waitForFunction(() => window.__pwnedHits.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__pwnedHits), [99]);
  } finally {
    await page.context().close();
  }
});

for (const format of NAMES) {
  test(`xss ${format}: mount(el, { article }) with a search open`, T, async () => {
    const page = await armedPage();
    try {
      const url = `${server.url}/pages/blank.html`;
      await page.goto(url);
      await page.evaluate(async ({ list, format }) => {
        const { mount } = await import('/article-reader.js');
        const box = document.getElementById('box');
        await Promise.all(list.map((article) => {
          const el = document.createElement('section');
          el.className = 'xss-host';
          box.append(el);
          return mount(el, { article, query: format === 'feed' ? undefined : 'pwned' }).ready;
        }));
      }, { list: docs[format], format });
      const result = await page.evaluate(audit, { format, texts: textsOf(), strictText: true });
      if (format !== 'feed') assert.ok(await page.locator('.xss-host mark').count() > N, 'the search found no payload text');
      await verdict(page, result, { url, path: 'mount' });
    } finally {
      await page.context().close();
    }
  });

  test(`xss ${format}: <article-reader src>`, T, async () => {
    const page = await armedPage();
    try {
      const url = `${server.url}/xss/${format}/src.html`;
      await page.goto(url);
      const result = await page.evaluate(audit, { format, texts: textsOf(), strictText: true });
      await verdict(page, result, { url, path: 'src attribute' });
    } finally {
      await page.context().close();
    }
  });

  for (const escape of ['u003c', 'slash']) {
    test(`xss ${format}: inline <script type="application/json"> (${escape === 'u003c' ? '< as \\u003c' : '</script as <\\/script'})`, T, async () => {
      const page = await armedPage();
      try {
        const url = `${server.url}/xss/${format}/inline.html?escape=${escape}`;
        await page.goto(url);
        // With only </script escaped, "<!--<script>" in a payload can still
        // swallow the rest of the element; then that reader shows an alert.
        const strictText = escape === 'u003c';
        const result = await page.evaluate(audit, { format, texts: textsOf(), strictText });
        await verdict(page, result, { url, path: `inline JSON (${escape})` });
        if (!strictText) {
          // Besides the JSON-LD headlines that are only markup (no title).
          const alerts = await page.locator('article-reader [role=alert]').count() - result.untitled;
          assert.ok(alerts <= 2, `${alerts} readers failed to parse their inline JSON`);
        }
      } finally {
        await page.context().close();
      }
    });
  }
}

test('xss: unescaped </script> in inline JSON breaks only the host page (strict CSP), never the reader', T, async () => {
  const page = await armedPage();
  try {
    const url = `${server.url}/xss/native/inline.html?escape=raw`;
    await page.goto(url);
    await page.waitForFunction(() => [...document.querySelectorAll('article-reader')]
      .every((el) => el.shadowRoot?.querySelector('h1, [role=alert]')));
    const readers = await page.locator('article-reader').count();
    const result = await page.evaluate(audit, { format: 'native', texts: [], strictText: false, textCheck: false });
    // Readers whose JSON the HTML parser cut short show the parse error.
    const alerts = await page.locator('article-reader [role=alert]').count();
    assert.ok(alerts >= 1, 'no inline document was cut short: the test proves nothing');
    const cut = await page.locator('article-reader [role=alert]').first().textContent();
    assert.match(cut, /JSON/);
    await verdict(page, result, { url, path: 'inline JSON (raw)', expectReaders: readers, hostInjected: true });
  } finally {
    await page.context().close();
  }
});

test('xss: the standalone page with ?src= (every 4th vector, all formats)', T, async () => {
  const page = await armedPage();
  try {
    for (const format of NAMES) {
      for (let i = 0; i < N; i += 4) {
        const url = `${server.url}/?src=/xss/${format}/${i}.json`;
        await page.goto(url);
        const result = await page.evaluate(audit, { format, texts: [payload(i)], strictText: true });
        await verdict(page, result, { url, path: 'standalone ?src=', expectReaders: 1 });
      }
    }
  } finally {
    await page.context().close();
  }
});

test('every link carries rel="noopener noreferrer", the footer\'s tel: and mailto: links included', T, async () => {
  const page = await armedPage();
  try {
    // The first two carry a publisher phone and email; the NewsArticle none.
    for (const [url, hasPhone] of [[`${server.url}/`, true], [`${server.url}/?src=/xss/native/0.json`, true], [`${server.url}/?src=/fixtures/newsarticle.json`, false]]) {
      await page.goto(url);
      await page.locator('article-reader h1').waitFor();
      const links = await page.evaluate(() => [...document.querySelector('article-reader').shadowRoot.querySelectorAll('a[href]')]
        .map((a) => ({ href: a.getAttribute('href'), rel: (a.getAttribute('rel') ?? '').split(/\s+/) })));
      if (hasPhone) assert.ok(links.some((l) => l.href.startsWith('tel:')), `${url}: no tel: link to check`);
      const bad = links.filter((l) => !l.href.startsWith('#'))
        .filter((l) => !l.rel.includes('noopener') || !l.rel.includes('noreferrer')).map((l) => l.href);
      assert.deepEqual(bad, [], `${url}: links without rel="noopener noreferrer"`);
    }
  } finally {
    await page.context().close();
  }
});
