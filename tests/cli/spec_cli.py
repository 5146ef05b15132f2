#!/usr/bin/env python3
"""spec_cli.py -- runs the examples of the spec files (tests/spec/*.md) through the saywho program.

The format is described in tests/spec/README.md; tests/test_spec.c runs the same examples through
the library, and the two parsers must stay in step. Each example is written to a temporary file
(a JSON Lines line {"id", "text"}, or the plain-text article itself for `article text` examples),
run through `saywho extract --input-format jsonl|text FILE`, and every expect line is checked against the
JSON object printed.

Usage: spec_cli.py --saywho PATH [--report] [-v] [--filter WORDS] [FILE.md ...]
Standard library only. Prints "spec_cli: N passed, N failed" last; exit 1 when something failed
(0 with --report).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

KNOWN_KEYS = ["kind", "section", "statement", "reason", "text", "speaker", "mention", "resolution",
              "cue", "addressee", "via", "fragments", "confidence", "type", "gender", "mentions", "at"]


def unescape(s):
    """Decodes \\n \\t \\r \\\\ \\" and \\u{HEX}; other backslashes stay as they are."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        d = s[i + 1]
        simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"'}
        if d in simple:
            out.append(simple[d])
            i += 2
        elif d == "u" and i + 2 < n and s[i + 2] == "{":
            j = s.find("}", i + 3)
            if j < 0:
                j = n
            out.append(chr(int(s[i + 3:j] or "0", 16)))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Example:
    def __init__(self, name, path, line, info):
        self.name, self.path, self.line = name, path, line
        words = info.split()
        self.text_format = "text" in words
        self.keep = "keep" in words
        self.escaped = "escaped" in words
        self.article = ""
        self.expect = None


def parse_spec(path):
    examples, name, cur = [], "(unnamed)", None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("## ") or line.startswith("### "):
            name = line.split(" ", 1)[1]
        elif line.startswith("```article") or line.startswith("```expect"):
            is_article = line.startswith("```article")
            info = line[len("```article"):] if is_article else line[len("```expect"):]
            fence_line = i
            body = []
            closed = False
            while i < len(lines):
                l2 = lines[i]
                i += 1
                if l2 == "```":
                    closed = True
                    break
                body.append(l2)
            if not closed:
                raise SystemExit("%s:%d: fence not closed" % (path, fence_line))
            if is_article:
                if cur is not None:
                    raise SystemExit("%s:%d: article without an expect block" % (path, cur.line))
                cur = Example(name, path, fence_line, info)
                text = "\n".join(body)
                cur.article = unescape(text) if cur.escaped else text
                examples.append(cur)
            else:
                if cur is None:
                    raise SystemExit("%s:%d: expect block without an article" % (path, fence_line))
                cur.expect = body
                cur = None
    if cur is not None:
        raise SystemExit("%s:%d: article without an expect block" % (path, cur.line))
    return examples


def key_at(s, i):
    for k in KNOWN_KEYS:
        if s.startswith(k + "=", i):
            return k
    return None


def parse_expectation(rest):
    """'SPAN key=value ...' -> (span, [(key, value)])."""
    end = len(rest)
    for i in range(len(rest)):
        if (i == 0 or rest[i - 1] == " ") and key_at(rest, i):
            end = i
            break
    span = unescape(rest[:end].rstrip(" "))
    kvs, i = [], end
    while i < len(rest):
        while i < len(rest) and rest[i] == " ":
            i += 1
        if i >= len(rest):
            break
        k = key_at(rest, i)
        if not k:
            raise ValueError("cannot parse '%s'" % rest[i:])
        i += len(k) + 1
        if i < len(rest) and rest[i] == '"':
            i += 1
            j = i
            while j < len(rest) and rest[j] != '"':
                j += 2 if rest[j] == "\\" and j + 1 < len(rest) else 1
            if j >= len(rest):
                raise ValueError("unterminated value of %s" % k)
            kvs.append((k, unescape(rest[i:j])))
            i = j + 1
        else:
            j = rest.find(" ", i)
            j = len(rest) if j < 0 else j
            kvs.append((k, unescape(rest[i:j])))
            i = j
    return span, kvs


def locate(article_bytes, span, kvs):
    """Byte offsets [start, end) of SPAN (with an optional '<...>' elision) at occurrence `at`."""
    at = int(dict(kvs).get("at", "1"))
    if "<...>" in span:
        a, b = span.split("<...>", 1)
    else:
        a, b = span, None
    a, bb = a.encode("utf-8"), b.encode("utf-8") if b is not None else None
    if not a and bb is None:
        raise ValueError("empty span")
    pos, hit = 0, -1
    for k in range(at):
        hit = article_bytes.find(a, pos)
        if hit < 0:
            raise ValueError("span not found in the article (occurrence %d)" % (k + 1))
        pos = hit + 1
    if bb is None:
        return hit, hit + len(a)
    e = article_bytes.find(bb, hit + len(a))
    if e < 0:
        raise ValueError("end of elided span not found")
    return hit, e + len(bb)


