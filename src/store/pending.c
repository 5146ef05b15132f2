/*
 * pending.c -- the rows of a batch's articles that are not written yet.
 *
 * sw_store_add() does not write an article's own rows (the article, its statements, its mention
 * and alias rows) as it adds the article: it copies them here, and they are written many articles
 * at a time (sw_pend_flush) once enough have gathered, before the handle answers a question, and
 * at commit. Two reasons:
 *  - An add that wrote its rows at once needed a SAVEPOINT of its own, so that a failure would undo
 *    that article only, and SQLite copies every page an article touches into the savepoint's
 *    journal: about a tenth of the store's time. Rows held in memory are undone by forgetting them.
 *    An add keeps a savepoint only for the entity rows it must write at once (new entities, better
 *    names), which the next articles have to see.
 *  - The rows of many articles go several to an INSERT, each table in id order.
 * The ids are given here: an article gets max(id) + 1 and a statement the next number of the
 * AUTOINCREMENT sequence, which are the ids SQLite would have chosen had the rows been written one
 * by one, so the database ends up exactly the same. A flush in the middle of a batch runs inside a
 * savepoint of its own: when it fails, nothing of it is kept, the rows stay here and the batch stays
 * usable. sw_pend_find() answers for the articles held here, so that looking an article up sees
 * them as stored.
 */
#include <string.h>
#include "arena.h"
#include "store/store.h"

/* A flush is due when this many articles, or this many bytes of text, are held. Larger flushes
 * share the savepoint's page copies among more articles; this is a few megabytes of memory. */
#define PEND_FLUSH_ARTICLES 2048
#define PEND_FLUSH_BYTES (8u << 20)

/* Rows per INSERT: a multi-row INSERT costs far less per row than one statement per row. */
#define ART_ROWS 32
#define STMT_ROWS 32
#define MENT_ROWS 32
#define ALIAS_ROWS 32

/* ---- memory --------------------------------------------------------------------------------- */

int sw_store_grow(const sw_allocator *a, void **arr, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap) return 1;
    size_t c = *cap ? *cap : first;
    while (c < need) c *= 2;
    void *p = sw_mem_realloc(a, *arr, c * size);
    if (!p) return 0;
    *arr = p;
    *cap = c;
    return 1;
}

char *sw_pend_room(sw_store *s, size_t len, sw_pstr *out)
{
    sw_pending *pd = &s->pend;
    if (!sw_store_grow(s->alloc, (void **)&pd->pool, &pd->pool_cap, pd->pool_len + len + 1, 1, 65536)) return NULL;
    char *p = pd->pool + pd->pool_len;
    p[len] = 0;
    out->off = pd->pool_len;
    out->len = len;
    pd->pool_len += len + 1;
    return p;
}

int sw_pend_str(sw_store *s, const char *p, size_t len, sw_pstr *out)
{
    if (!p) {
        out->off = 0;
        out->len = SW_PSTR_NULL;
        return SQLITE_OK;
    }
    char *room = sw_pend_room(s, len, out);
    if (!room) return SQLITE_NOMEM;
    memcpy(room, p, len);
    return SQLITE_OK;
}

/* A new zeroed element at the end of *arr (n elements of `size` bytes, room for *cap). */
static void *push_zeroed(const sw_allocator *a, void **arr, size_t *n, size_t *cap, size_t size, size_t first)
{
    if (!sw_store_grow(a, arr, cap, *n + 1, size, first)) return NULL;
    void *e = (char *)*arr + (*n)++ * size;
    memset(e, 0, size);
    return e;
}

sw_pend_art *sw_pend_new_article(sw_store *s)
{
    sw_pending *pd = &s->pend;
    return push_zeroed(s->alloc, (void **)&pd->arts, &pd->n_arts, &pd->arts_cap, sizeof *pd->arts, 256);
}

