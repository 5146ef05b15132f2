/*
 * store_report.c -- what the store commands say beyond their rows (see store_report.h): numbers
 * in one format, the --gender values, search syntax errors at their place in the query, the
 * gender shares of `saywho stats`, the dates ingest could not read.
 *
 * Uses only the public API (saywho.h) and the row writer (output.h).
 */
#include <stdlib.h>
#include <string.h>
#include "store_report.h"

const char *cli_number(double v, char buf[32])
{
    snprintf(buf, 32, "%.4f", v);
    size_t n = strlen(buf);
    if (strchr(buf, '.')) {
        while (n && buf[n - 1] == '0') buf[--n] = 0;
        if (n && buf[n - 1] == '.') buf[--n] = 0;
    }
    if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
    return buf;
}

/* The name of a gender as --gender and the JSON fields write it. */
static const char *gender_word(sw_gender g)
{
    return g == SW_GENDER_UNKNOWN ? "unknown" : sw_gender_name(g);
}

unsigned cli_gender_mask(const char *value, char bad_part[32])
{
    unsigned mask = 0;
    const char *p = value;
    do {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        unsigned bit = 0;
        for (unsigned g = SW_GENDER_UNKNOWN; g <= SW_GENDER_FEMALE; g++) {
            const char *name = gender_word((sw_gender)g);
            if (strlen(name) == n && strncmp(name, p, n) == 0) bit = SW_GENDER_BIT(g);
        }
        if (!bit) {
            if (bad_part) snprintf(bad_part, 32, "%.*s", (int)(n < 31 ? n : 31), p);
            return 0;
        }
        mask |= bit;
        p = e ? e + 1 : NULL;
    } while (p);
    return mask;
}

void cli_search_error(const char *query, const sw_error *err)
{
    const char *msg = err->message ? err->message : sw_status_message(err->code);
    /* the rewriter's errors have a place in the query; SQLite's own (the fallback) and the date
     * errors do not */
    if (err->code != SW_ERR_QUERY || !query || strncmp(msg, "query syntax error", 18) == 0 ||
        strncmp(msg, "a date", 6) == 0 || strncmp(msg, "no such day", 11) == 0 ||
        err->offset > strlen(query)) {
        fprintf(stderr, "saywho: %s\n", msg);
        return;
    }
    /* the character (not the byte) where it is, counted from 1, and a caret under it */
    size_t col = 0;
    for (size_t i = 0; i < err->offset; i++)
        if (((unsigned char)query[i] & 0xC0) != 0x80) col++;
    fprintf(stderr, "saywho: query syntax error at character %zu: %s\n", col + 1, msg);
    fprintf(stderr, "  %s\n  %*s^\n", query, (int)col, "");
}

/* ---- gender shares ------------------------------------------------------------------------- */

/* The order of the shares in the table and in JSON. */
static const sw_gender gender_order[3] = {SW_GENDER_FEMALE, SW_GENDER_MALE, SW_GENDER_UNKNOWN};

static size_t sum3(const size_t v[3]) { return v[0] + v[1] + v[2]; }

typedef struct keep_ctx {
    cli_gender_report *report;
    int nomem;
} keep_ctx;

static int keep_gender_row(void *ctx, const sw_gender_counts *row)
{
    keep_ctx *k = ctx;
    cli_gender_report *r = k->report;
    if (row->is_total) {
        r->total = *row;
        r->total.source = NULL;
        return 0;
    }
    sw_gender_counts *grown = realloc(r->sources, (r->n_sources + 1) * sizeof *grown);
    if (!grown) return k->nomem = 1;
    r->sources = grown;
    sw_gender_counts *c = &r->sources[r->n_sources];
    *c = *row;
    c->source = NULL;
    if (row->source && !(c->source = strdup(row->source))) return k->nomem = 1;
    r->n_sources++;
    return 0;
}

sw_status cli_gender_report_get(sw_store *st, const sw_speaker_opts *o, cli_gender_report *r,
                                sw_error *err)
{
    keep_ctx k = {r, 0};
    sw_status s = sw_store_gender_counts(st, o, keep_gender_row, &k, err);
    if (s == SW_OK && k.nomem) {
        err->code = s = SW_ERR_NOMEM;
        err->message = "out of memory";
        err->offset = 0;
    }
    return s;
}

