/*
 * speakers.c -- who is quoted: the speakers of a selection of statements (by date and source, and
 * by gender for people), and the shares of statements and people by gender, overall and per
 * source (the Gender Gap Tracker's measure).
 *
 * As in query.c, every value from the caller is a bound parameter and the SQL is assembled from
 * constant pieces only.
 */
#include <stdio.h>
#include <string.h>
#include "arena.h"
#include "store/dates.h"
#include "store/store.h"

/* Appends a constant piece of SQL. */
static void cat(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf), l = strlen(s);
    if (n + l + 1 <= cap) memcpy(buf + n, s, l + 1);
}

/* The filters of the options as SQL over s (statements), a (articles), e (entities), and their
 * binding; the same meaning as sw_store_search's filters. */
static void filter_sql(const sw_speaker_opts *o, int with_genders, char *sql, size_t cap)
{
    if (o->since) cat(sql, cap, " AND a.date >= ?");
    if (o->until) cat(sql, cap, " AND substr(a.date, 1, ?) <= ?");
    if (o->source) cat(sql, cap, " AND a.source = ? COLLATE NOCASE");
    if (with_genders && o->genders) {
        cat(sql, cap, " AND e.type = 0 AND e.gender IN (");
        int first = 1;
        for (unsigned g = SW_GENDER_UNKNOWN; g <= SW_GENDER_FEMALE; g++) {
            if (!(o->genders & SW_GENDER_BIT(g))) continue;
            cat(sql, cap, first ? "?" : ",?");
            first = 0;
        }
        if (first) cat(sql, cap, "-1"); /* bits of no gender: nobody */
        cat(sql, cap, ")");
    }
}

static void bind_filters(sqlite3_stmt *st, int *b, const sw_speaker_opts *o, int with_genders)
{
    if (o->since) sqlite3_bind_text(st, (*b)++, o->since, -1, SQLITE_STATIC);
    if (o->until) {
        sqlite3_bind_int(st, (*b)++, (int)strlen(o->until));
        sqlite3_bind_text(st, (*b)++, o->until, -1, SQLITE_STATIC);
    }
    if (o->source) sqlite3_bind_text(st, (*b)++, o->source, -1, SQLITE_STATIC);
    if (with_genders && o->genders)
        for (unsigned g = SW_GENDER_UNKNOWN; g <= SW_GENDER_FEMALE; g++)
            if (o->genders & SW_GENDER_BIT(g)) sqlite3_bind_int(st, (*b)++, (int)g);
}

/* Checks the handle and the dates, and writes what a batch holds (as query.c does). */
static sw_status start(sw_store *store, const sw_speaker_opts *o, const void *fn, sw_error *err)
{
    if (!store || !fn) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    const char *bad = sw_date_filter_problem(o->since, o->until);
    if (bad) return sw_store_fail(err, SW_ERR_QUERY, bad);
    int rc = store->in_batch ? sw_pend_flush(store, 1) : SQLITE_OK;
    return rc == SQLITE_OK ? SW_OK : sw_store_db_fail(err, rc);
}

static sw_gender gender_of(int v) { return v == SW_GENDER_MALE || v == SW_GENDER_FEMALE ? (sw_gender)v : SW_GENDER_UNKNOWN; }

