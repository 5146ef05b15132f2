#!/usr/bin/env python3
"""test_options.py -- one command line for every command: the option forms, usage errors, help,
"did you mean", --output (json, jsonl, table, csv, tsv), the terminal's width, NO_COLOR, and the
kind and quotation marks of every statement shown.

Usage: test_options.py --saywho PATH [-k WORDS]
Standard library only. Each test_* function is one test; the last line is
"cli_options: N passed, N failed" and the exit status is 1 when something failed.

The contract under test (cli/options.h, cli/output.h, README "Command line"): every command takes
--opt=value, --opt value and its short options; a usage error prints "saywho CMD: WHAT WAS WRONG"
and exits 2 with nothing on stdout; `saywho help CMD` prints what `saywho CMD --help` prints;
tables are as wide as the terminal (TIOCGWINSZ, else COLUMNS, else 80), coloured only on a
terminal and never with NO_COLOR; CSV is RFC 4180, TSV escapes tab and newline; a direct or
partial quotation is shown in “…”, a mixed one with only its fragments in marks, reported speech
without marks, and the kind is a column of every table and a field of every data format.
"""
import argparse
import csv
import fcntl
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios

from harness import Failure, check, run_tests

SAYWHO = None
TMP = None
DB = None
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EXAMPLES = [os.path.join(ROOT, "examples", "council-budget.txt"),
            os.path.join(ROOT, "examples", "articles.jsonl")]

# An article whose statements hold commas, straight double quotes and a line break (the direct
# quotation), a mixed statement with a quoted fragment, and reported speech.
TRICKY_TEXT = ("Council meets\n\n\u201cWe will fix it, with \"care\", this year,\nand soon,\u201d the "
               "mayor said on Monday. The mayor said the bridge, which is old, would \u201cnot fall "
               "down\u201d.\n\nThe treasurer said taxes would rise, by 2 percent, next year.")
TRICKY = json.dumps({"id": "tricky", "date": "2026-01-02", "source": "Herald, Daily",
                     "text": TRICKY_TEXT}) + "\n"


def run(args, stdin=None, env=None, stdout=subprocess.PIPE):
    """Runs saywho with args; returns (exit code, stdout text, stderr text)."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.pop("COLUMNS", None)
    e.update(env or {})
    p = subprocess.run([SAYWHO] + args, input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                       timeout=120, env=e)
    out = p.stdout.decode("utf-8") if p.stdout is not None else ""
    return p.returncode, out, p.stderr.decode("utf-8", "replace")


def run_tty(args, cols=100, env=None):
    """Runs saywho with its standard output on a pseudo-terminal `cols` wide; returns (code, out)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR  # keep "\n" as it is
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.pop("COLUMNS", None)
    e["TERM"] = "xterm"
    e.update(env or {})
    p = subprocess.Popen([SAYWHO] + args, stdout=slave, stderr=subprocess.PIPE, env=e)
    os.close(slave)
    chunks = []
    while True:
        try:
            b = os.read(master, 65536)
        except OSError:
            break
        if not b:
            break
        chunks.append(b)
    os.close(master)
    p.wait(timeout=120)
    return p.returncode, b"".join(chunks).decode("utf-8")


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return path


def usage_error(args, *wanted):
    """Runs a command that must fail with a usage error whose message holds `wanted`."""
    code, out, err = run(args, stdin=b"")
    check(code == 2, "%s: exit %d, expected 2 (stderr %r)" % (args, code, err))
    check(out == "", "%s: a usage error printed on stdout: %r" % (args, out[:200]))
    for w in wanted:
        check(w in err, "%s: %r not in the message %r" % (args, w, err))
    return err


def setup():
    global DB
    DB = os.path.join(TMP, "news.db")
    tricky = write("tricky.jsonl", TRICKY)
    code, _, err = run(["ingest", DB] + EXAMPLES + [tricky])
    if code != 0:
        raise Failure("ingest of the examples: exit %d: %s" % (code, err))


# ---- option forms ------------------------------------------------------------------------------


def test_option_forms_extract():
    """--output=csv, --output csv, -o csv and -ocsv are the same option; options may come after the
    files; -- ends the options."""
    outs = set()
    for form in (["--output=csv"], ["--output", "csv"], ["-o", "csv"], ["-ocsv"]):
        code, out, err = run(["extract"] + form + EXAMPLES)
        check(code == 0, "extract %s: exit %d: %s" % (form, code, err))
        outs.add(out)
    code, out, _ = run(["extract"] + EXAMPLES + ["-o", "csv"])
    outs.add(out)
    check(len(outs) == 1, "the forms of --output csv gave %d different outputs" % len(outs))
    check(out.startswith("article,start,end,speaker,cue,kind,"), "csv header: %r" % out[:80])
    code, a, _ = run(["extract", "--input-format=text", EXAMPLES[0]])
    code2, b, _ = run(["extract", "-i", "text", "--", EXAMPLES[0]])
    check(code == code2 == 0 and a == b and a, "--input-format=text and -i text -- FILE differ")


