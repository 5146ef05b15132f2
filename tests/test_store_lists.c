/* test_store_lists.c -- searches and lists people expect, on a real SQLite file: punctuated search
 * terms (COVID-19, U.S., Trump's, 9/11) found as written while the FTS5 syntax keeps working, the
 * dates feeds write read at sw_store_add (an unreadable one stored without a date, not dropped),
 * speakers filtered by date, source and gender, and the shares of statements and people by
 * gender, overall and per source. Every name and sentence below is written for the project.
 *
 * The documents are made by hand (the public sw_quote / sw_entity structs in a fake sw_doc), so
 * the counts are known whatever the extractor finds. */
#include <unistd.h>
#include <sqlite3.h>
#include "check.h"
#include "doc.h"

static char db_path[256];

static void drop_db(void)
{
    char p[300];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

static sw_store *open_fresh(const char *name)
{
    sw_store *st = NULL;
    sw_error err = {0};
    snprintf(db_path, sizeof db_path, "/tmp/sw_test_lists_%d_%s.db", (int)getpid(), name);
    drop_db();
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    return st;
}

static sw_str S(const char *s) { return (sw_str){s, s ? strlen(s) : 0}; }

typedef struct fake {
    struct sw_doc doc;
    sw_quote q[8];
    sw_entity e[8];
    sw_mention m[8];
} fake;

/* Stores an article whose statements are said by the given speakers, one each: a speaker is
 * "Name/g" (g: f, m, u for a person of that gender; o for an organisation), or NULL for nobody. */
static void add_article(sw_store *st, const char *id, const char *date, const char *source,
                        const char *text, const char *const *speakers, size_t n)
{
    fake f;
    memset(&f, 0, sizeof f);
    f.doc.quotes = f.q;
    f.doc.pub_ents = f.e;
    f.doc.title = "";
    f.doc.id = "";
    char names[8][64];
    for (size_t i = 0; i < n && i < 8; i++) {
        int ent = -1;
        if (speakers[i]) {
            snprintf(names[i], sizeof names[i], "%s", speakers[i]);
            char *slash = strchr(names[i], '/');
            char kind = slash ? slash[1] : 'u';
            if (slash) *slash = 0;
            ent = (int)f.doc.n_pub_ents++;
            size_t nl = strlen(names[i]);
            f.m[ent] = (sw_mention){0, nl, names[i], nl};
            f.e[ent] = (sw_entity){ent, kind == 'o' ? SW_ENT_ORGANIZATION : SW_ENT_PERSON, names[i],
                                   kind == 'f' ? SW_GENDER_FEMALE : kind == 'm' ? SW_GENDER_MALE : SW_GENDER_UNKNOWN,
                                   &f.m[ent], 1};
        }
        sw_quote *q = &f.q[f.doc.n_quotes++];
        memset(q, 0, sizeof *q);
        q->start = 10 * i;
        q->end = 10 * i + 5;
        q->text = text;
        q->text_len = strlen(text);
        q->kind = SW_KIND_DIRECT;
        q->is_statement = 1;
        q->speaker_entity = ent;
        q->addressee_entity = -1;
        q->speaker_name = ent >= 0 ? f.e[ent].name : NULL;
        q->resolution = ent >= 0 ? SW_RES_EXPLICIT : SW_RES_NONE;
        q->confidence = 0.9;
    }
    sw_article a;
    memset(&a, 0, sizeof a);
    a.id = S(id);
    a.date = S(date);
    a.source = S(source);
    a.text = S(text);
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_add(st, &a, &f.doc, NULL, &err), SW_OK);
}

static void add_one(sw_store *st, const char *id, const char *date, const char *source, const char *text,
                    const char *speaker)
{
    const char *sp[1] = {speaker};
    add_article(st, id, date, source, text, sp, 1);
}

typedef struct ids {
    size_t n;
    char id[16][32];
} ids;

