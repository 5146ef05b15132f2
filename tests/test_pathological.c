/*
 * test_pathological.c -- inputs built to hurt: huge, deeply nested, malformed, and a failing
 * allocator, all through the public API.
 *
 * Each case must finish quickly (tests/pathological.cmake sets the time limit; anything quadratic
 * in the input runs far past it), return the documented status, and give offsets that lie inside
 * the article on UTF-8 character boundaries. The failing-allocator case makes allocation number k
 * fail for every k until extraction succeeds, and counts live allocations so a leak on an error
 * path fails the test even without the sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "read_file.h"
#include "saywho.h"

#define MB (1024u * 1024u)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A growable byte string for building inputs. */
typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1) cap *= 2;
        t->p = realloc(t->p, cap);
        if (!t->p) { perror("realloc"); exit(2); }
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = 0;
}

static void text_adds(text *t, const char *s) { text_add(t, s, strlen(s)); }

static void text_repeat(text *t, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++) text_add(t, s, n);
}

/* Repeats s until the text is at least `size` bytes long. */
static void text_fill(text *t, const char *s, size_t size)
{
    size_t n = strlen(s);
    while (t->len < size) text_add(t, s, n);
}

static sw_article article_of(const char *p, size_t len)
{
    sw_article a;
    memset(&a, 0, sizeof a);
    a.text.ptr = p;
    a.text.len = len;
    return a;
}

static int is_boundary(const char *p, size_t len, size_t off)
{
    return off == len || ((unsigned char)p[off] & 0xC0) != 0x80;
}

/* Every offset of the document lies in [0, len], start <= end, on a character boundary. */
static void check_offsets(const sw_doc *doc, const char *p, size_t len)
{
    size_t bad = 0;
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->start > q->end || q->end > len || !is_boundary(p, len, q->start) ||
            !is_boundary(p, len, q->end))
            bad++;
        if (q->text == NULL) bad++;
        for (size_t k = 0; k < q->n_fragments; k++)
            if (q->fragments[k].start > q->fragments[k].end || q->fragments[k].end > len) bad++;
    }
    for (size_t i = 0; i < sw_doc_block_count(doc); i++) {
        const sw_block *b = sw_doc_block(doc, i);
        if (b->start > b->end || b->end > len || !is_boundary(p, len, b->start) ||
            !is_boundary(p, len, b->end))
            bad++;
    }
    for (size_t i = 0; i < sw_doc_entity_count(doc); i++) {
        const sw_entity *e = sw_doc_entity(doc, i);
        for (size_t k = 0; k < e->n_mentions; k++)
            if (e->mentions[k].start > e->mentions[k].end || e->mentions[k].end > len) bad++;
    }
    CHECK_EQ_INT(bad, 0);
}

static size_t json_bytes;
static int count_sink(void *ctx, const char *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    json_bytes += len;
    return 0;
}

/* Extracts and checks an article that must succeed; prints its time. Returns the quote count. */
static size_t extract_ok(const char *label, const char *p, size_t len, int title_lines)
{
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    CHECK(ex != NULL);
    if (!ex) return 0;
    sw_article a = article_of(p, len);
    a.title_lines = title_lines;
    sw_doc *doc = NULL;
    sw_error err;
    memset(&err, 0, sizeof err);
    double t0 = now();
    sw_status st = sw_extract(ex, &a, &doc, &err);
    double t1 = now();
    CHECK_EQ_INT(st, SW_OK);
    size_t nq = 0;
    if (doc) {
        nq = sw_doc_quote_count(doc);
        check_offsets(doc, p, len);
        json_bytes = 0;
        CHECK_EQ_INT(sw_doc_write_json(doc, &a, 0, count_sink, NULL), SW_OK);
        CHECK(json_bytes > 0);
    }
    printf("  %-44s %9.2f MB %8.3f s  %zu quotes\n", label, len / (double)MB, t1 - t0, nq);
    sw_doc_free(doc);
    sw_extractor_free(ex);
    return nq;
}

