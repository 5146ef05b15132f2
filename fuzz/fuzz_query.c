/*
 * fuzz_query.c -- libFuzzer target: the search query rewriter (src/store/fts_terms.c).
 *
 * The input bytes are a query as a person types it. sw_fts_rewrite either refuses it with an error
 * offset inside the query, or rewrites it into a query that FTS5 (with the store's tokenizer)
 * runs without an error: the rewriter checks the syntax so that the store never has to fall back
 * to SQLite's "fts5: syntax error". A violation of either aborts.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "store/fts_terms.h"

static sqlite3 *db;
static sqlite3_stmt *match;

static void setup(void)
{
    if (db) return;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');"
                     "INSERT INTO t VALUES('COVID-19 cases rose in the U.S. after Trump''s speech on 9/11');"
                     "INSERT INTO t VALUES('covid vaccines arrive near the coast');",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &match, NULL) != SQLITE_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const columns[] = {"text", NULL};
    setup();
    char *out = NULL;
    sw_error err;
    memset(&err, 0, sizeof err);
    sw_status s = sw_fts_rewrite(NULL, (const char *)data, size, columns, &out, &err);
    if (s != SW_OK) {
        if (s != SW_ERR_QUERY || out || !err.message || err.offset > size) abort();
        return 0;
    }
    if (!out) abort();
    if (out[0]) {
        sqlite3_reset(match);
        sqlite3_bind_text(match, 1, out, -1, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(match)) == SQLITE_ROW) {
        }
        /* NUL bytes end the query for SQLite; what it then sees is a prefix the rewriter never
         * checked, so only inputs without NUL are held to the promise */
        if (rc != SQLITE_DONE && !memchr(data, 0, size)) abort();
    }
    sw_mem_free(NULL, out);
    return 0;
}
