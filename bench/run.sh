#!/usr/bin/env bash
# run.sh -- the extraction benchmark: `saywho extract` over the 100 MB and 1 GB corpora.
#
# Usage: bench/run.sh [--quick] [--runs N] [--big-runs N] [--pin] [--saywho PATH]
#   --quick     only the 100 MB corpus
#   --runs N    timed runs per corpus (default 5); the median is reported
#   --big-runs N timed runs of the 1 GB corpus (default: as --runs)
#   --pin       run on core 0 only (taskset); leave it off on a machine shared with other jobs
#   --saywho    the program to measure (default build/saywho; build it with scripts/build.sh)
#   --quotes-only  measure `saywho extract --quotes-only` (quotation spans only: the foundation's
#               pipeline, without entities and attribution)
# Makes the corpora when missing (bench/make_corpus.sh). Each run is the whole process reading the
# file and writing JSON Lines to /dev/null; saywho is single-threaded (one core). Wall time comes
# from hyperfine when installed, otherwise from the runs below; peak RSS (max resident set) from
# wait4(2)'s rusage of a separate run; CPU time (user + system) too, since the machine may be shared.
# A peer in the same run, `wc -l` over the same file, gives the machine's plain reading speed.
# Results: a Markdown table on stdout and bench/out/results.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
BIG_RUNS=""
SIZES=(100 1024)
SAYWHO="$ROOT/build/saywho"
MODE=""
PIN=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) SIZES=(100); shift ;;
        --runs) RUNS="$2"; shift 2 ;;
        --pin) PIN=(taskset -c 0); shift ;;
        --big-runs) BIG_RUNS="$2"; shift 2 ;;
        --saywho) SAYWHO="$2"; shift 2 ;;
        --quotes-only) MODE="--quotes-only"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$SAYWHO" ] || { echo "run.sh: $SAYWHO not built (scripts/build.sh)" >&2; exit 2; }
bash "$ROOT/bench/make_corpus.sh" "${SIZES[@]}" >&2
OUT="$ROOT/bench/out"
python3 - "$SAYWHO" "$RUNS" "${BIG_RUNS:-$RUNS}" "$OUT" "${PIN[*]:-}" "$MODE" "${SIZES[@]}" <<'PY'
import json, os, shutil, statistics, subprocess, sys, tempfile, time
saywho, base_runs, big_runs, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
pin, mode, sizes = sys.argv[5].split(), sys.argv[6].split(), sys.argv[7:]

def one_run(cmd):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one whole-process run, output to /dev/null."""
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=null)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit("run.sh: %s exited %d" % (" ".join(cmd), code))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss

def timed(cmd, label, runs):
    """Median wall time of `runs` runs (hyperfine when installed), mean CPU time, peak RSS."""
    _, _, rss = one_run(cmd)  # warm-up, also gives the RSS
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
            subprocess.run(["hyperfine", "--style", "none", "--runs", str(runs), "--warmup", "0",
                            "--output", "null", "--export-json", tmp.name, "-n", label,
                            " ".join("'%s'" % c for c in cmd)], check=True, stdout=subprocess.DEVNULL)
            res = json.load(open(tmp.name))["results"][0]
            times, cpu = res["times"], res["user"] + res["system"]
    else:
        times, cpus = [], []
        for _ in range(runs):
            w, c, r = one_run(cmd)
            times.append(w)
            cpus.append(c)
            rss = max(rss, r)
        cpu = statistics.mean(cpus)
    return statistics.median(times), min(times), max(times), cpu, rss

rows = []
for mb in sizes:
    path = os.path.join(out, "corpus-%smb.jsonl" % mb)
    size = os.path.getsize(path)
    runs = base_runs if int(mb) <= 100 else big_runs
    med, lo, hi, cpu, rss = timed(pin + [saywho, "extract"] + mode + [path], "saywho-%smb" % mb, runs)
    pmed, _, _, _, _ = timed(pin + ["wc", "-l", path], "wc-%smb" % mb, runs)
    rows.append((mb, size, runs, med, lo, hi, cpu, rss, pmed))
    print("corpus %s MB: saywho median %.3f s (%.1f MB/s), CPU %.3f s (%.1f MB/s), peak RSS %.1f MiB;"
          " wc -l %.3f s" % (mb, med, size / 1e6 / med, cpu, size / 1e6 / cpu, rss / 1024, pmed),
          file=sys.stderr)

lines = ["| corpus | bytes | runs | median wall s | min-max s | MB/s (wall) | CPU s (mean) | MB/s (CPU) "
         "| peak RSS | `wc -l` MB/s |",
         "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for mb, size, runs, med, lo, hi, cpu, rss, pmed in rows:
    lines.append("| %s MB | %d | %d | %.2f | %.2f-%.2f | %.1f | %.2f | %.1f | %.1f MiB | %.0f |" % (
        mb, size, runs, med, lo, hi, size / 1e6 / med, cpu, size / 1e6 / cpu, rss / 1024,
        size / 1e6 / pmed))
table = "\n".join(lines)
print(table)
with open(os.path.join(out, "results.md"), "w") as f:
    f.write(table + "\n")
PY
