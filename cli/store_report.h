/*
 * store_report.h -- what the store commands (store_cmds.c) say beyond their rows: numbers in one
 * format, the --gender values, search syntax errors shown at their place in the query, the gender
 * shares of `saywho stats`, and the dates ingest could not read. (store_report.c; public API only.)
 *
 * The --since/--until values are checked by the option parser (specs.c, with sw_date_parse()).
 */
#ifndef SW_CLI_STORE_REPORT_H
#define SW_CLI_STORE_REPORT_H

#include <stdio.h>
#include "commands.h"

/* A number in the one format of the store commands' output (JSON, CSV, TSV): at most four
 * decimals, without trailing zeros (0.9, 0.3333, -7.25, 3). Written into buf; returns buf. */
const char *cli_number(double v, char buf[32]);

/* A --gender value (female, male, unknown, or several joined by commas) as a set of
 * SW_GENDER_BIT()s; 0 when a part is none of them (no message). When bad_part is not NULL and the
 * value is wrong, *bad_part is the first wrong part, copied into a buffer of 32 bytes. */
unsigned cli_gender_mask(const char *value, char bad_part[32]);

/* Says on stderr why a search failed: a syntax error of the query with the character where it is,
 * the query, and a caret under that character; any other error as its message. */
void cli_search_error(const char *query, const sw_error *err);

/* Who is quoted, by gender, for the statements the options select (sw_store_gender_counts()):
 * the total row and one row per source, sources with the most statements first. */
typedef struct cli_gender_report {
    sw_gender_counts total;
    sw_gender_counts *sources; /* each row's source is a copy owned by the report (or NULL) */
    size_t n_sources;
} cli_gender_report;

/* Fills *r (zero it first). Returns SW_OK, the store's error, or SW_ERR_NOMEM. Free with
 * cli_gender_report_free() in every case. */
sw_status cli_gender_report_get(sw_store *st, const sw_speaker_opts *o, cli_gender_report *r,
                                sw_error *err);
void cli_gender_report_free(cli_gender_report *r);

/* The report as the table of `saywho stats` shows it: two lines of shares (statements, people),
 * then, when there are sources, a blank line and a table with a row per source (as wide as the
 * terminal: `colour` and `width` as for cli_rows_new()). Returns 0, or -1 when a write failed or
 * memory ran out. */
int cli_gender_table(const cli_gender_report *r, FILE *out, int colour, int width);

/* The report as JSON texts, for the `gender` and `gender_by_source` fields of `saywho stats` in
 * the data formats: *gender is an object (statements, statement_shares, people, people_shares,
 * each {"female": .., "male": .., "unknown": ..}, a share null when there is nothing to share;
 * other_statements), *by_source an array of such objects with "source" first. New strings (free
 * them); -1 when out of memory (both NULL then). */
int cli_gender_json(const cli_gender_report *r, char **gender, char **by_source);

/* The dates of an ingest that could not be read: counts an article whose date is given (not
 * blank) but that sw_date_parse() cannot read, keeping the first as an example. */
typedef struct cli_bad_dates {
    size_t n;
    char example[64];
    char where[192];
} cli_bad_dates;

void cli_note_date(cli_bad_dates *b, const sw_article *art, const char *language, const char *file,
                   size_t line);

#endif
