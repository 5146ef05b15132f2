/*
 * store_cmds.c -- the store subcommands: ingest, search, speakers, quotes, stats.
 *
 * Uses only the public API (saywho.h) and the shared input loop (commands.h). The library does the
 * storing and querying; this file parses options, shows progress on a terminal and formats
 * results as a table for people or JSON Lines for programs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "commands.h"

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

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-') return 0;
    *out = (size_t)v;
    return 1;
}

/* Option parsing shared by the query commands: --name VALUE pairs and positionals. */
typedef struct opts {
    const char *positional[4];
    int n_positional;
    const char *speaker, *since, *until, *source, *format;
    size_t limit;
    int has_limit;
    size_t batch;
    int help;
} opts;

/* Returns 0 on success, prints a message and returns -1 on a usage error. */
static int parse_opts(int argc, char **argv, opts *o, const char *allowed)
{
    memset(o, 0, sizeof *o);
    int no_more_options = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!no_more_options && strcmp(a, "--") == 0) {
            no_more_options = 1;
            continue;
        }
        if (!no_more_options && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            o->help = 1;
            continue;
        }
        if (!no_more_options && a[0] == '-' && a[1] == '-' && a[2]) {
            const char *name = a + 2;
            char key[32];
            snprintf(key, sizeof key, " %s ", name);
            if (!strstr(allowed, key)) {
                say("unknown option '%s' for '%s'", a, argv[0]);
                return -1;
            }
            if (i + 1 >= argc) {
                say("option '%s' needs a value", a);
                return -1;
            }
            const char *v = argv[++i];
            if (strcmp(name, "speaker") == 0) o->speaker = v;
            else if (strcmp(name, "since") == 0) o->since = v;
            else if (strcmp(name, "until") == 0) o->until = v;
            else if (strcmp(name, "source") == 0) o->source = v;
            else if (strcmp(name, "format") == 0) {
                if (strcmp(v, "table") != 0 && strcmp(v, "jsonl") != 0) {
                    say("--format must be table or jsonl, not '%s'", v);
                    return -1;
                }
                o->format = v;
            } else if (strcmp(name, "limit") == 0) {
                if (!parse_size(v, &o->limit)) {
                    say("--limit needs a number, not '%s'", v);
                    return -1;
                }
                o->has_limit = 1;
            } else if (strcmp(name, "batch") == 0) {
                if (!parse_size(v, &o->batch) || !o->batch) {
                    say("--batch needs a positive number, not '%s'", v);
                    return -1;
                }
            }
            continue;
        }
        if (o->n_positional < 4) o->positional[o->n_positional++] = a;
        else {
            say("too many arguments for '%s'", argv[0]);
            return -1;
        }
    }
    return 0;
}

static int is_jsonl(const opts *o) { return o->format && strcmp(o->format, "jsonl") == 0; }

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

/* Writes s as a JSON string. */
static void json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
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
    size_t committed_added, committed_replaced; /* the counts at the last commit */
    int replace;        /* --replace: a different article under a stored id replaces it */
    int db_error;
    int progress;
    double started, last_shown;
    cli_input_stats *stats;
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

static const char ingest_usage[] =
    "usage: saywho ingest DB [FILE|DIR...] [--replace] [--batch N] [--language CODE]\n"
    "Extracts who said what from the articles (JSON Lines or plain text; a directory: its files;\n"
    "standard input when no FILE) and stores it in the SQLite database DB, created when missing.\n"
    "An article is known by its id: its \"id\"; for a plain-text file, its path (DIR's own name\n"
    "and the path inside it for a file found in DIR); else its content hash. Articles already\n"
    "stored are skipped. A different article under a stored id is a conflict, reported: the\n"
    "stored one is kept, or replaced with --replace. Ctrl-C stops after committing what was\n"
    "extracted; running the same command again continues. --batch N: articles per transaction\n"
    "(default 5000). --language CODE: the language of the articles (saywho extract --help lists\n"
    "the languages; default: the first).\n";

