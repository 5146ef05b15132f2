/*
 * query.c -- reading the store: full-text search with filters, speakers, counts.
 *
 * Every value from the caller is a bound parameter; the SQL text is assembled only from constant
 * pieces (and one "?" per speaker entity id), so no query string can change the SQL. FTS5 reports
 * a malformed MATCH expression when the statement is stepped: that, and only that, becomes
 * SW_ERR_QUERY.
 */
#include <stdio.h>
#include <string.h>
#include "arena.h"
#include "store/dates.h"
#include "store/fts_terms.h"
#include "store/namekey.h"
#include "store/store.h"

#define MAX_SPEAKER_IDS 200

/* Ranked searches order by bm25 the SEARCH_WINDOW most recently stored statements that match
 * (and pass the filters): exact for every query that matches fewer, and a bounded cost for a
 * query that matches a large part of a big corpus. */
#define SEARCH_WINDOW 5000

/* One hit's display columns by statement id (fill_hit reads them). */
#define ROW_SQL                                                                                   \
    "SELECT s.id, a.ext_id, a.title, a.url, a.date, a.source, e.name, s.speaker_name, s.cue,"   \
    " s.via, s.text, s.start, s.end, s.kind, s.section, s.confidence, 0.0, coalesce(g.n, 1),"    \
    " g.first_ext, g.first_date, s.text FROM statements s JOIN articles a ON a.id = s.article"    \
    " LEFT JOIN entities e ON e.id = s.speaker LEFT JOIN qgroups g ON g.id = s.qgroup"           \
    " WHERE s.id = ?1"

static int add_id(sqlite3_int64 *ids, int n, sqlite3_int64 id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id) return n;
    if (n < MAX_SPEAKER_IDS) ids[n++] = id;
    return n;
}

/* The entities a speaker name given by a person may mean: persons with the same surname key and a
 * compatible given name (a bare surname means every such person), organisations and places with
 * the same key, and every entity that has this exact form (case and accents aside) as an alias. */
static int speaker_ids(sqlite3 *db, const char *name, sqlite3_int64 *ids, int *n_ids)
{
    int n = 0, rc;
    sqlite3_stmt *st;
    size_t nl = strlen(name);
    sw_nk_person p;
    if (sw_nk_parse_person(name, nl, &p)) {
        rc = sqlite3_prepare_v2(db, "SELECT id, given, initial FROM entities WHERE type=0 AND skey=?1",
                                -1, &st, NULL);
        if (rc != SQLITE_OK) return rc;
        sqlite3_bind_text(st, 1, p.skey, -1, SQLITE_STATIC);
        int is_init = p.given[0] && p.given[1] == '.' && !p.given[2];
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *g = (const char *)sqlite3_column_text(st, 1);
            const char *ini = (const char *)sqlite3_column_text(st, 2);
            int ok;
            if (!p.given[0] || !g[0]) ok = 1;                     /* bare on either side */
            else if (is_init || (g[1] == '.' && !g[2])) ok = ini[0] == p.initial;
            else ok = strcmp(g, p.given) == 0;
            if (ok) n = add_id(ids, n, sqlite3_column_int64(st, 0));
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return rc;
    }
    char key[NK_MAX * 2 + 4], folded[512];
    for (int t = SW_ENT_ORGANIZATION; t <= SW_ENT_PLACE; t++) {
        sw_name_key(name, nl, (sw_entity_type)t, key, sizeof key);
        rc = sqlite3_prepare_v2(db, "SELECT id FROM entities WHERE type=?1 AND key=?2", -1, &st, NULL);
        if (rc != SQLITE_OK) return rc;
        sqlite3_bind_int(st, 1, t);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) n = add_id(ids, n, sqlite3_column_int64(st, 0));
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return rc;
    }
    sw_nk_fold(name, nl, folded, sizeof folded);
    rc = sqlite3_prepare_v2(db, "SELECT entity FROM aliases WHERE folded=?1", -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) n = add_id(ids, n, sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return rc;
    *n_ids = n;
    return SQLITE_OK;
}

/* Appends a constant piece of SQL. */
static void cat(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf), l = strlen(s);
    if (n + l + 1 <= cap) memcpy(buf + n, s, l + 1);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int blank(const char *s)
{
    if (!s) return 1;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 0;
    return 1;
}