def value_of(doc, q, key):
    """The JSON's value for an expect key (None when absent), as a string."""
    spk = q.get("speaker") or None
    if key == "kind":
        return q.get("kind")
    if key == "section":
        return q.get("section")
    if key == "statement":
        return "no" if q.get("is_statement") is False else "yes"
    if key == "reason":
        return q.get("reason")
    if key == "text":
        return q.get("text")
    if key == "speaker":
        return spk.get("name") if spk else None
    if key == "mention":
        m = spk.get("mention") if spk else None
        return m.get("text") if m else None
    if key == "resolution":
        if spk and "resolution" in spk:
            return spk["resolution"]
        return q.get("resolution", "none")
    if key == "cue":
        return (q.get("cue") or {}).get("text")
    if key == "via":
        return (q.get("via") or {}).get("text")
    if key == "addressee":
        a = q.get("addressee")
        if a is None:
            return None
        if isinstance(a, int):
            ents = doc.get("entities") or []
            return ents[a]["name"] if 0 <= a < len(ents) else None
        if a.get("entity") is not None and isinstance(a["entity"], int):
            ents = doc.get("entities") or []
            if 0 <= a["entity"] < len(ents):
                return ents[a["entity"]]["name"]
        return a.get("name")
    if key == "fragments":
        return str(len(q.get("fragments") or []))
    if key == "confidence":
        # as the JSON prints it (two decimals): high from 0.90, low below 0.50 (test_spec.c too)
        c = round(float(q.get("confidence") or 0.0), 2)
        return "high" if c >= 0.9 else "low" if c < 0.5 else "medium"
    raise KeyError(key)


def describe(article_bytes, q):
    s, e = q.get("start", 0), q.get("end", 0)
    return "[%d,%d) %s %s: %s" % (s, e, q.get("kind"), q.get("section"),
                                  article_bytes[s:e][:160].decode("utf-8", "replace"))


