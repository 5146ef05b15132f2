/*
 * output.c -- rows in the format of --output (output.h): table, JSON, JSON Lines, CSV, TSV.
 *
 * The table is laid out when every row is known: each column is as wide as its widest value (up
 * to its limit), the text column gets the rest of the terminal's width and is wrapped at spaces,
 * so a statement is never cut; when the columns do not fit, the widest of the others shrink first.
 * Widths are counted in terminal columns (a CJK character counts two, a combining mark none).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "commands.h"
#include "output.h"

#define GAP 2          /* spaces between table columns */
#define MIN_TEXT 16    /* the text column is never narrower than this, nor than a third of the
                          width when the other columns can shrink to leave it that */
#define MIN_COLUMN 4   /* nor another column (before its values are cut with "…") */

int cli_term_width(void)
{
    int width = 0;
#ifdef TIOCGWINSZ
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        width = ws.ws_col;
#endif
    if (!width) {
        const char *c = getenv("COLUMNS");
        if (c && *c) {
            char *end;
            errno = 0;
            long v = strtol(c, &end, 10);
            if (!errno && !*end && v > 0 && v < 100000) width = (int)v;
        }
    }
    if (!width) width = 80;
    return width < 20 ? 20 : width;
}

int cli_use_colour(void)
{
    const char *no = getenv("NO_COLOR");
    if (no && *no) return 0;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0) return 0;
    return isatty(STDOUT_FILENO);
}

/* ---- text measures ------------------------------------------------------------------------ */

/* Decodes one UTF-8 character at s (a bad byte is one character of its own); returns its length. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return n;
}

/* Terminal columns of one character: 0 for combining marks and the highlight markers, 2 for the
 * wide East Asian ranges and emoji, 1 otherwise. */
static int char_width(uint32_t cp)
{
    if (cp == 1 || cp == 2) return 0; /* CLI_MARK_OPEN, CLI_MARK_CLOSE */
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static int text_width(const char *s)
{
    int w = 0;
    uint32_t cp;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        p += utf8_next(p, &cp);
        w += char_width(cp);
    }
    return w;
}

/* ---- JSON, CSV, TSV ----------------------------------------------------------------------- */

void cli_json_string(FILE *f, const char *s)
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
            if (*p < 0x20 || *p == 0x7F) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

/* RFC 4180: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
static void csv_field(FILE *f, const char *s)
{
    if (!s) return;
    if (!s[strcspn(s, ",\"\r\n")]) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

/* TSV: a tab, newline, carriage return or backslash inside a value is written \t \n \r \\. */
static void tsv_field(FILE *f, const char *s)
{
    if (!s) return;
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\\': fputs("\\\\", f); break;
        default: fputc(*p, f);
        }
    }
}

/* ---- the writer --------------------------------------------------------------------------- */

struct cli_rows {
    cli_output fmt;
    FILE *out;
    const cli_column *cols;
    size_t ncols;
    int colour, width;
    size_t nrows;
    char **cells;      /* table: nrows * ncols copies (NULL for no value) */
    size_t cap;        /* rows the cells array holds */
    int failed;        /* out of memory */
};

cli_rows *cli_rows_new(cli_output fmt, FILE *out, const cli_column *cols, size_t ncols, int colour,
                       int width)
{
    cli_rows *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->fmt = fmt;
    w->out = out;
    w->cols = cols;
    w->ncols = ncols;
    w->colour = colour;
    w->width = width;
    if (fmt == CLI_OUT_CSV || fmt == CLI_OUT_TSV) {
        int first = 1;
        for (size_t i = 0; i < ncols; i++) {
            if (!cols[i].name) continue;
            if (!first) fputc(fmt == CLI_OUT_CSV ? ',' : '\t', out);
            first = 0;
            if (fmt == CLI_OUT_CSV) csv_field(out, cols[i].name);
            else tsv_field(out, cols[i].name);
        }
        fputs(fmt == CLI_OUT_CSV ? "\r\n" : "\n", out);
    }
    return w;
}

static void write_object(cli_rows *w, const char *const *values)
{
    FILE *f = w->out;
    fputc('{', f);
    int first = 1;
    for (size_t i = 0; i < w->ncols; i++) {
        if (!w->cols[i].name) continue;
        if (!first) fputc(',', f);
        first = 0;
        cli_json_string(f, w->cols[i].name);
        fputc(':', f);
        if (values[i] && (w->cols[i].flags & (CLI_COL_NUMBER | CLI_COL_JSON))) fputs(values[i], f);
        else cli_json_string(f, values[i]);
    }
    fputc('}', f);
}

