/* test_fts_terms.c -- the search query rewriter (src/store/fts_terms.c): punctuated terms become
 * phrases, the FTS5 syntax is kept, and syntax errors carry the byte where they are. Every query
 * the rewriter accepts is also run through a real FTS5 table (the store's tokenizer), which must
 * accept it: the rewriter may not let through what FTS5 refuses. */
#include <sqlite3.h>
#include <stdlib.h>
#include "arena.h"
#include "check.h"
#include "store/fts_terms.h"

static const char *const columns[] = {"text", NULL};
static sqlite3 *db;

/* 1 when FTS5 runs the query without an error. */
static int fts5_accepts(const char *q)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL) != SQLITE_OK) return 0;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) fprintf(stderr, "  FTS5 refuses [%s]: %s\n", q, sqlite3_errmsg(db));
    return rc == SQLITE_DONE;
}

/* The rows (as "1,2") the query finds in the table, "" for none, "error" when FTS5 refuses it. */
static const char *rows(const char *q)
{
    static char buf[64];
    buf[0] = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
        return "error";
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%lld", n ? "," : "", (long long)sqlite3_column_int64(st, 0));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? buf : "error";
}

/* The rewritten query, or "!OFFSET" for a syntax error. */
static const char *rewrite(const char *q)
{
    static char buf[512];
    char *out = NULL;
    sw_error err = {0};
    sw_status s = sw_fts_rewrite(NULL, q, strlen(q), columns, &out, &err);
    if (s == SW_OK) {
        snprintf(buf, sizeof buf, "%s", out);
        CHECK(!out[0] || fts5_accepts(out));
        sw_mem_free(NULL, out);
    } else {
        CHECK_EQ_INT(s, SW_ERR_QUERY);
        CHECK(err.message != NULL && err.code == SW_ERR_QUERY);
        CHECK(out == NULL);
        snprintf(buf, sizeof buf, "!%zu", err.offset);
    }
    return buf;
}

static void setup(void)
{
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');"
                 "INSERT INTO t(rowid, text) VALUES"
                 " (1, 'COVID-19 cases rose in the U.S. after Trump''s speech on 9/11'),"
                 " (2, 'covid vaccines arrive'),"
                 " (3, 'The us and them of it: 19 cases, 11 trumps'),"
                 " (4, 'Trump’s plan for the counter-offensive');",
                 NULL, NULL, NULL);
}