class Runner:
    def __init__(self, saywho):
        self.saywho = saywho
        try:
            helptext = subprocess.run([saywho, "extract", "--help"], capture_output=True,
                                      text=True, timeout=30)
            self.help = helptext.stdout + helptext.stderr
        except OSError as e:
            raise SystemExit("spec_cli: cannot run %s: %s" % (saywho, e))
        self.skipped = 0

    def option(self, *names):
        for n in names:
            if n in self.help:
                return n
        return None

    def run(self, ex, tmpdir):
        """Returns (ok, details, skipped_checks)."""
        errs, skipped = [], 0
        args = [self.saywho, "extract"]
        keep_opt = self.option("--keep-non-statements", "--keep")
        if ex.keep:
            if not keep_opt:
                return None, ["the program has no option to keep non-statements"], 1
            args.append(keep_opt)
        blocks_opt = self.option("--blocks")
        if blocks_opt:
            args.append(blocks_opt)
        path = os.path.join(tmpdir, "example-%d" % ex.line)
        if ex.text_format:
            with open(path, "wb") as f:
                f.write(ex.article.encode("utf-8"))
            args += ["--input-format", "text", path]
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "spec-%d" % ex.line, "text": ex.article}) + "\n")
            args += ["--input-format", "jsonl", path]
        p = subprocess.run(args, capture_output=True, timeout=60)
        if p.returncode != 0:
            return False, ["exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace"))], 0
        out = p.stdout.decode("utf-8", "replace").strip().split("\n")
        out = [l for l in out if l.strip()]
        if len(out) != 1:
            return False, ["expected one JSON line, got %d" % len(out)], 0
        try:
            doc = json.loads(out[0])
        except ValueError as e:
            return False, ["output is not JSON: %s" % e], 0
        art = ex.article.encode("utf-8")
        quotes = doc.get("quotes") or []
        used = [False] * len(quotes)
        exhaustive, saw_none = True, False
        for raw in ex.expect:
            line = raw.lstrip(" ")
            if not line or line.startswith("#"):
                continue
            if line == "...":
                exhaustive = False
                continue
            if line == "none":
                saw_none = True
                continue
            word, _, rest = line.partition(" ")
            if word == "title":
                want = unescape(rest)
                if doc.get("title") != want:
                    errs.append('title: expected "%s", got "%s"' % (want, doc.get("title")))
                continue
            lerr = []
            try:
                span, kvs = parse_expectation(rest)
                if word in ("quote", "mark"):
                    s, e = locate(art, span, kvs)
                    k = next((k for k, q in enumerate(quotes)
                              if q.get("start") == s and q.get("end") == e), None)
                    frag_of = None
                    if word == "mark" and k is None:
                        # A mark may also be a fragment of a statement (a reported clause around it).
                        frag_of = next((j for j, q in enumerate(quotes)
                                        if any(f.get("start") == s and f.get("end") == e
                                               for f in q.get("fragments") or [])), None)
                    if frag_of is not None:
                        used[frag_of] = True
                        for key, want in kvs:
                            if key == "at":
                                continue
                            if key == "kind":
                                got = "partial"
                            elif key == "section":
                                got = quotes[frag_of].get("section")
                            else:
                                lerr.append("key %s cannot be checked on a fragment" % key)
                                continue
                            if got != want:
                                lerr.append('%s: expected "%s", got "%s"' % (key, want, got))
                    elif k is None:
                        lerr.append("no quote at [%d,%d); the document has %d:" % (s, e, len(quotes)))
                        lerr += ["  " + describe(art, q) for q in quotes]
                    else:
                        used[k] = True
                        for key, want in kvs:
                            if key == "at":
                                continue
                            got = value_of(doc, quotes[k], key)
                            got = "none" if got is None else got
                            if got != want:
                                lerr.append('%s: expected "%s", got "%s"' % (key, want, got))
                elif word == "block":
                    s, e = locate(art, span, kvs)
                    if "blocks" not in doc:
                        skipped += 1
                        continue
                    b = next((b for b in doc["blocks"] if b["start"] == s and b["end"] == e), None)
                    if b is None:
                        lerr.append("no block at [%d,%d); blocks: %s" % (
                            s, e, " ".join("[%d,%d)%s" % (b["start"], b["end"], b["kind"])
                                           for b in doc["blocks"])))
                    else:
                        for key, want in kvs:
                            if key in ("kind", "section"):
                                if b.get(key) != want:
                                    lerr.append('%s: expected "%s", got "%s"' % (key, want, b.get(key)))
                            elif key != "at":
                                lerr.append("key %s does not apply to a block" % key)
                elif word == "entity":
                    ents = doc.get("entities") or []
                    en = next((en for en in ents if en.get("name") == span), None)
                    if en is None:
                        lerr.append('no entity named "%s"; entities: %s' % (
                            span, " ".join('"%s"' % x.get("name") for x in ents)))
                    else:
                        for key, want in kvs:
                            if key == "type":
                                got = en.get("type")
                            elif key == "gender":
                                got = en.get("gender", "unknown")
                            elif key == "mentions":
                                got = str(len(en.get("mentions") or []))
                            else:
                                lerr.append("key %s does not apply to an entity" % key)
                                continue
                            if got != want:
                                lerr.append('%s: expected "%s", got "%s"' % (key, want, got))
                else:
                    lerr.append("unknown expectation")
            except (ValueError, KeyError) as e:
                lerr.append(str(e))
            if lerr:
                errs.append(line + "\n      -> " + "\n      ".join(lerr))
        if saw_none and quotes:
            errs.append("none: expected no quote, the document has %d:" % len(quotes))
            errs += ["  " + describe(art, q) for q in quotes]
        elif exhaustive:
            errs += ["unexpected quote: " + describe(art, q)
                     for k, q in enumerate(quotes) if not used[k]]
        return not errs, errs, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saywho", required=True, help="path of the saywho program")
    ap.add_argument("--report", action="store_true", help="one line per example, exit 0")
    ap.add_argument("-v", action="store_true", dest="verbose")
    ap.add_argument("--filter", help="only examples whose heading contains these words")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files
    if not files:
        here = os.path.dirname(os.path.abspath(__file__))
        files = sorted(f for f in glob.glob(os.path.join(here, "..", "spec", "*.md"))
                       if os.path.basename(f) != "README.md")
    examples = []
    for f in files:
        examples += parse_spec(f)
    runner = Runner(a.saywho)
    passed = failed = skipped_examples = skipped_checks = 0
    with tempfile.TemporaryDirectory() as tmpdir:
        for ex in examples:
            if a.filter and a.filter not in ex.name:
                continue
            ok, errs, skipped = runner.run(ex, tmpdir)
            where = "%s:%d %s" % (os.path.basename(ex.path), ex.line, ex.name)
            if ok is None:
                skipped_examples += 1
                print("SKIP %s (%s)" % (where, "; ".join(errs)))
                continue
            skipped_checks += skipped
            if ok:
                passed += 1
                if a.report or a.verbose:
                    print("PASS " + where)
            else:
                failed += 1
                detail = "" if a.report and not a.verbose else "\n    " + "\n    ".join(errs)
                print("FAIL " + where + detail)
    if skipped_checks:
        print("(%d block checks skipped: the program's JSON has no \"blocks\")" % skipped_checks)
    if skipped_examples:
        print("(%d examples skipped)" % skipped_examples)
    print("spec_cli: %d passed, %d failed" % (passed, failed))
    sys.exit(0 if a.report or not failed else 1)


if __name__ == "__main__":
    main()
