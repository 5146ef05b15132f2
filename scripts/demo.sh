#!/usr/bin/env bash
# demo.sh -- THE first command of the README: installs the Debian packages it needs
# (`scripts/install-deps.sh demo`: the compiler, CMake, pkg-config, utf8proc and SQLite), builds
# saywho into build/, shows who said what in the bundled example articles as a table, then keeps
# the results in a SQLite file (build/demo.db) and asks it a few questions (search, speakers,
# quotes, stats). `cmake --install build` then puts saywho on the PATH (README, Installing).
#
# Run it as root or with sudo available, on a fresh Debian 12 machine or an existing checkout
# (every step is idempotent). Environment: SW_JOBS (default: number of cores), SW_SKIP_DEPS=1 (do
# not run scripts/install-deps.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="${SW_JOBS:-$(nproc 2>/dev/null || echo 2)}"

if [ "${SW_SKIP_DEPS:-0}" != 1 ]; then
    echo "==== installing the Debian packages (scripts/install-deps.sh demo)"
    scripts/install-deps.sh demo
fi

echo "==== building saywho into build/"
cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
# the program and the shared library: everything `cmake --install build` copies (README, Installing)
cmake --build "$ROOT/build" -j "$JOBS" --target saywho_cli saywho_shared

echo
echo "==== who said what in examples/ (build/saywho extract --output table)"
echo
build/saywho extract --output table examples/council-budget.txt examples/articles.jsonl

DB="$ROOT/build/demo.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo
echo "==== keeping them in a SQLite file (build/saywho ingest build/demo.db examples/...)"
build/saywho ingest "$DB" examples/council-budget.txt examples/articles.jsonl
echo
echo "==== what was said about the bridge? (build/saywho search build/demo.db bridge)"
build/saywho search "$DB" bridge
echo
echo "==== who is quoted most? (build/saywho speakers build/demo.db --limit 5)"
build/saywho speakers "$DB" --limit 5
echo
echo "==== everything Priya Raman said (build/saywho quotes build/demo.db --speaker Raman)"
build/saywho quotes "$DB" --speaker Raman
echo
echo "==== the store (build/saywho stats build/demo.db)"
build/saywho stats "$DB"