void cli_gender_report_free(cli_gender_report *r)
{
    for (size_t i = 0; i < r->n_sources; i++) free((char *)r->sources[i].source);
    free(r->sources);
    memset(r, 0, sizeof *r);
}

/* "50.0%", or "-" when there is nothing to share. */
static const char *pct(size_t n, size_t total, char buf[16])
{
    if (!total) return "-";
    snprintf(buf, 16, "%.1f%%", 100.0 * (double)n / (double)total);
    return buf;
}

/* The per-source table: statements and their shares, people and theirs, the source (wrapped). */
enum { G_STATEMENTS, G_S_WOMEN, G_S_MEN, G_S_UNKNOWN, G_PEOPLE, G_P_WOMEN, G_P_MEN, G_P_UNKNOWN,
       G_SOURCE, N_GENDER_COLUMNS };
/* the numbers are never cut (min_width: their header or "100.0%"); the source wraps */
static const cli_column gender_columns[N_GENDER_COLUMNS] = {
    [G_STATEMENTS] = {NULL, "STATEMENTS", CLI_COL_NUMBER, 0, 10},
    [G_S_WOMEN] = {NULL, "WOMEN", CLI_COL_NUMBER, 0, 6},
    [G_S_MEN] = {NULL, "MEN", CLI_COL_NUMBER, 0, 6},
    [G_S_UNKNOWN] = {NULL, "UNKNOWN", CLI_COL_NUMBER, 0, 7},
    [G_PEOPLE] = {NULL, "PEOPLE", CLI_COL_NUMBER, 0, 6},
    [G_P_WOMEN] = {NULL, "WOMEN", CLI_COL_NUMBER, 0, 6},
    [G_P_MEN] = {NULL, "MEN", CLI_COL_NUMBER, 0, 6},
    [G_P_UNKNOWN] = {NULL, "UNKNOWN", CLI_COL_NUMBER, 0, 7},
    [G_SOURCE] = {NULL, "SOURCE", CLI_COL_WRAP, 0, 0},
};

int cli_gender_table(const cli_gender_report *r, FILE *out, int colour, int width)
{
    char b[6][16];
    const size_t *st = r->total.statements, *pe = r->total.people;
    size_t ts = sum3(st), tp = sum3(pe);
    fprintf(out, "statements by people %zu: women %s, men %s, unknown %s", ts,
            pct(st[SW_GENDER_FEMALE], ts, b[0]), pct(st[SW_GENDER_MALE], ts, b[1]),
            pct(st[SW_GENDER_UNKNOWN], ts, b[2]));
    fprintf(out, " (%zu more by organisations, groups or no one)\n", r->total.other_statements);
    fprintf(out, "people quoted       %zu: women %s, men %s, unknown %s\n", tp,
            pct(pe[SW_GENDER_FEMALE], tp, b[3]), pct(pe[SW_GENDER_MALE], tp, b[4]),
            pct(pe[SW_GENDER_UNKNOWN], tp, b[5]));
    if (!r->n_sources) return ferror(out) ? -1 : 0;
    fputc('\n', out);
    cli_rows *rows = cli_rows_new(CLI_OUT_TABLE, out, gender_columns, N_GENDER_COLUMNS, colour, width);
    if (!rows) return -1;
    int failed = 0;
    for (size_t i = 0; i < r->n_sources && !failed; i++) {
        const sw_gender_counts *c = &r->sources[i];
        char ns[32], np[32], v[6][16];
        size_t s = sum3(c->statements), p = sum3(c->people);
        snprintf(ns, sizeof ns, "%zu", s);
        snprintf(np, sizeof np, "%zu", p);
        const char *values[N_GENDER_COLUMNS] = {
            [G_STATEMENTS] = ns,
            [G_S_WOMEN] = pct(c->statements[SW_GENDER_FEMALE], s, v[0]),
            [G_S_MEN] = pct(c->statements[SW_GENDER_MALE], s, v[1]),
            [G_S_UNKNOWN] = pct(c->statements[SW_GENDER_UNKNOWN], s, v[2]),
            [G_PEOPLE] = np,
            [G_P_WOMEN] = pct(c->people[SW_GENDER_FEMALE], p, v[3]),
            [G_P_MEN] = pct(c->people[SW_GENDER_MALE], p, v[4]),
            [G_P_UNKNOWN] = pct(c->people[SW_GENDER_UNKNOWN], p, v[5]),
            [G_SOURCE] = c->source ? c->source : "(no source)"};
        failed = cli_rows_add(rows, values) != 0;
    }
    return cli_rows_end(rows) != 0 || failed ? -1 : 0;
}

