#!/usr/bin/env python3
"""apply_edits.py SRC EDITS DEST -- copies the pack folder SRC to DEST and appends to its files the
lines of EDITS (FILE<TAB>LINE per line; '#' lines and blank lines are comments). Used by
tests/language.cmake to show that a pack's behaviour changes by editing its data only."""
import os
import shutil
import sys


def main():
    src, edits, dest = sys.argv[1:4]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    with open(edits, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, sep, text = line.partition("\t")
            if not sep or os.sep in name:
                sys.exit("%s:%d: expected FILE<TAB>LINE" % (edits, n))
            with open(os.path.join(dest, name), "a", encoding="utf-8") as out:
                out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
