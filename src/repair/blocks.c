/* blocks.c -- STUB: one paragraph block per non-empty line (to be replaced). */
#include "doc.h"
sw_status sw_find_blocks(sw_doc *doc)
{
    size_t cap = 0;
    uint32_t i = 0, n = doc->len;
    int blank_before = 1;
    while (i < n) {
        uint32_t e = i;
        while (e < n && doc->text[e] != '\n') e++;
        uint32_t s = i, t = e;
        while (s < t && (doc->text[s] == ' ' || doc->text[s] == '\t' || doc->text[s] == '\r')) s++;
        while (t > s && (doc->text[t - 1] == ' ' || doc->text[t - 1] == '\t' || doc->text[t - 1] == '\r')) t--;
        if (t > s) {
            doc->blocks = sw_arena_grow(&doc->arena, doc->blocks, sizeof *doc->blocks, doc->n_blocks, &cap, doc->n_blocks + 1);
            if (!doc->blocks) return SW_ERR_NOMEM;
            sw_iblock *b = &doc->blocks[doc->n_blocks++];
            b->start = s; b->end = t; b->kind = SW_BLOCK_PARAGRAPH; b->section = SW_SECTION_BODY;
            b->para_start = (uint8_t)blank_before; b->tok_start = b->tok_end = 0;
            blank_before = 0;
        } else {
            blank_before = 1;
        }
        i = e + 1;
    }
    return SW_OK;
}