int cli_rows_add(cli_rows *w, const char *const *values)
{
    FILE *f = w->out;
    switch (w->fmt) {
    case CLI_OUT_JSON:
        fputs(w->nrows ? ",\n" : "[\n", f);
        write_object(w, values);
        break;
    case CLI_OUT_JSONL:
        write_object(w, values);
        fputc('\n', f);
        break;
    case CLI_OUT_CSV:
    case CLI_OUT_TSV: {
        int first = 1;
        for (size_t i = 0; i < w->ncols; i++) {
            if (!w->cols[i].name) continue;
            if (!first) fputc(w->fmt == CLI_OUT_CSV ? ',' : '\t', f);
            first = 0;
            if (w->fmt == CLI_OUT_CSV) csv_field(f, values[i]);
            else tsv_field(f, values[i]);
        }
        fputs(w->fmt == CLI_OUT_CSV ? "\r\n" : "\n", f);
        break;
    }
    case CLI_OUT_TABLE:
        if (w->nrows == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 64;
            char **p = realloc(w->cells, cap * w->ncols * sizeof *p);
            if (!p) {
                w->failed = 1;
                return -1;
            }
            w->cells = p;
            w->cap = cap;
        }
        for (size_t i = 0; i < w->ncols; i++) {
            char *c = NULL;
            if (values[i] && w->cols[i].header) {
                c = strdup(values[i]);
                if (!c) w->failed = 1;
            }
            w->cells[w->nrows * w->ncols + i] = c;
        }
        if (w->failed) {
            w->nrows++;
            return -1;
        }
        break;
    }
    w->nrows++;
    return ferror(f) ? -1 : 0;
}

/* Writes `s` (already cut to fit) and its highlight markers: bold with colour, else brackets. */
static void put_text(cli_rows *w, const char *s, size_t len, int *bold)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == CLI_MARK_OPEN[0]) {
            *bold = 1;
            fputs(w->colour ? "\x1b[1m" : "[", w->out);
        } else if (s[i] == CLI_MARK_CLOSE[0]) {
            *bold = 0;
            fputs(w->colour ? "\x1b[0m" : "]", w->out);
        } else {
            unsigned char c = (unsigned char)s[i];
            fputc(c < 0x20 || c == 0x7F ? ' ' : c, w->out);
        }
    }
}

/* Writes a cell of a fixed column: cut with "…" when wider than `width`, padded when `pad`. */
static void put_cell(cli_rows *w, const char *s, int width, int pad, int right)
{
    int full = text_width(s);
    int shown = 0;
    size_t len = 0;
    if (full <= width) {
        len = strlen(s);
        shown = full;
    } else {
        uint32_t cp;
        while (s[len]) {
            size_t n = utf8_next((const unsigned char *)s + len, &cp);
            int cw = char_width(cp);
            if (shown + cw > width - 1) break;
            shown += cw;
            len += n;
        }
    }
    if (right && pad && shown < width) fprintf(w->out, "%*s", width - shown - (full > width), "");
    int bold = 0;
    put_text(w, s, len, &bold);
    if (bold && w->colour) fputs("\x1b[0m", w->out);
    if (full > width) {
        fputs("\xE2\x80\xA6", w->out);
        shown++;
    }
    if (!right && pad && shown < width) fprintf(w->out, "%*s", width - shown, "");
}

/* The next line of a wrapped text: at most `width` columns, broken after a space when there is
 * one (a word longer than the line is cut). Returns its length in bytes; *next is where the
 * following line starts (spaces skipped). */
static size_t wrap_line(const char *s, int width, const char **next)
{
    size_t i = 0, last_break = 0;
    int used = 0;
    uint32_t cp;
    while (s[i]) {
        if (s[i] == '\n') { /* a line break of the text itself */
            *next = s + i + 1;
            return i;
        }
        size_t n = utf8_next((const unsigned char *)s + i, &cp);
        int cw = char_width(cp);
        if (used + cw > width && i > 0) break;
        used += cw;
        i += n;
        if (s[i - 1] == ' ') last_break = i;
    }
    if (!s[i]) {
        *next = s + i;
        return i;
    }
    size_t end = last_break ? last_break : i;
    const char *p = s + end;
    while (*p == ' ') p++;
    *next = p;
    while (end > 0 && s[end - 1] == ' ') end--;
    return end;
}