sw_status sw_store_list_speakers(sw_store *store, const sw_speaker_opts *opts, sw_speaker_fn fn,
                                 void *ctx, sw_error *err)
{
    sw_speaker_opts none;
    memset(&none, 0, sizeof none);
    const sw_speaker_opts *o = opts ? opts : &none;
    sw_status s = start(store, o, (const void *)fn, err);
    if (s != SW_OK) return s;
    char sql[2048] =
        "SELECT s.speaker, coalesce(e.name, s.speaker_name) AS nm, e.key, coalesce(e.type, 0),"
        " count(*) AS n, count(DISTINCT s.article), min(a.date), max(a.date),"
        " CASE WHEN e.type = 0 THEN e.gender ELSE 0 END"
        " FROM statements s JOIN articles a ON a.id = s.article"
        " LEFT JOIN entities e ON e.id = s.speaker"
        " WHERE (s.speaker IS NOT NULL OR s.speaker_name IS NOT NULL)";
    filter_sql(o, 1, sql, sizeof sql);
    cat(sql, sizeof sql,
        " GROUP BY CASE WHEN s.speaker IS NOT NULL THEN 'e' || s.speaker"
        "  ELSE 'n' || lower(s.speaker_name) END"
        " ORDER BY n DESC, nm LIMIT ?");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return sw_store_db_fail(err, rc);
    int b = 1;
    bind_filters(st, &b, o, 1);
    sqlite3_bind_int64(st, b, o->limit ? (sqlite3_int64)o->limit : -1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sw_speaker_row r;
        memset(&r, 0, sizeof r);
        r.entity_id = sqlite3_column_int64(st, 0);
        r.name = (const char *)sqlite3_column_text(st, 1);
        r.key = (const char *)sqlite3_column_text(st, 2);
        r.type = (sw_entity_type)sqlite3_column_int(st, 3);
        r.statements = (size_t)sqlite3_column_int64(st, 4);
        r.articles = (size_t)sqlite3_column_int64(st, 5);
        r.first_date = (const char *)sqlite3_column_text(st, 6);
        r.last_date = (const char *)sqlite3_column_text(st, 7);
        r.gender = gender_of(sqlite3_column_int(st, 8));
        if (!r.name) r.name = "";
        if (fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SW_OK : sw_store_db_fail(err, rc);
}

/* Adds a row (gender class g: 0..2 people, -1 others; n statements, p distinct people) to c. */
static void count_into(sw_gender_counts *c, int g, size_t n, size_t p)
{
    if (g < 0) {
        c->other_statements += n;
    } else {
        c->statements[gender_of(g)] += n;
        c->people[gender_of(g)] += p;
    }
}

sw_status sw_store_gender_counts(sw_store *store, const sw_speaker_opts *opts, sw_gender_fn fn,
                                 void *ctx, sw_error *err)
{
    sw_speaker_opts none;
    memset(&none, 0, sizeof none);
    const sw_speaker_opts *o = opts ? opts : &none;
    sw_status s = start(store, o, (const void *)fn, err);
    if (s != SW_OK) return s;
    /* g: the person's gender, -1 for a statement that is not a person's; the total row (src 0)
     * counts distinct people over every source, the per-source rows (src 1) within the source */
    static const char *const head =
        "WITH sel AS (SELECT a.source AS source, s.speaker AS speaker,"
        " CASE WHEN e.type = 0 THEN e.gender ELSE -1 END AS g"
        " FROM statements s JOIN articles a ON a.id = s.article"
        " LEFT JOIN entities e ON e.id = s.speaker WHERE 1";
    static const char *const tail =
        ") SELECT 0, NULL, g, count(*), count(DISTINCT speaker), 0 FROM sel GROUP BY g"
        " UNION ALL SELECT * FROM (SELECT 1, source, g, count(*), count(DISTINCT speaker),"
        " sum(count(*)) OVER (PARTITION BY source) AS total FROM sel GROUP BY source, g)"
        " ORDER BY 1, 6 DESC, 2, 3";
    char sql[2048] = "";
    cat(sql, sizeof sql, head);
    filter_sql(o, 0, sql, sizeof sql);
    cat(sql, sizeof sql, tail);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(store->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return sw_store_db_fail(err, rc);
    int b = 1;
    bind_filters(st, &b, o, 0);

    sw_gender_counts cur;
    memset(&cur, 0, sizeof cur);
    cur.is_total = 1;
    char *src = NULL;          /* the source of cur (a per-source row), owned */
    int has_src = 0, stopped = 0, started_sources = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int per_source = sqlite3_column_int(st, 0);
        const char *rs = (const char *)sqlite3_column_text(st, 1);
        int g = sqlite3_column_int(st, 2);
        size_t n = (size_t)sqlite3_column_int64(st, 3), p = (size_t)sqlite3_column_int64(st, 4);
        if (per_source) {
            int same = started_sources && ((!rs && !has_src) || (rs && has_src && strcmp(rs, src) == 0));
            if (!same) {
                /* the row before is complete: the total, or the previous source */
                cur.source = has_src ? src : NULL;
                if (fn(ctx, &cur)) {
                    stopped = 1;
                    break;
                }
                memset(&cur, 0, sizeof cur);
                sw_mem_free(store->alloc, src);
                src = NULL;
                has_src = rs != NULL;
                if (rs) {
                    size_t l = strlen(rs);
                    src = sw_mem_alloc(store->alloc, l + 1);
                    if (!src) {
                        rc = SQLITE_NOMEM;
                        break;
                    }
                    memcpy(src, rs, l + 1);
                }
                started_sources = 1;
            }
        }
        count_into(&cur, g, n, p);
    }
    if (rc == SQLITE_DONE && !stopped) {
        cur.source = has_src ? src : NULL;
        fn(ctx, &cur); /* the last source, or the total when there is no source row */
    }
    sqlite3_finalize(st);
    sw_mem_free(store->alloc, src);
    if (rc == SQLITE_NOMEM) return sw_store_fail(err, SW_ERR_NOMEM, NULL);
    return rc == SQLITE_DONE || stopped ? SW_OK : sw_store_db_fail(err, rc);
}
