/*
 * output.h -- rows out in the format the user chose (--output): a table that fits the terminal,
 * JSON, JSON Lines, CSV (RFC 4180) or TSV; the terminal's width and whether to use colour.
 *
 * A command describes its columns once (cli_column) and adds rows of strings; the writer quotes,
 * escapes and lays them out. Every format carries the same fields, so `--output csv` and
 * `--output jsonl` hold the same data; the table may show a column made for people instead (the
 * text in quotation marks with the matched words highlighted) where the data formats keep the
 * plain value.
 */
#ifndef SW_CLI_OUTPUT_H
#define SW_CLI_OUTPUT_H

#include <stdio.h>
#include "options.h"

/* The width of the terminal: ioctl(TIOCGWINSZ) when standard output is a terminal, else the
 * COLUMNS environment variable when it is a positive number, else 80. Never less than 20. */
int cli_term_width(void);

/* Whether to colour the output: only when standard output is a terminal, never when NO_COLOR is
 * set to a non-empty value (https://no-color.org) or TERM is "dumb". */
int cli_use_colour(void);

/* Markers a table cell may hold around highlighted words (the search's matches): shown in bold
 * with colour, else as "[" and "]". Zero width. */
#define CLI_MARK_OPEN "\x01"
#define CLI_MARK_CLOSE "\x02"

enum {
    CLI_COL_NUMBER = 1, /* JSON: written unquoted; table: right-aligned */
    CLI_COL_WRAP = 2,   /* table: the text column; gets the width the others leave, wrapped at
                           spaces so that nothing is cut (one per table, the last) */
    CLI_COL_OPTIONAL = 4, /* table: left out when the terminal is too narrow for it (the data
                             formats still have it) */
    CLI_COL_JSON = 8      /* the value is a JSON text (an object, an array): written as it is in
                             JSON and JSON Lines, as that text in a CSV or TSV cell */
};

typedef struct cli_column {
    const char *name;    /* the field's name in JSON, CSV and TSV; NULL: a table-only column */
    const char *header;  /* the table's header; NULL: not in the table */
    unsigned flags;      /* CLI_COL_NUMBER, CLI_COL_WRAP, CLI_COL_OPTIONAL, CLI_COL_JSON */
    int max_width;       /* table: cut longer values to this width with "…"; 0: no limit */
    int min_width;       /* table: when the text needs room, shrink no further; 0: 4 */
} cli_column;

typedef struct cli_rows cli_rows;

/* A writer of rows with these columns (borrowed; they must outlive the writer) to `out` in format
 * `fmt`. Table rows are kept until cli_rows_end() (the widths depend on every row); the other
 * formats are written as rows arrive. `colour` and `width`: the table's (cli_use_colour(),
 * cli_term_width()). NULL when out of memory. */
cli_rows *cli_rows_new(cli_output fmt, FILE *out, const cli_column *cols, size_t ncols, int colour,
                       int width);

/* Adds a row: one value per column (NULL: no value: null in JSON, empty in CSV/TSV, "-" in a
 * table). Values are copied. Returns 0, or -1 when out of memory or a write failed. */
int cli_rows_add(cli_rows *w, const char *const *values);

/* Writes what is left (the table; the end of the JSON array), frees the writer and returns 0,
 * or -1 when a write failed (ferror on `out`) or memory ran out ("saywho: out of memory" said).
 * Does not flush `out`: what is still buffered is checked (and a failure reported, with its
 * reason) by the caller's cli_stdout_check(). NULL is a no-op returning 0. */
int cli_rows_end(cli_rows *w);

/* Writes s, cut with "…" when it is wider than `width` terminal columns. */
void cli_put_fitted(FILE *f, const char *s, int width);

/* Writes s as a JSON string ("null" for NULL). */
void cli_json_string(FILE *f, const char *s);

/* The statement's text as a person should read it, in a new string (free it): a direct or partial
 * quotation (verbatim words) in “…”; a mixed statement as it is, with only its quoted fragments in
 * marks (its text carries them); reported speech without marks (the words are the writer's, not
 * the speaker's). NULL when out of memory. */
char *cli_statement_for_people(sw_quote_kind kind, const char *text);

#endif