/* Extraction must fail with `code` at byte `offset`. */
static void extract_fails(const char *p, size_t len, sw_status code, size_t offset)
{
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    CHECK(ex != NULL);
    if (!ex) return;
    sw_article a = article_of(p, len);
    sw_doc *doc = (sw_doc *)&a; /* must be set to NULL */
    sw_error err;
    memset(&err, 0, sizeof err);
    sw_status st = sw_extract(ex, &a, &doc, &err);
    CHECK_EQ_INT(st, code);
    CHECK_EQ_INT(err.code, code);
    CHECK_EQ_INT(err.offset, offset);
    CHECK(err.message != NULL && err.message[0] != 0);
    CHECK(doc == NULL);
    if (st == SW_OK) sw_doc_free(doc);
    sw_extractor_free(ex);
}

/* ---- many quotation marks -------------------------------------------------------------------- */

static void test_100k_curly_marks_alternating(void)
{
    text t = {0};
    text_repeat(&t, "\xe2\x80\x9c" "a" "\xe2\x80\x9d ", 50000); /* “a” */
    size_t nq = extract_ok("100,000 curly marks, alternating", t.p, t.len, 0);
    CHECK(nq <= 50000);
    free(t.p);
}

static void test_100k_curly_marks_all_opening(void)
{
    text t = {0};
    text_repeat(&t, "\xe2\x80\x9c", 100000);
    extract_ok("100,000 opening curly marks", t.p, t.len, 0);
    free(t.p);
    text u = {0};
    text_repeat(&u, "\xe2\x80\x9c" "word ", 100000);
    extract_ok("100,000 opening curly marks with words", u.p, u.len, 0);
    free(u.p);
}

static void test_100k_straight_marks(void)
{
    text t = {0};
    text_repeat(&t, "\"", 100000);
    extract_ok("100,000 straight double marks", t.p, t.len, 0);
    free(t.p);
    text u = {0};
    text_repeat(&u, "\"a\" ", 50000);
    extract_ok("100,000 straight double marks, alternating", u.p, u.len, 0);
    free(u.p);
    text v = {0};
    text_repeat(&v, "'a ", 100000);
    extract_ok("100,000 straight single marks", v.p, v.len, 0);
    free(v.p);
}

static void test_100k_mixed_marks_in_paragraphs(void)
{
    /* Marks of every kind, unbalanced, over many short paragraphs: each paragraph end recovers. */
    text t = {0};
    for (int i = 0; i < 10000; i++)
        text_adds(&t, "\xe2\x80\x9c" "x \xe2\x80\x98 y \xc2\xab z \xe2\x80\x9e w ' \" v "
                      "\xe2\x80\xb9 u \xe2\x80\x99s\n\n");
    extract_ok("100,000 mixed unbalanced marks, 10,000 paras", t.p, t.len, 0);
    free(t.p);
}

/* ---- deep nesting ---------------------------------------------------------------------------- */

static void test_10k_nested_levels(void)
{
    text t = {0};
    for (int i = 0; i < 5000; i++) text_adds(&t, "\xe2\x80\x9c" "a \xe2\x80\x98" "b ");
    text_adds(&t, "core");
    for (int i = 0; i < 5000; i++) text_adds(&t, "\xe2\x80\x99 c\xe2\x80\x9d d ");
    extract_ok("10,000 nested curly levels", t.p, t.len, 0);
    free(t.p);

    text g = {0};
    for (int i = 0; i < 10000; i++) text_adds(&g, "\xc2\xab ");
    text_adds(&g, "core");
    for (int i = 0; i < 10000; i++) text_adds(&g, " \xc2\xbb");
    extract_ok("10,000 nested guillemets", g.p, g.len, 0);
    free(g.p);

    text s = {0};
    for (int i = 0; i < 5000; i++) text_adds(&s, "\"a 'b ");
    text_adds(&s, "core");
    for (int i = 0; i < 5000; i++) text_adds(&s, "' c\" d ");
    extract_ok("10,000 nested straight levels", s.p, s.len, 0);
    free(s.p);
}

/* ---- size ------------------------------------------------------------------------------------ */

static void test_50mb_article_without_newlines(void)
{
    text t = {0};
    text_fill(&t, "\xe2\x80\x9cThe figures were revised twice,\xe2\x80\x9d the minister said on "
                  "Monday, adding that the council had \xe2\x80\x9c" "failed\xe2\x80\x9d to act. ",
              50 * MB);
    extract_ok("50 MB article, one line", t.p, t.len, 0);
    extract_ok("50 MB article, one line, as a title", t.p, t.len, 1);
    free(t.p);
}

