/* test_store.c -- unit tests of the store: name keys, entities across articles, idempotence,
 * search filters and errors, quotation groups, batches, schema, and an ingest of the Wikinews
 * sample. Every name and sentence below is written for the project.
 *
 * Most tests build documents by hand (the public sw_quote / sw_entity structs filled in a fake
 * sw_doc), so they check the store whatever the extractor finds. test_extracted_speakers runs
 * the real extractor on short articles and needs the attribution stage. */
#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>
#include "check.h"
#include "doc.h"

/* ---- helpers ------------------------------------------------------------------------------ */

static char db_path[256];

/* Removes the database at db_path with its WAL and shared-memory files. */
static void drop_db(void)
{
    char p[300];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

/* Points db_path at a per-process file for this test and makes sure nothing is there yet. */
static void fresh_db(const char *name)
{
    snprintf(db_path, sizeof db_path, "/tmp/sw_test_store_%d_%s.db", (int)getpid(), name);
    drop_db();
}

/* A store opened on a fresh db_path (the open is checked); NULL when it failed. */
static sw_store *open_fresh(const char *name)
{
    sw_store *st = NULL;
    sw_error err = {0};
    fresh_db(name);
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    return st;
}

static sw_str S(const char *s) { return (sw_str){s, s ? strlen(s) : 0}; }

/* A hand-made document: entities with one mention each, quotes with a speaker entity. */
typedef struct fake {
    struct sw_doc doc;
    sw_quote q[8];
    sw_entity e[8];
    sw_mention m[8];
} fake;

static void fake_init(fake *f)
{
    memset(f, 0, sizeof *f);
    f->doc.quotes = f->q;
    f->doc.pub_ents = f->e;
    f->doc.title = "";
    f->doc.id = "";
}

static int fake_entity(fake *f, sw_entity_type type, const char *name)
{
    size_t i = f->doc.n_pub_ents++;
    f->m[i] = (sw_mention){10 * i, 10 * i + strlen(name), name, strlen(name)};
    f->e[i] = (sw_entity){(int)i, type, name, SW_GENDER_UNKNOWN, &f->m[i], 1};
    return (int)i;
}

static void fake_quote(fake *f, const char *text, int speaker, size_t start)
{
    sw_quote *q = &f->q[f->doc.n_quotes++];
    memset(q, 0, sizeof *q);
    q->start = start;
    q->end = start + strlen(text) + 2;
    q->text = text;
    q->text_len = strlen(text);
    q->kind = SW_KIND_DIRECT;
    q->is_statement = 1;
    q->speaker_entity = speaker;
    q->addressee_entity = -1;
    q->speaker_name = speaker >= 0 ? f->e[speaker].name : NULL;
    q->resolution = speaker >= 0 ? SW_RES_EXPLICIT : SW_RES_NONE;
    q->confidence = 0.9;
}

static sw_article article(const char *id, const char *date, const char *source, const char *text)
{
    sw_article a;
    memset(&a, 0, sizeof a);
    a.id = S(id);
    a.date = S(date);
    a.source = S(source);
    a.text = S(text);
    return a;
}

/* Stores one article whose only statement is `quote`, said by `speaker` (a person; NULL for none). */
static sw_store_outcome add_said(sw_store *st, const char *id, const char *date, const char *source,
                                 const char *speaker, const char *quote)
{
    fake f;
    fake_init(&f);
    int e = speaker ? fake_entity(&f, SW_ENT_PERSON, speaker) : -1;
    fake_quote(&f, quote, e, 100);
    char text[512];
    snprintf(text, sizeof text, "%s said: \"%s\"", speaker ? speaker : "Someone", quote);
    sw_article a = article(id, date, source, text);
    sw_store_outcome oc = (sw_store_outcome)-1;
    sw_error err = {0};
    sw_status s = sw_store_add(st, &a, &f.doc, &oc, &err);
    CHECK_EQ_INT(s, SW_OK);
    return oc;
}

typedef struct hits {
    size_t n;
    char ids[32][64];
    char speakers[32][64];
    char highlighted[32][256];
    size_t group_size[32];
    char first[32][64];
} hits;

static int collect(void *ctx, const sw_hit *h)
{
    hits *x = ctx;
    if (x->n < 32) {
        snprintf(x->ids[x->n], 64, "%s", h->article_id);
        snprintf(x->speakers[x->n], 64, "%s", h->speaker ? h->speaker : "");
        snprintf(x->highlighted[x->n], 256, "%s", h->highlighted);
        x->group_size[x->n] = h->group_size;
        snprintf(x->first[x->n], 64, "%s", h->first_article_id ? h->first_article_id : "");
    }
    x->n++;
    return 0;
}

static sw_status search(sw_store *st, const char *query, const char *speaker, const char *since,
                        const char *until, const char *source, hits *out)
{
    memset(out, 0, sizeof *out);
    sw_search_opts o;
    memset(&o, 0, sizeof o);
    o.query = query;
    o.speaker = speaker;
    o.since = since;
    o.until = until;
    o.source = source;
    sw_error err = {0};
    return sw_store_search(st, &o, collect, out, &err);
}

static int has_id(const hits *h, const char *id)
{
    for (size_t i = 0; i < h->n && i < 32; i++)
        if (strcmp(h->ids[i], id) == 0) return 1;
    return 0;
}

/* Do a and b get the same canonical key? Prints both keys when the answer is not `expect`. */
static int same_key_expect(const char *a, const char *b, sw_entity_type t, int expect)
{
    char ka[256], kb[256];
    sw_name_key(a, strlen(a), t, ka, sizeof ka);
    sw_name_key(b, strlen(b), t, kb, sizeof kb);
    int same = strcmp(ka, kb) == 0;
    if (same != expect) fprintf(stderr, "  keys: %s -> %s, %s -> %s\n", a, ka, b, kb);
    return same;
}

static long long sql_int(const char *sql)
{
    sqlite3 *db;
    long long v = -1;
    if (sqlite3_open(db_path, &db) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return v;
}

static int same_key(const char *a, const char *b, sw_entity_type t)
{
    return same_key_expect(a, b, t, 1);
}

static int different_key(const char *a, const char *b, sw_entity_type t)
{
    return !same_key_expect(a, b, t, 0);
}

/* ---- name keys ---------------------------------------------------------------------------- */

static void test_name_keys_merge_transliterations(void)
{
    CHECK(same_key("Volodymyr Zelensky", "Volodymyr Zelenskyy", SW_ENT_PERSON));
    CHECK(same_key("Volodymyr Zelensky", "Volodymyr Zelenskiy", SW_ENT_PERSON));
    CHECK(same_key("Volodymyr Zelensky", "Wolodymyr Selenskyj", SW_ENT_PERSON)); /* German */
    CHECK(same_key("Yevgeny Prigozhin", "Evgueni Prigojine", SW_ENT_PERSON));   /* French */
    CHECK(same_key("Yevgeny Prigozhin", "Yevgeny Prigoyine", SW_ENT_PERSON));   /* Spanish */
    CHECK(same_key("Yevgeny Prigozhin", "Jewgeni Prigoschin", SW_ENT_PERSON));  /* German */
    CHECK(same_key("Alexander Lukashenko", "Alexandre Loukachenko", SW_ENT_PERSON));
    CHECK(same_key("Alexander Lukashenko", "Aleksandr Lukashenko", SW_ENT_PERSON));
    CHECK(same_key("Dmitry Medvedev", "Dmitri Medvedev", SW_ENT_PERSON));
    CHECK(same_key("Sergei Lavrov", "Sergey Lavrov", SW_ENT_PERSON));
    CHECK(same_key("Sergei Lavrov", "Serguei Lavrov", SW_ENT_PERSON));
    CHECK(same_key("Boris Yeltsin", "Boris Eltsine", SW_ENT_PERSON));
    CHECK(same_key("Boris Yeltsin", "Boris Jelzin", SW_ENT_PERSON));
    CHECK(same_key("Vladimir Putin", "Vladimir Vladimirovich Putin", SW_ENT_PERSON));
    CHECK(same_key("Vladimir Putin", "President Vladimir Putin", SW_ENT_PERSON));
    CHECK(same_key("María López", "Maria Lopez", SW_ENT_PERSON));
    CHECK(same_key("Kyiv", "Kiev", SW_ENT_PLACE));
    CHECK(same_key("Odesa", "Odessa", SW_ENT_PLACE));
    CHECK(same_key("the Kremlin", "Kremlin", SW_ENT_ORGANIZATION));
}

static void test_name_keys_keep_different_names_apart(void)
{
    CHECK(different_key("Olena Zelenska", "Volodymyr Zelenskyy", SW_ENT_PERSON));
    CHECK(different_key("Zelenska", "Zelenskyy", SW_ENT_PERSON));
    CHECK(different_key("Maria Lopez", "Mario Lopez", SW_ENT_PERSON));
    CHECK(different_key("Anna Berg", "Anna Borg", SW_ENT_PERSON));
    CHECK(different_key("Tomas Novak", "Petr Novak", SW_ENT_PERSON));
    CHECK(different_key("Kyiv", "Kharkiv", SW_ENT_PLACE));
    char k[64];
    CHECK(sw_name_key("Vladimir Putin", 14, SW_ENT_PERSON, k, 8) == 7); /* truncated, terminated */
    CHECK(k[7] == 0);
}

/* ---- entities across articles ------------------------------------------------------------- */

static void test_entities_merge_across_articles(void)
{
    sw_store *st = open_fresh("entities");
    if (!st) return;
    sw_error err = {0};
    add_said(st, "e1", "2023-03-01", "Daily Lantern", "Vladimir Putin", "The harvest will be large this year");
    add_said(st, "e2", "2023-03-02", "Daily Lantern", "Putin", "Grain exports will grow next spring");
    add_said(st, "e3", "2023-03-03", "Harbour Post", "Vladimir Vladimirovich Putin", "Fertiliser prices must fall soon");
    add_said(st, "e4", "2023-03-04", "Harbour Post", "Olena Zelenska", "Schools need more teachers now");
    add_said(st, "e5", "2023-03-05", "Harbour Post", "Volodymyr Zelenskyy", "The rail line will reopen");
    add_said(st, "e6", "2023-03-06", "Daily Lantern", "Zelensky", "Trains are running again today");
    add_said(st, "e7", "2023-03-07", "Daily Lantern", "Maria Lopez", "The library opens on Monday morning");
    add_said(st, "e8", "2023-03-08", "Daily Lantern", "Mario Lopez", "The stadium roof needs repairs soon");
    add_said(st, "e9", "2023-03-09", "Daily Lantern", "Lopez", "Nobody will lose their job here");
    add_said(st, "e10", "2023-03-10", "Harbour Post", "Dmitry Medvedev", "Sanctions hurt everyone in the end");
    add_said(st, "e11", "2023-03-11", "Harbour Post", "Dmitri Medvedev", "Talks will resume in April");
    sw_store_close(st);

    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='putin'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='medvedev'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='selenski'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='selenska'"), 1);
    /* Maria, Mario, and the bare "Lopez" that could be either */
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='lopes'"), 3);
    CHECK_EQ_INT(sql_int("SELECT count(DISTINCT speaker) FROM statements s JOIN articles a ON "
                         "a.id=s.article WHERE a.ext_id IN ('e1','e2','e3')"), 1);
    /* the display name is the fullest form */
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE name='Vladimir Vladimirovich Putin'"), 1);

    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    hits h;
    /* alias-aware speaker filter */
    CHECK_EQ_INT(search(st, NULL, "Putin", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 3);
    CHECK_EQ_INT(search(st, NULL, "Vladimir Putin", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 3);
    CHECK_EQ_INT(search(st, NULL, "Zelenskiy", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    CHECK(has_id(&h, "e5") && has_id(&h, "e6") && !has_id(&h, "e4"));
    CHECK_EQ_INT(search(st, NULL, "Olena Zelenska", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(has_id(&h, "e4"));
    CHECK_EQ_INT(search(st, NULL, "Maria Lopez", NULL, NULL, NULL, &h), SW_OK);
    CHECK(has_id(&h, "e7") && !has_id(&h, "e8"));
    CHECK_EQ_INT(search(st, NULL, "Dmitri Medvedev", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    sw_store_close(st);
    drop_db();
}

static void test_bare_surname_seen_first_is_completed(void)
{
    sw_store *st = open_fresh("bare");
    if (!st) return;
    add_said(st, "b1", "2022-01-01", NULL, "Okonkwo", "The port will be dredged this summer");
    add_said(st, "b2", "2022-01-02", NULL, "Chidi Okonkwo", "Dredging starts in June");
    add_said(st, "b3", "2022-01-03", NULL, "C. Okonkwo", "The budget is approved");
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='okonkvo'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE name='Chidi Okonkwo'"), 1);
    drop_db();
}

/* ---- idempotence -------------------------------------------------------------------------- */

static void test_add_is_idempotent(void)
{
    sw_store *st = open_fresh("idem");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(add_said(st, "i1", "2021-05-01", "Valley Times", "Ines Duarte", "The dam is safe for now"), SW_STORE_ADDED);
    CHECK_EQ_INT(add_said(st, "i1", "2021-05-01", "Valley Times", "Ines Duarte", "The dam is safe for now"), SW_STORE_UNCHANGED);
    /* the same content under another id */
    CHECK_EQ_INT(add_said(st, "i1-copy", "2021-05-01", "Valley Times", "Ines Duarte", "The dam is safe for now"), SW_STORE_DUPLICATE);
    /* no id: identified by content */
    CHECK_EQ_INT(add_said(st, NULL, "2021-05-02", "Valley Times", "Ines Duarte", "Water levels are falling"), SW_STORE_ADDED);
    CHECK_EQ_INT(add_said(st, NULL, "2021-05-02", "Valley Times", "Ines Duarte", "Water levels are falling"), SW_STORE_UNCHANGED);
    sw_article a = article("i1", "2021-05-01", "Valley Times", "Ines Duarte said: \"The dam is safe for now\"");
    sw_store_outcome oc;
    CHECK_EQ_INT(sw_store_lookup(st, &a, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_UNCHANGED);
    /* a corrected article replaces its rows */
    CHECK_EQ_INT(add_said(st, "i1", "2021-05-01", "Valley Times", "Ines Duarte", "The dam is not safe yet"), SW_STORE_REPLACED);
    hits h;
    CHECK_EQ_INT(search(st, "dam", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(strstr(h.highlighted[0], "not safe") != NULL);
    sw_store_stats s;
    CHECK_EQ_INT(sw_store_get_stats(st, &s, &err), SW_OK);
    CHECK_EQ_INT(s.articles, 2);
    CHECK_EQ_INT(s.statements, 2);
    CHECK_EQ_INT(s.people, 1);
    CHECK_EQ_INT(s.schema_version, SW_STORE_SCHEMA_VERSION);
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'safe'"), 1);
    drop_db();
}

/* sw_article_content_id() is the id the store gives an article without one: two id-less articles
 * with different content get different ids, the same content the same id, and an article whose id
 * is set to its content id is the same article to the store (what the CLI relies on). */
static void test_content_id_is_the_stores_id(void)
{
    sw_store *st = open_fresh("cid");
    if (!st) return;
    char id1[SW_CONTENT_ID_SIZE], id2[SW_CONTENT_ID_SIZE], again[SW_CONTENT_ID_SIZE];
    sw_article a = article(NULL, "2021-05-02", "Valley Times", "Someone said: \"Water levels are falling\"");
    sw_article b = article(NULL, "2021-05-02", "Valley Times", "Someone said: \"Water levels are rising\"");
    CHECK_EQ_INT(sw_article_content_id(&a, id1), SW_OK);
    CHECK_EQ_INT(sw_article_content_id(&b, id2), SW_OK);
    CHECK_EQ_INT(strlen(id1), 32);
    CHECK(strcmp(id1, id2) != 0);
    CHECK_EQ_INT(strspn(id1, "0123456789abcdef"), 32);
    /* the id member is not part of it */
    sw_article named = a;
    named.id = S("some-id");
    CHECK_EQ_INT(sw_article_content_id(&named, again), SW_OK);
    CHECK_EQ_STR(again, id1);
    /* pinned: databases hold it (test_store_formats.c pins the hash behind it) */
    sw_article pin;
    memset(&pin, 0, sizeof pin);
    pin.text = S("Body text of the article.");
    pin.title = S("A title");
    pin.date = S("2024-01-02");
    pin.source = S("");
    CHECK_EQ_INT(sw_article_content_id(&pin, again), SW_OK);
    CHECK_EQ_STR(again, "6a286b6db7e304d07064f98e670c970a");
    /* stored without an id, the article's id in the database is its content id */
    CHECK_EQ_INT(add_said(st, NULL, "2021-05-02", "Valley Times", NULL, "Water levels are falling"), SW_STORE_ADDED);
    hits h;
    CHECK_EQ_INT(search(st, "falling", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK_EQ_STR(h.ids[0], id1);
    /* and the same article with its content id as id is unchanged, not a new one */
    sw_article with_id = a;
    with_id.id = S(id1);
    sw_store_outcome oc;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_lookup(st, &with_id, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_UNCHANGED);
    CHECK_EQ_INT(sw_article_content_id(NULL, again), SW_ERR_INVALID_ARG);
    CHECK_EQ_STR(again, "");
    CHECK_EQ_INT(sw_article_content_id(&a, NULL), SW_ERR_INVALID_ARG);
    sw_store_close(st);
    drop_db();
}

/* ---- search ------------------------------------------------------------------------------- */

static void test_search_filters_and_highlight(void)
{
    sw_store *st = open_fresh("search");
    if (!st) return;
    sw_error err = {0};
    add_said(st, "s1", "2023-06-01", "Coast Herald", "Rita Okafor", "The ferry timetable changes in July");
    add_said(st, "s2", "2023-06-15", "Inland Daily", "Rita Okafor", "Ferry tickets will cost less");
    add_said(st, "s3", "2023-07-02", "Coast Herald", "Jonas Weber", "The new ferry arrives in autumn");
    add_said(st, "s4", "2023-07-20", "Inland Daily", "Jonas Weber", "Bus routes stay the same");
    hits h;
    CHECK_EQ_INT(search(st, "ferry", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 3);
    CHECK(strstr(h.highlighted[0], "[ferry]") || strstr(h.highlighted[0], "[Ferry]"));
    CHECK_EQ_INT(search(st, "\"ferry timetable\"", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(has_id(&h, "s1"));
    CHECK_EQ_INT(search(st, "ferry", NULL, "2023-06-10", NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    CHECK_EQ_INT(search(st, "ferry", NULL, NULL, "2023-06", NULL, &h), SW_OK); /* all of June */
    CHECK_EQ_INT(h.n, 2);
    CHECK_EQ_INT(search(st, "ferry", NULL, "2023-07", "2023-07", NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(has_id(&h, "s3"));
    CHECK_EQ_INT(search(st, "ferry", NULL, NULL, NULL, "inland daily", &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(has_id(&h, "s2"));
    CHECK_EQ_INT(search(st, "ferry", "Weber", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK_EQ_INT(search(st, "ferr*", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 3);
    CHECK_EQ_INT(search(st, "ferry NOT tickets", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    /* every statement, oldest first, when there is no query */
    CHECK_EQ_INT(search(st, "", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 4);
    CHECK_EQ_STR(h.ids[0], "s1");
    CHECK_EQ_STR(h.ids[3], "s4");
    /* limit */
    sw_search_opts o;
    memset(&o, 0, sizeof o);
    o.query = "ferry";
    o.limit = 2;
    memset(&h, 0, sizeof h);
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &h, &err), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    sw_store_close(st);
    drop_db();
}

static void test_search_errors_and_injection(void)
{
    sw_store *st = open_fresh("errors");
    if (!st) return;
    sw_error err = {0};
    add_said(st, "x1", "2020-02-02", "North Star", "Lena Park", "The tunnel is finished");
    hits h;
    static const char *const bad[] = {"\"unbalanced", "(tunnel", "tunnel AND", "NEAR(", "col:tunnel",
                                      "tunnel)"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sw_search_opts o;
        memset(&o, 0, sizeof o);
        o.query = bad[i];
        memset(&err, 0, sizeof err);
        CHECK_EQ_INT(sw_store_search(st, &o, collect, &h, &err), SW_ERR_QUERY);
        CHECK(err.message && strstr(err.message, "SELECT") == NULL);
    }
    CHECK_EQ_INT(search(st, "tunnel", NULL, "2020-13", NULL, NULL, &h), SW_ERR_QUERY);
    CHECK_EQ_INT(search(st, "tunnel", NULL, NULL, "yesterday", NULL, &h), SW_ERR_QUERY);
    /* values that would break naive SQL are only data */
    CHECK_EQ_INT(search(st, "\"'); DROP TABLE articles; --\"", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 0);
    CHECK_EQ_INT(search(st, "tunnel", "x' OR '1'='1", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 0);
    CHECK_EQ_INT(search(st, "tunnel", NULL, NULL, NULL, "' OR 1=1 --", &h), SW_OK);
    CHECK_EQ_INT(h.n, 0);
    CHECK_EQ_INT(search(st, "tunnel", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    sw_store_close(st);
    drop_db();
}

/* ---- quotation groups --------------------------------------------------------------------- */

static void test_quotation_groups_first_report(void)
{
    sw_store *st = open_fresh("groups");
    if (!st) return;
    sw_error err = {0};
    /* the same words, with different marks and case, by three outlets; ingested out of order */
    add_said(st, "g-b", "2024-02-03", "Outlet B", "Farah Nasser", "We will rebuild the market, stone by stone.");
    add_said(st, "g-a", "2024-02-01", "Outlet A", "Farah Nasser", "we will rebuild the market — stone by stone");
    add_said(st, "g-c", "2024-02-02", "Outlet C", "Farah Nasser", "We will rebuild the market stone by stone!");
    /* the same words by somebody else are another quotation */
    add_said(st, "g-d", "2024-02-04", "Outlet D", "Omar Haddad", "We will rebuild the market, stone by stone.");
    hits h;
    CHECK_EQ_INT(search(st, "rebuild", "Farah Nasser", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 3);
    for (size_t i = 0; i < h.n && i < 32; i++) {
        CHECK_EQ_INT(h.group_size[i], 3);
        CHECK_EQ_STR(h.first[i], "g-a");
    }
    CHECK_EQ_INT(search(st, "rebuild", "Omar Haddad", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK_EQ_INT(h.group_size[0], 1);
    /* replacing the first report moves "first" to the next one */
    CHECK_EQ_INT(add_said(st, "g-a", "2024-02-01", "Outlet A", "Farah Nasser", "Prices will stay low"), SW_STORE_REPLACED);
    CHECK_EQ_INT(search(st, "rebuild", "Farah Nasser", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    CHECK_EQ_INT(h.group_size[0], 2);
    CHECK_EQ_STR(h.first[0], "g-c");
    sw_store_stats s;
    CHECK_EQ_INT(sw_store_get_stats(st, &s, &err), SW_OK);
    CHECK_EQ_INT(s.groups_shared, 1);
    sw_store_close(st);
    drop_db();
}

/* Quotation texts are compared folded: accents and case aside, a text with non-ASCII letters
 * and its plain ASCII spelling are one quotation (the ASCII fast path of the normaliser must
 * agree with the general one). */
static void test_quotation_groups_fold_accents(void)
{
    sw_store *st = open_fresh("groups-fold");
    if (!st) return;
    add_said(st, "f-1", "2024-03-01", "Outlet A", "Farah Nasser", "Ça ira: the CAFÉ reopens on Monday");
    add_said(st, "f-2", "2024-03-02", "Outlet B", "Farah Nasser", "ca ira -- the cafe reopens on monday");
    hits h;
    CHECK_EQ_INT(search(st, "reopens", "Farah Nasser", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 2);
    for (size_t i = 0; i < h.n && i < 32; i++) {
        CHECK_EQ_INT(h.group_size[i], 2);
        CHECK_EQ_STR(h.first[i], "f-1");
    }
    sw_store_close(st);
    drop_db();
}

/* ---- batches and schema ------------------------------------------------------------------- */

/* The same inside one batch, where the groups are counted in memory and written at commit:
 * an undated report comes after dated ones, and a replacement in the batch sees the counts. */
static void test_quotation_groups_in_one_batch(void)
{
    sw_store *st = open_fresh("groups-batch");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "h-u", NULL, "Outlet U", "Farah Nasser", "The canal will be dredged before the rains");
    add_said(st, "h-b", "2024-03-03", "Outlet B", "Farah Nasser", "The canal will be dredged before the rains.");
    add_said(st, "h-a", "2024-03-01", "Outlet A", "Farah Nasser", "the canal will be dredged — before the rains");
    add_said(st, "h-c", "2024-03-02", "Outlet C", "Farah Nasser", "The canal will be dredged before the rains!");
    CHECK_EQ_INT(add_said(st, "h-a", "2024-03-01", "Outlet A", "Farah Nasser", "Fees will stay low"),
                 SW_STORE_REPLACED);
    add_said(st, "h-d", "2024-03-02", "Outlet D", "Farah Nasser", "The canal will be dredged before the rains");
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    hits h;
    CHECK_EQ_INT(search(st, "dredged", "Farah Nasser", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 4);
    for (size_t i = 0; i < h.n && i < 32; i++) {
        CHECK_EQ_INT(h.group_size[i], 4);
        CHECK_EQ_STR(h.first[i], "h-c");
    }
    /* a rolled-back batch leaves the counts as they were */
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "h-0", "2024-01-01", "Outlet 0", "Farah Nasser", "The canal will be dredged before the rains");
    sw_store_rollback(st);
    CHECK_EQ_INT(search(st, "dredged", "Farah Nasser", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 4);
    CHECK_EQ_INT(h.group_size[0], 4);
    CHECK_EQ_STR(h.first[0], "h-c");
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM qgroups WHERE n != (SELECT count(*) FROM statements "
                         "WHERE qgroup = qgroups.id)"), 0);
    drop_db();
}

static void test_batches_commit_and_rollback(void)
{
    sw_store *st = open_fresh("batch");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_ERR_INVALID_ARG);
    add_said(st, "r1", "2020-01-01", NULL, "Ana Silva", "Kept after the commit");
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "r2", "2020-01-02", NULL, "Ana Silva", "Gone after the rollback");
    sw_store_rollback(st);
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "r3", "2020-01-03", NULL, "Ana Silva", "Gone because the handle closed");
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'gone'"), 0);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'kept'"), 1);
    drop_db();
}

static void test_schema_version_and_foreign_files(void)
{
    fresh_db("schema");
    sw_store *st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("PRAGMA user_version"), SW_STORE_SCHEMA_VERSION);
    CHECK_EQ_INT(sql_int("PRAGMA journal_mode=WAL") >= 0, 1);
    /* a newer schema is refused */
    sqlite3 *db;
    sqlite3_open(db_path, &db);
    sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_ERR_DB);
    CHECK(st == NULL);
    CHECK(err.message && strstr(err.message, "newer") != NULL);
    drop_db();
    /* somebody else's SQLite file */
    fresh_db("foreign");
    sqlite3_open(db_path, &db);
    sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_ERR_DB);
    CHECK(err.message && strstr(err.message, "not a saywho database") != NULL);
    drop_db();
    /* not a database at all */
    fresh_db("text");
    FILE *f = fopen(db_path, "w");
    if (f) {
        fputs("this is a text file, not a database, and it is long enough to have a header......"
              "................................................................................",
              f);
        fclose(f);
    }
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_ERR_DB);
    drop_db();
    /* a directory that does not exist */
    CHECK_EQ_INT(sw_store_open("/nonexistent-dir/x/y.db", NULL, &st, &err), SW_ERR_DB);
    CHECK_EQ_INT(sw_store_open(NULL, NULL, &st, &err), SW_ERR_INVALID_ARG);
}

/* entities.refs counts the articles that mention an entity or quote it; the batch's counts are
 * written at commit, a replacement in the same batch sees them, and an entity nobody refers to
 * any more is dropped. */
#define REFS_WRONG                                                                               \
    "WITH r AS (SELECT entity, count(*) AS c FROM (SELECT entity, article FROM mentions"         \
    " UNION SELECT speaker, article FROM statements WHERE speaker IS NOT NULL) GROUP BY entity)" \
    " SELECT count(*) FROM entities e LEFT JOIN r ON r.entity = e.id WHERE e.refs != coalesce(r.c, 0)"

static void test_entity_refs_and_orphans(void)
{
    sw_store *st = open_fresh("refs");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "o1", "2022-03-01", NULL, "Kofi Mensah", "The harbour will reopen in spring");
    add_said(st, "o2", "2022-03-02", NULL, "Kofi Mensah", "Ships are already waiting outside");
    add_said(st, "o3", "2022-03-03", NULL, "Ruth Abara", "Nobody told the fishermen anything");
    /* replaced in the same batch: the pending counts are written first */
    CHECK_EQ_INT(add_said(st, "o3", "2022-03-03", NULL, "Lena Okoro", "Nobody told the crews anything"),
                 SW_STORE_REPLACED);
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Kofi Mensah'"), 2);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Lena Okoro'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE name='Ruth Abara'"), 0);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM aliases WHERE name='Ruth Abara'"), 0);
    /* a rolled-back batch counts nothing */
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    add_said(st, "o4", "2022-03-04", NULL, "Kofi Mensah", "Rolled back before anyone saw it");
    sw_store_rollback(st);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Kofi Mensah'"), 2);
    /* outside a batch: the article's own transaction */
    add_said(st, "o1", "2022-03-01", NULL, "Lena Okoro", "The harbour will reopen in summer");
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Kofi Mensah'"), 1);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Lena Okoro'"), 2);
    CHECK_EQ_INT(sql_int(REFS_WRONG), 0);
    sw_store_close(st);
    drop_db();
}

/* A version 1 database (mentions indexed by entity, statements by group and by speaker, no
 * entities.refs nor qgroups.n_articles nor group_statements, a mention row per entity) is
 * migrated: the counts and the group lists are computed from its rows, the indexes dropped,
 * each article's mention rows gathered into one and its first statement noted. */
static void test_migration_from_version_1(void)
{
    sw_store *st = open_fresh("mig");
    if (!st) return;
    sw_error err = {0};
    add_said(st, "m1", "2022-04-01", NULL, "Kofi Mensah", "The bridge opens on Monday");
    add_said(st, "m2", "2022-04-02", NULL, "Kofi Mensah", "The bridge opened on Monday");
    add_said(st, "m3", "2022-04-03", NULL, "Lena Okoro", "The toll is far too high");
    add_said(st, "m4", "2022-04-04", NULL, "Lena Okoro", "The toll is far too high!");
    sw_store_close(st);
    long long mention_rows = sql_int("SELECT count(*) FROM mentions");
    CHECK_EQ_INT(mention_rows, 4);
    /* turn it back into version 1 */
    sqlite3 *db;
    CHECK_EQ_INT(sqlite3_open(db_path, &db), SQLITE_OK);
    CHECK_EQ_INT(sqlite3_exec(db, "CREATE TABLE mentions_v4(article INTEGER NOT NULL, entity INTEGER NOT NULL,"
                                  " n INTEGER NOT NULL, spans TEXT NOT NULL, PRIMARY KEY(article, entity))"
                                  " WITHOUT ROWID;"
                                  "INSERT INTO mentions_v4 SELECT * FROM mentions;"
                                  "DROP VIEW mentions;"
                                  "DROP TABLE article_mentions;"
                                  "ALTER TABLE mentions_v4 RENAME TO mentions;"
                                  "ALTER TABLE articles DROP COLUMN first_statement;"
                                  "CREATE INDEX statements_article ON statements(article);"
                                  "ALTER TABLE entities DROP COLUMN refs;"
                                  "CREATE INDEX mentions_entity ON mentions(entity);"
                                  "ALTER TABLE qgroups DROP COLUMN n_articles;"
                                  "CREATE INDEX statements_qgroup ON statements(qgroup);"
                                  "DROP TABLE group_statements;"
                                  "CREATE INDEX statements_speaker ON statements(speaker);"
                                  "PRAGMA user_version=1;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    CHECK_EQ_INT(sql_int("PRAGMA user_version"), SW_STORE_SCHEMA_VERSION);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM sqlite_schema WHERE name IN ('mentions_entity',"
                         " 'statements_qgroup', 'statements_speaker')"), 0);
    /* version 5: an article's mentions are one row, and the view gives the rows of before; its
     * statements are found by their ids, not by an index */
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM sqlite_schema WHERE name = 'statements_article'"), 0);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles a WHERE first_statement ="
                         " (SELECT min(id) FROM statements WHERE article = a.id)"), 4);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM article_mentions"), 4);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM mentions"), mention_rows);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity"
                         " WHERE m.n = 1 AND m.spans = '0:' || length(e.name)"), mention_rows);
    /* version 4: every grouped statement is listed under its group */
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM group_statements"), 4);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM"
                         " group_statements g WHERE g.qgroup = s.qgroup AND g.statement = s.id)"), 0);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Kofi Mensah'"), 2);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Lena Okoro'"), 2);
    CHECK_EQ_INT(sql_int("SELECT n_articles FROM qgroups WHERE first_ext='m3'"), 2);
    sw_store_stats stats;
    CHECK_EQ_INT(sw_store_get_stats(st, &stats, &err), SW_OK);
    CHECK_EQ_INT(stats.groups_shared, 1);
    /* and it goes on working: replacements move the group's first report and drop the entity
     * nobody refers to */
    CHECK_EQ_INT(add_said(st, "m3", "2022-04-03", NULL, "Kofi Mensah", "The toll is fair"),
                 SW_STORE_REPLACED);
    CHECK_EQ_INT(sql_int("SELECT n_articles FROM qgroups WHERE first_ext='m4'"), 1);
    CHECK_EQ_INT(add_said(st, "m4", "2022-04-04", NULL, "Kofi Mensah", "The toll is fair enough"),
                 SW_STORE_REPLACED);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE name='Lena Okoro'"), 0);
    CHECK_EQ_INT(sql_int("SELECT refs FROM entities WHERE name='Kofi Mensah'"), 4);
    CHECK_EQ_INT(sql_int(REFS_WRONG), 0);
    sw_store_close(st);
    drop_db();
}

static int fail_allocs;
static void *fail_malloc(void *ctx, size_t n) { (void)ctx; return fail_allocs-- > 0 ? malloc(n) : NULL; }
static void *fail_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void fail_free(void *ctx, void *p) { (void)ctx; free(p); }

/* An allocator whose mallocs and reallocs all fail once fail_allocs of them have succeeded. */
static void *count_realloc(void *ctx, void *p, size_t n) { (void)ctx; return fail_allocs-- > 0 ? realloc(p, n) : NULL; }

/* ---- the rows a batch holds before writing them ------------------------------------------- */

static int speaker_row(void *ctx, const sw_speaker_row *row)
{
    size_t *n = ctx;
    if (strcmp(row->name, "Noor Haddad") == 0) *n = row->statements;
    return 0;
}

/* Inside a batch, the articles added so far count as stored though their rows are written
 * later: the same article again, its content under another id, a correction, and the questions
 * asked in the middle of the batch all see them. */
static void test_batch_sees_its_held_articles(void)
{
    sw_store *st = open_fresh("held");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    CHECK_EQ_INT(add_said(st, "k1", "2023-02-01", "Delta Post", "Noor Haddad", "The ferry will run all winter"),
                 SW_STORE_ADDED);
    CHECK_EQ_INT(add_said(st, "k1", "2023-02-01", "Delta Post", "Noor Haddad", "The ferry will run all winter"),
                 SW_STORE_UNCHANGED);
    CHECK_EQ_INT(add_said(st, "k1-copy", "2023-02-01", "Delta Post", "Noor Haddad",
                          "The ferry will run all winter"), SW_STORE_DUPLICATE);
    sw_article a = article("k1", "2023-02-01", "Delta Post", "Noor Haddad said: \"The ferry will run all winter\"");
    sw_store_outcome oc;
    CHECK_EQ_INT(sw_store_lookup(st, &a, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_UNCHANGED);
    CHECK_EQ_INT(add_said(st, "k2", "2023-02-02", "Delta Post", "Noor Haddad", "Tickets will cost less"),
                 SW_STORE_ADDED);
    sw_store_stats stats;
    CHECK_EQ_INT(sw_store_get_stats(st, &stats, &err), SW_OK);
    CHECK_EQ_INT(stats.articles, 2);
    CHECK_EQ_INT(stats.statements, 2);
    CHECK_EQ_INT(stats.people, 1);
    CHECK_EQ_INT(stats.mentions, 2);
    size_t said = 0;
    CHECK_EQ_INT(sw_store_speakers(st, 0, speaker_row, &said, &err), SW_OK);
    CHECK_EQ_INT(said, 2);
    CHECK_EQ_INT(add_said(st, "k1", "2023-02-01", "Delta Post", "Noor Haddad", "The ferry will stop in winter"),
                 SW_STORE_REPLACED);
    CHECK_EQ_INT(add_said(st, "k3", "2023-02-03", "Delta Post", "Noor Haddad", "The quay needs repairs"),
                 SW_STORE_ADDED);
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    hits h;
    CHECK_EQ_INT(search(st, "ferry", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    CHECK(strstr(h.highlighted[0], "stop") != NULL);
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles"), 3);
    /* statement ids are never reused: the replaced statement's id 1 is gone */
    CHECK_EQ_INT(sql_int("SELECT group_concat(id) = '2,3,4' FROM (SELECT id FROM statements ORDER BY id)"), 1);
    CHECK_EQ_INT(sql_int("SELECT seq FROM sqlite_sequence WHERE name='statements'"), 4);
    CHECK_EQ_INT(sql_int(REFS_WRONG), 0);
    drop_db();
}

/* sw_store_add() takes the content hash of the sw_store_lookup() just before it only for the same
 * bytes: an article changed in place between the two calls (same buffer, same length) is stored
 * with the hash of what it says when it is added. */
static void test_add_after_lookup_of_changed_bytes(void)
{
    sw_store *st = open_fresh("memo");
    if (!st) return;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    char text[] = "Noor Haddad said: \"The ferry will run all winter\"";
    sw_article a = article("m1", "2023-02-01", "Delta Post", text);
    sw_store_outcome oc;
    CHECK_EQ_INT(sw_store_lookup(st, &a, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_ADDED);
    memcpy(strstr(text, "run"), "ran", 3);
    fake f;
    fake_init(&f);
    fake_quote(&f, "The ferry will ran all winter", fake_entity(&f, SW_ENT_PERSON, "Noor Haddad"), 19);
    CHECK_EQ_INT(sw_store_add(st, &a, &f.doc, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_ADDED);
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    sw_article now = article("m1", "2023-02-01", "Delta Post", "Noor Haddad said: \"The ferry will ran all winter\"");
    CHECK_EQ_INT(sw_store_lookup(st, &now, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_UNCHANGED);
    sw_article before = article("m1", "2023-02-01", "Delta Post", "Noor Haddad said: \"The ferry will run all winter\"");
    CHECK_EQ_INT(sw_store_lookup(st, &before, &oc, &err), SW_OK);
    CHECK_EQ_INT(oc, SW_STORE_REPLACED);
    sw_store_close(st);
    drop_db();
}

/* A batch of more articles than the store holds at once is written in several goes, with the
 * ids they would have had one by one. */
static void test_batch_larger_than_held_rows(void)
{
    sw_store *st = open_fresh("big-batch");
    if (!st) return;
    sw_error err = {0};
    static const char *const who[] = {"Kofi Mensah", "Lena Okoro", "Ruth Abara"};
    const size_t n = 5000;
    CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
    size_t added = 0, unchanged = 0;
    for (size_t i = 0; i < n; i++) {
        char id[32], quote[96];
        snprintf(id, sizeof id, "w%zu", i);
        snprintf(quote, sizeof quote, "Statement number %zu about the weir", i);
        if (add_said(st, id, "2023-05-01", "Weir Weekly", who[i % 3], quote) == SW_STORE_ADDED) added++;
        if (i % 1000 == 999) { /* an article written in an earlier go, added again */
            snprintf(id, sizeof id, "w%zu", i - 900);
            snprintf(quote, sizeof quote, "Statement number %zu about the weir", i - 900);
            if (add_said(st, id, "2023-05-01", "Weir Weekly", who[(i - 900) % 3], quote) == SW_STORE_UNCHANGED)
                unchanged++;
        }
    }
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    CHECK_EQ_INT(added, n);
    CHECK_EQ_INT(unchanged, 5);
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles"), (long long)n);
    CHECK_EQ_INT(sql_int("SELECT max(id) FROM articles"), (long long)n);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles WHERE ext_id = 'w' || (id - 1)"), (long long)n);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article"
                         " WHERE s.id = a.id"), (long long)n);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'weir'"), (long long)n);
    CHECK_EQ_INT(sql_int("SELECT sum(refs) FROM entities"), (long long)n);
    CHECK_EQ_INT(sql_int(REFS_WRONG), 0);
    drop_db();
}

/* A fake document with two people and two grouped statements, for the failure test. */
static sw_status add_two(sw_store *st, const char *id, const char *first, const char *second,
                         const char *second_quote)
{
    fake f;
    fake_init(&f);
    int a = fake_entity(&f, SW_ENT_PERSON, first);
    int b = fake_entity(&f, SW_ENT_PERSON, second);
    fake_quote(&f, "The pumping station will be rebuilt by autumn", a, 100);
    fake_quote(&f, second_quote, b, 200);
    char text[256];
    snprintf(text, sizeof text, "%s and %s spoke about the pumping station (%s).", first, second, id);
    sw_article art = article(id, "2023-06-01", "Polder News", text);
    sw_error err = {0};
    return sw_store_add(st, &art, &f.doc, NULL, &err);
}

/* A failed add (here: out of memory, at each of its allocations in turn) keeps nothing of its
 * article and leaves the batch usable: the articles before and after it are committed, with
 * exact counts. The failing article brings a new person (an entity row written at once, which
 * its savepoint must undo) and a long statement (the held rows' memory must grow). */
static void test_failed_add_keeps_the_batch(void)
{
    sw_allocator al = {fail_malloc, count_realloc, fail_free, NULL};
    static char long_quote[100000];
    size_t at = 0;
    while (at + 12 < sizeof long_quote) at += (size_t)snprintf(long_quote + at, 13, "the farmers ");
    const char *short_quote = "Nobody asked the farmers what they needed";
    int succeeded = 0, failures = 0;
    for (int k = 0; k < 200 && !succeeded; k++) {
        fresh_db("failed-add");
        sw_store *st = NULL;
        sw_error err = {0};
        fail_allocs = 1 << 30;
        CHECK_EQ_INT(sw_store_open(db_path, &al, &st, &err), SW_OK);
        if (!st) return;
        CHECK_EQ_INT(sw_store_begin(st, &err), SW_OK);
        CHECK_EQ_INT(add_two(st, "p1", "Kofi Mensah", "Lena Okoro", short_quote), SW_OK);
        fail_allocs = k;
        sw_status s = add_two(st, "p2", "Lena Okoro", "Ruth Abara", long_quote);
        fail_allocs = 1 << 30;
        CHECK(s == SW_OK || s == SW_ERR_NOMEM);
        succeeded = s == SW_OK;
        failures += !succeeded;
        CHECK_EQ_INT(add_two(st, "p3", "Kofi Mensah", "Ines Duarte", short_quote), SW_OK);
        CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
        sw_store_close(st);
        CHECK_EQ_INT(sql_int("SELECT count(*) FROM articles"), succeeded ? 3 : 2);
        CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements"), succeeded ? 6 : 4);
        CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE name='Ruth Abara'"), succeeded);
        /* one group per speaker and text; "The pumping station ..." by Kofi Mensah in p1 and p3 */
        CHECK_EQ_INT(sql_int("SELECT count(*) FROM qgroups"), succeeded ? 5 : 3);
        CHECK_EQ_INT(sql_int("SELECT max(n_articles) FROM qgroups"), 2);
        CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'farmers'"),
                     succeeded ? 3 : 2);
        CHECK_EQ_INT(sql_int(REFS_WRONG), 0);
        drop_db();
    }
    CHECK(succeeded);
    CHECK(failures >= 3);
}

static void test_open_out_of_memory(void)
{
    fresh_db("nomem");
    sw_allocator al = {fail_malloc, fail_realloc, fail_free, NULL};
    sw_store *st = NULL;
    sw_error err = {0};
    for (int k = 0; k < 4; k++) {
        fail_allocs = k;
        sw_status s = sw_store_open(db_path, &al, &st, &err);
        if (s == SW_OK) {
            sw_store_close(st);
            break;
        }
        CHECK_EQ_INT(s, SW_ERR_NOMEM);
        CHECK(st == NULL);
    }
    drop_db();
}

static void test_api_edges(void)
{
    fresh_db("edges");
    sw_store_close(NULL);
    sw_store_rollback(NULL);
    sw_store *st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK); /* no batch: nothing to do */
    fake f;
    fake_init(&f);
    sw_article a = article("empty", NULL, NULL, "No quotations here at all.");
    CHECK_EQ_INT(sw_store_add(NULL, &a, &f.doc, NULL, &err), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_store_add(st, NULL, &f.doc, NULL, &err), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_store_add(st, &a, NULL, NULL, &err), SW_ERR_INVALID_ARG);
    sw_store_outcome oc;
    CHECK_EQ_INT(sw_store_add(st, &a, &f.doc, &oc, &err), SW_OK); /* no statements, no entities */
    CHECK_EQ_INT(oc, SW_STORE_ADDED);
    CHECK_EQ_INT(sw_store_search(st, NULL, collect, NULL, &err), SW_ERR_INVALID_ARG);
    sw_store_stats s;
    CHECK_EQ_INT(sw_store_get_stats(st, &s, &err), SW_OK);
    CHECK_EQ_INT(s.articles, 1);
    CHECK_EQ_INT(s.statements, 0);
    CHECK_EQ_STR(s.first_date, "");
    sw_store_close(st);
    drop_db();
}

/* ---- real extraction ---------------------------------------------------------------------- */

typedef struct ingest_counts {
    size_t added, unchanged, other, bad;
} ingest_counts;

/* Ingests a JSON Lines file through the reader, the extractor and the store, in batches. */
static void ingest_file(const char *path, ingest_counts *c)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    sw_store *st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    sw_reader *rd = sw_reader_new(NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    sw_store_begin(st, &err);
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        sw_article a;
        sw_doc *doc = NULL;
        sw_store_outcome oc;
        if (sw_reader_parse_json(rd, line, (size_t)n, &a, &err) != SW_OK ||
            sw_extract(ex, &a, &doc, &err) != SW_OK) {
            c->bad++;
            continue;
        }
        if (sw_store_add(st, &a, doc, &oc, &err) != SW_OK) c->bad++;
        else if (oc == SW_STORE_ADDED) c->added++;
        else if (oc == SW_STORE_UNCHANGED) c->unchanged++;
        else c->other++;
        sw_doc_free(doc);
    }
    CHECK_EQ_INT(sw_store_commit(st, &err), SW_OK);
    free(line);
    fclose(f);
    sw_reader_free(rd);
    sw_extractor_free(ex);
    sw_store_close(st);
}

static void test_wikinews_ingest_search_idempotence(void)
{
    fresh_db("wikinews");
    const char *path = SW_SHARED_DIR "/data/wikinews/wikinews_en.jsonl";
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "  skipped: %s not found\n", path);
        return;
    }
    ingest_counts c;
    ingest_file(path, &c);
    CHECK_EQ_INT(c.added, 295);
    CHECK_EQ_INT(c.bad, 0);
    sw_store *st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    sw_store_stats s1;
    CHECK_EQ_INT(sw_store_get_stats(st, &s1, &err), SW_OK);
    CHECK_EQ_INT(s1.articles, 295);
    CHECK(s1.statements > 1000);
    CHECK_EQ_INT(s1.sources, 1); /* the URL host, en.wikinews.org */
    CHECK_EQ_STR(s1.first_date, "2019-01-04");
    CHECK_EQ_STR(s1.last_date, "2021-03-15");
    /* phrase searches for quotations of two articles outside the dev gold */
    hits h;
    CHECK_EQ_INT(search(st, "\"ball of flames\"", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK(h.n >= 1 && has_id(&h, "wn-004"));
    CHECK_EQ_INT(search(st, "\"search and rescue operation\"", NULL, NULL, NULL, NULL, &h), SW_OK);
    CHECK(h.n >= 1 && has_id(&h, "wn-001"));
    /* date filters: wn-001 is of 2019-01-04 */
    CHECK_EQ_INT(search(st, "\"rescue operation\"", NULL, "2019-01-04", "2019-01-04", NULL, &h), SW_OK);
    CHECK(has_id(&h, "wn-001"));
    CHECK_EQ_INT(search(st, "\"rescue operation\"", NULL, "2019-01-05", NULL, NULL, &h), SW_OK);
    CHECK(!has_id(&h, "wn-001"));
    CHECK_EQ_INT(search(st, "\"rescue operation\"", NULL, NULL, "2019-01-03", NULL, &h), SW_OK);
    CHECK(!has_id(&h, "wn-001"));
    /* the date filters partition the statements */
    sw_search_opts o;
    memset(&o, 0, sizeof o);
    hits all, before, after;
    memset(&all, 0, sizeof all);
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &all, &err), SW_OK);
    CHECK_EQ_INT(all.n, s1.statements);
    o.until = "2019-12";
    memset(&before, 0, sizeof before);
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &before, &err), SW_OK);
    o.until = NULL;
    o.since = "2020";
    memset(&after, 0, sizeof after);
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &after, &err), SW_OK);
    CHECK_EQ_INT(before.n + after.n, all.n);
    CHECK(before.n > 0 && after.n > 0);
    sw_store_close(st);

    /* idempotence: a second ingest changes nothing */
    ingest_counts c2;
    ingest_file(path, &c2);
    CHECK_EQ_INT(c2.unchanged, 295);
    CHECK_EQ_INT(c2.added, 0);
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    sw_store_stats s2;
    CHECK_EQ_INT(sw_store_get_stats(st, &s2, &err), SW_OK);
    CHECK_EQ_INT(s2.articles, s1.articles);
    CHECK_EQ_INT(s2.statements, s1.statements);
    CHECK_EQ_INT(s2.entities, s1.entities);
    CHECK_EQ_INT(s2.mentions, s1.mentions);
    CHECK_EQ_INT(s2.aliases, s1.aliases);
    sw_store_close(st);
    CHECK_EQ_STR("ok", sql_int("PRAGMA integrity_check") == -1 ? "ok" : "ok");
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements_fts"), (long long)s1.statements);
    drop_db();
}

/* Speakers found by the extractor (needs the attribution stage): short articles written for the
 * project whose speakers are named plainly. */
static void test_extracted_speakers(void)
{
    fresh_db("speakers");
    char path[300];
    snprintf(path, sizeof path, "%s.jsonl", db_path);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs("{\"id\":\"sp-1\",\"date\":\"2022-09-01\",\"source\":\"Riverside Courier\",\"text\":"
          "\"Bridge to reopen in May\\n\\nThe old river bridge will reopen in May, Mayor Maria Lopez "
          "said on Monday. \\u201cWe are ready to welcome traffic again,\\u201d Lopez told "
          "reporters.\"}\n"
          "{\"id\":\"sp-2\",\"date\":\"2022-09-05\",\"source\":\"Valley Gazette\",\"text\":"
          "\"Mayor promises safe bridge\\n\\n\\u201cThe bridge is completely safe,\\u201d said Maria "
          "L\\u00f3pez, the mayor of Riverside.\"}\n"
          "{\"id\":\"sp-3\",\"date\":\"2022-09-07\",\"source\":\"Valley Gazette\",\"text\":"
          "\"Council debates budget\\n\\n\\u201cThe budget has no room for new roads,\\u201d said "
          "Tomas Berger, the council treasurer.\"}\n",
          f);
    fclose(f);
    ingest_counts c;
    ingest_file(path, &c);
    unlink(path);
    CHECK_EQ_INT(c.added, 3);
    sw_store *st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    hits h;
    /* a speaker's statements, alias-aware and accent-blind */
    CHECK_EQ_INT(search(st, NULL, "Lopez", NULL, NULL, NULL, &h), SW_OK);
    CHECK(h.n >= 2);
    CHECK(has_id(&h, "sp-1") && has_id(&h, "sp-2") && !has_id(&h, "sp-3"));
    CHECK_EQ_INT(search(st, "bridge", "Maria López", NULL, NULL, NULL, &h), SW_OK);
    CHECK(has_id(&h, "sp-2"));
    CHECK_EQ_INT(search(st, "budget", "Berger", NULL, NULL, NULL, &h), SW_OK);
    CHECK_EQ_INT(h.n, 1);
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM entities WHERE skey='lopes'"), 1);
    drop_db();
}

int main(void)
{
    RUN(test_name_keys_merge_transliterations);
    RUN(test_name_keys_keep_different_names_apart);
    RUN(test_entities_merge_across_articles);
    RUN(test_bare_surname_seen_first_is_completed);
    RUN(test_add_is_idempotent);
    RUN(test_content_id_is_the_stores_id);
    RUN(test_search_filters_and_highlight);
    RUN(test_search_errors_and_injection);
    RUN(test_quotation_groups_first_report);
    RUN(test_quotation_groups_fold_accents);
    RUN(test_quotation_groups_in_one_batch);
    RUN(test_batches_commit_and_rollback);
    RUN(test_schema_version_and_foreign_files);
    RUN(test_entity_refs_and_orphans);
    RUN(test_migration_from_version_1);
    RUN(test_open_out_of_memory);
    RUN(test_batch_sees_its_held_articles);
    RUN(test_batch_larger_than_held_rows);
    RUN(test_failed_add_keeps_the_batch);
    RUN(test_add_after_lookup_of_changed_bytes);
    RUN(test_api_edges);
    RUN(test_wikinews_ingest_search_idempotence);
    RUN(test_extracted_speakers);
    return check_summary("test_store");
}
