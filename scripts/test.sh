#!/usr/bin/env bash
# Runs every check and test of article-reader and ends with one summary
# line ("N passed, M failed"). Called by `make test` (after setup) and CI.
#   1. cargo fmt --check           5. release build (trunk build --release)
#   2. clippy, native and wasm     6. end-to-end tests in Chromium on dist/
#   3. native unit/property tests
#   4. component tests (wasm-bindgen-test, headless Chromium)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_TIMEOUT=120

log=$(mktemp -d)
passed=0 failed=0 steps_failed=()

# Adds up "N passed; M failed" (cargo, wasm-bindgen-test) and node's
# "# pass N" / "# fail M" from a step's output.
count() {
  local p f
  p=$(grep -hoE '(test result: [a-zA-Z]+\. )[0-9]+ passed' "$1" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -hoE '[0-9]+ passed; [0-9]+ failed' "$1" | awk '{s+=$3} END {print s+0}')
  p=$((p + $(grep -hoE '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')))
  f=$((f + $(grep -hoE '^# fail [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')))
  passed=$((passed + p)); failed=$((failed + f))
}

step() {
  local name=$1; shift
  local out="$log/${name// /_}.log"
  printf '\n==> %s\n' "$name"
  local t0=$SECONDS
  if "$@" 2>&1 | tee "$out"; then
    printf '<== %s: ok (%ss)\n' "$name" $((SECONDS - t0))
  else
    printf '<== %s: FAILED (%ss)\n' "$name" $((SECONDS - t0))
    steps_failed+=("$name")
  fi
  count "$out"
}

step "format" cargo fmt --all -- --check
step "clippy native" cargo clippy --all-targets --locked -- -D warnings
step "clippy wasm" cargo clippy --target wasm32-unknown-unknown --lib --tests --locked -- -D warnings
step "typings" tsc -p tests/types
step "native tests" cargo test --locked
step "component tests" cargo test --locked --target wasm32-unknown-unknown --test components
step "release build" trunk build --release
step "end-to-end tests" node --test --test-concurrency=1 tests/e2e/

echo
if [ ${#steps_failed[@]} -gt 0 ]; then
  echo "Failed steps: ${steps_failed[*]}"
  [ "$failed" -eq 0 ] && failed=${#steps_failed[@]}
fi
echo "$passed passed, $failed failed"
[ ${#steps_failed[@]} -eq 0 ]