static int collect(void *ctx, const sw_hit *h)
{
    ids *x = ctx;
    if (x->n < 16) snprintf(x->id[x->n], 32, "%s", h->article_id);
    x->n++;
    return 0;
}

/* The ids of the articles the query finds, sorted and joined ("a,b"), or "!STATUS@OFFSET". */
static const char *found(sw_store *st, const char *query)
{
    static char buf[256];
    ids x;
    memset(&x, 0, sizeof x);
    sw_search_opts o;
    memset(&o, 0, sizeof o);
    o.query = query;
    sw_error err = {0};
    sw_status s = sw_store_search(st, &o, collect, &x, &err);
    if (s != SW_OK) {
        snprintf(buf, sizeof buf, "!%d@%zu", (int)s, err.offset);
        return buf;
    }
    for (size_t i = 0; i < x.n; i++)
        for (size_t j = i + 1; j < x.n; j++)
            if (strcmp(x.id[j], x.id[i]) < 0) {
                char t[32];
                memcpy(t, x.id[i], 32);
                memcpy(x.id[i], x.id[j], 32);
                memcpy(x.id[j], t, 32);
            }
    buf[0] = 0;
    for (size_t i = 0; i < x.n && i < 16; i++) {
        if (i && strcmp(x.id[i], x.id[i - 1]) == 0) continue;
        size_t l = strlen(buf);
        snprintf(buf + l, sizeof buf - l, "%s%s", l ? "," : "", x.id[i]);
    }
    return buf;
}

