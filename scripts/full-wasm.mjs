// The second, "full" wasm (run from the Trunk post-build hook, before the
// bundle): Trunk builds the lean default one (index.html: no default
// features), this builds the crate again WITH the features only some pages
// use (src/lib.rs: `site-search`, `hydrate`), the same three steps Trunk
// takes:
//   cargo build --release --target wasm32-unknown-unknown --lib --features …
//   wasm-bindgen --target web  → article-reader-full.js, article-reader-full_bg.wasm
//   wasm-opt -Oz               (npm binaryen, the version Trunk.toml pins)
// js/lib/boot.js loads it only for a page that needs it (hydrating a
// server-rendered reader, `index`, openIndex()).
//   node scripts/full-wasm.mjs [dir=dist]
// TRUNK_PROFILE=debug (`trunk serve`) builds the dev profile, unoptimised,
// as Trunk does for the lean one.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The features of the full wasm (Cargo.toml [features]). */
export const FULL_FEATURES = ['site-search', 'hydrate'];
/** Its files' stem: article-reader-full.js and article-reader-full_bg.wasm. */
export const FULL_NAME = 'article-reader-full';

const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });

/** Builds the full wasm and its glue into `dir`. */
export function buildFullWasm(dir, profile = process.env.TRUNK_PROFILE ?? 'release') {
  const release = profile !== 'debug';
  // Trunk's environment may point cargo elsewhere; the target is explicit.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('CARGO_BUILD_TARGET')) delete env[k];
  run('cargo', ['build', '--locked', ...(release ? ['--release'] : []), '--target', 'wasm32-unknown-unknown', '--lib',
    '--no-default-features', '--features', FULL_FEATURES.join(',')], env);
  const built = join(root, 'target/wasm32-unknown-unknown', release ? 'release' : 'debug', 'article_reader.wasm');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', FULL_NAME, built]);
  const wasm = join(dir, `${FULL_NAME}_bg.wasm`);
  // Never Debian's binaryen: the one package.json pins.
  if (release) run(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--output', wasm, wasm]);
  console.log(`full wasm: ${wasm} (features ${FULL_FEATURES.join(', ')})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFullWasm(process.argv[2] ?? 'dist');
}