static void print_table(cli_rows *w)
{
    size_t nc = w->ncols, shown[16], ns = 0;
    int widths[16] = {0};
    int wrap = -1;
    for (size_t i = 0; i < nc && ns < 16; i++)
        if (w->cols[i].header) shown[ns++] = i;
    /* natural widths */
    for (size_t k = 0; k < ns; k++) {
        const cli_column *c = &w->cols[shown[k]];
        int wd = text_width(c->header);
        for (size_t r = 0; r < w->nrows; r++) {
            const char *v = w->cells[r * nc + shown[k]];
            int tw = v ? text_width(v) : 1;
            if (tw > wd) wd = tw;
        }
        if (c->flags & CLI_COL_WRAP) wrap = (int)k;
        else if (c->max_width && wd > c->max_width) wd = c->max_width;
        widths[k] = wd;
    }
    /* the text column gets what the others leave: optional columns go first, then the others
     * shrink, widest first, when it is short */
    int min_text = w->width / 3 > MIN_TEXT ? w->width / 3 : MIN_TEXT;
    for (int k = (int)ns - 1; wrap >= 0 && k >= 0; k--) {
        int others = 0;
        for (size_t j = 0; j < ns; j++)
            if ((int)j != wrap) others += widths[j] + GAP;
        if (w->width - others >= min_text || w->width - others >= widths[wrap]) break;
        if (!(w->cols[shown[k]].flags & CLI_COL_OPTIONAL)) continue;
        memmove(shown + k, shown + k + 1, (ns - (size_t)k - 1) * sizeof *shown);
        memmove(widths + k, widths + k + 1, (ns - (size_t)k - 1) * sizeof *widths);
        ns--;
        if (k < wrap) wrap--;
    }
    if (wrap >= 0) {
        int natural = widths[wrap];
        for (;;) {
            int others = 0;
            for (size_t k = 0; k < ns; k++)
                if ((int)k != wrap) others += widths[k] + GAP;
            int room = w->width - others;
            if (room >= min_text || room >= natural) {
                widths[wrap] = room < natural ? room : natural;
                break;
            }
            int widest = -1;
            for (size_t k = 0; k < ns; k++)
                if ((int)k != wrap &&
                    widths[k] > (w->cols[shown[k]].min_width ? w->cols[shown[k]].min_width
                                                             : MIN_COLUMN) &&
                    (widest < 0 || widths[k] > widths[widest]))
                    widest = (int)k;
            if (widest < 0) {
                widths[wrap] = room < MIN_TEXT ? MIN_TEXT : room;
                break;
            }
            widths[widest]--;
        }
    }
    /* header */
    if (w->colour) fputs("\x1b[1m", w->out);
    for (size_t k = 0; k < ns; k++) {
        const cli_column *c = &w->cols[shown[k]];
        put_cell(w, c->header, widths[k], k + 1 < ns, (c->flags & CLI_COL_NUMBER) != 0);
        if (k + 1 < ns) fprintf(w->out, "%*s", GAP, "");
    }
    if (w->colour) fputs("\x1b[0m", w->out);
    fputc('\n', w->out);
    /* rows */
    int indent = 0;
    for (size_t k = 0; k < ns && (int)k != wrap; k++) indent += widths[k] + GAP;
    for (size_t r = 0; r < w->nrows; r++) {
        for (size_t k = 0; k < ns; k++) {
            const cli_column *c = &w->cols[shown[k]];
            const char *v = w->cells[r * nc + shown[k]];
            if ((int)k == wrap) {
                const char *s = v ? v : "-", *next;
                int bold = 0;
                size_t len = wrap_line(s, widths[k], &next);
                put_text(w, s, len, &bold);
                while (*next) {
                    if (bold && w->colour) fputs("\x1b[0m", w->out);
                    fprintf(w->out, "\n%*s", indent, "");
                    if (bold && w->colour) fputs("\x1b[1m", w->out);
                    s = next;
                    len = wrap_line(s, widths[k], &next);
                    put_text(w, s, len, &bold);
                }
                if (bold && w->colour) fputs("\x1b[0m", w->out);
            } else {
                put_cell(w, v ? v : "-", widths[k], k + 1 < ns, (c->flags & CLI_COL_NUMBER) != 0);
            }
            if (k + 1 < ns) fprintf(w->out, "%*s", GAP, "");
        }
        fputc('\n', w->out);
    }
}

int cli_rows_end(cli_rows *w)
{
    if (!w) return 0;
    if (w->fmt == CLI_OUT_TABLE && !w->failed && w->nrows) print_table(w);
    if (w->fmt == CLI_OUT_JSON) fputs(w->nrows ? "\n]\n" : "[]\n", w->out);
    for (size_t i = 0; w->cells && i < w->nrows * w->ncols; i++) free(w->cells[i]);
    free(w->cells);
    /* no fflush here: the command's cli_stdout_check() flushes and names the reason of a failure */
    int bad = w->failed || ferror(w->out);
    if (w->failed) fprintf(stderr, "saywho: out of memory\n");
    free(w);
    return bad ? -1 : 0;
}

void cli_put_fitted(FILE *f, const char *s, int width)
{
    if (text_width(s) <= width) {
        fputs(s, f);
        return;
    }
    int used = 0;
    uint32_t cp;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_next(p, &cp);
        int cw = char_width(cp);
        if (used + cw > width - 1) break;
        used += cw;
        for (size_t i = 0; i < n; i++) fputc(p[i] < 0x20 ? ' ' : p[i], f);
        p += n;
    }
    fputs("\xE2\x80\xA6", f);
}

char *cli_statement_for_people(sw_quote_kind kind, const char *text)
{
    size_t len = strlen(text);
    int marks = kind == SW_KIND_DIRECT || kind == SW_KIND_PARTIAL;
    char *s = malloc(len + (marks ? 7 : 1));
    if (!s) return NULL;
    if (!marks) {
        memcpy(s, text, len + 1);
        return s;
    }
    memcpy(s, "\xE2\x80\x9C", 3); /* “ */
    memcpy(s + 3, text, len);
    memcpy(s + 3 + len, "\xE2\x80\x9D", 4); /* ” and the NUL */
    return s;
}
