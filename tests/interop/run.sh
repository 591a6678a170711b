#!/usr/bin/env bash
# tests/interop/run.sh: interoperability of toward-cli with Debian's real `age` (both directions), driven
# through a pseudo-terminal (tests/interop/age_pty.py), plus the CLI's exit codes on damaged files.
# Needs build/native/toward-cli (./scripts/build native). Ends with "N passed, N failed".
set -uo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cli="$here/build/native/toward-cli"
agepty="$here/tests/interop/age_pty.py"
[ -x "$cli" ] || { echo "build/native/toward-cli is missing: run ./scripts/build native"; echo "0 passed, 1 failed"; exit 1; }
command -v age >/dev/null || { echo "age is not installed"; echo "0 passed, 1 failed"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TOWARD_PASSPHRASE="correct horse battery staple"
pass="$TOWARD_PASSPHRASE"
passed=0
failed=0
# age -o creates its output only on the first write: a missing output file means empty output.
same() { cmp -s "$1" <(cat "$2" 2>/dev/null); }
ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
expect_rc() { # expected-rc description command...
  local want="$1" what="$2"; shift 2
  "$@" >/dev/null 2>"$work/err"; local rc=$?
  if [ "$rc" = "$want" ]; then ok "$what (exit $rc)"; else bad "$what: exit $rc, wanted $want: $(head -c 300 "$work/err")"; fi
}

for size in 0 1 65536 65537 5242880; do
  f="$work/plain-$size"
  head -c "$size" /dev/urandom > "$f"
  # toward-cli -> age -d (binary and armored)
  if "$cli" encrypt "$f" > "$f.cli.age" && python3 "$agepty" "$pass" -d -o "$f.out1" "$f.cli.age" 2>/dev/null && same "$f" "$f.out1"; then
    ok "$size B: toward-cli encrypt -> age -d"; else bad "$size B: toward-cli encrypt -> age -d"; fi
  if "$cli" encrypt -a "$f" > "$f.cli.asc" && python3 "$agepty" "$pass" -d -o "$f.out2" "$f.cli.asc" 2>/dev/null && same "$f" "$f.out2"; then
    ok "$size B: toward-cli encrypt -a -> age -d"; else bad "$size B: toward-cli encrypt -a -> age -d"; fi
  # age -p / age -p -a -> toward-cli decrypt
  if python3 "$agepty" "$pass" -p -o "$f.age" "$f" 2>/dev/null && "$cli" decrypt "$f.age" > "$f.out3" && same "$f" "$f.out3"; then
    ok "$size B: age -p -> toward-cli decrypt"; else bad "$size B: age -p -> toward-cli decrypt"; fi
  if python3 "$agepty" "$pass" -p -a -o "$f.asc" "$f" 2>/dev/null && "$cli" decrypt "$f.asc" > "$f.out4" && same "$f" "$f.out4"; then
    ok "$size B: age -p -a -> toward-cli decrypt"; else bad "$size B: age -p -a -> toward-cli decrypt"; fi
done

f="$work/plain-65537"
# Wrong passphrase, both ways.
if python3 "$agepty" "not the passphrase" -d -o "$work/wrong.out" "$f.cli.age" 2>"$work/err"; then
  bad "age -d refuses a wrong passphrase"; else ok "age -d refuses a wrong passphrase"; fi
expect_rc 2 "toward-cli decrypt, wrong passphrase, file from age" env TOWARD_PASSPHRASE="not the passphrase" "$cli" decrypt "$f.age"

# Work factor 23: toward-cli will not write it; a header naming 23 is refused by both tools.
expect_rc 3 "toward-cli encrypt --work-factor 23 refused" "$cli" encrypt --work-factor 23 "$f"
sed '2s/ 18$/ 23/' "$f.age" > "$work/wf23.age"
expect_rc 3 "toward-cli decrypt refuses work factor 23" "$cli" decrypt "$work/wf23.age"
if python3 "$agepty" "$pass" -d -o "$work/wf23.out" "$work/wf23.age" 2>"$work/err"; then
  bad "age -d refuses work factor 23"
elif grep -qi "work factor" "$work/err"; then ok "age -d refuses work factor 23"; else bad "age -d refuses work factor 23 (other error: $(tail -c 200 "$work/err"))"; fi

# age spec: a stanza of a type we do not know is ignored, so a header whose only stanza is "Scrypt" (another
# type, differing only in case) is "no identity matched": the wrong-passphrase exit, not a malformed header.
sed '2s/^-> scrypt /-> Scrypt /' "$f.age" > "$work/Scrypt.age"
expect_rc 2 "toward-cli decrypt, only stanza of an unknown type (Scrypt)" "$cli" decrypt "$work/Scrypt.age"

# Exit codes on damaged files.
expect_rc 0 "toward-cli decrypt, good file" "$cli" decrypt "$f.age"
expect_rc 1 "toward-cli decrypt, missing file" "$cli" decrypt "$work/nope.age"
expect_rc 1 "toward-cli without arguments" "$cli"
printf 'hello, not age\n' > "$work/text"
expect_rc 3 "not an age file" "$cli" decrypt "$work/text"
sed '2s/scrypt /scrypt  /' "$f.age" > "$work/twospace.age"
expect_rc 3 "malformed stanza" "$cli" decrypt "$work/twospace.age"
python3 - "$f.age" "$work/mac.age" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
i = d.index(b'--- ') + 4
d[i] = ord('A') if d[i] != ord('A') else ord('B')
open(sys.argv[2], 'wb').write(d)
PY
expect_rc 4 "header MAC mismatch" "$cli" decrypt "$work/mac.age"
head -c -100 "$f.age" > "$work/trunc.age"
expect_rc 5 "truncated payload" "$cli" decrypt "$work/trunc.age"
python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); d[-5]^=1; open(sys.argv[2],'wb').write(d)" "$f.age" "$work/flip.age"
expect_rc 5 "tampered payload" "$cli" decrypt "$work/flip.age"
{ cat "$f.age"; printf 'x'; } > "$work/trailing.age"
expect_rc 5 "trailing data" "$cli" decrypt "$work/trailing.age"
expect_rc 6 "valid age file, not a backup" "$cli" backup verify "$f.age"
python3 -c "import sys; t=open(sys.argv[1]).read().split('\n'); t[1]=t[1][:-1]; open(sys.argv[2],'w').write('\n'.join(t))" "$f.asc" "$work/armor.asc"
expect_rc 3 "armor with a short line in the middle" "$cli" decrypt "$work/armor.asc"