/* Fills a hit from a row of the display columns (see `columns` in sw_store_search). */
static void fill_hit(sqlite3_stmt *st, sw_hit *h)
{
    memset(h, 0, sizeof *h);
    h->statement_id = sqlite3_column_int64(st, 0);
    h->article_id = col_text(st, 1);
    h->title = col_text(st, 2);
    h->url = col_text(st, 3);
    h->date = col_text(st, 4);
    h->source = col_text(st, 5);
    h->speaker = col_text(st, 6);
    if (!h->speaker) h->speaker = col_text(st, 7);
    h->cue = col_text(st, 8);
    h->via = col_text(st, 9);
    h->text = col_text(st, 10);
    h->start = (size_t)sqlite3_column_int64(st, 11);
    h->end = (size_t)sqlite3_column_int64(st, 12);
    h->kind = (sw_quote_kind)sqlite3_column_int(st, 13);
    h->section = (sw_section)sqlite3_column_int(st, 14);
    h->confidence = sqlite3_column_double(st, 15);
    h->score = sqlite3_column_double(st, 16);
    h->group_size = (size_t)sqlite3_column_int64(st, 17);
    h->first_article_id = col_text(st, 18);
    h->first_date = col_text(st, 19);
    if (!h->first_article_id) {
        h->first_article_id = h->article_id;
        h->first_date = h->date;
    }
    if (!h->text) h->text = "";
    h->highlighted = col_text(st, 20);
    if (!h->highlighted) h->highlighted = h->text;
}

typedef struct ranked {
    sqlite3_int64 id;
    double score;
    char *highlighted; /* owned, or NULL */
} ranked;

/* Second and third steps of a ranked search: `st` yields (statement id, bm25) best first. The
 * hits are highlighted with one FTS5 query restricted to their ids (asking row by row would
 * re-seek the query's doclists for every hit), then filled in by primary key and handed to fn.
 * Returns SQLITE_DONE when all went well. */
static int ranked_hits(sw_store *store, const sw_search_opts *opts, sqlite3_stmt *st,
                       sw_hit_fn fn, void *ctx)
{
    ranked *r = NULL;
    size_t n = 0, cap = 0;
    int rc;
    char *json = NULL;
    sqlite3_stmt *hl = NULL, *row = NULL;
    sqlite3_int64 lo = 0, hi = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            ranked *g = sw_mem_realloc(store->alloc, r, nc * sizeof *r);
            if (!g) {
                rc = SQLITE_NOMEM;
                goto done;
            }
            r = g;
            cap = nc;
        }
        r[n].id = sqlite3_column_int64(st, 0);
        r[n].score = sqlite3_column_double(st, 1);
        r[n].highlighted = NULL;
        if (!n || r[n].id < lo) lo = r[n].id;
        if (!n || r[n].id > hi) hi = r[n].id;
        n++;
    }
    if (rc != SQLITE_DONE) goto done;
    if (!n) goto done;
    /* the ids as a JSON array for json_each() */
    json = sw_mem_alloc(store->alloc, n * 21 + 3);
    if (!json) {
        rc = SQLITE_NOMEM;
        goto done;
    }
    size_t jl = 0;
    json[jl++] = '[';
    for (size_t i = 0; i < n; i++)
        jl += (size_t)snprintf(json + jl, 22, "%s%lld", i ? "," : "", (long long)r[i].id);
    json[jl++] = ']';
    json[jl] = 0;
    rc = sqlite3_prepare_v2(store->db,
                            "SELECT rowid, highlight(statements_fts, 0, ?1, ?2) FROM statements_fts"
                            " WHERE statements_fts MATCH ?3 AND rowid BETWEEN ?4 AND ?5"
                            " AND +rowid IN (SELECT value FROM json_each(?6))",
                            -1, &hl, NULL);
    if (rc != SQLITE_OK) goto done;
    sqlite3_bind_text(hl, 1, opts->mark_open ? opts->mark_open : "[", -1, SQLITE_STATIC);
    sqlite3_bind_text(hl, 2, opts->mark_close ? opts->mark_close : "]", -1, SQLITE_STATIC);
    sqlite3_bind_text(hl, 3, opts->query, -1, SQLITE_STATIC);
    sqlite3_bind_int64(hl, 4, lo);
    sqlite3_bind_int64(hl, 5, hi);
    sqlite3_bind_text(hl, 6, json, (int)jl, SQLITE_STATIC);
    while ((rc = sqlite3_step(hl)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(hl, 0);
        const char *t = col_text(hl, 1);
        if (!t) continue;
        for (size_t i = 0; i < n; i++) {
            if (r[i].id != id || r[i].highlighted) continue;
            size_t tl = strlen(t);
            r[i].highlighted = sw_mem_alloc(store->alloc, tl + 1);
            if (!r[i].highlighted) {
                rc = SQLITE_NOMEM;
                goto done;
            }
            memcpy(r[i].highlighted, t, tl + 1);
            break;
        }
    }
    if (rc != SQLITE_DONE) goto done;
    rc = sqlite3_prepare_v2(store->db, ROW_SQL, -1, &row, NULL);
    if (rc != SQLITE_OK) goto done;
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(row);
        sqlite3_bind_int64(row, 1, r[i].id);
        rc = sqlite3_step(row);
        if (rc == SQLITE_DONE) continue; /* cannot happen inside one read */
        if (rc != SQLITE_ROW) goto done;
        sw_hit h;
        fill_hit(row, &h);
        h.score = r[i].score;
        if (r[i].highlighted) h.highlighted = r[i].highlighted;
        if (fn(ctx, &h)) break;
    }
    rc = SQLITE_DONE;
