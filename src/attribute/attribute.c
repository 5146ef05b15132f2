/*
 * attribute.c -- FOUNDATION VERSION: every quotation span becomes a statement without a speaker.
 * The attribution issue replaces this with speakers, cues and reported speech.
 */
#include "doc.h"
sw_status sw_attribute(sw_doc *doc)
{
    if (!doc->n_qspans) return SW_OK;
    doc->stmts = sw_arena_calloc(&doc->arena, doc->n_qspans, sizeof *doc->stmts);
    if (!doc->stmts) return SW_ERR_NOMEM;
    for (uint32_t i = 0; i < doc->n_qspans; i++) {
        const sw_qspan *q = &doc->qspans[i];
        if (q->parent >= 0) continue; /* nested quotations stay inside their parent */
        sw_stmt *s = &doc->stmts[doc->n_stmts++];
        s->start = q->start;
        s->end = q->end;
        s->kind = q->kind;
        s->section = q->section;
        s->is_statement = 1;
        s->qspan = (int32_t)i;
        s->speaker = s->addressee = -1;
        s->spk_start = s->spk_end = s->cue_start = s->cue_end = SW_NONE;
        s->addr_start = s->addr_end = s->via_start = s->via_end = SW_NONE;
        s->confidence = 0.5f;
    }
    return SW_OK;
}