static void test_punctuated_terms_become_phrases(void)
{
    static const char *const cases[][2] = {
        {"COVID-19", "\"COVID-19\""},
        {"U.S.", "\"U.S.\""},
        {"Trump's", "\"Trump's\""},
        {"9/11", "\"9/11\""},
        {"covid", "covid"},
        {"Trump’s", "Trump’s"},            /* FTS5 takes every non-ASCII byte bare */
        {"COVID-19 U.S.", "\"COVID-19\" \"U.S.\""},
        {"COVID-1*", "\"COVID-1\"*"},
        {"9:30", "\"9:30\""},
        {"a,b", "\"a,b\""},
        {"C++", "\"C++\""},
        {"e-mail*", "\"e-mail\"*"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) CHECK_EQ_STR(rewrite(cases[i][0]), cases[i][1]);
    /* and they find what the tokenizer indexed, and only that */
    char *out = NULL;
    static const char *const finds[][2] = {
        {"COVID-19", "1"}, {"U.S.", "1"}, {"Trump's", "1,4"}, {"9/11", "1"}, {"counter-offensive", "4"},
        {"covid", "1,2"}, {"COVID-19 OR vaccines", "1,2"},
    };
    for (size_t i = 0; i < sizeof finds / sizeof finds[0]; i++) {
        sw_error err = {0};
        CHECK_EQ_INT(sw_fts_rewrite(NULL, finds[i][0], strlen(finds[i][0]), columns, &out, &err), SW_OK);
        if (out) CHECK_EQ_STR(rows(out), finds[i][1]);
        sw_mem_free(NULL, out);
        out = NULL;
    }
}

static void test_fts5_syntax_is_kept(void)
{
    static const char *const cases[][2] = {
        {"covid AND vaccines", "covid AND vaccines"},
        {"covid OR vaccines", "covid OR vaccines"},
        {"covid NOT vaccines", "covid NOT vaccines"},
        {"\"covid vaccines\"", "\"covid vaccines\""},
        {"\"say \"\"no\"\"\"", "\"say \"\"no\"\"\""},
        {"vaccin*", "vaccin*"},
        {"\"covid\" *", "\"covid\"*"},
        {"^covid", "^covid"},
        {"^\"covid vaccines\"", "^\"covid vaccines\""},
        {"covid + vaccines", "covid + vaccines"},
        {"NEAR(covid vaccines)", "NEAR(covid vaccines)"},
        {"NEAR (covid vaccines, 5)", "NEAR(covid vaccines, 5)"},
        {"NEAR(COVID-19 U.S., 10)", "NEAR(\"COVID-19\" \"U.S.\", 10)"},
        {"(covid OR vaccines) AND U.S.", "(covid OR vaccines) AND \"U.S.\""},
        {"text:covid", "text:covid"},
        {"TEXT:covid", "TEXT:covid"},
        {"text : covid", "text:covid"},
        {"{text}:covid", "{text}:covid"},
        {"-text:covid", "- text:covid"},
        {"text:(covid OR vaccines)", "text:(covid OR vaccines)"},
        {"and or not", "and or not"},                    /* small letters: words */
        {"NEAR", "\"NEAR\""},                            /* not before '(': a word */
        {"AND*", "\"AND\"*"},                            /* regression (fuzz_query): a prefix */
        /* FTS5 refuses a group next to a term without an operator; the rewriter writes the AND */
        {"covid (vaccines OR masks)", "covid AND (vaccines OR masks)"},
        {"(covid) (vaccines)", "(covid) AND (vaccines)"},
        {"U.S. text:(covid)", "\"U.S.\" AND text:(covid)"},
        {"  ", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) CHECK_EQ_STR(rewrite(cases[i][0]), cases[i][1]);
    CHECK_EQ_STR(rows("covid NOT vaccines"), "1");
}

static void test_syntax_errors_say_where(void)
{
    static const struct {
        const char *q;
        size_t offset;
        const char *says;
    } cases[] = {
        {"\"unbalanced", 0, "quotation mark"},
        {"covid \"vacc", 6, "quotation mark"},
        {"(covid", 0, "parenthesis"},
        {"covid)", 5, "closing parenthesis"},
        {"covid AND", 6, "each side"},
        {"covid OR OR vaccines", 6, "each side"},
        {"NOT covid", 0, "NOT needs"},
        {"AND", 0, "each side"},
        {"()", 0, "empty"},
        {"covid ()", 6, "empty"},
        {"col:covid", 0, "unknown column"},
        {"covid http://x", 6, "unknown column"},
        {"{col}:covid", 1, "unknown column"},
        {"{text:covid", 0, "'{'"},
        {"text:", 5, "word or a phrase"},
        {"* covid", 0, "'*'"},
        {"covid +", 7, "word or a phrase"},
        {"^ (covid)", 2, "'^'"},
        {"NEAR(", 4, "NEAR( ) needs"},
        {"NEAR(covid vaccines, x)", 21, "number"},
        {"NEAR(covid (vaccines))", 11, "NEAR( ) holds"},
        {"NEAR(covid", 0, "not closed"},
        {"covid - vaccines", 6, "NOT"},
        {"covid -vaccines", 6, "NOT"},
        {"covid : vaccines", 6, "column name"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        sw_error err = {0};
        sw_status s = sw_fts_rewrite(NULL, cases[i].q, strlen(cases[i].q), columns, &out, &err);
        if (s != SW_ERR_QUERY || err.offset != cases[i].offset || !strstr(err.message, cases[i].says))
            fprintf(stderr, "  [%s] -> %d at %zu: %s\n", cases[i].q, (int)s, err.offset,
                    err.message ? err.message : "(null)");
        CHECK_EQ_INT(s, SW_ERR_QUERY);
        CHECK_EQ_INT(err.offset, cases[i].offset);
        CHECK(err.message && strstr(err.message, cases[i].says));
        CHECK(!out);
        /* FTS5 refuses every one of them too (with a message that says less) */
        CHECK_EQ_STR(rows(cases[i].q), "error");
    }
}

/* A failing allocator: the rewriter returns SW_ERR_NOMEM and leaks nothing (ASan checks). */
static int allocs_left;
static void *fail_malloc(void *ctx, size_t n)
{
    (void)ctx;
    return allocs_left-- > 0 ? malloc(n) : NULL;
}
static void *fail_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return allocs_left-- > 0 ? realloc(p, n) : NULL;
}
static void fail_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static void test_out_of_memory(void)
{
    sw_allocator a = {fail_malloc, fail_realloc, fail_free, NULL};
    const char *q = "COVID-19 AND (U.S. OR \"Trump's plan\") NOT NEAR(a b, 3) text:x";
    int ok = 0;
    for (int budget = 0; budget < 40 && !ok; budget++) {
        allocs_left = budget;
        char *out = NULL;
        sw_error err = {0};
        sw_status s = sw_fts_rewrite(&a, q, strlen(q), columns, &out, &err);
        if (s == SW_OK) {
            ok = 1;
            fail_free(NULL, out);
        } else {
            CHECK_EQ_INT(s, SW_ERR_NOMEM);
            CHECK(!out);
        }
    }
    CHECK(ok);
}

int main(void)
{
    setup();
    RUN(test_punctuated_terms_become_phrases);
    RUN(test_fts5_syntax_is_kept);
    RUN(test_syntax_errors_say_where);
    RUN(test_out_of_memory);
    sqlite3_close(db);
    return check_summary("test_fts_terms");
}
