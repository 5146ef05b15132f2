#!/bin/sh
# run.sh -- the store benchmark (see bench_store.c): ingest of N articles (the Wikinews sample
# repeated with fresh ids), search latency over Q queries drawn from the corpus's own words,
# database size per article.
#
# usage: bench/store/run.sh [BUILD_DIR] [N] [Q] [BATCH]   (defaults: build, 100000, 1000, 5000)
# BUILD_DIR must hold libsaywho.a (cmake --build BUILD_DIR --target saywho). BATCH: articles per
# commit (default: saywho ingest's). The database goes to $TMPDIR and is removed afterwards.
# Prints "key value" lines, then the machine and compiler. With SW_BENCH_CLI=1 it also writes the
# same N articles as a JSON Lines file (make_input.sh) and times `BUILD_DIR/saywho ingest` on it
# (cli_* lines: wall and user + system seconds, peak resident set).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
N=${2:-100000}
Q=${3:-1000}
BATCH=${4:-5000}
CORPUS="$ROOT/../shared/data/wikinews/wikinews_en.jsonl"
T=$(mktemp -d "${TMPDIR:-/tmp}/sw_bench_store.XXXXXX")
trap 'rm -rf "$T"' EXIT
cc -std=c11 -O2 -I"$ROOT/include" "$ROOT/bench/store/bench_store.c" "$BUILD/libsaywho.a" \
   $(pkg-config --libs libutf8proc sqlite3) -lm -o "$T/bench_store"
"$T/bench_store" "$T/bench.db" "$CORPUS" "$N" "$Q" "$BATCH"
if [ "${SW_BENCH_CLI:-0}" = 1 ]; then
    rm -f "$T/bench.db"*
    "$ROOT/bench/store/make_input.sh" "$N" "$T/input.jsonl"
    /usr/bin/time -f "%e %U %S %M" -o "$T/time" "$BUILD/saywho" ingest "$T/cli.db" "$T/input.jsonl" --batch "$BATCH"
    read -r wall user sys rss < "$T/time"
    echo "cli_input_bytes $(stat -c %s "$T/input.jsonl")"
    echo "cli_wall_seconds $wall"
    echo "cli_cpu_seconds $(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}')"
    echo "cli_articles_per_s $(echo "$N $wall" | awk '{printf "%.0f", $1 / $2}')"
    echo "cli_articles_per_cpu_s $(echo "$N $user $sys" | awk '{printf "%.0f", $1 / ($2 + $3)}')"
    echo "cli_peak_rss_kib $rss"
fi
echo "machine $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "compiler $(cc --version | head -1)"
echo "sqlite $(pkg-config --modversion sqlite3)"
echo "load_average $(cut -d' ' -f1-3 /proc/loadavg)"
