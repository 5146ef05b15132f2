/*
 * test_spec.c -- runs the examples of the spec files (the .md files of tests/spec) through the library.
 *
 * The format is described in tests/spec/README.md; tests/cli/spec_cli.py runs the same examples
 * through the saywho program, and the two parsers must stay in step. Each example is one test:
 * its article is extracted with sw_extract() and every line of its expect block is checked against
 * the document's quotes, blocks, entities and title.
 *
 * Usage: test_spec [--report] [-v] [--filter WORDS] [FILE.md ...]
 *   With no file, every .md file of SW_SOURCE_DIR/tests/spec except README.md, in name order.
 *   --report prints one line per example and always exits 0 (for work in progress).
 */
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "saywho.h"
#include "read_file.h"

/* ---- small growable string ---------------------------------------------------------------- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) { perror("realloc"); exit(2); }
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_printf(buf *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Appends the UTF-8 encoding of code point cp. */
static void buf_add_utf8(buf *b, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    buf_add(b, u, n);
}

/* Decodes the escapes \n \t \r \\ \" \u{HEX} of s[0..n) into b. Unknown escapes stay as they are. */
static void unescape(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) { buf_add(b, s + i, 1); continue; }
        char c = s[i + 1];
        if (c == 'n') { buf_add(b, "\n", 1); i++; }
        else if (c == 't') { buf_add(b, "\t", 1); i++; }
        else if (c == 'r') { buf_add(b, "\r", 1); i++; }
        else if (c == '\\') { buf_add(b, "\\", 1); i++; }
        else if (c == '"') { buf_add(b, "\"", 1); i++; }
        else if (c == 'u' && i + 2 < n && s[i + 2] == '{') {
            size_t j = i + 3;
            unsigned long cp = strtoul(s + j, NULL, 16);
            while (j < n && s[j] != '}') j++;
            buf_add_utf8(b, cp);
            i = j;
        } else buf_add(b, s + i, 1);
    }
}

/* ---- the spec file ------------------------------------------------------------------------- */

typedef struct example {
    char *name;
    const char *file;
    int line;             /* line of the article fence */
    int text_format, keep, escaped;
    char *article;        /* decoded article text */
    size_t article_len;
    char **expect;        /* expect lines */
    int n_expect;
} example;

static example *examples;
static int n_examples, cap_examples;

static int has_word(const char *info, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = info; *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if ((size_t)(e - p) == wl && !memcmp(p, word, wl)) return 1;
        p = e;
    }
    return 0;
}