def test_option_forms_store_commands():
    """Every store command takes --opt=value, --opt value and short options, in any position."""
    base = None
    for form in (["--limit=2", "--output=jsonl"], ["--limit", "2", "--output", "jsonl"],
                 ["-n", "2", "-o", "jsonl"], ["-n2", "-ojsonl"]):
        code, out, err = run(["search", DB, "bridge"] + form)
        check(code == 0, "search %s: exit %d: %s" % (form, code, err))
        check(len(out.splitlines()) == 2, "search %s: %d lines" % (form, len(out.splitlines())))
        base = base or out
        check(out == base, "search %s differs from --limit=2 --output=jsonl" % form)
    code, out, err = run(["search", "-n", "2", "-o", "jsonl", DB, "bridge"])
    check(code == 0 and out == base, "options before the arguments: exit %d %s" % (code, err))
    for form in (["--speaker=Raman"], ["--speaker", "Raman"], ["-s", "Raman"], ["-sRaman"]):
        code, out, err = run(["quotes", DB, "-o", "jsonl"] + form)
        check(code == 0 and len(out.splitlines()) == 4, "quotes %s: exit %d, %d lines: %s"
              % (form, code, len(out.splitlines()), err))
    for cmd in (["speakers", DB, "--limit=1"], ["speakers", DB, "-n", "1"]):
        code, out, err = run(cmd + ["--output=tsv"])
        check(code == 0 and len(out.splitlines()) == 2, "%s: exit %d %r" % (cmd, code, out))
    code, out, err = run(["stats", DB, "--output=jsonl"])
    check(code == 0 and json.loads(out)["articles"] == 5, "stats --output=jsonl: %r" % out)


def test_deprecated_format_still_works():
    """--format (extract: the input format or table; store commands: the output) still works and
    says on stderr what replaces it."""
    code, out, err = run(["extract", "--format", "text", EXAMPLES[0]])
    # a plain-text file's id is its path as given, tidied
    check(code == 0 and json.loads(out)["id"] == os.path.normpath(EXAMPLES[0]), "extract --format text")
    check("--format is deprecated; use --input-format text" in err, "extract note: %r" % err)
    code, out, err = run(["extract", "--format=table", EXAMPLES[0]])
    check(code == 0 and "SPEAKER" in out and "use --output table" in err, "extract --format table")
    code, out, err = run(["speakers", DB, "--format", "jsonl"])
    check(code == 0 and json.loads(out.splitlines()[0])["name"], "speakers --format jsonl")
    check("use --output jsonl" in err, "speakers note: %r" % err)


# ---- usage errors ------------------------------------------------------------------------------


def test_usage_errors_say_what_was_wrong():
    usage_error(["search", DB, "x", "--limt", "3"], "saywho search: unknown option --limt; did you mean --limit?")
    usage_error(["search", DB, "x", "--foo"], "saywho search: unknown option --foo", "saywho search --help")
    usage_error(["search"], "saywho search: missing DB argument")
    usage_error(["search", DB], "saywho search: missing QUERY argument")
    usage_error(["search", DB, "interest", "rates"], "unexpected argument 'rates'")
    usage_error(["quotes", DB], "saywho quotes: missing --speaker NAME")
    usage_error(["speakers"], "saywho speakers: missing DB argument")
    usage_error(["stats", DB, "extra"], "saywho stats: unexpected argument 'extra'")
    usage_error(["ingest"], "saywho ingest: missing DB argument")
    usage_error(["search", DB, "x", "--limit"], "option --limit needs a value (N)")
    usage_error(["search", DB, "x", "-n"], "option -n needs a value (N)")
    usage_error(["search", DB, "x", "--limit", "lots"], "--limit needs a number, not 'lots'")
    usage_error(["search", DB, "x", "--limit=-3"], "--limit needs a number, not '-3'")
    usage_error(["ingest", DB, "--batch", "0"], "--batch needs a positive number, not '0'")
    usage_error(["search", DB, "x", "--output", "xml"], "--output must be table, json, jsonl, csv or tsv, not 'xml'")
    usage_error(["speakers", DB, "-o", "jsn"], "did you mean 'json'?")
    usage_error(["extract", "--pretty=yes"], "option --pretty takes no value")
    usage_error(["search", DB, "x", "--s", "y"], "option --s is ambiguous: --speaker, --since, --source")
    usage_error(["extract", "-x"], "saywho extract: unknown option -x")
    usage_error(["extract", "--input-format", "xml"], "--input-format must be auto, jsonl or text")
    usage_error(["stats", DB, "--limit", "3"], "unknown option --limit")  # stats has no --limit
    usage_error(["--frobnicate"], "unknown option --frobnicate")
    usage_error([], "missing COMMAND")


