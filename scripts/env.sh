# Sourced by the scripts: puts the project's pinned tools first on PATH (wasm-opt from npm).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
