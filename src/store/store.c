/*
 * store.c -- opening the store, batches, and adding articles.
 *
 * sw_store_add() resolves an article's entities against the database (writing new or improved
 * entities at once, inside a SAVEPOINT that a failure rolls back) and hands the article's own rows
 * to pending.c, which writes them many articles at a time; so a failure undoes that article only
 * and a batch (one transaction for many articles) stays usable. Idempotence comes from the article's
 * content hash: the same id with the same hash is skipped, a changed one has its old rows removed
 * first, so running the same ingest twice, or again after a crash, ends in the same rows.
 * Entities are merged across articles here (resolve_person / resolve_other) using namekey.c.
 * Two sums are kept in memory for the open batch and written at commit, in the same transaction:
 * entities.refs (refs_*) and the quotation groups' counts and first reports (groups_*); both are
 * written before an article is replaced, so that the replacement sees exact counts.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "doc.h"
#include "store/dates.h"
#include "store/namekey.h"
#include "store/store.h"

/* Is the excluded (new) row's article earlier than the group's first? By date, then by id;
 * undated articles come after dated ones. */
#define EARLIER                                                                                  \
    "((excluded.first_date IS NOT NULL AND (qgroups.first_date IS NULL"                          \
    " OR excluded.first_date < qgroups.first_date OR (excluded.first_date = qgroups.first_date"   \
    " AND excluded.first_ext < qgroups.first_ext))) OR (excluded.first_date IS NULL AND"          \
    " qgroups.first_date IS NULL AND excluded.first_ext < qgroups.first_ext))"

#define GS8 "(?,?),(?,?),(?,?),(?,?),(?,?),(?,?),(?,?),(?,?)"

/* The SQL of the prepared statements, but for the multi-row inserts of pending.c, which makes
 * its own. The rows written at commit or before a replacement (refs, groups, group_statements)
 * are outside any savepoint and keep the default, all-or-nothing statements. */
static const char *const sql_text[Q_COUNT] = {
    [Q_ART_BY_ID] = "SELECT id, content_hash FROM articles WHERE ext_id=?1",
    [Q_ART_BY_HASH] = "SELECT ext_id FROM articles WHERE content_hash=?1 LIMIT 1",
    [Q_ART_DELETE] = "DELETE FROM articles WHERE id=?1",
    [Q_ENT_CANDIDATES] = "SELECT id, given, initial, name, gender FROM entities WHERE type=?1 AND skey=?2 "
                         "ORDER BY id",
    [Q_ENT_BY_KEY] = "SELECT id, name, gender FROM entities WHERE type=?1 AND key=?2",
    [Q_ENT_INSERT] = "INSERT INTO entities(type,key,skey,given,initial,name,gender) "
                     "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [Q_ENT_SET_GIVEN] = "UPDATE entities SET key=?2, given=?3, initial=?4, name=?5,"
                        " gender=CASE WHEN gender=0 THEN ?6 ELSE gender END WHERE id=?1",
    [Q_ENT_SET_NAME] = "UPDATE entities SET name=?2, gender=?3 WHERE id=?1",
    /* one statement finds or creates the group, counts the batch's statements (?7) and
     * articles (?8) and moves "first" when the batch's earliest article is earlier (EARLIER) */
    [Q_GROUP_UPSERT] =
        "INSERT INTO qgroups(id,speaker_key,text_hash,first_article,first_date,first_ext,n,n_articles)"
        " VALUES(?6,?1,?2,?3,?4,?5,?7,?8) ON CONFLICT(id) DO UPDATE SET n=n+excluded.n,"
        " n_articles=n_articles+excluded.n_articles,"
        " first_article=CASE WHEN " EARLIER " THEN excluded.first_article ELSE first_article END,"
        " first_date=CASE WHEN " EARLIER " THEN excluded.first_date ELSE first_date END,"
        " first_ext=CASE WHEN " EARLIER " THEN excluded.first_ext ELSE first_ext END",
    [Q_SAVEPOINT] = "SAVEPOINT sw_add",
    [Q_RELEASE] = "RELEASE sw_add",
    [Q_ROLLBACK_TO] = "ROLLBACK TO sw_add",
    [Q_FTS_INDEX] = "INSERT INTO statements_fts(rowid, text) SELECT id, text FROM statements "
                    "WHERE id > ?1",
    [Q_ENT_ADD_REFS] = "UPDATE entities SET refs=refs+?2 WHERE id=?1",
    [Q_GSTMT_INSERT] = "INSERT INTO group_statements(qgroup,statement) VALUES(?1,?2)",
    [Q_GSTMT_ROWS32] = "INSERT INTO group_statements(qgroup,statement) VALUES" GS8 "," GS8 "," GS8 "," GS8,
};

/* ---- caches ------------------------------------------------------------------------------ */

/* How many keys each cache holds before it is emptied (the tables are made with room for that
 * many, and never grow): enough for the entities and aliases of a few thousand articles, a few
 * megabytes in all. */
#define ALIAS_SEEN_KEYS (1u << 16)
#define ENT_CACHE_KEYS (1u << 15)
#define SKEY_GEN_KEYS (1u << 13)

/* What the entity cache keeps of a name: its entity, and the surname key hash and its generation
 * when it was resolved (aux 0: not a person, valid for ever). */
typedef struct ent_cached {
    int64_t value;
    uint64_t aux, aux2;
} ent_cached;

/* The value of key in cache c, made (zeroed) when the key is new; the cache is emptied first
 * when it holds `limit` keys. NULL only when the cache has no room (it was made with its room). */
static void *cache_put(sw_map *c, size_t limit, uint64_t key)
{
    if (sw_map_len(c) >= limit) sw_map_clear(c);
    return sw_map_put(c, key, NULL);
}

void sw_store_forget_cache(sw_store *store)
{
    sw_map_clear(&store->alias_seen);
    sw_map_clear(&store->ent_cache);
    sw_map_clear(&store->skey_gen);
}

/* A 64-bit key of byte strings (the content hash's first half, without going through hex): the
 * quotation groups' ids, which are stored. */
static uint64_t hash_parts(const sw_str *parts, size_t n)
{
    return sw_nk_content_hash64(parts, n);
}

/* The alias cache's key of a pair. */
static uint64_t alias_key(sqlite3_int64 ent, const char *name, size_t len)
{
    return sw_hash_num_bytes64((uint64_t)ent, name, len);
}

/* Is the pair (its alias_key h) in the cache? If not, it is added and 0 returned. */
static int alias_cached(sw_store *s, uint64_t h)
{
    sw_map *seen = &s->alias_seen;
    if (sw_map_len(seen) >= ALIAS_SEEN_KEYS && !sw_map_get(seen, h)) sw_map_clear(seen);
    int added = 0;
    sw_map_put(seen, h, &added);
    return !added;
}

/* The generation of a surname key (0 when never bumped). */
static uint64_t skey_generation(sw_store *s, uint64_t skey_hash)
{
    const uint64_t *g = sw_map_get(&s->skey_gen, skey_hash);
    return g ? *g : 0;
}

/* The hash of a surname key, never 0 (0 stands for "no surname" in the entity cache). */
static uint64_t skey_hash(const char *skey)
{
    uint64_t h = sw_hash_bytes64(skey, strlen(skey));
    return h ? h : 1;
}

static void skey_bump(sw_store *s, const char *skey)
{
    uint64_t h = skey_hash(skey);
    uint64_t next = skey_generation(s, h) + 1;
    uint64_t *g = cache_put(&s->skey_gen, SKEY_GEN_KEYS, h);
    if (g) *g = next;
    /* entries cached under generation 0 must not survive a clear of skey_gen: the entity cache
     * is cleared together with it (cache_put clears only the table it fills), so clear both */
    if (sw_map_len(&s->skey_gen) == 1) sw_map_clear(&s->ent_cache);
}

/* ---- the batch's reference counts ----------------------------------------------------------- */

/* Makes room in the map for `extra` more entities (so that refs_add cannot fail); SQLITE_NOMEM
 * when it cannot grow. */
static int refs_reserve(sw_store *s, size_t extra)
{
    return sw_map_reserve(&s->refs, extra, 0) ? SQLITE_OK : SQLITE_NOMEM;
}

/* Adds n to the batch's count of articles referring to entity id (room reserved before). */
static void refs_add(sw_store *s, sqlite3_int64 id, int32_t n)
{
    int32_t *count = sw_map_put(&s->refs, (uint64_t)id, NULL);
    if (count) *count += n; /* never NULL after refs_reserve */
}

static void refs_clear(sw_store *s)
{
    sw_map_clear(&s->refs);
}

