// Unit tests of the stored reading positions of "continue where you left
// off" (js/lib/resume.js), in Node: the module is bundled by esbuild as the
// shipped loader is (it imports src/settings.json), then imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const ROOT = new URL('../../', import.meta.url);
const { resume } = JSON.parse(readFileSync(new URL('src/settings.json', ROOT), 'utf8'));
const { outputFiles } = await build({
  entryPoints: [new URL('js/lib/resume.js', ROOT).pathname], bundle: true, write: false, format: 'esm',
});
const { parsePositions, findPosition, recordPosition, positionsText } = await import(
  `data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
const { days: DAYS, maxArticles: MAX } = resume;

test('a recorded position round-trips through its text and is offered within the days', () => {
  const p = recordPosition([], 'news/2024 02 22', 7, 20000);
  const back = parsePositions(positionsText(p));
  assert.deepEqual(back, p);
  assert.equal(findPosition(back, 'news/2024 02 22', 20000 + DAYS - 1), 7);
  assert.equal(findPosition(back, 'news/2024 02 22', 20000 + DAYS), null);
  assert.equal(findPosition(back, 'other', 20000), null);
});

test('the first block is not offered', () => {
  assert.equal(findPosition(recordPosition([], 'a', 0, 1), 'a', 1), null);
});

test('rereading moves to the front, and the oldest beyond the cap go', () => {
  let p = [];
  for (let i = 0; i < MAX + 5; i++) p = recordPosition(p, `id${i}`, i + 1, 100);
  assert.equal(p.length, MAX);
  assert.equal(findPosition(p, 'id0', 100), null, 'the oldest was dropped');
  p = recordPosition(p, 'id10', 3, 101);
  assert.equal(p[0].id, 'id10');
  assert.equal(p.length, MAX);
  assert.equal(p.filter((x) => x.id === 'id10').length, 1);
  assert.equal(parsePositions(positionsText(p)).length, MAX);
  // Stored text longer than the cap (another version, another script) is cut.
  assert.equal(parsePositions(`${positionsText(p)}\n1 1 extra`).length, MAX);
});

test('expired and malformed entries are dropped; ids with line breaks are not recorded', () => {
  let p = parsePositions('5 3 old\nnot a line\n9 x bad\n100 2 new\r\n');
  assert.deepEqual(p.map((x) => x.id), ['old', 'new']);
  p = recordPosition(p, 'x', 1, 5 + DAYS);
  assert.ok(p.every((x) => x.id !== 'old'));
  assert.equal(p.find((x) => x.id === 'new').block, 2);
  for (const bad of ['bad\nid', 'bad\rid', '']) assert.equal(recordPosition(p, bad, 1, 1), p);
  assert.deepEqual(parsePositions(null), []);
});
