#!/usr/bin/env python3
"""check_completion.py -- the installed bash completion offers what the program takes.

usage: check_completion.py --prefix P

Sources P/share/bash-completion/completions/saywho in bash (without the bash-completion package),
sets COMP_WORDS and COMP_CWORD as bash does when Tab is pressed, calls the function that `complete
-p saywho` names, and checks COMPREPLY:
  - every command `P/bin/saywho --help` lists is offered after `saywho`;
  - for every command, every option its --help text names is offered after `saywho CMD -`;
  - the values of --input-format, --output (and -o), --language, --gender and the deprecated --format
    (also after "--output="), the commands after `saywho help`, none after an
    option whose value is free (--limit, --speaker), and file names where the command reads files
    (a name with a space stays one name), a database, then nothing.
The last line is "bash completion: ok" or "bash completion: FAILED (...)". Standard library only.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z](?![\w-]))")
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAILED: " + msg)


def complete(script, prefix, cwd, words):
    """COMPREPLY for the command line `words` (the last word is the one being completed)."""
    bash = "\n".join([
        "set -u",
        "source %s" % shlex.quote(script),
        "spec=$(complete -p saywho) || { echo 'no completion for saywho' >&2; exit 3; }",
        "fn=$(sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p' <<<\"$spec\")",
        "COMP_WORDS=(%s)" % " ".join(shlex.quote(w) for w in words),
        "COMP_CWORD=%d" % (len(words) - 1),
        "COMP_LINE=%s" % shlex.quote(" ".join(words)),
        "COMP_POINT=${#COMP_LINE}",
        "COMPREPLY=()",
        '"$fn" saywho %s %s' % (shlex.quote(words[-1]), shlex.quote(words[-2] if len(words) > 1 else "")),
        "printf '%s\\n' \"${COMPREPLY[@]}\"",
    ])
    env = dict(os.environ)
    env["PATH"] = os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", "")
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", bash], capture_output=True,
                       text=True, cwd=cwd, env=env)
    if p.returncode != 0 or p.stderr.strip():
        fail("completing %r: bash exited %d: %s" % (words, p.returncode, p.stderr.strip()))
    return [l for l in p.stdout.split("\n") if l]


def expect(script, prefix, cwd, words, want, exact=True):
    got = complete(script, prefix, cwd, words)
    ok = sorted(got) == sorted(want) if exact else set(want) <= set(got)
    if not ok:
        fail("completing %s: got %s, expected %s%s" % (" ".join(repr(w) for w in words), sorted(got),
                                                     "" if exact else "at least ", sorted(want)))
    return got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prefix", required=True)
    a = ap.parse_args()
    prefix = os.path.abspath(a.prefix)
    script = os.path.join(prefix, "share", "bash-completion", "completions", "saywho")
    saywho = os.path.join(prefix, "bin", "saywho")
    if not os.path.exists(script):
        fail("not installed: %s" % script)
        print("bash completion: FAILED")
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        for name in ["a.jsonl", "b.txt", "news.db", "with space.txt"]:
            open(os.path.join(tmp, name), "w").close()
        os.mkdir(os.path.join(tmp, "dir"))
        files = ["a.jsonl", "b.txt", "news.db", "with space.txt", "dir"]

        top = subprocess.run([saywho, "--help"], capture_output=True, text=True).stdout
        commands = re.findall(r"^  ([a-z]+) ", top, re.M)
        if len(commands) < 5:
            fail("`saywho --help` lists %d commands" % len(commands))
        expect(script, prefix, tmp, ["saywho", ""], commands, exact=False)
        expect(script, prefix, tmp, ["saywho", "ex"], ["extract"])
        expect(script, prefix, tmp, ["saywho", "--"], ["--help", "--version"])

        for cmd in commands:
            help_text = subprocess.run([saywho, cmd, "--help"], capture_output=True, text=True).stdout
            opts = set(OPTION.findall(help_text)) | {"--help"}
            expect(script, prefix, tmp, ["saywho", cmd, "-"], sorted(opts), exact=False)
            expect(script, prefix, tmp, ["saywho", cmd, "--no-such-opt"], [])

        expect(script, prefix, tmp, ["saywho", "extract", "--format", ""], ["jsonl", "text", "table"])
        expect(script, prefix, tmp, ["saywho", "extract", "--format", "=", ""], ["jsonl", "text", "table"])
        expect(script, prefix, tmp, ["saywho", "extract", "--format", "=", "t"], ["text", "table"])
        expect(script, prefix, tmp, ["saywho", "extract", "--format=j"], ["--format=jsonl"])
        expect(script, prefix, tmp, ["saywho", "extract", "--output", ""], ["jsonl", "json", "table", "csv", "tsv"])
        expect(script, prefix, tmp, ["saywho", "extract", "-o", "t"], ["table", "tsv"])
        expect(script, prefix, tmp, ["saywho", "extract", "--input-format", ""], ["auto", "jsonl", "text"])
        expect(script, prefix, tmp, ["saywho", "ingest", "x.db", "-i", "j"], ["jsonl"])
        expect(script, prefix, tmp, ["saywho", "search", "x.db", "q", "--output=c"], ["--output=csv"])
        expect(script, prefix, tmp, ["saywho", "speakers", "x.db", "--output", "=", "j"], ["json", "jsonl"])
        expect(script, prefix, tmp, ["saywho", "stats", "x.db", "-o", ""], ["table", "json", "jsonl", "csv", "tsv"])
        expect(script, prefix, tmp, ["saywho", "help", "se"], ["search"])
        expect(script, prefix, tmp, ["saywho", "help", "search", ""], [])
        expect(script, prefix, tmp, ["saywho", "search", "-n", "5", "n"], ["news.db"])
        expect(script, prefix, tmp, ["saywho", "search", "--", "-"], [])
        expect(script, prefix, tmp, ["saywho", "extract", "--language", ""], ["en", "auto"])
        expect(script, prefix, tmp, ["saywho", "ingest", "x.db", "--language", "a"], ["auto"])
        expect(script, prefix, tmp, ["saywho", "search", "x.db", "q", "--format", ""], ["table", "jsonl"])
        expect(script, prefix, tmp, ["saywho", "stats", "x.db", "--format", "j"], ["jsonl"])
        expect(script, prefix, tmp, ["saywho", "speakers", "news.db", "--gender", ""], ["female", "male", "unknown"])
        expect(script, prefix, tmp, ["saywho", "speakers", "news.db", "--gender=f"], ["--gender=female"])
        expect(script, prefix, tmp, ["saywho", "speakers", "news.db", "--since", ""], [])
        expect(script, prefix, tmp, ["saywho", "stats", "news.db", "--source", ""], [])
        expect(script, prefix, tmp, ["saywho", "speakers", "news.db", "--limit", ""], [])
        expect(script, prefix, tmp, ["saywho", "quotes", "news.db", "--speaker", ""], [])
        expect(script, prefix, tmp, ["saywho", "ingest", "--batch", ""], [])

        expect(script, prefix, tmp, ["saywho", "extract", ""], files)
        expect(script, prefix, tmp, ["saywho", "extract", "--pretty", "--format", "jsonl", "a.jsonl", "w"],
               ["with space.txt"])
        expect(script, prefix, tmp, ["saywho", "extract", "--format", "=", "jsonl", "b"], ["b.txt"])
        expect(script, prefix, tmp, ["saywho", "extract", "--", "-"], [])
        expect(script, prefix, tmp, ["saywho", "ingest", "news.db", "a.jsonl", ""], files)
        expect(script, prefix, tmp, ["saywho", "search", "n"], ["news.db"])
        expect(script, prefix, tmp, ["saywho", "search", "news.db", ""], [])
        expect(script, prefix, tmp, ["saywho", "search", "--limit", "5", "n"], ["news.db"])
        expect(script, prefix, tmp, ["saywho", "stats", "news.db", ""], [])
        expect(script, prefix, tmp, ["saywho", "speakers", "--format", "jsonl", "news"], ["news.db"])

    if FAILURES:
        print("bash completion: FAILED (%d problems)" % len(FAILURES))
        return 1
    print("bash completion: ok (%d commands and their options, values, files)" % len(commands))
    return 0


if __name__ == "__main__":
    sys.exit(main())
