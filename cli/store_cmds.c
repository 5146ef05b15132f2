/*
 * store_cmds.c -- the store subcommands: ingest, search, speakers, quotes, stats.
 *
 * Uses only the public API (saywho.h) and the shared input loop (commands.h). The library does the
 * storing and querying; this file reads the options (cli_parse, with the tables of specs.c), shows
 * progress on a terminal and writes the results in the format of --output (output.h);
 * store_report.c has what they say beyond their rows.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "commands.h"
#include "store_report.h"

/* ---- shared helpers ----------------------------------------------------------------------- */

/* Prints "saywho: MESSAGE" on stderr. */
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("saywho: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* Opens an existing store for the query commands. */
static sw_store *open_existing(const char *path)
{
    if (access(path, F_OK) != 0) {
        say("%s: no such database (create it with 'saywho ingest %s FILE...')", path, path);
        return NULL;
    }
    sw_store *st = NULL;
    sw_error err = {0};
    if (sw_store_open(path, NULL, &st, &err) != SW_OK) {
        say("%s: %s", path, err.message);
        return NULL;
    }
    return st;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- ingest ------------------------------------------------------------------------------- */

typedef struct ingest_ctx {
    sw_store *store;
    sw_extractor *ex;
    size_t batch_size, in_batch;
    size_t seen, added, replaced, unchanged, duplicates, conflicts, statements, failed;
    size_t committed;   /* articles added or replaced by the batches committed so far */
    size_t committed_added, committed_replaced, committed_bad_dates; /* the counts at the last commit */
    int replace;        /* --replace: a different article under a stored id replaces it */
    int db_error;
    int progress;
    double started, last_shown;
    cli_input_stats *stats;
    cli_bad_dates bad_dates; /* stored articles whose date could not be read */
    const char *language;
} ingest_ctx;

static void show_progress(ingest_ctx *c, int final)
{
    double t = now_seconds();
    if (!final && t - c->last_shown < 0.25) return;
    c->last_shown = t;
    double el = t - c->started;
    double rate = el > 0 ? (double)c->seen / el : 0;
    char eta[48] = "";
    if (!final && c->stats && c->stats->bytes_total && c->stats->bytes_read && el > 0.5) {
        double left = (double)(c->stats->bytes_total - c->stats->bytes_read) /
                      ((double)c->stats->bytes_read / el);
        if (left < 0) left = 0;
        snprintf(eta, sizeof eta, ", ETA %d:%02d", (int)left / 60, (int)left % 60);
    }
    fprintf(stderr, "\rsaywho: %zu articles (%zu new), %zu statements, %.0f articles/s%s   %s",
            c->seen, c->added + c->replaced, c->statements, rate, eta, final ? "\n" : "");
    fflush(stderr);
}

/* "FILE:LINE" of an article for messages ("FILE" for a plain-text file, "stdin" for "-"). */
static void where(char *buf, size_t cap, const char *file, size_t line)
{
    const char *name = strcmp(file, "-") ? file : "stdin";
    if (line) snprintf(buf, cap, "%s:%zu", name, line);
    else snprintf(buf, cap, "%s", name);
}

/* Says on stderr that a different article arrived under the id of a stored one, and what was done
 * about it: never a silent replacement (issue 12). */
static void report_conflict(ingest_ctx *c, const sw_article *art, const char *file, size_t line)
{
    char at[512];
    where(at, sizeof at, file, line);
    if (c->progress) fputc('\n', stderr);
    fprintf(stderr, "saywho: %s: id '%.*s' is already stored with other content; %s\n", at,
            (int)(art->id.len > 200 ? 200 : art->id.len), art->id.ptr,
            c->replace ? "replaced the stored article (--replace)"
                       : "kept the stored article (--replace to replace it)");
}

/* Abandons the open batch after a database error, with its counts, and says how many articles
 * were lost with it (the next run stores them). */
static void rollback_batch(ingest_ctx *c)
{
    sw_store_rollback(c->store);
    if (c->added + c->replaced > c->committed)
        say("the %zu articles of the open batch were not stored", c->added + c->replaced - c->committed);
    c->added = c->committed_added;
    c->replaced = c->committed_replaced;
    c->bad_dates.n = c->committed_bad_dates;
}

/* Commits the open batch; counts what it made durable. On failure the batch is rolled back, and
 * so are its counts: the summary says what the database holds. */
static int commit_batch(ingest_ctx *c, sw_error *err)
{
    cli_hold_interrupts(1);
    sw_status st = sw_store_commit(c->store, err);
    cli_hold_interrupts(0);
    if (st != SW_OK) {
        rollback_batch(c);
        return -1;
    }
    c->committed_added = c->added;
    c->committed_replaced = c->replaced;
    c->committed_bad_dates = c->bad_dates.n;
    c->committed = c->added + c->replaced;
    c->in_batch = 0;
    return 0;
}

static int ingest_one(void *ctx, const sw_article *art, const char *file, size_t line)
{
    ingest_ctx *c = ctx;
    sw_error err = {0};
    sw_store_outcome oc;
    if (cli_interrupted) return 1; /* stop before this article: the next run takes it */
    c->seen++;
    cli_hold_interrupts(1);
    sw_status ls = sw_store_lookup(c->store, art, &oc, &err);
    cli_hold_interrupts(0);
    if (ls != SW_OK) goto db_failed;
    if (oc == SW_STORE_UNCHANGED || oc == SW_STORE_DUPLICATE) {
        if (oc == SW_STORE_UNCHANGED) c->unchanged++;
        else c->duplicates++;
        if (c->progress) show_progress(c, 0);
        return 0;
    }
    if (oc == SW_STORE_REPLACED) {
        report_conflict(c, art, file, line);
        if (!c->replace) {
            c->conflicts++;
            if (c->progress) show_progress(c, 0);
            return 0;
        }
    }
    sw_doc *doc = NULL;
    if (sw_extract(c->ex, art, &doc, &err) != SW_OK) {
        fprintf(stderr, "saywho: %s:%zu: byte %zu: %s\n", strcmp(file, "-") ? file : "stdin",
                line, err.offset, err.message);
        c->failed++;
        return 0;
    }
    cli_hold_interrupts(1);
    sw_status st = sw_store_add(c->store, art, doc, &oc, &err);
    cli_hold_interrupts(0);
    size_t nq = sw_doc_quote_count(doc);
    sw_doc_free(doc);
    if (st == SW_ERR_NOMEM) {
        fprintf(stderr, "saywho: %s:%zu: %s\n", strcmp(file, "-") ? file : "stdin", line,
                err.message);
        c->failed++;
        return 0;
    }
    if (st != SW_OK) goto db_failed;
    if (oc == SW_STORE_ADDED) c->added++;
    else if (oc == SW_STORE_REPLACED) c->replaced++;
    if (oc == SW_STORE_ADDED || oc == SW_STORE_REPLACED)
        cli_note_date(&c->bad_dates, art, c->language, file, line);
    c->statements += nq;
    if (++c->in_batch >= c->batch_size) {
        if (commit_batch(c, &err) != 0) goto db_failed;
        cli_hold_interrupts(1);
        sw_status bs = sw_store_begin(c->store, &err);
        cli_hold_interrupts(0);
        if (bs != SW_OK) goto db_failed;
    }
    if (c->progress) show_progress(c, 0);
    return 0;
db_failed:
    if (c->progress) fputc('\n', stderr);
    fprintf(stderr, "saywho: %s:%zu: cannot store the article: %s\n",
            strcmp(file, "-") ? file : "stdin", line, err.message);
    c->db_error = 1;
    return 1;
}

/* Removes a database this run created and stored nothing in (with the files SQLite keeps beside
 * it), so that a failed run leaves nothing behind (issue 12). */
static void remove_new_db(const char *db)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t n = strlen(db) + strlen(suffixes[i]) + 1;
        char *p = malloc(n);
        if (!p) return;
        snprintf(p, n, "%s%s", db, suffixes[i]);
        if (unlink(p) != 0 && errno != ENOENT && i == 0) say("%s: cannot remove: %s", db, strerror(errno));
        free(p);
    }
}

