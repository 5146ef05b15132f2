/*
 * schema.c -- the store's schema and its migrations.
 *
 * The schema version is PRAGMA user_version. migrations[v] takes a database from version v to
 * v + 1; sw_store_migrate() runs the missing ones in order, each in its own transaction together
 * with the new user_version, so a migration interrupted by a crash is simply run again. A new
 * version appends one entry and bumps SW_STORE_SCHEMA_VERSION; old entries never change.
 * docs/STORE.md describes every table.
 *
 * The full-text index (statements_fts, external content over statements) is not kept by
 * triggers: the store indexes a batch's new statements in one INSERT ... SELECT just before the
 * batch commits (store.c). SQLite 3.40's FTS5 flushes its pending terms at every savepoint, and a
 * trigger would put one around every statement, writing a tiny index segment per row.
 */
#include <stdio.h>
#include <string.h>
#include "store/store.h"

static const char *const migrations[] = {
    /* 0 -> 1: the first schema */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT NOT NULL UNIQUE,"        /* the article's own id (or its content hash) */
    "  url TEXT, title TEXT,"
    "  date TEXT,"                          /* YYYY-MM-DD (or YYYY-MM, YYYY) when recognised */
    "  date_raw TEXT,"                      /* the date as given */
    "  source TEXT,"                        /* as given, else the URL's host */
    "  content_hash TEXT NOT NULL,"         /* 128-bit hash of text, title, url, date, source */
    "  bytes INTEGER NOT NULL,"             /* length of the text */
    "  n_statements INTEGER NOT NULL"
    ");"
    "CREATE INDEX articles_hash ON articles(content_hash);"
    "CREATE INDEX articles_date ON articles(date);"
    "CREATE TABLE entities("
    "  id INTEGER PRIMARY KEY,"
    "  type INTEGER NOT NULL,"              /* sw_entity_type */
    "  key TEXT NOT NULL,"                  /* canonical key, see sw_name_key() */
    "  skey TEXT NOT NULL,"                 /* surname key (persons) or the whole key */
    "  given TEXT NOT NULL,"                /* given-name skeleton, 'x.' for an initial, '' */
    "  initial TEXT NOT NULL,"              /* first letter of the given name, '' */
    "  name TEXT NOT NULL,"                 /* display name: the fullest form seen */
    "  gender INTEGER NOT NULL,"
    "  UNIQUE(type, key)"
    ");"
    "CREATE INDEX entities_skey ON entities(type, skey);"
    "CREATE TABLE aliases("
    "  entity INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"                 /* a form seen in an article */
    "  folded TEXT NOT NULL,"               /* case-folded, without diacritics */
    "  PRIMARY KEY(entity, name)"
    ") WITHOUT ROWID;"
    "CREATE INDEX aliases_folded ON aliases(folded);"
    "CREATE TABLE mentions("                /* one row per entity and article */
    "  article INTEGER NOT NULL,"
    "  entity INTEGER NOT NULL,"
    "  n INTEGER NOT NULL,"                 /* how many times the article mentions it */
    "  spans TEXT NOT NULL,"                /* 'start:end start:end ...' byte offsets */
    "  PRIMARY KEY(article, entity)"
    ") WITHOUT ROWID;"
    "CREATE INDEX mentions_entity ON mentions(entity);"
    "CREATE TABLE qgroups("
    "  id INTEGER PRIMARY KEY,"             /* 63-bit hash of speaker_key and text_hash */
    "  speaker_key TEXT NOT NULL,"          /* 'e:' + speaker entity id, 'n:' + group name, '?' */
    "  text_hash TEXT NOT NULL,"            /* hash of the normalised text */
    "  first_article INTEGER NOT NULL,"     /* earliest article carrying it (date, then id) */
    "  first_date TEXT,"
    "  first_ext TEXT NOT NULL,"
    "  n INTEGER NOT NULL"                  /* statements in the group */
    ");"
    "CREATE TABLE statements("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT," /* never reused: the FTS watermark relies on it */
    "  article INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL," /* byte offsets in the article text */
    "  text TEXT NOT NULL,"
    "  kind INTEGER NOT NULL, section INTEGER NOT NULL, is_statement INTEGER NOT NULL,"
    "  speaker INTEGER,"                    /* entity, or NULL */
    "  speaker_name TEXT,"
    "  resolution INTEGER NOT NULL,"
    "  speaker_start INTEGER, speaker_end INTEGER,"
    "  cue TEXT, via TEXT,"
    "  addressee INTEGER,"
    "  confidence REAL NOT NULL,"
    "  qgroup INTEGER"
    ");"
    "CREATE INDEX statements_article ON statements(article);"
    "CREATE INDEX statements_speaker ON statements(speaker);"
    "CREATE INDEX statements_qgroup ON statements(qgroup);"
    "CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id',"
    "  tokenize='porter unicode61 remove_diacritics 2');"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "INSERT INTO meta VALUES ('created_by', 'saywho " SW_VERSION_STRING "');",
    /* 1 -> 2: an entity counts the articles that refer to it (mention it or quote it as a
     * speaker), so that finding the entities a replaced article leaves unreferenced needs no
     * index of mentions by entity; that index cost a random B-tree insertion per mention. */
    "ALTER TABLE entities ADD COLUMN refs INTEGER NOT NULL DEFAULT 0;"
    "UPDATE entities SET refs = (SELECT count(*) FROM (SELECT article FROM mentions"
    "  WHERE entity = entities.id UNION SELECT article FROM statements WHERE speaker = entities.id));"
    "DROP INDEX mentions_entity;",
    /* 2 -> 3: a quotation group counts the articles carrying it (n_articles), so that no index
     * of statements by group is needed (a random B-tree insertion per statement): a replaced
     * article's groups are found through its own statements, and the next first report through
     * the speaker's statements. */
    "ALTER TABLE qgroups ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0;"
    "UPDATE qgroups SET n_articles = (SELECT count(DISTINCT article) FROM statements"
    "  WHERE qgroup = qgroups.id);"
    "DROP INDEX statements_qgroup;",
    /* 3 -> 4: the statements of a quotation group are found through group_statements (written
     * once per batch in key order, store.c) instead of the index of statements by speaker, which
     * cost a random B-tree insertion per statement and served no query but that one (the
     * searches and listings by speaker scan the statements: they match speaker names too). */
    "CREATE TABLE group_statements("
    "  qgroup INTEGER NOT NULL,"
    "  statement INTEGER NOT NULL,"
    "  PRIMARY KEY(qgroup, statement)"
    ") WITHOUT ROWID;"
    "INSERT INTO group_statements SELECT qgroup, id FROM statements WHERE qgroup IS NOT NULL"
    "  ORDER BY qgroup, id;"
    "DROP INDEX statements_speaker;"
    /* and FTS5 merges its index segments eight at a time instead of four: each statement's
     * postings are rewritten on fewer levels as the index grows (the store adds one segment per
     * batch); a search reads at most seven segments per level instead of three. */
    "INSERT INTO statements_fts(statements_fts, rank) VALUES('automerge', 8);",
    /* 4 -> 5: an article's mentions are one row of article_mentions (its entities as a JSON array
     * of [entity, n, spans]) instead of one row per entity and article: one B-tree insertion, at
     * the end of the table, per article instead of about 23, each with a probe for its key. The
     * view `mentions` gives the rows of version 4, so that queries written for it still work. */
    "CREATE TABLE article_mentions("
    "  article INTEGER PRIMARY KEY,"
    "  n INTEGER NOT NULL,"                 /* mentions in all */
    "  entities TEXT NOT NULL"              /* JSON: [[entity, n, 'start:end start:end ...'], ...] */
    ");"
    "INSERT INTO article_mentions SELECT article, sum(n), json_group_array(json_array(entity, n, spans))"
    "  FROM (SELECT * FROM mentions ORDER BY article, entity) GROUP BY article;"
    "DROP TABLE mentions;"
    "CREATE VIEW mentions(article, entity, n, spans) AS SELECT m.article, json_extract(e.value, '$[0]'),"
    "  json_extract(e.value, '$[1]'), json_extract(e.value, '$[2]')"
    "  FROM article_mentions m, json_each(m.entities) e;"
    /* and an article's statements are found by their ids, which are consecutive (an article's
     * statements were always stored together): its first one and n_statements, instead of an
     * index of statements by article, an insertion per statement */
    "ALTER TABLE articles ADD COLUMN first_statement INTEGER;"
    "UPDATE articles SET first_statement = (SELECT min(id) FROM statements WHERE article = articles.id);"
    "DROP INDEX statements_article;",
};

