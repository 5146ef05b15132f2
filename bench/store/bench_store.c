/*
 * bench_store.c -- the store benchmark: ingest speed, search latency, database size.
 *
 * usage: bench_store DB CORPUS.jsonl N_ARTICLES N_QUERIES [BATCH]
 * Ingests N_ARTICLES articles made from the corpus repeated with fresh ids (copy r of article X
 * gets id "X-rR" and url "URL?r=R", so every copy is a new article to the store), through the
 * public API exactly as `saywho ingest` does (lookup, extract, add, a commit every BATCH articles,
 * default 5,000 like `saywho ingest`), on one thread. The whole ingest's CPU time is read once at
 * each end; its split between extraction (sw_extract, sw_doc_free) and the store
 * (sw_store_lookup, sw_store_add, commits) is measured around each call with the monotonic clock,
 * which costs no system call (a CPU clock read around every call took about 1.5 % of the whole
 * ingest), so it is the wall time of those calls: the same as their CPU time on an idle core.
 * Then runs N_QUERIES searches (limit 20, best first) for words drawn from the corpus's
 * own text with a fixed seed -- half uniformly from its vocabulary, half by frequency (every
 * token equally likely, words shorter than 3 letters left out) -- and reports latency
 * percentiles. Prints one "key value" line per figure.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include "saywho.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int count_hit(void *ctx, const sw_hit *h)
{
    (void)h;
    (*(size_t *)ctx)++;
    return 0;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

typedef struct vocab {
    char **words;
    size_t n, cap;
    char **tokens; /* pointers into words, one per occurrence */
    size_t nt, tcap;
} vocab;