static void test_50mb_single_quotation(void)
{
    text t = {0};
    text_adds(&t, "He said \xe2\x80\x9c");
    text_fill(&t, "and then nothing happened ", 50 * MB);
    text_adds(&t, "\xe2\x80\x9d yesterday.");
    extract_ok("50 MB inside one quotation", t.p, t.len, 0);
    free(t.p);
}

/* One sentence with a speech verb every few words: the attribution stage must stay linear (each
 * cue looks only at a bounded stretch of its sentence). */
static void test_one_sentence_of_10mb_of_cues(void)
{
    text t = {0};
    text_fill(&t, "Anna Berg said Tom Smith told the mayor that ", 10 * MB);
    extract_ok("10 MB sentence of cues", t.p, t.len, 0);
    free(t.p);
}

static void test_many_short_paragraphs(void)
{
    text t = {0};
    text_fill(&t, "\xe2\x80\x9cYes,\xe2\x80\x9d she said.\n\n", 8 * MB);
    extract_ok("8 MB of one-line paragraphs", t.p, t.len, 0);
    free(t.p);
    text n = {0};
    text_fill(&n, "\n", 4 * MB);
    size_t nq = extract_ok("4 MB of newlines", n.p, n.len, 0);
    CHECK_EQ_INT(nq, 0);
    free(n.p);
}

/* ---- malformed input ------------------------------------------------------------------------- */

static void test_invalid_utf8(void)
{
    extract_fails("abc\xff" "def", 7, SW_ERR_UTF8, 3);
    extract_fails("\x80", 1, SW_ERR_UTF8, 0);
    extract_fails("caf\xc3", 4, SW_ERR_UTF8, 3);                      /* truncated at the end */
    extract_fails("ok \xc0\xaf", 5, SW_ERR_UTF8, 3);                  /* overlong slash */
    extract_fails("x \xed\xa0\x80 y", 7, SW_ERR_UTF8, 2);             /* surrogate */
    extract_fails("\xe2\x80\x9cq\xe2\x80", 6, SW_ERR_UTF8, 4);        /* broken closing mark */
    extract_fails("\xf4\x90\x80\x80", 4, SW_ERR_UTF8, 0);             /* above U+10FFFF */
    /* A bad byte at the very end of 50 MB: the exact offset. */
    text t = {0};
    text_fill(&t, "\xe2\x80\x9c" "fine\xe2\x80\x9d text ", 50 * MB);
    size_t at = t.len;
    text_add(&t, "\xfe", 1);
    extract_fails(t.p, t.len, SW_ERR_UTF8, at);
    free(t.p);
}

static void test_nul_byte(void)
{
    extract_fails("ab\0cd", 5, SW_ERR_NUL, 2);
    extract_fails("\0", 1, SW_ERR_NUL, 0);
    extract_fails("\xe2\x80\x9cquote\0\xe2\x80\x9d", 12, SW_ERR_NUL, 8);
}

static void test_empty_article(void)
{
    CHECK_EQ_INT(extract_ok("empty article (NULL text)", NULL, 0, 0), 0);
    CHECK_EQ_INT(extract_ok("empty article (\"\")", "", 0, 0), 0);
    CHECK_EQ_INT(extract_ok("empty article as a title", "", 0, 1), 0);
    CHECK_EQ_INT(extract_ok("one space", " ", 1, 0), 0);
    CHECK_EQ_INT(extract_ok("one opening mark", "\xe2\x80\x9c", 3, 0) <= 1, 1);
    CHECK_EQ_INT(extract_ok("one straight mark", "\"", 1, 0) <= 1, 1);
}

static void test_too_large(void)
{
    /* The length is checked before a byte is read. */
    static const char small[8] = "abc";
    extract_fails(small, SW_MAX_ARTICLE + 1, SW_ERR_TOO_LARGE, 0);
}

