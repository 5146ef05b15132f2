/*
 * extract.c -- `saywho extract`: articles in, one JSON object (or table) per article out.
 *
 * JSON output goes through one 1 MB buffer written to stdout with write(2), in input order; tables,
 * CSV and TSV go through stdio. A failed write (a full disk, a closed pipe) stops the run with exit
 * status 2, said once (cli_output_error, cli_stdout_check): output that was silently lost would be
 * worse than none.
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

/* Writes all of buf to stdout, retrying short writes; says the reason and returns -1 on error. */
static int write_all(stdout_buf *o, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            cli_output_error(n < 0 ? errno : 0);
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
    cli_output output;
    int colour, width; /* of the table */
    cli_rows *rows;    /* CSV and TSV: one writer for the whole run (one header line) */
    size_t articles;   /* articles written (JSON: the array's separators) */
    stdout_buf out;
    size_t rejected;   /* articles the extractor refused (beyond those the input loop rejected) */
} extract_run;

/* The statements of a document as rows: the data fields (CSV, TSV) and the table's columns. */
enum { C_ARTICLE, C_START, C_END, C_SPEAKER, C_CUE, C_KIND, C_SECTION, C_CONFIDENCE, C_TEXT,
       C_REASON, C_TABLE_TEXT, N_STATEMENT_COLUMNS };
static const cli_column statement_columns[N_STATEMENT_COLUMNS] = {
    [C_ARTICLE] = {"article", NULL, 0, 0},
    [C_START] = {"start", NULL, CLI_COL_NUMBER, 0},
    [C_END] = {"end", NULL, CLI_COL_NUMBER, 0},
    [C_SPEAKER] = {"speaker", "SPEAKER", 0, 24, 10},
    [C_CUE] = {"cue", "CUE", 0, 12},
    [C_KIND] = {"kind", "KIND", 0, 0, 8},
    [C_SECTION] = {"section", "SECTION", 0, 0},
    [C_CONFIDENCE] = {"confidence", NULL, CLI_COL_NUMBER, 0},
    [C_TEXT] = {"text", NULL, 0, 0},
    [C_REASON] = {"reason", NULL, 0, 0},
    [C_TABLE_TEXT] = {NULL, "TEXT", CLI_COL_WRAP, 0},
};

/* Writes the document's statements as rows: a table per article (with an "== id: title" line),
 * or the run's CSV/TSV rows. Returns 0, or -1 when a write failed or memory ran out. */
static int write_rows(extract_run *run, const sw_doc *doc)
{
    cli_rows *rows = run->rows;
    FILE *f = stdout;
    if (run->output == CLI_OUT_TABLE) {
        const char *id = sw_doc_id(doc), *title = sw_doc_title(doc);
        if (run->colour) fputs("\x1b[1m", f);
        size_t n = strlen(id) + strlen(title) + 8;
        char *line = malloc(n);
        if (!line) return -1;
        snprintf(line, n, "== %s%s%s", id, *title ? ": " : "", title);
        cli_put_fitted(f, line, run->width);
        free(line);
        if (run->colour) fputs("\x1b[0m", f);
        fputc('\n', f);
        if (!sw_doc_quote_count(doc)) {
            fputs("(no statements)\n\n", f);
            return ferror(f) ? -1 : 0;
        }
        rows = cli_rows_new(CLI_OUT_TABLE, f, statement_columns, N_STATEMENT_COLUMNS, run->colour,
                            run->width);
        if (!rows) return -1;
    }
    int failed = 0;
    for (size_t i = 0; i < sw_doc_quote_count(doc) && !failed; i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        const char *speaker = q->speaker_name;
        if (!speaker && q->speaker_entity >= 0) {
            const sw_entity *e = sw_doc_entity(doc, (size_t)q->speaker_entity);
            if (e) speaker = e->name;
        }
        if (!speaker && q->speaker_mention) speaker = q->speaker_mention->text;
        char start[32], end[32], conf[32];
        snprintf(start, sizeof start, "%zu", q->start);
        snprintf(end, sizeof end, "%zu", q->end);
        snprintf(conf, sizeof conf, "%.2f", q->confidence);
        char *shown = cli_statement_for_people(q->kind, q->text);
        char *table_text = shown;
        if (shown && !q->is_statement && q->not_statement_reason) {
            size_t n = strlen(shown) + strlen(q->not_statement_reason) + 4;
            table_text = malloc(n);
            if (table_text) snprintf(table_text, n, "[%s] %s", q->not_statement_reason, shown);
        }
        const char *v[N_STATEMENT_COLUMNS];
        v[C_ARTICLE] = sw_doc_id(doc);
        v[C_START] = start;
        v[C_END] = end;
        v[C_KIND] = q->is_statement ? sw_quote_kind_name(q->kind) : "(not)";
        v[C_SECTION] = sw_section_name(q->section);
        v[C_SPEAKER] = speaker && *speaker ? speaker : NULL;
        v[C_CUE] = q->cue ? q->cue->text : NULL;
        v[C_CONFIDENCE] = conf;
        v[C_TEXT] = q->text;
        v[C_REASON] = q->not_statement_reason;
        v[C_TABLE_TEXT] = table_text;
        if (run->output != CLI_OUT_TABLE) v[C_KIND] = sw_quote_kind_name(q->kind);
        if (!table_text || cli_rows_add(rows, v) != 0) failed = 1;
        if (table_text != shown) free(table_text);
        free(shown);
    }
    if (run->output == CLI_OUT_TABLE) {
        if (cli_rows_end(rows) != 0) failed = 1;
        fputc('\n', f);
    }
    return failed || ferror(f) ? -1 : 0;
}

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
    sw_status st = SW_OK;
    if (run->output == CLI_OUT_JSON || run->output == CLI_OUT_JSONL) {
        if (run->output == CLI_OUT_JSON && out_write(&run->out, run->articles ? "," : "[", 1) != 0)
            st = SW_ERR_IO;
        if (st == SW_OK) st = sw_doc_write_json(doc, article, run->flags, out_write, &run->out);
    } else if (write_rows(run, doc) != 0) {
        /* a failed write is said by cli_stdout_check(); otherwise memory ran out */
        if (cli_stdout_check() == 0) fprintf(stderr, "saywho: out of memory\n");
        run->out.failed = 1;
        st = SW_ERR_IO;
    }
    run->articles++;
    sw_doc_free(doc);
    return st == SW_OK ? 0 : 1;
}

