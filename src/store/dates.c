/*
 * dates.c -- reading the dates of articles as news feeds write them (see dates.h), and the public
 * sw_date_parse().
 *
 * A small hand-written reader, one form after the other, over the bytes of the date: a date is a
 * few numbers and at most two words (a day's name, a month's name), and the words come from the
 * language pack, so the same code reads "4 March 2026" and another language's "4. März 2026" once
 * its pack lists its months. Every number is checked against the calendar (leap years included):
 * a date that cannot be read is refused, never guessed (a numeric 04/03/2026 is April 3 in one
 * country and March 4 in another, so it is refused too).
 */
#include <string.h>
#include "fold.h"
#include "saywho.h"
#include "store/dates.h"

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A byte of a word: an ASCII letter or any byte of a multi-byte UTF-8 character. */
static int is_word_byte(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* A cursor over the date's bytes. */
typedef struct cur {
    const unsigned char *p, *end;
} cur;

static void skip_space(cur *c)
{
    while (c->p < c->end && is_space(*c->p)) c->p++;
}

/* The number of digits at the cursor (not moved). */
static size_t count_digits(const cur *c)
{
    size_t n = 0;
    while (c->p + n < c->end && is_digit(c->p[n])) n++;
    return n;
}

/* The value of n digits at the cursor, which moves past them. */
static int take_number(cur *c, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (c->p[i] - '0');
    c->p += n;
    return v;
}

static size_t count_word(const cur *c)
{
    size_t n = 0;
    while (c->p + n < c->end && is_word_byte(c->p[n])) n++;
    return n;
}

static int at(const cur *c, char ch) { return c->p < c->end && *c->p == (unsigned char)ch; }

/* The month (1..12) a word names in the pack's SW_LIST_MONTH_NAMES ("mar>3"), 0 when none. */
static int month_number(const sw_pack *pack, const unsigned char *w, size_t n)
{
    char folded[SW_PACK_MAX_KEY + 1];
    if (!n || n > SW_PACK_MAX_KEY) return 0;
    sw_fold((const char *)w, n, folded);
    const sw_pack_list *l = sw_pack_list_of(pack, SW_LIST_MONTH_NAMES);
    for (uint32_t i = 0; i < l->n; i++) {
        const char *s = l->items[i].str;
        const char *gt = memchr(s, '>', l->items[i].len);
        if (!gt || (size_t)(gt - s) != n || memcmp(s, folded, n) != 0) continue;
        int m = 0;
        for (const char *q = gt + 1; is_digit((unsigned char)*q); q++) m = m * 10 + (*q - '0');
        return m >= 1 && m <= 12 ? m : 0;
    }
    return 0;
}

static int is_day_name(const sw_pack *pack, const unsigned char *w, size_t n)
{
    const sw_lex_info *e = sw_pack_segment_word(pack, (const char *)w, n);
    return e && (e->classes & SW_LX_DATE_DAY);
}

/* Writes the date; y, m, d of 0 are left out from the right. */
static size_t write_date(char out[11], int y, int m, int d)
{
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    size_t n = 4;
    if (m) {
        out[n++] = '-';
        out[n++] = (char)('0' + m / 10);
        out[n++] = (char)('0' + m % 10);
        if (d) {
            out[n++] = '-';
            out[n++] = (char)('0' + d / 10);
            out[n++] = (char)('0' + d % 10);
        }
    }
    out[n] = 0;
    return n;
}

/* Checks the calendar and writes the date. */
static sw_date_result finish(int y, int m, int d, char out[11], size_t *len_out)
{
    if (y < 1 || m < 0 || m > 12 || (d && !m) || d < 0 || (m && d > days_in_month(y, m)))
        return SW_DATE_IMPOSSIBLE;
    size_t n = write_date(out, y, m, d);
    if (len_out) *len_out = n;
    return SW_DATE_READ;
}

/* 2026-03-04 (also with / or .), 2026-03, 2026; whatever follows must not continue the last number. */
static sw_date_result read_iso(cur *c, char out[11], size_t *len_out)
{
    int y = take_number(c, 4), m = 0, d = 0;
    if (c->p < c->end && (*c->p == '-' || *c->p == '/' || *c->p == '.')) {
        unsigned char sep = *c->p;
        cur t = {c->p + 1, c->end};
        if (count_digits(&t) == 2) {
            m = take_number(&t, 2);
            if (t.p < t.end && *t.p == sep) {
                t.p++;
                if (count_digits(&t) != 2) return SW_DATE_UNREADABLE;
                d = take_number(&t, 2);
                if (d == 0) return SW_DATE_IMPOSSIBLE;
            }
            if (m == 0) return SW_DATE_IMPOSSIBLE;
            c->p = t.p;
        } else if (count_digits(&t)) {
            return SW_DATE_UNREADABLE; /* 2026-3-4: not ISO, and not read as a guess */
        }
    }
    /* a time may follow a whole date: 2026-03-04T10:00 (ISO 8601's T), 2026-03-04 10:00 */
    int time_follows = d && c->p + 1 < c->end && (*c->p | 0x20) == 't' && is_digit(c->p[1]);
    if (c->p < c->end && !time_follows && (is_digit(*c->p) || is_word_byte(*c->p))) return SW_DATE_UNREADABLE;
    return finish(y, m, d, out, len_out);
}

/* The year that ends the written forms: four digits that no digit or letter continues. */
static int take_year(cur *c)
{
    if (count_digits(c) != 4) return 0;
    int y = take_number(c, 4);
    if (c->p < c->end && (is_digit(*c->p) || is_word_byte(*c->p))) return 0;
    return y ? y : -1;
}

/* [Day[,]] D[.] Month[.][,] YYYY | [Day[,]] Month[.] D[,] YYYY | Month YYYY, parts separated by
 * spaces (or single hyphens: 04-Mar-2026). */
static sw_date_result read_words(const sw_pack *pack, cur *c, char out[11], size_t *len_out)
{
    size_t n = count_word(c);
    if (n && is_day_name(pack, c->p, n)) {
        c->p += n;
        if (at(c, '.')) c->p++;
        if (at(c, ',')) c->p++;
        skip_space(c);
    }
    int y = 0, m = 0, d = 0;
    size_t nd = count_digits(c);
    if (nd == 1 || nd == 2) {                      /* 4 March 2026 */
        d = take_number(c, nd);
        if (at(c, '.')) c->p++;
        if (at(c, '-')) c->p++;
        else skip_space(c);
        n = count_word(c);
        if (!(m = month_number(pack, c->p, n))) return SW_DATE_UNREADABLE;
        c->p += n;
        if (at(c, '.')) c->p++;
        if (at(c, ',')) c->p++;
        if (at(c, '-')) c->p++;
        else skip_space(c);
        if ((y = take_year(c)) == 0) return SW_DATE_UNREADABLE;
    } else if ((n = count_word(c)) != 0) {         /* March 4, 2026 / March 2026 */
        if (!(m = month_number(pack, c->p, n))) return SW_DATE_UNREADABLE;
        c->p += n;
        if (at(c, '.')) c->p++;
        skip_space(c);
        nd = count_digits(c);
        if (nd == 1 || nd == 2) {
            d = take_number(c, nd);
            if (at(c, ',')) c->p++;
            skip_space(c);
        } else if (nd != 4) {
            return SW_DATE_UNREADABLE;
        }
        if ((y = take_year(c)) == 0) return SW_DATE_UNREADABLE;
    } else {
        return SW_DATE_UNREADABLE;
    }
    if (y < 0 || (d == 0 && nd && nd <= 2)) return SW_DATE_IMPOSSIBLE;
    return finish(y, m, d, out, len_out);
}

static sw_date_result read_with(const sw_pack *pack, const char *text, size_t len, char out[11],
                                size_t *len_out)
{
    cur c = {(const unsigned char *)text, (const unsigned char *)text + len};
    skip_space(&c);
    if (count_digits(&c) == 4) return read_iso(&c, out, len_out);
    return read_words(pack, &c, out, len_out);
}

sw_date_result sw_date_read(const sw_pack *pack, const char *text, size_t len, char out[11],
                            size_t *len_out)
{
    if (len_out) *len_out = 0;
    out[0] = 0;
    if (!text) return SW_DATE_UNREADABLE;
    if (pack) return read_with(pack, text, len, out, len_out);
    sw_date_result best = SW_DATE_UNREADABLE;
    for (unsigned i = 0; i < sw_builtin_pack_count; i++) {
        sw_date_result r = read_with(sw_builtin_packs[i], text, len, out, len_out);
        if (r == SW_DATE_READ) return r;
        if (r == SW_DATE_IMPOSSIBLE) best = r;
    }
    out[0] = 0;
    return best;
}

int sw_date_check_iso(const char *d)
{
    size_t n = strlen(d);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (d[i] != '-') return 0;
        } else if (!is_digit((unsigned char)d[i])) {
            return 0;
        }
    }
    char out[11];
    return sw_date_read(NULL, d, n, out, NULL) == SW_DATE_READ && strcmp(out, d) == 0 ? 1 : -1;
}

