/*
 * store_report.c -- what the store commands say beyond their rows (see store_report.h): JSON
 * numbers in one format, checked date and gender options, search syntax errors at their place in
 * the query, the gender shares of `saywho stats`, the dates ingest could not read.
 *
 * Uses only the public API (saywho.h).
 */
#include <stdlib.h>
#include <string.h>
#include "store_report.h"

void cli_json_num(FILE *f, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.4f", v);
    size_t n = strlen(buf);
    if (strchr(buf, '.')) {
        while (n && buf[n - 1] == '0') buf[--n] = 0;
        if (n && buf[n - 1] == '.') buf[--n] = 0;
    }
    if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
    fputs(buf, f);
}

void cli_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

const char *cli_date_option(const char *option, const char *value, char buf[11], int *bad)
{
    if (!value) return NULL;
    sw_error err = {0};
    if (sw_date_parse(value, strlen(value), NULL, buf, &err) == SW_OK) return buf;
    fprintf(stderr, "saywho: %s '%s': %s (write dates as YYYY, YYYY-MM or YYYY-MM-DD)\n", option,
            value, err.message ? err.message : "not a date");
    *bad = 1;
    return NULL;
}

unsigned cli_gender_option(const char *value)
{
    unsigned mask = 0;
    const char *p = value;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int found = 0;
        for (unsigned g = SW_GENDER_UNKNOWN; g <= SW_GENDER_FEMALE; g++) {
            const char *name = g == SW_GENDER_UNKNOWN ? "unknown" : sw_gender_name((sw_gender)g);
            if (strlen(name) == n && strncmp(name, p, n) == 0) {
                mask |= SW_GENDER_BIT(g);
                found = 1;
            }
        }
        if (!found) {
            fprintf(stderr, "saywho: --gender must be female, male or unknown (or several, joined "
                            "by commas), not '%s'\n", value);
            return 0;
        }
        p = e ? e + 1 : NULL;
    }
    if (!mask) fprintf(stderr, "saywho: --gender needs female, male or unknown\n");
    return mask;
}

void cli_search_error(const char *query, const sw_error *err)
{
    const char *msg = err->message ? err->message : sw_status_message(err->code);
    /* the rewriter's errors have a place in the query; SQLite's own (the fallback) and the date
     * errors do not */
    if (err->code != SW_ERR_QUERY || !query || strncmp(msg, "query syntax error", 18) == 0 ||
        strncmp(msg, "a date", 6) == 0 || strncmp(msg, "no such day", 11) == 0 || err->offset > strlen(query)) {
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

typedef struct gender_ctx {
    int json;
    size_t rows;
} gender_ctx;

static size_t sum3(const size_t v[3]) { return v[0] + v[1] + v[2]; }

/* "50.0%", or "-" when there is nothing to share. */
static const char *pct(size_t n, size_t total, char buf[16])
{
    if (!total) return "-";
    snprintf(buf, 16, "%.1f%%", 100.0 * (double)n / (double)total);
    return buf;
}

static void json_counts(const char *name, const size_t v[3])
{
    printf("\"%s\":{\"female\":%zu,\"male\":%zu,\"unknown\":%zu}", name, v[SW_GENDER_FEMALE],
           v[SW_GENDER_MALE], v[SW_GENDER_UNKNOWN]);
}

static void json_shares(const char *name, const size_t v[3])
{
    size_t total = sum3(v);
    static const sw_gender order[3] = {SW_GENDER_FEMALE, SW_GENDER_MALE, SW_GENDER_UNKNOWN};
    static const char *const names[3] = {"female", "male", "unknown"};
    printf("\"%s\":{", name);
    for (int i = 0; i < 3; i++) {
        printf("%s\"%s\":", i ? "," : "", names[i]);
        if (total) cli_json_num(stdout, (double)v[order[i]] / (double)total);
        else fputs("null", stdout);
    }
    fputs("}", stdout);
}

static int gender_row(void *ctx, const sw_gender_counts *r)
{
    gender_ctx *g = ctx;
    if (g->json) {
        if (r->is_total) {
            fputs("\"gender\":{", stdout);
        } else {
            fputs(g->rows == 1 ? ",\"gender_by_source\":[{\"source\":" : ",{\"source\":", stdout);
            cli_json_str(stdout, r->source);
            fputs(",", stdout);
        }
        json_counts("statements", r->statements);
        fputs(",", stdout);
        json_shares("statement_shares", r->statements);
        fputs(",", stdout);
        json_counts("people", r->people);
        fputs(",", stdout);
        json_shares("people_shares", r->people);
        printf(",\"other_statements\":%zu}", r->other_statements);
        g->rows++;
        return 0;
    }
    char b[6][16];
    size_t ts = sum3(r->statements), tp = sum3(r->people);
    if (r->is_total) {
        printf("statements by people %zu: women %s, men %s, unknown %s", ts,
               pct(r->statements[SW_GENDER_FEMALE], ts, b[0]), pct(r->statements[SW_GENDER_MALE], ts, b[1]),
               pct(r->statements[SW_GENDER_UNKNOWN], ts, b[2]));
        printf(" (%zu more by organisations, groups or no one)\n", r->other_statements);
        printf("people quoted       %zu: women %s, men %s, unknown %s\n", tp,
               pct(r->people[SW_GENDER_FEMALE], tp, b[3]), pct(r->people[SW_GENDER_MALE], tp, b[4]),
               pct(r->people[SW_GENDER_UNKNOWN], tp, b[5]));
    } else {
        if (g->rows == 1)
            printf("\n%10s %7s %7s %7s %7s %7s %7s %7s  %s\n", "STATEMENTS", "WOMEN", "MEN", "UNKNOWN",
                   "PEOPLE", "WOMEN", "MEN", "UNKNOWN", "SOURCE");
        printf("%10zu %7s %7s %7s %7zu %7s %7s %7s  %s\n", ts, pct(r->statements[SW_GENDER_FEMALE], ts, b[0]),
               pct(r->statements[SW_GENDER_MALE], ts, b[1]), pct(r->statements[SW_GENDER_UNKNOWN], ts, b[2]),
               tp, pct(r->people[SW_GENDER_FEMALE], tp, b[3]), pct(r->people[SW_GENDER_MALE], tp, b[4]),
               pct(r->people[SW_GENDER_UNKNOWN], tp, b[5]), r->source ? r->source : "(no source)");
    }
    g->rows++;
    return 0;
}

sw_status cli_print_gender(sw_store *st, const sw_speaker_opts *o, int json, sw_error *err)
{
    gender_ctx g = {json, 0};
    sw_status s = sw_store_gender_counts(st, o, gender_row, &g, err);
    if (s == SW_OK && json && g.rows > 1) fputs("]", stdout);
    if (s == SW_OK && json && g.rows == 1) fputs(",\"gender_by_source\":[]", stdout);
    return s;
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
