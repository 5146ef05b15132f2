/*
 * conf_features.c -- the features of every statement, for tools/train_confidence.py (a
 * developer tool, not part of the library).
 *
 *   conf_features FILE.jsonl      extracts every article of a JSON Lines file (as `saywho
 *                                 extract` does) and prints, first, a line
 *                                 {"features": [names], "trained_on": "..."}, then one line per
 *                                 article: {"id", "quotes": [{"start", "end", "speaker": {"name",
 *                                 "mention": {"start", "end"} | null} | null, "confidence",
 *                                 "x": [features]}]}
 *
 * The article lines can be scored with ../shared/eval/score.py like the program's output; "x"
 * holds the features sw_conf_features() computed for the statement (src/attribute/confidence.h),
 * in the order of the names, and "confidence" the probability the built-in model gave it.
 *
 * Built by CMake (target conf_features, in the build folder), linked with the static library and
 * allowed its internal headers, like the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "saywho.h"
#include "doc.h"
#include "attribute/confidence.h"

static void put_json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void put_features(const float *x)
{
    putchar('[');
    for (int i = 0; i < SW_CONF_N_FEATURES; i++) {
        if (i) putchar(',');
        if (x[i] == 0.0f) putchar('0');
        else if (x[i] == 1.0f) putchar('1');
        else printf("%.6g", (double)x[i]);
    }
    putchar(']');
}

static void put_article(const sw_doc *doc)
{
    printf("{\"id\": ");
    put_json_string(sw_doc_id(doc));
    printf(", \"quotes\": [");
    float x[SW_CONF_N_FEATURES];
    sw_conf_doc d;
    sw_conf_doc_init(doc, &d);
    size_t qi = 0;
    for (uint32_t k = 0; k < doc->n_stmts; k++) {
        if (!doc->stmts[k].is_statement) continue;
        const sw_quote *q = sw_doc_quote(doc, qi++);
        if (!q) break;
        sw_conf_features(doc, &d, k, x);
        printf("%s{\"start\": %zu, \"end\": %zu, \"speaker\": ", qi > 1 ? ", " : "", q->start, q->end);
        if (q->speaker_name || q->speaker_mention) {
            printf("{\"name\": ");
            if (q->speaker_name) put_json_string(q->speaker_name);
            else printf("null");
            printf(", \"mention\": ");
            if (q->speaker_mention)
                printf("{\"start\": %zu, \"end\": %zu}", q->speaker_mention->start, q->speaker_mention->end);
            else
                printf("null");
            printf("}");
        } else {
            printf("null");
        }
        printf(", \"confidence\": %.4f, \"x\": ", q->confidence);
        put_features(x);
        printf("}");
    }
    printf("]}\n");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: conf_features FILE.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    printf("{\"features\": [");
    for (int i = 0; i < SW_CONF_N_FEATURES; i++) {
        if (i) printf(", ");
        put_json_string(sw_conf_feature_names[i]);
    }
    printf("], \"trained_on\": ");
    put_json_string(sw_conf_model_default.trained_on);
    printf("}\n");
    sw_reader *rd = sw_reader_new(NULL);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    if (!rd || !ex) return 1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        sw_article art;
        sw_error err;
        if (sw_reader_parse_json(rd, line, (size_t)n, &art, &err) != SW_OK) continue;
        sw_doc *doc = NULL;
        if (sw_extract(ex, &art, &doc, &err) != SW_OK) {
            status = 1;
            continue;
        }
        put_article(doc);
        sw_doc_free(doc);
    }
    free(line);
    sw_reader_free(rd);
    sw_extractor_free(ex);
    fclose(f);
    return status;
}