# The golden backup: verify and Markdown export.
fx="$here/tests/fixtures/backup.v1.age"
if [ -f "$fx" ]; then
  expect_rc 0 "backup verify on the golden backup" env TOWARD_PASSPHRASE="toward golden fixture" "$cli" backup verify "$fx"
  rm -rf "$work/md"
  if TOWARD_PASSPHRASE="toward golden fixture" "$cli" backup markdown "$fx" "$work/md" >/dev/null && \
     [ "$(find "$work/md" -name '*.md' | wc -l)" -ge 1 ]; then ok "backup markdown writes journal entries"; else bad "backup markdown writes journal entries"; fi
  if python3 "$agepty" "toward golden fixture" -d -o "$work/golden.json" "$fx" 2>/dev/null && \
     cmp -s "$work/golden.json" "$here/tests/fixtures/backup.v1.json"; then ok "age -d opens the golden backup"; else bad "age -d opens the golden backup"; fi
fi

# Markdown from memory: nothing decrypted touches the disk except the Markdown files asked for. A backup
# holding a known journal entry and letter (made with age -p) is exported with TMPDIR an empty folder and
# the working folder another, both watched while toward-cli runs (tests/interop/watch_created.py).
priv="$work/privacy"
mkdir -p "$priv/tmp" "$priv/cwd"
secret="the lighthouse keeper counted seven quiet boats"
python3 - "$here/tests/fixtures" "$priv/backup.json" "$secret" <<'PY'
import json, sys
fixtures, out, secret = sys.argv[1:]
doc = json.load(open(fixtures + "/backup.v1.json"))
entry = json.loads(json.dumps(next(r for r in doc["records"] if r["type"] == "journal.entry" and r["body"]["kind"] == "free")))
entry["id"] = "01KB0QZ8G0M4T7V2C9HE"
entry["body"].update(title="Privacy check", text="In the entry: " + secret + ".")
letter = json.load(open(fixtures + "/letters.letter.v1.json"))
letter.update(state="draft", sealedUntil="", held=False, sealedMs=0, text="In the letter: " + secret + ".")
doc["records"] += [entry, {"type": "letters.letter", "id": "01KB0QZ8G0M4T7V2C9HF", "schema": 1, "revision": 1,
                           "createdMs": 1764086400000, "updatedMs": 1764086400000, "body": letter}]
