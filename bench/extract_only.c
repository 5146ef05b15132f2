/*
 * extract_only.c -- the CPU cost of extraction alone, without writing any output.
 *
 * Usage: extract_only FILE.jsonl
 * Reads the whole JSON Lines file into memory first, then times (CLOCK_PROCESS_CPUTIME_ID) what
 * `saywho ingest` spends per article outside the store: sw_reader_parse_json + sw_extract +
 * sw_doc_free over every line, in order, on one thread. Prints the CPU seconds, the number of
 * articles and articles per CPU second; a checksum of the documents' quote and entity counts
 * keeps the work observable and tells two builds apart if they disagree.
 *
 * Build: cc -std=c11 -O2 -Iinclude bench/extract_only.c BUILD/libsaywho.a \
 *            $(pkg-config --libs libutf8proc sqlite3) -lm -o extract_only
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "saywho.h"

/* Reads a whole file into a new malloc'd buffer; NULL on failure. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0) break;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: extract_only FILE.jsonl\n");
        return 2;
    }
    size_t len = 0;
    char *buf = read_all(argv[1], &len);
    if (!buf) {
        perror(argv[1]);
        return 1;
    }
    sw_reader *reader = sw_reader_new(NULL);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    if (!reader || !ex) return 1;

    size_t articles = 0, failed = 0;
    unsigned long long check = 0;
    double t0 = cpu_seconds();
    for (size_t pos = 0; pos < len;) {
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + 1;
        if (n == 0) continue;
        sw_article art;
        sw_doc *doc = NULL;
        if (sw_reader_parse_json(reader, line, n, &art, NULL) != SW_OK ||
            sw_extract(ex, &art, &doc, NULL) != SW_OK) {
            failed++;
            continue;
        }
        check = check * 31 + sw_doc_quote_count(doc) * 1000 + sw_doc_entity_count(doc);
        sw_doc_free(doc);
        articles++;
    }
    double cpu = cpu_seconds() - t0;
    printf("cpu_seconds %.3f\narticles %zu\nfailed %zu\narticles_per_cpu_second %.0f\nchecksum %llx\n", cpu,
           articles, failed, cpu > 0 ? (double)articles / cpu : 0.0, check);
    sw_extractor_free(ex);
    sw_reader_free(reader);
    free(buf);
    return 0;
}
