/*
 * store.h -- the store's internal handle and helpers shared by its files.
 *
 * schema.c creates and migrates the database, store.c adds articles, query.c answers searches and
 * counts. Prepared statements are made once per handle (lazily) and reused, which is most of what
 * makes ingest fast.
 */
#ifndef SW_STORE_STORE_H
#define SW_STORE_STORE_H

#include <sqlite3.h>
#include <stdint.h>
#include "map.h"
#include "saywho.h"

/* The prepared statements kept by a handle. */
enum {
    Q_ART_BY_ID,
    Q_ART_BY_HASH,
    Q_ART_DELETE,
    Q_ENT_CANDIDATES,
    Q_ENT_BY_KEY,
    Q_ENT_INSERT,
    Q_ENT_SET_GIVEN,
    Q_ENT_SET_NAME,
    Q_GROUP_UPSERT,
    Q_SAVEPOINT,
    Q_RELEASE,
    Q_ROLLBACK_TO,
    Q_FTS_INDEX,
    Q_ENT_ADD_REFS,
    Q_GSTMT_INSERT,
    Q_GSTMT_ROWS32,
    Q_PEND_ART,     /* the rows held by pending.c, one or several to an INSERT */
    Q_PEND_ARTS,
    Q_PEND_STMT,
    Q_PEND_STMTS,
    Q_PEND_MENT,
    Q_PEND_MENTS,
    Q_PEND_ALIAS,
    Q_PEND_ALIASES,
    Q_COUNT
};

/* A string copied into the pending rows' pool: pool + off, len bytes (NUL-terminated there);
 * len SW_PSTR_NULL stands for SQL NULL. */
#define SW_PSTR_NULL ((size_t)-1)
typedef struct sw_pstr {
    size_t off, len;
} sw_pstr;

/* The rows of one article, of its statements, mentions and aliases, waiting to be written
 * (pending.c). Ids are given when the row is made. */
typedef struct sw_pend_art {
    sqlite3_int64 id, bytes, n_statements, first_statement; /* first_statement 0: NULL */
    sw_pstr ext, url, title, date, date_raw, source;
    char hash[33];
} sw_pend_art;

typedef struct sw_pend_stmt {
    sqlite3_int64 id, article, start, end;
    sqlite3_int64 speaker, addressee, qgroup; /* 0: NULL */
    sqlite3_int64 speaker_start, speaker_end; /* NULL unless has_speaker_span */
    sw_pstr text, speaker_name, cue, via;
    double confidence;
    int kind, section, is_statement, resolution, has_speaker_span;
} sw_pend_stmt;

typedef struct sw_pend_ment { /* an article's row of article_mentions */
    sqlite3_int64 article, n;
    sw_pstr entities;
} sw_pend_ment;

typedef struct sw_pend_alias_row {
    sqlite3_int64 entity;
    sw_pstr name, folded;
} sw_pend_alias_row;

typedef struct sw_pending {
    sw_pend_art *arts;
    sw_pend_stmt *stmts;
    sw_pend_ment *ments;
    sw_pend_alias_row *aliases;
    size_t n_arts, arts_cap, n_stmts, stmts_cap, n_ments, ments_cap, n_aliases, aliases_cap;
    char *pool;
    size_t pool_len, pool_cap;
    /* the articles by id and by content hash (32 hex digits): uint32_t index + 1 into arts;
     * the first n_indexed articles are in them */
    sw_map by_ext, by_hash;
    size_t n_indexed;
} sw_pending;

/* How much was held at a moment, to forget what an add put there when it fails. */
typedef struct sw_pend_mark_t {
    size_t n_arts, n_stmts, n_ments, n_aliases, pool_len;
} sw_pend_mark_t;

struct sw_store {
    sqlite3 *db;
    const sw_allocator *alloc;
    sw_allocator alloc_copy;
    int in_batch;
    int has_tfrank;         /* sw_tfrank() is registered on this connection (rank.c) */
    sqlite3_int64 fts_from; /* statements with a larger id are not in the FTS index yet */
    /* The last sw_store_lookup() inside a batch, so that sw_store_add() of the same article in
     * the same batch (nothing else can write meanwhile) need not look again. */
    unsigned batch_no, memo_batch;
    int memo_valid, memo_outcome;
    char memo_hash[33], memo_ext[256];
    size_t memo_ext_len;
    sqlite3_int64 memo_old;
    /* A copy of the bytes the looked-up article's hash was computed from (text, title, url,
     * date, source, end to end; an absent part has length SIZE_MAX): when sw_store_add() is given
     * the same bytes, it takes memo_hash instead of hashing them again. Comparing is several
     * times cheaper than hashing. */
    char *memo_parts;
    size_t memo_parts_cap, memo_part_len[5];
    int memo_parts_valid;
    sqlite3_stmt *q[Q_COUNT];
    /* Caches of facts about the database, to spare statements that would change nothing; all
     * are cleared whenever anything is rolled back or deleted (sw_store_forget_cache), and each
     * is emptied when it has as many keys as it was given room for (store.c):
     * alias_seen: a set of the alias keys of (entity, alias) pairs known to be stored;
     * ent_cache: the key of (type, name, gender) -> struct ent_cached (an entity), valid while
     * the generation of its surname key in skey_gen (a uint64_t) is unchanged (a new or
     * completed entity with that surname bumps it). */
    sw_map alias_seen, ent_cache, skey_gen;
    /* Changes to entities.refs made by the open batch, written at commit (one UPDATE per entity
     * per batch instead of one per article): entity id -> int32_t count of articles added. Not a
     * cache: emptied only when the batch ends. */
    sw_map refs;
    /* The batch's quotation groups (statements counted, earliest article), written at commit:
     * one upsert per group per batch instead of one per statement (store.c, groups_flush):
     * group id -> struct sw_grp, whose strings live in grp_pool. */
    sw_map grp;
    char *grp_pool;
    size_t pool_len, pool_cap;
    /* The batch's group_statements rows (quotation group, statement id) as pairs, written at
     * commit in key order (store.c, gstmt_flush); emptied only when the batch ends. */
    sqlite3_int64 *gs_pairs;
    size_t gs_len, gs_cap;
    /* An article's mention rows before they are written several to a statement (store.c):
     * their spans text and the rows, reused from article to article. */
    char *span_text;
    size_t span_cap;
    struct sw_mrow *mrows;
    size_t mrows_cap;
    /* The batch's rows not written yet, and the ids the next article and statement get. */
    sw_pending pend;
    sqlite3_int64 next_article, next_statement;
    int add_savepoint; /* the add under way has opened its savepoint (entity rows written) */
};

