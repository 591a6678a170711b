#!/usr/bin/env bash
# tests/fuzz/run.sh [seconds]: builds the libFuzzer targets (clang 14, ASan + UBSan) in build/fuzz and runs
# each for `seconds` (default 20) on a seed corpus of real files (age files made by toward-cli at work
# factor 1 with passphrase "pass", and the golden backup document). A longer run, e.g. an hour each:
#   tests/fuzz/run.sh 3600
# Crashes are written to build/fuzz/artifacts/. Ends with "N passed, N failed".
set -uo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-20}"
out="$here/build/fuzz"
passed=0
failed=0
if ! CC=clang CXX=clang++ cmake -S "$here/tests/fuzz" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null \
   || ! cmake --build "$out" -j "$(nproc)" >"$out.log" 2>&1; then
  tail -20 "$out.log" 2>/dev/null
  echo "0 passed, 1 failed"; exit 1
fi
mkdir -p "$out/corpus-age" "$out/corpus-doc" "$out/artifacts"
cli="$here/build/native/toward-cli"
if [ -x "$cli" ] && [ -z "$(ls -A "$out/corpus-age")" ]; then
  for n in 0 1 100 65536 70000; do
    head -c "$n" /dev/urandom > "$out/plain"
    TOWARD_PASSPHRASE=pass "$cli" encrypt --work-factor 1 "$out/plain" > "$out/corpus-age/seed-$n.age"
    TOWARD_PASSPHRASE=pass "$cli" encrypt --work-factor 1 -a "$out/plain" > "$out/corpus-age/seed-$n.asc"
  done
  rm -f "$out/plain"
fi
cp "$here/tests/fixtures/backup.v1.json" "$out/corpus-doc/golden.json"
run() { # target corpus
  local log="$out/$1.log"
  echo "== $1 for ${seconds}s"
  if "$out/$1" "$out/$2" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=700 \
       -max_len=200000 -artifact_prefix="$out/artifacts/$1-" -print_final_stats=1 >"$log" 2>&1; then
    passed=$((passed + 1)); grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | tr '\n' ' '; echo
  else
    failed=$((failed + 1)); grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5
  fi
}
run fuzz_age_decrypt corpus-age
run fuzz_backup_document corpus-doc
echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
