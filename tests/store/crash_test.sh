#!/bin/sh
# crash_test.sh -- kill -9 an ingest at random moments, resume it, and check that the database is
# exactly the one a clean run makes.
#
# usage: crash_test.sh SAYWHO SHARED_DIR [KILLS]
# Builds an input of the Wikinews sample repeated 4 times with fresh ids (about 1,200 articles)
# followed by corrected versions of 60 of them (same ids, changed text: replacements),
# ingests it once cleanly (--replace: the corrections replace the stored articles), then into a
# second database KILLS times (default 4) killed with SIGKILL after a random delay, then once to the end; compares the canonical dumps (dump.sql:
# every row of every main table by natural keys, plus SQLite's and FTS5's integrity checks).
# Exit 0 when identical, 1 when not, 77 (skipped) without the sqlite3 shell.
set -u
SAYWHO=$1
SHARED=$2
KILLS=${3:-4}
HERE=$(cd "$(dirname "$0")" && pwd)
command -v sqlite3 >/dev/null 2>&1 || { echo "crash_test: sqlite3 shell not found, skipped"; exit 77; }
SRC="$SHARED/data/wikinews/wikinews_en.jsonl"
[ -r "$SRC" ] || { echo "crash_test: $SRC not found, skipped"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/sw_crash.XXXXXX")
trap 'rm -rf "$T"' EXIT

for r in 1 2 3 4; do
  sed -e "s/\"id\": *\"\([^\"]*\)\"/\"id\": \"\1-r$r\"/" -e "s/\"url\": *\"\([^\"]*\)\"/\"url\": \"\1?r=$r\"/" "$SRC"
done > "$T/input.jsonl"
# corrected versions of 60 articles of the first copy (same id, changed text): they replace
# the earlier rows, which a resumed run must also end up with
head -60 "$SRC" | sed -e "s/\"id\": *\"\([^\"]*\)\"/\"id\": \"\1-r1\"/" -e "s/\"url\": *\"\([^\"]*\)\"/\"url\": \"\1?r=1\"/" \
  -e 's/"text": *"/"text": "Correction appended. /' >> "$T/input.jsonl"
total=$(wc -l < "$T/input.jsonl")

"$SAYWHO" ingest "$T/clean.db" "$T/input.jsonl" --batch 40 --replace 2>"$T/clean.err"
rc=$?
[ $rc -le 1 ] || { echo "crash_test: clean ingest failed ($rc)"; cat "$T/clean.err"; exit 1; }
grep -q " 60 replaced," "$T/clean.err" || { echo "crash_test: the corrections did not replace"; cat "$T/clean.err"; exit 1; }
sqlite3 -batch "$T/clean.db" < "$HERE/dump.sql" > "$T/clean.dump" 2>&1

# random delays from /dev/urandom, 20..700 ms
i=0
while [ $i -lt "$KILLS" ]; do
  i=$((i + 1))
  ms=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 680 + 20 ))
  "$SAYWHO" ingest "$T/crash.db" "$T/input.jsonl" --batch 40 --replace 2>>"$T/crash.err" &
  pid=$!
  sleep "$(printf '0.%03d' "$ms")"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  n=$(sqlite3 -batch "$T/crash.db" "SELECT count(*) FROM articles" 2>/dev/null || echo "?")
  echo "crash_test: kill $i after ${ms} ms: $n of $total articles stored"
done
"$SAYWHO" ingest "$T/crash.db" "$T/input.jsonl" --batch 40 --replace 2>>"$T/crash.err"
rc=$?
[ $rc -le 1 ] || { echo "crash_test: resumed ingest failed ($rc)"; cat "$T/crash.err"; exit 1; }
sqlite3 -batch "$T/crash.db" < "$HERE/dump.sql" > "$T/crash.dump" 2>&1

# entity reference counts (entities.refs) must match the mentions and speakers, and the
# quotation groups' counts and first reports their statements (dump.sql: R and V)
for d in clean crash; do
  grep -q "^R	0\$" "$T/$d.dump" || { echo "crash_test: $d.db has wrong entity reference counts"; grep "^R" "$T/$d.dump"; exit 1; }
  grep -q "^V	0\$" "$T/$d.dump" || { echo "crash_test: $d.db has wrong quotation group counts"; grep "^V" "$T/$d.dump"; exit 1; }
done
if cmp -s "$T/clean.dump" "$T/crash.dump"; then
  echo "crash_test: identical ($(wc -l < "$T/clean.dump") dump lines)"
  exit 0
fi
echo "crash_test: the resumed database differs from the clean one:"
diff "$T/clean.dump" "$T/crash.dump" | head -20
exit 1
