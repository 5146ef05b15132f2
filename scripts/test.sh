#!/usr/bin/env bash
# test.sh -- THE test command: installs the packages, builds, and runs every test saywho has.
#
# Stages (each one reports; the script goes on after a failing stage and exits non-zero at the end):
#   1. scripts/install-deps.sh test (everything the stages below use)
#   2. Release build with -DSW_WERROR=ON in build/, then ctest (unit, spec, pathological, CLI tests)
#   3. ASan+UBSan build (-DSW_SANITIZE=ON) in build-asan/, then ctest again (leaks are errors)
#   4. every generated table regenerates identically (tools/gen_pack.py: the language packs and
#      their features; tools/gen_html_entities.py: the HTML entity table)
#   5. a short libFuzzer run of every fuzz target (when clang is installed)
# The last line is "test.sh: N passed, N failed", counting ctest's tests and the other checks.
#
# Environment: SW_BUILD_PREFIX (default "build": dirs PREFIX, PREFIX-asan, PREFIX-fuzz),
# SW_JOBS (default: cores), FUZZ_SECONDS (default 60 per target; 0 skips fuzzing),
# SW_SKIP_DEPS=1 (do not run install-deps.sh), SW_SKIP_ASAN=1.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PREFIX="${SW_BUILD_PREFIX:-build}"
JOBS="${SW_JOBS:-$(nproc 2>/dev/null || echo 2)}"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
PASSED=0
FAILED=0
FAILURES=()

stage() { printf '\n==== %s ====\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$1"); echo "test.sh: FAILED: $1"; }
pass() { PASSED=$((PASSED + 1)); }

# Runs ctest in $1 and adds its counts to the totals (label $2).
run_ctest() {
    local dir="$1" label="$2" log rc
    log="$(mktemp)"
    ctest --test-dir "$dir" --output-on-failure --timeout 900 -j "$JOBS" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    # "100% tests passed, 0 tests failed out of 12"
    local line total nfail
    line="$(grep -E '[0-9]+ tests failed out of [0-9]+' "$log" | tail -1)"
    if [ -n "$line" ]; then
        nfail="$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")"
        total="$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")"
        PASSED=$((PASSED + total - nfail))
        FAILED=$((FAILED + nfail))
        [ "$nfail" -gt 0 ] && FAILURES+=("$label: $nfail ctest test(s)")
        if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then fail "$label: ctest exited $rc"; fi
    else
        fail "$label: ctest ran no test (exit $rc)"
    fi
    rm -f "$log"
}

# Builds into $1 with extra cmake args; returns non-zero on failure.
build() {
    local dir="$1"; shift
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" && cmake --build "$dir" -j "$JOBS"
}

if [ "${SW_SKIP_DEPS:-0}" != 1 ]; then
    stage "install dependencies"
    if bash "$ROOT/scripts/install-deps.sh" test; then pass; else fail "install-deps.sh test"; fi
fi

stage "Release build (-DSW_WERROR=ON) in $PREFIX/"
if build "$ROOT/$PREFIX" -DSW_WERROR=ON -DSW_SANITIZE=OFF; then
    pass
    stage "ctest ($PREFIX)"
    run_ctest "$ROOT/$PREFIX" "release"
else
    fail "release build"
fi

if [ "${SW_SKIP_ASAN:-0}" != 1 ]; then
    stage "ASan+UBSan build (-DSW_SANITIZE=ON) in $PREFIX-asan/"
    if build "$ROOT/$PREFIX-asan" -DSW_WERROR=ON -DSW_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo; then
        pass
        stage "ctest ($PREFIX-asan)"
        ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
            run_ctest "$ROOT/$PREFIX-asan" "asan"
    else
        fail "asan build"
    fi
fi

stage "generated tables regenerate identically"
# Every table generated from data/ is committed; its generator must give the same bytes again.
tmp="$(mktemp -d)"
if python3 "$ROOT/tools/gen_pack.py" --out "$tmp/lang" && python3 "$ROOT/tools/gen_html_entities.py" --out "$tmp"; then
    same=1
    for f in "$tmp"/lang/*; do
        diff -q "$f" "$ROOT/src/lang/$(basename "$f")" || same=0
    done
    for f in "$ROOT"/src/lang/pack_*.c "$ROOT"/src/lang/packs.c "$ROOT"/src/lang/features.h; do
        [ -f "$tmp/lang/$(basename "$f")" ] || { echo "$f: no generator output"; same=0; }
    done
    diff -q "$tmp/html_entities_table.c" "$ROOT/src/repair/html_entities_table.c" || same=0
    if [ "$same" = 1 ]; then
        echo "generated tables: identical (src/lang/, src/repair/html_entities_table.c)"
        pass
    else
        fail "generated tables differ from tools/gen_pack.py or tools/gen_html_entities.py output"
    fi
else
    fail "a table generator failed (tools/gen_pack.py, tools/gen_html_entities.py)"
fi
rm -rf "$tmp"

# The fuzz build uses clang, whose warnings differ from gcc's: -Werror stays with the gcc builds
# above (the gate), so a clang-only warning is shown here without stopping the fuzzing.
stage "libFuzzer (${FUZZ_SECONDS}s per target)"
if [ "$FUZZ_SECONDS" = 0 ]; then
    echo "skipped: FUZZ_SECONDS=0"
elif ! command -v clang >/dev/null 2>&1; then
    echo "skipped: clang is not installed"
elif CC=clang cmake -S "$ROOT" -B "$ROOT/$PREFIX-fuzz" -DSW_FUZZ=ON -DSW_WERROR=OFF -DSW_SANITIZE=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
     cmake --build "$ROOT/$PREFIX-fuzz" -j "$JOBS" --target fuzzers; then
    pass
    corpus_root="$ROOT/$PREFIX-fuzz/corpus"
    bash "$ROOT/fuzz/seed_corpus.sh" "$corpus_root"
    for target in "$ROOT/$PREFIX-fuzz"/fuzz/fuzz_*; do
        [ -x "$target" ] || continue
        name="$(basename "$target")"
        mkdir -p "$corpus_root/$name.run"
        echo "-- $name"
        log="$ROOT/$PREFIX-fuzz/$name.log"
        "$target" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="$ROOT/$PREFIX-fuzz/$name-" \
            "$corpus_root/$name.run" "$corpus_root/$name" >"$log" 2>&1
        rc=$?
        grep -E '^(Done |stat::|==[0-9]+==|SUMMARY|Test unit written|INFO: (Loaded|seed corpus))' "$log" | tail -n 20
        if [ "$rc" -eq 0 ]; then pass; else fail "fuzz: $name exited $rc (see $log)"; fi
    done
else
    fail "fuzz build"
fi

echo
if [ ${#FAILURES[@]} -gt 0 ]; then
    printf 'failed: %s\n' "${FAILURES[@]}"
fi
echo "test.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
