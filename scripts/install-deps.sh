#!/usr/bin/env bash
# install-deps.sh -- installs the Debian 12 packages saywho needs, for one purpose:
#
#   scripts/install-deps.sh [demo]   to build saywho and run it (scripts/demo.sh, the install step):
#                                    build-essential cmake pkg-config libutf8proc-dev libsqlite3-dev
#   scripts/install-deps.sh test     to run every test (scripts/test.sh, CI): the above and
#                                    python3 (the test drivers; tools/gen_pack.py), sqlite3 (the
#                                    shell: the crash test compares databases with it), clang (the
#                                    libFuzzer targets), man-db (renders the manual pages' test)
#   scripts/install-deps.sh bench    to run the benchmarks (bench/): the test set and hyperfine
#
# Idempotent: packages already installed are left alone, and `apt-get update` runs only when
# something is missing. Works as root; otherwise uses sudo when it exists.
set -euo pipefail

DEMO=(build-essential cmake pkg-config libutf8proc-dev libsqlite3-dev)
TEST=("${DEMO[@]}" python3 sqlite3 clang man-db)
BENCH=("${TEST[@]}" hyperfine)

case "${1:-demo}" in
    demo) PACKAGES=("${DEMO[@]}") ;;
    test) PACKAGES=("${TEST[@]}") ;;
    bench) PACKAGES=("${BENCH[@]}") ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown set '$1' (demo, test or bench)" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present (${PACKAGES[*]})"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: not root and no sudo; please install: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