static void test_invalid_arguments(void)
{
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    sw_doc *doc = NULL;
    sw_article a = article_of("x", 1);
    CHECK_EQ_INT(sw_extract(NULL, &a, &doc, NULL), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_extract(ex, NULL, &doc, NULL), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_extract(ex, &a, NULL, NULL), SW_ERR_INVALID_ARG);
    sw_extractor_free(ex);
    sw_extractor_free(NULL);
    sw_doc_free(NULL);
    sw_reader_free(NULL);
    CHECK_EQ_INT(sw_doc_quote_count(NULL), 0);
    CHECK(sw_doc_quote(NULL, 0) == NULL);
}

/* ---- a failing allocator --------------------------------------------------------------------- */

typedef struct fail_alloc {
    long calls;     /* allocations so far (malloc, and realloc of a new size) */
    long fail_at;   /* the call with this number (0-based) and all later ones fail; -1: never */
    long live;      /* blocks allocated and not yet freed */
} fail_alloc;

static void *fa_malloc(void *ctx, size_t n)
{
    fail_alloc *f = ctx;
    if (f->fail_at >= 0 && f->calls++ >= f->fail_at) return NULL;
    void *p = malloc(n ? n : 1);
    if (p) f->live++;
    return p;
}

static void *fa_realloc(void *ctx, void *old, size_t n)
{
    fail_alloc *f = ctx;
    if (f->fail_at >= 0 && f->calls++ >= f->fail_at) return NULL;
    void *p = realloc(old, n ? n : 1);
    if (p && !old) f->live++;
    return p;
}

static void fa_free(void *ctx, void *p)
{
    fail_alloc *f = ctx;
    if (p) {
        f->live--;
        free(p);
    }
}

/* Runs extraction (and JSON writing) with allocation k failing, for every k until it succeeds. */
static void run_failing_allocator(const char *label, const char *p, size_t len, int title_lines)
{
    long k, crashes_avoided = 0;
    int succeeded = 0;
    for (k = 0; k < 200000 && !succeeded; k++) {
        fail_alloc f = {0, k, 0};
        sw_allocator al = {fa_malloc, fa_realloc, fa_free, &f};
        sw_options opts;
        memset(&opts, 0, sizeof opts);
        opts.keep_non_statements = (int)(k & 1);
        sw_extractor *ex = sw_extractor_new(&opts, &al);
        if (!ex) {
            CHECK_EQ_INT(f.live, 0);
            continue;
        }
        sw_article a = article_of(p, len);
        a.title_lines = title_lines;
        sw_doc *doc = NULL;
        sw_error err;
        memset(&err, 0, sizeof err);
        sw_status st = sw_extract(ex, &a, &doc, &err);
        if (st == SW_OK) {
            CHECK(doc != NULL);
            check_offsets(doc, p, len);
            succeeded = f.calls <= k; /* no allocation was refused */
            sw_doc_free(doc);
        } else {
            if (st != SW_ERR_NOMEM) {
                fprintf(stderr, "%s: allocation %ld failing gave status %d\n", label, k, (int)st);
            }
            CHECK_EQ_INT(st, SW_ERR_NOMEM);
            CHECK_EQ_INT(err.code, SW_ERR_NOMEM);
            CHECK(doc == NULL);
            crashes_avoided++;
        }
        sw_extractor_free(ex);
        if (f.live != 0) fprintf(stderr, "%s: allocation %ld failing leaked %ld blocks\n", label, k, f.live);
        CHECK_EQ_INT(f.live, 0);
    }
    CHECK(succeeded);
    printf("  %-44s %ld allocation points, all gave SW_ERR_NOMEM\n", label, crashes_avoided);
}

static void test_failing_allocator(void)
{
    static const char small[] =
        "Council backs new bridge\n\n"
        "\xe2\x80\x9cWe will open the bridge next week,\xe2\x80\x9d the engineer said.\n\n"
        "The mayor said the plan had \xe2\x80\x9c" "failed,\xe2\x80\x9d according to the council. "
        "\"It isn't over,\" she added, and the '90s design stays.\n\n"
        "Also read:\nFlood victims say \xe2\x80\x9cnobody came\xe2\x80\x9d\n\n"
        "\xc2\xab Il a dit \xe2\x80\x9cnon\xe2\x80\x9d \xc2\xbb, a d\xc3\xa9" "clar\xc3\xa9 le maire &amp; "
        "the \xe2\x80\x9c" "boss.\n";
    run_failing_allocator("small article", small, sizeof small - 1, 1);
    /* A longer article makes the arena and the growing arrays ask for more blocks. */
    text many = {0};
    text_fill(&many, "\xe2\x80\x9cWe will go on,\xe2\x80\x9d the mayor said. Ms. Diaz told reporters "
                     "that the plan had \xe2\x80\x9c" "failed\xe2\x80\x9d.\n\n", 256 * 1024);
    run_failing_allocator("256 KB article", many.p, many.len, 0);
    free(many.p);
    size_t len = 0;
    char *seed = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.txt", &len);
    if (seed) {
        run_failing_allocator("seed article", seed, len, 1);
        free(seed);
    } else {
        printf("  (seed article not found under " SW_SHARED_DIR "; skipped)\n");
    }
}