_Static_assert(sizeof migrations / sizeof migrations[0] == SW_STORE_SCHEMA_VERSION,
               "one migration per schema version");

/* The single integer a query returns ("PRAGMA user_version", a count). */
static int query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int sw_store_migrate(sqlite3 *db, int *too_new)
{
    *too_new = 0;
    int rc, version = 0, tables = 0;
    /* A new database gets 16 KiB pages (an existing one keeps its own: the pragma is a no-op once
     * the file has content). Fewer, larger pages make the ingest's B-tree appends and FTS5 segment
     * writes cheaper (store time -10 % to -15 % on the store benchmark) at the same file size, and
     * searches read no more. It must come before the switch to WAL, which fixes the page size. */
    rc = sqlite3_exec(db, "PRAGMA page_size=16384", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    /* WAL: readers do not block the writer and a killed writer loses only its open transaction;
     * synchronous=NORMAL is durable against process crashes in WAL mode (and only risks the last
     * transactions on power loss, never corruption). */
    rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    if ((rc = query_int(db, "PRAGMA user_version", &version)) != SQLITE_OK) return rc;
    if (version > SW_STORE_SCHEMA_VERSION) {
        *too_new = 1;
        return SQLITE_ERROR;
    }
    if (version == 0) {
        if ((rc = query_int(db, "SELECT count(*) FROM sqlite_schema", &tables)) != SQLITE_OK) return rc;
        if (tables) return SQLITE_NOTADB; /* an SQLite file of somebody else's */
    }
    for (int v = version; v < SW_STORE_SCHEMA_VERSION; v++) {
        rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) return rc;
        /* re-read under the write lock: another process may have migrated meanwhile */
        int now = 0;
        if ((rc = query_int(db, "PRAGMA user_version", &now)) != SQLITE_OK) goto failed;
        if (now > v) {
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
            v = now - 1;
            continue;
        }
        if ((rc = sqlite3_exec(db, migrations[v], NULL, NULL, NULL)) != SQLITE_OK) goto failed;
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
        if ((rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK) goto failed;
        if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) goto failed;
    }
    return SQLITE_OK;
failed:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
