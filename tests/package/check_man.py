#!/usr/bin/env python3
"""check_man.py -- the installed manual pages render cleanly and say what the program says.

usage: check_man.py --prefix P

For P/share/man/man1/saywho.1 and saywho-COMMAND.1 of every command `P/bin/saywho --help` lists:
  - the page exists, and its .TH names it (SAYWHO-EXTRACT 1 for saywho-extract.1);
  - `man --warnings -l PAGE` (man-db, at 80 and 60 columns) and `groff -ww -z -man` print no
    warning (at least one of the two must be installed; CI installs man-db);
  - every option the command's --help text names is in the page's SYNOPSIS or OPTIONS, and every
    option of the page's OPTIONS section is named by the --help text or is a help or version
    option the program accepts (`saywho CMD --help`/`-h` print the same text; `saywho -V`);
  - saywho.1 names every command's page.
So a new or renamed option fails here until its page says so. The last line is "man pages: ok"
or "man pages: FAILED (...)". Standard library only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z](?![\w-]))")
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAILED: " + msg)


def run(cmd, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, env=e)


def roff_text(src):
    """The page's text with the roff escapes that matter here undone (\\- is -)."""
    src = re.sub(r"\\f[BIRP]|\\f\(..|\\&|\\%|\\c", "", src)
    return src.replace("\\-", "-")


def section(src, name):
    """The lines of section .SH NAME, up to the next .SH."""
    m = re.search(r"^\.SH \"?%s\"?\s*$(.*?)(?=^\.SH |\Z)" % re.escape(name), src, re.M | re.S)
    return m.group(1) if m else ""


def options_in(text):
    return set(OPTION.findall(text))


def check_render(page):
    have_man, have_groff = shutil.which("man"), shutil.which("groff")
    if not have_man and not have_groff:
        fail("neither man (man-db) nor groff is installed: cannot check %s" % page)
        return
    if have_man:
        for width in ("80", "60"):
            p = run(["man", "--warnings", "-l", page], env={"MANWIDTH": width, "MANPAGER": "cat",
                                                             "PAGER": "cat"})
            if p.returncode != 0 or p.stderr.strip():
                fail("man --warnings -l %s (MANWIDTH=%s) exited %d:\n%s"
                     % (page, width, p.returncode, p.stderr))
            elif len(p.stdout) < 200:
                fail("man -l %s rendered almost nothing" % page)
    if have_groff:
        p = run(["groff", "-ww", "-z", "-man", "-Tutf8", page])
        if p.returncode != 0 or p.stderr.strip():
            fail("groff -ww -z -man %s exited %d:\n%s" % (page, p.returncode, p.stderr))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prefix", required=True)
    a = ap.parse_args()
    saywho = os.path.join(a.prefix, "bin", "saywho")
    mandir = os.path.join(a.prefix, "share", "man", "man1")

    top_help = run([saywho, "--help"]).stdout
    commands = re.findall(r"^  ([a-z]+) ", top_help, re.M)
    if len(commands) < 5:
        fail("`saywho --help` lists %d commands: %s" % (len(commands), commands))
    pages = [("saywho.1", None)] + [("saywho-%s.1" % c, c) for c in commands]
    known = {os.path.basename(p) for p in os.listdir(mandir)} if os.path.isdir(mandir) else set()
    for extra in sorted(known - {p for p, _ in pages}):
        fail("%s is installed but `saywho --help` lists no such command" % extra)

    for page, cmd in pages:
        path = os.path.join(mandir, page)
        if not os.path.exists(path):
            fail("no manual page %s" % path)
            continue
        with open(path, encoding="utf-8") as f:
            src = f.read()
        want_th = page[:-2].upper().replace("-", "\\-")
        if not re.search(r"^\.TH %s 1 " % re.escape(want_th), src, re.M):
            fail("%s: its .TH line does not name %s 1" % (page, want_th))
        check_render(path)

        text = roff_text(src)
        argv = [saywho] + ([cmd] if cmd else [])
        help_text = run(argv + ["--help"]).stdout
        help_opts = options_in(help_text)
        page_opts = options_in(section(text, "OPTIONS"))
        documented = page_opts | options_in(section(text, "SYNOPSIS"))
        for o in sorted(help_opts - documented):
            fail("%s: `%s --help` names %s, the page's SYNOPSIS and OPTIONS do not"
                 % (page, " ".join(["saywho"] + argv[1:]), o))
        for o in sorted(page_opts - help_opts):
            if o in ("-h", "--help"):
                if run(argv + [o]).stdout != help_text or not help_text:
                    fail("%s: the page names %s, which does not print the help" % (page, o))
            elif o in ("-V", "--version") and cmd is None:
                if run(argv + [o]).stdout != run(argv + ["--version"]).stdout:
                    fail("%s: the page names %s, which does not print the version" % (page, o))
            else:
                fail("%s: the page's OPTIONS name %s, which `%s --help` does not"
                     % (page, o, " ".join(["saywho"] + argv[1:])))
        if cmd is None:
            for c in commands:
                if "saywho-%s" % c not in text:
                    fail("saywho.1 does not name saywho-%s(1)" % c)
        print("%s: rendered, %d options of --help documented" % (page, len(help_opts)))

    if FAILURES:
        print("man pages: FAILED (%d problems)" % len(FAILURES))
        return 1
    print("man pages: ok (%d pages)" % len(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
