#!/usr/bin/env bash
# Benchmarks that print figures (never pass/fail): bundle size, first render
# against a static page, and search against JS baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
echo "== bundle size"; node bench/sizes.mjs
echo; echo "== first render"; node bench/first-render.mjs
if [ -f bench/search.mjs ]; then echo; echo "== search"; node bench/search.mjs; fi