def test_unique_prefix_of_an_option_is_accepted():
    """getopt_long takes an unambiguous prefix: --lim for --limit, --spe for --speaker."""
    code, out, err = run(["search", DB, "bridge", "--lim", "1", "--out", "jsonl"])
    check(code == 0 and len(out.splitlines()) == 1, "--lim 1 --out jsonl: exit %d %s" % (code, err))


# ---- help --------------------------------------------------------------------------------------


def test_help_command():
    """`saywho help CMD`, `saywho CMD --help` and `saywho CMD -h` print the same text: that command's
    usage and every option it takes, not the general help."""
    _, general, _ = run(["--help"])
    commands = re.findall(r"^  ([a-z]+) ", general, re.M)
    check(len(commands) >= 6, "saywho --help lists %r" % commands)
    for cmd in commands:
        code, a, _ = run(["help", cmd])
        code2, b, _ = run([cmd, "--help"])
        code3, c, _ = run([cmd, "-h"])
        check(code == code2 == code3 == 0, "help %s: exit %d %d %d" % (cmd, code, code2, code3))
        check(a == b == c, "help %s, %s --help and %s -h differ" % (cmd, cmd, cmd))
        check(a.startswith("usage: saywho %s " % cmd), "help %s: %r" % (cmd, a[:80]))
        check(a != general, "help %s prints the general help" % cmd)
    _, h, _ = run(["help", "search"])
    for opt in ("--speaker", "--since", "--until", "--source", "--limit", "--output", "-o, --output"):
        check(opt in h, "help search does not name %s" % opt)
    _, h, _ = run(["help", "extract"])
    for opt in ("--input-format", "--output", "--language", "--pretty"):
        check(opt in h, "help extract does not name %s" % opt)
    code, out, _ = run(["help"])
    check(code == 0 and out == general, "saywho help: exit %d" % code)
    usage_error(["help", "extrat"], "unknown command 'extrat'; did you mean 'extract'?")


def test_did_you_mean_command():
    for typo, meant in (("extrct", "extract"), ("serch", "search"), ("speaker", "speakers"),
                        ("stat", "stats"), ("qoutes", "quotes"), ("ingets", "ingest")):
        usage_error([typo], "saywho: unknown command '%s'; did you mean '%s'?" % (typo, meant))
    err = usage_error(["frobnicate"], "unknown command 'frobnicate'")
    check("did you mean" not in err, "a suggestion for a word that is nothing like a command: %r" % err)


# ---- output formats ----------------------------------------------------------------------------


def test_json_is_an_array_of_the_jsonl_objects():
    for cmd in (["search", DB, "bridge"], ["quotes", DB, "--speaker", "Raman"],
                ["speakers", DB], ["extract"] + EXAMPLES):
        code, js, err = run(cmd + ["--output", "json"])
        code2, jl, _ = run(cmd + ["--output", "jsonl"])
        check(code == 0 and code2 == 0, "%s json: exit %d %s" % (cmd, code, err))
        arr = json.loads(js)
        check(isinstance(arr, list) and arr, "%s --output json is not a non-empty array" % cmd)
        check(arr == [json.loads(l) for l in jl.splitlines()], "%s: json and jsonl differ" % cmd)
    code, js, _ = run(["stats", DB, "-o", "json"])
    check(code == 0 and json.loads(js)["articles"] == 5, "stats -o json: %r" % js)


def csv_rows(text):
    check("\r\n" in text, "CSV lines do not end with CRLF (RFC 4180)")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def tsv_rows(text):
    lines = text.split("\n")
    check(lines[-1] == "", "TSV does not end with a newline")
    unescape = lambda s: re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], s)
    header = lines[0].split("\t")
    rows = []
    for l in lines[1:-1]:
        cells = l.split("\t")
        check(len(cells) == len(header), "TSV row with %d cells, header %d: %r" % (len(cells), len(header), l))
        rows.append({h: unescape(c) for h, c in zip(header, cells)})
    return rows


