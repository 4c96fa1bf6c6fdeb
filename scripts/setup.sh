#!/usr/bin/env bash
# Installs every tool the project needs, skipping what is already there (idempotent).
# Only package registries are used: crates.io (cargo), npm, Debian apt. Nothing is downloaded
# from anywhere else, so Trunk runs offline with the exact versions pinned in Trunk.toml.
#
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --test   the same, plus Chromium + chromedriver and playwright-core
#   scripts/setup.sh --size   the same, plus twiggy (the wasm size profiler of scripts/size-report.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true
want_size=false
[[ "${1:-}" == "--size" ]] && want_size=true

TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v npm >/dev/null || die "npm not found: install Node.js 20+ (Debian: apt-get install nodejs npm)"

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk (0.22 needs a newer rustc than this toolchain).
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (compiles from crates.io, a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli, exactly the version of the wasm-bindgen crate in Cargo.lock. Not --locked:
#    its own lock file names a crate version the registry does not serve.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
[[ -n "$WBG_VERSION" ]] || die "could not read the wasm-bindgen version from Cargo.lock"
grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml \
  || die "Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (the version in Cargo.lock)"
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 4. Node tools pinned in package-lock.json: wasm-opt (npm `binaryen`; Debian's is too old for
#    today's wasm), playwright-core (drives Debian's Chromium; never downloads a browser),
#    axe-core (the accessibility checks of the browser tests) and markdown-it (the yardstick of
#    tests/bench/markdown.bench.mjs).
if ! [[ -x node_modules/.bin/wasm-opt && -d node_modules/playwright-core && -d node_modules/axe-core && -d node_modules/markdown-it ]]; then
  say "installing node tools (binaryen, playwright-core, axe-core, markdown-it) with npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# 5. Chromium and chromedriver for the browser tests.
if $want_test && ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y chromium chromium-driver || { apt-get update && apt-get install -y chromium chromium-driver; }
  else
    die "the browser tests need Chromium: run 'sudo apt-get install chromium chromium-driver' (or set CHROMIUM=/path/to/chromium)"
  fi
fi
# 6. twiggy, for the per-crate / per-function size report (scripts/size-report.sh) only.
if $want_size && [[ "$(twiggy --version 2>/dev/null)" != *" $TWIGGY_VERSION" ]]; then
  say "installing twiggy $TWIGGY_VERSION (compiles from crates.io, a few minutes)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi
say "tools ready"
