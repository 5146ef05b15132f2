#!/usr/bin/env python3
"""test_ingest.py -- `saywho ingest` never loses or silently replaces an article (issue 12, item 1).

Usage: test_ingest.py --saywho PATH [--shared DIR] [-k WORDS]
Standard library only (the database is read with the sqlite3 module). Each test_* function is one
test, named after what broke; the last line is "cli_ingest: N passed, N failed" and the exit status
is 1 when something failed.

What broke, as a new user found it:
  - two plain-text files with the same base name in two folders: the second replaced the first;
  - two plain-text articles on standard input: both were "stdin", the second replaced the first;
  - two JSON Lines files whose lines have no id: both first lines were "1";
  - a different article under a stored id replaced it with nothing but a count to say so;
  - Ctrl-C during a large ingest: the open batch of 5,000 was lost and nothing was printed;
  - output to a full disk (>/dev/full): search and speakers exited 0 without a word;
  - a failed ingest (a missing file, an empty directory) left an empty database behind.
"""
import argparse
import json
import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from harness import Failure, check, run_tests

SAYWHO = None
SHARED = None
TMP = None


def run(args, stdin=None, cwd=None, timeout=300, stdout=subprocess.PIPE):
    """Runs saywho; returns (exit code, stdout text, stderr text)."""
    p = subprocess.run([SAYWHO] + args, input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                       cwd=cwd, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace") if p.stdout is not None else ""
    return p.returncode, out, p.stderr.decode("utf-8", "replace")


def path(*parts):
    return os.path.join(TMP, *parts)


def write(rel, data):
    p = path(rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def story(title, quote, who):
    """A plain-text article with one statement."""
    return "%s\n\n\u201c%s,\u201d %s said on Monday.\n" % (title, quote, who)


def stored(db):
    """{id: text} of the articles in the database (README: the articles table, ext_id)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT a.ext_id, group_concat(s.text, ' | ') FROM articles a "
                           "LEFT JOIN statements s ON s.article = a.id GROUP BY a.id").fetchall()
    except sqlite3.Error:
        rows = con.execute("SELECT ext_id, '' FROM articles").fetchall()
    con.close()
    return {r[0]: r[1] or "" for r in rows}


def count(db):
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    return n


SUMMARY = re.compile(r"saywho: (\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) duplicates, "
                     r"(\d+) conflicts, (\d+) rejected")


def summary(err):
    """The counts of the summary line: added, replaced, unchanged, duplicates, conflicts, rejected."""
    m = SUMMARY.findall(err)
    check(m, "no summary line on stderr:\n%s" % err[-600:])
    return tuple(int(x) for x in m[-1])


def fresh(name):
    db = path(name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    return db


# ---- identity: nothing collides --------------------------------------------------------------


def test_same_base_name_in_two_folders():
    a = write("fold/a/story.txt", story("Bridge to reopen", "We will open the bridge", "the mayor"))
    b = write("fold/b/story.txt", story("School to close", "We will close the school", "the governor"))
    # named on the command line, as the issue did: ids are the paths as given
    db = fresh("fold.db")
    code, _, err = run(["ingest", db, "a/story.txt", "b/story.txt"], cwd=path("fold"))
    check(code == 0, "exit %d: %s" % (code, err))
    ids = stored(db)
    check(sorted(ids) == ["a/story.txt", "b/story.txt"], "stored ids: %r" % ids)
    check(summary(err)[:5] == (2, 0, 0, 0, 0), "summary: %s" % err)
    check("open the bridge" in ids["a/story.txt"] and "close the school" in ids["b/story.txt"],
          "the articles' statements: %r" % ids)
    # a directory: its files are "DIRNAME/path inside", however the directory is written
    db = fresh("folddir.db")
    code, _, err = run(["ingest", db, "fold"], cwd=TMP)
    check(code == 0, "directory: exit %d: %s" % (code, err))
    check(sorted(stored(db)) == ["fold/a/story.txt", "fold/b/story.txt"], "directory ids: %r" % stored(db))
    for spelling, cwd in (("fold/", TMP), ("./fold", TMP), (path("fold"), "/"), (".", path("fold"))):
        code, _, err = run(["ingest", db, spelling], cwd=cwd)
        check(code == 0 and summary(err)[:5] == (0, 0, 2, 0, 0),
              "%r from %s is not the same two articles: exit %d, %s" % (spelling, cwd, code, err))
    # and naming a file from the directory's parent gives the id the directory gave it
    code, _, err = run(["ingest", db, "fold/a/story.txt", "./fold//b/./story.txt"], cwd=TMP)
    check(code == 0 and summary(err)[:5] == (0, 0, 2, 0, 0), "files named from the parent: %s" % err)
    check(count(db) == 2, "articles: %d" % count(db))


def test_two_articles_on_stdin():
    db = fresh("stdin.db")
    one = story("Bridge to reopen", "We will open the bridge", "the mayor").encode()
    two = story("School to close", "We will close the school", "the governor").encode()
    errs = []
    for data in (one, two):
        code, _, err = run(["ingest", db], stdin=data)
        check(code == 0, "stdin: exit %d: %s" % (code, err))
        errs.append(err)
    ids = stored(db)
    check(len(ids) == 2, "two different articles on stdin: %d stored (%r)" % (len(ids), ids))
    check([summary(e)[:5] for e in errs] == [(1, 0, 0, 0, 0)] * 2, "summaries: %r" % errs)
    for i in ids:
        check(re.fullmatch(r"[0-9a-f]{32}", i), "a plain-text article on stdin is not known by its content id: %r" % i)
    # the same article again is unchanged, and extract prints the id the store keeps
    code, _, err = run(["ingest", db], stdin=one)
    check(code == 0 and summary(err)[:5] == (0, 0, 1, 0, 0), "the same article again: %s" % err)
    code, out, err = run(["extract"], stdin=one)
    check(code == 0 and json.loads(out)["id"] in ids, "extract's id is not the stored one: %s" % out[:120])


def test_two_idless_jsonl_files():
    db = fresh("noid.db")
    x = write("noid/x.jsonl", json.dumps({"text": story("T", "Yes, we will", "Ana Ruiz")}) + "\n")
    y = write("noid/y.jsonl", json.dumps({"text": story("T", "No, we will not", "Ben Cole")}) + "\n" +
              json.dumps({"id": "", "text": story("T", "Maybe we will", "Cy Dorn")}) + "\n")
    code, _, err = run(["ingest", db, x, y])
    check(code == 0, "exit %d: %s" % (code, err))
    ids = stored(db)
    check(len(ids) == 3 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids), "ids: %r" % ids)
    check(summary(err)[:5] == (3, 0, 0, 0, 0), "three id-less lines: %s" % err)
    code, _, err = run(["ingest", db, y, x])
    check(code == 0 and summary(err)[:5] == (0, 0, 3, 0, 0), "again, in another order: %s" % err)


def test_different_article_under_a_stored_id_is_a_reported_conflict():
    db = fresh("conflict.db")
    first = write("conf/k1.jsonl", json.dumps({"id": "k1", "text": story("T", "The dam is safe", "Ines Duarte")}) + "\n")
    second = write("conf/k2.jsonl", json.dumps({"id": "k1", "text": story("T", "The dam is not safe", "Ines Duarte")}) + "\n")
    code, _, err = run(["ingest", db, first])
    check(code == 0, "first: %s" % err)
    # default: the stored article is kept, and the user is told, with the way to replace it
    code, _, err = run(["ingest", db, second])
    check("The dam is safe" in stored(db)["k1"], "the stored article was replaced: %r" % stored(db))
    check(code == 1, "a kept conflict: exit %d (expected 1)" % code)
    check("k2.jsonl:1: id 'k1' is already stored with other content" in err, "conflict not reported: %s" % err)
    check("--replace" in err, "the message does not say how to replace: %s" % err)
    check(summary(err)[:5] == (0, 0, 0, 0, 1), "summary: %s" % err)
    check("The dam is safe" in stored(db)["k1"], "the stored article was replaced: %r" % stored(db))
    # the same content under the same id is unchanged, not a conflict
    code, _, err = run(["ingest", db, first])
    check(code == 0 and summary(err)[:5] == (0, 0, 1, 0, 0) and "already stored" not in err,
          "the same article is not a conflict: %s" % err)
    # --replace replaces, and says so
    code, _, err = run(["ingest", db, second, "--replace"])
    check(code == 0, "--replace: exit %d: %s" % (code, err))
    check("replaced the stored article" in err and summary(err)[:5] == (0, 1, 0, 0, 0), "--replace: %s" % err)
    check("not safe" in stored(db)["k1"], "--replace did not replace: %r" % stored(db))
    # two different articles under one id in one input: the first is kept, the second reported
    db = fresh("conflict1.db")
    both = write("conf/both.jsonl", open(first).read() + open(second).read())
    code, _, err = run(["ingest", db, both])
    check(code == 1 and "both.jsonl:2: id 'k1'" in err and summary(err)[:5] == (1, 0, 0, 0, 1),
          "a conflict within one input: exit %d, %s" % (code, err))


# ---- interrupts ------------------------------------------------------------------------------


def big_input(copies):
    """The Wikinews sample repeated with fresh ids and urls (distinct content), as JSON Lines."""
    src = os.path.join(SHARED, "data", "wikinews", "wikinews_en.jsonl")
    if not os.path.exists(src):
        return None, 0
    out = path("big.jsonl")
    n = 0
    if not os.path.exists(out):
        with open(src, encoding="utf-8") as f:
            lines = [json.loads(l) for l in f if l.strip()]
        with open(out, "w", encoding="utf-8") as f:
            for r in range(copies):
                for a in lines:
                    a = dict(a)
                    a["id"] = "%s-r%d" % (a["id"], r)
                    a["url"] = "%s?r=%d" % (a.get("url", ""), r)
                    f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(out, "rb") as f:
        n = sum(1 for _ in f)
    return out, n


def test_sigint_during_large_ingest():
    big, total = big_input(40)
    if not big:
        print("  (Wikinews sample not found; skipped)")
        return
    db = fresh("big.db")
    # stderr on a terminal, as for a person: the progress line shows the articles read
    master, slave = pty.openpty()
    p = subprocess.Popen([SAYWHO, "ingest", db, big], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    buf, shown, deadline = b"", 0, time.time() + 120
    try:
        while time.time() < deadline:
            data = os.read(master, 4096)
            if not data:
                break
            buf += data
            m = re.findall(rb"(\d+) articles \(", buf)
            if m and int(m[-1]) > 0:
                shown = int(m[-1])
                break
        check(shown > 0, "no progress line with articles: %r" % buf[-300:])
        p.send_signal(signal.SIGINT)
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the other end closed (EIO)
                break
            if not data:
                break
            buf += data
    finally:
        code = p.wait(timeout=120)
        os.close(master)
    err = buf.decode("utf-8", "replace").replace("\r", "\n")
    check(code == 130, "exit %d after SIGINT (expected 130): %s" % (code, err[-400:]))
    check("interrupted; run the same command again to continue" in err, "no message: %s" % err[-400:])
    added = summary(err)[0]
    n = count(db)
    print("  SIGINT: progress showed %d articles; summary: %d added; database: %d of %d articles"
          % (shown, added, n, total))
    check(n == added, "the database holds %d articles, the summary says %d were added" % (n, added))
    check(n >= shown, "the database holds %d articles, the progress line had shown %d" % (n, shown))
    check(0 < n < total, "%d of %d articles stored: the input is too small to interrupt" % (n, total))
    # the same command again finishes the job
    code, _, err = run(["ingest", db, big])
    check(code == 0, "rerun: exit %d: %s" % (code, err))
    check(summary(err)[:5] == (total - n, 0, n, 0, 0), "rerun: %s" % err)
    check(count(db) == total, "after the rerun: %d of %d articles" % (count(db), total))
    print("  rerun: %s" % err.strip())


def test_sigterm_without_terminal_prints_the_summary():
    big, total = big_input(40)
    if not big:
        print("  (Wikinews sample not found; skipped)")
        return
    db = fresh("term.db")
    p = subprocess.Popen([SAYWHO, "ingest", db, big, "--batch", "100"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    # no progress line without a terminal: wait until a batch is in the database
    deadline, seen = time.time() + 120, 0
    while time.time() < deadline and p.poll() is None and seen == 0:
        time.sleep(0.05)
        if not os.path.exists(db):  # (connecting would create it)
            continue
        try:
            seen = count(db)
        except sqlite3.Error:  # the schema is not there yet
            pass
    p.send_signal(signal.SIGTERM)
    _, errb = p.communicate(timeout=120)
    err = errb.decode("utf-8", "replace")
    check(p.returncode == 128 + signal.SIGTERM, "exit %d after SIGTERM: %s" % (p.returncode, err))
    check("interrupted; run the same command again to continue" in err, "no message: %s" % err)
    added = summary(err)[0]
    check(0 < seen <= added < total and count(db) == added,
          "SIGTERM: %d seen before, %d added, %d in the database (of %d)" % (seen, added, count(db), total))
    print("  SIGTERM: %d of %d articles committed" % (added, total))


def test_interrupt_while_waiting_on_stdin():
    # a read that waits on a pipe does not hold the interrupt back
    db = fresh("wait.db")
    p = subprocess.Popen([SAYWHO, "ingest", db], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    line = json.dumps({"id": "w1", "text": story("T", "We are waiting", "Ana Ruiz")}) + "\n"
    p.stdin.write(line.encode())
    p.stdin.flush()
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    try:
        p.wait(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        raise Failure("SIGINT while waiting on standard input did not stop the ingest")
    err = p.stderr.read().decode()
    p.stdin.close()
    check(p.returncode == 130 and summary(err)[0] == 1 and count(db) == 1,
          "exit %d, %s" % (p.returncode, err))


def test_database_error_summary_counts_what_is_stored():
    # a database that cannot grow (a file size limit, as a full disk): the open batch is rolled
    # back, and the summary counts what the database holds, not what was extracted
    import resource
    big, total = big_input(40)
    if not big:
        print("  (Wikinews sample not found; skipped)")
        return
    db = fresh("limit.db")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 << 20, 8 << 20))

    p = subprocess.run([SAYWHO, "ingest", db, big, "--batch", "500"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, preexec_fn=limit, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2, "exit %d (expected 2): %s" % (p.returncode, err))
    check("articles of the open batch were not stored" in err, "the lost batch is not mentioned: %s" % err)
    added = summary(err)[0]
    check(0 < added < total and count(db) == added,
          "summary: %d added, database: %d articles" % (added, count(db)))
    print("  file size limit: %d articles stored and counted" % added)


# ---- writes that fail, runs that fail --------------------------------------------------------


def test_write_to_dev_full_for_every_command():
    if not os.path.exists("/dev/full"):
        print("  (no /dev/full; skipped)")
        return
    db = fresh("full.db")
    data = write("full/sp.jsonl", "\n".join(json.dumps({"id": "sp-%d" % i, "date": "2022-09-0%d" % (i + 1),
                                                         "text": story("Bridge", "The bridge is safe", "Maria Lopez")})
                                             for i in range(3)) + "\n")
    code, _, err = run(["ingest", db, data])
    check(code == 0, "ingest: %s" % err)
    cases = [["extract", data], ["extract", "--output", "table", data], ["search", db, "bridge"],
             ["search", db, "bridge", "--output", "jsonl"], ["speakers", db], ["speakers", db, "-o", "csv"],
             ["quotes", db, "--speaker", "Lopez"], ["stats", db], ["stats", db, "--output", "jsonl"],
             ["--help"], ["--version"]]
    for cmd in ("extract", "ingest", "search", "speakers", "quotes", "stats"):
        cases.append([cmd, "--help"])
    for args in cases:
        # each of these writes something when stdout works
        code, out, err = run(args)
        check(code == 0 and out, "%s: exit %d, %d bytes of output" % (args, code, len(out)))
        with open("/dev/full", "wb") as full:
            code, _, err = run(args, stdout=full)
        check(code == 2, "%s >/dev/full: exit %d (expected 2)" % (args, code))
        check("No space left on device" in err or "write error" in err, "%s >/dev/full: message %r" % (args, err))
    # ingest writes nothing to stdout: a full stdout is no failure, and the store is written
    with open("/dev/full", "wb") as full:
        code, _, err = run(["ingest", fresh("full2.db"), data], stdout=full)
    check(code == 0 and count(path("full2.db")) == 3, "ingest >/dev/full: exit %d: %s" % (code, err))


def test_failed_run_leaves_no_database():
    os.makedirs(path("nothing", "empty"), exist_ok=True)
    os.makedirs(path("nothing", "hidden"), exist_ok=True)
    write("nothing/hidden/.notes.txt", story("T", "Hidden", "Ana Ruiz"))
    bad = write("nothing/bad.jsonl", "{not json\n")
    cases = [([path("nothing", "missing.txt")], 2), ([path("nothing", "empty")], 2),
             ([path("nothing", "hidden")], 2), ([bad], 1), (["--language", "xx", bad], 2)]
    if os.geteuid() != 0:  # root reads everything
        locked = path("nothing", "locked")
        os.makedirs(locked, exist_ok=True)
        write("nothing/locked/a.txt", story("T", "Locked", "Ana Ruiz"))
        os.chmod(locked, 0)
        cases.append(([locked], 2))
    for args, want in cases:
        db = fresh("nothing.db")
        code, _, err = run(["ingest", db] + args)
        check(code == want, "ingest %s: exit %d (expected %d): %s" % (args, code, want, err))
        left = [f for f in os.listdir(TMP) if f.startswith("nothing.db")]
        check(not left, "ingest %s failed and left %r behind" % (args, left))
    # a database that existed before is never removed
    db = fresh("kept.db")
    ok = write("nothing/ok.jsonl", json.dumps({"id": "ok", "text": story("T", "Fine", "Ana Ruiz")}) + "\n")
    run(["ingest", db, ok])
    code, _, err = run(["ingest", db, path("nothing", "missing.txt")])
    check(code == 2 and os.path.exists(db) and count(db) == 1, "an existing database: exit %d, %s" % (code, err))
    # an empty input is no failure: the (empty) database is what was asked for
    db = fresh("empty.db")
    code, _, err = run(["ingest", db], stdin=b"")
    check(code == 0 and os.path.exists(db), "empty stdin: exit %d: %s" % (code, err))


def test_directory_walk_order_and_skips():
    write("walk/b.txt", story("B", "Second", "Ana Ruiz"))
    write("walk/a/z.jsonl", json.dumps({"id": "from-jsonl", "text": story("A", "From JSON Lines", "Ben Cole")}) + "\n")
    write("walk/a/y.txt", story("Y", "First", "Cy Dorn"))
    write("walk/.git/config", "[core]\n")
    code, out, err = run(["extract", path("walk")])
    check(code == 0, "exit %d: %s" % (code, err))
    ids = [json.loads(l)["id"] for l in out.splitlines() if l.strip()]
    check(ids == ["walk/a/y.txt", "from-jsonl", "walk/b.txt"], "walk order or ids: %r" % ids)


def main():
    global SAYWHO, SHARED, TMP
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saywho", required=True)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "..", "shared"))
    ap.add_argument("-k", dest="filter", help="only tests whose name contains this")
    a = ap.parse_args()
    SAYWHO = os.path.abspath(a.saywho)
    SHARED = os.path.abspath(a.shared)
    with tempfile.TemporaryDirectory() as tmp:
        TMP = os.path.realpath(tmp)
        failed = run_tests("cli_ingest", globals(), a.filter)
        locked = os.path.join(TMP, "nothing", "locked")
        if os.path.exists(locked):
            os.chmod(locked, 0o755)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