sw_pend_stmt *sw_pend_new_statement(sw_store *s)
{
    sw_pending *pd = &s->pend;
    return push_zeroed(s->alloc, (void **)&pd->stmts, &pd->n_stmts, &pd->stmts_cap, sizeof *pd->stmts, 2048);
}

sw_pend_ment *sw_pend_new_mention(sw_store *s)
{
    sw_pending *pd = &s->pend;
    return push_zeroed(s->alloc, (void **)&pd->ments, &pd->n_ments, &pd->ments_cap, sizeof *pd->ments, 4096);
}

int sw_pend_alias(sw_store *s, sqlite3_int64 entity, const char *name, size_t len, const char *folded)
{
    sw_pending *pd = &s->pend;
    if (!sw_store_grow(s->alloc, (void **)&pd->aliases, &pd->aliases_cap, pd->n_aliases + 1, sizeof *pd->aliases,
              1024))
        return SQLITE_NOMEM;
    sw_pend_alias_row *r = &pd->aliases[pd->n_aliases];
    r->entity = entity;
    int rc = sw_pend_str(s, name, len, &r->name);
    if (rc == SQLITE_OK) rc = sw_pend_str(s, folded, strlen(folded), &r->folded);
    if (rc == SQLITE_OK) pd->n_aliases++;
    return rc;
}

static void index_rest(sw_pending *pd);

void sw_pend_mark(const sw_store *s, sw_pend_mark_t *m)
{
    const sw_pending *pd = &s->pend;
    m->n_arts = pd->n_arts;
    m->n_stmts = pd->n_stmts;
    m->n_ments = pd->n_ments;
    m->n_aliases = pd->n_aliases;
    m->pool_len = pd->pool_len;
}

void sw_pend_undo(sw_store *s, const sw_pend_mark_t *m)
{
    sw_pending *pd = &s->pend;
    pd->n_arts = m->n_arts;
    pd->n_stmts = m->n_stmts;
    pd->n_ments = m->n_ments;
    pd->n_aliases = m->n_aliases;
    pd->pool_len = m->pool_len;
    if (pd->n_indexed > pd->n_arts) {
        /* the maps knew articles now forgotten: enter the others again (they had room for more,
         * so this needs no memory) */
        sw_map_clear(&pd->by_ext);
        sw_map_clear(&pd->by_hash);
        pd->n_indexed = 0;
        index_rest(pd);
    }
}

void sw_pend_init(sw_store *s)
{
    sw_map_init(&s->pend.by_ext, s->alloc, SW_MAP_BYTES, sizeof(uint32_t), 0);
    sw_map_init(&s->pend.by_hash, s->alloc, SW_MAP_BYTES, sizeof(uint32_t), 0);
}

void sw_pend_clear(sw_store *s)
{
    sw_pending *pd = &s->pend;
    pd->n_arts = pd->n_stmts = pd->n_ments = pd->n_aliases = pd->pool_len = 0;
    pd->n_indexed = 0;
    sw_map_clear(&pd->by_ext);
    sw_map_clear(&pd->by_hash);
}

void sw_pend_free(sw_store *s)
{
    sw_pending *pd = &s->pend;
    sw_mem_free(s->alloc, pd->arts);
    sw_mem_free(s->alloc, pd->stmts);
    sw_mem_free(s->alloc, pd->ments);
    sw_mem_free(s->alloc, pd->aliases);
    sw_mem_free(s->alloc, pd->pool);
    sw_map_free(&pd->by_ext);
    sw_map_free(&pd->by_hash);
    pd->arts = NULL;
    pd->stmts = NULL;
    pd->ments = NULL;
    pd->aliases = NULL;
    pd->pool = NULL;
    pd->n_arts = pd->arts_cap = pd->n_stmts = pd->stmts_cap = pd->n_ments = pd->ments_cap = 0;
    pd->n_aliases = pd->aliases_cap = pd->pool_len = pd->pool_cap = pd->n_indexed = 0;
}

int sw_pend_due(const sw_store *s)
{
    return s->pend.n_arts >= PEND_FLUSH_ARTICLES || s->pend.pool_len >= PEND_FLUSH_BYTES;
}