static int cmp_id(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

static int step_done(sqlite3_stmt *st);

/* Writes the batch's reference counts to entities.refs, in id order (neighbouring rows share
 * pages), and empties the map. On failure the counts not yet written stay in the map. */
static int refs_flush(sw_store *s)
{
    if (!sw_map_len(&s->refs)) return SQLITE_OK;
    size_t n = 0, it = 0;
    sqlite3_int64 *pairs = sw_mem_alloc(s->alloc, sw_map_len(&s->refs) * 2 * sizeof *pairs);
    if (!pairs) return SQLITE_NOMEM;
    uint64_t id;
    const int32_t *count;
    while ((count = sw_map_next(&s->refs, &it, &id))) {
        pairs[2 * n] = (sqlite3_int64)id;
        pairs[2 * n + 1] = *count;
        n++;
    }
    qsort(pairs, n, 2 * sizeof *pairs, cmp_id);
    refs_clear(s);
    int rc = SQLITE_OK;
    size_t i = 0;
    for (; i < n; i++) {
        sqlite3_stmt *st = sw_store_stmt(s, Q_ENT_ADD_REFS, &rc);
        if (!st) break;
        sqlite3_bind_int64(st, 1, pairs[2 * i]);
        sqlite3_bind_int64(st, 2, pairs[2 * i + 1]);
        if ((rc = step_done(st)) != SQLITE_OK) break;
    }
    /* what was not written goes back into the map (it only shrank, so this cannot fail) */
    for (; i < n; i++) refs_add(s, pairs[2 * i], (int32_t)pairs[2 * i + 1]);
    sw_mem_free(s->alloc, pairs);
    return rc;
}

/* ---- the batch's quotation groups ----------------------------------------------------------- */

/* A group of the batch, the value of its id in s->grp. */
struct sw_grp {
    sqlite3_int64 n;             /* statements of the batch in the group */
    sqlite3_int64 n_articles;    /* articles of the batch carrying it */
    sqlite3_int64 last_article;  /* the last article counted */
    sqlite3_int64 first_article; /* the earliest of the batch's articles carrying it */
    size_t ext_off, skey_off;    /* strings in grp_pool: that article's id, the speaker key */
    char date[11];               /* that article's date, "" when it has none */
    char hex[17];                /* the normalised text's hash */
};

/* One statement's group, as write_article finds it. */
typedef struct grp_ev {
    sqlite3_int64 id;
    sqlite3_int64 stmt;          /* the statement's row id */
    char hex[17];
    char skey[300];
} grp_ev;

/* Makes room for `extra` more groups and `bytes` more pool bytes, so that groups_apply cannot
 * fail; SQLITE_NOMEM when the map or pool cannot grow. */
static int groups_reserve(sw_store *s, size_t extra, size_t bytes)
{
    if (s->pool_len + bytes > s->pool_cap) {
        size_t cap = s->pool_cap ? s->pool_cap : 65536;
        while (s->pool_len + bytes > cap) cap *= 2;
        char *p = sw_mem_alloc(s->alloc, cap);
        if (!p) return SQLITE_NOMEM;
        if (s->pool_len) memcpy(p, s->grp_pool, s->pool_len);
        sw_mem_free(s->alloc, s->grp_pool);
        s->grp_pool = p;
        s->pool_cap = cap;
    }
    return sw_map_reserve(&s->grp, extra, 0) ? SQLITE_OK : SQLITE_NOMEM;
}

static void groups_clear(sw_store *s)
{
    sw_map_clear(&s->grp);
    s->pool_len = 0;
}

/* Is (date, ext) earlier than the group's first? By date, then by id; undated articles come
 * after dated ones (as EARLIER in SQL). */
static int grp_earlier(const sw_store *s, const struct sw_grp *g, const char *date, const char *ext)
{
    const char *gext = s->grp_pool + g->ext_off;
    if (date[0]) {
        if (!g->date[0]) return 1;
        int c = strcmp(date, g->date);
        return c < 0 || (c == 0 && strcmp(ext, gext) < 0);
    }
    return !g->date[0] && strcmp(ext, gext) < 0;
}

/* Counts one article's statements in the batch's groups (room reserved by groups_reserve). */
static void groups_apply(sw_store *s, const grp_ev *ev, size_t n, sqlite3_int64 article,
                         const char *date, const char *ext, size_t ext_len)
{
    if (!n) return;
    size_t ext_off = s->pool_len;
    memcpy(s->grp_pool + s->pool_len, ext, ext_len);
    s->grp_pool[s->pool_len + ext_len] = 0;
    s->pool_len += ext_len + 1;
    const char *ext_c = s->grp_pool + ext_off;
    for (size_t i = 0; i < n; i++) {
        int added = 0;
        struct sw_grp *g = sw_map_put(&s->grp, (uint64_t)ev[i].id, &added);
        if (!g) continue; /* cannot happen after groups_reserve */
        if (added) { /* zeroed */
            size_t kl = strlen(ev[i].skey);
            g->skey_off = s->pool_len;
            memcpy(s->grp_pool + s->pool_len, ev[i].skey, kl + 1);
            s->pool_len += kl + 1;
            memcpy(g->hex, ev[i].hex, sizeof g->hex);
            g->first_article = article;
            g->ext_off = ext_off;
            snprintf(g->date, sizeof g->date, "%s", date);
        } else if (grp_earlier(s, g, date, ext_c)) {
            g->first_article = article;
            g->ext_off = ext_off;
            snprintf(g->date, sizeof g->date, "%s", date);
        }
        g->n++;
        if (g->last_article != article) {
            g->n_articles++;
            g->last_article = article;
        }
    }
}

/* A group of the batch as groups_flush sorts them. */
typedef struct grp_ref {
    sqlite3_int64 id;
    const struct sw_grp *g;
} grp_ref;

static int cmp_grp(const void *a, const void *b)
{
    sqlite3_int64 x = ((const grp_ref *)a)->id, y = ((const grp_ref *)b)->id;
    return x < y ? -1 : x > y;
}

static int step_done(sqlite3_stmt *st);

/* Writes the batch's groups (one upsert each, in id order) and empties the map. On failure the
 * groups not yet written stay in the map. */
static int groups_flush(sw_store *s)
{
    size_t n = sw_map_len(&s->grp), it = 0, k = 0;
    if (!n) return SQLITE_OK;
    grp_ref *order = sw_mem_alloc(s->alloc, n * sizeof *order);
    if (!order) return SQLITE_NOMEM;
    uint64_t id;
    const struct sw_grp *g;
    while ((g = sw_map_next(&s->grp, &it, &id))) order[k++] = (grp_ref){(sqlite3_int64)id, g};
    qsort(order, n, sizeof *order, cmp_grp);
    int rc = SQLITE_OK;
    size_t i = 0;
    for (; i < n; i++) {
        g = order[i].g;
        sqlite3_stmt *st = sw_store_stmt(s, Q_GROUP_UPSERT, &rc);
        if (!st) break;
        sqlite3_bind_text(st, 1, s->grp_pool + g->skey_off, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, g->hex, 16, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, g->first_article);
        if (g->date[0]) sqlite3_bind_text(st, 4, g->date, -1, SQLITE_STATIC);
        else sqlite3_bind_null(st, 4);
        sqlite3_bind_text(st, 5, s->grp_pool + g->ext_off, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, order[i].id);
        sqlite3_bind_int64(st, 7, g->n);
        sqlite3_bind_int64(st, 8, g->n_articles);
        if ((rc = step_done(st)) != SQLITE_OK) break;
    }
    if (i == n) {
        groups_clear(s);
    } else {
        /* the groups written leave the map; the others stay (the pool keeps their strings) */
        for (size_t w = 0; w < i; w++) sw_map_del(&s->grp, (uint64_t)order[w].id);
    }
    sw_mem_free(s->alloc, order);
    return rc;
}

/* ---- the batch's group_statements rows ------------------------------------------------------ */

/* Makes room for `extra` more (group, statement) pairs; SQLITE_NOMEM when it cannot. */
static int gstmt_reserve(sw_store *s, size_t extra)
{
    if (s->gs_len + extra <= s->gs_cap) return SQLITE_OK;
    size_t cap = s->gs_cap ? s->gs_cap : 8192;
    while (s->gs_len + extra > cap) cap *= 2;
    sqlite3_int64 *p = sw_mem_realloc(s->alloc, s->gs_pairs, cap * 2 * sizeof *p);
    if (!p) return SQLITE_NOMEM;
    s->gs_pairs = p;
    s->gs_cap = cap;
    return SQLITE_OK;
}

static int cmp_pair(const void *a, const void *b)
{
    const sqlite3_int64 *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Sorts the n (group, statement) pairs by group, then statement. They arrive in statement order
 * (ids are given in increasing order), so a stable sort by group is enough: a radix sort of the
 * group ids, 11 bits a pass (the ids are positive 63-bit hashes), a tenth of qsort's work for a
 * batch's tens of thousands of pairs. Without memory for the second buffer, qsort. */
static void sort_pairs(sw_store *s, sqlite3_int64 *pairs, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (pairs[2 * i + 1] < pairs[2 * i - 1]) { /* not in statement order: sort both keys */
            qsort(pairs, n, 2 * sizeof *pairs, cmp_pair);
            return;
        }
    sqlite3_int64 *tmp = sw_mem_alloc(s->alloc, n * 2 * sizeof *tmp);
    if (!tmp) {
        qsort(pairs, n, 2 * sizeof *pairs, cmp_pair);
        return;
    }
    sqlite3_int64 *from = pairs, *to = tmp;
    for (int shift = 0; shift < 66; shift += 11) {
        size_t count[2048] = {0};
        for (size_t i = 0; i < n; i++) count[((uint64_t)from[2 * i] >> shift) & 2047]++;
        size_t at = 0;
        for (size_t d = 0; d < 2048; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) {
            size_t d = count[((uint64_t)from[2 * i] >> shift) & 2047]++;
            to[2 * d] = from[2 * i];
            to[2 * d + 1] = from[2 * i + 1];
        }
        sqlite3_int64 *t = from;
        from = to;
        to = t;
    }
    /* six passes: the sorted pairs are back in `pairs` */
    sw_mem_free(s->alloc, tmp);
}

/* Writes the batch's (group, statement) pairs in key order, 32 to a statement: one pass over
 * the table's pages per batch, where an index kept by SQLite would have inserted each row at a
 * random place as its statement was stored. On failure the pairs not yet written are kept. */
static int gstmt_flush(sw_store *s)
{
    if (!s->gs_len) return SQLITE_OK;
    sort_pairs(s, s->gs_pairs, s->gs_len);
    int rc = SQLITE_OK;
    size_t i = 0;
    while (i < s->gs_len) {
        size_t k = s->gs_len - i >= 32 ? 32 : 1;
        sqlite3_stmt *st = sw_store_stmt(s, k == 32 ? Q_GSTMT_ROWS32 : Q_GSTMT_INSERT, &rc);
        if (!st) break;
        for (size_t r = 0; r < k; r++) {
            sqlite3_bind_int64(st, (int)(2 * r + 1), s->gs_pairs[2 * (i + r)]);
            sqlite3_bind_int64(st, (int)(2 * r + 2), s->gs_pairs[2 * (i + r) + 1]);
        }
        if ((rc = step_done(st)) != SQLITE_OK) break;
        i += k;
    }
    if (i && i < s->gs_len)
        memmove(s->gs_pairs, s->gs_pairs + 2 * i, (s->gs_len - i) * 2 * sizeof *s->gs_pairs);
    s->gs_len -= i;
    return rc;
}

sw_status sw_store_fail(sw_error *err, sw_status code, const char *message)
{
    if (err) {
        err->code = code;
        err->message = message ? message : sw_status_message(code);
        err->offset = 0;
    }
    return code;
}

sw_status sw_store_db_fail(sw_error *err, int rc)
{
    const char *msg;
    switch (rc & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED:
        msg = "the database is locked by another process"; break;
    case SQLITE_FULL: msg = "the disk is full"; break;
    case SQLITE_READONLY: msg = "the database is read-only"; break;
    case SQLITE_CANTOPEN: msg = "cannot open the database file"; break;
    case SQLITE_NOTADB: msg = "the file is not a saywho database"; break;
    case SQLITE_CORRUPT: msg = "the database file is corrupt"; break;
    case SQLITE_IOERR: msg = "an I/O error occurred on the database file"; break;
    case SQLITE_NOMEM: return sw_store_fail(err, SW_ERR_NOMEM, NULL);
    case SQLITE_PERM: case SQLITE_AUTH: msg = "permission denied on the database file"; break;
    default: msg = "the database refused the operation"; break;
    }
    return sw_store_fail(err, SW_ERR_DB, msg);
}

sqlite3_stmt *sw_store_stmt(sw_store *store, int which, int *rc)
{
    return sw_store_stmt_sql(store, which, sql_text[which], rc);
}

sqlite3_stmt *sw_store_stmt_sql(sw_store *store, int which, const char *sql, int *rc)
{
    sqlite3_stmt *st = store->q[which];
    if (!st) {
        if (!sql) {
            *rc = SQLITE_MISUSE;
            return NULL;
        }
        *rc = sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &store->q[which], NULL);
        if (*rc != SQLITE_OK) return NULL;
        return store->q[which];
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    *rc = SQLITE_OK;
    return st;
}

sw_status sw_store_open(const char *path, const sw_allocator *alloc, sw_store **out, sw_error *err)
{
    if (out) *out = NULL;
    if (!path || !out) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    sw_store *s = sw_mem_alloc(alloc, sizeof *s);
    if (!s) return sw_store_fail(err, SW_ERR_NOMEM, NULL);
    memset(s, 0, sizeof *s);
    if (alloc) {
        s->alloc_copy = *alloc;
        s->alloc = &s->alloc_copy;
    } else {
        s->alloc = &sw_default_allocator;
    }
    /* the maps, empty (no memory yet: the caches get theirs below) */
    sw_map_init(&s->alias_seen, s->alloc, SW_MAP_NUM, 0, 0);
    sw_map_init(&s->ent_cache, s->alloc, SW_MAP_NUM, sizeof(ent_cached), 0);
    sw_map_init(&s->skey_gen, s->alloc, SW_MAP_NUM, sizeof(uint64_t), 0);
    sw_map_init(&s->refs, s->alloc, SW_MAP_NUM, sizeof(int32_t), 0);
    sw_map_init(&s->grp, s->alloc, SW_MAP_NUM, sizeof(struct sw_grp), 0);
    sw_pend_init(s);
    /* NOMUTEX: a handle is used by one thread at a time (saywho.h), so SQLite need not lock the
     * connection around every call */
    int rc = sqlite3_open_v2(path, &s->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) goto failed;
    sqlite3_extended_result_codes(s->db, 0);
    sqlite3_busy_timeout(s->db, 5000);
    int too_new = 0;
    rc = sw_store_migrate(s->db, &too_new);
    if (too_new) {
        sw_store_close(s);
        return sw_store_fail(err, SW_ERR_DB,
                             "the database was made by a newer saywho (schema version too new)");
    }
    if (rc != SQLITE_OK) goto failed;
    s->has_tfrank = sw_store_register_rank(s->db);
    if (!sw_map_reserve(&s->alias_seen, ALIAS_SEEN_KEYS, 0) || !sw_map_reserve(&s->ent_cache, ENT_CACHE_KEYS, 0) ||
        !sw_map_reserve(&s->skey_gen, SKEY_GEN_KEYS, 0)) {
        sw_store_close(s);
        return sw_store_fail(err, SW_ERR_NOMEM, NULL);
    }
    /* 64 MB page cache: the FTS index and the statement indexes stay hot during an ingest */
    sqlite3_exec(s->db, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", NULL, NULL, NULL);
    *out = s;
    return SW_OK;
failed:;
    sw_status st = sw_store_db_fail(err, rc);
    sw_store_close(s);
    return st;
}

void sw_store_close(sw_store *store)
{
    if (!store) return;
    if (store->in_batch) sw_store_rollback(store);
    sw_pend_free(store);
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(store->q[i]);
    sw_map_free(&store->alias_seen);
    sw_map_free(&store->ent_cache);
    sw_map_free(&store->skey_gen);
    sw_map_free(&store->refs);
    sw_map_free(&store->grp);
    sw_mem_free(store->alloc, store->grp_pool);
    sw_mem_free(store->alloc, store->gs_pairs);
    sw_mem_free(store->alloc, store->span_text);
    sw_mem_free(store->alloc, store->mrows);
    sw_mem_free(store->alloc, store->memo_parts);
    if (store->db) sqlite3_close(store->db);
    sw_mem_free(store->alloc, store);
}

/* The largest statement id ever given: everything up to it is in the FTS index when no batch is
 * open. */
static int statement_watermark(sqlite3 *db, sqlite3_int64 *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT seq FROM sqlite_sequence WHERE name='statements'", -1,
                                &st, NULL);
    if (rc != SQLITE_OK) return rc;
    *out = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The row id SQLite would give the next article: max(id) + 1. */
static int next_article_id(sqlite3 *db, sqlite3_int64 *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) + 1 FROM articles", -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

sw_status sw_store_begin(sw_store *store, sw_error *err)
{
    if (!store) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    if (store->in_batch) return sw_store_fail(err, SW_ERR_INVALID_ARG, "a batch is already open");
    int rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return sw_store_db_fail(err, rc);
    if ((rc = statement_watermark(store->db, &store->fts_from)) != SQLITE_OK ||
        (rc = next_article_id(store->db, &store->next_article)) != SQLITE_OK) {
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        return sw_store_db_fail(err, rc);
    }
    /* statement ids come from the AUTOINCREMENT sequence, which the rows written advance */
    store->next_statement = store->fts_from + 1;
    store->in_batch = 1;
    store->batch_no++;
    store->memo_valid = 0;
    return SW_OK;
}

sw_status sw_store_commit(sw_store *store, sw_error *err)
{
    if (!store) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    if (!store->in_batch) return SW_OK;
    /* the rows still held, the batch's reference counts and quotation groups, its statements
     * indexed in one go, then commit: all or nothing */
    int rc = sw_pend_flush(store, 0);
    if (rc == SQLITE_OK) rc = refs_flush(store);
    if (rc == SQLITE_OK) rc = groups_flush(store);
    if (rc == SQLITE_OK) rc = gstmt_flush(store);
    sqlite3_stmt *st = rc == SQLITE_OK ? sw_store_stmt(store, Q_FTS_INDEX, &rc) : NULL;
    if (st) {
        sqlite3_bind_int64(st, 1, store->fts_from);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE) rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        sw_store_rollback(store);
        return sw_store_db_fail(err, rc);
    }
    store->in_batch = 0;
    return SW_OK;
}

void sw_store_rollback(sw_store *store)
{
    if (!store || !store->in_batch) return;
    for (int i = 0; i < Q_COUNT; i++)
        if (store->q[i]) sqlite3_reset(store->q[i]);
    if (!sqlite3_get_autocommit(store->db)) sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    store->in_batch = 0;
    sw_pend_clear(store);
    refs_clear(store);
    groups_clear(store);
    store->gs_len = 0;
    sw_store_forget_cache(store);
}

/* ---- article identity --------------------------------------------------------------------- */

typedef struct art_ident {
    char hash[33];
    const char *ext;   /* the id, or the hash when the article has none */
    size_t ext_len;
} art_ident;

/* Whether the five hashed parts of `a` are the bytes of the last article looked up. */
static int memo_same_parts(const sw_store *s, const sw_str parts[5])
{
    if (!s->memo_parts_valid) return 0;
    size_t off = 0;
    for (int i = 0; i < 5; i++) {
        size_t len = parts[i].ptr ? parts[i].len : SIZE_MAX;
        if (len != s->memo_part_len[i]) return 0;
        if (len == SIZE_MAX) continue;
        if (len && memcmp(s->memo_parts + off, parts[i].ptr, len) != 0) return 0;
        off += len;
    }
    return 1;
}

/* Keeps a copy of the five hashed parts (memo_parts); without room for them, none is kept. */
static void memo_keep_parts(sw_store *s, const sw_str parts[5])
{
    s->memo_parts_valid = 0;
    size_t total = 0;
    for (int i = 0; i < 5; i++) total += parts[i].ptr ? parts[i].len : 0;
    if (!sw_store_grow(s->alloc, (void **)&s->memo_parts, &s->memo_parts_cap, total, 1, 16384)) return;
    size_t off = 0;
    for (int i = 0; i < 5; i++) {
        s->memo_part_len[i] = parts[i].ptr ? parts[i].len : SIZE_MAX;
        if (!parts[i].ptr || !parts[i].len) continue;
        memcpy(s->memo_parts + off, parts[i].ptr, parts[i].len);
        off += parts[i].len;
    }
    s->memo_parts_valid = 1;
}

/* The article's identity: its content hash (taken from the last lookup when `reuse` and the
 * bytes are the same, else computed) and its id. */
static void identify(const sw_store *s, const sw_article *a, art_ident *id, int reuse)
{
    sw_str parts[5] = {a->text, a->title, a->url, a->date, a->source};
    if (reuse && s->memo_valid && memo_same_parts(s, parts))
        memcpy(id->hash, s->memo_hash, 33);
    else
        sw_nk_content_hash(parts, 5, id->hash);
    if (a->id.ptr && a->id.len) {
        id->ext = a->id.ptr;
        id->ext_len = a->id.len;
    } else {
        id->ext = id->hash;
        id->ext_len = 32;
    }
}

/* Looks the article up, among the rows held (pending.c) and in the database: *outcome says what
 * adding it would do; *old_rowid is the row of the same id (0 if none). The same id is looked for
 * before the same content, as adding decides. */
static int lookup(sw_store *s, const art_ident *id, sw_store_outcome *outcome, sqlite3_int64 *old_rowid)
{
    int rc;
    *old_rowid = 0;
    if (sw_pend_find_ext(s, id->ext, id->ext_len, id->hash, outcome, old_rowid)) return SQLITE_OK;
    sqlite3_stmt *st = sw_store_stmt(s, Q_ART_BY_ID, &rc);
    if (!st) return rc;
    sqlite3_bind_text(st, 1, id->ext, (int)id->ext_len, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *old_rowid = sqlite3_column_int64(st, 0);
        const char *h = (const char *)sqlite3_column_text(st, 1);
        *outcome = h && strcmp(h, id->hash) == 0 ? SW_STORE_UNCHANGED : SW_STORE_REPLACED;
        sqlite3_reset(st);
        return SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return rc;
    if (sw_pend_find_hash(s, id->hash)) {
        *outcome = SW_STORE_DUPLICATE;
        return SQLITE_OK;
    }
    st = sw_store_stmt(s, Q_ART_BY_HASH, &rc);
    if (!st) return rc;
    sqlite3_bind_text(st, 1, id->hash, 32, SQLITE_STATIC);
    rc = sqlite3_step(st);
    *outcome = rc == SQLITE_ROW ? SW_STORE_DUPLICATE : SW_STORE_ADDED;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

sw_status sw_store_lookup(sw_store *store, const sw_article *article, sw_store_outcome *outcome,
                          sw_error *err)
{
    if (!store || !article || !outcome) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    art_ident id;
    identify(store, article, &id, 0);
    sqlite3_int64 old;
    int rc = lookup(store, &id, outcome, &old);
    if (rc != SQLITE_OK) return sw_store_db_fail(err, rc);
    store->memo_valid = 0;
    if (store->in_batch && id.ext_len < sizeof store->memo_ext) {
        sw_str parts[5] = {article->text, article->title, article->url, article->date, article->source};
        memo_keep_parts(store, parts);
        store->memo_valid = 1;
        store->memo_batch = store->batch_no;
        store->memo_outcome = (int)*outcome;
        store->memo_old = old;
        memcpy(store->memo_hash, id.hash, 33);
        memcpy(store->memo_ext, id.ext, id.ext_len);
        store->memo_ext_len = id.ext_len;
    }
    return SW_OK;
}

/* The outcome remembered by sw_store_lookup() for this article, if still valid. */
static int memo_lookup(sw_store *s, const art_ident *id, sw_store_outcome *oc, sqlite3_int64 *old)
{
    int ok = s->memo_valid && s->in_batch && s->memo_batch == s->batch_no &&
             memcmp(s->memo_hash, id->hash, 33) == 0 && s->memo_ext_len == id->ext_len &&
             memcmp(s->memo_ext, id->ext, id->ext_len) == 0;
    s->memo_valid = 0;
    if (!ok) return 0;
    *oc = (sw_store_outcome)s->memo_outcome;
    *old = s->memo_old;
    return 1;
}

/* ---- small helpers ------------------------------------------------------------------------ */

/* The date as YYYY-MM-DD, YYYY-MM or YYYY, read with the document's language pack (every pack
 * when the document has none); its length, 0 when it cannot be read (dates.c). */
static size_t norm_date(sw_str d, const sw_doc *doc, char out[11])
{
    size_t n = 0;
    if (!d.ptr || sw_date_read(doc->pack, d.ptr, d.len, out, &n) != SW_DATE_READ) return 0;
    return n;
}

/* The host of a URL without "www.", as a span of the URL. */
static sw_str url_host(sw_str url)
{
    sw_str none = {NULL, 0};
    if (!url.ptr) return none;
    const char *p = url.ptr, *end = url.ptr + url.len;
    const char *s = NULL;
    for (const char *q = p; q + 2 < end; q++)
        if (q[0] == ':' && q[1] == '/' && q[2] == '/') { s = q + 3; break; }
    if (!s) return none;
    const char *e = s;
    while (e < end && *e != '/' && *e != ':' && *e != '?' && *e != '#') e++;
    if (e - s > 4 && memcmp(s, "www.", 4) == 0) s += 4;
    if (e == s) return none;
    return (sw_str){s, (size_t)(e - s)};
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Writes v in decimal at p (no NUL); returns the number of digits. */
static size_t put_uint(char *p, size_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) p[i] = tmp[n - 1 - i];
    return n;
}

static int count_words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\t';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

/* ---- removing an article's rows (a changed article) ---------------------------------------- */

static int exec_int(sqlite3 *db, const char *sql, sqlite3_int64 v, sqlite3_int64 v2)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_int64(st, 1, v);
    if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_int64(st, 2, v2);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Deletes an article with its statements and mentions, recomputes the quotation groups it was
 * part of and drops the entities nobody refers to any more (entities.refs down to 0; the batch's
 * pending counts must have been written, refs_flush). Rare (changed articles), so plain
 * prepared-on-the-spot SQL with temporary tables. */
/* The statements of article ?1: its n_statements consecutive ids from first_statement (the store
 * keeps no index of statements by article; pending.c gives an article's statements consecutive
 * ids, as one add always did). */
#define ARTICLE_STATEMENTS                                                                       \
    " id BETWEEN (SELECT first_statement FROM articles WHERE id=?1)"                             \
    " AND (SELECT first_statement + n_statements - 1 FROM articles WHERE id=?1) "

static int remove_article(sw_store *s, sqlite3_int64 art)
{
    sqlite3 *db = s->db;
    int rc;
    static const char *const steps[] = {
        "CREATE TEMP TABLE IF NOT EXISTS sw_touched_groups(id INTEGER PRIMARY KEY, c INTEGER)",
        "CREATE TEMP TABLE IF NOT EXISTS sw_touched_entities(id INTEGER PRIMARY KEY)",
        "DELETE FROM sw_touched_groups",
        "DELETE FROM sw_touched_entities",
        /* the article's groups, with how many of its statements each has */
        "INSERT INTO sw_touched_groups SELECT qgroup, count(*) FROM statements WHERE" ARTICLE_STATEMENTS
        "AND qgroup IS NOT NULL GROUP BY qgroup",
        "INSERT OR IGNORE INTO sw_touched_entities SELECT entity FROM mentions WHERE article=?1",
        "INSERT OR IGNORE INTO sw_touched_entities SELECT speaker FROM statements WHERE" ARTICLE_STATEMENTS
        "AND speaker IS NOT NULL",
        /* the article no longer refers to them (the batch's own counts were written first) */
        "UPDATE entities SET refs = refs - 1 WHERE id IN (SELECT id FROM sw_touched_entities)",
        /* only statements of earlier batches are in the index (those of this batch get indexed
         * at commit, if they are still there) */
        "INSERT INTO statements_fts(statements_fts, rowid, text) SELECT 'delete', id, text "
        "FROM statements WHERE" ARTICLE_STATEMENTS "AND id <= ?2",
        "DELETE FROM group_statements WHERE qgroup IN (SELECT id FROM sw_touched_groups) AND"
        " statement IN (SELECT id FROM statements WHERE" ARTICLE_STATEMENTS ")",
        "DELETE FROM statements WHERE" ARTICLE_STATEMENTS,
        "DELETE FROM article_mentions WHERE article=?1",
        "DELETE FROM articles WHERE id=?1",
        "UPDATE qgroups SET n = n - (SELECT c FROM sw_touched_groups t WHERE t.id=qgroups.id),"
        " n_articles = n_articles - 1 WHERE id IN (SELECT id FROM sw_touched_groups)",
        "DELETE FROM qgroups WHERE n<=0 AND id IN (SELECT id FROM sw_touched_groups)",
        /* a group whose first report this was: the next one, among the group's statements */
        "UPDATE qgroups SET (first_article, first_date, first_ext) = (SELECT a.id, a.date, a.ext_id "
        "FROM group_statements gs JOIN statements st ON st.id=gs.statement "
        "JOIN articles a ON a.id=st.article WHERE gs.qgroup=qgroups.id "
        "ORDER BY a.date IS NULL, a.date, a.ext_id LIMIT 1) "
        "WHERE id IN (SELECT id FROM sw_touched_groups) AND first_article=?1",
        "DELETE FROM sw_touched_entities WHERE (SELECT refs FROM entities WHERE id="
        "sw_touched_entities.id) > 0",
        "DELETE FROM aliases WHERE entity IN (SELECT id FROM sw_touched_entities)",
        "DELETE FROM entities WHERE id IN (SELECT id FROM sw_touched_entities)",
    };
    sw_store_forget_cache(s);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if ((rc = exec_int(db, steps[i], art, s->fts_from)) != SQLITE_OK) return rc;
    return SQLITE_OK;
}

/* ---- entities ----------------------------------------------------------------------------- */

static int savepoint(sw_store *s, int which);

/* Opens the savepoint of the add under way before its first write to the database (an entity
 * row, or the removal of a replaced article), once: an add that writes nothing there (its own
 * rows are held by pending.c) needs none. */
static int add_savepoint_open(sw_store *s)
{
    if (s->add_savepoint) return SQLITE_OK;
    int rc = savepoint(s, Q_SAVEPOINT);
    if (rc == SQLITE_OK) s->add_savepoint = 1;
    return rc;
}

/* Inserts a new entity; *id receives its row id. */
static int insert_entity(sw_store *s, int type, const char *key, const char *skey, const char *given,
                         char initial, const char *name, int gender, sqlite3_int64 *id)
{
    int rc = add_savepoint_open(s);
    if (rc != SQLITE_OK) return rc;
    sqlite3_stmt *st = sw_store_stmt(s, Q_ENT_INSERT, &rc);
    if (!st) return rc;
    char ini[2] = {initial, 0};
    sqlite3_bind_int(st, 1, type);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, skey, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, given, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, ini, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, gender);
    if ((rc = step_done(st)) != SQLITE_OK) return rc;
    *id = sqlite3_last_insert_rowid(s->db);
    return SQLITE_OK;
}

/* Updates the display name (when the new form has more words) and the gender (when unknown). */
static int improve_entity(sw_store *s, sqlite3_int64 id, const char *old_name, int old_gender,
                          const char *name, int gender)
{
    int better = count_words(name) > count_words(old_name);
    if (!better && (old_gender || !gender)) return SQLITE_OK;
    int rc = add_savepoint_open(s);
    if (rc != SQLITE_OK) return rc;
    sqlite3_stmt *st = sw_store_stmt(s, Q_ENT_SET_NAME, &rc);
    if (!st) return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, better ? name : old_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, old_gender ? old_gender : gender);
    return step_done(st);
}

typedef struct cand {
    sqlite3_int64 id;
    char given[NK_MAX];
    char initial;
    char name[256];
    int gender;
} cand;

#define MAX_CANDS 32

/* Finds or creates the entity of a person's name:
 *  - a full given name joins the entity with the same surname key and given-name skeleton; when
 *    no entity with that surname has a full given name yet, it completes the one known only by
 *    surname or by a matching initial; otherwise (a different given name) it is a new person;
 *  - an initial joins the only full name with that initial, else the entity of that initial;
 *  - a bare surname joins the only person with that surname who has a given name (or, failing
 *    that, the only one known by an initial); when there are several it stays on its own. */
static int resolve_person(sw_store *s, const char *name, int gender, sqlite3_int64 *id,
                          uint64_t *skh)
{
    sw_nk_person p;
    size_t nl = strlen(name);
    if (!sw_nk_parse_person(name, nl, &p)) {
        /* no usable word (punctuation only): key on the raw folded text */
        sw_nk_fold(name, nl, p.skey, sizeof p.skey);
        p.given[0] = 0;
        p.initial = 0;
    }
    char key[NK_MAX * 2 + 4];
    snprintf(key, sizeof key, "p:%s|%s", p.skey, p.given);
    *skh = skey_hash(p.skey);
    int rc;
    sqlite3_stmt *st = sw_store_stmt(s, Q_ENT_CANDIDATES, &rc);
    if (!st) return rc;
    sqlite3_bind_int(st, 1, SW_ENT_PERSON);
    sqlite3_bind_text(st, 2, p.skey, -1, SQLITE_STATIC);
    cand cands[MAX_CANDS];
    int nc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && nc < MAX_CANDS) {
        cand *c = &cands[nc++];
        c->id = sqlite3_column_int64(st, 0);
        snprintf(c->given, sizeof c->given, "%s", (const char *)sqlite3_column_text(st, 1));
        const char *ini = (const char *)sqlite3_column_text(st, 2);
        c->initial = ini ? ini[0] : 0;
        snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(st, 3));
        c->gender = sqlite3_column_int(st, 4);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;

    int n_full = 0, n_initial = 0, i_full = -1, i_initial = -1, i_bare = -1, i_exact = -1;
    for (int i = 0; i < nc; i++) {
        size_t gl = strlen(cands[i].given);
        if (strcmp(cands[i].given, p.given) == 0) i_exact = i;
        if (!gl) i_bare = i;
        else if (gl == 2 && cands[i].given[1] == '.') { n_initial++; i_initial = i; }
        else { n_full++; i_full = i; }
    }
    int is_init = p.given[0] && p.given[1] == '.' && !p.given[2];
    int pick = -1;
    if (p.given[0] && !is_init) {
        if (i_exact >= 0) pick = i_exact;
        else if (!n_full) {
            /* complete an entity known by surname or by a matching initial */
            int up = -1;
            for (int i = 0; i < nc && up < 0; i++)
                if (cands[i].given[1] == '.' && cands[i].initial == p.initial) up = i;
            if (up < 0) up = i_bare;
            if (up >= 0) {
                if ((rc = add_savepoint_open(s)) != SQLITE_OK) return rc;
                sqlite3_stmt *u = sw_store_stmt(s, Q_ENT_SET_GIVEN, &rc);
                if (!u) return rc;
                char ini[2] = {p.initial, 0};
                sqlite3_bind_int64(u, 1, cands[up].id);
                sqlite3_bind_text(u, 2, key, -1, SQLITE_STATIC);
                sqlite3_bind_text(u, 3, p.given, -1, SQLITE_STATIC);
                sqlite3_bind_text(u, 4, ini, -1, SQLITE_STATIC);
                sqlite3_bind_text(u, 5, name, -1, SQLITE_STATIC);
                sqlite3_bind_int(u, 6, gender);
                if ((rc = step_done(u)) != SQLITE_OK) return rc;
                *id = cands[up].id;
                skey_bump(s, p.skey);
                return SQLITE_OK;
            }
        }
    } else if (is_init) {
        int match = -1, nm = 0;
        for (int i = 0; i < nc; i++) {
            size_t gl = strlen(cands[i].given);
            if (gl && !(gl == 2 && cands[i].given[1] == '.') && cands[i].initial == p.initial) {
                match = i;
                nm++;
            }
        }
        if (nm == 1) pick = match;
        else if (i_exact >= 0) pick = i_exact;
    } else {
        if (n_full == 1) pick = i_full;
        else if (!n_full && n_initial == 1) pick = i_initial;
        else if (i_bare >= 0) pick = i_bare;
    }
    if (pick >= 0) {
        *id = cands[pick].id;
        return improve_entity(s, cands[pick].id, cands[pick].name, cands[pick].gender, name, gender);
    }
    skey_bump(s, p.skey);
    return insert_entity(s, SW_ENT_PERSON, key, p.skey, p.given, p.initial, name, gender, id);
}

/* Organisations and places: one entity per key. */
static int resolve_other(sw_store *s, int type, const char *name, int gender, sqlite3_int64 *id)
{
    char key[NK_MAX * 2 + 4];
    sw_name_key(name, strlen(name), (sw_entity_type)type, key, sizeof key);
    int rc;
    sqlite3_stmt *st = sw_store_stmt(s, Q_ENT_BY_KEY, &rc);
    if (!st) return rc;
    sqlite3_bind_int(st, 1, type);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        char old[256];
        snprintf(old, sizeof old, "%s", (const char *)sqlite3_column_text(st, 1));
        int og = sqlite3_column_int(st, 2);
        sqlite3_reset(st);
        return improve_entity(s, *id, old, og, name, gender);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return rc;
    return insert_entity(s, type, key, key, "", 0, name, gender, id);
}

/* Stores an alias of entity ent (with the rows held by pending.c) unless the cache knows it is
 * there; h is its alias_key, or 0 to compute it here. */
static int add_alias(sw_store *s, sqlite3_int64 ent, const char *name, size_t len, uint64_t h)
{
    if (alias_cached(s, h ? h : alias_key(ent, name, len))) return SQLITE_OK;
    char folded[512];
    sw_nk_fold(name, len, folded, sizeof folded);
    return sw_pend_alias(s, ent, name, len, folded);
}

/* ---- adding ------------------------------------------------------------------------------- */

/* The quotation group of a statement, recorded in *ev (counted in the batch's groups when the
 * article is stored, groups_apply); returns the group id, 0 for texts too short to group. */
static sqlite3_int64 group_statement(const sw_quote *q, sqlite3_int64 spk, grp_ev *ev)
{
    size_t norm_len = 0;
    uint64_t h = sw_nk_text_hash(q->text, q->text_len, &norm_len);
    if (norm_len < 12) return 0;
    /* the keys written by hand (this runs once per statement): the hash as 16 hex digits, the
     * speaker as "e:" + entity id, "n:" + folded group description, or "?" */
    char *hex = ev->hex, *skey = ev->skey;
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) hex[i] = digits[(h >> (60 - 4 * i)) & 15];
    hex[16] = 0;
    if (spk > 0) { /* entity ids are positive row ids */
        memcpy(skey, "e:", 2);
        skey[2 + put_uint(skey + 2, (size_t)spk)] = 0;
    } else if (q->speaker_name) {
        /* the folded name (at most 255 bytes) always fits the 300 of skey */
        memcpy(skey, "n:", 2);
        sw_nk_fold(q->speaker_name, strlen(q->speaker_name), skey + 2, 256);
    } else {
        memcpy(skey, "?", 2);
    }
    /* the group's row id is a hash of both keys: one B-tree, no secondary index to keep */
    sw_str parts[2] = {{skey, strlen(skey)}, {hex, 16}};
    sqlite3_int64 gid = (sqlite3_int64)(hash_parts(parts, 2) & 0x7FFFFFFFFFFFFFFFULL);
    if (!gid) gid = 1;
    ev->id = gid;
    return gid;
}

