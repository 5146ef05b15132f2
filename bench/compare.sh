#!/usr/bin/env bash
# compare.sh -- two builds of saywho side by side on the same corpus, interleaved: the way to say
# whether a change made extraction faster or slower on a noisy machine.
#
# Usage: bench/compare.sh BASE_SAYWHO NEW_SAYWHO [--rounds N] [--mb SIZE] [-- EXTRACT OPTIONS...]
#   BASE_SAYWHO, NEW_SAYWHO  two saywho programs (e.g. a build of the previous commit in a git
#                            worktree, and build/saywho)
#   --rounds N   rounds (default 9); each round runs BASE, NEW and `wc -w` once each, in that order
#   --mb SIZE    the corpus (bench/make_corpus.sh SIZE: the Wikinews sample repeated; default 100)
#   after --     options for `saywho extract` (e.g. --quotes-only)
# Prints, per program, the median CPU time (user + system: other jobs on the machine cost less
# than on the wall clock), the median wall time and the peak RSS, then the ratios NEW / BASE as the
# ratio of the medians and the median of the per-round ratios (a round's two runs see the same
# machine), and both programs' speed as a fraction of `wc -w` on the same file. The comparison is
# refused when one program writes nothing or 5 % more or less than the other (a broken build is
# not fast); the output sizes are printed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,18p' "$0"; exit 2; }
BASE="$1"; NEW="$2"; shift 2
ROUNDS=9
MB=100
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS="$2"; shift 2 ;;
        --mb) MB="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for b in "$BASE" "$NEW"; do [ -x "$b" ] || { echo "compare.sh: $b is not a program" >&2; exit 2; }; done
bash "$ROOT/bench/make_corpus.sh" "$MB" >&2
CORPUS="$ROOT/bench/out/corpus-${MB}mb.jsonl"
python3 - "$BASE" "$NEW" "$ROUNDS" "$CORPUS" "$@" <<'PY'
import os, statistics, subprocess, sys, time
base, new, rounds, corpus, opts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]

def run(cmd):
    """CPU seconds, wall seconds, peak RSS (KiB) and output bytes of one whole-process run."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    n = 0
    while True:
        chunk = p.stdout.read(1 << 20)
        if not chunk:
            break
        n += len(chunk)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("compare.sh: %s exited %d" % (" ".join(cmd), os.waitstatus_to_exitcode(status)))
    return ru.ru_utime + ru.ru_stime, time.perf_counter() - t0, ru.ru_maxrss, n

cmds = {"base": [base, "extract"] + opts + [corpus], "new": [new, "extract"] + opts + [corpus],
        "wc -w": ["wc", "-w", corpus]}
res = {k: [] for k in cmds}
for r in range(rounds):
    for k, cmd in cmds.items():
        res[k].append(run(cmd))
out_base, out_new = res["base"][0][3], res["new"][0][3]
if not out_base or not out_new or abs(out_new - out_base) > 0.05 * out_base:
    sys.exit("compare.sh: the programs wrote %d and %d bytes: not the same work" % (out_base, out_new))
size = os.path.getsize(corpus) / 1e6
med = lambda k, i: statistics.median(x[i] for x in res[k])
print("corpus %s (%.1f MB), %d interleaved rounds, options: %s; output %d and %d bytes" % (
    os.path.basename(corpus), size, rounds, " ".join(opts) or "(none)", out_base, out_new))
print("| program | median CPU s | MB/s (CPU) | median wall s | peak RSS MiB | speed / wc -w (wall) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for k in cmds:
    print("| %s | %.3f | %.1f | %.3f | %.1f | %.3f |" % (k, med(k, 0), size / med(k, 0), med(k, 1),
                                                     max(x[2] for x in res[k]) / 1024, med("wc -w", 1) / med(k, 1)))
ratios = [n[0] / b[0] for b, n in zip(res["base"], res["new"])]
print("new / base, CPU: ratio of medians %.3f, median of per-round ratios %.3f (min %.3f, max %.3f)" % (
    med("new", 0) / med("base", 0), statistics.median(ratios), min(ratios), max(ratios)))
PY