static void test_punctuated_search_terms_found_as_written(void)
{
    sw_store *st = open_fresh("punct");
    if (!st) return;
    add_one(st, "p1", "2026-03-01", "Desk", "COVID-19 cases rose again in the U.S. this week", "Ana Ruiz/f");
    add_one(st, "p2", "2026-03-02", "Desk", "Trump's plan for the ports was announced", "Ben Ode/m");
    add_one(st, "p3", "2026-03-03", "Desk", "We remember 9/11 every year", "Cleo Marsh/f");
    add_one(st, "p4", "2026-03-04", "Desk", "The covid vaccines reached us in 19 days", "Dan Pike/m");
    CHECK_EQ_STR(found(st, "COVID-19"), "p1");
    CHECK_EQ_STR(found(st, "U.S."), "p1");
    CHECK_EQ_STR(found(st, "Trump's"), "p2");
    CHECK_EQ_STR(found(st, "Trump’s"), "p2");
    CHECK_EQ_STR(found(st, "9/11"), "p3");
    /* the FTS5 syntax still works, with punctuated terms inside it */
    CHECK_EQ_STR(found(st, "covid"), "p1,p4");
    CHECK_EQ_STR(found(st, "COVID-19 OR vaccines"), "p1,p4");
    CHECK_EQ_STR(found(st, "covid NOT U.S."), "p4");
    CHECK_EQ_STR(found(st, "\"covid vaccines\""), "p4");
    CHECK_EQ_STR(found(st, "vaccin*"), "p4");
    CHECK_EQ_STR(found(st, "NEAR(covid 19, 0)"), "p1");
    CHECK_EQ_STR(found(st, "text:remember"), "p3");
    CHECK_EQ_STR(found(st, "covid (U.S. OR vaccines)"), "p1,p4");
    /* real syntax errors, with the byte where they are */
    CHECK_EQ_STR(found(st, "covid AND"), "!10@6");
    CHECK_EQ_STR(found(st, "(U.S. OR covid"), "!10@0");
    CHECK_EQ_STR(found(st, "covid \"U.S."), "!10@6");
    sw_store_close(st);
    drop_db();
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

static void test_feed_dates_are_read_at_ingest(void)
{
    sw_store *st = open_fresh("dates");
    if (!st) return;
    add_one(st, "rfc", "Wed, 04 Mar 2026 10:00:00 GMT", "Desk", "The harbour opens", "Ana Ruiz/f");
    add_one(st, "iso", "2026-03-05T23:30:00-05:00", "Desk", "The harbour closes", "Ana Ruiz/f");
    add_one(st, "written", "March 6, 2026", "Desk", "The harbour floods", "Ana Ruiz/f");
    add_one(st, "daymonth", "7 March 2026", "Desk", "The harbour dries", "Ana Ruiz/f");
    add_one(st, "plain", "2026-03-08", "Desk", "The harbour sleeps", "Ana Ruiz/f");
    add_one(st, "impossible", "2020-02-30", "Desk", "The harbour dreams", "Ana Ruiz/f");
    add_one(st, "unreadable", "last Tuesday", "Desk", "The harbour waits", "Ana Ruiz/f");
    sw_store_close(st);
    CHECK_EQ_INT(sql_int("SELECT date = '2026-03-04' FROM articles WHERE ext_id = 'rfc'"), 1);
    CHECK_EQ_INT(sql_int("SELECT date = '2026-03-05' FROM articles WHERE ext_id = 'iso'"), 1);
    CHECK_EQ_INT(sql_int("SELECT date = '2026-03-06' FROM articles WHERE ext_id = 'written'"), 1);
    CHECK_EQ_INT(sql_int("SELECT date = '2026-03-07' FROM articles WHERE ext_id = 'daymonth'"), 1);
    CHECK_EQ_INT(sql_int("SELECT date = '2026-03-08' FROM articles WHERE ext_id = 'plain'"), 1);
    /* stored, without a date, the date as given kept */
    CHECK_EQ_INT(sql_int("SELECT date IS NULL AND date_raw = '2020-02-30' FROM articles WHERE ext_id = 'impossible'"), 1);
    CHECK_EQ_INT(sql_int("SELECT date IS NULL AND date_raw = 'last Tuesday' FROM articles WHERE ext_id = 'unreadable'"), 1);
    CHECK_EQ_INT(sql_int("SELECT count(*) FROM statements"), 7);
    /* the read dates filter */
    st = NULL;
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_open(db_path, NULL, &st, &err), SW_OK);
    if (!st) return;
    ids x;
    memset(&x, 0, sizeof x);
    sw_search_opts o;
    memset(&o, 0, sizeof o);
    o.query = "harbour";
    o.since = "2026-03-05";
    o.until = "2026-03-06";
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &x, &err), SW_OK);
    CHECK_EQ_INT(x.n, 2);
    /* an impossible filter date is refused with a message */
    o.since = "2020-02-30";
    CHECK_EQ_INT(sw_store_search(st, &o, collect, &x, &err), SW_ERR_QUERY);
    CHECK(err.message && strstr(err.message, "no such day"));
    sw_store_close(st);
    drop_db();
}

/* A small corpus with known genders: two sources.
 *   North Post: Ana (f) x3, Ben (m) x1, Cleo (f) x1, Dan (m) x1, council (org) x1, nobody x1
 *   South Star: Ben (m) x2, Eve (unknown) x1, Ana (f) x1
 * Statements by people: 6 + 4 = 10: f 3+1+1 = 5, m 1+1+2 = 4, u 1. People: f {Ana, Cleo} 2,
 * m {Ben, Dan} 2, u {Eve} 1. */
static sw_store *gender_corpus(void)
{
    sw_store *st = open_fresh("gender");
    if (!st) return NULL;
    const char *n1[] = {"Ana Ruiz/f", "Ana Ruiz/f", "Ben Ode/m", "Riverton Council/o"};
    add_article(st, "n1", "2026-01-10", "North Post", "The ferry will run on time", n1, 4);
    const char *n2[] = {"Ana Ruiz/f", "Cleo Marsh/f", "Dan Pike/m", NULL};
    add_article(st, "n2", "2026-02-10", "North Post", "The ferry is late again", n2, 4);
    const char *s1[] = {"Ben Ode/m", "Ben Ode/m", "Eve Lark/u"};
    add_article(st, "s1", "2026-01-20", "South Star", "Ferry prices rise", s1, 3);
    const char *s2[] = {"Ana Ruiz/f"};
    add_article(st, "s2", "2026-02-20", "South Star", "Ferry prices fall", s2, 1);
    return st;
}

