/*
 * json.c -- sw_doc_write_json: one JSON object per article, the format README.md documents.
 *
 * The member order is fixed (id, title, url, date, source, quotes, entities, blocks) so outputs
 * diff cleanly. Optional parts of a quote are written as null rather than left out, so a consumer
 * can rely on every key being there; only `fragments` (when empty), `gender` (when unknown) and the
 * non-statement members are omitted. Everything goes through the sw_jw emitter (out.c).
 */
#include <string.h>
#include "doc.h"
#include "out.h"

/* The "start" and "end" members every span-like object opens with (byte offsets). */
static void write_span(sw_jw *w, size_t start, size_t end)
{
    sw_jw_key(w, "start");
    sw_jw_uint(w, start);
    sw_jw_key(w, "end");
    sw_jw_uint(w, end);
}

/* A "text" member; a NULL text is written as "". */
static void write_text(sw_jw *w, const char *text, size_t len)
{
    sw_jw_key(w, "text");
    sw_jw_string(w, text ? text : "", text ? len : 0);
}

/* {"start": S, "end": E, "text": T}, or null when m is NULL. */
static void write_mention(sw_jw *w, const sw_mention *m)
{
    if (!m) {
        sw_jw_null(w);
        return;
    }
    sw_jw_open(w, '{', 1);
    write_span(w, m->start, m->end);
    write_text(w, m->text, m->text_len);
    sw_jw_close(w, '}');
}

static void write_entity_ref(sw_jw *w, int entity)
{
    if (entity >= 0) sw_jw_int(w, entity);
    else sw_jw_null(w);
}

static const char *entity_name(const sw_doc *doc, int entity)
{
    const sw_entity *e = entity >= 0 ? sw_doc_entity(doc, (size_t)entity) : NULL;
    return e ? e->name : NULL;
}

static void write_quote(sw_jw *w, const sw_doc *doc, const sw_quote *q)
{
    sw_jw_open(w, '{', 0);
    write_span(w, q->start, q->end);
    write_text(w, q->text, q->text_len);
    sw_jw_key(w, "kind");
    sw_jw_cstring(w, sw_quote_kind_name(q->kind));
    sw_jw_key(w, "section");
    sw_jw_cstring(w, sw_section_name(q->section));

    sw_jw_key(w, "speaker");
    const char *name = q->speaker_name;
    if (!name) name = entity_name(doc, q->speaker_entity);
    if (!name && q->speaker_mention) name = q->speaker_mention->text;
    if (!name && q->speaker_entity < 0 && !q->speaker_mention) {
        sw_jw_null(w);
    } else {
        sw_jw_open(w, '{', 0);
        sw_jw_key(w, "name");
        sw_jw_cstring(w, name);
        sw_jw_key(w, "entity");
        write_entity_ref(w, q->speaker_entity);
        sw_jw_key(w, "mention");
        write_mention(w, q->speaker_mention);
        sw_jw_key(w, "resolution");
        sw_jw_cstring(w, sw_resolution_name(q->resolution));
        sw_jw_close(w, '}');
    }

    sw_jw_key(w, "cue");
    write_mention(w, q->cue);

    sw_jw_key(w, "addressee");
    if (q->addressee_entity < 0 && !q->addressee_mention) {
        sw_jw_null(w);
    } else {
        const char *aname = entity_name(doc, q->addressee_entity);
        if (!aname && q->addressee_mention) aname = q->addressee_mention->text;
        sw_jw_open(w, '{', 0);
        sw_jw_key(w, "entity");
        write_entity_ref(w, q->addressee_entity);
        sw_jw_key(w, "name");
        sw_jw_cstring(w, aname);
        sw_jw_key(w, "mention");
        write_mention(w, q->addressee_mention);
        sw_jw_close(w, '}');
    }

    sw_jw_key(w, "via");
    write_mention(w, q->via);
    sw_jw_key(w, "confidence");
    sw_jw_fixed2(w, q->confidence);

    if (q->n_fragments && q->fragments) {
        sw_jw_key(w, "fragments");
        sw_jw_open(w, '[', 1);
        for (size_t k = 0; k < q->n_fragments; k++) {
            sw_jw_open(w, '{', 1);
            write_span(w, q->fragments[k].start, q->fragments[k].end);
            sw_jw_close(w, '}');
        }
        sw_jw_close(w, ']');
    }
    if (!q->is_statement) {
        sw_jw_key(w, "is_statement");
        sw_jw_bool(w, 0);
        sw_jw_key(w, "reason");
        sw_jw_cstring(w, q->not_statement_reason);
    }
    sw_jw_close(w, '}');
}