int sw_cmd_extract(int argc, char **argv)
{
    cli_args args;
    cli_args_init(&args, cli_find_command("extract"));
    int parsed = cli_parse(cli_find_command("extract"), argc, argv, &args);
    if (parsed >= 0) {
        cli_args_free(&args);
        return parsed;
    }
    sw_format fmt = strcmp(args.input_format, "jsonl") == 0  ? SW_FORMAT_JSONL
                    : strcmp(args.input_format, "text") == 0 ? SW_FORMAT_TEXT
                                                             : SW_FORMAT_AUTO;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.language = args.language;
    opts.keep_non_statements = args.keep_non_statements;
    opts.quotes_only = args.quotes_only;
    unsigned flags = (args.pretty ? SW_WRITE_PRETTY : 0u) | (args.blocks ? SW_WRITE_BLOCKS : 0u);
    char **files = args.positional;
    int nfiles = args.n_positional;

    extract_run run;
    memset(&run, 0, sizeof run);
    run.flags = flags;
    run.output = cli_output_of(&args);
    run.ex = cli_extractor(&opts, "extract");
    if (!run.ex) {
        cli_args_free(&args);
        return SW_EXIT_USAGE;
    }
    run.out.data = malloc(OUT_BUF_SIZE);
    if (!run.out.data) {
        fprintf(stderr, "saywho: out of memory\n");
        sw_extractor_free(run.ex);
        free(run.out.data);
        cli_args_free(&args);
        return SW_EXIT_USAGE;
    }
    if (run.output == CLI_OUT_TABLE || run.output == CLI_OUT_CSV || run.output == CLI_OUT_TSV) {
        run.colour = run.output == CLI_OUT_TABLE && cli_use_colour();
        run.width = cli_term_width();
    }
    if (run.output == CLI_OUT_CSV || run.output == CLI_OUT_TSV)
        run.rows = cli_rows_new(run.output, stdout, statement_columns, N_STATEMENT_COLUMNS, 0, 0);

    cli_input_stats stats;
    int r = cli_for_each_article(files, nfiles, fmt, on_article, &run, &stats);
    if (run.output == CLI_OUT_JSON && !run.out.failed)
        out_write(&run.out, run.articles ? "]\n" : "[]\n", run.articles ? 2 : 3);
    int flushed = out_flush(&run.out);
    if (cli_rows_end(run.rows) != 0) run.out.failed = 1; /* out of memory (said) or a write */
    if (cli_stdout_check() != 0) run.out.failed = 1;
    sw_extractor_free(run.ex);
    free(run.out.data);
    cli_args_free(&args);

    if (run.out.failed || flushed < 0 || r < 0) return SW_EXIT_USAGE;
    if (stats.rejected || run.rejected) return SW_EXIT_REJECTED;
    return SW_EXIT_OK;
}
