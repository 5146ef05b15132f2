#!/usr/bin/env bash
# seed_corpus.sh -- makes the fuzzers' seed corpora from the spec examples and the shared data.
#
# Usage: fuzz/seed_corpus.sh OUTDIR
# Writes OUTDIR/fuzz_extract/ (each spec example's article as raw bytes, plus the seed article) and
# OUTDIR/fuzz_json/ (each article as a JSON Lines line, plus a few Wikinews lines) and
# OUTDIR/fuzz_query/ (search queries: the FTS5 syntax and punctuated terms). Idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: seed_corpus.sh OUTDIR}"
mkdir -p "$OUT/fuzz_extract" "$OUT/fuzz_json" "$OUT/fuzz_query"
PYTHONDONTWRITEBYTECODE=1 python3 - "$ROOT" "$OUT" <<'PY'
import glob, hashlib, json, os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests", "cli"))
from spec_cli import parse_spec
root, out = sys.argv[1], sys.argv[2]

def put(kind, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, kind, name), "wb") as f:
        f.write(data)

n = 0
for path in sorted(glob.glob(os.path.join(root, "tests", "spec", "*.md"))):
    if os.path.basename(path) == "README.md":
        continue
    for ex in parse_spec(path):
        text = ex.article.encode("utf-8")
        put("fuzz_extract", text)
        put("fuzz_json", json.dumps({"id": "ex%d" % ex.line, "title": ex.name,
                                     "text": ex.article}).encode("utf-8"))
        n += 1
shared = os.path.join(root, "..", "shared", "data")
seed = os.path.join(shared, "seed", "putin-lukashenko.txt")
if os.path.exists(seed):
    with open(seed, "rb") as f:
        put("fuzz_extract", f.read())
wn = os.path.join(shared, "wikinews", "wikinews_en.jsonl")
if os.path.exists(wn):
    with open(wn, "rb") as f:
        for i, line in enumerate(f):
            if i >= 8:
                break
            put("fuzz_json", line.rstrip(b"\n"))
# texts without words (regression: the word table was never allocated, test_text_without_words)
for s in [b"0T&", b"\xf0\x9f\x98\x80"]:
    put("fuzz_extract", s)
for s in [b'{"text": ""}', b'{"id": 1, "text": "a\\u201cb\\u201d"}', b'{"text": "\\ud83d\\ude00"}']:
    put("fuzz_json", s)
# search queries (fuzz_query): every piece of the syntax, punctuated terms, and errors
for s in ["COVID-19", "U.S. AND \"Trump's plan\"", "9/11 OR (vaccin* NOT masks)", "NEAR(covid vaccines, 5)",
          "^covid + arrive", "text:(covid OR U.S.)", "-{text}:x", "\"unbalanced", "covid (a OR b)",
          "NOT covid", "a:b", "NEAR(a (b))", "\"say \"\"no\"\"\""]:
    put("fuzz_query", s.encode("utf-8"))
print("seed_corpus: %d spec examples -> %s" % (n, out))
PY
