/*
 * quotes_only.c -- the quotes_only mode (sw_options.quotes_only): quotation spans as statements.
 *
 * For callers who only need where the quotations are, the pipeline stops after the quotation
 * stage: every top-level quotation becomes a statement of its kind and section, without speaker,
 * cue or entities. Headline and sub-heading quotations are kept apart as in full attribution.
 */
#include <string.h>
#include "doc.h"

sw_status sw_quotes_as_statements(sw_doc *doc)
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
        s->is_statement = q->section == SW_SECTION_BODY;
        s->reason = q->section == SW_SECTION_BODY ? NULL
                    : q->section == SW_SECTION_TITLE ? "headline"
                    : q->section == SW_SECTION_HEADING ? "heading" : "boilerplate";
        s->qspan = (int32_t)i;
        s->speaker = s->addressee = -1;
        s->spk_start = s->spk_end = s->cue_start = s->cue_end = SW_NONE;
        s->addr_start = s->addr_end = s->via_start = s->via_end = SW_NONE;
        s->confidence = 0.0f;
    }
    return SW_OK;
}
