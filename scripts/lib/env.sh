# scripts/lib/env.sh: shared environment for the project's scripts (sourced, not run).
# TOWARD_CACHE: where third-party builds live, outside the work tree, keyed by version.
export TOWARD_CACHE="${TOWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/toward}"
# emcc at -O1+ needs Debian's node modules (acorn); the machine's node may not be Debian's.
export NODE_PATH=/usr/share/nodejs
# Running emcc output under node needs `node --no-experimental-fetch` (3.1.6 tries fetch() on the
# wasm). Pass it on that command only: Playwright needs fetch, so it must not go into NODE_OPTIONS.
mkdir -p "$TOWARD_CACHE"
emcc_version() { emcc --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\) .*/\1/p'; }