int sw_cmd_ingest(int argc, char **argv)
{
    cli_args args;
    cli_args_init(&args, cli_find_command("ingest"));
    args.batch = 5000;
    int parsed = cli_parse(cli_find_command("ingest"), argc, argv, &args);
    if (parsed >= 0) {
        cli_args_free(&args);
        return parsed;
    }
    size_t batch = args.batch;
    const char *db = args.positional[0];
    char **files = args.positional + 1;
    int nfiles = args.n_positional - 1;
    sw_format fmt = strcmp(args.input_format, "jsonl") == 0  ? SW_FORMAT_JSONL
                    : strcmp(args.input_format, "text") == 0 ? SW_FORMAT_TEXT
                                                             : SW_FORMAT_AUTO;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.language = args.language;
    ingest_ctx c;
    memset(&c, 0, sizeof c);
    c.batch_size = batch;
    c.replace = args.replace;
    c.progress = isatty(2);
    c.language = opts.language;
    sw_error err = {0};
    c.ex = cli_extractor(&opts, "ingest"); /* before the database: a wrong language creates no file */
    if (!c.ex) {
        cli_args_free(&args);
        return SW_EXIT_USAGE;
    }
    int db_existed = access(db, F_OK) == 0;
    if (sw_store_open(db, NULL, &c.store, &err) != SW_OK) {
        say("%s: %s", db, err.message);
        sw_extractor_free(c.ex);
        cli_args_free(&args);
        return SW_EXIT_USAGE;
    }
    if (sw_store_begin(c.store, &err) != SW_OK) {
        say("%s: %s", db, err.message);
        sw_extractor_free(c.ex);
        sw_store_close(c.store);
        if (!db_existed) remove_new_db(db);
        cli_args_free(&args);
        return SW_EXIT_USAGE;
    }
    /* Ctrl-C and SIGTERM stop the loop between two articles; what was extracted is committed */
    if (cli_catch_interrupts() != 0) say("cannot catch interrupts: Ctrl-C loses the open batch");
    cli_input_stats stats;
    memset(&stats, 0, sizeof stats);
    c.stats = &stats;
    c.started = c.last_shown = now_seconds();
    int loop = cli_for_each_article(files, nfiles, fmt, ingest_one, &c, &stats);
    int interrupted = cli_interrupted;
    int status = SW_EXIT_OK;
    if (!c.db_error) {
        /* an I/O error on the input or an interrupt keeps what was read so far: it is consistent */
        if (commit_batch(&c, &err) != 0) {
            say("%s: %s", db, err.message);
            status = SW_EXIT_USAGE;
        }
    } else {
        rollback_batch(&c);
        status = SW_EXIT_USAGE;
    }
    if (loop != 0 && !interrupted && status == SW_EXIT_OK) status = SW_EXIT_USAGE;
    /* the summary, on a terminal or not: what happened to every article read; then what needs
     * a closer look (conflicts, dates that could not be read) */
    if (c.progress) show_progress(&c, 1);
    fprintf(stderr,
            "saywho: %zu added, %zu replaced, %zu unchanged, %zu duplicates, %zu conflicts, "
            "%zu rejected\n",
            c.added, c.replaced, c.unchanged, c.duplicates, c.conflicts, stats.rejected + c.failed);
    if (c.conflicts)
        say("%zu conflict%s: a different article under an id already stored; kept the stored "
            "article%s (--replace to replace)", c.conflicts, c.conflicts == 1 ? "" : "s",
            c.conflicts == 1 ? "" : "s");
    if (c.bad_dates.n) /* the articles are stored, undated */
        say("%zu article date%s could not be read (the first: '%s', %s); stored without a date",
            c.bad_dates.n, c.bad_dates.n == 1 ? "" : "s", c.bad_dates.example, c.bad_dates.where);
    if (status == SW_EXIT_OK && (stats.rejected || c.failed || c.conflicts)) status = SW_EXIT_REJECTED;
    if (interrupted) {
        say("interrupted; run the same command again to continue");
        status = 128 + interrupted;
    }
    sw_extractor_free(c.ex);
    cli_hold_interrupts(1); /* closing checkpoints the WAL: no EINTR in its fsync */
    sw_store_close(c.store);
    cli_hold_interrupts(0);
    /* a run that failed (or stopped) before storing anything leaves no new database behind */
    if (!db_existed && c.committed == 0 && status != SW_EXIT_OK) remove_new_db(db);
    cli_args_free(&args);
    return status;
}

