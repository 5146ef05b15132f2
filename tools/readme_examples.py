#!/usr/bin/env python3
"""Keeps the generated examples of README.md true: the table and the JSON output shown there are
the real output of the saywho binary on examples/, and the library example and its CMake project
are the files examples/who_said.c and examples/CMakeLists.txt (which tests/package.cmake builds).

usage: tools/readme_examples.py SAYWHO [--check]
  without --check: rewrites the blocks between the BEGIN/END markers of README.md
  with --check:    exits 1 (and says which block) when README.md differs from the binary's output;
                   run by ctest (tests/docs.cmake), so the documentation cannot drift
"""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def run(exe, args, stdin=None):
    # the table is as wide as COLUMNS when standard output is not a terminal: 80, as README shows
    env = dict(os.environ, COLUMNS="80")
    env.pop("NO_COLOR", None)
    return subprocess.run([exe] + args, input=stdin, capture_output=True, check=False,
                          cwd=ROOT, env=env).stdout.decode("utf-8")


def blocks(exe):
    table = run(exe, ["extract", "--output", "table", "examples/council-budget.txt",
                      "examples/articles.jsonl"])
    with open(os.path.join(ROOT, "examples", "articles.jsonl"), "rb") as f:
        line2 = f.read().split(b"\n")[1] + b"\n"
    js = run(exe, ["extract", "--pretty"], stdin=line2)
    out = [("TABLE EXAMPLE", "", table.rstrip("\n") + "\n", "what %s prints" % exe),
           ("JSON EXAMPLE", "json", js, "what %s prints" % exe)]
    for name, lang, path in [("LIBRARY EXAMPLE", "c", "examples/who_said.c"),
                             ("CMAKE EXAMPLE", "cmake", "examples/CMakeLists.txt")]:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            out.append((name, lang, f.read(), path))
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    exe, check = argv[1], "--check" in argv
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as f:
        readme = f.read()
    new = readme
    for name, lang, body, origin in blocks(exe):
        pat = re.compile(r"(<!-- BEGIN %s .*?-->\n```%s\n).*?(```\n<!-- END %s -->)" % (name, lang, name), re.S)
        if not pat.search(new):
            print("README.md: no %s block" % name, file=sys.stderr)
            return 1
        cur = pat.search(new)
        if check and new[cur.end(1):cur.start(2)] != body:
            print("README.md: the %s differs from %s; run tools/readme_examples.py %s"
                  % (name, origin, exe), file=sys.stderr)
            return 1
        new = pat.sub(lambda m: m.group(1) + body + m.group(2), new)
    if check:
        print("README examples: 1 passed, 0 failed (the table, the JSON, the library example and its "
              "CMake project)")
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
