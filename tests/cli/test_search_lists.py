#!/usr/bin/env python3
"""test_search_lists.py -- the store commands' searches and lists as people expect them (issue 12,
item 3): punctuated search terms, the FTS5 syntax, syntax errors at their place, the dates feeds
write, speakers filters, the gender shares of `saywho stats`, and JSON with null for no value;
the new options through the one option parser (--opt=value, usage errors, did you mean) and the
gender shares in CSV and TSV.

Usage: test_search_lists.py --saywho PATH [-k WORDS]
Standard library only. Each test_* function is one test; the last line is
"search_lists: N passed, N failed" and the exit status is 1 when something failed. Every article
below is written for the project.
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

from harness import Failure, check, run_tests

SAYWHO = None
TMP = None


def run(args, stdin=None):
    p = subprocess.run([SAYWHO] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def jsonl(out):
    return [json.loads(line) for line in out.split("\n") if line.strip()]


def art(id_, date, source, text):
    return json.dumps({"id": id_, "date": date, "source": source, "text": text}, ensure_ascii=False)


def ingest(name, lines):
    """Ingests the JSON lines into a new database; returns (path, exit code, stderr)."""
    src = os.path.join(TMP, name + ".jsonl")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    db = os.path.join(TMP, name + ".db")
    code, _, err = run(["ingest", db, src])
    return db, code, err


# ---- punctuated terms and the FTS5 syntax -------------------------------------------------------

PUNCT = [
    art("c1", "2026-03-04", "North Post", "Virus update\n\n\u201cCOVID-19 cases rose again in the U.S. this week,\u201d said Maria Lopez, the health director."),
    art("c2", "2026-03-05", "North Post", "Ports plan\n\n\u201cTrump's plan for the ports will fail,\u201d said John Carter, a trade analyst."),
    art("c3", "2026-03-06", "South Star", "Memorial\n\n\u201cWe remember 9/11 every year,\u201d said Helen Marsh, the mayor."),
    art("c4", "2026-03-07", "South Star", "Vaccines\n\n\u201cThe covid vaccines reached us in 19 days,\u201d said Peter Wong, a pharmacist."),
]


def found(db, query):
    code, out, err = run(["search", db, query, "--output", "jsonl", "--limit", "0"])
    check(code == 0, "search %r: exit %d: %s" % (query, code, err))
    return sorted(set(h["article"] for h in jsonl(out)))


def test_punctuated_terms_are_searched_as_written():
    db, code, err = ingest("punct", PUNCT)
    check(code == 0, "ingest: %d %s" % (code, err))
    for query, want in [("COVID-19", ["c1"]), ("U.S.", ["c1"]), ("Trump's", ["c2"]), ("Trump\u2019s", ["c2"]),
                        ("9/11", ["c3"])]:
        got = found(db, query)
        check(got == want, "search %r: %s, expected %s" % (query, got, want))


def test_fts5_syntax_still_works():
    db, code, err = ingest("syntax", PUNCT)
    check(code == 0, "ingest: %d %s" % (code, err))
    for query, want in [("covid", ["c1", "c4"]), ("COVID-19 OR vaccines", ["c1", "c4"]),
                        ("covid NOT U.S.", ["c4"]), ('"covid vaccines"', ["c4"]), ("vaccin*", ["c4"]),
                        ("NEAR(remember year, 3)", ["c3"]), ("covid (U.S. OR vaccines)", ["c1", "c4"]),
                        ("text:ports", ["c2"]), ("^trump's", ["c2"])]:
        got = found(db, query)
        check(got == want, "search %r: %s, expected %s" % (query, got, want))


def test_syntax_errors_say_where():
    db, code, err = ingest("errors", PUNCT)
    for query, col, says in [("covid AND", 7, "each side"), ("(U.S. OR covid", 1, "parenthesis is not closed"),
                             ('covid "U.S.', 7, "quotation mark"), ("NOT covid", 1, "NOT needs"),
                             ("col:covid", 1, "unknown column"), ("réseau AND", 8, "each side")]:
        code, out, err = run(["search", db, query])
        check(code == 2 and out == "", "%r: exit %d" % (query, code))
        check("query syntax error at character %d: " % col in err and says in err,
              "%r: message %r" % (query, err))
        lines = err.rstrip("\n").split("\n")
        check(lines[-2] == "  " + query and lines[-1] == "  " + " " * (col - 1) + "^",
              "%r: no caret under character %d: %r" % (query, col, err))
        check("fts5" not in err and "SELECT" not in err, "%r: SQLite internals in %r" % (query, err))


# ---- dates -------------------------------------------------------------------------------------

DATED = [
    ("rfc", "Wed, 04 Mar 2026 10:00:00 GMT", "2026-03-04"),
    ("rfc_offset", "Thu, 5 Mar 2026 08:15:00 +0100", "2026-03-05"),
    ("iso_zone", "2026-03-06T10:00:00+01:00", "2026-03-06"),
    ("iso_late", "2026-03-06T23:30:00-05:00", "2026-03-06"),   # the day as written
    ("written", "March 7, 2026", "2026-03-07"),
    ("day_month", "8 March 2026", "2026-03-08"),
    ("plain", "2026-03-09", "2026-03-09"),
    ("impossible", "2020-02-30", None),
    ("unreadable", "sometime last week", None),
    ("ambiguous", "04/03/2026", None),
]


def test_feed_dates_read_to_the_right_day_and_unreadable_counted():
    lines = [art(id_, date, "Desk", "Harbour %s\n\n\u201cThe harbour is open,\u201d said Maria Lopez." % id_)
             for id_, date, _ in DATED]
    db, code, err = ingest("dates", lines)
    check(code == 0, "ingest: exit %d: %s" % (code, err))
    check("3 article dates could not be read" in err and "'2020-02-30'" in err and "dates.jsonl:8" in err,
          "the unreadable dates are not counted: %r" % err)
    code, out, err = run(["search", db, "harbour", "--output", "jsonl", "--limit", "0"])
    dates = {h["article"]: h["date"] for h in jsonl(out)}
    for id_, _, want in DATED:
        check(id_ in dates, "article %s was not stored" % id_)
        check(dates[id_] == want, "%s: date %r, expected %r" % (id_, dates[id_], want))
    # the summary on a terminal says it too: the same count is in its line (checked by reading the code
    # path's output without a terminal above); a second ingest stores nothing new and says nothing
    code, _, err = run(["ingest", db, os.path.join(TMP, "dates.jsonl")])
    check(code == 0 and "could not be read" not in err, "second ingest: %d %r" % (code, err))


def test_date_options_checked_and_feed_forms_accepted():
    db, code, err = ingest("dateopts", PUNCT)
    for cmd in (["search", db, "covid"], ["speakers", db], ["quotes", db, "--speaker", "Lopez"], ["stats", db]):
        code, out, err = run(cmd + ["--since", "2020-02-30"])
        check(code == 2 and "no such day" in err and "2020-02-30" in err, "%s --since 2020-02-30: %d %r" % (cmd[0], code, err))
        code, out, err = run(cmd + ["--until", "yesterday"])
        check(code == 2 and "YYYY-MM-DD" in err, "%s --until yesterday: %d %r" % (cmd[0], code, err))
    # a date as feeds write it is a date here too
    check(found_since(db, "March 5, 2026") == ["c2", "c3", "c4"], "--since 'March 5, 2026'")
    check(found_since(db, "2026-03-06") == ["c3", "c4"], "--since 2026-03-06")


def found_since(db, since):
    code, out, err = run(["search", db, "", "--since", since, "--output", "jsonl"])
    check(code == 0, "search --since %r: %d %s" % (since, code, err))
    return sorted(h["article"] for h in jsonl(out))


# ---- speakers and gender -----------------------------------------------------------------------

GENDER = [
    art("g1", "2026-01-10", "North Post",
        "Ferry\n\n\u201cThe ferry will run on time,\u201d said Maria Lopez, the harbour director. "
        "\u201cWe have new boats,\u201d Lopez added.\n\n\u201cPrices stay the same,\u201d said John Carter, "
        "a trade analyst.\n\nThe city council said the timetable would change in May."),
    art("g2", "2026-02-10", "North Post",
        "Ferry late\n\n\u201cWe are sorry,\u201d said Peter Wong, the operator's spokesman.\n\n"
        "\u201cNobody told us,\u201d said Quinn Dorsey, a passenger."),
    art("g3", "2026-01-20", "South Star",
        "Fares\n\n\u201cFares will rise,\u201d said John Carter, a trade analyst. \u201cIt cannot be helped,\u201d "
        "Carter added.\n\n\u201cWe will protest,\u201d said Maria Lopez, the harbour director."),
]
# Maria Lopez (female) 3 statements, John Carter (male) 3, Peter Wong (male) 1, Quinn Dorsey (gender
# unknown) 1; the city council (a group) 1.


def speakers(db, *args):
    code, out, err = run(["speakers", db, "--output", "jsonl"] + list(args))
    check(code == 0, "speakers %s: %d %s" % (args, code, err))
    return [(s["name"], s["statements"]) for s in jsonl(out)]


def test_speakers_filters():
    db, code, err = ingest("speakers", GENDER)
    check(code == 0, "ingest: %d %s" % (code, err))
    every = speakers(db)
    check(("Maria Lopez", 3) in every and ("John Carter", 3) in every and len(every) == 5, "all: %s" % every)
    check(speakers(db, "--gender", "female") == [("Maria Lopez", 3)], "--gender female")
    check(sorted(speakers(db, "--gender", "male")) == [("John Carter", 3), ("Peter Wong", 1)], "--gender male")
    check(speakers(db, "--gender", "unknown") == [("Quinn Dorsey", 1)], "--gender unknown: people only")
    check(len(speakers(db, "--gender", "female,male")) == 3, "--gender female,male")
    check(sorted(speakers(db, "--since", "2026-02")) == [("Peter Wong", 1), ("Quinn Dorsey", 1)], "--since")
    got = sorted(speakers(db, "--until", "2026-01-15"))
    check(got == [("John Carter", 1), ("Maria Lopez", 2), ("city council", 1)], "--until: %s" % got)
    check(sorted(speakers(db, "--source", "south star")) == [("John Carter", 2), ("Maria Lopez", 1)], "--source")
    check(speakers(db, "--source", "North Post", "--gender", "male", "--since", "2026-02-01") == [("Peter Wong", 1)],
          "filters together")
    code, _, err = run(["speakers", db, "--gender", "woman"])
    check(code == 2 and "female, male or unknown" in err, "--gender woman: %d %r" % (code, err))
    # JSON: an unnamed group is no entity (null, not 0); gender null when not known
    rows = {s["name"]: s for s in jsonl(run(["speakers", db, "--output", "jsonl"])[1])}
    check(rows["city council"]["entity"] is None and rows["city council"]["type"] == "group", "group: %s" % rows["city council"])
    check(rows["Quinn Dorsey"]["gender"] is None and isinstance(rows["Quinn Dorsey"]["entity"], int), "unknown gender")
    check(rows["Maria Lopez"]["gender"] == "female" and rows["John Carter"]["gender"] == "male", "genders")


def test_stats_gender_shares():
    db, code, err = ingest("gender", GENDER)
    check(code == 0, "ingest: %d %s" % (code, err))
    code, out, err = run(["stats", db, "--output", "jsonl"])
    check(code == 0, "stats: %d %s" % (code, err))
    s = jsonl(out)[0]
    g = s["gender"]
    check(g["statements"] == {"female": 3, "male": 4, "unknown": 1}, "statements by gender: %s" % g["statements"])
    check(g["statement_shares"] == {"female": 0.375, "male": 0.5, "unknown": 0.125}, "shares: %s" % g["statement_shares"])
    check(g["people"] == {"female": 1, "male": 2, "unknown": 1}, "people: %s" % g["people"])
    check(g["people_shares"] == {"female": 0.25, "male": 0.5, "unknown": 0.25}, "people shares: %s" % g["people_shares"])
    check(g["other_statements"] == 1, "other statements: %s" % g["other_statements"])
    by = {r["source"]: r for r in s["gender_by_source"]}
    check([r["source"] for r in s["gender_by_source"]] == ["North Post", "South Star"], "source order")
    check(by["North Post"]["statements"] == {"female": 2, "male": 2, "unknown": 1}, "North Post: %s" % by["North Post"])
    check(by["North Post"]["statement_shares"] == {"female": 0.4, "male": 0.4, "unknown": 0.2}, "North Post shares")
    check(by["South Star"]["statements"] == {"female": 1, "male": 2, "unknown": 0}, "South Star: %s" % by["South Star"])
    check(by["South Star"]["statement_shares"] == {"female": 0.3333, "male": 0.6667, "unknown": 0}, "South Star shares")
    # the table says the same
    code, out, err = run(["stats", db])
    check("statements by people 8: women 37.5%, men 50.0%, unknown 12.5%" in out, "stats table: %r" % out)
    check(re.search(r"\n\s+5\s+40\.0%\s+40\.0%\s+20\.0%\s+4\s+.*North Post\n", out), "per-source table: %r" % out)
    # filters select the articles of the shares
    code, out, err = run(["stats", db, "--output", "jsonl", "--since", "2026-02"])
    g = jsonl(out)[0]["gender"]
    check(g["statements"] == {"female": 0, "male": 1, "unknown": 1}, "stats --since: %s" % g)
    code, out, err = run(["stats", db, "--output", "jsonl", "--source", "Nowhere"])
    s = jsonl(out)[0]
    check(s["gender"]["statement_shares"] == {"female": None, "male": None, "unknown": None} and s["gender_by_source"] == [],
          "no statements: null shares: %s" % s)


def test_json_null_for_no_value():
    db, code, err = ingest("nulls", [art("u1", "", "", "Quiet\n\n\u201cNothing to add,\u201d the spokesman said.")])
    check(code == 0, "ingest: %d %s" % (code, err))
    s = jsonl(run(["stats", db, "--output", "jsonl"])[1])[0]
    check(s["first_date"] is None and s["last_date"] is None, "stats dates: %r %r" % (s["first_date"], s["last_date"]))
    hits = jsonl(run(["search", db, "nothing", "--output", "jsonl"])[1])
    check(hits and hits[0]["date"] is None, "search date: %s" % hits)
    check(isinstance(hits[0]["confidence"], (int, float)) and isinstance(hits[0]["score"], (int, float)), "numbers")
    # one number format: at most four decimals, no trailing zeros
    code, out, _ = run(["search", db, "nothing", "--output", "jsonl"])
    for m in re.finditer(r'"(confidence|score)":(-?[0-9.]+)', out):
        check(re.fullmatch(r"-?\d+(\.\d{0,3}[1-9])?", m.group(2)), "number format: %s" % m.group(0))
    rows = jsonl(run(["speakers", db, "--output", "jsonl"])[1])
    check(rows and rows[0]["entity"] is None and rows[0]["first_date"] is None, "speakers: %s" % rows)


# ---- the new options through the one parser; CSV and TSV ---------------------------------------


def test_new_options_take_every_form_and_say_what_was_wrong():
    db, code, err = ingest("forms", GENDER)
    check(code == 0, "ingest: %d %s" % (code, err))
    want = speakers(db, "--gender", "male", "--since", "2026-01")
    for form in (["--gender=male", "--since=2026-01"], ["--since", "2026-01", "--gender", "male"],
                 ["--gen", "male", "--sin=2026-01"]):
        got = speakers(db, *form)
        check(sorted(got) == sorted(want), "speakers %s: %s, expected %s" % (form, got, want))
    code, out, err = run(["speakers", db, "--gender", "femal"])
    check(code == 2 and out == "" and "saywho speakers: --gender must be female, male or unknown" in err
          and "did you mean 'female'?" in err and "Try 'saywho speakers --help'." in err,
          "--gender femal: %d %r" % (code, err))
    code, _, err = run(["speakers", db, "--gender", "female,woman"])
    check(code == 2 and "not 'woman'" in err, "--gender female,woman: %d %r" % (code, err))
    code, _, err = run(["stats", db, "--gender", "female"])
    check(code == 2 and "unknown option --gender" in err, "stats --gender: %d %r" % (code, err))
    code, _, err = run(["stats", db, "--since=2026-13"])
    check(code == 2 and err.startswith("saywho stats: --since '2026-13': ") and "YYYY-MM-DD" in err,
          "stats --since=2026-13: %d %r" % (code, err))
    code, _, err = run(["speakers", db, "--until"])
    check(code == 2 and "option --until needs a value (DATE)" in err, "--until without a value: %r" % err)
    for cmd in ("speakers", "stats"):
        code, out, _ = run([cmd, "--help"])
        check(code == 0 and all(o in out for o in ("--since DATE", "--until DATE", "--source NAME")),
              "%s --help lacks the filters: %r" % (cmd, out))
    check("--gender GENDER" in run(["speakers", "--help"])[1], "speakers --help lacks --gender")


def parse_tsv(text):
    lines = text.split("\n")
    unescape = lambda v: re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], v)
    header = lines[0].split("\t")
    return [{h: unescape(c) for h, c in zip(header, l.split("\t"))} for l in lines[1:] if l]


def test_stats_and_speakers_in_csv_and_tsv():
    db, code, err = ingest("csv", GENDER)
    check(code == 0, "ingest: %d %s" % (code, err))
    want = jsonl(run(["stats", db, "-o", "jsonl"])[1])[0]
    code, js, _ = run(["stats", db, "-o", "json"])
    check(code == 0 and json.loads(js) == want, "stats: json and jsonl differ")
    code, out, _ = run(["stats", db, "-o", "csv"])
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    check(code == 0 and len(rows) == 1, "stats csv: %d %r" % (code, out))
    code, out, _ = run(["stats", db, "-o", "tsv"])
    rows += parse_tsv(out)
    check(code == 0 and len(rows) == 2, "stats tsv: %d %r" % (code, out))
    for r in rows:
        check(json.loads(r["gender"]) == want["gender"], "csv/tsv gender: %r" % r["gender"])
        check(json.loads(r["gender_by_source"]) == want["gender_by_source"], "csv/tsv gender_by_source")
        check(r["articles"] == "3" and r["first_date"] == "2026-01-10", "csv/tsv counts: %r" % r)
    # speakers: a group has no entity (an empty cell), a gender when it is known
    code, out, _ = run(["speakers", db, "-o", "csv", "-n", "0"])
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out, newline=""))}
    check(rows["city council"]["entity"] == "" and rows["city council"]["type"] == "group", "csv group: %r" % rows)
    check(rows["Maria Lopez"]["gender"] == "female" and rows["Quinn Dorsey"]["gender"] == "", "csv genders")


def main():
    global SAYWHO, TMP
    ap = argparse.ArgumentParser()
    ap.add_argument("--saywho", required=True)
    ap.add_argument("-k", default="")
    a = ap.parse_args()
    SAYWHO = os.path.abspath(a.saywho)
    with tempfile.TemporaryDirectory(prefix="sw_search_lists.") as tmp:
        TMP = tmp
        failed = run_tests("search_lists", globals(), a.k, quiet_pass=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