/* One mention row of the article being written: spans at span_text + off. */
struct sw_mrow {
    sqlite3_int64 entity, n;
    size_t off, len;
    int dup; /* the entity has a row already (two entities of the document merged) */
};

/* Makes room for `rows` mention rows and `bytes` of spans text; SQLITE_NOMEM when it cannot. */
static int mrows_reserve(sw_store *s, size_t rows, size_t bytes)
{
    if (bytes > s->span_cap) {
        size_t cap = s->span_cap ? s->span_cap : 16384;
        while (cap < bytes) cap *= 2;
        char *p = sw_mem_alloc(s->alloc, cap);
        if (!p) return SQLITE_NOMEM;
        sw_mem_free(s->alloc, s->span_text);
        s->span_text = p;
        s->span_cap = cap;
    }
    if (rows > s->mrows_cap) {
        size_t cap = s->mrows_cap ? s->mrows_cap : 64;
        while (cap < rows) cap *= 2;
        struct sw_mrow *r = sw_mem_alloc(s->alloc, cap * sizeof *r);
        if (!r) return SQLITE_NOMEM;
        sw_mem_free(s->alloc, s->mrows);
        s->mrows = r;
        s->mrows_cap = cap;
    }
    return SQLITE_OK;
}

/* Whether id is in the set of ids seen (a set with room made for all of them: adding cannot
 * fail), adding it when not. */