/* Splits a spec file into examples. Returns 0, or -1 (with a message) when it is malformed. */
static int parse_spec(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) { fprintf(stderr, "%s: cannot read\n", path); return -1; }
    char *name = NULL;
    example *cur = NULL; /* an example whose expect block has not been seen yet */
    int lineno = 0;
    char *p = text;
    while (*p) {
        char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        int has_nl = *eol == '\n';
        *eol = 0;
        lineno++;
        if (!strncmp(p, "## ", 3) || !strncmp(p, "### ", 4)) {
            free(name);
            name = strdup(p + (p[2] == ' ' ? 3 : 4));
        } else if (!strncmp(p, "```article", 10) || !strncmp(p, "```expect", 9)) {
            int is_article = p[3] == 'a';
            const char *info = p + (is_article ? 10 : 9);
            int fence_line = lineno;
            buf body = {0};
            int nlines = 0;
            char **lines = NULL;
            p = has_nl ? eol + 1 : eol;
            int closed = 0;
            while (*p) {
                char *e2 = strchr(p, '\n');
                if (!e2) e2 = p + strlen(p);
                int nl2 = *e2 == '\n';
                *e2 = 0;
                lineno++;
                if (!strcmp(p, "```")) { closed = 1; p = nl2 ? e2 + 1 : e2; break; }
                if (is_article) {
                    if (nlines++) buf_add(&body, "\n", 1);
                    buf_add(&body, p, strlen(p));
                } else {
                    lines = realloc(lines, sizeof *lines * (size_t)(nlines + 1));
                    lines[nlines++] = strdup(p);
                }
                p = nl2 ? e2 + 1 : e2;
            }
            if (!closed) {
                fprintf(stderr, "%s:%d: fence not closed\n", path, fence_line);
                return -1;
            }
            if (is_article) {
                if (cur) {
                    fprintf(stderr, "%s:%d: article without an expect block\n", path, cur->line);
                    return -1;
                }
                if (n_examples == cap_examples) {
                    cap_examples = cap_examples ? cap_examples * 2 : 64;
                    examples = realloc(examples, sizeof *examples * (size_t)cap_examples);
                }
                cur = &examples[n_examples++];
                memset(cur, 0, sizeof *cur);
                cur->name = strdup(name ? name : "(unnamed)");
                cur->file = path;
                cur->line = fence_line;
                cur->text_format = has_word(info, "text");
                cur->keep = has_word(info, "keep");
                cur->escaped = has_word(info, "escaped");
                if (!body.p) buf_add(&body, "", 0);
                if (cur->escaped) {
                    buf dec = {0};
                    unescape(&dec, body.p, body.len);
                    if (!dec.p) buf_add(&dec, "", 0);
                    free(body.p);
                    body = dec;
                }
                cur->article = body.p;
                cur->article_len = body.len;
            } else {
                if (!cur) {
                    fprintf(stderr, "%s:%d: expect block without an article\n", path, fence_line);
                    return -1;
                }
                cur->expect = lines;
                cur->n_expect = nlines;
                cur = NULL;
            }
            continue;
        }
        p = has_nl ? eol + 1 : eol;
    }
    free(name);
    free(text);
    if (cur) {
        fprintf(stderr, "%s:%d: article without an expect block\n", path, cur->line);
        return -1;
    }
    return 0;
}

/* ---- expectation lines ----------------------------------------------------------------------- */

static const char *const known_keys[] = {
    "kind", "section", "statement", "reason", "text", "speaker", "mention", "resolution", "cue",
    "addressee", "via", "fragments", "confidence", "type", "gender", "mentions", "at", NULL};

typedef struct kv {
    char key[16];
    char *val; /* decoded */
} kv;

typedef struct expectation {
    char *span;     /* decoded */
    kv kvs[24];
    int n_kvs;
} expectation;

/* If s starts with a known key followed by '=', returns the key's length, else 0. */
static size_t key_at(const char *s)
{
    for (int i = 0; known_keys[i]; i++) {
        size_t n = strlen(known_keys[i]);
        if (!strncmp(s, known_keys[i], n) && s[n] == '=') return n;
    }
    return 0;
}

/* Parses "SPAN key=value ..." (the part after the line's first word). Returns 0 or -1. */
static int parse_expectation(const char *rest, expectation *x, buf *err)
{
    memset(x, 0, sizeof *x);
    const char *p = rest;
    const char *span_end = rest + strlen(rest);
    for (const char *q = rest; *q; q++) {
        if ((q == rest || q[-1] == ' ') && key_at(q)) { span_end = q; break; }
    }
    const char *se = span_end;
    while (se > rest && se[-1] == ' ') se--;
    buf sb = {0};
    unescape(&sb, rest, (size_t)(se - rest));
    if (!sb.p) buf_add(&sb, "", 0);
    x->span = sb.p;
    p = span_end;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        size_t kl = key_at(p);
        if (!kl) { buf_printf(err, "cannot parse '%s'", p); return -1; }
        if (x->n_kvs == (int)(sizeof x->kvs / sizeof x->kvs[0])) { buf_printf(err, "too many keys"); return -1; }
        kv *k = &x->kvs[x->n_kvs++];
        memcpy(k->key, p, kl);
        k->key[kl] = 0;
        p += kl + 1;
        buf vb = {0};
        if (*p == '"') {
            const char *vs = ++p;
            while (*p && *p != '"') p += (*p == '\\' && p[1]) ? 2 : 1;
            if (*p != '"') { buf_printf(err, "unterminated value of %s", k->key); return -1; }
            unescape(&vb, vs, (size_t)(p - vs));
            p++;
        } else {
            const char *vs = p;
            while (*p && *p != ' ') p++;
            unescape(&vb, vs, (size_t)(p - vs));
        }
        if (!vb.p) buf_add(&vb, "", 0);
        k->val = vb.p;
    }
    return 0;
}