/* ---- search and quotes -------------------------------------------------------------------- */

/* The fields of a statement found (the order of --output jsonl since version 0.1.0), then the
 * columns only the table shows. */
enum { H_STATEMENT, H_ARTICLE, H_DATE, H_SOURCE, H_TITLE, H_URL, H_SPEAKER, H_CUE, H_VIA, H_START,
       H_END, H_KIND, H_SECTION, H_CONFIDENCE, H_SCORE, H_TEXT, H_GROUP_SIZE, H_FIRST_ARTICLE,
       H_FIRST_DATE, H_TABLE_TEXT, N_HIT_COLUMNS };
static const cli_column hit_columns[N_HIT_COLUMNS] = {
    [H_STATEMENT] = {"statement", NULL, CLI_COL_NUMBER, 0},
    [H_ARTICLE] = {"article", "ARTICLE", 0, 20, 8},
    [H_DATE] = {"date", "DATE", 0, 10, 10},
    [H_SOURCE] = {"source", "SOURCE", CLI_COL_OPTIONAL, 20},
    [H_TITLE] = {"title", NULL, 0, 0},
    [H_URL] = {"url", NULL, 0, 0},
    [H_SPEAKER] = {"speaker", "SPEAKER", 0, 24, 10},
    [H_CUE] = {"cue", NULL, 0, 0},
    [H_VIA] = {"via", NULL, 0, 0},
    [H_START] = {"start", NULL, CLI_COL_NUMBER, 0},
    [H_END] = {"end", NULL, CLI_COL_NUMBER, 0},
    [H_KIND] = {"kind", "KIND", 0, 0, 8},
    [H_SECTION] = {"section", NULL, 0, 0},
    [H_CONFIDENCE] = {"confidence", NULL, CLI_COL_NUMBER, 0},
    [H_SCORE] = {"score", NULL, CLI_COL_NUMBER, 0},
    [H_TEXT] = {"text", NULL, 0, 0},
    [H_GROUP_SIZE] = {"group_size", NULL, CLI_COL_NUMBER, 0},
    [H_FIRST_ARTICLE] = {"first_article", NULL, 0, 0},
    [H_FIRST_DATE] = {"first_date", NULL, 0, 0},
    [H_TABLE_TEXT] = {NULL, "TEXT", CLI_COL_WRAP, 0},
};

