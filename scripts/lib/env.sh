# scripts/lib/env.sh: shared environment for the project's scripts (sourced, not run).
# TOWARD_CACHE: where third-party builds live, outside the work tree, keyed by version.
export TOWARD_CACHE="${TOWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/toward}"
# emcc at -O1+ needs Debian's node modules (acorn); the machine's node may not be Debian's.
export NODE_PATH=/usr/share/nodejs
# Emscripten 3.1.6 tries fetch() on the wasm under node; this keeps it on the file system.
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--no-experimental-fetch"
mkdir -p "$TOWARD_CACHE"
emcc_version() { emcc --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\) .*/\1/p'; }