static int word_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lowercase ASCII words of 3 letters or more of the text. */
static void add_words(vocab *v, const char *t, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && !((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')) i++;
        size_t b = i;
        while (i < len && ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')) i++;
        if (i - b >= 3 && i - b < 30) {
            char w[32];
            for (size_t k = b; k < i; k++) w[k - b] = (char)(t[k] | 32);
            w[i - b] = 0;
            if (v->nt == v->tcap) {
                v->tcap = v->tcap ? v->tcap * 2 : 4096;
                v->tokens = realloc(v->tokens, v->tcap * sizeof *v->tokens);
            }
            v->tokens[v->nt++] = strdup(w);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: bench_store DB CORPUS.jsonl N_ARTICLES N_QUERIES [BATCH]\n");
        return 2;
    }
    size_t batch = argc == 6 ? (size_t)atol(argv[5]) : 5000;
    if (!batch) batch = 5000;
    const char *db = argv[1];
    size_t n_articles = (size_t)atol(argv[3]), n_queries = (size_t)atol(argv[4]);
    FILE *f = fopen(argv[2], "rb");
    if (!f) return 2;
    char **lines = NULL;
    size_t *lens = NULL, n_lines = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        while (got && (line[got - 1] == '\n' || line[got - 1] == '\r')) got--;
        if (!got) continue;
        if (n_lines == cap) {
            cap = cap ? cap * 2 : 512;
            lines = realloc(lines, cap * sizeof *lines);
            lens = realloc(lens, cap * sizeof *lens);
        }
        lines[n_lines] = malloc((size_t)got);
        memcpy(lines[n_lines], line, (size_t)got);
        lens[n_lines++] = (size_t)got;
    }
    fclose(f);
    free(line);

    sw_store *store;
    sw_error err = {0};
    if (sw_store_open(db, NULL, &store, &err) != SW_OK) {
        fprintf(stderr, "open: %s\n", err.message);
        return 1;
    }
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    sw_reader *rd = sw_reader_new(NULL);
    vocab v = {0};
    double t_extract = 0, t_store = 0, t0 = now(), c0 = cpu_now();
    size_t statements = 0, bytes = 0;
    char idbuf[256], urlbuf[4096];
    sw_store_begin(store, &err);
    for (size_t i = 0; i < n_articles; i++) {
        size_t li = i % n_lines, r = i / n_lines;
        sw_article a;
        if (sw_reader_parse_json(rd, lines[li], lens[li], &a, &err) != SW_OK) continue;
        if (r == 0) add_words(&v, a.text.ptr, a.text.len);
        int il = snprintf(idbuf, sizeof idbuf, "%.*s-r%zu", (int)a.id.len, a.id.ptr, r);
        int ul = snprintf(urlbuf, sizeof urlbuf, "%.*s?r=%zu", (int)a.url.len, a.url.ptr, r);
        a.id = (sw_str){idbuf, (size_t)il};
        a.url = (sw_str){urlbuf, (size_t)ul};
        bytes += a.text.len;
        double ta = now();
        sw_store_outcome oc;
        if (sw_store_lookup(store, &a, &oc, &err) != SW_OK) return 1;
        if (oc == SW_STORE_UNCHANGED || oc == SW_STORE_DUPLICATE) continue;
        double tl = now();
        sw_doc *doc;
        if (sw_extract(ex, &a, &doc, &err) != SW_OK) continue;
        double tb = now();
        if (sw_store_add(store, &a, doc, NULL, &err) != SW_OK) {
            fprintf(stderr, "add: %s\n", err.message);
            return 1;
        }
        double tc = now();
        statements += sw_doc_quote_count(doc);
        sw_doc_free(doc);
        /* the lookup and the add are the store's; extraction and freeing its document are not */
        t_extract += (tb - tl) + (now() - tc);
        t_store += (tl - ta) + (tc - tb);
        if ((i + 1) % batch == 0) {
            double td = now();
            sw_store_commit(store, &err);
            sw_store_begin(store, &err);
            t_store += now() - td;
        }
    }
    double td = now();
    sw_store_commit(store, &err);
    t_store += now() - td;
    /* closing checkpoints the write-ahead log into the database: part of the ingest's work */
    double tz = now();
    sw_store_close(store);
    t_store += now() - tz;
    double t_total = now() - t0, c_total = cpu_now() - c0;
    sw_reader_free(rd);
    sw_extractor_free(ex);

    struct stat sb;
    long long dbsize = 0;
    if (stat(db, &sb) == 0) dbsize = sb.st_size;
    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", db);
    if (stat(wal, &sb) == 0) dbsize += sb.st_size;
    printf("articles %zu\n", n_articles);
    printf("batch %zu\n", batch);
    printf("statements %zu\n", statements);
    printf("input_mb %.1f\n", (double)bytes / 1e6);
    printf("ingest_seconds %.2f\n", t_total);
    printf("ingest_articles_per_s %.0f\n", (double)n_articles / t_total);
    printf("ingest_cpu_seconds %.2f\n", c_total);
    printf("ingest_articles_per_cpu_s %.0f\n", (double)n_articles / c_total);
    printf("extract_seconds %.2f\n", t_extract);
    printf("store_seconds %.2f\n", t_store);
    printf("store_only_articles_per_s %.0f\n", (double)n_articles / t_store);
    printf("db_bytes %lld\n", dbsize);
    printf("db_bytes_per_article %.0f\n", (double)dbsize / (double)n_articles);

    /* queries: half uniform over the vocabulary, half frequency-weighted */
    v.words = malloc(v.nt * sizeof *v.words);
    memcpy(v.words, v.tokens, v.nt * sizeof *v.words);
    qsort(v.words, v.nt, sizeof *v.words, word_cmp);
    size_t nu = 0;
    for (size_t i = 0; i < v.nt; i++)
        if (!nu || strcmp(v.words[nu - 1], v.words[i]) != 0) v.words[nu++] = v.words[i];
    v.n = nu;
    if (sw_store_open(db, NULL, &store, &err) != SW_OK) return 1;
    double *lat = malloc((n_queries + 1) * sizeof *lat);
    double *clat = malloc((n_queries + 1) * sizeof *clat);
    double worst = -1;
    const char *worst_word = "";
    size_t total_hits = 0;
    for (size_t q = 0; q < n_queries; q++) {
        const char *w = (q % 2 == 0) ? v.words[next_rand() % v.n] : v.tokens[next_rand() % v.nt];
        sw_search_opts so;
        memset(&so, 0, sizeof so);
        so.query = w;
        so.limit = 20;
        size_t hits = 0;
        double a = now(), ca = cpu_now();
        if (sw_store_search(store, &so, count_hit, &hits, &err) != SW_OK) {
            fprintf(stderr, "search %s: %s\n", w, err.message);
            return 1;
        }
        lat[q] = (now() - a) * 1000.0;
        clat[q] = (cpu_now() - ca) * 1000.0;
        if (clat[q] > worst) {
            worst = clat[q];
            worst_word = w;
        }
        total_hits += hits;
    }
    sw_store_close(store);
    qsort(lat, n_queries, sizeof *lat, cmp_double);
    qsort(clat, n_queries, sizeof *clat, cmp_double);
    printf("vocabulary %zu\n", v.n);
    printf("queries %zu\n", n_queries);
    printf("query_hits_mean %.1f\n", (double)total_hits / (double)n_queries);
    printf("search_p50_ms %.2f\n", lat[n_queries / 2]);
    printf("search_p95_ms %.2f\n", lat[n_queries * 95 / 100]);
    printf("search_p99_ms %.2f\n", lat[n_queries * 99 / 100]);
    printf("search_max_ms %.2f\n", lat[n_queries - 1]);
    printf("search_cpu_p50_ms %.2f\n", clat[n_queries / 2]);
    printf("search_cpu_p95_ms %.2f\n", clat[n_queries * 95 / 100]);
    printf("search_cpu_p99_ms %.2f\n", clat[n_queries * 99 / 100]);
    printf("search_cpu_max_ms %.2f (%s)\n", clat[n_queries - 1], worst_word);
    return 0;
}
