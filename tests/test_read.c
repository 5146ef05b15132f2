/* test_read.c -- unit tests of the reader (src/read/): JSON Lines parsing, errors, detection. */
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "doc.h"

static sw_reader *reader;

/* Parses a NUL-terminated line; returns the status and fills *a and *err. */
static sw_status parse(const char *line, sw_article *a, sw_error *err)
{
    memset(err, 0, sizeof *err);
    return sw_reader_parse_json(reader, line, strlen(line), a, err);
}

static int str_is(sw_str s, const char *want)
{
    return s.ptr && s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

/* The error code and offset of a line that must fail. */
#define CHECK_FAILS(line, code_, offset_)                                        \
    do {                                                                         \
        sw_article a_;                                                           \
        sw_error e_;                                                             \
        CHECK_EQ_INT(parse(line, &a_, &e_), code_);                              \
        CHECK_EQ_INT(e_.code, code_);                                            \
        CHECK_EQ_INT(e_.offset, offset_);                                        \
        CHECK(e_.message != NULL);                                               \
    } while (0)

static void test_all_members(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"id\": \"a1\", \"title\": \"T\", \"url\": \"http://x/y\", \"date\": "
                       "\"2026-01-02\", \"source\": \"Gazette\", \"text\": \"Hello.\"}",
                       &a, &e),
                 SW_OK);
    CHECK(str_is(a.id, "a1"));
    CHECK(str_is(a.title, "T"));
    CHECK(str_is(a.url, "http://x/y"));
    CHECK(str_is(a.date, "2026-01-02"));
    CHECK(str_is(a.source, "Gazette"));
    CHECK(str_is(a.text, "Hello."));
    CHECK_EQ_INT(a.title_lines, 0);
    CHECK_EQ_INT(a.text.ptr[a.text.len], 0); /* NUL-terminated */
}

static void test_absent_members_are_null(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"text\":\"x\"}", &a, &e), SW_OK);
    CHECK(a.id.ptr == NULL);
    CHECK(a.title.ptr == NULL);
    CHECK(a.url.ptr == NULL && a.date.ptr == NULL && a.source.ptr == NULL);
    CHECK(str_is(a.text, "x"));
    CHECK_EQ_INT(parse("{\"text\":\"\"}", &a, &e), SW_OK);
    CHECK(a.text.ptr != NULL && a.text.len == 0);
}

static void test_numeric_id_and_null_members(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"id\": 42, \"text\": \"x\"}", &a, &e), SW_OK);
    CHECK(str_is(a.id, "42"));
    CHECK_EQ_INT(parse("{\"id\": -1.5e+3, \"text\": \"x\"}", &a, &e), SW_OK);
    CHECK(str_is(a.id, "-1.5e+3"));
    CHECK_EQ_INT(parse("{\"id\": null, \"title\": null, \"text\": \"x\"}", &a, &e), SW_OK);
    CHECK(a.id.ptr == NULL && a.title.ptr == NULL);
    /* a known member of another type counts as absent */
    CHECK_EQ_INT(parse("{\"title\": [1,2], \"url\": 7, \"text\": \"x\"}", &a, &e), SW_OK);
    CHECK(a.title.ptr == NULL && a.url.ptr == NULL);
}

