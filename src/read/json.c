/*
 * json.c -- the JSON Lines reader: one JSON object per line into an sw_article.
 *
 * Our own parser, written for one job: pull six members out of an object whose "text" may be tens
 * of megabytes long, at memory speed. Strings are scanned with memchr for the two bytes that end a
 * plain run ('"' and '\\'), the positions found are cached so that no byte is searched twice, and
 * each plain run is validated as UTF-8 and copied with memcpy. Members we do not know are skipped
 * whatever their type, iteratively (no recursion), down to SW_JSON_MAX_DEPTH levels.
 *
 * Strictness: the grammar is RFC 8259 with one leniency that real scrapers need: raw control bytes
 * (tab, carriage return ...) inside strings are accepted as they are, except NUL. Escapes are
 * decoded fully; a lone or mismatched surrogate is SW_ERR_UTF8 and "\u0000" in a member we keep is
 * SW_ERR_NUL, both at the offset of the backslash. Every error carries the byte offset in the line.
 */
#include <string.h>
#include "read.h"

#define SW_JSON_MAX_DEPTH 1024

typedef struct json_parser {
    const unsigned char *line;   /* start of the line: offsets are taken from here */
    const unsigned char *p;      /* the next byte to look at */
    const unsigned char *end;
    const unsigned char *next_quote;     /* cached memchr results: the first '"' / '\\' at or */
    const unsigned char *next_backslash; /* after some earlier position, or `end` if none */
    sw_status code;              /* the first error found */
    size_t offset;
} json_parser;

/* Records an error at byte `at` (only the first one counts); returns -1 for the caller to pass on. */
static int json_fail(json_parser *j, sw_status code, const unsigned char *at)
{
    if (j->code == SW_OK) {
        j->code = code;
        j->offset = (size_t)(at - j->line);
    }
    return -1;
}

static void skip_ws(json_parser *j)
{
    const unsigned char *p = j->p, *end = j->end;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    j->p = p;
}

