#!/usr/bin/env bash
# make_corpus.sh -- builds the benchmark corpora by repeating the shared Wikinews JSON Lines file.
#
# Usage: bench/make_corpus.sh [SIZE_MB ...]      (default: 100 1024)
# Writes bench/out/corpus-<SIZE>mb.jsonl (gitignored), each the whole of
# ../shared/data/wikinews/wikinews_en.jsonl repeated until the file holds at least SIZE MB. The ids
# get a "-rN" suffix per repetition so every article stays distinct. Existing corpora of the right
# size are kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${SW_BENCH_SOURCE:-$ROOT/../shared/data/wikinews/wikinews_en.jsonl}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
[ -f "$SRC" ] || { echo "make_corpus: $SRC not found" >&2; exit 1; }
[ $# -gt 0 ] || set -- 100 1024
for mb in "$@"; do
    dest="$OUT/corpus-${mb}mb.jsonl"
    want=$((mb * 1024 * 1024))
    if [ -f "$dest" ] && [ "$(stat -c %s "$dest")" -ge "$want" ]; then
        echo "make_corpus: $dest exists ($(stat -c %s "$dest") bytes)"
        continue
    fi
    python3 - "$SRC" "$dest" "$want" <<'PY'
import sys
src, dest, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src, "rb").read().splitlines()
done, rep = 0, 0
with open(dest + ".tmp", "wb") as out:
    while done < want:
        rep += 1
        for line in lines:
            if not line.strip():
                continue
            # {"id": "wn-001", ...} -> {"id": "wn-001-r2", ...}: a plain bytes edit, no re-encoding.
            if rep > 1 and line.startswith(b'{"id": "'):
                end = line.index(b'"', 8)
                line = line[:end] + b"-r%d" % rep + line[end:]
            out.write(line + b"\n")
            done += len(line) + 1
import os
os.replace(dest + ".tmp", dest)
print("make_corpus: %s: %d bytes, %d repetitions of %d articles" % (dest, done, rep, len(lines)))
PY
done