typedef struct print_ctx {
    cli_rows *rows;
    size_t n;
    int failed;
} print_ctx;

static int print_hit(void *ctx, const sw_hit *h)
{
    print_ctx *p = ctx;
    p->n++;
    char id[32], start[32], end[32], conf[32], score[32], group[32];
    snprintf(id, sizeof id, "%lld", (long long)h->statement_id);
    snprintf(start, sizeof start, "%zu", h->start);
    snprintf(end, sizeof end, "%zu", h->end);
    cli_number(h->confidence, conf); /* one number format in every store command */
    cli_number(h->score, score);
    snprintf(group, sizeof group, "%zu", h->group_size);
    /* the table's text: verbatim words in marks, matches highlighted, and the reports */
    char *shown = cli_statement_for_people(h->kind, h->highlighted ? h->highlighted : h->text);
    char *table_text = shown;
    if (shown && h->group_size > 1) {
        size_t n = strlen(shown) + 160 + (h->first_article_id ? strlen(h->first_article_id) : 0);
        table_text = malloc(n);
        if (table_text)
            snprintf(table_text, n, "%s\n(%zu reports of this quotation; first: %s, %s)", shown,
                     h->group_size, h->first_article_id ? h->first_article_id : "?",
                     h->first_date ? h->first_date : "no date");
    }
    const char *v[N_HIT_COLUMNS] = {
        [H_STATEMENT] = id, [H_ARTICLE] = h->article_id, [H_DATE] = h->date,
        [H_SOURCE] = h->source, [H_TITLE] = h->title, [H_URL] = h->url,
        [H_SPEAKER] = h->speaker, [H_CUE] = h->cue, [H_VIA] = h->via, [H_START] = start,
        [H_END] = end, [H_KIND] = sw_quote_kind_name(h->kind),
        [H_SECTION] = sw_section_name(h->section), [H_CONFIDENCE] = conf, [H_SCORE] = score,
        [H_TEXT] = h->text, [H_GROUP_SIZE] = group, [H_FIRST_ARTICLE] = h->first_article_id,
        [H_FIRST_DATE] = h->first_date, [H_TABLE_TEXT] = table_text};
    int r = table_text ? cli_rows_add(p->rows, v) : -1;
    if (!table_text) say("out of memory");
    if (table_text != shown) free(table_text);
    free(shown);
    if (r != 0) p->failed = 1;
    return r != 0; /* a failed write stops the search */
}

