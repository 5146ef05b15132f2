/*
 * specs.c -- every command of the saywho program and its options, in one table (options.h).
 *
 * From these entries come the parser, the --help texts (`saywho CMD --help`, `saywho help CMD`),
 * the usage errors and the "did you mean" suggestions. To add an option, add its line to the
 * command's table (and, if no field of cli_args fits, a field there); the command reads the field.
 * Keep man/saywho-CMD.1 and completion/saywho.bash in step: tests/package checks both against the
 * --help texts.
 */
#include <stdio.h>
#include <string.h>
#include "commands.h"
#include "store_report.h"

/* ---- values shared by several commands ---------------------------------------------------- */

#define OUTPUTS_ALL "table|json|jsonl|csv|tsv"

static void language_help(FILE *f)
{
    fputs("the language of the articles: ", f);
    for (size_t i = 0; i < sw_language_count(); i++)
        fprintf(f, "%s%s (%s)", i ? ", " : "", sw_language_code(i), sw_language_name(i));
    fputc(',', f);
}

/* The deprecated --format of extract: an input format (jsonl, text), or table for the output. */
static int extract_format(cli_args *a, const cli_option *o, const char *v)
{
    (void)o;
    const char *input = NULL;
    if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0) input = "jsonl";
    else if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0) input = "text";
    else if (strcmp(v, "table") == 0) {
        a->output = "table";
        fprintf(stderr, "saywho extract: --format table is deprecated; use --output table\n");
        return 0;
    } else {
        cli_usage_error(a->command, "--format must be jsonl, text or table, not '%s' (--format is "
                                    "deprecated: use --input-format or --output)", v);
        return -1;
    }
    a->input_format = input;
    fprintf(stderr, "saywho extract: --format is deprecated; use --input-format %s\n", input);
    return 0;
}

/* The deprecated --format of the store commands: their output format. */
static int store_format(cli_args *a, const cli_option *o, const char *v)
{
    (void)o;
    if (strcmp(v, "table") != 0 && strcmp(v, "jsonl") != 0) {
        cli_usage_error(a->command, "--format must be table or jsonl, not '%s' (--format is "
                                    "deprecated: use --output)", v);
        return -1;
    }
    a->output = v;
    fprintf(stderr, "saywho %s: --format is deprecated; use --output %s\n", a->command, v);
    return 0;
}

/* --since and --until: any date sw_date_parse() reads ("2026-03-04", "March 4, 2026"), kept as
 * YYYY[-MM[-DD]] in since_day or until_day; a date that is not one, or no day of the calendar
 * (2020-02-30), is a usage error. */
static int date_option(cli_args *a, const cli_option *o, const char *v)
{
    int until = o->field == CLI_FIELD(until);
    char *day = until ? a->until_day : a->since_day;
    sw_error err = {0};
    if (sw_date_parse(v, strlen(v), NULL, day, &err) != SW_OK) {
        cli_usage_error(a->command, "--%s '%s': %s (write dates as YYYY, YYYY-MM or YYYY-MM-DD)",
                        o->name, v, err.message ? err.message : "not a date");
        return -1;
    }
    if (until) a->until = day;
    else a->since = day;
    return 0;
}

/* --gender: female, male or unknown, or several joined by commas. */
static int gender_option(cli_args *a, const cli_option *o, const char *v)
{
    (void)o;
    char bad[32] = "";
    if (cli_gender_mask(v, bad)) {
        a->gender = v;
        return 0;
    }
    static const char *const genders[] = {"female", "male", "unknown", NULL};
    const char *guess = cli_did_you_mean(bad, genders);
    const char *must = "--gender must be female, male or unknown (or several, joined by commas)";
    if (guess) cli_usage_error(a->command, "%s, not '%s'; did you mean '%s'?", must, bad, guess);
    else cli_usage_error(a->command, "%s, not '%s'", must, bad);
    return -1;
}

#define OPT_INPUT_FORMAT                                                                          \
    {"input-format", 'i', CLI_CHOICE, CLI_FIELD(input_format), "FORMAT", "auto|jsonl|text",       \
     "auto (the default: per file, a first '{' means JSON Lines, else a\n"                        \
     "plain-text article), jsonl (one JSON object per line: \"text\" required;\n"                  \
     "\"id\", \"title\", \"url\", \"date\", \"source\" optional) or text (one article\n"             \
     "per file: title line(s), a blank line, paragraphs)", 0, NULL, NULL}
#define OPT_LANGUAGE                                                                              \
    {"language", 'l', CLI_STRING, CLI_FIELD(language), "CODE", NULL,                              \
     "or auto (chosen per article); the default is the first", 0, NULL, language_help}
#define OPT_SINCE                                                                                 \
    {"since", 0, CLI_CALL, CLI_FIELD(since), "DATE", NULL,                                        \
     "only articles dated DATE or later (YYYY, YYYY-MM or YYYY-MM-DD,\n"                          \
     "or a date as feeds write it: \"March 4, 2026\")", 0, date_option, NULL}
