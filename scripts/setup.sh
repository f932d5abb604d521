#!/usr/bin/env bash
# Installs everything article-reader needs to build, serve and test, and
# skips whatever is already present. Safe to run again and again.
#   - wasm32 target; trunk 0.22 (built with rustc 1.96.1, which it needs)
#   - wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version
#   - Node itself is not installed here; its version is checked against
#     package.json "engines"
#   - npm packages: binaryen 132 (wasm-opt), esbuild (minify), playwright-core, axe-core
#   - Debian: chromium, chromium-driver, fonts-noto-cjk; speech-dispatcher and
#     espeak-ng (a real speech engine for the read-aloud e2e test)
# Debian's own binaryen (108) builds wasm that crashes Chromium: we never
# install it, and the Makefile puts node_modules/.bin first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK \
  || apt_missing+=(fonts-noto-cjk)
command -v speech-dispatcher >/dev/null 2>&1 || apt_missing+=(speech-dispatcher)
command -v espeak-ng >/dev/null 2>&1 || apt_missing+=(espeak-ng)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt: installing ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null 2>&1; then
  say "trunk: building 0.22.1 with rustc 1.96.1 (about 15 minutes on 2 cores)"
  rustup toolchain list | grep -q '^1.96.1' || rustup toolchain install 1.96.1 --profile minimal
  cargo +1.96.1 install --locked trunk --version 0.22.1
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Not --locked: the CLI's lockfile names a crate the registry lacks.
  say "wasm-bindgen-cli: installing $want (have: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# The Node versions the end-to-end tests run on (package.json "engines":
# "^A.B.C" alternatives): node:test's TAP reporter and --test-concurrency.
node -e '
  const want = JSON.parse(require("fs").readFileSync("package.json", "utf8")).engines.node;
  const have = process.versions.node.split(".").map(Number);
  const fits = want.split("||").some((alt) => {
    const [a, b, c] = alt.trim().replace(/^\^/, "").split(".").map(Number);
    return have[0] === a && (have[1] > b || (have[1] === b && have[2] >= c));
  });
  if (!fits) {
    console.error(`[setup] Node ${process.versions.node} found; package.json "engines" wants ${want}`);
    process.exit(1);
  }
' || { command -v node >/dev/null || say "node: not found (install Node, see package.json engines)"; exit 1; }

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm: installing dev packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready: $(trunk --version), wasm-bindgen $want, $(node_modules/.bin/wasm-opt --version)"