int sw_cmd_ingest(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(ingest_usage, stdout);
        return SW_EXIT_OK;
    }
    /* DB, then files; --batch N anywhere */
    size_t batch = 5000;
    int replace = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return SW_EXIT_USAGE;
    int nfiles = 0;
    const char *db = NULL;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--batch") == 0) {
            if (i + 1 >= argc || !parse_size(argv[i + 1], &batch) || !batch) {
                say("--batch needs a positive number");
                free(files);
                return SW_EXIT_USAGE;
            }
            i++;
        } else if (strcmp(argv[i], "--replace") == 0) {
            replace = 1;
        } else if (strcmp(argv[i], "--language") == 0 || strncmp(argv[i], "--language=", 11) == 0) {
            if (argv[i][10] == '=') {
                opts.language = argv[i] + 11;
            } else if (i + 1 < argc) {
                opts.language = argv[++i];
            } else {
                say("--language needs a language code");
                free(files);
                return SW_EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2]) {
            say("unknown option '%s' for '%s'", argv[i], "ingest");
            free(files);
            return SW_EXIT_USAGE;
        } else if (!db) {
            db = argv[i];
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!db) {
        fputs(ingest_usage, stderr);
        free(files);
        return SW_EXIT_USAGE;
    }
    ingest_ctx c;
    memset(&c, 0, sizeof c);
    c.batch_size = batch;
    c.replace = replace;
    c.progress = isatty(2);
    sw_error err = {0};
    c.ex = cli_extractor(&opts, "ingest"); /* before the database: a wrong language creates no file */
    if (!c.ex) {
        free(files);
        return SW_EXIT_USAGE;
    }
    int db_existed = access(db, F_OK) == 0;
    if (sw_store_open(db, NULL, &c.store, &err) != SW_OK) {
        say("%s: %s", db, err.message);
        sw_extractor_free(c.ex);
        free(files);
        return SW_EXIT_USAGE;
    }
    if (sw_store_begin(c.store, &err) != SW_OK) {
        say("%s: %s", db, err.message);
        sw_extractor_free(c.ex);
        sw_store_close(c.store);
        if (!db_existed) remove_new_db(db);
        free(files);
        return SW_EXIT_USAGE;
    }
    /* Ctrl-C and SIGTERM stop the loop between two articles; what was extracted is committed */
    if (cli_catch_interrupts() != 0) say("cannot catch interrupts: Ctrl-C loses the open batch");
    cli_input_stats stats;
    memset(&stats, 0, sizeof stats);
    c.stats = &stats;
    c.started = c.last_shown = now_seconds();
    int loop = cli_for_each_article(files, nfiles, SW_FORMAT_AUTO, ingest_one, &c, &stats);
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
    /* the summary, on a terminal or not: what happened to every article read */
    if (c.progress) show_progress(&c, 1);
    fprintf(stderr,
            "saywho: %zu added, %zu replaced, %zu unchanged, %zu duplicates, %zu conflicts, "
            "%zu rejected\n",
            c.added, c.replaced, c.unchanged, c.duplicates, c.conflicts, stats.rejected + c.failed);
    if (c.conflicts)
        say("%zu conflict%s: a different article under an id already stored; kept the stored "
            "article%s (--replace to replace)", c.conflicts, c.conflicts == 1 ? "" : "s",
            c.conflicts == 1 ? "" : "s");
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
    free(files);
    return status;
}

/* ---- search and quotes -------------------------------------------------------------------- */

typedef struct print_ctx {
    int jsonl;
    size_t n;
} print_ctx;

