/*
 * support.h -- helpers several unit tests share: reading a whole file (read_file.h), and running
 * the pipeline's early stages (repair to sentences) on a text without the later ones.
 */
#ifndef SW_TEST_SUPPORT_H
#define SW_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include "doc.h"
#include "read_file.h"

/* Runs repair, blocks, tokens, quotation marks and sentences on a valid UTF-8 text, with
 * the extractor's options and language (ex may be NULL: English) and the allocator `al` (NULL: the
 * default). Free the result with
 * done_stages(); NULL on failure, with the status in *status. */
static inline sw_doc *run_stages(const sw_extractor *ex, const char *text, size_t len, int title_lines,
                                 const sw_allocator *al, sw_status *status)
{
    sw_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return NULL;
    sw_arena_init(&doc->arena, al ? al : &sw_default_allocator);
    doc->ex = ex;
    doc->pack = ex ? ex->pack : sw_builtin_packs[0];
    doc->orig = sw_arena_strndup(&doc->arena, text, len);
    doc->id = doc->title_in = "";
    doc->orig_len = (uint32_t)len;
    doc->title_lines = title_lines;
    sw_status st = doc->orig ? SW_OK : SW_ERR_NOMEM;
    if (st == SW_OK) st = sw_repair(doc);
    if (st == SW_OK) st = sw_find_blocks(doc);
    if (st == SW_OK) st = sw_tokenize(doc);
    /* as in the quotes-only mode, no lookup stage: its early users ask one token at a time */
    if (st == SW_OK) st = sw_find_quotes(doc);
    if (st == SW_OK) st = sw_split_sentences(doc);
    if (status) *status = st;
    if (st != SW_OK) {
        sw_arena_free(&doc->arena);
        free(doc);
        return NULL;
    }
    return doc;
}

/* Frees a document made by run_stages(). NULL is a no-op. */
static inline void done_stages(sw_doc *doc)
{
    if (!doc) return;
    sw_arena_free(&doc->arena);
    free(doc);
}

#endif
