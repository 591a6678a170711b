#!/usr/bin/env bash
# scripts/lib/build_sodium_web.sh SODIUM_SRC: builds libsodium (Debian source package, full build with
# scrypt) for the web with emcc, once, cached under $TOWARD_CACHE keyed by the package and emcc
# versions. Compiles the library's .c files directly (no autotools): -DCONFIGURED=1, a generated
# version.h, no assembly, no threads; the platform-specific randombytes back ends are left out (under
# Emscripten, randombytes.c uses crypto.getRandomValues / node's crypto). Prints the install prefix
# (holding include/ and lib/libsodium.a) on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
source "$here/scripts/lib/env.sh"
src="${1:?usage: build_sodium_web.sh SODIUM_SRC}"
version="$(sed -n 's/^Version: //p' "$src"/../*.dsc | head -1)"
out="$TOWARD_CACHE/sodium-web-${version}-em$(emcc_version)"
if [ ! -f "$out/.done" ]; then
  echo "[setup] building libsodium $version for the web (about a minute, once)" >&2
  rm -rf "$out" "$out.build"
  mkdir -p "$out/include/sodium" "$out/lib" "$out.build/obj"
  lib="$src/src/libsodium"
  upstream="$(echo "$version" | sed 's/-.*//')"
  sed -e "s/@VERSION@/$upstream/" -e 's/@SODIUM_LIBRARY_VERSION_MAJOR@/10/' \
      -e 's/@SODIUM_LIBRARY_VERSION_MINOR@/3/' -e 's/@SODIUM_LIBRARY_MINIMAL_DEF@//' \
      "$lib/include/sodium/version.h.in" > "$out.build/version.h"
  cp -r "$lib/include/sodium.h" "$out/include/"
  cp -r "$lib/include/sodium/"*.h "$out/include/sodium/"
  cp "$out.build/version.h" "$out/include/sodium/version.h"
  objs=()
  n=0
  while IFS= read -r c; do
    case "$c" in
      */randombytes/sysrandom/*|*/randombytes/internal/*) continue ;;
    esac
    n=$((n + 1))
    o="$out.build/obj/$n.o"
    objs+=("$o")
    echo "$c $o"
  done < <(find "$lib" -name '*.c' | sort) > "$out.build/list"
  # Two compilers at a time (the machine has 2 cores).
  (cd "$lib" && xargs -P "$(nproc)" -n 2 sh -c 'emcc -O2 -DCONFIGURED=1 -DSODIUM_STATIC -DNATIVE_LITTLE_ENDIAN=1 \
      -I"'"$out.build"'" -I"'"$lib"'/include/sodium" -I"'"$lib"'/include" -w -c "$0" -o "$1"' \
      < "$out.build/list") > "$TOWARD_CACHE/sodium-web-build.log" 2>&1 \
    || { echo "[setup] libsodium web build failed, see $TOWARD_CACHE/sodium-web-build.log" >&2; exit 1; }
  emar rcs "$out/lib/libsodium.a" "$out.build"/obj/*.o
  rm -rf "$out.build"
  touch "$out/.done"
fi
echo "$out"