static int id_seen(sw_map *set, sqlite3_int64 id)
{
    int added = 0;
    sw_map_put(set, (uint64_t)id, &added);
    return !added;
}

/* Marks the mention rows whose entity has an earlier row (two entities of the document that the
 * store merged into one) and returns how many there are. Repeats are found in a set of the ids
 * (linear time); without memory for it, every pair is compared. */
static size_t mark_duplicate_rows(sw_store *s, size_t n)
{
    size_t dups = 0;
    sw_map set;
    int have_set = sw_map_init(&set, s->alloc, SW_MAP_NUM, 0, n);
    for (size_t i = 0; i < n; i++) {
        sqlite3_int64 id = s->mrows[i].entity;
        int seen = 0;
        if (have_set) seen = id_seen(&set, id);
        else
            for (size_t k = 0; k < i && !seen; k++) seen = s->mrows[k].entity == id;
        s->mrows[i].dup = seen;
        dups += (size_t)seen;
    }
    sw_map_free(&set);
    return dups;
}

/* The number of decimal digits of v. */
static size_t digits(size_t v)
{
    size_t n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* Holds the article's mentions (pending.c) as one row: a JSON array with one [entity, n, "spans"]
 * per entity, the spans of document entities merged into it appended in the document's order
 * (the spans are digits, ':' and ' ', which JSON needs not escape). No row without mentions. */
static int hold_mentions(sw_store *s, sqlite3_int64 article, size_t n, size_t n_dups)
{
    if (!n) return SQLITE_OK;
    /* the rows merged into row k follow it; without duplicates (nearly always) none are looked for */
#define EACH_MERGED(k, j) for (size_t j = n_dups ? (k) + 1 : n; j < n; j++) \
        if (s->mrows[j].dup && s->mrows[j].entity == s->mrows[k].entity)
    size_t len = 2, total = 0;
    for (size_t k = 0; k < n; k++) {
        const struct sw_mrow *r = &s->mrows[k];
        total += (size_t)r->n;
        if (r->dup) {
            len += 1 + r->len; /* " " and the spans, in the row merged into */
            continue;
        }
        size_t count = (size_t)r->n;
        EACH_MERGED(k, j) count += (size_t)s->mrows[j].n;
        /* [entity,n,"spans"] and a comma */
        len += 1 + digits((size_t)r->entity) + 1 + digits(count) + 2 + r->len + 2 + 1;
    }
    len--; /* no comma after the last */
    sw_pend_ment *m = sw_pend_new_mention(s);
    if (!m) return SQLITE_NOMEM;
    m->article = article;
    m->n = (sqlite3_int64)total;
    char *p = sw_pend_room(s, len, &m->entities);
    if (!p) return SQLITE_NOMEM;
    size_t at = 0;
    p[at++] = '[';
    for (size_t k = 0; k < n; k++) {
        const struct sw_mrow *r = &s->mrows[k];
        if (r->dup) continue;
        size_t count = (size_t)r->n;
        EACH_MERGED(k, j) count += (size_t)s->mrows[j].n;
        if (at > 1) p[at++] = ',';
        p[at++] = '[';
        at += put_uint(p + at, (size_t)r->entity);
        p[at++] = ',';
        at += put_uint(p + at, count);
        p[at++] = ',';
        p[at++] = '"';
        memcpy(p + at, s->span_text + r->off, r->len);
        at += r->len;
        EACH_MERGED(k, j) {
            p[at++] = ' ';
            memcpy(p + at, s->span_text + s->mrows[j].off, s->mrows[j].len);
            at += s->mrows[j].len;
        }
        p[at++] = '"';
        p[at++] = ']';
    }
#undef EACH_MERGED
    p[at++] = ']';
    return at == len ? SQLITE_OK : SQLITE_INTERNAL;
}

/* Holds one statement row (pending.c) with id `id`. */
static int hold_statement(sw_store *s, const sw_quote *q, sqlite3_int64 id, sqlite3_int64 article,
                          sqlite3_int64 spk, sqlite3_int64 addr, sqlite3_int64 group)
{
    sw_pend_stmt *r = sw_pend_new_statement(s);
    if (!r) return SQLITE_NOMEM;
    r->id = id;
    r->article = article;
    r->start = (sqlite3_int64)q->start;
    r->end = (sqlite3_int64)q->end;
    r->kind = (int)q->kind;
    r->section = (int)q->section;
    r->is_statement = q->is_statement;
    r->speaker = spk;
    r->resolution = (int)q->resolution;
    if (q->speaker_mention) {
        r->has_speaker_span = 1;
        r->speaker_start = (sqlite3_int64)q->speaker_mention->start;
        r->speaker_end = (sqlite3_int64)q->speaker_mention->end;
    }
    r->addressee = addr;
    /* rounded so a re-run writes bit-identical rows whatever the float path */
    r->confidence = (double)(long long)(q->confidence * 1000.0 + 0.5) / 1000.0;
    r->qgroup = group;
    int rc = sw_pend_str(s, q->text ? q->text : "", q->text ? q->text_len : 0, &r->text);
    if (rc == SQLITE_OK)
        rc = sw_pend_str(s, q->speaker_name, q->speaker_name ? strlen(q->speaker_name) : 0, &r->speaker_name);
    if (rc == SQLITE_OK && q->cue) rc = sw_pend_str(s, q->cue->text, q->cue->text_len, &r->cue);
    else if (rc == SQLITE_OK) r->cue.len = SW_PSTR_NULL;
    if (rc == SQLITE_OK && q->via) rc = sw_pend_str(s, q->via->text, q->via->text_len, &r->via);
    else if (rc == SQLITE_OK) r->via.len = SW_PSTR_NULL;
    return rc;
}

/* Holds the article's own row (pending.c). */
static int hold_article(sw_store *s, const sw_article *art, const sw_doc *doc, const art_ident *id,
                        sqlite3_int64 rowid, const char *date, size_t date_len, size_t n_stmts)
{
    sw_pend_art *a = sw_pend_new_article(s);
    if (!a) return SQLITE_NOMEM;
    a->id = rowid;
    a->first_statement = n_stmts ? s->next_statement : 0;
    memcpy(a->hash, id->hash, sizeof a->hash);
    a->bytes = (sqlite3_int64)(art->text.ptr ? art->text.len : 0);
    a->n_statements = (sqlite3_int64)n_stmts;
    /* the document's title is the clean headline for plain-text articles */
    sw_str title = art->title;
    if (!title.ptr) {
        const char *t = sw_doc_title(doc);
        if (t && *t) title = (sw_str){t, strlen(t)};
    }
    sw_str source = art->source.ptr && art->source.len ? art->source : url_host(art->url);
    int rc = sw_pend_str(s, id->ext, id->ext_len, &a->ext);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, art->url.ptr, art->url.len, &a->url);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, title.ptr, title.len, &a->title);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, date_len ? date : NULL, date_len, &a->date);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, art->date.ptr, art->date.len, &a->date_raw);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, source.ptr, source.len, &a->source);
    return rc;
}