done:
    sqlite3_finalize(hl);
    sqlite3_finalize(row);
    for (size_t i = 0; i < n; i++) sw_mem_free(store->alloc, r[i].highlighted);
    sw_mem_free(store->alloc, r);
    sw_mem_free(store->alloc, json);
    return rc;
}

/* Binds the filter values in the order the filter SQL names them, from *b on. */
static void bind_filters(sqlite3_stmt *st, int *b, const sw_search_opts *opts,
                         const sqlite3_int64 *ids, int n_ids)
{
    if (opts->speaker) {
        sqlite3_bind_text(st, (*b)++, opts->speaker, -1, SQLITE_STATIC);
        for (int i = 0; i < n_ids; i++) sqlite3_bind_int64(st, (*b)++, ids[i]);
    }
    if (opts->since) sqlite3_bind_text(st, (*b)++, opts->since, -1, SQLITE_STATIC);
    if (opts->until) {
        sqlite3_bind_int(st, (*b)++, (int)strlen(opts->until));
        sqlite3_bind_text(st, (*b)++, opts->until, -1, SQLITE_STATIC);
    }
    if (opts->source) sqlite3_bind_text(st, (*b)++, opts->source, -1, SQLITE_STATIC);
}

/* How many statements (at most SEARCH_WINDOW + 1) match the query and the filters: walking
 * rowids only, this costs little even for the commonest words. */
