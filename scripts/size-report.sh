#!/usr/bin/env bash
# Where the app's wasm bytes go, per crate and per function (twiggy, installed by
# scripts/setup.sh). Builds the release wasm like Trunk does (cargo, wasm-bindgen, wasm-opt -Oz)
# but keeps the function names, then prints the report. The size of the shipped bundle itself
# is scripts/size.mjs on dist/.
#
#   scripts/size-report.sh [rows]        (rows per table, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --size
source scripts/env.sh
out=target/size-report
mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown -p worklog-viewer
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name app \
  target/wasm32-unknown-unknown/release/worklog-viewer.wasm
# -g keeps the names for twiggy; the code is what Trunk's wasm-opt -Oz gives.
wasm-opt -Oz -g "$out/app_bg.wasm" -o "$out/app_named.wasm"
wasm-opt -Oz "$out/app_bg.wasm" -o "$out/app.wasm"
printf 'wasm-opt -Oz: %s B raw, %s B gzip -9\n\n' "$(stat -c %s "$out/app.wasm")" "$(gzip -9 -c "$out/app.wasm" | wc -c)"
twiggy top -n 1000000 --format csv "$out/app_named.wasm" > "$out/top.csv"
node scripts/size-report.mjs "$out/top.csv" "${1:-30}"
