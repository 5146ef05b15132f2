/*
 * store_report.h -- what the store commands (store_cmds.c) say beyond their rows: JSON numbers in
 * one format, date and gender options checked with a message, search syntax errors shown at their
 * place in the query, the gender shares of `saywho stats`, and the dates ingest could not read.
 * (store_report.c; public API only.)
 */
#ifndef SW_CLI_STORE_REPORT_H
#define SW_CLI_STORE_REPORT_H

#include <stdio.h>
#include "saywho.h"

/* Writes a JSON number in the one format of the store commands' JSON: at most four decimals,
 * without trailing zeros (0.9, 0.3333, -7.25, 3). */
void cli_json_num(FILE *f, double v);

/* Writes s as a JSON string, or null when s is NULL. */
void cli_json_str(FILE *f, const char *s);

/* A --since/--until value: any date sw_date_parse() reads ("2026-03-04", "March 4, 2026"),
 * written as YYYY[-MM[-DD]] into buf; NULL (after a message naming the option) when it is not a
 * date or not a day of the calendar (2020-02-30). value NULL gives NULL without a message. */
const char *cli_date_option(const char *option, const char *value, char buf[11], int *bad);

/* A --gender value (female, male, unknown, or several joined by commas) as a set of
 * SW_GENDER_BIT()s; 0 after a message when it is none of them. */
unsigned cli_gender_option(const char *value);

/* Says on stderr why a search failed: a syntax error of the query with the character where it is,
 * the query, and a caret under that character; any other error as its message. */
void cli_search_error(const char *query, const sw_error *err);

/* The gender section of `saywho stats` (table), or its members of the JSON object (from the
 * first member on, without braces), for the statements the options select. Returns SW_OK or the
 * store's error. */
sw_status cli_print_gender(sw_store *st, const sw_speaker_opts *o, int json, sw_error *err);

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