typedef struct grows {
    size_t n;
    sw_gender_counts row[8];
    char source[8][32];
} grows;

static int collect_gender(void *ctx, const sw_gender_counts *r)
{
    grows *g = ctx;
    if (g->n < 8) {
        g->row[g->n] = *r;
        snprintf(g->source[g->n], 32, "%s", r->source ? r->source : "(null)");
    }
    g->n++;
    return 0;
}

static void test_gender_shares_overall_and_per_source(void)
{
    sw_store *st = gender_corpus();
    if (!st) return;
    grows g;
    memset(&g, 0, sizeof g);
    sw_error err = {0};
    CHECK_EQ_INT(sw_store_gender_counts(st, NULL, collect_gender, &g, &err), SW_OK);
    CHECK_EQ_INT(g.n, 3);
    /* total */
    CHECK_EQ_INT(g.row[0].is_total, 1);
    CHECK_EQ_STR(g.source[0], "(null)");
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_FEMALE], 5);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_MALE], 4);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_UNKNOWN], 1);
    CHECK_EQ_INT(g.row[0].other_statements, 2);
    CHECK_EQ_INT(g.row[0].people[SW_GENDER_FEMALE], 2);
    CHECK_EQ_INT(g.row[0].people[SW_GENDER_MALE], 2);
    CHECK_EQ_INT(g.row[0].people[SW_GENDER_UNKNOWN], 1);
    /* North Post has the most statements (8), then South Star (4) */
    CHECK_EQ_INT(g.row[1].is_total, 0);
    CHECK_EQ_STR(g.source[1], "North Post");
    CHECK_EQ_INT(g.row[1].statements[SW_GENDER_FEMALE], 4);
    CHECK_EQ_INT(g.row[1].statements[SW_GENDER_MALE], 2);
    CHECK_EQ_INT(g.row[1].statements[SW_GENDER_UNKNOWN], 0);
    CHECK_EQ_INT(g.row[1].other_statements, 2);
    CHECK_EQ_INT(g.row[1].people[SW_GENDER_FEMALE], 2);
    CHECK_EQ_INT(g.row[1].people[SW_GENDER_MALE], 2);
    CHECK_EQ_STR(g.source[2], "South Star");
    CHECK_EQ_INT(g.row[2].statements[SW_GENDER_FEMALE], 1);
    CHECK_EQ_INT(g.row[2].statements[SW_GENDER_MALE], 2);
    CHECK_EQ_INT(g.row[2].statements[SW_GENDER_UNKNOWN], 1);
    CHECK_EQ_INT(g.row[2].people[SW_GENDER_FEMALE], 1);
    CHECK_EQ_INT(g.row[2].people[SW_GENDER_MALE], 1);
    CHECK_EQ_INT(g.row[2].people[SW_GENDER_UNKNOWN], 1);
    /* filtered by date: January only (n1, s1) */
    sw_speaker_opts o;
    memset(&o, 0, sizeof o);
    o.until = "2026-01";
    memset(&g, 0, sizeof g);
    CHECK_EQ_INT(sw_store_gender_counts(st, &o, collect_gender, &g, &err), SW_OK);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_FEMALE], 2);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_MALE], 3);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_UNKNOWN], 1);
    CHECK_EQ_INT(g.row[0].people[SW_GENDER_MALE], 1);
    /* a source filter leaves one source row */
    memset(&o, 0, sizeof o);
    o.source = "south star";
    memset(&g, 0, sizeof g);
    CHECK_EQ_INT(sw_store_gender_counts(st, &o, collect_gender, &g, &err), SW_OK);
    CHECK_EQ_INT(g.n, 2);
    CHECK_EQ_INT(g.row[0].statements[SW_GENDER_MALE], 2);
    /* nothing selected: a total row of zeros */
    o.source = "Nowhere Gazette";
    memset(&g, 0, sizeof g);
    CHECK_EQ_INT(sw_store_gender_counts(st, &o, collect_gender, &g, &err), SW_OK);
    CHECK_EQ_INT(g.n, 1);
    CHECK_EQ_INT(g.row[0].is_total, 1);
    CHECK_EQ_INT(g.row[0].statements[0] + g.row[0].statements[1] + g.row[0].statements[2], 0);
    o.source = NULL;
    o.since = "2020-02-30";
    CHECK_EQ_INT(sw_store_gender_counts(st, &o, collect_gender, &g, &err), SW_ERR_QUERY);
    sw_store_close(st);
    drop_db();
}

