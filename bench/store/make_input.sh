#!/bin/sh
# make_input.sh -- writes the store benchmark's articles as a JSON Lines file, for timing
# `saywho ingest` itself: the Wikinews sample repeated to N articles, copy r of article X with
# id "X-rR" and url "URL?r=R" (as bench_store.c makes them, so that every copy is a new article
# to the store: the same id and url would make it a duplicate).
#
# usage: bench/store/make_input.sh N OUT.jsonl      (100,000 articles: about 485 MB)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:?N}
OUT=${2:?OUT.jsonl}
python3 - "$ROOT/../shared/data/wikinews/wikinews_en.jsonl" "$N" "$OUT" <<'PY'
import json, sys
src, n, dest = sys.argv[1], int(sys.argv[2]), sys.argv[3]
arts = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dest, "w", encoding="utf-8") as out:
    for i in range(n):
        a = dict(arts[i % len(arts)])
        r = i // len(arts)
        a["id"] = "%s-r%d" % (a["id"], r)
        if a.get("url") is not None:
            a["url"] = "%s?r=%d" % (a["url"], r)
        out.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