static void free_expectation(expectation *x)
{
    free(x->span);
    for (int i = 0; i < x->n_kvs; i++) free(x->kvs[i].val);
}

static const char *get_kv(const expectation *x, const char *key)
{
    for (int i = 0; i < x->n_kvs; i++)
        if (!strcmp(x->kvs[i].key, key)) return x->kvs[i].val;
    return NULL;
}

static const char *memfind(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0) return hay;
    for (size_t i = 0; i + nn <= hn; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, nn)) return hay + i;
    return NULL;
}

/* Finds SPAN (with an optional "<...>" elision) at its `at`-th occurrence in the article. */
static int locate(const example *ex, const expectation *x, size_t *start, size_t *end, buf *err)
{
    const char *at_s = get_kv(x, "at");
    int at = at_s ? atoi(at_s) : 1;
    const char *span = x->span;
    const char *el = strstr(span, "<...>");
    size_t alen = el ? (size_t)(el - span) : strlen(span);
    const char *bpart = el ? el + 5 : NULL;
    if (alen == 0 && !el) { buf_printf(err, "empty span"); return -1; }
    const char *a = ex->article, *end_all = ex->article + ex->article_len;
    const char *hit = NULL;
    for (int k = 0; k < at; k++) {
        hit = memfind(a, (size_t)(end_all - a), span, alen);
        if (!hit) { buf_printf(err, "span not found in the article (occurrence %d)", k + 1); return -1; }
        a = hit + 1;
    }
    *start = (size_t)(hit - ex->article);
    if (!el) { *end = *start + alen; return 0; }
    const char *from = hit + alen;
    const char *b = memfind(from, (size_t)(end_all - from), bpart, strlen(bpart));
    if (!b) { buf_printf(err, "end of elided span not found"); return -1; }
    *end = (size_t)(b - ex->article) + strlen(bpart);
    return 0;
}

/* ---- names of enum values: the library's own (the same words the JSON uses) ----------------- */

/* The spec writes "unknown" for a gender the JSON leaves out. */
static const char *gender_name(sw_gender g) { return g == SW_GENDER_UNKNOWN ? "unknown" : sw_gender_name(g); }

/* Compares one key: records a mismatch in err. `got` NULL means absent ("none"). */
static void check_value(buf *err, const char *key, const char *want, const char *got)
{
    const char *g = got ? got : "none";
    if (strcmp(want, g) != 0) buf_printf(err, "\n      %s: expected \"%s\", got \"%s\"", key, want, g);
}

static const char *mention_text(const sw_mention *m) { return m ? m->text : NULL; }

/* The spec's word for a confidence, read as the JSON prints it (two decimals): "high" from 0.90
 * (what a caller who keeps only sure statements keeps), "low" below 0.50, "medium" between. */
static const char *confidence_word(double c)
{
    double printed = floor(c * 100.0 + 0.5) / 100.0;
    return printed >= 0.9 ? "high" : printed < 0.5 ? "low" : "medium";
}

static void describe_quote(buf *b, const example *ex, const sw_quote *q)
{
    size_t n = q->end > q->start ? q->end - q->start : 0;
    buf_printf(b, "\n      [%zu,%zu) %s %s: %.*s", q->start, q->end, sw_quote_kind_name(q->kind),
               sw_section_name(q->section), (int)(n > 160 ? 160 : n), ex->article + q->start);
}