def test_csv_and_tsv_parse_back():
    """A statement with commas, double quotes and a line break survives CSV (parsed by Python's csv
    module) and TSV, equal to the JSON Lines of the same command; a source with a comma too."""
    for cmd in (["search", DB, "", "--limit", "0"], ["quotes", DB, "--speaker", "mayor"],
                ["extract", write("t.jsonl", TRICKY)], ["speakers", DB, "--limit", "0"],
                ["stats", DB]):
        _, jl, _ = run(cmd + ["-o", "jsonl"])
        want = [json.loads(l) for l in jl.splitlines()]
        if cmd[0] == "extract":
            want = [dict(article=o["id"], kind=q["kind"], text=q["text"]) for o in want for q in o["quotes"]]
        for fmt, parse in (("csv", csv_rows), ("tsv", tsv_rows)):
            code, out, err = run(cmd + ["--output", fmt])
            check(code == 0, "%s %s: exit %d %s" % (cmd, fmt, code, err))
            rows = parse(out)
            check(len(rows) == len(want), "%s %s: %d rows, jsonl has %d" % (cmd, fmt, len(rows), len(want)))
            for r, w in zip(rows, want):
                for k, v in w.items():
                    if isinstance(v, (dict, list)):
                        continue
                    expect = "" if v is None else v if isinstance(v, str) else None
                    if expect is None:
                        check(float(r[k]) == float(v), "%s %s: %s %r != %r" % (cmd, fmt, k, r[k], v))
                    else:
                        check(r[k] == expect, "%s %s: %s %r != %r" % (cmd, fmt, k, r[k], expect))
    _, out, _ = run(["extract", write("t2.jsonl", TRICKY), "-o", "csv"])
    texts = [r["text"] for r in csv_rows(out)]
    check('We will fix it, with "care", this year,\nand soon,' in texts,
          "the tricky statement is not in the CSV as written: %r" % texts)
    check('"We will fix it, with ""care"", this year,\nand soon,"' in out, "CSV quoting: %r" % out)
    _, out, _ = run(["extract", write("t3.jsonl", TRICKY), "-o", "tsv"])
    check('We will fix it, with "care", this year,\\nand soon,' in out, "TSV escaping: %r" % out)


def test_kind_in_every_output():
    """The kind of each statement is a column of the tables and CSV/TSV and a field of JSON."""
    _, out, _ = run(["quotes", DB, "--speaker", "Raman"])
    header = out.splitlines()[0].split()
    check("KIND" in header, "quotes table header: %r" % header)
    for k in ("direct", "mixed", "reported"):
        check(re.search(r"\s%s\s" % k, out), "quotes table: no %s row" % k)
    _, out, _ = run(["search", DB, "bridge", "-o", "csv"])
    check(all(r["kind"] in ("direct", "partial", "reported", "mixed") for r in csv_rows(out)), "search csv kinds")
    _, out, _ = run(["search", DB, "bridge", "-o", "jsonl"])
    check(all("kind" in json.loads(l) for l in out.splitlines()), "search jsonl without kind")
    _, out, _ = run(["extract", "-o", "table"] + EXAMPLES)
    check("KIND" in out.splitlines()[1], "extract table header: %r" % out.splitlines()[1])


def test_quotation_marks_only_around_verbatim_words():
    """Regression (issue 12): `saywho quotes` printed reported speech in “…” as if verbatim. Direct
    and partial quotations are in marks, a mixed one has marks around its fragment only, reported
    speech has none."""
    _, out, _ = run(["quotes", DB, "--speaker", "Raman"], env={"COLUMNS": "200"})
    rows = {}
    for line in out.splitlines()[1:]:
        m = re.search(r"\s(direct|partial|reported|mixed)\s+(.*)$", line)
        if m:
            rows.setdefault(m.group(1), []).append(m.group(2))
    check(rows.get("reported") == ["the company would offer retraining to every worker affected"],
          "reported speech: %r" % rows.get("reported"))
    check(rows.get("mixed") == ["the decision had been \u201cpainful but unavoidable\u201d"],
          "mixed: %r" % rows.get("mixed"))
    check(rows.get("direct") and all(t.startswith("\u201c") and t.endswith("\u201d") for t in rows["direct"]),
          "direct: %r" % rows.get("direct"))
    _, out, _ = run(["extract", "-o", "table", EXAMPLES[0]], env={"COLUMNS": "200"})
    check("\u201ca gamble with our savings.\u201d" in out, "partial quotation not in marks: %r" % out)
    check(re.search(r"reported\s+body\s+the repairs should", out), "reported speech in marks: %r" % out)
    # the data formats keep the text as it was said, without marks added
    _, out, _ = run(["quotes", DB, "--speaker", "Raman", "-o", "jsonl"])
    texts = [json.loads(l)["text"] for l in out.splitlines()]
    check("We are not leaving Brackley," in texts, "jsonl text with marks added: %r" % texts)


