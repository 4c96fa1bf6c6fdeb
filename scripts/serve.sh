#!/usr/bin/env bash
# README command 1: install what is missing, then build and serve the app with the bundled demo
# worklogs at http://127.0.0.1:8080 (rebuilds on change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