/* Checks one quote against the given keys. */
static void check_quote_keys(buf *err, const sw_doc *doc, const sw_quote *q, const expectation *x)
{
    char num[32];
    for (int i = 0; i < x->n_kvs; i++) {
        const char *k = x->kvs[i].key, *v = x->kvs[i].val;
        if (!strcmp(k, "at")) continue;
        else if (!strcmp(k, "kind")) check_value(err, k, v, sw_quote_kind_name(q->kind));
        else if (!strcmp(k, "section")) check_value(err, k, v, sw_section_name(q->section));
        else if (!strcmp(k, "statement")) check_value(err, k, v, q->is_statement ? "yes" : "no");
        else if (!strcmp(k, "reason")) check_value(err, k, v, q->not_statement_reason);
        else if (!strcmp(k, "text")) check_value(err, k, v, q->text);
        else if (!strcmp(k, "speaker")) check_value(err, k, v, q->speaker_name);
        else if (!strcmp(k, "mention")) check_value(err, k, v, mention_text(q->speaker_mention));
        else if (!strcmp(k, "resolution")) check_value(err, k, v, sw_resolution_name(q->resolution));
        else if (!strcmp(k, "cue")) check_value(err, k, v, mention_text(q->cue));
        else if (!strcmp(k, "via")) check_value(err, k, v, mention_text(q->via));
        else if (!strcmp(k, "addressee")) {
            const sw_entity *e = q->addressee_entity >= 0 ? sw_doc_entity(doc, (size_t)q->addressee_entity) : NULL;
            check_value(err, k, v, e ? e->name : NULL);
        } else if (!strcmp(k, "fragments")) {
            snprintf(num, sizeof num, "%zu", q->n_fragments);
            check_value(err, k, v, num);
        } else if (!strcmp(k, "confidence")) {
            check_value(err, k, v, confidence_word(q->confidence));
        } else buf_printf(err, "\n      key %s does not apply to a quote", k);
    }
}

