/*
 * finalize.c -- the public view of a document.
 *
 * The stages work on the repaired text with 32-bit offsets; callers get sw_quote, sw_entity and
 * sw_block values with original offsets and NUL-terminated strings. This file builds them once,
 * in the arena, so the accessors are plain array lookups.
 */
#include <string.h>
#include "doc.h"

/* Fills a public mention for the repaired span [s, e); returns NULL when out of memory. */
static sw_mention *make_mention(sw_doc *doc, uint32_t s, uint32_t e)
{
    sw_mention *m = sw_arena_alloc(&doc->arena, sizeof *m);
    if (!m) return NULL;
    m->start = sw_map_start(doc, s);
    m->end = sw_map_end(doc, e);
    m->text = sw_arena_strndup(&doc->arena, doc->text + s, e - s);
    m->text_len = e - s;
    return m->text ? m : NULL;
}

static const char *entity_name(sw_doc *doc, const sw_ient *e)
{
    if (e->name) return e->name;
    return sw_arena_strndup(&doc->arena, doc->text + e->name_start, e->name_end - e->name_start);
}

static sw_status finalize_entities(sw_doc *doc)
{
    doc->n_pub_ents = doc->n_ents;
    if (!doc->n_ents) return SW_OK;
    doc->pub_ents = sw_arena_calloc(&doc->arena, doc->n_ents, sizeof *doc->pub_ents);
    if (!doc->pub_ents) return SW_ERR_NOMEM;
    /* Mentions are grouped per entity: count, then place. */
    sw_mention **slots = sw_arena_calloc(&doc->arena, doc->n_ents, sizeof *slots);
    if (!slots) return SW_ERR_NOMEM;
    for (uint32_t i = 0; i < doc->n_ents; i++) {
        sw_entity *pe = &doc->pub_ents[i];
        const sw_ient *e = &doc->ents[i];
        pe->id = (int)i;
        pe->type = (sw_entity_type)e->type;
        pe->gender = (sw_gender)e->gender;
        pe->name = entity_name(doc, e);
        if (!pe->name) return SW_ERR_NOMEM;
        if (e->n_ments) {
            slots[i] = sw_arena_calloc(&doc->arena, e->n_ments, sizeof(sw_mention));
            if (!slots[i]) return SW_ERR_NOMEM;
            pe->mentions = slots[i];
        }
    }
    for (uint32_t m = 0; m < doc->n_ments; m++) {
        const sw_ment *mt = &doc->ments[m];
        if (mt->ent < 0 || (uint32_t)mt->ent >= doc->n_ents) continue;
        sw_entity *pe = &doc->pub_ents[mt->ent];
        if (pe->n_mentions >= doc->ents[mt->ent].n_ments) continue;
        sw_mention *dst = &slots[mt->ent][pe->n_mentions];
        dst->start = sw_map_start(doc, mt->start);
        dst->end = sw_map_end(doc, mt->end);
        dst->text = sw_arena_strndup(&doc->arena, doc->text + mt->start, mt->end - mt->start);
        if (!dst->text) return SW_ERR_NOMEM;
        dst->text_len = mt->end - mt->start;
        pe->n_mentions++;
    }
    return SW_OK;
}