/* ---- finding the articles held here ----------------------------------------------------------- */

static const char *pool_at(const sw_pending *pd, sw_pstr p) { return pd->pool + p.off; }

/* Enters article number v (index + 1) in map m under the key (key, len), unless an article is
 * there under that key already (the first article with this content stays). */
static void index_one(sw_map *m, const char *key, size_t len, uint32_t v)
{
    int added = 0;
    uint32_t *e = sw_map_put_bytes(m, key, len, &added);
    if (e && added) *e = v;
}

/* Enters the articles not yet in the maps (room made by the caller). */
static void index_rest(sw_pending *pd)
{
    for (; pd->n_indexed < pd->n_arts; pd->n_indexed++) {
        const sw_pend_art *a = &pd->arts[pd->n_indexed];
        uint32_t v = (uint32_t)pd->n_indexed + 1;
        index_one(&pd->by_ext, pool_at(pd, a->ext), a->ext.len, v);
        index_one(&pd->by_hash, a->hash, 32, v);
    }
}

int sw_pend_index(sw_store *s)
{
    sw_pending *pd = &s->pend;
    /* room for the new keys: the ids, the content hashes (an upper bound of the bytes the maps
     * keep outside their slots) */
    size_t n = pd->n_arts - pd->n_indexed, ext_bytes = 0;
    for (size_t i = pd->n_indexed; i < pd->n_arts; i++) ext_bytes += pd->arts[i].ext.len;
    if (!sw_map_reserve(&pd->by_ext, n, ext_bytes) || !sw_map_reserve(&pd->by_hash, n, n * 32)) return SQLITE_NOMEM;
    index_rest(pd);
    return SQLITE_OK;
}

int sw_pend_find_ext(const sw_store *s, const char *ext, size_t len, const char *hash,
                     sw_store_outcome *oc, sqlite3_int64 *rowid)
{
    const sw_pending *pd = &s->pend;
    if (!pd->n_indexed) return 0;
    const uint32_t *v = sw_map_get_bytes(&pd->by_ext, ext, len);
    if (!v) return 0;
    const sw_pend_art *a = &pd->arts[*v - 1];
    *oc = memcmp(a->hash, hash, 32) == 0 ? SW_STORE_UNCHANGED : SW_STORE_REPLACED;
    *rowid = a->id;
    return 1;
}

int sw_pend_find_hash(const sw_store *s, const char *hash)
{
    const sw_pending *pd = &s->pend;
    if (!pd->n_indexed) return 0;
    return sw_map_get_bytes(&pd->by_hash, hash, 32) != NULL;
}

/* ---- writing -------------------------------------------------------------------------------- */

static void bind_pstr(const sw_pending *pd, sqlite3_stmt *st, int i, sw_pstr p)
{
    if (p.len == SW_PSTR_NULL) sqlite3_bind_null(st, i);
    else sqlite3_bind_text(st, i, pd->pool + p.off, (int)p.len, SQLITE_STATIC);
}


static void bind_opt_int(sqlite3_stmt *st, int i, int has, sqlite3_int64 v)
{
    if (has) sqlite3_bind_int64(st, i, v);
    else sqlite3_bind_null(st, i);
}

/* Parameters base+1 .. base+11 of an article row. */
static void bind_article(const sw_pending *pd, sqlite3_stmt *st, int base, const sw_pend_art *a)
{
    sqlite3_bind_int64(st, base + 1, a->id);
    bind_pstr(pd, st, base + 2, a->ext);
    bind_pstr(pd, st, base + 3, a->url);
    bind_pstr(pd, st, base + 4, a->title);
    bind_pstr(pd, st, base + 5, a->date);
    bind_pstr(pd, st, base + 6, a->date_raw);
    bind_pstr(pd, st, base + 7, a->source);
    sqlite3_bind_text(st, base + 8, a->hash, 32, SQLITE_STATIC);
    sqlite3_bind_int64(st, base + 9, a->bytes);
    sqlite3_bind_int64(st, base + 10, a->n_statements);
    bind_opt_int(st, base + 11, a->first_statement != 0, a->first_statement);
}

