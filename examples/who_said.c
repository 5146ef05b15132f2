/*
 * who_said.c -- the library example of the README: reads articles in JSON Lines (the file named
 * on the command line, or standard input) and prints who said what, one statement a line: the
 * article's id, the speaker ("?" when unknown), the kind of statement and its text, separated by
 * tabs. Build it against the installed library:
 *
 *   cc -o who_said examples/who_said.c $(pkg-config --cflags --libs saywho)
 *   ./who_said examples/articles.jsonl
 */
#define _POSIX_C_SOURCE 200809L /* getline() */
#include <stdio.h>
#include <stdlib.h>
#include <saywho.h>

int main(int argc, char **argv)
{
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    sw_reader *rd = sw_reader_new(NULL);            /* turns JSON lines into articles */
    sw_extractor *ex = sw_extractor_new(NULL, NULL); /* default options: English */
    if (!rd || !ex) {
        fputs("who_said: out of memory\n", stderr);
        sw_reader_free(rd);
        sw_extractor_free(ex);
        return 2;
    }
    int status = 0;
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    while ((len = getline(&line, &size, in)) > 0) {
        if (line[len - 1] == '\n') len--;
        if (len == 0) continue;
        sw_article art;
        sw_error err;
        sw_doc *doc;
        if (sw_reader_parse_json(rd, line, (size_t)len, &art, &err) != SW_OK ||
            sw_extract(ex, &art, &doc, &err) != SW_OK) {
            fprintf(stderr, "who_said: byte %zu: %s\n", err.offset, err.message);
            status = 1;
            continue;
        }
        for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
            const sw_quote *q = sw_doc_quote(doc, i);
            printf("%s\t%s\t%s\t%s\n", sw_doc_id(doc), q->speaker_name ? q->speaker_name : "?",
                   sw_quote_kind_name(q->kind), q->text);
        }
        sw_doc_free(doc); /* frees the quotes and their strings */
    }
    free(line);
    sw_extractor_free(ex);
    sw_reader_free(rd);
    if (in != stdin) fclose(in);
    return status;
}