static void write_entity(sw_jw *w, const sw_entity *e)
{
    sw_jw_open(w, '{', 0);
    sw_jw_key(w, "id");
    sw_jw_int(w, e->id);
    sw_jw_key(w, "type");
    sw_jw_cstring(w, sw_entity_type_name(e->type));
    sw_jw_key(w, "name");
    sw_jw_cstring(w, e->name ? e->name : "");
    if (e->gender == SW_GENDER_MALE || e->gender == SW_GENDER_FEMALE) {
        sw_jw_key(w, "gender");
        sw_jw_cstring(w, sw_gender_name(e->gender));
    }
    sw_jw_key(w, "mentions");
    sw_jw_open(w, '[', 0);
    for (size_t k = 0; k < e->n_mentions; k++) write_mention(w, &e->mentions[k]);
    sw_jw_close(w, ']');
    sw_jw_close(w, '}');
}

static void write_optional(sw_jw *w, const char *key, sw_str s)
{
    if (!s.ptr) return;
    sw_jw_key(w, key);
    sw_jw_string(w, s.ptr, s.len);
}

sw_status sw_doc_write_json(const sw_doc *doc, const sw_article *article, unsigned flags,
                            sw_write_fn write, void *ctx)
{
    if (!doc || !write) return SW_ERR_INVALID_ARG;
    sw_jw w;
    sw_jw_init(&w, (flags & SW_WRITE_PRETTY) != 0, write, ctx);
    sw_jw_open(&w, '{', 0);
    sw_jw_key(&w, "id");
    sw_jw_cstring(&w, sw_doc_id(doc));
    sw_jw_key(&w, "title");
    sw_jw_cstring(&w, sw_doc_title(doc));
    if (article) {
        write_optional(&w, "url", article->url);
        write_optional(&w, "date", article->date);
        write_optional(&w, "source", article->source);
    }

    sw_jw_key(&w, "quotes");
    sw_jw_open(&w, '[', 0);
    size_t nq = sw_doc_quote_count(doc);
    for (size_t i = 0; i < nq; i++) write_quote(&w, doc, sw_doc_quote(doc, i));
    sw_jw_close(&w, ']');

    sw_jw_key(&w, "entities");
    sw_jw_open(&w, '[', 0);
    size_t ne = sw_doc_entity_count(doc);
    for (size_t i = 0; i < ne; i++) write_entity(&w, sw_doc_entity(doc, i));
    sw_jw_close(&w, ']');

    if (flags & SW_WRITE_BLOCKS) {
        sw_jw_key(&w, "blocks");
        sw_jw_open(&w, '[', 0);
        size_t nb = sw_doc_block_count(doc);
        for (size_t i = 0; i < nb; i++) {
            const sw_block *b = sw_doc_block(doc, i);
            sw_jw_open(&w, '{', 1);
            write_span(&w, b->start, b->end);
            sw_jw_key(&w, "kind");
            sw_jw_cstring(&w, sw_block_kind_name(b->kind));
            sw_jw_key(&w, "section");
            sw_jw_cstring(&w, sw_section_name(b->section));
            sw_jw_close(&w, '}');
        }
        sw_jw_close(&w, ']');
    }
    sw_jw_close(&w, '}');
    sw_out_char(&w.out, '\n');
    return sw_out_flush(&w.out) == 0 ? SW_OK : SW_ERR_IO;
}