static int print_hit(void *ctx, const sw_hit *h)
{
    print_ctx *p = ctx;
    p->n++;
    if (p->jsonl) {
        printf("{\"statement\":%lld,\"article\":", (long long)h->statement_id);
        json_str(stdout, h->article_id);
        fputs(",\"date\":", stdout);
        json_str(stdout, h->date);
        fputs(",\"source\":", stdout);
        json_str(stdout, h->source);
        fputs(",\"title\":", stdout);
        json_str(stdout, h->title);
        fputs(",\"url\":", stdout);
        json_str(stdout, h->url);
        fputs(",\"speaker\":", stdout);
        json_str(stdout, h->speaker);
        fputs(",\"cue\":", stdout);
        json_str(stdout, h->cue);
        fputs(",\"via\":", stdout);
        json_str(stdout, h->via);
        printf(",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\",\"section\":\"%s\",\"confidence\":%.3f,"
               "\"score\":%.4f,\"text\":",
               h->start, h->end, sw_quote_kind_name(h->kind), sw_section_name(h->section), h->confidence,
               h->score);
        json_str(stdout, h->text);
        printf(",\"group_size\":%zu,\"first_article\":", h->group_size);
        json_str(stdout, h->first_article_id);
        fputs(",\"first_date\":", stdout);
        json_str(stdout, h->first_date);
        fputs("}\n", stdout);
        return ferror(stdout) ? 1 : 0;
    }
    printf("%s  %s  %s", h->date ? h->date : "(no date)", h->source ? h->source : "-",
           h->article_id);
    if (h->cue) printf("  %s (%s)\n", h->speaker ? h->speaker : "(speaker unknown)", h->cue);
    else printf("  %s\n", h->speaker ? h->speaker : "(speaker unknown)");
    printf("    \xe2\x80\x9c%s\xe2\x80\x9d\n", h->highlighted);
    if (h->group_size > 1)
        printf("    (%zu reports of this quotation; first: %s, %s)\n", h->group_size,
               h->first_article_id ? h->first_article_id : "?",
               h->first_date ? h->first_date : "no date");
    return ferror(stdout) ? 1 : 0; /* a failed write stops the search (reported by the caller) */
}

static const char search_usage[] =
    "usage: saywho search DB QUERY [--speaker NAME] [--since DATE] [--until DATE] [--source S]\n"
    "                      [--limit N] [--format table|jsonl]\n"
    "Full-text search over the stored statements, best match first (bm25). QUERY: words (all\n"
    "must match), \"a phrase\", OR, NOT, prefix*, NEAR(a b); \"\" for every statement.\n"
    "--speaker is alias-aware (\"Putin\" finds Vladimir Putin); DATE is YYYY[-MM[-DD]], both\n"
    "ends inclusive; --limit defaults to 20 (0: all).\n";

static int run_search(const opts *o, const char *db, const char *query, int by_date)
{
    sw_store *st = open_existing(db);
    if (!st) return SW_EXIT_USAGE;
    int tty = isatty(1);
    sw_search_opts so;
    memset(&so, 0, sizeof so);
    so.query = query;
    so.speaker = o->speaker;
    so.since = o->since;
    so.until = o->until;
    so.source = o->source;
    so.limit = o->has_limit ? o->limit : (by_date ? 0 : 20);
    so.by_date = by_date;
    so.mark_open = tty ? "\x1b[1m" : "[";
    so.mark_close = tty ? "\x1b[0m" : "]";
    print_ctx p = {is_jsonl(o), 0};
    sw_error err = {0};
    sw_status s = sw_store_search(st, &so, print_hit, &p, &err);
    sw_store_close(st);
    if (cli_stdout_check() != 0) return SW_EXIT_USAGE;
    if (s != SW_OK) {
        say("%s", err.message);
        return SW_EXIT_USAGE;
    }
    if (!p.n && !p.jsonl && tty) say("no statements found");
    return SW_EXIT_OK;
}

int sw_cmd_search(int argc, char **argv)
{
    opts o;
    if (parse_opts(argc, argv, &o, " speaker since until source limit format ") != 0)
        return SW_EXIT_USAGE;
    if (o.help) {
        fputs(search_usage, stdout);
        return SW_EXIT_OK;
    }
    if (o.n_positional != 2) {
        fputs(search_usage, stderr);
        return SW_EXIT_USAGE;
    }
    return run_search(&o, o.positional[0], o.positional[1], 0);
}

static const char quotes_usage[] =
    "usage: saywho quotes DB --speaker NAME [--since DATE] [--until DATE] [--source S]\n"
    "                      [--limit N] [--format table|jsonl]\n"
    "A speaker's statements over time, oldest first (alias-aware).\n";

int sw_cmd_quotes(int argc, char **argv)
{
    opts o;
    if (parse_opts(argc, argv, &o, " speaker since until source limit format ") != 0)
        return SW_EXIT_USAGE;
    if (o.help) {
        fputs(quotes_usage, stdout);
        return SW_EXIT_OK;
    }
    if (o.n_positional != 1 || !o.speaker) {
        fputs(quotes_usage, stderr);
        return SW_EXIT_USAGE;
    }
    return run_search(&o, o.positional[0], NULL, 1);
}

/* ---- speakers and stats ------------------------------------------------------------------- */

