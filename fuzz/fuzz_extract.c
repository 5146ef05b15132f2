/*
 * fuzz_extract.c -- libFuzzer target: the whole pipeline on arbitrary bytes as one article.
 *
 * The input is the article text (the first byte, when present, also picks the options: plain-text
 * title lines, keep_non_statements). Whatever the bytes, sw_extract must return a status and,
 * on success, a document whose offsets lie inside the text and which the JSON and table writers
 * can write; ASan and UBSan catch everything else.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "saywho.h"

static int discard(void *ctx, const char *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return 0;
}

static void check_doc(const sw_doc *doc, size_t len)
{
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->start > q->end || q->end > len || !q->text) abort();
        for (size_t k = 0; k < q->n_fragments; k++)
            if (q->fragments[k].start > q->fragments[k].end || q->fragments[k].end > len) abort();
        if (q->speaker_mention && q->speaker_mention->end > len) abort();
        if (q->cue && q->cue->end > len) abort();
    }
    for (size_t i = 0; i < sw_doc_block_count(doc); i++) {
        const sw_block *b = sw_doc_block(doc, i);
        if (b->start > b->end || b->end > len) abort();
    }
    for (size_t i = 0; i < sw_doc_entity_count(doc); i++) {
        const sw_entity *e = sw_doc_entity(doc, i);
        if (!e->name) abort();
        for (size_t k = 0; k < e->n_mentions; k++)
            if (e->mentions[k].end > len) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = size ? data[0] : 0;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.keep_non_statements = (mode & 2) != 0;
    sw_extractor *ex = sw_extractor_new(&opts, NULL);
    if (!ex) return 0;
    /* A copy of exactly `size` bytes, so reading past the end is caught. */
    char *text = malloc(size ? size : 1);
    if (!text) { sw_extractor_free(ex); return 0; }
    memcpy(text, data, size);
    sw_article a;
    memset(&a, 0, sizeof a);
    a.text.ptr = text;
    a.text.len = size;
    a.title_lines = (mode & 1) != 0;
    sw_doc *doc = NULL;
    sw_error err;
    if (sw_extract(ex, &a, &doc, &err) == SW_OK) {
        check_doc(doc, size);
        sw_doc_write_json(doc, &a, 0, discard, NULL);
        sw_doc_write_json(doc, &a, SW_WRITE_PRETTY, discard, NULL);
        sw_doc_write_table(doc, 0, discard, NULL);
        sw_doc_free(doc);
    } else if (doc != NULL || !err.message) {
        abort();
    }
    free(text);
    sw_extractor_free(ex);
    return 0;
}
