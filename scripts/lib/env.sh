# scripts/lib/env.sh: shared environment for the project's scripts (sourced, not run).
# TOWARD_CACHE: where third-party builds live, outside the work tree, keyed by version.
export TOWARD_CACHE="${TOWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/toward}"
# emcc at -O1+ needs Debian's node modules (acorn); the machine's node may not be Debian's.
export NODE_PATH=/usr/share/nodejs
# Running emcc output under node needs `node --no-experimental-fetch` (3.1.6 tries fetch() on the
# wasm). Pass it on that command only: Playwright needs fetch, so it must not go into NODE_OPTIONS.
mkdir -p "$TOWARD_CACHE"
# ccache keeps our own compilations too (scripts/build hands it to CMake as the compiler launcher), keyed
# by what each compile reads: a clean clone at a commit already built compiles nothing again, and the web
# app with and without test hooks share every object but web/'s. BASEDIR makes paths relative so any
# checkout hits; NOHASHDIR leaves the working directory (only in debug info) out of the key.
export CCACHE_DIR="${CCACHE_DIR:-$TOWARD_CACHE/ccache}"
export CCACHE_BASEDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-6G}"
toward_launcher() { # the CMake arguments that put ccache in front of the compilers, when it is there
  command -v ccache >/dev/null && echo "-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  return 0
}
emcc_version() { emcc --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\) .*/\1/p'; }
