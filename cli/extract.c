/*
 * extract.c -- `saywho extract`: articles in, one JSON object (or table) per article out.
 *
 * Output goes through one 1 MB buffer written to stdout with write(2), in input order. A failed
 * write (a full disk, a closed pipe) stops the run with exit status 2: output that was silently
 * lost would be worse than none.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "commands.h"

#define OUT_BUF_SIZE (1u << 20)

typedef struct stdout_buf {
    char *data;
    size_t used;
    int failed;
} stdout_buf;

/* Writes all of buf to stdout, retrying short writes; prints the reason and returns -1 on error. */
static int write_all(stdout_buf *o, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (!o->failed) fprintf(stderr, "saywho: write error: %s\n", n < 0 ? strerror(errno) : "nothing written");
            o->failed = 1;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int out_flush(stdout_buf *o)
{
    if (o->failed) return -1;
    int r = o->used ? write_all(o, o->data, o->used) : 0;
    o->used = 0;
    return r;
}

/* The sw_write_fn given to the library writers. */
static int out_write(void *ctx, const char *buf, size_t len)
{
    stdout_buf *o = ctx;
    if (o->failed) return -1;
    if (len > OUT_BUF_SIZE - o->used) {
        if (out_flush(o) < 0) return -1;
        if (len >= OUT_BUF_SIZE / 2) return write_all(o, buf, len);
    }
    memcpy(o->data + o->used, buf, len);
    o->used += len;
    return 0;
}

typedef struct extract_run {
    sw_extractor *ex;
    unsigned flags;
    int table;
    stdout_buf out;
    size_t rejected;   /* articles the extractor refused (beyond those the input loop rejected) */
} extract_run;

static int on_article(void *ctx, const sw_article *article, const char *file, size_t line)
{
    extract_run *run = ctx;
    sw_doc *doc = NULL;
    sw_error err;
    if (sw_extract(run->ex, article, &doc, &err) != SW_OK) {
        fprintf(stderr, "saywho: %s:%zu: byte %zu: %s\n", strcmp(file, "-") == 0 ? "stdin" : file,
                line, err.offset, err.message);
        run->rejected++;
        return 0;
    }
    sw_status st = run->table ? sw_doc_write_table(doc, run->flags, out_write, &run->out)
                              : sw_doc_write_json(doc, article, run->flags, out_write, &run->out);
    sw_doc_free(doc);
    return st == SW_OK ? 0 : 1;
}

static void usage(FILE *f)
{
    fputs("usage: saywho extract [options] [FILE...]\n"
          "\n"
          "Finds who said what in news articles and writes one JSON object per article\n"
          "(JSON Lines) to standard output, in input order. Reads standard input when no\n"
          "FILE is given or FILE is '-'.\n"
          "\n"
          "Input (detected per file: a first '{' means JSON Lines, else a plain-text article):\n"
          "  --format jsonl      one JSON object per line: \"text\" required; \"id\", \"title\",\n"
          "                      \"url\", \"date\", \"source\" optional (id defaults to the line number)\n"
          "  --format text       one plain-text article per file: title line(s), blank line,\n"
          "                      paragraphs (id: the file name without extension)\n",
          f);
    cli_language_help(f);
    fputs("\n"
          "Output:\n"
          "  --output json       JSON Lines (the default)\n"
          "  --output table      a readable table: speaker, cue, kind, section, text\n"
          "  --format table      the same as --output table\n"
          "  --pretty            indented JSON, one member per line\n"
          "  --blocks            also write the article's blocks (lines, with kind and section)\n"
          "  --keep-non-statements\n"
          "                      also write quotation spans that are not statements (titles,\n"
          "                      scare quotes, teasers), with \"is_statement\": false and a reason\n"
          "  --quotes-only       only find the quotation spans (no speakers, no entities):\n"
          "                      the fast mode for finding where the quotations are\n"
          "  -h, --help          show this help\n"
          "\n"
          "Exit status: 0 all fine, 1 some input rejected (each reported on stderr as\n"
          "\"saywho: FILE:LINE: byte OFFSET: MESSAGE\"), 2 usage or I/O error.\n",
          f);
}

/* Matches "--name VALUE" and "--name=VALUE"; advances *i past a separate value. Returns the value,
 * or NULL when argv[*i] is not this option. Sets *missing when the value is absent. */
static const char *option_value(char **argv, int argc, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != 0) return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("saywho extract: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'saywho extract --help'.\n", stderr);
    return SW_EXIT_USAGE;
}

int sw_cmd_extract(int argc, char **argv)
{
    sw_format fmt = SW_FORMAT_AUTO;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    unsigned flags = 0;
    int table = 0;
    char **files = malloc(sizeof(char *) * (size_t)(argc > 0 ? argc : 1));
    int nfiles = 0, options_done = 0;
    if (!files) {
        fprintf(stderr, "saywho: out of memory\n");
        return SW_EXIT_USAGE;
    }

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        int missing = 0;
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            free(files);
            return SW_EXIT_OK;
        } else if (strcmp(a, "--pretty") == 0) {
            flags |= SW_WRITE_PRETTY;
        } else if (strcmp(a, "--blocks") == 0) {
            flags |= SW_WRITE_BLOCKS;
        } else if (strcmp(a, "--keep-non-statements") == 0) {
            opts.keep_non_statements = 1;
        } else if (strcmp(a, "--quotes-only") == 0) {
            opts.quotes_only = 1;
        } else if ((v = option_value(argv, argc, &i, "--format", &missing)) || missing) {
            if (missing) goto missing_value;
            if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0) fmt = SW_FORMAT_JSONL;
            else if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0) fmt = SW_FORMAT_TEXT;
            else if (strcmp(v, "table") == 0) table = 1;
            else {
                free(files);
                return usage_error("unknown format '%s' (jsonl, text or table)", v);
            }
        } else if ((v = option_value(argv, argc, &i, "--language", &missing)) || missing) {
            if (missing) goto missing_value;
            opts.language = v;
        } else if ((v = option_value(argv, argc, &i, "--output", &missing)) || missing) {
            if (missing) goto missing_value;
            if (strcmp(v, "json") == 0 || strcmp(v, "jsonl") == 0) table = 0;
            else if (strcmp(v, "table") == 0) table = 1;
            else {
                free(files);
                return usage_error("unknown output '%s' (json or table)", v);
            }
        } else {
            free(files);
            return usage_error("unknown option '%s'", a);
        }
        continue;
    missing_value:
        free(files);
        return usage_error("option '%s' needs a value", a);
    }

    extract_run run;
    memset(&run, 0, sizeof run);
    run.flags = flags;
    run.table = table;
    run.ex = cli_extractor(&opts, "extract");
    if (!run.ex) {
        free(files);
        return SW_EXIT_USAGE;
    }
    run.out.data = malloc(OUT_BUF_SIZE);
    if (!run.out.data) {
        fprintf(stderr, "saywho: out of memory\n");
        sw_extractor_free(run.ex);
        free(run.out.data);
        free(files);
        return SW_EXIT_USAGE;
    }

    cli_input_stats stats;
    int r = cli_for_each_article(files, nfiles, fmt, on_article, &run, &stats);
    int flushed = out_flush(&run.out);
    sw_extractor_free(run.ex);
    free(run.out.data);
    free(files);

    if (run.out.failed || flushed < 0 || r < 0) return SW_EXIT_USAGE;
    if (stats.rejected || run.rejected) return SW_EXIT_REJECTED;
    return SW_EXIT_OK;
}
