// Builds the shipped JS and CSS in dist/ (run from the Trunk post-build
// hook, before the prerender):
//   - js/article-reader.js and its modules (js/lib/) bundled into one
//     minified ES module; the wasm-bindgen glue of each wasm (the lean
//     one and the full one, scripts/full-wasm.mjs) stays a file of its own;
//   - js/standalone-early.js and js/article-reader-early.js (for portal
//     pages) bundled into classic scripts (IIFEs);
//   - the CSS rules derived from src/settings.json (text size steps)
//     written into the stylesheets, then everything minified.
// Our sources and wasm-bindgen's glue are written to be read: comments and
// indentation would otherwise ship to phones.
//   node scripts/bundle.mjs [dir=dist]
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const settings = JSON.parse(await readFile(join(root, 'src/settings.json'), 'utf8'));
const TARGET = ['chrome90', 'edge90', 'firefox90', 'safari15'];
const minify = { minify: true, target: TARGET, legalComments: 'none', charset: 'utf8' };

/** The glue that wasm-bindgen writes next to the bundle is imported, not
 * bundled: the lean one statically, the full one on demand (js/lib/boot.js). */
const glueIsExternal = {
  name: 'wasm-glue',
  setup(b) {
    b.onResolve({ filter: /article-reader-(wasm|full)\.js$/ }, (args) => ({ path: `./${args.path.split('/').pop()}`, external: true }));
  },
};

/** src/settings.json without its "//" notes, which are for people, not phones. */
const settingsWithoutNotes = {
  name: 'settings-notes',
  setup(b) {
    const strip = (v) => (Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('//')).map(([k, x]) => [k, strip(x)]))
      : v);
    b.onLoad({ filter: /settings\.json$/ }, async (args) => ({
      contents: JSON.stringify(strip(JSON.parse(await readFile(args.path, 'utf8')))),
      loader: 'json',
    }));
  },
};

/** CSS derived from the text size steps: the reader's scale per step,
 * and a server-rendered reader's before hydration when its host carries a
 * stored step (js/lib/stored-choices.js); and the line height of each line
 * spacing step of the display panel, likewise. */
function derivedRules() {
  const { scales } = settings.textSize;
  const { names, heights, defaultStep } = settings.display.lineSpacing;
  const stored = (facet, value) => `:host([data-ar-stored-${facet}="${value}"]) .ar-prerendered .ar-reader`;
  // The default spacing leaves room for the host's --ar-line-height.
  const spacing = names.map((n, i) => `.ar-spacing-${n},${stored('spacing', n)}{--_lh:${i === defaultStep ? `var(--ar-line-height,${heights[i]})` : heights[i]}}`);
  return [...scales.map((f, i) => `.ar-step-${i}{--ar-scale:${f}}\n${stored('step', i)}{--ar-scale:${f}}`), ...spacing].join('\n');
}

async function bundle(entry, out, format, plugins = []) {
  const result = await build({ ...minify, bundle: true, write: false, entryPoints: [join(root, entry)], format, plugins });
  return [out, result.outputFiles[0].text];
}

/** The loader, split: what only some readers use (the reading aids'
 * viewer, speech, passage links) goes into chunks of its own, fetched by
 * dynamic import() on first use, named `ar-<module>-<hash>.js`. */
async function bundleSplit(entry, out, plugins) {
  const result = await build({
    ...minify, bundle: true, write: false, entryPoints: [join(root, entry)], format: 'esm', plugins,
    splitting: true, outdir: root, entryNames: '[name]', chunkNames: 'ar-[name]-[hash]',
  });
  return result.outputFiles.map((f) => [f.path.endsWith(`/${out}`) ? out : basename(f.path), f.text]);
}

/** Writes the shipped JS and CSS of `dir`, printing each one's size. */
export async function bundleDist(dir) {
  const outputs = [
    ...await bundleSplit('js/article-reader.js', 'article-reader.js', [glueIsExternal, settingsWithoutNotes]),
    await bundle('js/standalone-early.js', 'standalone-early.js', 'iife', [settingsWithoutNotes]),
    await bundle('js/article-reader-early.js', 'article-reader-early.js', 'iife', [settingsWithoutNotes]),
  ];
  for (const name of ['article-reader-wasm.js', 'article-reader-full.js', 'standalone.js']) {
    const code = await readFile(join(dir, name), 'utf8');
    outputs.push([name, (await transform(code, { ...minify, loader: 'js' })).code]);
  }
  for (const [name, rules] of Object.entries({ 'article-reader.css': derivedRules(), 'page.css': '' })) {
    const css = `${await readFile(join(dir, name), 'utf8')}\n${rules}\n`;
    outputs.push([name, (await transform(css, { ...minify, loader: 'css' })).code]);
  }
  for (const [name, code] of outputs) {
    await writeFile(join(dir, name), code);
    console.log(`bundle: ${name} ${code.length} bytes`);
  }
  await copyFile(join(root, 'js/article-reader.d.ts'), join(dir, 'article-reader.d.ts'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleDist(process.argv[2] ?? 'dist');
}