static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = (v << 4) | d;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(unsigned char *dst, unsigned cp)
{
    if (cp < 0x80) { dst[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        dst[0] = (unsigned char)(0xC0 | (cp >> 6));
        dst[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        dst[0] = (unsigned char)(0xE0 | (cp >> 12));
        dst[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        dst[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    dst[0] = (unsigned char)(0xF0 | (cp >> 18));
    dst[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    dst[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    dst[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes one escape sequence at j->p (which points at the backslash); writes its UTF-8 bytes to
 * dst when dst is not NULL and returns how many, or -1 on error. A decoded U+0000 is an error only
 * when the string is kept (dst != NULL). */
static long decode_escape(json_parser *j, unsigned char *dst)
{
    const unsigned char *bs = j->p, *end = j->end;
    if (end - bs < 2) return json_fail(j, SW_ERR_JSON, end);
    unsigned char c = bs[1], one;
    switch (c) {
    case '"': one = '"'; break;
    case '\\': one = '\\'; break;
    case '/': one = '/'; break;
    case 'b': one = '\b'; break;
    case 'f': one = '\f'; break;
    case 'n': one = '\n'; break;
    case 'r': one = '\r'; break;
    case 't': one = '\t'; break;
    case 'u': {
        unsigned cp, lo;
        if (end - bs < 6 || hex4(bs + 2, &cp) < 0) return json_fail(j, SW_ERR_JSON, bs);
        const unsigned char *next = bs + 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return json_fail(j, SW_ERR_UTF8, bs);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            /* A high surrogate must be followed at once by an escaped low surrogate. */
            if (end - next < 6 || next[0] != '\\' || next[1] != 'u')
                return json_fail(j, SW_ERR_UTF8, bs);
            if (hex4(next + 2, &lo) < 0) return json_fail(j, SW_ERR_JSON, next);
            if (lo < 0xDC00 || lo > 0xDFFF) return json_fail(j, SW_ERR_UTF8, bs);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            next += 6;
        }
        if (cp == 0 && dst) return json_fail(j, SW_ERR_NUL, bs);
        j->p = next;
        if (!dst) return 0;
        return (long)put_utf8(dst, cp);
    }
    default:
        return json_fail(j, SW_ERR_JSON, bs);
    }
    j->p = bs + 2;
    if (dst) *dst = one;
    return 1;
}

/* Scans a string whose opening quote is just before j->p, leaving j->p after the closing quote.
 * When dst is not NULL the decoded bytes are written there (never more than the raw length) and
 * their count stored in *dlen. Plain runs are found with cached memchr results and copied whole;
 * check: each run is validated as UTF-8 (a raw NUL is SW_ERR_NUL) as it is met, which gives the
 * exact offset of a fault. */
static int scan_runs(json_parser *j, unsigned char *dst, size_t *dlen, int check)
{
    const unsigned char *p = j->p, *end = j->end;
    size_t n = 0;
    for (;;) {
        if (j->next_quote < p) {
            const unsigned char *q = memchr(p, '"', (size_t)(end - p));
            j->next_quote = q ? q : end;
        }
        if (j->next_backslash < p) {
            const unsigned char *b = memchr(p, '\\', (size_t)(end - p));
            j->next_backslash = b ? b : end;
        }
        const unsigned char *stop = j->next_quote < j->next_backslash ? j->next_quote : j->next_backslash;
        size_t run = (size_t)(stop - p);
        if (run) {
            if (check) {
                int nul = 0;
                size_t bad = sw_utf8_check((const char *)p, run, &nul);
                if (bad != run) return json_fail(j, nul ? SW_ERR_NUL : SW_ERR_UTF8, p + bad);
            }
            if (dst) memcpy(dst + n, p, run);
            n += run;
            p = stop;
        }
        if (p == end) return json_fail(j, SW_ERR_JSON, end); /* unterminated string */
        if (*p == '"') {
            j->p = p + 1;
            if (dlen) *dlen = n;
            return 0;
        }
        j->p = p;
        long k = decode_escape(j, dst ? dst + n : NULL);
        if (k < 0) return -1;
        n += (size_t)k;
        p = j->p;
    }
}

/* scan_runs() with every byte checked. A kept string (dst not NULL) is checked once, whole, after
 * decoding: an article's text is broken into many short runs by its escaped newlines and quotation
 * marks, and one pass over the decoded text costs a fraction of a check per run. The verdict is
 * the same (an escape decodes to whole characters, so it can neither complete nor break a
 * sequence of raw bytes around it); only on a fault is the string scanned again, run by run, to
 * report the offset of the faulty raw byte. */
static int scan_string(json_parser *j, unsigned char *dst, size_t *dlen)
{
    if (!dst) return scan_runs(j, NULL, dlen, 1);
    const unsigned char *start = j->p;
    size_t n;
    if (scan_runs(j, dst, &n, 0) < 0) return -1;
    int nul = 0;
    if (sw_utf8_check((const char *)dst, n, &nul) != n) {
        j->p = start;
        j->next_quote = j->next_backslash = start - 1; /* forget the caches: they are past it */
        return scan_runs(j, dst, dlen, 1);
    }
    if (dlen) *dlen = n;
    return 0;
}

/* Checks a number (RFC 8259 grammar) at j->p and moves past it. */
static int scan_number(json_parser *j)
{
    const unsigned char *p = j->p, *end = j->end, *start = p;
    if (p < end && *p == '-') p++;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && *p >= '0' && *p <= '9') p++;
    } else {
        return json_fail(j, SW_ERR_JSON, p < end ? p : start);
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') return json_fail(j, SW_ERR_JSON, p);
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') return json_fail(j, SW_ERR_JSON, p);
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    j->p = p;
    return 0;
}

static int scan_literal(json_parser *j, const char *word, size_t n)
{
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return json_fail(j, SW_ERR_JSON, j->p);
    j->p += n;
    return 0;
}

/* Expects a member name and its colon (after a '{' or a ','); leaves j->p at the value. When
 * `name`/`name_len` are not NULL the decoded name is returned there: raw bytes in the line when it
 * has no escape, else decoded into `tmp` (room for the raw length). */
static int scan_member_name(json_parser *j, unsigned char *tmp, const unsigned char **name,
                            size_t *name_len)
{
    skip_ws(j);
    if (j->p >= j->end || *j->p != '"') return json_fail(j, SW_ERR_JSON, j->p);
    j->p++;
    const unsigned char *start = j->p;
    if (name) {
        /* Names are short and almost never escaped: look at them in place when possible. */
        const unsigned char *q = memchr(start, '"', (size_t)(j->end - start));
        if (q && !memchr(start, '\\', (size_t)(q - start))) {
            if (scan_string(j, NULL, NULL) < 0) return -1;
            *name = start;
            *name_len = (size_t)(q - start);
        } else {
            if (scan_string(j, tmp, name_len) < 0) return -1;
            *name = tmp;
        }
    } else if (scan_string(j, NULL, NULL) < 0) {
        return -1;
    }
    skip_ws(j);
    if (j->p >= j->end || *j->p != ':') return json_fail(j, SW_ERR_JSON, j->p);
    j->p++;
    skip_ws(j);
    return 0;
}

/* Skips one value of any type at j->p (white space already skipped). Nested objects and arrays
 * are walked with an explicit stack of bits (1 = object), so hostile nesting cannot overflow the C
 * stack; deeper than SW_JSON_MAX_DEPTH is an error. */
static int skip_value(json_parser *j)
{
    unsigned char is_object[SW_JSON_MAX_DEPTH / 8];
    int depth = 0;
    for (;;) {
        /* one value */
        if (j->p >= j->end) return json_fail(j, SW_ERR_JSON, j->p);
        unsigned char c = *j->p;
        int opened = 0;
        switch (c) {
        case '"':
            j->p++;
            if (scan_string(j, NULL, NULL) < 0) return -1;
            break;
        case '{':
        case '[':
            if (depth >= SW_JSON_MAX_DEPTH) return json_fail(j, SW_ERR_JSON, j->p);
            if (c == '{') is_object[depth / 8] |= (unsigned char)(1u << (depth % 8));
            else is_object[depth / 8] &= (unsigned char)~(1u << (depth % 8));
            depth++;
            j->p++;
            skip_ws(j);
            if (j->p < j->end && *j->p == (c == '{' ? '}' : ']')) {
                j->p++;
                depth--;
            } else if (c == '{') {
                if (scan_member_name(j, NULL, NULL, NULL) < 0) return -1;
                opened = 1;
            } else {
                opened = 1;
            }
            break;
        case 't': if (scan_literal(j, "true", 4) < 0) return -1; break;
        case 'f': if (scan_literal(j, "false", 5) < 0) return -1; break;
        case 'n': if (scan_literal(j, "null", 4) < 0) return -1; break;
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                if (scan_number(j) < 0) return -1;
            } else {
                return json_fail(j, SW_ERR_JSON, j->p);
            }
        }
        if (opened) continue; /* the first element of a new container is next */
        /* after a value: a comma (next element) or closers */
        for (;;) {
            if (depth == 0) return 0;
            skip_ws(j);
            int obj = (is_object[(depth - 1) / 8] >> ((depth - 1) % 8)) & 1;
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                if (obj) {
                    if (scan_member_name(j, NULL, NULL, NULL) < 0) return -1;
                } else {
                    skip_ws(j);
                }
                break;
            }
            if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
                j->p++;
                depth--;
                continue;
            }
            return json_fail(j, SW_ERR_JSON, j->p);
        }
    }
}

/* The members we keep, in the order of sw_article's fields. */
enum { M_ID, M_TITLE, M_URL, M_DATE, M_SOURCE, M_TEXT, M_COUNT };

static int member_index(const unsigned char *name, size_t len)
{
    switch (len) {
    case 2: return memcmp(name, "id", 2) == 0 ? M_ID : -1;
    case 3: return memcmp(name, "url", 3) == 0 ? M_URL : -1;
    case 4:
        if (memcmp(name, "text", 4) == 0) return M_TEXT;
        if (memcmp(name, "date", 4) == 0) return M_DATE;
        return -1;
    case 5: return memcmp(name, "title", 5) == 0 ? M_TITLE : -1;
    case 6: return memcmp(name, "source", 6) == 0 ? M_SOURCE : -1;
    default: return -1;
    }
}

sw_status sw_reader_parse_json(sw_reader *reader, const char *line, size_t len, sw_article *out,
                               sw_error *err)
{
    if (!reader || !out || (!line && len)) return sw_read_fail(err, SW_ERR_INVALID_ARG, 0);
    if (!line) line = "";
    /* Decoded strings never exceed their raw bytes (an escape shrinks, a number is copied as is)
     * and each raw value is followed by at least one byte, so len + 16 is always enough: the
     * scratch buffer never moves during a parse. */
    if (len > SIZE_MAX - 16) return sw_read_fail(err, SW_ERR_TOO_LARGE, 0);
    if (sw_reader_reserve(reader, len + 16) != SW_OK) return sw_read_fail(err, SW_ERR_NOMEM, 0);

    json_parser j;
    j.line = (const unsigned char *)line;
    j.p = j.line;
    j.end = j.line + len;
    /* The caches start at the line's first byte, which is always before the first string's
     * content (a '{' comes first), so the first scan searches. */
    j.next_quote = j.next_backslash = j.line;
    j.code = SW_OK;
    j.offset = 0;

    unsigned char *scratch = (unsigned char *)reader->scratch;
    size_t used = 0;
    size_t pos[M_COUNT], lens[M_COUNT];
    int have[M_COUNT] = {0};

    skip_ws(&j);
    if (j.p >= j.end || *j.p != '{') {
        json_fail(&j, SW_ERR_JSON, j.p);
        goto done;
    }
    j.p++;
    skip_ws(&j);
    if (j.p < j.end && *j.p == '}') {
        j.p++;
    } else {
        for (;;) {
            const unsigned char *name;
            size_t name_len;
            if (scan_member_name(&j, scratch + used, &name, &name_len) < 0) goto done;
            int m = member_index(name, name_len);
            const unsigned char *value = j.p;
            if (m >= 0 && j.p < j.end && *j.p == '"') {
                j.p++;
                size_t n;
                if (scan_string(&j, scratch + used, &n) < 0) goto done;
                if (m == M_TEXT && n > SW_MAX_ARTICLE) {
                    json_fail(&j, SW_ERR_TOO_LARGE, value);
                    goto done;
                }
                scratch[used + n] = 0;
                pos[m] = used;
                lens[m] = n;
                have[m] = 1;
                used += n + 1;
            } else if (m == M_ID && j.p < j.end && (*j.p == '-' || (*j.p >= '0' && *j.p <= '9'))) {
                if (scan_number(&j) < 0) goto done;
                size_t n = (size_t)(j.p - value);
                memcpy(scratch + used, value, n);
                scratch[used + n] = 0;
                pos[m] = used;
                lens[m] = n;
                have[m] = 1;
                used += n + 1;
            } else if (m == M_TEXT) {
                json_fail(&j, SW_ERR_NO_TEXT, value);
                goto done;
            } else {
                /* Unknown members, and known ones of another type (null: absent), are skipped. */
                if (skip_value(&j) < 0) goto done;
                if (m >= 0) have[m] = 0;
            }
            skip_ws(&j);
            if (j.p < j.end && *j.p == ',') {
                j.p++;
                continue;
            }
            if (j.p < j.end && *j.p == '}') {
                j.p++;
                break;
            }
            json_fail(&j, SW_ERR_JSON, j.p);
            goto done;
        }
    }
    skip_ws(&j);
    if (j.p != j.end) {
        json_fail(&j, SW_ERR_JSON, j.p);
        goto done;
    }
    if (!have[M_TEXT]) json_fail(&j, SW_ERR_NO_TEXT, j.line);

done:
    if (j.code != SW_OK) return sw_read_fail(err, j.code, j.offset);
    sw_str *fields[M_COUNT] = {&out->id, &out->title, &out->url, &out->date, &out->source, &out->text};
    memset(out, 0, sizeof *out);
    for (int m = 0; m < M_COUNT; m++) {
        if (!have[m]) continue;
        fields[m]->ptr = reader->scratch + pos[m];
        fields[m]->len = lens[m];
    }
    out->text_checked = 1; /* every string was checked as it was decoded */
    return SW_OK;
}