static int window_count(sw_store *store, const sw_search_opts *opts, const char *filters,
                        const sqlite3_int64 *ids, int n_ids, int *count)
{
    char sql[4096] = "";
    cat(sql, sizeof sql, "SELECT count(*) FROM (SELECT statements_fts.rowid FROM statements_fts");
    if (filters[0])
        cat(sql, sizeof sql, " JOIN statements s ON s.id = statements_fts.rowid"
                             " JOIN articles a ON a.id = s.article");
    cat(sql, sizeof sql, " WHERE statements_fts MATCH ?");
    cat(sql, sizeof sql, filters);
    cat(sql, sizeof sql, " ORDER BY statements_fts.rowid DESC LIMIT ?)");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    int b = 1;
    sqlite3_bind_text(st, b++, opts->query, -1, SQLITE_STATIC);
    bind_filters(st, &b, opts, ids, n_ids);
    sqlite3_bind_int(st, b++, SEARCH_WINDOW + 1);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *count = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* A question asked in the middle of a batch sees the rows the batch has added so far: those
 * still held by pending.c are written first (searches see statements only once their batch has
 * committed, since the full-text index is filled at commit). */
static int write_held(sw_store *s)
{
    return s->in_batch ? sw_pend_flush(s, 1) : SQLITE_OK;
}

/* The columns a query's column filter may name. */
static const char *const fts_columns[] = {"text", NULL};

static sw_status search_fts(sw_store *store, const sw_search_opts *opts, sw_hit_fn fn, void *ctx,
                            sw_error *err);

/* Rewrites the query for FTS5 (fts_terms.c: punctuated terms become phrases, syntax errors get
 * their byte offset), then searches with the rewritten one. */
sw_status sw_store_search(sw_store *store, const sw_search_opts *opts, sw_hit_fn fn, void *ctx,
                          sw_error *err)
{
    if (!store || !opts || !fn) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    if (blank(opts->query)) return search_fts(store, opts, fn, ctx, err);
    char *fts = NULL;
    sw_status s = sw_fts_rewrite(store->alloc, opts->query, strlen(opts->query), fts_columns, &fts, err);
    if (s != SW_OK) return s;
    sw_search_opts o = *opts;
    o.query = fts;
    s = search_fts(store, &o, fn, ctx, err);
    sw_mem_free(store->alloc, fts);
    return s;
}

static sw_status search_fts(sw_store *store, const sw_search_opts *opts, sw_hit_fn fn, void *ctx,
                            sw_error *err)
{
    if (!store || !opts || !fn) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    int held = write_held(store);
    if (held != SQLITE_OK) return sw_store_db_fail(err, held);
    const char *bad_date = sw_date_filter_problem(opts->since, opts->until);
    if (bad_date) return sw_store_fail(err, SW_ERR_QUERY, bad_date);
    int has_query = !blank(opts->query);
    sqlite3_int64 ids[MAX_SPEAKER_IDS];
    int n_ids = 0, rc;
    if (opts->speaker && (rc = speaker_ids(store->db, opts->speaker, ids, &n_ids)) != SQLITE_OK)
        return sw_store_db_fail(err, rc);

    /* Filters, written once for whichever query carries them. */
    char filters[2048] = "";
    if (opts->speaker) {
        cat(filters, sizeof filters, " AND (s.speaker_name = ? COLLATE NOCASE");
        if (n_ids) {
            cat(filters, sizeof filters, " OR s.speaker IN (");
            for (int i = 0; i < n_ids; i++) cat(filters, sizeof filters, i ? ",?" : "?");
            cat(filters, sizeof filters, ")");
        }
        cat(filters, sizeof filters, ")");
    }
    if (opts->since) cat(filters, sizeof filters, " AND a.date >= ?");
    if (opts->until) cat(filters, sizeof filters, " AND substr(a.date, 1, ?) <= ?");
    if (opts->source) cat(filters, sizeof filters, " AND a.source = ? COLLATE NOCASE");
    int ranked = has_query && !opts->by_date;
    /* more matches than the window holds: rank the window without bm25's per-query IDF scan */
    int use_tfrank = 0;
    if (ranked && store->has_tfrank) {
        int count = 0;
        rc = window_count(store, opts, filters, ids, n_ids, &count);
        if (rc != SQLITE_OK) goto failed;
        use_tfrank = count > SEARCH_WINDOW;
    }

    static const char *const columns =
        "SELECT s.id, a.ext_id, a.title, a.url, a.date, a.source, e.name, s.speaker_name, s.cue,"
        " s.via, s.text, s.start, s.end, s.kind, s.section, s.confidence, ";
    static const char *const joins =
        " JOIN articles a ON a.id = s.article LEFT JOIN entities e ON e.id = s.speaker"
        " LEFT JOIN qgroups g ON g.id = s.qgroup";
    char sql[8192] = "";
    cat(sql, sizeof sql, columns);
    if (ranked) {
        /* bm25 over a window: the SEARCH_WINDOW most recently stored matches that pass the
         * filters (all of them for any query that matches fewer), so a query for a word found in
         * half the corpus costs what one found in 5,000 statements does. This query only ranks;
         * the hits are highlighted and filled in afterwards (ranked_hits). */
        sql[0] = 0;
        cat(sql, sizeof sql, "SELECT w.sid, w.score FROM (SELECT statements_fts.rowid AS sid, ");
        cat(sql, sizeof sql, use_tfrank ? "sw_tfrank(statements_fts)" : "statements_fts.rank");
        cat(sql, sizeof sql, " AS score FROM statements_fts");
        if (filters[0])
            cat(sql, sizeof sql, " JOIN statements s ON s.id = statements_fts.rowid"
                                 " JOIN articles a ON a.id = s.article");
        cat(sql, sizeof sql, " WHERE statements_fts MATCH ?");
        cat(sql, sizeof sql, filters);
        cat(sql, sizeof sql, " ORDER BY statements_fts.rowid DESC LIMIT ?) w"
                             " ORDER BY w.score, w.sid DESC LIMIT ?");
    } else {
        cat(sql, sizeof sql, "0.0, coalesce(g.n, 1), g.first_ext, g.first_date, ");
        cat(sql, sizeof sql, has_query ? "highlight(statements_fts, 0, ?, ?) FROM statements_fts"
                                         " JOIN statements s ON s.id = statements_fts.rowid"
                                       : "s.text FROM statements s");
        cat(sql, sizeof sql, joins);
        cat(sql, sizeof sql, " WHERE 1");
        if (has_query) cat(sql, sizeof sql, " AND statements_fts MATCH ?");
        cat(sql, sizeof sql, filters);
        cat(sql, sizeof sql, " ORDER BY a.date IS NULL, a.date, a.ext_id, s.start LIMIT ?");
    }

    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(store->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return sw_store_db_fail(err, rc);
    int b = 1;
    if (has_query && !ranked) {
        sqlite3_bind_text(st, b++, opts->mark_open ? opts->mark_open : "[", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, b++, opts->mark_close ? opts->mark_close : "]", -1, SQLITE_STATIC);
    }
    if (has_query) sqlite3_bind_text(st, b++, opts->query, -1, SQLITE_STATIC);
    bind_filters(st, &b, opts, ids, n_ids);
    if (ranked) sqlite3_bind_int(st, b++, SEARCH_WINDOW);
    sqlite3_bind_int64(st, b++, opts->limit ? (sqlite3_int64)opts->limit : -1);

    if (ranked) {
        rc = ranked_hits(store, opts, st, fn, ctx);
        sqlite3_finalize(st);
        if (rc == SQLITE_DONE) return SW_OK;
        if (rc == SQLITE_NOMEM) return sw_store_fail(err, SW_ERR_NOMEM, NULL);
    } else {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            sw_hit h;
            fill_hit(st, &h);
            if (fn(ctx, &h)) {
                rc = SQLITE_DONE;
                break;
            }
        }
        sqlite3_finalize(st);
        if (rc == SQLITE_DONE) return SW_OK;
    }
failed:
    if ((rc & 0xff) == SQLITE_ERROR && has_query)
        return sw_store_fail(err, SW_ERR_QUERY,
                             "query syntax error: check quotation marks, parentheses "
                             "and the operators AND, OR, NOT, NEAR");
    return sw_store_db_fail(err, rc);
}

sw_status sw_store_speakers(sw_store *store, size_t limit, sw_speaker_fn fn, void *ctx,
                            sw_error *err)
{
    sw_speaker_opts o;
    memset(&o, 0, sizeof o);
    o.limit = limit;
    return sw_store_list_speakers(store, &o, fn, ctx, err); /* speakers.c */
}

/* Runs a query that returns one integer (or text into buf when buf is not NULL). */
static int one_value(sqlite3 *db, const char *sql, sqlite3_int64 *v, char *buf, size_t cap)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (v) *v = sqlite3_column_int64(st, 0);
        if (buf && cap) {
            const char *t = col_text(st, 0);
            snprintf(buf, cap, "%s", t ? t : "");
        }
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

sw_status sw_store_get_stats(sw_store *store, sw_store_stats *out, sw_error *err)
{
    if (!store || !out) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    memset(out, 0, sizeof *out);
    int held = write_held(store);
    if (held != SQLITE_OK) return sw_store_db_fail(err, held);
    static const char *const counts[] = {
        "SELECT count(*) FROM articles",
        "SELECT count(*) FROM statements",
        "SELECT count(*) FROM statements WHERE speaker IS NOT NULL OR speaker_name IS NOT NULL",
        "SELECT count(*) FROM entities",
        "SELECT count(*) FROM entities WHERE type=0",
        "SELECT count(*) FROM entities WHERE type=1",
        "SELECT count(*) FROM entities WHERE type=2",
        "SELECT coalesce(sum(n), 0) FROM article_mentions",
        "SELECT count(*) FROM aliases",
        "SELECT count(*) FROM qgroups WHERE n_articles >= 2",
        "SELECT count(DISTINCT source) FROM articles",
        "PRAGMA user_version",
        "SELECT (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)",
    };
    size_t *dst[] = {&out->articles, &out->statements, &out->attributed, &out->entities,
                     &out->people, &out->organizations, &out->places, &out->mentions,
                     &out->aliases, &out->groups_shared, &out->sources};
    int rc;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        sqlite3_int64 v = 0;
        if ((rc = one_value(store->db, counts[i], &v, NULL, 0)) != SQLITE_OK)
            return sw_store_db_fail(err, rc);
        if (i < sizeof dst / sizeof dst[0]) *dst[i] = (size_t)v;
        else if (i == 11) out->schema_version = (int)v;
        else out->file_bytes = v;
    }
    if ((rc = one_value(store->db, "SELECT min(date) FROM articles", NULL, out->first_date,
                        sizeof out->first_date)) != SQLITE_OK ||
        (rc = one_value(store->db, "SELECT max(date) FROM articles", NULL, out->last_date,
                        sizeof out->last_date)) != SQLITE_OK)
        return sw_store_db_fail(err, rc);
    return SW_OK;
}