/* Parameters base+1 .. base+18 of a statement row. */
static void bind_statement(const sw_pending *pd, sqlite3_stmt *st, int base, const sw_pend_stmt *r)
{
    sqlite3_bind_int64(st, base + 1, r->id);
    sqlite3_bind_int64(st, base + 2, r->article);
    sqlite3_bind_int64(st, base + 3, r->start);
    sqlite3_bind_int64(st, base + 4, r->end);
    bind_pstr(pd, st, base + 5, r->text);
    sqlite3_bind_int(st, base + 6, r->kind);
    sqlite3_bind_int(st, base + 7, r->section);
    sqlite3_bind_int(st, base + 8, r->is_statement);
    bind_opt_int(st, base + 9, r->speaker != 0, r->speaker);
    bind_pstr(pd, st, base + 10, r->speaker_name);
    sqlite3_bind_int(st, base + 11, r->resolution);
    bind_opt_int(st, base + 12, r->has_speaker_span, r->speaker_start);
    bind_opt_int(st, base + 13, r->has_speaker_span, r->speaker_end);
    bind_pstr(pd, st, base + 14, r->cue);
    bind_pstr(pd, st, base + 15, r->via);
    bind_opt_int(st, base + 16, r->addressee != 0, r->addressee);
    sqlite3_bind_double(st, base + 17, r->confidence);
    bind_opt_int(st, base + 18, r->qgroup != 0, r->qgroup);
}

/* Parameters base+1 .. base+3 of an article's mentions row. */
static void bind_mention(const sw_pending *pd, sqlite3_stmt *st, int base, const sw_pend_ment *m)
{
    sqlite3_bind_int64(st, base + 1, m->article);
    sqlite3_bind_int64(st, base + 2, m->n);
    bind_pstr(pd, st, base + 3, m->entities);
}

/* Parameters base+1 .. base+3 of an alias row. */
static void bind_alias(const sw_pending *pd, sqlite3_stmt *st, int base, const sw_pend_alias_row *r)
{
    sqlite3_bind_int64(st, base + 1, r->entity);
    bind_pstr(pd, st, base + 2, r->name);
    bind_pstr(pd, st, base + 3, r->folded);
}

typedef void (*bind_fn)(const sw_pending *, sqlite3_stmt *, int, const void *);

/* How one table's rows are written: the INSERT up to VALUES, and the statements for one row and
 * for `per` rows. */
typedef struct table_writer {
    const char *head;
    int cols;
    size_t per;
    int q_one, q_many;
    bind_fn bind;
} table_writer;

static const table_writer art_writer = {
    "INSERT OR FAIL INTO articles(id,ext_id,url,title,date,date_raw,source,content_hash,bytes,"
    "n_statements,first_statement) VALUES", 11, ART_ROWS, Q_PEND_ART, Q_PEND_ARTS, (bind_fn)bind_article};
static const table_writer stmt_writer = {
    "INSERT OR FAIL INTO statements(id,article,start,end,text,kind,section,is_statement,speaker,"
    "speaker_name,resolution,speaker_start,speaker_end,cue,via,addressee,confidence,qgroup) VALUES",
    18, STMT_ROWS, Q_PEND_STMT, Q_PEND_STMTS, (bind_fn)bind_statement};
static const table_writer ment_writer = {
    "INSERT OR FAIL INTO article_mentions(article,n,entities) VALUES", 3, MENT_ROWS, Q_PEND_MENT,
    Q_PEND_MENTS, (bind_fn)bind_mention};
/* OR IGNORE: the alias cache forgets, so a pair may come again */
static const table_writer alias_writer = {
    "INSERT OR IGNORE INTO aliases(entity,name,folded) VALUES", 3, ALIAS_ROWS, Q_PEND_ALIAS,
    Q_PEND_ALIASES, (bind_fn)bind_alias};