/* What write_article leaves for sw_store_add to count once the article is stored. */
typedef struct art_out {
    sqlite3_int64 rowid;
    size_t n_statements; /* statement ids used */
    char date[11];       /* normalised, "" when none */
    grp_ev *ev;          /* room for one per quote */
    size_t n_ev;
} art_out;

/* Resolves the article's entities (writing new or improved ones to the database at once, inside
 * the add's savepoint) and holds its rows (pending.c): the article, its statements, mentions and
 * aliases. The article and its statements get the next ids; their groups go to out->ev. */
static int write_article(sw_store *s, const sw_article *art, const sw_doc *doc, const art_ident *id,
                         sqlite3_int64 *ent_map, uint64_t *scratch, art_out *out)
{
    int rc;
    char date[11];
    size_t dl = norm_date(art->date, doc, date);
    size_t nq = sw_doc_quote_count(doc), ne = sw_doc_entity_count(doc);
    sqlite3_int64 rowid = s->next_article;
    out->rowid = rowid;
    memcpy(out->date, dl ? date : "", dl ? dl + 1 : 1);

    /* entities, their mentions and aliases, in passes so that the cache probes of all the
     * entities are under way together: the entity cache keys (made and prefetched by
     * sw_store_add before its lookup, in scratch), the entities (then their names' alias keys,
     * prefetched), the rows */
    for (size_t i = 0; i < ne; i++) {
        const sw_entity *e = sw_doc_entity(doc, i);
        ent_map[i] = 0;
        if (!e->name || !*e->name) continue;
        /* the same name resolved before, with nothing changed since for its surname? */
        uint64_t ch = scratch[i];
        const ent_cached *ce = sw_map_get(&s->ent_cache, ch);
        if (ce && (!ce->aux || skey_generation(s, ce->aux) == ce->aux2)) {
            ent_map[i] = ce->value;
        } else {
            uint64_t skh = 0;
            if (e->type == SW_ENT_PERSON) rc = resolve_person(s, e->name, e->gender, &ent_map[i], &skh);
            else rc = resolve_other(s, e->type, e->name, e->gender, &ent_map[i]);
            if (rc != SQLITE_OK) return rc;
            ent_cached *put = cache_put(&s->ent_cache, ENT_CACHE_KEYS, ch);
            if (put) *put = (ent_cached){ent_map[i], skh, skh ? skey_generation(s, skh) : 0};
        }
        scratch[i] = alias_key(ent_map[i], e->name, strlen(e->name));
        sw_map_prefetch(&s->alias_seen, scratch[i]);
    }
    size_t n_mrows = 0, span_len = 0, span_need = 0;
    for (size_t i = 0; i < ne; i++) /* two 20-digit numbers, ":" and " " per mention */
        if (ent_map[i]) span_need += sw_doc_entity(doc, i)->n_mentions * 42;
    if ((rc = mrows_reserve(s, ne, span_need + 1)) != SQLITE_OK) return rc;
    for (size_t i = 0; i < ne; i++) {
        const sw_entity *e = sw_doc_entity(doc, i);
        if (!ent_map[i]) continue;
        size_t name_len = strlen(e->name);
        if ((rc = add_alias(s, ent_map[i], e->name, name_len, scratch[i])) != SQLITE_OK) return rc;
        /* the mentions, as one row per entity (two entities of the document may merge) */
        if (e->n_mentions) {
            struct sw_mrow *r = &s->mrows[n_mrows];
            char *spans = s->span_text + span_len;
            size_t sl = 0;
            for (size_t m = 0; m < e->n_mentions; m++) {
                if (m) spans[sl++] = ' ';
                sl += put_uint(spans + sl, e->mentions[m].start);
                spans[sl++] = ':';
                sl += put_uint(spans + sl, e->mentions[m].end);
            }
            r->entity = ent_map[i];
            r->n = (sqlite3_int64)e->n_mentions;
            r->off = span_len;
            r->len = sl;
            r->dup = 0;
            span_len += sl;
            n_mrows++;
        }
        /* every name-like form becomes an alias: the entity's name and a repeat of the previous
         * form are skipped here, any other form already stored by the alias cache */
        const char *prev = NULL;
        size_t prev_len = 0;
        for (size_t m = 0; m < e->n_mentions; m++) {
            const sw_mention *mt = &e->mentions[m];
            if (!mt->text) continue;
            if (mt->text_len == name_len && memcmp(mt->text, e->name, name_len) == 0) continue;
            if (prev && mt->text_len == prev_len && memcmp(mt->text, prev, prev_len) == 0) continue;
            if (!sw_nk_is_name_like(mt->text, mt->text_len)) continue;
            prev = mt->text;
            prev_len = mt->text_len;
            if ((rc = add_alias(s, ent_map[i], mt->text, mt->text_len, 0)) != SQLITE_OK) return rc;
        }
    }
    size_t n_dups = mark_duplicate_rows(s, n_mrows);
    if ((rc = hold_mentions(s, rowid, n_mrows, n_dups)) != SQLITE_OK) return rc;

    /* statements, in the document's order with consecutive ids (as AUTOINCREMENT gave them) */
    size_t n_stmts = 0;
    for (size_t i = 0; i < nq; i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (!q->is_statement) continue;
        sqlite3_int64 spk = q->speaker_entity >= 0 && (size_t)q->speaker_entity < ne ? ent_map[q->speaker_entity] : 0;
        sqlite3_int64 addr = q->addressee_entity >= 0 && (size_t)q->addressee_entity < ne
                                 ? ent_map[q->addressee_entity] : 0;
        sqlite3_int64 sid = s->next_statement + (sqlite3_int64)n_stmts++;
        sqlite3_int64 group = group_statement(q, spk, &out->ev[out->n_ev]);
        if (group) {
            /* its slot in the batch's group map (megabytes), read when the article is counted */
            sw_map_prefetch(&s->grp, (uint64_t)group);
            out->ev[out->n_ev++].stmt = sid;
        }
        if ((rc = hold_statement(s, q, sid, rowid, spk, addr, group)) != SQLITE_OK) return rc;
    }
    out->n_statements = n_stmts;
    return hold_article(s, art, doc, id, rowid, date, dl, n_stmts);
}