const char *sw_date_filter_problem(const char *since, const char *until)
{
    const char *d[2] = {since, until};
    for (int i = 0; i < 2; i++) {
        if (!d[i]) continue;
        int ok = sw_date_check_iso(d[i]);
        if (ok == 0) return "a date must be YYYY, YYYY-MM or YYYY-MM-DD";
        if (ok < 0) return "no such day in the calendar (a date must be YYYY, YYYY-MM or YYYY-MM-DD)";
    }
    return NULL;
}

sw_status sw_date_parse(const char *text, size_t len, const char *language, char out[11], sw_error *err)
{
    if (err) memset(err, 0, sizeof *err);
    if (!out || (!text && len)) {
        if (err) {
            err->code = SW_ERR_INVALID_ARG;
            err->message = "invalid argument";
        }
        return SW_ERR_INVALID_ARG;
    }
    out[0] = 0;
    const sw_pack *pack = NULL;
    if (language && *language) {
        char code[16];
        size_t n = strlen(language);
        if (n < sizeof code) {
            for (size_t i = 0; i <= n; i++) code[i] = (char)sw_fold_byte((unsigned char)language[i]);
            pack = sw_pack_find(code);
        }
        /* "auto": every pack, as NULL */
        if (!pack && !(n == 4 && memcmp(code, "auto", 4) == 0)) {
            if (err) {
                err->code = SW_ERR_INVALID_ARG;
                err->message = "unknown language";
            }
            return SW_ERR_INVALID_ARG;
        }
    }
    sw_date_result r = sw_date_read(pack, text, len, out, NULL);
    if (r == SW_DATE_READ) return SW_OK;
    if (err) {
        err->code = SW_ERR_DATE;
        err->message = r == SW_DATE_IMPOSSIBLE
                           ? "no such day in the calendar"
                           : "not a date saywho can read (YYYY-MM-DD, ISO 8601 with a time, "
                             "RFC 2822, \"March 4, 2026\", \"4 March 2026\")";
    }
    return SW_ERR_DATE;
}