/* Forgets the caches (after a rollback or a deletion). (store.c) */
void sw_store_forget_cache(sw_store *store);

/* Fills err and returns code; message is a constant string. */
sw_status sw_store_fail(sw_error *err, sw_status code, const char *message);

/* Maps an SQLite result code to SW_ERR_DB with a message a person can act on ("the database is
 * locked by another process", "the disk is full", ...). */
sw_status sw_store_db_fail(sw_error *err, int rc);

/* Creates the schema or migrates it to SW_STORE_SCHEMA_VERSION; sets the pragmas (WAL,
 * synchronous=NORMAL). Returns SQLITE_OK or an SQLite code; *too_new is set when the file's
 * schema is newer than this library. (schema.c) */
int sw_store_migrate(sqlite3 *db, int *too_new);

/* Grows *arr (elements of `size` bytes, room for *cap) to hold `need`, doubling from `first`;
 * 0 when out of memory (*arr is then unchanged). (pending.c) */
int sw_store_grow(const sw_allocator *a, void **arr, size_t *cap, size_t need, size_t size, size_t first);

/* Registers the FTS5 ranking function sw_tfrank() on the connection; returns 1 when done. (rank.c) */
int sw_store_register_rank(sqlite3 *db);

/* ---- pending.c: the batch's rows not written yet -------------------------------------------- */

/* len bytes of room in the pool (and a NUL after them), described by *out; valid until the pool
 * next grows. NULL when it cannot grow. */
char *sw_pend_room(sw_store *s, size_t len, sw_pstr *out);

/* Copies len bytes at p into the pool (p NULL: SQL NULL); SQLITE_NOMEM when it cannot grow. */
int sw_pend_str(sw_store *s, const char *p, size_t len, sw_pstr *out);

/* A new zeroed row at the end of its table, or NULL when out of memory. Pointers stay valid
 * until the next row of the same table is made. */
sw_pend_art *sw_pend_new_article(sw_store *s);
sw_pend_stmt *sw_pend_new_statement(sw_store *s);
sw_pend_ment *sw_pend_new_mention(sw_store *s);

/* Holds an alias row (entity, name, folded name). */
int sw_pend_alias(sw_store *s, sqlite3_int64 entity, const char *name, size_t len, const char *folded);

/* Enters the articles made since the last call in the lookup maps; SQLITE_NOMEM when they
 * cannot grow (then sw_pend_undo must forget those articles). */
int sw_pend_index(sw_store *s);

/* Remembers how much is held / forgets everything held since that mark. */
void sw_pend_mark(const sw_store *s, sw_pend_mark_t *m);
void sw_pend_undo(sw_store *s, const sw_pend_mark_t *m);

/* An article held with this id (ext, len bytes): 1 and *oc UNCHANGED (same 32-hex-digit content
 * hash) or REPLACED, *rowid its row id; 0 when none. */
int sw_pend_find_ext(const sw_store *s, const char *ext, size_t len, const char *hash,
                     sw_store_outcome *oc, sqlite3_int64 *rowid);

/* 1 when an article with this content hash is held. */
int sw_pend_find_hash(const sw_store *s, const char *hash);

/* 1 when enough is held that the next add should write it first. */
int sw_pend_due(const sw_store *s);

/* Writes everything held and forgets it. guarded: inside a savepoint of its own, so that on
 * failure nothing of it is written and everything stays held (mid-batch); otherwise the caller
 * rolls the whole transaction back on failure (at commit). Returns an SQLite code. */
int sw_pend_flush(sw_store *s, int guarded);

/* Makes the empty maps of a new handle (takes no memory). */
void sw_pend_init(sw_store *s);

/* Forgets everything held (the batch was rolled back) / frees the memory (closing). */
void sw_pend_clear(sw_store *s);
void sw_pend_free(sw_store *s);

/* sw_store_stmt() for a statement whose SQL is not in store.c's table: sql is used (and may be
 * NULL) only when the statement is not prepared yet. */
sqlite3_stmt *sw_store_stmt_sql(sw_store *store, int which, const char *sql, int *rc);

/* The prepared statement number `which`, reset and with its bindings cleared; NULL on failure
 * (*rc then holds the SQLite code). */
sqlite3_stmt *sw_store_stmt(sw_store *store, int which, int *rc);

#endif