/* Ends the output of a query command: 0, or 2 when the output could not be written (said once,
 * by cli_stdout_check) or memory ran out (said where it ran out). */
static int end_output(cli_rows *rows, int failed)
{
    if (cli_rows_end(rows) != 0) failed = 1;
    if (cli_stdout_check() != 0) return SW_EXIT_USAGE;
    return failed ? SW_EXIT_USAGE : SW_EXIT_OK;
}

static int run_search(const cli_args *o, const char *db, const char *query, int by_date)
{
    sw_store *st = open_existing(db);
    if (!st) return SW_EXIT_USAGE;
    cli_output fmt = cli_output_of(o);
    int colour = fmt == CLI_OUT_TABLE && cli_use_colour();
    sw_search_opts so;
    memset(&so, 0, sizeof so);
    so.query = query;
    so.speaker = o->speaker;
    so.since = o->since;
    so.until = o->until;
    so.source = o->source;
    so.limit = o->limit;
    so.by_date = by_date;
    so.mark_open = CLI_MARK_OPEN; /* the table shows them in bold, or as [ ] */
    so.mark_close = CLI_MARK_CLOSE;
    print_ctx p = {cli_rows_new(fmt, stdout, hit_columns, N_HIT_COLUMNS, colour, cli_term_width()),
                   0, 0};
    if (!p.rows) {
        sw_store_close(st);
        say("out of memory");
        return SW_EXIT_USAGE;
    }
    sw_error err = {0};
    sw_status s = sw_store_search(st, &so, print_hit, &p, &err);
    sw_store_close(st);
    if (s != SW_OK && !p.failed) {
        cli_rows_end(p.rows);
        cli_search_error(query, &err);
        return SW_EXIT_USAGE;
    }
    int status = end_output(p.rows, p.failed);
    if (status == SW_EXIT_OK && !p.n && fmt == CLI_OUT_TABLE && isatty(1)) say("no statements found");
    return status;
}

int sw_cmd_search(int argc, char **argv)
{
    cli_args o;
    cli_args_init(&o, cli_find_command("search"));
    o.limit = 20;
    int status = cli_parse(cli_find_command("search"), argc, argv, &o);
    if (status < 0) status = run_search(&o, o.positional[0], o.positional[1], 0);
    cli_args_free(&o);
    return status;
}

int sw_cmd_quotes(int argc, char **argv)
{
    cli_args o;
    cli_args_init(&o, cli_find_command("quotes"));
    o.limit = 0;
    int status = cli_parse(cli_find_command("quotes"), argc, argv, &o);
    if (status < 0) status = run_search(&o, o.positional[0], NULL, 1);
    cli_args_free(&o);
    return status;
}

/* ---- speakers and stats ------------------------------------------------------------------- */

enum { P_NAME, P_ENTITY, P_TYPE, P_GENDER, P_STATEMENTS, P_ARTICLES, P_FIRST, P_LAST, P_TABLE_NAME,
       N_SPEAKER_COLUMNS };
static const cli_column speaker_columns[N_SPEAKER_COLUMNS] = {
    [P_NAME] = {"name", NULL, 0, 0},
    [P_ENTITY] = {"entity", NULL, CLI_COL_NUMBER, 0},
    [P_TYPE] = {"type", NULL, 0, 0},
    [P_GENDER] = {"gender", NULL, 0, 0},
    [P_STATEMENTS] = {"statements", "STATEMENTS", CLI_COL_NUMBER, 0},
    [P_ARTICLES] = {"articles", "ARTICLES", CLI_COL_NUMBER, 0},
    [P_FIRST] = {"first_date", "FIRST", 0, 10, 10},
    [P_LAST] = {"last_date", "LAST", 0, 10, 10},
    [P_TABLE_NAME] = {NULL, "SPEAKER", CLI_COL_WRAP, 0},
};