static void test_failing_allocator_reader(void)
{
    static const char line[] =
        "{\"id\": 7, \"title\": \"T\", \"text\": \"\\u201cHi,\\u201d he said. \\ud83d\\ude00 &amp;\","
        " \"url\": \"http://example.org/a\", \"extra\": [1, {\"x\": null}]}";
    int succeeded = 0;
    for (long k = 0; k < 10000 && !succeeded; k++) {
        fail_alloc f = {0, k, 0};
        sw_allocator al = {fa_malloc, fa_realloc, fa_free, &f};
        sw_reader *r = sw_reader_new(&al);
        if (!r) {
            CHECK_EQ_INT(f.live, 0);
            continue;
        }
        sw_article a;
        memset(&a, 0, sizeof a);
        sw_error err;
        memset(&err, 0, sizeof err);
        sw_status st = sw_reader_parse_json(r, line, sizeof line - 1, &a, &err);
        if (st == SW_OK) {
            CHECK(a.text.ptr != NULL);
            succeeded = f.calls <= k;
        } else {
            CHECK_EQ_INT(st, SW_ERR_NOMEM);
        }
        sw_reader_free(r);
        CHECK_EQ_INT(f.live, 0);
    }
    CHECK(succeeded);
}

/* ---- a failing writer ------------------------------------------------------------------------ */

static int fail_after_writes, sink_calls;
static int failing_sink(void *ctx, const char *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    sink_calls++;
    return fail_after_writes-- > 0 ? 0 : -1;
}

static void test_failing_writer(void)
{
    text t = {0};
    text_fill(&t, "\xe2\x80\x9cOne more,\xe2\x80\x9d he said. ", 1 * MB);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    sw_article a = article_of(t.p, t.len);
    sw_doc *doc = NULL;
    CHECK_EQ_INT(sw_extract(ex, &a, &doc, NULL), SW_OK);
    if (doc) {
        for (unsigned flags = 0; flags <= SW_WRITE_PRETTY; flags++) {
            /* Count the sink calls of a good run, then make each one fail in turn. */
            fail_after_writes = 1 << 30;
            sink_calls = 0;
            CHECK_EQ_INT(sw_doc_write_json(doc, &a, flags, failing_sink, NULL), SW_OK);
            int calls = sink_calls;
            CHECK(calls > 0);
            for (int k = 0; k < calls && k < 64; k++) {
                fail_after_writes = k;
                CHECK_EQ_INT(sw_doc_write_json(doc, &a, flags, failing_sink, NULL), SW_ERR_IO);
            }
        }
    }
    sw_doc_free(doc);
    sw_extractor_free(ex);
    free(t.p);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    RUN(test_100k_curly_marks_alternating);
    RUN(test_100k_curly_marks_all_opening);
    RUN(test_100k_straight_marks);
    RUN(test_100k_mixed_marks_in_paragraphs);
    RUN(test_10k_nested_levels);
    RUN(test_50mb_article_without_newlines);
    RUN(test_50mb_single_quotation);
    RUN(test_one_sentence_of_10mb_of_cues);
    RUN(test_many_short_paragraphs);
    RUN(test_invalid_utf8);
    RUN(test_nul_byte);
    RUN(test_empty_article);
    RUN(test_too_large);
    RUN(test_invalid_arguments);
    RUN(test_failing_allocator);
    RUN(test_failing_allocator_reader);
    RUN(test_failing_writer);
    return check_summary("test_pathological");
}
