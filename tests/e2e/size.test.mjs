// The bundle budget: wasm + JS + CSS, brotli-compressed. Lower the limit as
// the bundle shrinks; never raise it without a reason in the commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../../bench/sizes.mjs';

const BUDGET_BROTLI = 160 * 1024;

test(`bundle stays under ${BUDGET_BROTLI / 1024} KB brotli`, () => {
  const { rows, total } = measure();
  for (const r of rows) console.log(`# ${r.name}: ${r.raw} raw, ${r.gzip} gzip, ${r.brotli} brotli`);
  assert.ok(total.brotli <= BUDGET_BROTLI, `total ${total.brotli} B brotli > budget ${BUDGET_BROTLI} B`);
});
