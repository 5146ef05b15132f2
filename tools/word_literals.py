#!/usr/bin/env python3
"""word_literals.py -- the string literals with a word in them in C files of the stages, outside
comments: language belongs in the packs (data/<lang>/), not in the C code of the stages.

    python3 tools/word_literals.py [--check] [FOLDER ...]   (default: src/segment src/quotes
                                                              src/lookup src/entities src/attribute)

Prints every string literal that holds a run of two letters or more (a word), with its file and
line, and a count per file. Output labels (the reasons a quotation is not a statement, which the
JSON output writes) are allowed: they are listed in OUTPUT_LABELS below; so are the files of
IDENTIFIER_FILES (feature names of a learned model); and any other word literal
makes --check exit 1 (tests/literals.cmake runs it in CI). #include lines are not literals.
"""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FOLDERS = ["src/segment", "src/quotes", "src/lookup", "src/entities", "src/attribute"]
# the not-statement reasons of sw_quote.not_statement_reason (saywho.h): output, not language
OUTPUT_LABELS = {"title", "scare quote", "boilerplate", "headline", "heading", "name",
                 "inside a reported statement"}
# files whose literals are identifiers, not words the extractor reacts to: the confidence model's
# feature names and descriptions (the generated weight table names its features; the training tool
# prints them). No word of an article is ever compared with them.
IDENTIFIER_FILES = {"src/attribute/confidence.h", "src/attribute/confidence_model.c"}


def code_of(source):
    """The source with comments replaced by spaces, and the string literals as (line, text)."""
    out, lits, i, n, line = [], [], 0, len(source), 1
    while i < n:
        if source.startswith("/*", i):
            j = source.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += source.count("\n", i, j)
            i = j
            continue
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
            continue
        c = source[i]
        if c in "\"'":
            j = i + 1
            while j < n and source[j] != c:
                j += 2 if source[j] == "\\" else 1
            if c == '"':
                lits.append((line, source[i + 1:j]))
            line += source.count("\n", i, j)
            i = j + 1
            continue
        if c == "\n":
            line += 1
        i += 1
    return lits


def word_literals(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    # #include "x.h" lines are not literals of the code
    text = re.sub(r'(?m)^\s*#\s*include\s*"[^"]*"', "", text)
    return [(line, lit) for line, lit in code_of(text) if re.search(r"[A-Za-z]{2,}", lit)]


def main(argv):
    check = "--check" in argv
    folders = [a for a in argv if not a.startswith("--")] or FOLDERS
    bad = 0
    for folder in folders:
        base = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(base)):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(base, name)
            if os.path.relpath(path, ROOT) in IDENTIFIER_FILES:
                continue
            found = word_literals(path)
            if not found:
                continue
            labels = [x for x in found if x[1] in OUTPUT_LABELS]
            words = [x for x in found if x[1] not in OUTPUT_LABELS]
            print("%s/%s: %d word literal(s), %d of them output labels" % (folder, name, len(found), len(labels)))
            for line, lit in words:
                print('  %s:%d: "%s"' % (name, line, lit))
            bad += len(words)
    print("word_literals: %d word literal(s) that are not output labels" % bad)
    return 1 if check and bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