# ---- terminal: width and colour ----------------------------------------------------------------


def longest_line(text):
    return max(len(l) for l in text.splitlines())


def test_table_width_follows_columns():
    """COLUMNS=200 gives longer text lines than COLUMNS=60 and every line fits; the text is wrapped,
    not cut: every word of every statement is in the table."""
    for cmd in (["search", DB, "", "-n", "0"], ["extract", "-o", "table"] + EXAMPLES):
        _, wide, _ = run(cmd, env={"COLUMNS": "200"})
        _, narrow, _ = run(cmd, env={"COLUMNS": "60"})
        _, default, _ = run(cmd)
        check(longest_line(wide) > 120, "%s COLUMNS=200: longest line %d" % (cmd[0], longest_line(wide)))
        check(longest_line(wide) <= 200, "%s COLUMNS=200: a line of %d" % (cmd[0], longest_line(wide)))
        check(longest_line(narrow) <= 60, "%s COLUMNS=60: a line of %d" % (cmd[0], longest_line(narrow)))
        check(longest_line(default) <= 80, "%s without COLUMNS: a line of %d" % (cmd[0], longest_line(default)))
        check("\u2026" not in "".join(l[-40:] for l in wide.splitlines()),
              "%s COLUMNS=200: text cut with an ellipsis" % cmd[0])
    _, narrow, _ = run(["search", DB, "", "-n", "0"], env={"COLUMNS": "60"})
    _, jl, _ = run(["search", DB, "", "-n", "0", "-o", "jsonl"])
    for o in map(json.loads, jl.splitlines()):
        for w in re.findall(r"\w+", o["text"])[-3:]:
            check(w in narrow, "COLUMNS=60: %r of %r is missing (cut?)" % (w, o["text"]))


def test_terminal_width_from_the_terminal():
    """On a terminal the width is the terminal's (TIOCGWINSZ), whatever COLUMNS says."""
    _, out = run_tty(["search", DB, "", "-n", "0"], cols=150, env={"COLUMNS": "60", "NO_COLOR": "1"})
    check(110 < longest_line(out) <= 150, "a 150-column terminal: longest line %d" % longest_line(out))
    _, out = run_tty(["search", DB, "", "-n", "0"], cols=70, env={"COLUMNS": "200", "NO_COLOR": "1"})
    check(longest_line(out) <= 70, "a 70-column terminal: longest line %d" % longest_line(out))


def test_no_color():
    """Colour (bold header, highlighted matches) only on a terminal, never with NO_COLOR set to a
    non-empty value; an empty NO_COLOR does not count (no-color.org)."""
    _, out = run_tty(["search", DB, "bridge"])
    check("\x1b[" in out, "no colour on a terminal: %r" % out[:200])
    _, out = run_tty(["search", DB, "bridge"], env={"NO_COLOR": ""})
    check("\x1b[" in out, "an empty NO_COLOR turned colour off")
    for cmd in (["search", DB, "bridge"], ["speakers", DB], ["extract", "-o", "table"] + EXAMPLES):
        _, out = run_tty(cmd, env={"NO_COLOR": "1"})
        check(out and "\x1b" not in out, "%s: escape codes with NO_COLOR=1: %r" % (cmd[0], out[:200]))
        _, out, _ = run(cmd)
        check(out and "\x1b" not in out, "%s: escape codes into a pipe" % cmd[0])
    _, out = run_tty(["search", DB, "bridge"], env={"NO_COLOR": "1"})
    check("[bridge]" in out, "matches not marked with brackets without colour: %r" % out)


def test_write_error_exits_2():
    """A write that fails (a full disk) is an error for every command that prints results."""
    if not os.path.exists("/dev/full"):
        return
    for cmd in (["search", DB, "bridge"], ["speakers", DB], ["stats", DB], ["quotes", DB, "-s", "Raman"],
                ["search", DB, "bridge", "-o", "csv"], ["extract", "-o", "table"] + EXAMPLES,
                ["help", "search"], ["--help"]):
        with open("/dev/full", "wb") as full:
            code, _, err = run(cmd, stdout=full)
        check(code == 2, "%s > /dev/full: exit %d" % (cmd, code))
        check(err.strip(), "%s > /dev/full: nothing on stderr" % cmd)


def main():
    global SAYWHO, TMP
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saywho", required=True)
    ap.add_argument("-k", dest="filter", help="only tests whose name contains this")
    a = ap.parse_args()
    SAYWHO = os.path.abspath(a.saywho)
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        setup()
        failed = run_tests("cli_options", globals(), a.filter)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