static void test_every_escape(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"text\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "q\" b\\ s/ \b\f\n\r\t"));
    CHECK_EQ_INT(parse("{\"text\": \"\\u0041\\u00e9\\u20AC\\u201c\\u0001\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "A\xC3\xA9\xE2\x82\xAC\xE2\x80\x9C\x01"));
    /* surrogate pairs: U+1F600 and U+10FFFF */
    CHECK_EQ_INT(parse("{\"text\": \"<\\ud83d\\ude00|\\uDBFF\\uDFFF>\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "<\xF0\x9F\x98\x80|\xF4\x8F\xBF\xBF>"));
    /* escaped member names are decoded before matching */
    CHECK_EQ_INT(parse("{\"\\u0074ext\": \"yes\", \"t\\u0069tle\": \"T\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "yes"));
    CHECK(str_is(a.title, "T"));
}

static void test_raw_utf8_and_control_bytes(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"text\": \"caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D\tx\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D\tx"));
}

static void test_unknown_members_skipped(void)
{
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(parse("{\"meta\": {\"a\": [1, 2.5, -0, 1e9, true, false, null, {\"b\": {}}], "
                       "\"c\": []}, \"n\": -12.5E-3, \"t\": true, \"f\": false, \"z\": null, "
                       "\"s\": \"\\u0000 ok \\\"\", \"text\": \"body\", \"after\": [[[[]]]]}",
                       &a, &e),
                 SW_OK);
    CHECK(str_is(a.text, "body"));
    CHECK_EQ_INT(parse("  {}  ", &a, &e), SW_ERR_NO_TEXT);
    CHECK_EQ_INT(parse(" \t{ \"text\" : \"x\" } \r", &a, &e), SW_OK);
    /* duplicate members: the last one wins */
    CHECK_EQ_INT(parse("{\"text\": \"one\", \"text\": \"two\"}", &a, &e), SW_OK);
    CHECK(str_is(a.text, "two"));
}

static void test_syntax_errors_with_offsets(void)
{
    CHECK_FAILS("", SW_ERR_JSON, 0);
    CHECK_FAILS("   ", SW_ERR_JSON, 3);
    CHECK_FAILS("[\"text\"]", SW_ERR_JSON, 0);
    CHECK_FAILS("{\"text\": \"x\"", SW_ERR_JSON, 12);
    CHECK_FAILS("{\"text\": \"x}", SW_ERR_JSON, 12);          /* unterminated string */
    CHECK_FAILS("{\"text\": \"x\",}", SW_ERR_JSON, 13);
    CHECK_FAILS("{\"text\" \"x\"}", SW_ERR_JSON, 8);
    CHECK_FAILS("{text: \"x\"}", SW_ERR_JSON, 1);
    CHECK_FAILS("{\"text\": \"x\"} x", SW_ERR_JSON, 14);        /* trailing garbage */
    CHECK_FAILS("{\"text\": \"x\"}{}", SW_ERR_JSON, 13);
    CHECK_FAILS("{\"text\": \"a\\qb\"}", SW_ERR_JSON, 11);      /* unknown escape */
    CHECK_FAILS("{\"text\": \"a\\u12G4\"}", SW_ERR_JSON, 11);   /* bad hex */
    CHECK_FAILS("{\"text\": \"a\\u12\"}", SW_ERR_JSON, 11);
    CHECK_FAILS("{\"n\": 01, \"text\": \"x\"}", SW_ERR_JSON, 7);
    CHECK_FAILS("{\"n\": 1., \"text\": \"x\"}", SW_ERR_JSON, 8);
    CHECK_FAILS("{\"n\": -, \"text\": \"x\"}", SW_ERR_JSON, 7);
    CHECK_FAILS("{\"n\": 1e, \"text\": \"x\"}", SW_ERR_JSON, 8);
    CHECK_FAILS("{\"n\": tru, \"text\": \"x\"}", SW_ERR_JSON, 6);
    CHECK_FAILS("{\"n\": [1 2], \"text\": \"x\"}", SW_ERR_JSON, 9);
    CHECK_FAILS("{\"n\": {\"a\" 1}, \"text\": \"x\"}", SW_ERR_JSON, 11);
    CHECK_FAILS("{\"n\": [1,], \"text\": \"x\"}", SW_ERR_JSON, 9);
    CHECK_FAILS("{\"n\": +1, \"text\": \"x\"}", SW_ERR_JSON, 6);
}

static void test_text_errors(void)
{
    CHECK_FAILS("{\"id\": \"x\"}", SW_ERR_NO_TEXT, 0);
    CHECK_FAILS("{\"text\": 12}", SW_ERR_NO_TEXT, 9);
    CHECK_FAILS("{\"text\": null}", SW_ERR_NO_TEXT, 9);
    CHECK_FAILS("{\"text\": {\"a\": \"b\"}}", SW_ERR_NO_TEXT, 9);
    CHECK_FAILS("{\"text\": \"ab\\u0000c\"}", SW_ERR_NUL, 12);
    CHECK_FAILS("{\"title\": \"\\u0000\", \"text\": \"x\"}", SW_ERR_NUL, 11);
}

static void test_utf8_errors(void)
{
    CHECK_FAILS("{\"text\": \"ab\xFF\"}", SW_ERR_UTF8, 12);
    CHECK_FAILS("{\"text\": \"ab\xC3\"}", SW_ERR_UTF8, 12);         /* truncated sequence */
    CHECK_FAILS("{\"text\": \"\xC0\xAF\"}", SW_ERR_UTF8, 10);       /* overlong */
    CHECK_FAILS("{\"text\": \"\xED\xA0\x80\"}", SW_ERR_UTF8, 10);   /* encoded surrogate */
    CHECK_FAILS("{\"zz\": \"\xFE\", \"text\": \"x\"}", SW_ERR_UTF8, 8); /* in a skipped member too */
    /* lone and mismatched surrogates in escapes: at the backslash */
    CHECK_FAILS("{\"text\": \"a\\ud83d\"}", SW_ERR_UTF8, 11);
    CHECK_FAILS("{\"text\": \"a\\ud83dx\"}", SW_ERR_UTF8, 11);
    CHECK_FAILS("{\"text\": \"a\\ude00\"}", SW_ERR_UTF8, 11);
    CHECK_FAILS("{\"text\": \"a\\ud83d\\u0041\"}", SW_ERR_UTF8, 11);
    CHECK_FAILS("{\"text\": \"a\\ud83d\\n\"}", SW_ERR_UTF8, 11);
    /* a raw NUL byte */
    static const char with_nul[] = "{\"text\": \"a\0b\"}";
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(sw_reader_parse_json(reader, with_nul, sizeof with_nul - 1, &a, &e), SW_ERR_NUL);
    CHECK_EQ_INT(e.offset, 11);
}

static void test_failure_leaves_article_untouched(void)
{
    sw_article a;
    sw_error e;
    memset(&a, 0x5A, sizeof a);
    CHECK_EQ_INT(parse("{\"text\": 1}", &a, &e), SW_ERR_NO_TEXT);
    CHECK_EQ_INT(((unsigned char *)&a)[0], 0x5A);
    CHECK_EQ_INT(sw_reader_parse_json(reader, "{\"text\":\"x\"}", 12, &a, NULL), SW_OK);
    CHECK_EQ_INT(sw_reader_parse_json(reader, "{", 1, &a, NULL), SW_ERR_JSON); /* err may be NULL */
    CHECK_EQ_INT(sw_reader_parse_json(NULL, "{", 1, &a, &e), SW_ERR_INVALID_ARG);
}

static void test_deep_nesting(void)
{
    /* 100,000 nested arrays: an error, not a stack overflow */
    size_t depth = 100000;
    char *line = malloc(depth * 2 + 64);
    size_t n = 0;
    n += (size_t)sprintf(line, "{\"x\": ");
    for (size_t i = 0; i < depth; i++) line[n++] = '[';
    for (size_t i = 0; i < depth; i++) line[n++] = ']';
    n += (size_t)sprintf(line + n, ", \"text\": \"t\"}");
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(sw_reader_parse_json(reader, line, n, &a, &e), SW_ERR_JSON);
    CHECK_EQ_INT(e.offset, 6 + 1024);
    /* 1000 levels are fine */
    n = (size_t)sprintf(line, "{\"x\": ");
    for (size_t i = 0; i < 1000; i++) line[n++] = '[';
    for (size_t i = 0; i < 1000; i++) line[n++] = ']';
    n += (size_t)sprintf(line + n, ", \"text\": \"t\"}");
    CHECK_EQ_INT(sw_reader_parse_json(reader, line, n, &a, &e), SW_OK);
    free(line);
}

/* A 50 MB "text" with escapes, quotes and UTF-8 scattered through it: decoded right, and fast. */
static void test_fifty_megabyte_line(void)
{
    const size_t target = 50u << 20;
    char *line = malloc(target + 256);
    char *expect = malloc(target + 256);
    size_t n = 0, m = 0;
    n += (size_t)sprintf(line, "{\"id\": 1, \"text\": \"");
    static const char chunk[] = "He said \\\"we will win\\\" \\u2014 caf\xC3\xA9 and more plain words here.\\n";
    static const char decoded[] = "He said \"we will win\" \xE2\x80\x94 caf\xC3\xA9 and more plain words here.\n";
    while (n + sizeof chunk + 4000 < target) {
        memcpy(line + n, chunk, sizeof chunk - 1);
        n += sizeof chunk - 1;
        memcpy(expect + m, decoded, sizeof decoded - 1);
        m += sizeof decoded - 1;
        /* long plain runs too */
        memset(line + n, 'a', 4000);
        memset(expect + m, 'a', 4000);
        n += 4000;
        m += 4000;
    }
    n += (size_t)sprintf(line + n, "\", \"title\": \"big\"}");
    sw_article a;
    sw_error e;
    clock_t t0 = clock();
    sw_status st = sw_reader_parse_json(reader, line, n, &a, &e);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_EQ_INT(st, SW_OK);
    CHECK_EQ_INT(a.text.len, m);
    CHECK(a.text.len == m && memcmp(a.text.ptr, expect, m) == 0);
    CHECK(str_is(a.title, "big"));
    printf("50 MB line parsed in %.3f s (%.0f MB/s)\n", secs, secs > 0 ? (double)n / 1e6 / secs : 0.0);
    CHECK(secs < 2.0); /* hundreds of MB/s expected; generous for sanitizer builds */
    free(line);
    free(expect);
}

static void test_parse_text(void)
{
    sw_article a;
    sw_error e;
    const char *t = "Title\n\nBody \xE2\x80\x9Cquote\xE2\x80\x9D.\n";
    CHECK_EQ_INT(sw_reader_parse_text(reader, t, strlen(t), &a, &e), SW_OK);
    CHECK(a.text.ptr == t && a.text.len == strlen(t));
    CHECK_EQ_INT(a.title_lines, 1);
    CHECK(a.id.ptr == NULL);
    CHECK_EQ_INT(sw_reader_parse_text(reader, "ab\xFF", 3, &a, &e), SW_ERR_UTF8);
    CHECK_EQ_INT(e.offset, 2);
    CHECK_EQ_INT(sw_reader_parse_text(reader, "abc\0", 4, &a, &e), SW_ERR_NUL);
    CHECK_EQ_INT(e.offset, 3);
    CHECK_EQ_INT(sw_reader_parse_text(reader, NULL, 0, &a, &e), SW_OK);
}

static void test_detect_format(void)
{
    CHECK_EQ_INT(sw_detect_format("{\"text\":1}", 10), SW_FORMAT_JSONL);
    CHECK_EQ_INT(sw_detect_format("\xEF\xBB\xBF \n\t{", 7), SW_FORMAT_JSONL);
    CHECK_EQ_INT(sw_detect_format("Title\n\nBody", 11), SW_FORMAT_TEXT);
    CHECK_EQ_INT(sw_detect_format("\xEF\xBB\xBFTitle", 8), SW_FORMAT_TEXT);
    CHECK_EQ_INT(sw_detect_format("", 0), SW_FORMAT_TEXT);
    CHECK_EQ_INT(sw_detect_format(NULL, 0), SW_FORMAT_TEXT);
}

static int allocations_left;
static void *limited_malloc(void *ctx, size_t n) { (void)ctx; return allocations_left-- > 0 ? malloc(n) : NULL; }
static void *limited_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void limited_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_out_of_memory(void)
{
    sw_allocator al = {limited_malloc, limited_realloc, limited_free, NULL};
    allocations_left = 0;
    CHECK(sw_reader_new(&al) == NULL);
    allocations_left = 1; /* the handle, then no scratch */
    sw_reader *r = sw_reader_new(&al);
    CHECK(r != NULL);
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(sw_reader_parse_json(r, "{\"text\":\"x\"}", 12, &a, &e), SW_ERR_NOMEM);
    allocations_left = 1;
    CHECK_EQ_INT(sw_reader_parse_json(r, "{\"text\":\"x\"}", 12, &a, &e), SW_OK);
    sw_reader_free(r);
    sw_reader_free(NULL);
}

int main(void)
{
    reader = sw_reader_new(NULL);
    RUN(test_all_members);
    RUN(test_absent_members_are_null);
    RUN(test_numeric_id_and_null_members);
    RUN(test_every_escape);
    RUN(test_raw_utf8_and_control_bytes);
    RUN(test_unknown_members_skipped);
    RUN(test_syntax_errors_with_offsets);
    RUN(test_text_errors);
    RUN(test_utf8_errors);
    RUN(test_failure_leaves_article_untouched);
    RUN(test_deep_nesting);
    RUN(test_fifty_megabyte_line);
    RUN(test_parse_text);
    RUN(test_detect_format);
    RUN(test_out_of_memory);
    sw_reader_free(reader);
    return check_summary("test_read");
}