#define OPT_UNTIL                                                                                 \
    {"until", 0, CLI_CALL, CLI_FIELD(until), "DATE", NULL,                                        \
     "only articles dated DATE or earlier (inclusive at its precision:\n"                         \
     "2023-06 includes all of June)", 0, date_option, NULL}
#define OPT_SOURCE                                                                                \
    {"source", 0, CLI_STRING, CLI_FIELD(source), "NAME", NULL,                                    \
     "only articles of this source (or URL host), any case", 0, NULL, NULL}
#define OPT_STORE_FORMAT                                                                          \
    {"format", 0, CLI_CALL, 0, "FORMAT", NULL, "deprecated: --output", CLI_HIDDEN, store_format, NULL}
#define STATEMENT_OUTPUT_HELP                                                                     \
    "table (the default): date, source, article, speaker, kind and the\n"                         \
    "text, as wide as the terminal; direct and partial quotations in “…”,\n"                      \
    "mixed ones with their quoted fragments in marks, reported speech\n"                          \
    "without marks. json (an array), jsonl (one object per line), csv\n"                          \
    "or tsv: every field, the kind of each statement included"

/* ---- the commands ------------------------------------------------------------------------- */

static const cli_option extract_options[] = {
    OPT_INPUT_FORMAT,
    OPT_LANGUAGE,
    {"output", 'o', CLI_CHOICE, CLI_FIELD(output), "FORMAT", "jsonl|json|table|csv|tsv",
     "jsonl (the default): one JSON object per article and line;\n"
     "json: one JSON array of those objects; table: a table per article\n"
     "(speaker, cue, kind, section, text) as wide as the terminal; csv or\n"
     "tsv: one row per statement (article, offsets, kind, speaker, text ...)", 0, NULL, NULL},
    {"pretty", 'p', CLI_FLAG, CLI_FIELD(pretty), NULL, NULL,
     "indented JSON, one member per line", 0, NULL, NULL},
    {"blocks", 0, CLI_FLAG, CLI_FIELD(blocks), NULL, NULL,
     "also write the article's blocks (lines, with kind and section)", 0, NULL, NULL},
    {"keep-non-statements", 0, CLI_FLAG, CLI_FIELD(keep_non_statements), NULL, NULL,
     "also write quotation spans that are not statements (titles,\n"
     "scare quotes, teasers), with \"is_statement\": false and a reason", 0, NULL, NULL},
    {"quotes-only", 0, CLI_FLAG, CLI_FIELD(quotes_only), NULL, NULL,
     "only find the quotation spans (no speakers, no entities):\n"
     "the fast mode for finding where the quotations are", 0, NULL, NULL},
    {"format", 0, CLI_CALL, 0, "FORMAT", NULL, "deprecated", CLI_HIDDEN, extract_format, NULL},
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

static const cli_option ingest_options[] = {
    OPT_INPUT_FORMAT,
    OPT_LANGUAGE,
    {"replace", 0, CLI_FLAG, CLI_FIELD(replace), NULL, NULL,
     "a different article under an id already stored replaces the stored\n"
     "one (without it: the stored one is kept and the conflict reported)", 0, NULL, NULL},
    {"batch", 0, CLI_POSITIVE, CLI_FIELD(batch), "N", NULL,
     "articles per transaction (default 5000)", 0, NULL, NULL},
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

static const cli_option search_options[] = {
    {"speaker", 's', CLI_STRING, CLI_FIELD(speaker), "NAME", NULL,
     "only this speaker's statements (alias-aware: Putin finds\n"
     "Vladimir Putin)", 0, NULL, NULL},
    OPT_SINCE,
    OPT_UNTIL,
    OPT_SOURCE,
    {"limit", 'n', CLI_COUNT, CLI_FIELD(limit), "N", NULL,
     "at most N statements (default 20; 0: all)", 0, NULL, NULL},
    {"output", 'o', CLI_CHOICE, CLI_FIELD(output), "FORMAT", OUTPUTS_ALL,
     STATEMENT_OUTPUT_HELP "; and the score", 0, NULL, NULL},
    OPT_STORE_FORMAT,
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

static const cli_option quotes_options[] = {
    {"speaker", 's', CLI_STRING, CLI_FIELD(speaker), "NAME", NULL,
     "the speaker (required; alias-aware: Putin finds Vladimir Putin)", CLI_REQUIRED, NULL, NULL},
    OPT_SINCE,
    OPT_UNTIL,
    OPT_SOURCE,
    {"limit", 'n', CLI_COUNT, CLI_FIELD(limit), "N", NULL,
     "at most N statements (default 0: all)", 0, NULL, NULL},
    {"output", 'o', CLI_CHOICE, CLI_FIELD(output), "FORMAT", OUTPUTS_ALL, STATEMENT_OUTPUT_HELP, 0,
     NULL, NULL},
    OPT_STORE_FORMAT,
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

static const cli_option speakers_options[] = {
    OPT_SINCE,
    OPT_UNTIL,
    OPT_SOURCE,
    {"gender", 0, CLI_CALL, CLI_FIELD(gender), "GENDER", NULL,
     "only people of this gender: female, male or unknown, or several\n"
     "joined by commas (female,unknown); organisations and groups have none",
     0, gender_option, NULL},
    {"limit", 'n', CLI_COUNT, CLI_FIELD(limit), "N", NULL,
     "at most N speakers (default 20; 0: all)", 0, NULL, NULL},
    {"output", 'o', CLI_CHOICE, CLI_FIELD(output), "FORMAT", OUTPUTS_ALL,
     "table (the default), json (an array), jsonl (one object per\n"
     "line), csv or tsv", 0, NULL, NULL},
    OPT_STORE_FORMAT,
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

static const cli_option stats_options[] = {
    OPT_SINCE,
    OPT_UNTIL,
    OPT_SOURCE,
    {"output", 'o', CLI_CHOICE, CLI_FIELD(output), "FORMAT", OUTPUTS_ALL,
     "table (the default), json or jsonl (one object), csv or tsv (a\n"
     "header line and one row; gender and gender_by_source are cells\n"
     "holding their JSON)", 0, NULL, NULL},
    OPT_STORE_FORMAT,
    {NULL, 0, CLI_FLAG, 0, NULL, NULL, NULL, 0, NULL, NULL}};

const cli_command cli_commands[] = {
    {"extract", sw_cmd_extract, "find who said what in articles; JSON, a table, CSV or TSV",
     "[options] [FILE|DIR...]",
     "Finds who said what in news articles and writes one JSON object per article\n"
     "(JSON Lines) to standard output, in input order. Reads standard input when no\n"
     "FILE is given or FILE is '-'; a directory stands for its files, recursively.\n",
     {NULL}, -1, "jsonl", extract_options,
     "Errors in the input are reported on stderr as \"saywho: FILE:LINE: byte OFFSET:\n"
     "MESSAGE\"; the article is skipped and the exit status is 1.\n"},
    {"ingest", sw_cmd_ingest, "extract articles into a store (an SQLite database)",
     "DB [options] [FILE|DIR...]",
     "Extracts who said what from the articles (JSON Lines or plain text; a\n"
     "directory: its files, recursively; standard input when no FILE) and stores it\n"
     "in the SQLite database DB, created when missing.\n"
     "An article is known by its id: its \"id\"; for a plain-text file, its path\n"
     "(DIR's own name and the path inside it for a file found in DIR); else its\n"
     "content id. Articles already stored are skipped. A different article under a\n"
     "stored id is a conflict, reported: the stored one is kept, or replaced with\n"
     "--replace. Ctrl-C stops after committing what was extracted; running the same\n"
     "command again continues. A summary line (added, replaced, unchanged,\n"
     "duplicates, conflicts, rejected) is always printed on stderr.\n",
     {"DB", NULL}, -1, NULL, ingest_options,
     "A conflict kept counts as rejected input (exit status 1). After Ctrl-C the exit\n"
     "status is 130 (143 after SIGTERM), what was extracted being committed.\n"},
    {"search", sw_cmd_search, "search the statements of a store", "DB QUERY [options]",
     "Full-text search over the stored statements, best match first (bm25). QUERY:\n"
     "words (all must match), \"a phrase\", OR, NOT, prefix*, NEAR(a b), parentheses;\n"
     "\"\" for every statement. Words with punctuation are searched as written\n"
     "(COVID-19, U.S., Trump's). DATE is YYYY[-MM[-DD]] (or a date as feeds write\n"
     "it), both ends inclusive.\n",
     {"DB", "QUERY", NULL}, 2, "table", search_options, NULL},
    {"speakers", sw_cmd_speakers, "list the speakers of a store", "DB [options]",
     "The most quoted speakers with their statement and article counts and first and\n"
     "last dates, counting the statements of the articles the filters select. DATE is\n"
     "YYYY[-MM[-DD]] (or a date as feeds write it), both ends inclusive.\n",
     {"DB", NULL}, 1, "table", speakers_options, NULL},
    {"quotes", sw_cmd_quotes, "list the statements of one speaker", "DB --speaker NAME [options]",
     "A speaker's statements over time, oldest first (alias-aware).\n",
     {"DB", NULL}, 1, "table", quotes_options, NULL},
    {"stats", sw_cmd_stats, "counts of a store, and who is quoted by gender", "DB [options]",
     "Counts of a store, and who is quoted by gender: the shares of statements by\n"
     "women, men and people of unknown gender, and of the distinct people quoted,\n"
     "overall and per source (the filters select the articles of the gender shares;\n"
     "the counts are of the whole store).\n",
     {"DB", NULL}, 1, "table", stats_options, NULL},
    {NULL, NULL, NULL, NULL, NULL, {NULL}, 0, NULL, NULL, NULL}};