static int print_speaker(void *ctx, const sw_speaker_row *r)
{
    print_ctx *p = ctx;
    p->n++;
    if (p->jsonl) {
        fputs("{\"name\":", stdout);
        json_str(stdout, r->name);
        printf(",\"entity\":%lld,\"type\":", (long long)r->entity_id);
        if (r->entity_id) printf("\"%s\"", sw_entity_type_name(r->type));
        else fputs("\"group\"", stdout);
        printf(",\"statements\":%zu,\"articles\":%zu,\"first_date\":", r->statements, r->articles);
        json_str(stdout, r->first_date);
        fputs(",\"last_date\":", stdout);
        json_str(stdout, r->last_date);
        fputs("}\n", stdout);
        return ferror(stdout) ? 1 : 0;
    }
    if (p->n == 1) printf("%10s %9s  %-10s  %-10s  %s\n", "STATEMENTS", "ARTICLES", "FIRST", "LAST", "SPEAKER");
    printf("%10zu %9zu  %-10s  %-10s  %s\n", r->statements, r->articles,
           r->first_date ? r->first_date : "-", r->last_date ? r->last_date : "-", r->name);
    return ferror(stdout) ? 1 : 0; /* a failed write stops the list (reported by the caller) */
}

static const char speakers_usage[] =
    "usage: saywho speakers DB [--limit N] [--format table|jsonl]\n"
    "The most quoted speakers with their statement and article counts and first and last dates.\n"
    "--limit defaults to 20 (0: all).\n";

int sw_cmd_speakers(int argc, char **argv)
{
    opts o;
    if (parse_opts(argc, argv, &o, " limit format ") != 0) return SW_EXIT_USAGE;
    if (o.help) {
        fputs(speakers_usage, stdout);
        return SW_EXIT_OK;
    }
    if (o.n_positional != 1) {
        fputs(speakers_usage, stderr);
        return SW_EXIT_USAGE;
    }
    sw_store *st = open_existing(o.positional[0]);
    if (!st) return SW_EXIT_USAGE;
    print_ctx p = {is_jsonl(&o), 0};
    sw_error err = {0};
    sw_status s = sw_store_speakers(st, o.has_limit ? o.limit : 20, print_speaker, &p, &err);
    sw_store_close(st);
    if (cli_stdout_check() != 0) return SW_EXIT_USAGE;
    if (s != SW_OK) {
        say("%s", err.message);
        return SW_EXIT_USAGE;
    }
    return SW_EXIT_OK;
}

static const char stats_usage[] = "usage: saywho stats DB [--format table|jsonl]\nCounts of a store.\n";

int sw_cmd_stats(int argc, char **argv)
{
    opts o;
    if (parse_opts(argc, argv, &o, " format ") != 0) return SW_EXIT_USAGE;
    if (o.help) {
        fputs(stats_usage, stdout);
        return SW_EXIT_OK;
    }
    if (o.n_positional != 1) {
        fputs(stats_usage, stderr);
        return SW_EXIT_USAGE;
    }
    sw_store *st = open_existing(o.positional[0]);
    if (!st) return SW_EXIT_USAGE;
    sw_store_stats s;
    sw_error err = {0};
    sw_status rc = sw_store_get_stats(st, &s, &err);
    sw_store_close(st);
    if (rc != SW_OK) {
        say("%s", err.message);
        return SW_EXIT_USAGE;
    }
    if (is_jsonl(&o)) {
        printf("{\"schema_version\":%d,\"articles\":%zu,\"statements\":%zu,\"attributed\":%zu,"
               "\"entities\":%zu,\"people\":%zu,\"organizations\":%zu,\"places\":%zu,"
               "\"mentions\":%zu,\"aliases\":%zu,\"shared_quotations\":%zu,\"sources\":%zu,"
               "\"first_date\":\"%s\",\"last_date\":\"%s\",\"bytes\":%lld}\n",
               s.schema_version, s.articles, s.statements, s.attributed, s.entities, s.people,
               s.organizations, s.places, s.mentions, s.aliases, s.groups_shared, s.sources,
               s.first_date, s.last_date, (long long)s.file_bytes);
    } else {
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
    }
    return cli_stdout_check() == 0 ? SW_EXIT_OK : SW_EXIT_USAGE;
}