static int print_speaker(void *ctx, const sw_speaker_row *r)
{
    print_ctx *p = ctx;
    p->n++;
    char entity[32], statements[32], articles[32];
    snprintf(entity, sizeof entity, "%lld", (long long)r->entity_id);
    snprintf(statements, sizeof statements, "%zu", r->statements);
    snprintf(articles, sizeof articles, "%zu", r->articles);
    int person = r->entity_id && r->type == SW_ENT_PERSON;
    const char *v[N_SPEAKER_COLUMNS] = {
        [P_NAME] = r->name,
        [P_ENTITY] = r->entity_id ? entity : NULL, /* an unnamed group ("police") is no entity */
        [P_TYPE] = r->entity_id ? sw_entity_type_name(r->type) : "group",
        [P_GENDER] = person && r->gender != SW_GENDER_UNKNOWN ? sw_gender_name(r->gender) : NULL,
        [P_STATEMENTS] = statements, [P_ARTICLES] = articles, [P_FIRST] = r->first_date,
        [P_LAST] = r->last_date, [P_TABLE_NAME] = r->name};
    if (cli_rows_add(p->rows, v) != 0) {
        p->failed = 1;
        return 1;
    }
    return 0;
}

int sw_cmd_speakers(int argc, char **argv)
{
    cli_args o;
    cli_args_init(&o, cli_find_command("speakers"));
    o.limit = 20;
    int status = cli_parse(cli_find_command("speakers"), argc, argv, &o);
    if (status >= 0) {
        cli_args_free(&o);
        return status;
    }
    sw_speaker_opts so;
    memset(&so, 0, sizeof so);
    so.since = o.since; /* checked by the parser (specs.c) */
    so.until = o.until;
    so.source = o.source;
    so.genders = o.gender ? cli_gender_mask(o.gender, NULL) : 0;
    so.limit = o.limit;
    sw_store *st = open_existing(o.positional[0]);
    cli_output fmt = cli_output_of(&o);
    print_ctx p = {NULL, 0, 0};
    if (st)
        p.rows = cli_rows_new(fmt, stdout, speaker_columns, N_SPEAKER_COLUMNS,
                              fmt == CLI_OUT_TABLE && cli_use_colour(), cli_term_width());
    if (!st || !p.rows) {
        if (st) say("out of memory");
        sw_store_close(st);
        cli_args_free(&o);
        return SW_EXIT_USAGE;
    }
    sw_error err = {0};
    sw_status s = sw_store_list_speakers(st, &so, print_speaker, &p, &err);
    sw_store_close(st);
    cli_args_free(&o);
    if (s != SW_OK && !p.failed) {
        cli_rows_end(p.rows);
        say("%s", err.message);
        return SW_EXIT_USAGE;
    }
    return end_output(p.rows, p.failed);
}

static const cli_column stats_columns[] = {
    {"schema_version", NULL, CLI_COL_NUMBER, 0, 0}, {"articles", NULL, CLI_COL_NUMBER, 0, 0},
    {"statements", NULL, CLI_COL_NUMBER, 0, 0},     {"attributed", NULL, CLI_COL_NUMBER, 0, 0},
    {"entities", NULL, CLI_COL_NUMBER, 0, 0},       {"people", NULL, CLI_COL_NUMBER, 0, 0},
    {"organizations", NULL, CLI_COL_NUMBER, 0, 0},  {"places", NULL, CLI_COL_NUMBER, 0, 0},
    {"mentions", NULL, CLI_COL_NUMBER, 0, 0},       {"aliases", NULL, CLI_COL_NUMBER, 0, 0},
    {"shared_quotations", NULL, CLI_COL_NUMBER, 0, 0}, {"sources", NULL, CLI_COL_NUMBER, 0, 0},
    {"first_date", NULL, 0, 0, 0},                  {"last_date", NULL, 0, 0, 0},
    {"bytes", NULL, CLI_COL_NUMBER, 0, 0},
    /* who is quoted, by gender: JSON (store_report.h), in CSV and TSV a cell holding it */
    {"gender", NULL, CLI_COL_JSON, 0, 0},           {"gender_by_source", NULL, CLI_COL_JSON, 0, 0},
};
#define N_STATS_COLUMNS (sizeof stats_columns / sizeof stats_columns[0])