/* {"female":N,"male":N,"unknown":N} */
static void json_counts(FILE *f, const char *name, const size_t v[3])
{
    fprintf(f, "\"%s\":{", name);
    for (int i = 0; i < 3; i++)
        fprintf(f, "%s\"%s\":%zu", i ? "," : "", gender_word(gender_order[i]), v[gender_order[i]]);
    fputc('}', f);
}

/* {"female":SHARE,...}, each share null when there is nothing to share */
static void json_shares(FILE *f, const char *name, const size_t v[3])
{
    size_t total = sum3(v);
    char num[32];
    fprintf(f, "\"%s\":{", name);
    for (int i = 0; i < 3; i++)
        fprintf(f, "%s\"%s\":%s", i ? "," : "", gender_word(gender_order[i]),
                total ? cli_number((double)v[gender_order[i]] / (double)total, num) : "null");
    fputc('}', f);
}

/* The members of one row's object, without braces. */
static void json_members(FILE *f, const sw_gender_counts *c)
{
    json_counts(f, "statements", c->statements);
    fputc(',', f);
    json_shares(f, "statement_shares", c->statements);
    fputc(',', f);
    json_counts(f, "people", c->people);
    fputc(',', f);
    json_shares(f, "people_shares", c->people);
    fprintf(f, ",\"other_statements\":%zu", c->other_statements);
}

int cli_gender_json(const cli_gender_report *r, char **gender, char **by_source)
{
    size_t n1 = 0, n2 = 0;
    *gender = *by_source = NULL;
    FILE *f = open_memstream(gender, &n1);
    if (!f) return -1;
    fputc('{', f);
    json_members(f, &r->total);
    fputc('}', f);
    int bad = ferror(f);
    if (fclose(f) != 0) bad = 1;
    FILE *g = bad ? NULL : open_memstream(by_source, &n2);
    if (g) {
        fputc('[', g);
        for (size_t i = 0; i < r->n_sources; i++) {
            fputs(i ? ",{\"source\":" : "{\"source\":", g);
            cli_json_string(g, r->sources[i].source);
            fputc(',', g);
            json_members(g, &r->sources[i]);
            fputc('}', g);
        }
        fputc(']', g);
        if (ferror(g)) bad = 1;
        if (fclose(g) != 0) bad = 1;
    }
    if (bad || !g) {
        free(*gender);
        free(*by_source);
        *gender = *by_source = NULL;
        return -1;
    }
    return 0;
}

/* ---- dates ingest could not read ------------------------------------------------------------ */

void cli_note_date(cli_bad_dates *b, const sw_article *art, const char *language, const char *file,
                   size_t line)
{
    if (!art->date.ptr) return;
    size_t i = 0;
    while (i < art->date.len && (art->date.ptr[i] == ' ' || art->date.ptr[i] == '\t')) i++;
    if (i == art->date.len) return; /* an empty date is no date, not an unreadable one */
    char out[11];
    if (sw_date_parse(art->date.ptr, art->date.len, language, out, NULL) == SW_OK) return;
    if (!b->n++) {
        size_t n = art->date.len < sizeof b->example - 1 ? art->date.len : sizeof b->example - 1;
        memcpy(b->example, art->date.ptr, n);
        b->example[n] = 0;
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)b->example[k] < 0x20) b->example[k] = ' ';
        if (line) snprintf(b->where, sizeof b->where, "%s:%zu", strcmp(file, "-") ? file : "stdin", line);
        else snprintf(b->where, sizeof b->where, "%s", strcmp(file, "-") ? file : "stdin");
    }
}
