/*
 * rank.c -- sw_tfrank(), an FTS5 ranking function for queries that match a large part of the
 * corpus.
 *
 * bm25 weighs each query term by its inverse document frequency, and FTS5 finds that frequency by
 * walking the term's whole doclist once per query: about 11 ms for a word found in 400,000
 * statements, whatever else the query does. sw_tfrank() is bm25 without the IDF factor (the same
 * saturation k1 = 1.2 and length normalisation b = 0.75), so it costs only what each ranked row
 * costs. For a one-term query it orders rows exactly as bm25 does; for several terms it weighs
 * them equally. The store uses it only when a query matches more statements than the ranking
 * window holds (query.c), where results are approximate anyway. Lower is better, like bm25.
 */
#include <string.h>
#include "store/store.h"

#define TF_MAX_PHRASES 64

/* Average statement length in tokens, computed once per query and kept as auxiliary data. */
typedef struct tf_avg {
    double avg_len;
} tf_avg;

static void tfrank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                   sqlite3_value **vals)
{
    (void)nval;
    (void)vals;
    tf_avg *avg = api->xGetAuxdata(fts, 0);
    if (!avg) {
        sqlite3_int64 rows = 0, tokens = 0;
        if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, 0, &tokens) != SQLITE_OK) {
            sqlite3_result_error_code(ctx, SQLITE_ERROR);
            return;
        }
        avg = sqlite3_malloc(sizeof *avg);
        if (!avg) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        avg->avg_len = rows > 0 ? (double)tokens / (double)rows : 1.0;
        if (avg->avg_len <= 0) avg->avg_len = 1.0;
        if (api->xSetAuxdata(fts, avg, sqlite3_free) != SQLITE_OK) {
            sqlite3_result_error_code(ctx, SQLITE_ERROR);
            return;
        }
    }
    int n_phrase = api->xPhraseCount(fts);
    if (n_phrase > TF_MAX_PHRASES) n_phrase = TF_MAX_PHRASES;
    double tf[TF_MAX_PHRASES];
    memset(tf, 0, sizeof tf);
    int n_inst = 0;
    if (api->xInstCount(fts, &n_inst) != SQLITE_OK) {
        sqlite3_result_error_code(ctx, SQLITE_ERROR);
        return;
    }
    for (int i = 0; i < n_inst; i++) {
        int phrase, col, off;
        if (api->xInst(fts, i, &phrase, &col, &off) == SQLITE_OK && phrase < n_phrase) tf[phrase] += 1;
    }
    int len = 0;
    api->xColumnSize(fts, 0, &len);
    const double k1 = 1.2, b = 0.75;
    double norm = k1 * (1 - b + b * (double)len / avg->avg_len), score = 0;
    for (int p = 0; p < n_phrase; p++) score += tf[p] * (k1 + 1) / (tf[p] + norm);
    sqlite3_result_double(ctx, -score);
}

/* The fts5_api of a connection (the documented "SELECT fts5(?1)" handshake), or NULL. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int sw_store_register_rank(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2) return 0;
    return api->xCreateFunction(api, "sw_tfrank", NULL, tfrank, NULL) == SQLITE_OK;
}