open(out, "w").write(json.dumps(doc))
PY
python3 "$agepty" "$pass" -p -o "$priv/backup.age" "$priv/backup.json" 2>/dev/null
rm -f "$priv/backup.json"
(cd "$priv/cwd" && TMPDIR="$priv/tmp" python3 "$here/tests/interop/watch_created.py" "$priv/tmp" "$priv/cwd" -- \
  "$cli" backup markdown "$priv/backup.age" "$priv/cwd/out" > "$priv/created" 2>"$work/err")
rc=$?
md_with_secret="$(grep -rlF "$secret" "$priv/cwd/out" 2>/dev/null | grep -c '\.md$')"
if [ "$rc" = 0 ] && [ "$md_with_secret" -ge 2 ]; then ok "backup markdown writes the entry and the letter as Markdown"
else bad "backup markdown writes the entry and the letter as Markdown: exit $rc, $md_with_secret files: $(head -c 300 "$work/err")"; fi
if ! grep -q "^$priv/tmp/" "$priv/created" && [ -z "$(ls -A "$priv/tmp")" ]; then ok "backup markdown makes nothing in TMPDIR"
else bad "backup markdown makes nothing in TMPDIR: $(grep "^$priv/tmp/" "$priv/created" | head -3)"; fi
outside_out() { grep "^$priv/cwd/" "$priv/created" | grep -v "^$priv/cwd/out\(/\|$\)"; }
if ! outside_out | grep -q .; then ok "backup markdown makes nothing in the working folder but its output"
else bad "backup markdown makes nothing in the working folder but its output: $(outside_out | head -3)"; fi
if ! grep -rlF "$secret" "$priv" | grep -v "^$priv/cwd/out/.*\.md$" | grep -q .; then ok "the plaintext is in no file but the Markdown output"
else bad "the plaintext is in no file but the Markdown output: $(grep -rlF "$secret" "$priv" | grep -v "^$priv/cwd/out/" | head -3)"; fi

# One record that does not read as its type: Markdown is written for the rest and the bad one is named, as the
# app's import does; verify stays strict (exit 6).
python3 - "$here/tests/fixtures" "$work/onebad.json" <<'PY'
import json, sys
fixtures, out = sys.argv[1:]
doc = json.load(open(fixtures + "/backup.v1.json"))
good = next(r for r in doc["records"] if r["type"] == "journal.entry" and r["body"]["kind"] == "free")
good["body"].update(title="Still here", text="This entry reads well.")
bad = json.loads(json.dumps(good))
bad["id"] = "01KB0QZ8G0M4T7V2C9HX"
bad["body"]["text"] = 12345
doc["records"].append(bad)
open(out, "w").write(json.dumps(doc))
PY
python3 "$agepty" "$pass" -p -o "$work/onebad.age" "$work/onebad.json" 2>/dev/null
rm -rf "$work/onebad-md"
TOWARD_PASSPHRASE="$pass" "$cli" backup markdown "$work/onebad.age" "$work/onebad-md" >/dev/null 2>"$work/onebad.err"
rc=$?
if [ "$rc" = 0 ] && grep -rqF "This entry reads well." "$work/onebad-md" && grep -q "01KB0QZ8G0M4T7V2C9HX" "$work/onebad.err"; then
  ok "backup markdown leaves out a record that does not read, names it, and writes the rest"
else bad "backup markdown with one bad record: exit $rc, $(head -c 300 "$work/onebad.err")"; fi
expect_rc 6 "backup verify stays strict about a record that does not read" env TOWARD_PASSPHRASE="$pass" "$cli" backup verify "$work/onebad.age"

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