/* Runs one example; returns 1 when it passes. Failure details go to *err. */
static int run_example(const example *ex, buf *err)
{
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.keep_non_statements = ex->keep;
    sw_extractor *exr = sw_extractor_new(&opts, NULL);
    if (!exr) { buf_printf(err, "\n    sw_extractor_new failed"); return 0; }
    sw_article art;
    memset(&art, 0, sizeof art);
    art.id.ptr = "spec";
    art.id.len = 4;
    art.text.ptr = ex->article;
    art.text.len = ex->article_len;
    art.title_lines = ex->text_format;
    sw_doc *doc = NULL;
    sw_error e;
    memset(&e, 0, sizeof e);
    sw_status st = sw_extract(exr, &art, &doc, &e);
    if (st != SW_OK) {
        buf_printf(err, "\n    sw_extract failed: %s at byte %zu", sw_status_message(st), e.offset);
        sw_extractor_free(exr);
        return 0;
    }
    size_t nq = sw_doc_quote_count(doc);
    char *used = calloc(nq + 1, 1);
    int exhaustive = 1, saw_none = 0;
    size_t before = err->len;
    for (int li = 0; li < ex->n_expect; li++) {
        const char *line = ex->expect[li];
        while (*line == ' ') line++;
        if (!*line || *line == '#') continue;
        if (!strcmp(line, "...")) { exhaustive = 0; continue; }
        if (!strcmp(line, "none")) { saw_none = 1; continue; }
        const char *sp = strchr(line, ' ');
        size_t wl = sp ? (size_t)(sp - line) : strlen(line);
        const char *rest = sp ? sp + 1 : "";
        if (wl == 5 && !strncmp(line, "title", 5)) {
            buf t = {0};
            unescape(&t, rest, strlen(rest));
            if (!t.p) buf_add(&t, "", 0);
            if (strcmp(sw_doc_title(doc), t.p) != 0)
                buf_printf(err, "\n    title: expected \"%s\", got \"%s\"", t.p, sw_doc_title(doc));
            free(t.p);
            continue;
        }
        expectation x;
        buf perr = {0};
        if (parse_expectation(rest, &x, &perr) != 0) {
            buf_printf(err, "\n    %s: %s", line, perr.p);
            free(perr.p);
            free_expectation(&x);
            continue;
        }
        buf lerr = {0};
        int is_mark = wl == 4 && !strncmp(line, "mark", 4);
        if ((wl == 5 && !strncmp(line, "quote", 5)) || is_mark) {
            size_t s, en;
            if (locate(ex, &x, &s, &en, &lerr) == 0) {
                size_t k, frag_of = nq;
                for (k = 0; k < nq; k++) {
                    const sw_quote *q = sw_doc_quote(doc, k);
                    if (q->start == s && q->end == en) break;
                }
                /* A mark may also be a fragment of a statement (a reported clause around it). */
                for (size_t j = 0; is_mark && k == nq && j < nq && frag_of == nq; j++) {
                    const sw_quote *q = sw_doc_quote(doc, j);
                    for (size_t f = 0; f < q->n_fragments; f++)
                        if (q->fragments[f].start == s && q->fragments[f].end == en) frag_of = j;
                }
                if (frag_of < nq) {
                    const sw_quote *q = sw_doc_quote(doc, frag_of);
                    used[frag_of] = 1;
                    for (int i = 0; i < x.n_kvs; i++) {
                        const char *key = x.kvs[i].key, *v = x.kvs[i].val;
                        if (!strcmp(key, "at")) continue;
                        else if (!strcmp(key, "kind")) check_value(&lerr, key, v, "partial");
                        else if (!strcmp(key, "section")) check_value(&lerr, key, v, sw_section_name(q->section));
                        else buf_printf(&lerr, "\n      key %s cannot be checked on a fragment", key);
                    }
                } else if (k == nq) {
                    buf_printf(&lerr, "no quote at [%zu,%zu); the document has %zu:", s, en, nq);
                    for (k = 0; k < nq; k++) describe_quote(&lerr, ex, sw_doc_quote(doc, k));
                } else {
                    used[k] = 1;
                    check_quote_keys(&lerr, doc, sw_doc_quote(doc, k), &x);
                }
            }
        } else if (wl == 5 && !strncmp(line, "block", 5)) {
            size_t s, en, nb = sw_doc_block_count(doc), k;
            if (locate(ex, &x, &s, &en, &lerr) == 0) {
                for (k = 0; k < nb; k++) {
                    const sw_block *b = sw_doc_block(doc, k);
                    if (b->start == s && b->end == en) break;
                }
                if (k == nb) {
                    buf_printf(&lerr, "no block at [%zu,%zu); blocks:", s, en);
                    for (k = 0; k < nb; k++) {
                        const sw_block *b = sw_doc_block(doc, k);
                        buf_printf(&lerr, " [%zu,%zu)%s", b->start, b->end, sw_block_kind_name(b->kind));
                    }
                } else {
                    const sw_block *b = sw_doc_block(doc, k);
                    for (int i = 0; i < x.n_kvs; i++) {
                        const char *key = x.kvs[i].key, *v = x.kvs[i].val;
                        if (!strcmp(key, "at")) continue;
                        else if (!strcmp(key, "kind")) check_value(&lerr, key, v, sw_block_kind_name(b->kind));
                        else if (!strcmp(key, "section")) check_value(&lerr, key, v, sw_section_name(b->section));
                        else buf_printf(&lerr, "\n      key %s does not apply to a block", key);
                    }
                }
            }
        } else if (wl == 6 && !strncmp(line, "entity", 6)) {
            size_t ne = sw_doc_entity_count(doc), k;
            for (k = 0; k < ne; k++)
                if (!strcmp(sw_doc_entity(doc, k)->name, x.span)) break;
            if (k == ne) {
                buf_printf(&lerr, "no entity named \"%s\"; entities:", x.span);
                for (k = 0; k < ne; k++) buf_printf(&lerr, " \"%s\"", sw_doc_entity(doc, k)->name);
            } else {
                const sw_entity *en = sw_doc_entity(doc, k);
                char num[32];
                for (int i = 0; i < x.n_kvs; i++) {
                    const char *key = x.kvs[i].key, *v = x.kvs[i].val;
                    if (!strcmp(key, "type")) check_value(&lerr, key, v, sw_entity_type_name(en->type));
                    else if (!strcmp(key, "gender")) check_value(&lerr, key, v, gender_name(en->gender));
                    else if (!strcmp(key, "mentions")) {
                        snprintf(num, sizeof num, "%zu", en->n_mentions);
                        check_value(&lerr, key, v, num);
                    } else buf_printf(&lerr, "\n      key %s does not apply to an entity", key);
                }
            }
        } else {
            buf_printf(&lerr, "unknown expectation");
        }
        if (lerr.len) buf_printf(err, "\n    %s\n      -> %s", line, lerr.p);
        free(lerr.p);
        free(perr.p);
        free_expectation(&x);
    }
    if (saw_none && nq) {
        buf_printf(err, "\n    none: expected no quote, the document has %zu:", nq);
        for (size_t k = 0; k < nq; k++) describe_quote(err, ex, sw_doc_quote(doc, k));
    } else if (exhaustive) {
        for (size_t k = 0; k < nq; k++) {
            if (used[k]) continue;
            buf_printf(err, "\n    unexpected quote:");
            describe_quote(err, ex, sw_doc_quote(doc, k));
        }
    }
    free(used);
    sw_doc_free(doc);
    sw_extractor_free(exr);
    return err->len == before;
}

