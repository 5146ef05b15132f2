#!/bin/sh
# cli_test.sh -- the store commands end to end: ingest, search, quotes, speakers, stats, errors.
#
# usage: cli_test.sh SAYWHO SHARED_DIR
# Ingests ../shared/data/wikinews/wikinews_en.jsonl and checks results whose expected values are
# known from the data (quotations of articles outside the dev gold), idempotence, filters, error
# messages and exit codes, and the speakers of three short articles written for the project
# (those need the attribution stage).
set -u
SAYWHO=$1
SHARED=$2
SRC="$SHARED/data/wikinews/wikinews_en.jsonl"
T=$(mktemp -d "${TMPDIR:-/tmp}/sw_cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}
contains() { # file text what
  grep -qF -- "$2" "$1" || { fail "$3: '$2' not found in:"; head -5 "$1"; }
}
lacks() {
  if grep -qF -- "$2" "$1"; then fail "$3: '$2' should not be there"; fi
}

DB="$T/wn.db"
"$SAYWHO" ingest "$DB" "$SRC" 2>"$T/err"; rc=$?
expect_rc 0 $rc "ingest"
# the summary is printed whether stderr is a terminal or not, and nothing else
[ "$(cat "$T/err")" = "saywho: 295 added, 0 replaced, 0 unchanged, 0 duplicates, 0 conflicts, 0 rejected" ] ||
  fail "ingest summary on a stderr that is not a terminal: $(head -3 "$T/err")"
"$SAYWHO" stats "$DB" --output jsonl > "$T/stats1"; expect_rc 0 $? "stats"
contains "$T/stats1" '"articles":295,' "stats counts the articles"
contains "$T/stats1" '"first_date":"2019-01-04","last_date":"2021-03-15"' "stats dates"
# the deprecated --format still works, with a note on stderr
"$SAYWHO" stats "$DB" --format jsonl > "$T/stats_old" 2>"$T/stats_old_err"; expect_rc 0 $? "stats --format"
cmp -s "$T/stats1" "$T/stats_old" || fail "stats --format jsonl differs from --output jsonl"
contains "$T/stats_old_err" "deprecated; use --output jsonl" "--format names its replacement"
"$SAYWHO" stats "$DB" > "$T/stats_table"; contains "$T/stats_table" "articles            295" "stats table"

# idempotence: the same ingest again changes nothing
"$SAYWHO" ingest "$DB" "$SRC"; expect_rc 0 $? "second ingest"
"$SAYWHO" stats "$DB" --output jsonl > "$T/stats2"
cmp -s "$T/stats1" "$T/stats2" || fail "a second ingest changed the counts: $(cat "$T/stats1") / $(cat "$T/stats2")"

# phrase search, with the matched words marked
"$SAYWHO" search "$DB" '"ball of flames"' > "$T/s1"; expect_rc 0 $? "phrase search"
contains "$T/s1" "wn-004" "phrase search finds its article"
contains "$T/s1" "[ball of flames]" "phrase search highlights"
"$SAYWHO" search "$DB" '"ball of flames"' --output jsonl > "$T/s2"
contains "$T/s2" '"article":"wn-004"' "jsonl search"
contains "$T/s2" '"date":"2019-01-05"' "jsonl search date"
# date filters (wn-001 is of 2019-01-04)
"$SAYWHO" search "$DB" '"rescue operation"' --since 2019-01-04 --until 2019-01-04 > "$T/d1"
contains "$T/d1" "wn-001" "date range includes the day"
"$SAYWHO" search "$DB" '"rescue operation"' --since 2019-01-05 > "$T/d2"
lacks "$T/d2" "wn-001" "--since excludes earlier articles"
"$SAYWHO" search "$DB" '"rescue operation"' --until 2018 > "$T/d3"
[ -s "$T/d3" ] && fail "--until 2018 should find nothing"
"$SAYWHO" search "$DB" said --source en.wikinews.org --limit 1 --output jsonl > "$T/d4"
[ "$(grep -c '"source":"en.wikinews.org"' "$T/d4")" = 1 ] || fail "--source and --limit 1"

# errors: clear messages, exit 2, never SQL
"$SAYWHO" search "$DB" '"unbalanced' 2>"$T/e1"; expect_rc 2 $? "query syntax error"
contains "$T/e1" "query syntax error" "query syntax error message"
lacks "$T/e1" "SELECT" "no SQL in the message"
lacks "$T/e1" "fts5" "no SQLite internals in the message"
"$SAYWHO" search "$DB" said --since 2019-13-01 2>"$T/e2"; expect_rc 2 $? "bad date"
contains "$T/e2" "YYYY" "bad date message"
"$SAYWHO" search "$T/missing.db" said 2>"$T/e3"; expect_rc 2 $? "missing database"
contains "$T/e3" "no such database" "missing database message"
[ -e "$T/missing.db" ] && fail "search created a database"
"$SAYWHO" search "$DB" 2>/dev/null; expect_rc 2 $? "search without a query"
"$SAYWHO" search "$DB" x --limit lots 2>/dev/null; expect_rc 2 $? "bad --limit"
"$SAYWHO" search "$DB" "x'); DROP TABLE articles; --" 2>/dev/null
"$SAYWHO" stats "$DB" --output jsonl > "$T/stats3"
cmp -s "$T/stats1" "$T/stats3" || fail "a hostile query changed the database"
echo "not a database, just some text that is long enough to fill an SQLite header ..........." > "$T/text.db"
"$SAYWHO" stats "$T/text.db" 2>"$T/e4"; expect_rc 2 $? "not a database"
lacks "$T/e4" "SQL" "not-a-database message"

# bad input lines are reported with file and line, skipped, and make the exit status 1
head -3 "$SRC" > "$T/mixed.jsonl"
echo '{"id": "broken", "text": ' >> "$T/mixed.jsonl"
echo '{"id": "notext"}' >> "$T/mixed.jsonl"
sed -n 4p "$SRC" >> "$T/mixed.jsonl"
"$SAYWHO" ingest "$T/mixed.db" "$T/mixed.jsonl" 2>"$T/e5"; expect_rc 1 $? "ingest with bad lines"
contains "$T/e5" "mixed.jsonl:4:" "bad line reported with its number"
contains "$T/e5" "mixed.jsonl:5:" "line without text reported"
"$SAYWHO" stats "$T/mixed.db" --output jsonl > "$T/stats4"
contains "$T/stats4" '"articles":4,' "good lines around bad ones are stored"

"$SAYWHO" speakers "$DB" --limit 5 > "$T/sp"; expect_rc 0 $? "speakers"
contains "$T/sp" "STATEMENTS" "speakers header"
"$SAYWHO" speakers "$DB" --output jsonl --limit 3 > "$T/sp2"
[ "$(wc -l < "$T/sp2")" -le 3 ] || fail "speakers --limit"

# speakers found by the extractor (attribution stage): articles written for the project
cat > "$T/lopez.jsonl" <<'EOT'
{"id": "sp-1", "date": "2022-09-01", "source": "Riverside Courier", "text": "Bridge to reopen in May\n\nThe old river bridge will reopen in May, Mayor Maria Lopez said on Monday. \u201cWe are ready to welcome traffic again,\u201d Lopez told reporters."}
{"id": "sp-2", "date": "2022-09-05", "source": "Valley Gazette", "text": "Mayor promises safe bridge\n\n\u201cThe bridge is completely safe,\u201d said Maria L\u00f3pez, the mayor of Riverside."}
{"id": "sp-3", "date": "2022-09-07", "source": "Valley Gazette", "text": "Council debates budget\n\n\u201cThe budget has no room for new roads,\u201d said Tomas Berger, the council treasurer."}
EOT
"$SAYWHO" ingest "$T/lopez.db" "$T/lopez.jsonl"; expect_rc 0 $? "ingest of the speaker articles"
"$SAYWHO" quotes "$T/lopez.db" --speaker Lopez > "$T/q1"; expect_rc 0 $? "quotes"
contains "$T/q1" "sp-1" "quotes --speaker Lopez (first article)"
contains "$T/q1" "sp-2" "quotes --speaker Lopez (accented form, other outlet)"
lacks "$T/q1" "sp-3" "quotes --speaker Lopez (not Berger)"
"$SAYWHO" search "$T/lopez.db" bridge --speaker "Maria López" > "$T/q2"
contains "$T/q2" "sp-2" "search --speaker with an accent"
"$SAYWHO" speakers "$T/lopez.db" --output jsonl > "$T/q3"
contains "$T/q3" '"name":"Maria Lopez"' "speakers lists Maria Lopez"

if [ $failures -ne 0 ]; then
  echo "cli_test: $failures failure(s)"
  exit 1
fi
echo "cli_test: all passed"
