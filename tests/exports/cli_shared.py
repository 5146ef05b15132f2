#!/usr/bin/env python3
"""cli_shared.py -- the CLI linked with libsaywho.so behaves as the one linked with libsaywho.a.

Usage: cli_shared.py --static SAYWHO --shared SAYWHO_SHARED

Both programs are built from the same objects (CMakeLists.txt); the shared one exists so that a use
of an internal function by cli/ fails to link. This runs both on the examples and compares exit
status, standard output and standard error byte for byte, so the shared library is known to work
too. Standard library only; the last line is "cli_shared: ok" or "cli_shared: FAILED ...".
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
RUNS = [
    ["--version"],
    ["extract", "examples/council-budget.txt", "examples/articles.jsonl"],
    ["extract", "--output", "table", "examples/council-budget.txt", "examples/articles.jsonl"],
    ["extract", "--output", "csv", "examples/council-budget.txt", "examples/articles.jsonl"],
    ["extract", "--input-format", "jsonl", "examples/council-budget.txt"],  # a rejected input: status 1
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--static", required=True)
    ap.add_argument("--shared", required=True)
    args = ap.parse_args()
    failed = 0
    for run in RUNS:
        a = subprocess.run([args.static] + run, capture_output=True, cwd=ROOT, timeout=120)
        b = subprocess.run([args.shared] + run, capture_output=True, cwd=ROOT, timeout=120)
        if (a.returncode, a.stdout, a.stderr) != (b.returncode, b.stdout, b.stderr):
            failed += 1
            print("differs: saywho %s (exit %d and %d, %d and %d bytes out)"
                  % (" ".join(run), a.returncode, b.returncode, len(a.stdout), len(b.stdout)))
        elif not a.stdout and not a.stderr:
            failed += 1
            print("no output: saywho %s (exit %d)" % (" ".join(run), a.returncode))
    if failed:
        print("cli_shared: FAILED (%d of %d runs)" % (failed, len(RUNS)))
        return 1
    print("cli_shared: ok (%d runs, identical output)" % len(RUNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