/* Runs one of the prepared savepoint statements. */
static int savepoint(sw_store *s, int which)
{
    int rc;
    sqlite3_stmt *st = sw_store_stmt(s, which, &rc);
    if (!st) return rc;
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

sw_status sw_store_add(sw_store *store, const sw_article *article, const sw_doc *doc,
                       sw_store_outcome *outcome, sw_error *err)
{
    if (!store || !article || !doc) return sw_store_fail(err, SW_ERR_INVALID_ARG, NULL);
    int own = !store->in_batch;
    if (own) {
        sw_status bs = sw_store_begin(store, err);
        if (bs != SW_OK) return bs;
    }
    sqlite3_int64 *ent_map = NULL, *refs = NULL;
    size_t ne = sw_doc_entity_count(doc), nq = sw_doc_quote_count(doc), n_refs = 0;
    if (ne) {
        /* ent_map, then room for the entities the article refers to (mentions and speakers),
         * which serves first as scratch for the entity cache keys: made now and their slots
         * prefetched, so that the cache (megabytes) is read in by the time the lookup's queries
         * are done */
        ent_map = sw_mem_alloc(store->alloc, (2 * ne + nq) * sizeof *ent_map);
        if (!ent_map) {
            if (own) sw_store_rollback(store);
            return sw_store_fail(err, SW_ERR_NOMEM, NULL);
        }
        refs = ent_map + ne;
        uint64_t *keys = (uint64_t *)refs;
        for (size_t i = 0; i < ne; i++) {
            const sw_entity *e = sw_doc_entity(doc, i);
            keys[i] = 0;
            if (!e->name || !*e->name) continue;
            keys[i] = sw_hash_num_bytes64((uint64_t)e->type << 8 | (uint64_t)e->gender, e->name, strlen(e->name));
            sw_map_prefetch(&store->ent_cache, keys[i]);
        }
    }
    art_ident id;
    identify(store, article, &id, 1);
    sw_store_outcome oc;
    sqlite3_int64 old;
    /* a replacement first writes the rows held and the batch's pending reference counts and
     * groups, outside the article's savepoint, so that a failed add cannot undo them while the
     * maps forget them; otherwise the rows held are written when enough have gathered */
    int rc = SQLITE_OK;
    if (!memo_lookup(store, &id, &oc, &old)) rc = lookup(store, &id, &oc, &old);
    if (rc == SQLITE_OK && oc == SW_STORE_REPLACED) rc = sw_pend_flush(store, 1);
    if (rc == SQLITE_OK && oc == SW_STORE_REPLACED) rc = refs_flush(store);
    if (rc == SQLITE_OK && oc == SW_STORE_REPLACED) rc = groups_flush(store);
    if (rc == SQLITE_OK && oc == SW_STORE_REPLACED) rc = gstmt_flush(store);
    if (rc == SQLITE_OK && oc == SW_STORE_ADDED && sw_pend_due(store)) rc = sw_pend_flush(store, 1);
    if (rc != SQLITE_OK) {
        sw_mem_free(store->alloc, ent_map);
        if (own) sw_store_rollback(store);
        return sw_store_db_fail(err, rc);
    }
    art_out out;
    memset(&out, 0, sizeof out);
    sw_pend_mark_t mark;
    sw_pend_mark(store, &mark);
    sqlite3_int64 next_article = store->next_article;
    store->add_savepoint = 0;
    if (oc == SW_STORE_UNCHANGED || oc == SW_STORE_DUPLICATE) goto ok;
    if (oc == SW_STORE_REPLACED) {
        /* nothing is held now: the next article id is the database's again */
        if ((rc = add_savepoint_open(store)) != SQLITE_OK) goto failed;
        if ((rc = remove_article(store, old)) != SQLITE_OK) goto failed;
        if ((rc = next_article_id(store->db, &store->next_article)) != SQLITE_OK) goto failed;
    }
    if (nq) {
        out.ev = sw_mem_alloc(store->alloc, nq * sizeof *out.ev);
        if (!out.ev) {
            rc = SQLITE_NOMEM;
            goto failed;
        }
    }
    /* the refs area holds the entity cache keys for write_article until it is filled below */
    if ((rc = write_article(store, article, doc, &id, ent_map, (uint64_t *)refs, &out)) != SQLITE_OK)
        goto failed;
    size_t pool_bytes = id.ext_len + 1;
    for (size_t i = 0; i < out.n_ev; i++) pool_bytes += strlen(out.ev[i].skey) + 1;
    if ((rc = groups_reserve(store, out.n_ev, pool_bytes)) != SQLITE_OK) goto failed;
    if ((rc = gstmt_reserve(store, out.n_ev)) != SQLITE_OK) goto failed;
    if (ne) {
        for (size_t i = 0; i < ne; i++)
            if (ent_map[i] && sw_doc_entity(doc, i)->n_mentions) refs[n_refs++] = ent_map[i];
        for (size_t i = 0; i < nq; i++) {
            const sw_quote *q = sw_doc_quote(doc, i);
            if (q->is_statement && q->speaker_entity >= 0 && (size_t)q->speaker_entity < ne &&
                ent_map[q->speaker_entity])
                refs[n_refs++] = ent_map[q->speaker_entity];
        }
        /* each entity once (the batch's counts are of articles); without memory for the set of
         * ids, every pair is compared */
        sw_map set;
        int have_set = sw_map_init(&set, store->alloc, SW_MAP_NUM, 0, n_refs);
        size_t u = 0;
        for (size_t i = 0; i < n_refs; i++) {
            sqlite3_int64 id = refs[i];
            int seen = 0;
            if (have_set) seen = id_seen(&set, id);
            else
                for (size_t k = 0; k < u && !seen; k++) seen = refs[k] == id;
            if (!seen) refs[u++] = id;
        }
        sw_map_free(&set);
        n_refs = u;
        if ((rc = refs_reserve(store, n_refs)) != SQLITE_OK) goto failed;
    }
    if ((rc = sw_pend_index(store)) != SQLITE_OK) goto failed;
    if (store->add_savepoint && (rc = savepoint(store, Q_RELEASE)) != SQLITE_OK) goto failed;
    store->add_savepoint = 0;
    store->next_article = out.rowid + 1;
    store->next_statement += (sqlite3_int64)out.n_statements;
ok:
    for (size_t i = 0; i < n_refs; i++) refs_add(store, refs[i], 1);
    groups_apply(store, out.ev, out.n_ev, out.rowid, out.date, id.ext, id.ext_len);
    for (size_t i = 0; i < out.n_ev; i++) {
        store->gs_pairs[2 * store->gs_len] = out.ev[i].id;
        store->gs_pairs[2 * store->gs_len + 1] = out.ev[i].stmt;
        store->gs_len++;
    }
    sw_mem_free(store->alloc, ent_map);
    sw_mem_free(store->alloc, out.ev);
    if (own) {
        sw_status cs = sw_store_commit(store, err);
        if (cs != SW_OK) return cs;
    }
    if (outcome) *outcome = oc;
    return SW_OK;
failed:
    sw_mem_free(store->alloc, ent_map);
    sw_mem_free(store->alloc, out.ev);
    for (int i = 0; i < Q_COUNT; i++)
        if (store->q[i]) sqlite3_reset(store->q[i]);
    if (store->add_savepoint) {
        savepoint(store, Q_ROLLBACK_TO);
        savepoint(store, Q_RELEASE);
        store->add_savepoint = 0;
    }
    sw_pend_undo(store, &mark);
    store->next_article = next_article;
    sw_store_forget_cache(store);
    if (own) sw_store_rollback(store);
    return sw_store_db_fail(err, rc);
}
