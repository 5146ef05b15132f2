#!/usr/bin/env python3
"""test_cli.py -- the saywho program as a user runs it: inputs, outputs, errors and exit codes.

Usage: test_cli.py --saywho PATH [-k WORDS]
Standard library only. Each test_* function is one test; the last line is
"cli: N passed, N failed" and the exit status is 1 when something failed.

The contract under test (cli/commands.h, README): JSON Lines or plain-text input, detected or forced
with --format; one JSON object per good article in input order; a bad line or file gives one message
"saywho: FILE:LINE: byte OFFSET: MESSAGE" on stderr, is skipped, and makes the exit status 1; usage
and I/O errors give 2.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from harness import Failure, check, run_tests

SAYWHO = None
TMP = None
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")


def run(args, stdin=None, timeout=120, stdout=subprocess.PIPE):
    """Runs saywho with args; returns (exit code, stdout bytes, stderr text)."""
    p = subprocess.run([SAYWHO] + args, input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                       timeout=timeout)
    return p.returncode, p.stdout if p.stdout is not None else b"", p.stderr.decode("utf-8", "replace")


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def jsonl(out):
    """Parses JSON Lines output; every line must be one JSON object."""
    objs = []
    for i, line in enumerate(out.decode("utf-8").split("\n")):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except ValueError as e:
            raise Failure("output line %d is not JSON (%s): %r" % (i + 1, e, line[:200]))
        check(isinstance(o, dict), "output line %d is not an object" % (i + 1))
        objs.append(o)
    return objs


def article_line(id_, text, **extra):
    d = {"id": id_, "text": text}
    d.update(extra)
    return json.dumps(d, ensure_ascii=False)


GOOD = "“We will open the bridge next week,” the engineer said on Monday."

# ---- help and usage --------------------------------------------------------------------------


def test_help_exits_0():
    for args in (["--help"], ["extract", "--help"], ["-h"]):
        code, out, err = run(args)
        check(code == 0, "%s: exit %d" % (args, code))
        check(b"usage" in out.lower(), "%s: no usage text on stdout" % args)


def test_version():
    code, out, _ = run(["--version"])
    check(code == 0 and re.search(rb"\d+\.\d+\.\d+", out), "--version: exit %d %r" % (code, out))


def test_unknown_option_exits_2():
    code, out, err = run(["extract", "--no-such-option"], stdin=b"")
    check(code == 2, "unknown option: exit %d" % code)
    check(err.strip(), "unknown option: nothing on stderr")
    check(out == b"", "unknown option: output on stdout")


def test_unknown_command_exits_2():
    code, _, err = run(["no-such-command"], stdin=b"")
    check(code == 2, "unknown command: exit %d" % code)
    check(err.strip(), "unknown command: nothing on stderr")


def test_no_command_exits_2():
    code, _, _ = run([], stdin=b"")
    check(code == 2, "no command: exit %d" % code)


def test_bad_format_value_exits_2():
    code, _, err = run(["extract", "--format", "xml", write("a.jsonl", article_line("a", GOOD))])
    check(code == 2, "--format xml: exit %d" % code)
    check(err.strip(), "--format xml: nothing on stderr")

# ---- input -----------------------------------------------------------------------------------


def test_language_option():
    """--language picks a language pack: a known code (any case, or auto) reads as the default does;
    an unknown one is a usage error that names the languages there are, and ingest then creates no
    database."""
    path = write("lang.txt", b"Budget passes\n\n\xe2\x80\x9cWe did it,\xe2\x80\x9d the mayor said.\n")
    rc0, out0, _ = run(["extract", path])
    for code in ("en", "EN", "auto"):
        for form in (["--language", code], ["--language=" + code]):
            rc, out, err = run(["extract"] + form + [path])
            check(rc == 0 and out == out0, "--language %s: exit %d, output differs: %s" % (code, rc, err))
    rc, out, err = run(["extract", "--language", "xx", path])
    check(rc == 2 and out == b"", "unknown language: exit %d" % rc)
    check("unknown language 'xx'" in err and "en (English)" in err, "unknown language message: %r" % err)
    rc, _, err = run(["extract", path, "--language"])
    check(rc == 2 and "needs a value" in err, "--language without a value: %d %r" % (rc, err))
    db = os.path.join(TMP, "lang.db")
    rc, _, err = run(["ingest", db, "--language", "xx", path])
    check(rc == 2 and "unknown language 'xx'" in err, "ingest unknown language: %d %r" % (rc, err))
    check(not os.path.exists(db), "ingest with an unknown language created the database")
    rc, _, err = run(["ingest", db, "--language", "en", path])
    check(rc == 0 and os.path.exists(db), "ingest --language en: %d %r" % (rc, err))


def test_output_shape():
    path = write("shape.jsonl", article_line("a1", GOOD, title="Bridge", url="http://example.org/b",
                                            date="2024-01-02", source="Example") + "\n")
    code, out, err = run(["extract", path])
    check(code == 0, "exit %d: %s" % (code, err))
    objs = jsonl(out)
    check(len(objs) == 1, "expected 1 object, got %d" % len(objs))
    o = objs[0]
    check(o.get("id") == "a1", "id: %r" % o.get("id"))
    check(o.get("title") == "Bridge", "title: %r" % o.get("title"))
    for k in ("url", "date", "source"):
        check(k in o, "member %s missing" % k)
    check(isinstance(o.get("quotes"), list), "quotes is not a list")
    text = GOOD.encode("utf-8")
    for q in o["quotes"]:
        for k in ("start", "end", "text", "kind", "section"):
            check(k in q, "quote member %s missing: %r" % (k, q))
        check(0 <= q["start"] < q["end"] <= len(text), "quote offsets out of range: %r" % q)
        check(q["kind"] in ("direct", "partial", "reported", "mixed"), "kind %r" % q["kind"])
        check(q["section"] in ("body", "title", "heading", "boilerplate"), "section %r" % q["section"])


def test_empty_file():
    path = write("empty.jsonl", b"")
    code, out, err = run(["extract", "--format", "jsonl", path])
    check(code == 0, "empty JSON Lines file: exit %d (%s)" % (code, err))
    check(out.strip() == b"", "empty JSON Lines file: output %r" % out[:200])
    code, out, err = run(["extract", path])  # detected
    check(code in (0, 1), "empty file, detected: exit %d (%s)" % (code, err))
    jsonl(out)
    code, out, err = run(["extract", "--format", "text", path])
    check(code in (0, 1), "empty file as text: exit %d (%s)" % (code, err))
    jsonl(out)
    code, out, err = run(["extract"], stdin=b"")
    check(code in (0, 1), "empty stdin: exit %d (%s)" % (code, err))
    jsonl(out)


def test_malformed_line_among_good_ones():
    lines = [article_line("one", GOOD),
             '{"id": "broken", "text": "no closing brace"',
             article_line("three", "Nothing was said here."),
             '{"id": "notext", "title": "no text member"}',
             article_line("five", "\"It works,\" she said."),
             '{"id": "numtext", "text": 42}',
             "not json at all",
             article_line("eight", GOOD)]
    path = write("mixed.jsonl", "\n".join(lines) + "\n")
    code, out, err = run(["extract", path])
    check(code == 1, "exit %d, expected 1" % code)
    ids = [o.get("id") for o in jsonl(out)]
    check(ids == ["one", "three", "five", "eight"], "good articles out of order or lost: %r" % ids)
    for line_no in (2, 4, 6, 7):
        pat = r"%s:%d: byte \d+" % (re.escape(path), line_no)
        check(re.search(pat, err), "stderr does not name %s:%d: byte N:\n%s" % (path, line_no, err))
    check(len([l for l in err.splitlines() if l.strip()]) == 4,
          "expected one message per bad line, got:\n%s" % err)


def test_missing_text():
    path = write("notext.jsonl", '{"id": "x", "title": "T"}\n')
    code, out, err = run(["extract", path])
    check(code == 1, "exit %d" % code)
    check(jsonl(out) == [], "output for a rejected line")
    check(re.search(r"notext\.jsonl:1: byte \d+: ", err), "message: %r" % err)


def test_invalid_utf8_and_nul():
    good = article_line("g", GOOD).encode("utf-8")
    bad_utf8 = b'{"id": "u", "text": "caf\xc3 au lait"}'
    nul = b'{"id": "n", "text": "a\\u0000b"}'
    path = write("bad.jsonl", b"\n".join([good, bad_utf8, good, nul, good]) + b"\n")
    code, out, err = run(["extract", path])
    check(code == 1, "exit %d" % code)
    check(len(jsonl(out)) == 3, "expected 3 good articles")
    check(re.search(r"bad\.jsonl:2: byte 24\b", err),
          "invalid UTF-8 not reported at line 2 byte 24 (offset in the line):\n%s" % err)
    check(re.search(r"bad\.jsonl:4: byte \d+", err), "NUL not reported at line 4:\n%s" % err)
    # A plain-text file with invalid UTF-8 is rejected as a whole, naming the byte.
    tpath = write("bad.txt", b"Title\n\nSome text \xff here.\n")
    code, out, err = run(["extract", "--format", "text", tpath])
    check(code == 1, "plain text with invalid UTF-8: exit %d" % code)
    # Either the byte in the file (17) or the line and the byte in it (3, 10).
    check(re.search(r"bad\.txt:\d+: byte 17\b", err) or re.search(r"bad\.txt:3: byte 10\b", err),
          "plain text: offset not named:\n%s" % err)


def test_id_defaults_to_content_id():
    # A line without "id" (or with an empty one) is known by its content id, not by its line
    # number: line 1 of two files are two articles (issue 12).
    path = write("noid.jsonl", article_line("first", GOOD) + "\n" + json.dumps({"text": GOOD}) + "\n")
    other = write("noid2.jsonl", json.dumps({"text": GOOD + " “No,” he said."}) + "\n" +
                  json.dumps({"id": "", "text": GOOD}) + "\n")
    code, out, err = run(["extract", path, other])
    check(code == 0, "exit %d: %s" % (code, err))
    ids = [str(o.get("id")) for o in jsonl(out)]
    check(len(ids) == 4 and ids[0] == "first", "ids: %r" % ids)
    for i in ids[1:]:
        check(re.fullmatch(r"[0-9a-f]{32}", i), "not a content id: %r" % i)
    check(ids[1] != ids[2], "two different id-less articles share an id: %r" % ids)
    check(ids[1] == ids[3], "the same content, id-less and with an empty id: %r" % ids)
    code, out2, _ = run(["extract", other])
    check([o["id"] for o in jsonl(out2)] == ids[2:], "the content id is not stable from run to run")


def test_last_line_without_newline_and_crlf():
    path = write("crlf.jsonl", article_line("a", GOOD) + "\r\n" + article_line("b", GOOD))
    code, out, err = run(["extract", path])
    check(code == 0, "exit %d: %s" % (code, err))
    check([o["id"] for o in jsonl(out)] == ["a", "b"], "CRLF / unterminated last line lost")


def test_stdin():
    data = (article_line("s1", GOOD) + "\n" + article_line("s2", GOOD) + "\n").encode("utf-8")
    code, out, err = run(["extract"], stdin=data)
    check(code == 0, "stdin: exit %d: %s" % (code, err))
    check([o["id"] for o in jsonl(out)] == ["s1", "s2"], "stdin: wrong output")
    code, out, err = run(["extract", "-"], stdin=data)
    check(code == 0 and len(jsonl(out)) == 2, "'-': exit %d" % code)
    code, out, err = run(["extract", "--format", "text"], stdin=b"A title\n\n" + GOOD.encode())
    check(code == 0 and len(jsonl(out)) == 1, "plain text on stdin: exit %d: %s" % (code, err))


def test_several_files_in_order():
    a = write("f1.jsonl", article_line("f1", GOOD) + "\n")
    b = write("f2.txt", "The title\n\n" + GOOD + "\n")
    c = write("f3.jsonl", article_line("f3", GOOD) + "\n")
    code, out, err = run(["extract", a, b, c])
    check(code == 0, "exit %d: %s" % (code, err))
    ids = [o["id"] for o in jsonl(out)]
    check(ids == ["f1", b, "f3"], "ids (plain text id = the file's path): %r" % ids)


def test_missing_file():
    a = write("m1.jsonl", article_line("m1", GOOD) + "\n")
    code, out, err = run(["extract", os.path.join(TMP, "does-not-exist.jsonl"), a])
    check(code in (1, 2), "missing file: exit %d" % code)
    check("does-not-exist" in err, "missing file not named on stderr: %r" % err)


def test_format_forcing():
    # A plain-text article whose first character is '{' is JSON Lines to the detector.
    body = "{Draft} notes for the council\n\n" + GOOD + "\n"
    path = write("brace.txt", body)
    code, out, err = run(["extract", "--format", "text", path])
    check(code == 0, "--format text on a '{' file: exit %d: %s" % (code, err))
    objs = jsonl(out)
    check(len(objs) == 1, "--format text: %d objects" % len(objs))
    code, out, err = run(["extract", path])
    check(code == 1, "detected as JSON Lines, the line is malformed: exit %d" % code)
    # A JSON Lines file forced as text is one article whose text is the JSON.
    jpath = write("forced.jsonl", article_line("x", GOOD) + "\n")
    code, out, err = run(["extract", "--format", "text", jpath])
    check(code == 0 and len(jsonl(out)) == 1, "--format text on JSON Lines: exit %d" % code)
    code, out, err = run(["extract", "--format", "jsonl", jpath])
    check(code == 0 and jsonl(out)[0]["id"] == "x", "--format jsonl: exit %d" % code)


def test_pretty_parses_as_json():
    lines = [article_line("p%d" % i, GOOD + " “Yes,” she said.") for i in range(3)]
    path = write("pretty.jsonl", "\n".join(lines) + "\n")
    code, out, err = run(["extract", "--pretty", path])
    check(code == 0, "exit %d: %s" % (code, err))
    text = out.decode("utf-8")
    check(text.count("\n") > 6, "--pretty output is not indented")
    dec, i, objs = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        o, i = dec.raw_decode(text, i)
        objs.append(o)
    check([o["id"] for o in objs] == ["p0", "p1", "p2"], "pretty objects: %r" % [o.get("id") for o in objs])
    code, plain, _ = run(["extract", path])
    check(jsonl(plain) == objs, "--pretty and plain output differ in content")


def test_table_output():
    path = write("table.jsonl", article_line("t", GOOD) + "\n")
    code, out, err = run(["extract", "--format", "table", path])
    check(code == 0, "--format table: exit %d: %s" % (code, err))
    check(out.strip(), "--format table: no output")


def test_write_to_dev_full_exits_2():
    if not os.path.exists("/dev/full"):
        return
    path = write("full.jsonl", article_line("a", GOOD) + "\n")
    with open("/dev/full", "wb") as full:
        p = subprocess.run([SAYWHO, "extract", path], stdout=full, stderr=subprocess.PIPE, timeout=60)
    check(p.returncode == 2, "write to /dev/full: exit %d" % p.returncode)
    check(p.stderr.strip(), "write to /dev/full: nothing on stderr")


def test_50mb_line():
    sentence = "“The figures were revised twice,” the minister said. Then the council met. "
    n = 50 * 1024 * 1024 // len(sentence.encode("utf-8")) + 1
    big = sentence * n
    path = write("big.jsonl", article_line("big", big) + "\n" + article_line("after", GOOD) + "\n")
    t0 = time.time()
    code, out, err = run(["extract", path], timeout=600)
    took = time.time() - t0
    check(code == 0, "50 MB line: exit %d: %s" % (code, err[:500]))
    objs = jsonl(out)
    check([o["id"] for o in objs] == ["big", "after"], "50 MB line: ids %r" % [o.get("id") for o in objs])
    size = len(big.encode("utf-8"))
    for q in objs[0]["quotes"]:
        check(0 <= q["start"] < q["end"] <= size, "50 MB line: quote offsets out of range")
    print("  50 MB line: %.2f s" % took)
    os.unlink(path)


def test_seed_article():
    seed = os.path.join(SHARED, "data", "seed", "putin-lukashenko.txt")
    if not os.path.exists(seed):
        print("  (seed article not found; skipped)")
        return
    code, out, err = run(["extract", seed])
    check(code == 0, "seed: exit %d: %s" % (code, err))
    objs = jsonl(out)
    # a plain-text file's id is its path as given, tidied (".." resolved as a name)
    check(len(objs) == 1 and objs[0]["id"] == os.path.normpath(seed), "seed: %r" % [o.get("id") for o in objs])
    size = os.path.getsize(seed)
    for q in objs[0]["quotes"]:
        check(0 <= q["start"] < q["end"] <= size, "seed: offsets out of range: %r" % q)


def test_wikinews_file():
    path = os.path.join(SHARED, "data", "wikinews", "wikinews_en.jsonl")
    if not os.path.exists(path):
        print("  (wikinews file not found; skipped)")
        return
    code, out, err = run(["extract", path])
    check(code == 0, "wikinews: exit %d: %s" % (code, err[:500]))
    with open(path, encoding="utf-8") as f:
        src = [json.loads(l) for l in f if l.strip()]
    objs = jsonl(out)
    check([str(o["id"]) for o in objs] == [str(s["id"]) for s in src], "wikinews: articles lost or reordered")
    for s, o in zip(src, objs):
        size = len(s["text"].encode("utf-8"))
        for q in o["quotes"]:
            check(0 <= q["start"] < q["end"] <= size, "wikinews %s: offsets out of range" % s["id"])


def main():
    global SAYWHO, TMP
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saywho", required=True)
    ap.add_argument("-k", dest="filter", help="only tests whose name contains this")
    a = ap.parse_args()
    SAYWHO = os.path.abspath(a.saywho)
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        failed = run_tests("cli", globals(), a.filter)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