typedef struct srows {
    size_t n;
    char name[16][32];
    size_t statements[16];
    sw_gender gender[16];
} srows;

static int collect_speaker(void *ctx, const sw_speaker_row *r)
{
    srows *s = ctx;
    if (s->n < 16) {
        snprintf(s->name[s->n], 32, "%s", r->name);
        s->statements[s->n] = r->statements;
        s->gender[s->n] = r->gender;
    }
    s->n++;
    return 0;
}

static void test_speakers_filters(void)
{
    sw_store *st = gender_corpus();
    if (!st) return;
    sw_error err = {0};
    srows s;
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_list_speakers(st, NULL, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 6); /* Ana, Ben, Cleo, Dan, Eve, the council */
    CHECK_EQ_STR(s.name[0], "Ana Ruiz");
    CHECK_EQ_INT(s.statements[0], 4);
    CHECK_EQ_INT(s.gender[0], SW_GENDER_FEMALE);
    sw_speaker_opts o;
    memset(&o, 0, sizeof o);
    o.genders = SW_GENDER_BIT(SW_GENDER_FEMALE);
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_list_speakers(st, &o, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 2);
    CHECK_EQ_STR(s.name[0], "Ana Ruiz");
    CHECK_EQ_STR(s.name[1], "Cleo Marsh");
    o.genders = SW_GENDER_BIT(SW_GENDER_UNKNOWN);
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_list_speakers(st, &o, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 1); /* people only: the council has no gender but is no person */
    CHECK_EQ_STR(s.name[0], "Eve Lark");
    /* dates and source: counts are of the selected statements */
    memset(&o, 0, sizeof o);
    o.since = "2026-02";
    o.source = "North Post";
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_list_speakers(st, &o, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 3);
    CHECK_EQ_STR(s.name[0], "Ana Ruiz");
    CHECK_EQ_INT(s.statements[0], 1);
    memset(&o, 0, sizeof o);
    o.until = "2026-01-15";
    o.genders = SW_GENDER_BIT(SW_GENDER_MALE) | SW_GENDER_BIT(SW_GENDER_FEMALE);
    o.limit = 1;
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_list_speakers(st, &o, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 1);
    CHECK_EQ_STR(s.name[0], "Ana Ruiz");
    CHECK_EQ_INT(s.statements[0], 2);
    o.until = "2026-13";
    CHECK_EQ_INT(sw_store_list_speakers(st, &o, collect_speaker, &s, &err), SW_ERR_QUERY);
    /* the old entry point is the same list with a limit */
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(sw_store_speakers(st, 2, collect_speaker, &s, &err), SW_OK);
    CHECK_EQ_INT(s.n, 2);
    sw_store_close(st);
    drop_db();
}

int main(void)
{
    RUN(test_punctuated_search_terms_found_as_written);
    RUN(test_feed_dates_are_read_at_ingest);
    RUN(test_gender_shares_overall_and_per_source);
    RUN(test_speakers_filters);
    return check_summary("test_store_lists");
}
