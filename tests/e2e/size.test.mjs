// The bundle budget: wasm + JS + CSS, brotli-compressed. Lower the limit as
// the bundle shrinks; never raise it without a reason in the commit.
// History: 156 KB with the first reader; the search index, the
// simplified/traditional table (6 KB), accessibility and embedding fixes took
// it to 185 KB; fetching that table only when asked for brought it to 179 KB;
// a JSON reader of our own instead of serde_json, to 157 KB; minifying the
// shipped JS and CSS (scripts/minify.mjs), to 152 KB; reading time and
// contents worked out once per document instead of per keystroke, and
// sizes in MB in errors, 153.1 KB (budget raised 153 -> 154 for them);
// search hits and event details through serde-wasm-bindgen, the design's
// stated dependency (issue 10: adopted if no slower for 20 hits and at most
// 2 KB bigger; measured faster, +1.8 KB), 155.3 KB (budget 154 -> 156).
// Then, measured as each was merged: documents as real sites publish them
// (tables, code, embeds, attachments, images anywhere, relative URLs,
// partial feeds, entities, messages in the UI language; issue 11) about
// +21 KB; hydration of server-rendered readers (issue 13) +8.3 KB; the
// display panel and "continue where you left off" (issue 14) +10.4 KB; the
// site search engine behind openIndex() (issue 12) +11.2 KB: 208.4 KB
// (budget 156 -> 209); fetching the whole table of character references
// on demand (its reader in the wasm and the loader's fetch) +1.3 KB,
// 209.7 KB (budget 209 -> 210). Then the split: the shipped default wasm is
// built without hydration and site search (the Cargo features `hydrate`,
// `site-search`), which only a second, full wasm carries, loaded only by
// pages that need it (js/lib/boot.js): lean 189.5 KB (budget 210 -> 190),
// full 209.6 KB (its own budget, 210). Then the oracle-found allowlist
// fixes and foreign content (issue 11) +2.2 KB, the controls of the image
// viewer, copy link and read aloud (issue 14; their behaviour is in JS
// chunks loaded on first use) +4.4 KB, and in the full wasm only the site
// search view (issue 12) +7.9 KB: lean 196.6 KB (budget 190 -> 198), full
// 223.3 KB (budget 210 -> 225). Then issue 14's display dialog moved into
// a chunk loaded on first use and "continue where you left off" into the
// loader's JS (2.8 KB of wasm became 0.9 KB of JS): lean 190.1 KB (budget
// 198 -> 192; issue 14 in all now adds 6.6 KB to the 183.6 KB the lean
// bundle measures with it compiled out), full 217.8 KB (budget 225 ->
// 220). The limit was 160 KB; the target is 130 KB: lower these as
// the bundles shrink.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, BUNDLE, FULL_BUNDLE, DIST } from '../../bench/sizes.mjs';

/** Every `src` or inline reader: the lean wasm and its glue, JS and CSS. */
const BUDGET_BROTLI = 192 * 1024;
/** A page that hydrates a server-rendered reader or searches a site. */
const FULL_BUDGET_BROTLI = 220 * 1024;

for (const [what, files, budget] of [['bundle', BUNDLE, BUDGET_BROTLI], ['full bundle', FULL_BUNDLE, FULL_BUDGET_BROTLI]]) {
  test(`${what} stays under ${budget / 1024} KB brotli`, () => {
    const { rows, total } = measure(files);
    for (const r of rows) console.log(`# ${r.name}: ${r.raw} raw, ${r.gzip} gzip, ${r.brotli} brotli`);
    assert.ok(total.brotli <= budget, `${what}: total ${total.brotli} B brotli > budget ${budget} B`);
  });
}

// What is loaded on first use (js/lib/aids.js: esbuild chunks) must stay
// out of the loader's static imports: a chunk the loader imports is one
// more file every page fetches, which the budget above would not count.
test('the loader imports no chunk statically', () => {
  const loader = readFileSync(`${DIST}/article-reader.js`, 'utf8');
  assert.deepEqual(loader.match(/(?:^|[;}\s])import\s*[^(]*?from\s*["']\.\/ar-[^"']+["']/g) ?? [], []);
  assert.match(loader, /import\(["']\.\/ar-display-[^"']+\.js["']\)/, 'the display dialog is a chunk loaded on demand');
});