static int check_passed, check_failed;

/* ---- driver ---------------------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    int report = 0, verbose = 0;
    const char *filter = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int n_files = 0, files_owned = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--report")) report = 1;
        else if (!strcmp(argv[i], "-v")) verbose = 1;
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc) filter = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: test_spec [--report] [-v] [--filter WORDS] [FILE.md ...]\n");
            return 0;
        } else files[n_files++] = argv[i];
    }
    if (!n_files) {
        const char *dir = SW_SOURCE_DIR "/tests/spec";
        DIR *d = opendir(dir);
        if (!d) { fprintf(stderr, "test_spec: cannot open %s\n", dir); return 2; }
        struct dirent *de;
        char **found = NULL;
        int nf = 0;
        while ((de = readdir(d))) {
            size_t l = strlen(de->d_name);
            if (l < 4 || strcmp(de->d_name + l - 3, ".md") || !strcmp(de->d_name, "README.md")) continue;
            found = realloc(found, sizeof *found * (size_t)(nf + 1));
            found[nf] = malloc(strlen(dir) + l + 2);
            sprintf(found[nf], "%s/%s", dir, de->d_name);
            nf++;
        }
        closedir(d);
        qsort(found, (size_t)nf, sizeof *found, cmp_str);
        free(files);
        files = found;
        n_files = nf;
        files_owned = 1;
    }
    for (int i = 0; i < n_files; i++)
        if (parse_spec(files[i]) != 0) return 2; /* a malformed spec file: nothing is run */
    for (int i = 0; i < n_examples; i++) {
        const example *ex = &examples[i];
        if (filter && !strstr(ex->name, filter)) continue;
        buf err = {0};
        int ok = run_example(ex, &err);
        const char *base = strrchr(ex->file, '/');
        base = base ? base + 1 : ex->file;
        if (ok) {
            check_passed++;
            if (report || verbose) printf("PASS %s:%d %s\n", base, ex->line, ex->name);
        } else {
            check_failed++;
            printf("FAIL %s:%d %s%s\n", base, ex->line, ex->name, report && !verbose ? "" : err.p);
        }
        free(err.p);
    }
    for (int i = 0; i < n_examples; i++) {
        free(examples[i].name);
        free(examples[i].article);
        for (int k = 0; k < examples[i].n_expect; k++) free(examples[i].expect[k]);
        free(examples[i].expect);
    }
    free(examples);
    if (files_owned)
        for (int i = 0; i < n_files; i++) free(files[i]);
    free(files);
    printf("test_spec: %d passed, %d failed\n", check_passed, check_failed);
    return report || !check_failed ? 0 : 1;
}