/* The prepared INSERT of k rows (1 or w->per) of a table, made on first use. */
static sqlite3_stmt *rows_stmt(sw_store *s, const table_writer *w, size_t k, int *rc)
{
    int which = k == 1 ? w->q_one : w->q_many;
    if (s->q[which]) {
        /* reset after its last step (write_rows); every parameter is bound anew for each use, so
         * clearing the bindings (hundreds of them) would be wasted work */
        *rc = SQLITE_OK;
        return s->q[which];
    }
    /* "(?,?,...)" k times after the head */
    size_t hl = strlen(w->head), row = 2 * (size_t)w->cols + 1, len = hl + k * (row + 1);
    char *sql = sw_mem_alloc(s->alloc, len + 1);
    if (!sql) {
        *rc = SQLITE_NOMEM;
        return NULL;
    }
    memcpy(sql, w->head, hl);
    char *p = sql + hl;
    for (size_t r = 0; r < k; r++) {
        if (r) *p++ = ',';
        *p++ = '(';
        for (int c = 0; c < w->cols; c++) {
            if (c) *p++ = ',';
            *p++ = '?';
        }
        *p++ = ')';
    }
    *p = 0;
    sqlite3_stmt *st = sw_store_stmt_sql(s, which, sql, rc);
    sw_mem_free(s->alloc, sql);
    return st;
}

/* Writes the n rows of one table (`rows`, each `size` bytes): w->per to an INSERT while that
 * many are left, then one at a time. */
static int write_rows(sw_store *s, const table_writer *w, const void *rows, size_t n, size_t size)
{
    int rc = SQLITE_OK;
    size_t i = 0;
    const int cols = w->cols;
    const bind_fn bind = w->bind;
    while (i < n) {
        size_t k = n - i >= w->per ? w->per : 1;
        sqlite3_stmt *st = rows_stmt(s, w, k, &rc);
        if (!st) return rc;
        for (size_t r = 0; r < k; r++) bind(&s->pend, st, cols * (int)r, (const char *)rows + (i + r) * size);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return rc;
        i += k;
    }
    return SQLITE_OK;
}

int sw_pend_flush(sw_store *s, int guarded)
{
    sw_pending *pd = &s->pend;
    if (!pd->n_arts && !pd->n_aliases) return SQLITE_OK;
    int rc;
    if (guarded && (rc = sqlite3_exec(s->db, "SAVEPOINT sw_flush", NULL, NULL, NULL)) != SQLITE_OK) return rc;
    rc = write_rows(s, &art_writer, pd->arts, pd->n_arts, sizeof *pd->arts);
    if (rc == SQLITE_OK) rc = write_rows(s, &stmt_writer, pd->stmts, pd->n_stmts, sizeof *pd->stmts);
    if (rc == SQLITE_OK) rc = write_rows(s, &ment_writer, pd->ments, pd->n_ments, sizeof *pd->ments);
    if (rc == SQLITE_OK) rc = write_rows(s, &alias_writer, pd->aliases, pd->n_aliases, sizeof *pd->aliases);
    if (guarded) {
        if (rc != SQLITE_OK) {
            sqlite3_exec(s->db, "ROLLBACK TO sw_flush", NULL, NULL, NULL);
            sqlite3_exec(s->db, "RELEASE sw_flush", NULL, NULL, NULL);
            return rc;
        }
        if ((rc = sqlite3_exec(s->db, "RELEASE sw_flush", NULL, NULL, NULL)) != SQLITE_OK) {
            sqlite3_exec(s->db, "ROLLBACK TO sw_flush", NULL, NULL, NULL);
            sqlite3_exec(s->db, "RELEASE sw_flush", NULL, NULL, NULL);
            return rc;
        }
    }
    if (rc == SQLITE_OK) sw_pend_clear(s);
    return rc;
}
