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
#include "saywho.h"

/* The prepared statements kept by a handle. */
enum {
    Q_ART_BY_ID,
    Q_ART_BY_HASH,
    Q_ART_INSERT,
    Q_ART_DELETE,
    Q_ENT_CANDIDATES,
    Q_ENT_BY_KEY,
    Q_ENT_INSERT,
    Q_ENT_SET_GIVEN,
    Q_ENT_SET_NAME,
    Q_ALIAS_INSERT,
    Q_MENTION_INSERT,
    Q_STMT_INSERT,
    Q_GROUP_UPSERT,
    Q_SAVEPOINT,
    Q_RELEASE,
    Q_ROLLBACK_TO,
    Q_FTS_INDEX,
    Q_ENT_ADD_REFS,
    Q_MENTION_ROWS2,
    Q_MENTION_ROWS4,
    Q_MENTION_ROWS8,
    Q_STMT_ROWS2,
    Q_STMT_ROWS4,
    Q_STMT_ROWS8,
    Q_GSTMT_INSERT,
    Q_GSTMT_ROWS8,
    Q_COUNT
};

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
    sqlite3_stmt *q[Q_COUNT];
    /* Caches of facts about the database, to spare statements that would change nothing; all
     * are cleared whenever anything is rolled back or deleted (sw_store_forget_cache):
     * alias_seen: (entity, alias) pairs known to be stored;
     * ent_cache: (type, name, gender) -> entity, valid while the generation of its surname key
     * in skey_gen is unchanged (a new or completed entity with that surname bumps it). */
    struct sw_cache *alias_seen, *ent_cache, *skey_gen;
    /* Changes to entities.refs made by the open batch, written at commit (one UPDATE per entity
     * per batch instead of one per article): an open-addressing map of entity id -> count of
     * articles added; ref_id 0 marks a free slot. Not a cache: emptied only when the batch ends. */
    sqlite3_int64 *ref_id;
    int32_t *ref_n;
    size_t ref_cap, ref_len;
    /* The batch's quotation groups (statements counted, earliest article), written at commit:
     * one upsert per group per batch instead of one per statement (store.c, groups_flush).
     * An open-addressing map (grp_cap slots, id 0 free) whose strings live in grp_pool. */
    struct sw_grp *grp;
    size_t grp_cap, grp_len;
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
    /* An article's statement rows before they are written several to a statement (store.c). */
    struct sw_srow *srows;
    size_t srows_cap;
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

/* Registers the FTS5 ranking function sw_tfrank() on the connection; returns 1 when done. (rank.c) */
int sw_store_register_rank(sqlite3 *db);

/* The prepared statement number `which`, reset and with its bindings cleared; NULL on failure
 * (*rc then holds the SQLite code). */
sqlite3_stmt *sw_store_stmt(sw_store *store, int which, int *rc);

#endif
