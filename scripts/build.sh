#!/usr/bin/env bash
# build.sh -- configures and builds saywho (Release) into build/ or another directory.
#
# Usage: scripts/build.sh [-d DIR] [-j N] [--werror] [--sanitize] [--fuzz] [-- EXTRA CMAKE ARGS]
#   -d DIR       build directory (default: build)
#   -j N         parallel jobs (default: number of cores)
#   --werror     -DSW_WERROR=ON (warnings are errors, as in CI)
#   --sanitize   -DSW_SANITIZE=ON (AddressSanitizer + UndefinedBehaviorSanitizer)
#   --fuzz       -DSW_FUZZ=ON with CC=clang (the libFuzzer targets in fuzz/)
# The program is DIR/saywho; the tests run with `ctest --test-dir DIR`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="build"
JOBS="$(nproc 2>/dev/null || echo 2)"
ARGS=(-DCMAKE_BUILD_TYPE=Release)
ENVCC=()
while [ $# -gt 0 ]; do
    case "$1" in
        -d) DIR="$2"; shift 2 ;;
        -j) JOBS="$2"; shift 2 ;;
        --werror) ARGS+=(-DSW_WERROR=ON); shift ;;
        --sanitize) ARGS+=(-DSW_SANITIZE=ON); shift ;;
        --fuzz) ARGS+=(-DSW_FUZZ=ON); ENVCC=(env CC=clang); shift ;;
        --) shift; ARGS+=("$@"); break ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$DIR" in /*) ;; *) DIR="$ROOT/$DIR" ;; esac
"${ENVCC[@]}" cmake -S "$ROOT" -B "$DIR" "${ARGS[@]}"
cmake --build "$DIR" -j "$JOBS"
