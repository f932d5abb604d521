#!/usr/bin/env bash
# The release build: `trunk build --release` into dist/, with the wasm built
# for size by a pinned nightly toolchain (scripts/setup.sh installs it):
#   - build-std with optimize_for_size: std itself compiled for size, not
#     the prebuilt std that is compiled for speed;
#   - panic=immediate-abort: a panic is a trap, with no message formatting
#     code in the bundle (release already aborts on panic; this drops the
#     text). Debug builds and all tests keep panic messages.
# Measured on this code: wasm 141.6 -> 124.9 KB brotli (bench/sizes.mjs).
# The stable toolchain still builds everything else (tests, clippy).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTUP_TOOLCHAIN="$(cat scripts/size-toolchain)"
export CARGO_UNSTABLE_BUILD_STD="std panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release "$@"