static sw_status finalize_quotes(sw_doc *doc)
{
    size_t n = 0;
    for (uint32_t i = 0; i < doc->n_stmts; i++)
        if (doc->stmts[i].is_statement || doc->ex->opts.keep_non_statements) n++;
    doc->n_quotes = 0;
    if (!n) return SW_OK;
    doc->quotes = sw_arena_calloc(&doc->arena, n, sizeof *doc->quotes);
    if (!doc->quotes) return SW_ERR_NOMEM;
    for (uint32_t i = 0; i < doc->n_stmts; i++) {
        const sw_stmt *s = &doc->stmts[i];
        if (!s->is_statement && !doc->ex->opts.keep_non_statements) continue;
        sw_quote *q = &doc->quotes[doc->n_quotes++];
        q->start = sw_map_start(doc, s->start);
        q->end = sw_map_end(doc, s->end);
        /* The text is the content without the marks for a quotation, the clause otherwise. */
        uint32_t cs = s->start, ce = s->end;
        if (s->qspan >= 0 && s->kind != SW_KIND_MIXED) {
            cs = doc->qspans[s->qspan].cstart;
            ce = doc->qspans[s->qspan].cend;
        }
        q->text = sw_arena_strndup(&doc->arena, doc->text + cs, ce - cs);
        if (!q->text) return SW_ERR_NOMEM;
        q->text_len = ce - cs;
        q->kind = (sw_quote_kind)s->kind;
        q->section = (sw_section)s->section;
        q->is_statement = s->is_statement;
        q->not_statement_reason = s->reason;
        q->speaker_entity = s->speaker;
        q->addressee_entity = s->addressee;
        q->resolution = (sw_resolution)s->resolution;
        q->confidence = s->confidence;
        if (s->speaker >= 0 && (uint32_t)s->speaker < doc->n_pub_ents)
            q->speaker_name = doc->pub_ents[s->speaker].name;
        else
            q->speaker_name = s->speaker_name;
        if (s->spk_start != SW_NONE && !(q->speaker_mention = make_mention(doc, s->spk_start, s->spk_end)))
            return SW_ERR_NOMEM;
        if (s->cue_start != SW_NONE && !(q->cue = make_mention(doc, s->cue_start, s->cue_end)))
            return SW_ERR_NOMEM;
        if (s->addr_start != SW_NONE &&
            !(q->addressee_mention = make_mention(doc, s->addr_start, s->addr_end)))
            return SW_ERR_NOMEM;
        if (s->via_start != SW_NONE && !(q->via = make_mention(doc, s->via_start, s->via_end)))
            return SW_ERR_NOMEM;
        if (s->n_frags) {
            sw_span *f = sw_arena_calloc(&doc->arena, s->n_frags, sizeof *f);
            if (!f) return SW_ERR_NOMEM;
            for (uint32_t k = 0; k < s->n_frags; k++) {
                const sw_qspan *qs = &doc->qspans[s->frags[k]];
                f[k].start = sw_map_start(doc, qs->start);
                f[k].end = sw_map_end(doc, qs->end);
            }
            q->fragments = f;
            q->n_fragments = s->n_frags;
        }
    }
    return SW_OK;
}

static sw_status finalize_blocks(sw_doc *doc)
{
    doc->n_pub_blocks = doc->n_blocks;
    if (!doc->n_blocks) return SW_OK;
    doc->pub_blocks = sw_arena_calloc(&doc->arena, doc->n_blocks, sizeof *doc->pub_blocks);
    if (!doc->pub_blocks) return SW_ERR_NOMEM;
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        doc->pub_blocks[i].start = sw_map_start(doc, doc->blocks[i].start);
        doc->pub_blocks[i].end = sw_map_end(doc, doc->blocks[i].end);
        doc->pub_blocks[i].kind = (sw_block_kind)doc->blocks[i].kind;
        doc->pub_blocks[i].section = (sw_section)doc->blocks[i].section;
    }
    return SW_OK;
}

sw_status sw_finalize(sw_doc *doc)
{
    sw_status st;
    if (!doc->title) doc->title = doc->title_in;
    if ((st = finalize_entities(doc)) != SW_OK) return st;
    if ((st = finalize_quotes(doc)) != SW_OK) return st;
    return finalize_blocks(doc);
}

size_t sw_doc_quote_count(const sw_doc *doc) { return doc ? doc->n_quotes : 0; }
const sw_quote *sw_doc_quote(const sw_doc *doc, size_t i)
{
    return doc && i < doc->n_quotes ? &doc->quotes[i] : NULL;
}
size_t sw_doc_entity_count(const sw_doc *doc) { return doc ? doc->n_pub_ents : 0; }
const sw_entity *sw_doc_entity(const sw_doc *doc, size_t i)
{
    return doc && i < doc->n_pub_ents ? &doc->pub_ents[i] : NULL;
}
size_t sw_doc_block_count(const sw_doc *doc) { return doc ? doc->n_pub_blocks : 0; }
const sw_block *sw_doc_block(const sw_doc *doc, size_t i)
{
    return doc && i < doc->n_pub_blocks ? &doc->pub_blocks[i] : NULL;
}
const char *sw_doc_id(const sw_doc *doc) { return doc ? doc->id : ""; }
const char *sw_doc_title(const sw_doc *doc) { return doc && doc->title ? doc->title : ""; }
size_t sw_doc_repair_count(const sw_doc *doc) { return doc ? doc->n_repairs : 0; }