int sw_cmd_stats(int argc, char **argv)
{
    cli_args o;
    cli_args_init(&o, cli_find_command("stats"));
    int status = cli_parse(cli_find_command("stats"), argc, argv, &o);
    if (status >= 0) {
        cli_args_free(&o);
        return status;
    }
    sw_speaker_opts so; /* the articles of the gender shares */
    memset(&so, 0, sizeof so);
    so.since = o.since; /* checked by the parser (specs.c) */
    so.until = o.until;
    so.source = o.source;
    sw_store *st = open_existing(o.positional[0]);
    cli_output fmt = cli_output_of(&o);
    if (!st) {
        cli_args_free(&o);
        return SW_EXIT_USAGE;
    }
    sw_store_stats s;
    cli_gender_report g;
    memset(&g, 0, sizeof g);
    sw_error err = {0};
    sw_status rc = sw_store_get_stats(st, &s, &err);
    if (rc == SW_OK) rc = cli_gender_report_get(st, &so, &g, &err);
    sw_store_close(st);
    cli_args_free(&o);
    if (rc != SW_OK) {
        cli_gender_report_free(&g);
        say("%s", err.message);
        return SW_EXIT_USAGE;
    }
    if (fmt == CLI_OUT_TABLE) {
        printf("articles            %zu\n", s.articles);
        printf("statements          %zu\n", s.statements);
        printf("  with a speaker    %zu\n", s.attributed);
        printf("entities            %zu (%zu people, %zu organizations, %zu places)\n", s.entities,
               s.people, s.organizations, s.places);
        printf("mentions            %zu\n", s.mentions);
        printf("aliases             %zu\n", s.aliases);
        printf("shared quotations   %zu (reported by two articles or more)\n", s.groups_shared);
        printf("sources             %zu\n", s.sources);
        printf("dates               %s .. %s\n", s.first_date[0] ? s.first_date : "-",
               s.last_date[0] ? s.last_date : "-");
        printf("database size       %.1f MB (schema version %d)\n",
               (double)s.file_bytes / 1e6, s.schema_version);
        int failed = cli_gender_table(&g, stdout, cli_use_colour(), cli_term_width()) != 0;
        cli_gender_report_free(&g);
        return end_output(NULL, failed);
    }
    char *gender = NULL, *by_source = NULL;
    int nomem = cli_gender_json(&g, &gender, &by_source) != 0;
    cli_gender_report_free(&g);
    if (nomem) {
        say("out of memory");
        return SW_EXIT_USAGE;
    }
    char num[12][32], bytes[32];
    size_t counts[12] = {(size_t)s.schema_version, s.articles, s.statements, s.attributed,
                         s.entities, s.people, s.organizations, s.places, s.mentions, s.aliases,
                         s.groups_shared, s.sources};
    for (int i = 0; i < 12; i++) snprintf(num[i], sizeof num[i], "%zu", counts[i]);
    snprintf(bytes, sizeof bytes, "%lld", (long long)s.file_bytes);
    const char *v[N_STATS_COLUMNS];
    for (int i = 0; i < 12; i++) v[i] = num[i];
    v[12] = s.first_date[0] ? s.first_date : NULL; /* null: no dated article */
    v[13] = s.last_date[0] ? s.last_date : NULL;
    v[14] = bytes;
    v[15] = gender;
    v[16] = by_source;
    /* json: the one object, as jsonl writes it */
    cli_rows *rows = cli_rows_new(fmt == CLI_OUT_JSON ? CLI_OUT_JSONL : fmt, stdout, stats_columns,
                                  N_STATS_COLUMNS, 0, 0);
    int failed = !rows || cli_rows_add(rows, v) != 0;
    free(gender);
    free(by_source);
    if (!rows) {
        say("out of memory");
        return SW_EXIT_USAGE;
    }
    return end_output(rows, failed);
}
