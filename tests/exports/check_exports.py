#!/usr/bin/env python3
"""check_exports.py -- libsaywho.so exports exactly the functions include/saywho.h declares.

Usage: check_exports.py --nm NM --lib LIBSAYWHO_SO --header INCLUDE/SAYWHO.H

The library is compiled with -fvisibility=hidden and the header marks its functions SW_API, so the
dynamic symbol table of the shared library (`nm -D --defined-only`) must hold exactly those
functions: an internal function that became visible, or a public one that lost SW_API or its
definition, fails the test and is named. The header also declares no variables, so any exported
data symbol fails too (unless the header declares it).

The header is read as C: comments and preprocessor lines are dropped (the `#ifdef __cplusplus`
parts with their contents), then each top-level declaration (up to its ';', outside braces) that is
not a typedef declares a function if it has a '(' (the name is the identifier before the first one)
and a variable otherwise. Every function declaration must also begin with SW_API.

Before checking the real header, the script checks itself: the same symbol table against the
header with one declaration removed and one invented must report both, so the test cannot pass
because the comparison saw nothing. Standard library only; the last line is "exports: ok" or
"exports: FAILED ...", and the exit status is 1 on failure.
"""
import argparse
import re
import subprocess
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
FUNCTION_TYPES = set("TtiWw")  # text, indirect (ifunc) and weak symbols
LINKER_SYMBOLS = {"_init", "_fini"}  # not ours; present when the toolchain exports them


def strip_comments(text):
    """Replaces comments by a space, leaving strings and character constants alone."""
    return re.sub(r'/\*.*?\*/|//[^\n]*|("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')',
                  lambda m: m.group(1) or " ", text, flags=re.S)


def drop_preprocessor(text):
    """Drops directive lines (with their continuations) and the code under #ifdef __cplusplus."""
    out, stack = [], []  # stack of "skip this branch" flags, one per open #if
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        while line.endswith("\\") and i + 1 < len(lines):
            i += 1
            line = line[:-1] + lines[i]
        i += 1
        m = re.match(r"\s*#\s*(\w+)(.*)", line)
        if not m:
            if not any(stack):
                out.append(line)
            continue
        word, rest = m.group(1), m.group(2).strip()
        if word in ("if", "ifdef", "ifndef"):
            stack.append(word == "ifdef" and rest == "__cplusplus")
        elif word in ("else", "elif") and stack:
            # only the __cplusplus branch is known to be off; an #else of it is on
            stack[-1] = False
        elif word == "endif" and stack:
            stack.pop()
    return "\n".join(out)


def declarations(text):
    """Top-level declarations of a header: their text up to ';', brace bodies removed."""
    text = drop_preprocessor(strip_comments(text))
    decls, cur, depth = [], [], 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            if ch == ";":
                decls.append(" ".join("".join(cur).split()))
                cur = []
            else:
                cur.append(ch)
    return [d for d in decls if d]


def parse_header(text):
    """Returns (functions, variables, functions declared without SW_API)."""
    functions, variables, unmarked = set(), set(), set()
    for d in declarations(text):
        if re.match(r"typedef\b", d) or re.fullmatch(r"(enum|struct|union)(\s+" + IDENT + r")?", d):
            continue
        m = re.search(r"(" + IDENT + r")\s*\(", d)
        if m:
            functions.add(m.group(1))
            if not re.match(r"SW_API\b", d):
                unmarked.add(m.group(1))
        else:
            names = re.findall(IDENT, re.sub(r"\[.*?\]|=.*", "", d))
            if names:
                variables.add(names[-1])
    return functions, variables, unmarked


def dynamic_symbols(nm, lib):
    """Returns (functions, other symbols) the shared library defines in its dynamic table."""
    out = subprocess.run([nm, "-D", "--defined-only", lib], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("exports: FAILED: %s -D %s: %s" % (nm, lib, out.stderr.strip()))
    functions, others = set(), set()
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[-1] in LINKER_SYMBOLS:
            continue
        kind, name = parts[-2], parts[-1].split("@")[0]
        (functions if kind in FUNCTION_TYPES else others).add(name)
    return functions, others


def compare(header_text, exported_functions, exported_others):
    """Returns the list of problems, one line each (empty when the exports match the header)."""
    functions, variables, unmarked = parse_header(header_text)
    problems = []
    for name in sorted(exported_functions - functions):
        problems.append("exported but not declared in saywho.h: %s (an internal name: drop its "
                        "visibility attribute; or declare it there with SW_API)" % name)
    for name in sorted(exported_others - variables):
        problems.append("data symbol exported but not declared in saywho.h: %s" % name)
    for name in sorted(functions - exported_functions):
        problems.append("declared in saywho.h but not exported: %s%s" % (
            name, " (its declaration lacks SW_API)" if name in unmarked else
            " (not defined in the library?)"))
    for name in sorted(variables - exported_others):
        problems.append("variable declared in saywho.h but not exported: %s" % name)
    for name in sorted(unmarked & exported_functions):
        problems.append("declared without SW_API (exported all the same): %s" % name)
    return problems, functions


def self_check(header_text, exported_functions, exported_others):
    """The comparison must notice a declaration removed from the header and one added to it."""
    lines = header_text.split("\n")
    victim = next((i for i, l in enumerate(lines)
                   if re.match(r"SW_API\b.*\bsw_version\s*\(\s*void\s*\)\s*;", l)), None)
    if victim is None:
        return ["self-check: no `SW_API const char *sw_version(void);` line to remove"]
    lines[victim] = "SW_API int sw_exports_self_check_invented(int x);"
    problems, _ = compare("\n".join(lines), exported_functions, exported_others)
    wanted = ["exported but not declared in saywho.h: sw_version ",
              "declared in saywho.h but not exported: sw_exports_self_check_invented "]
    return ["self-check: the comparison did not report `%s...`" % w.strip()
            for w in wanted if not any(p.startswith(w) for p in problems)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--lib", required=True)
    ap.add_argument("--header", required=True)
    args = ap.parse_args()
    with open(args.header, encoding="utf-8") as f:
        header_text = f.read()
    exported_functions, exported_others = dynamic_symbols(args.nm, args.lib)

    problems = self_check(header_text, exported_functions, exported_others)
    real, declared = compare(header_text, exported_functions, exported_others)
    problems += real
    if len(declared) < 10:
        problems.append("only %d functions found in %s: the header parser is broken"
                        % (len(declared), args.header))
    for p in problems:
        print(p)
    if problems:
        print("exports: FAILED (%d problems; %d functions declared, %d exported)"
              % (len(problems), len(declared), len(exported_functions)))
        return 1
    print("exports: ok (%d functions declared in %s, the same %d exported by %s)"
          % (len(declared), args.header, len(exported_functions), args.lib))
    return 0


if __name__ == "__main__":
    sys.exit(main())
