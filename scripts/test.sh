#!/usr/bin/env bash
# Runs every check and test of article-reader and ends with one summary
# line ("N passed, M failed, K skipped"). Called by `make test` (after
# setup) and CI.
#   1. cargo fmt --check           5. cargo check of the fuzz targets
#   2. clippy, native and wasm     6. release build (trunk build --release)
#   3. native unit/property tests  7. end-to-end tests in Chromium on dist/
#   4. component tests (wasm-bindgen-test, headless Chromium) and the
#      JS unit tests (Node)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_TIMEOUT=120

log=$(mktemp -d)
passed=0 failed=0 skipped=0 cancelled=0 steps_failed=()

# The counts in a step's output, as "passed failed skipped cancelled":
# cargo and wasm-bindgen-test print "test result: … N passed; M failed;
# K ignored; …" per test binary; node's TAP reporter (asked for by name
# below, so a newer Node's default reporter cannot change the format) ends
# with "# pass N", "# fail M", "# cancelled C", "# skipped S", "# todo T".
counts() {
  awk '
    /test result: / {
      for (i = 1; i <= NF; i++) {
        n = $(i - 1) + 0
        if ($i ~ /^passed/) p += n; else if ($i ~ /^failed/) f += n; else if ($i ~ /^ignored/) s += n
      }
    }
    /^# pass [0-9]+$/ { p += $3 }
    /^# fail [0-9]+$/ { f += $3 }
    /^# cancelled [0-9]+$/ { c += $3 }
    /^# (skipped|todo) [0-9]+$/ { s += $3 }
    END { print p + 0, f + 0, s + 0, c + 0 }
  ' "$1"
}

step() {
  local name=$1; shift
  local out="$log/${name// /_}.log"
  printf '\n==> %s\n' "$name"
  local t0=$SECONDS ok=1
  "$@" 2>&1 | tee "$out" || ok=0
  local p f s c
  read -r p f s c < <(counts "$out")
  passed=$((passed + p)); failed=$((failed + f + c)); skipped=$((skipped + s)); cancelled=$((cancelled + c))
  if [ $ok -eq 1 ]; then
    printf '<== %s: ok (%ss)\n' "$name" $((SECONDS - t0))
  else
    printf '<== %s: FAILED (%ss)\n' "$name" $((SECONDS - t0))
    steps_failed+=("$name")
    # A step that failed without a failing test (a build or lint error, a
    # crash) counts as one failure of its own.
    [ $((f + c)) -eq 0 ] && failed=$((failed + 1))
  fi
}

# Listed one by one (not the folder): newer Node reads a bare folder
# argument as a file. harness.mjs and xss-vectors.mjs are helpers.
e2e_files=(tests/e2e/*.test.mjs)

step "format" cargo fmt --all -- --check
step "clippy native" cargo clippy --all-targets --locked -- -D warnings
step "clippy wasm" cargo clippy --target wasm32-unknown-unknown --lib --tests --locked -- -D warnings
step "typings" tsc -p tests/types
step "JS unit tests" node --test --test-reporter=tap tests/js/*.test.mjs
step "native tests" cargo test --locked
step "component tests" cargo test --locked --target wasm32-unknown-unknown --test components --test components_display --test components_site --test components_aids
# Fuzzing itself needs nightly (scripts/fuzz.sh); the targets build on
# stable, so checking them here keeps them compiling against the core.
step "fuzz targets" cargo check --manifest-path fuzz/Cargo.toml --locked --bins
step "release build" trunk build --release
step "end-to-end tests" node --test --test-reporter=tap --test-concurrency=1 "${e2e_files[@]}"

echo
[ ${#steps_failed[@]} -gt 0 ] && echo "Failed steps: ${steps_failed[*]}"
[ "$cancelled" -gt 0 ] && echo "($cancelled of the failed were cancelled: they did not finish)"
echo "$passed passed, $failed failed, $skipped skipped"
[ ${#steps_failed[@]} -eq 0 ]
