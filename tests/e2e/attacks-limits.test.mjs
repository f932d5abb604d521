// Hardening (issue 6), part 2: documents built to hurt — 20 MB announced,
// 64 MB streamed, nested 100,000 levels deep, invalid UTF-8 — end in the
// alert view with a readable message, and the page stays responsive.
// (The harness generates them: /huge.json, /huge-chunked.json, /deep.json,
// /invalid-utf8.json.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, guard, chunked } from './harness.mjs';

const T = { timeout: 60000 };
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** After the alert: the main thread answers and the reader still takes
 * input (not stuck parsing or reading). How fast is for benchmarks; a hang
 * fails here with a message. */
async function assertResponsive(page, scope) {
  assert.equal(await guard(page.evaluate(() => 1 + 1), 'the page answering after the alert'), 2);
  const box = scope.getByRole('searchbox', { name: '搜索' });
  await guard(box.fill('干部'), 'typing into the search box after the alert');
  assert.equal(await box.inputValue(), '干部');
  assert.ok(await scope.getByRole('button', { name: '重试' }).isVisible());
}

const CASES = [
  ['a 20 MB document (Content-Length)', '/huge.json', /文档太大.*上限/],
  ['a 64 MB document (chunked, no length)', '/huge-chunked.json', /文档太大.*上限/],
  ['a document nested 100,000 levels deep', '/deep.json', /不是有效的 JSON/],
  ['a document with invalid UTF-8 bytes', '/invalid-utf8.json', /UTF-8/],
];

for (const [name, src, message] of CASES) {
  test(`${name} via ?src= ends in the alert, and the page stays responsive`, T, async () => {
    const page = await newPage(browser);
    try {
      await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('article-reader:error', (e) => window.__errors.push(e.detail.message));
      });
      await page.goto(`${server.url}/?src=${src}`);
      const alert = page.getByRole('alert');
      // The reader gives up on its own (size cap, parse error, its fetch
      // timeout); no alert at all is a hang.
      await guard(alert.waitFor({ timeout: 0 }), `the alert for ${src}`);
      const text = (await alert.textContent()).trim();
      assert.match(text, message);
      assert.ok(text.length < 400, `an unreadable message (${text.length} chars)`);
      assert.doesNotMatch(text, /panic|unreachable|RuntimeError|undefined/i);
      await assertResponsive(page, page);
      const errors = await page.evaluate(() => window.__errors);
      assert.equal(errors.length, 1);
      assert.match(errors[0], message);
      if (src === '/huge-chunked.json') {
        // The reader stops reading at its 5 MB cap (plus the chunk that
        // crossed it; the browser hands over up to a few MB at once) and
        // cancels the download: the server never sends the rest (it sends
        // the cap plus what the socket and browser buffer, about 20 MB at
        // most here, not all 64 MB).
        const [, read] = text.match(/至少 ([\d.]+) MB/);
        assert.ok(Number(read) >= 5 && Number(read) < 12, `read ${read} MB before stopping`);
        // Once the reader cancels, the server sees the connection close.
        await guard(chunked.closed, 'the reader closing the chunked download');
        assert.ok(chunked.sent < chunked.total / 2, `the client took ${chunked.sent} of ${chunked.total} bytes`);
      }
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });
}

test('the same documents given inline (mount json) end in the alert too; lone surrogates are just text', T, async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/pages/blank.html`);
    const deep = await (await fetch(`${server.url}/deep.json`)).text();
    const cases = [
      [deep, /不是有效的 JSON/],
      [`{"format":"article-reader","version":1,"title":"t","blocks":[${'{"type":"paragraph","text":"x"},'.repeat(20000)}{"type":"paragraph","text":"x"}]}`, /上限/],
    ];
    for (const [n, [json, message]] of cases.entries()) {
      await page.evaluate(async ({ json, n }) => {
        const { mount } = await import('/article-reader.js');
        const el = document.createElement('section');
        el.id = `c${n}`;
        document.body.append(el);
        await mount(el, { json }).ready;
      }, { json, n });
      const scope = page.locator(`#c${n}`);
      const alert = scope.getByRole('alert');
      await guard(alert.waitFor({ timeout: 0 }), `the alert for case ${n}`);
      assert.match(await alert.textContent(), message, `case ${n}`);
      await assertResponsive(page, scope);
    }
    // A lone surrogate is just text (U+FFFD), as JSON.parse + the DOM show
    // it, whether it arrives escaped in JSON text or in a JS string.
    const lone = [
      ['json', '{"format":"article-reader","version":1,"title":"a\\ud800b","blocks":[]}'],
      ['article', { format: 'article-reader', version: 1, title: 'a\ud800b', blocks: [] }],
    ];
    for (const [key, value] of lone) {
      await page.evaluate(async ({ key, value }) => {
        const { mount } = await import('/article-reader.js');
        const el = document.createElement('section');
        el.id = `lone-${key}`;
        document.body.append(el);
        await mount(el, { [key]: value }).ready;
      }, { key, value });
      const h1 = page.locator(`#lone-${key} h1`);
      await h1.waitFor();
      assert.equal((await h1.textContent()).trim(), 'a\ufffdb', key);
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});
