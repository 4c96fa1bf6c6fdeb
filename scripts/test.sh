#!/usr/bin/env bash
# README command 2: install what is missing, then run every check and test:
# formatting, clippy, native tests of all crates, a release build of the app, browser tests in
# headless Chromium. Stops at the first failing step and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo clippy (app, wasm32)"
cargo clippy -p worklog-viewer --target wasm32-unknown-unknown -- -D warnings
step "cargo test (native)"
cargo test --workspace
step "trunk build --release"
trunk build --release
step "bundle size (gzip -9 of everything the first load fetches)"
node scripts/size.mjs dist
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
