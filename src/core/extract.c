/*
 * extract.c -- the extractor handle and the pipeline driver.
 *
 * sw_extract() copies the article into a fresh document arena, validates it, runs the stages in
 * order (doc.h) and finally builds the public view (finalize.c). A stage that fails leaves the
 * document half-built; the driver frees it and reports the status, so callers never see a partial
 * result.
 */
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include "doc.h"
#include "fold.h"

static const char *const status_messages[] = {
    [SW_OK] = "ok",
    [SW_ERR_NOMEM] = "out of memory",
    [SW_ERR_INVALID_ARG] = "invalid argument",
    [SW_ERR_JSON] = "malformed JSON",
    [SW_ERR_NO_TEXT] = "no \"text\" string in the JSON object",
    [SW_ERR_UTF8] = "invalid UTF-8",
    [SW_ERR_NUL] = "NUL byte in the text",
    [SW_ERR_TOO_LARGE] = "article too large",
    [SW_ERR_IO] = "input/output error",
    [SW_ERR_DB] = "database error",
    [SW_ERR_QUERY] = "invalid query",
    [SW_ERR_DATE] = "unreadable date",
};

const char *sw_status_message(sw_status status)
{
    if ((unsigned)status < sizeof status_messages / sizeof status_messages[0] &&
        status_messages[status])
        return status_messages[status];
    return "unknown error";
}

const char *sw_version(void) { return SW_VERSION_STRING; }

static sw_status fail(sw_error *err, sw_status code, size_t offset)
{
    if (err) {
        err->code = code;
        err->message = sw_status_message(code);
        err->offset = offset;
    }
    return code;
}

size_t sw_language_count(void) { return sw_builtin_pack_count; }

const char *sw_language_code(size_t i) { return i < sw_builtin_pack_count ? sw_builtin_packs[i]->code : NULL; }

const char *sw_language_name(size_t i) { return i < sw_builtin_pack_count ? sw_builtin_packs[i]->name : NULL; }

/* The pack of a language option (NULL or "": the default; "auto": the default while the library has
 * one pack), compared without case; NULL when there is none. *is_auto is set for "auto". */
static const sw_pack *pack_of_option(const char *language, int *is_auto)
{
    *is_auto = 0;
    if (!language || !*language) return sw_builtin_packs[0];
    char code[8];
    size_t n = strlen(language);
    if (n >= sizeof code) return NULL;
    for (size_t i = 0; i <= n; i++) code[i] = (char)sw_fold_byte((unsigned char)language[i]);
    if (strcmp(code, "auto") == 0) {
        *is_auto = 1;
        return sw_builtin_packs[0];
    }
    return sw_pack_find(code);
}

sw_status sw_extractor_create_with_pack(const sw_options *opts, const sw_allocator *alloc, const sw_pack *pack,
                                        sw_extractor **out)
{
    *out = NULL;
    sw_extractor *ex = sw_mem_alloc(alloc, sizeof *ex);
    if (!ex) return SW_ERR_NOMEM;
    memset(ex, 0, sizeof *ex);
    atomic_init(&ex->spare, NULL);
    if (opts) ex->opts = *opts;
    ex->opts.language = NULL; /* borrowed: not kept */
    ex->pack = pack;
    if (alloc) {
        ex->alloc_copy = *alloc;
        ex->alloc = &ex->alloc_copy;
    } else {
        ex->alloc = &sw_default_allocator;
    }
    *out = ex;
    return SW_OK;
}

sw_status sw_extractor_create(const sw_options *opts, const sw_allocator *alloc, sw_extractor **out, sw_error *err)
{
    if (!out) return fail(err, SW_ERR_INVALID_ARG, 0);
    *out = NULL;
    int is_auto;
    const sw_pack *pack = pack_of_option(opts ? opts->language : NULL, &is_auto);
    if (!pack) {
        if (err) {
            err->code = SW_ERR_INVALID_ARG;
            err->message = "unknown language";
            err->offset = 0;
        }
        return SW_ERR_INVALID_ARG;
    }
    sw_status st = sw_extractor_create_with_pack(opts, alloc, pack, out);
    if (st != SW_OK) return fail(err, st, 0);
    (*out)->auto_language = (uint8_t)is_auto;
    return SW_OK;
}

sw_extractor *sw_extractor_new(const sw_options *opts, const sw_allocator *alloc)
{
    sw_extractor *ex = NULL;
    sw_extractor_create(opts, alloc, &ex, NULL);
    return ex;
}

const char *sw_extractor_language(const sw_extractor *ex)
{
    if (!ex) return NULL;
    return ex->auto_language ? "auto" : ex->pack->code;
}

void sw_extractor_free(sw_extractor *ex)
{
    if (!ex) return;
    sw_arena_block_free(ex->alloc, atomic_load(&ex->spare));
    sw_mem_free(ex->alloc, ex);
}

/* Copies an optional string into the arena; "" when absent. */
static const char *copy_str(sw_arena *a, sw_str s)
{
    if (!s.ptr) return sw_arena_strndup(a, "", 0);
    return sw_arena_strndup(a, s.ptr, s.len);
}

sw_status sw_finalize(sw_doc *doc); /* finalize.c */

sw_status sw_extract(const sw_extractor *ex, const sw_article *art, sw_doc **out, sw_error *err)
{
    if (out) *out = NULL;
    if (!ex || !art || !out) return fail(err, SW_ERR_INVALID_ARG, 0);
    size_t len = art->text.ptr ? art->text.len : 0;
    if (len > SW_MAX_ARTICLE) return fail(err, SW_ERR_TOO_LARGE, 0);
    if (!art->text_checked) { /* a reader's article was checked as it was read */
        int nul = 0;
        size_t bad = sw_utf8_check(art->text.ptr ? art->text.ptr : "", len, &nul);
        if (bad != len) return fail(err, nul ? SW_ERR_NUL : SW_ERR_UTF8, bad);
    }

    sw_doc *doc = sw_mem_alloc(ex->alloc, sizeof *doc);
    if (!doc) return fail(err, SW_ERR_NOMEM, 0);
    memset(doc, 0, sizeof *doc);
    /* the extractor's spare block is the only part of it that changes (doc.h), hence the cast */
    sw_arena_init_from(&doc->arena, ex->alloc, atomic_exchange(&((sw_extractor *)ex)->spare, NULL));
    doc->ex = ex;
    doc->pack = ex->pack;

    sw_status st = SW_ERR_NOMEM;
    char *orig = sw_arena_alloc(&doc->arena, len + SW_TEXT_PAD); /* the text if nothing is repaired */
    if (orig) {
        if (len) memcpy(orig, art->text.ptr, len);
        memset(orig + len, 0, SW_TEXT_PAD);
    }
    doc->orig = orig;
    doc->id = copy_str(&doc->arena, art->id);
    doc->title_in = copy_str(&doc->arena, art->title);
    if (!doc->orig || !doc->id || !doc->title_in) goto failed;
    doc->orig_len = (uint32_t)len;
    doc->title_in_len = (uint32_t)strlen(doc->title_in);
    doc->title_lines = art->title_lines;

    if ((st = sw_repair(doc)) != SW_OK) goto failed;
    if ((st = sw_find_blocks(doc)) != SW_OK) goto failed;
    if ((st = sw_tokenize(doc)) != SW_OK) goto failed;
    /* the quotes-only mode asks the pack about a few tokens only (lookup/lookup.h) */
    if (!ex->opts.quotes_only && (st = sw_lookup_words(doc)) != SW_OK) goto failed;
    if ((st = sw_find_quotes(doc)) != SW_OK) goto failed;
    if ((st = sw_split_sentences(doc)) != SW_OK) goto failed;
    if (ex->opts.quotes_only) {
        if ((st = sw_quotes_as_statements(doc)) != SW_OK) goto failed;
    } else {
        if ((st = sw_find_entities(doc)) != SW_OK) goto failed;
        if ((st = sw_attribute(doc)) != SW_OK) goto failed;
    }
    if ((st = sw_finalize(doc)) != SW_OK) goto failed;
    *out = doc;
    return SW_OK;

failed:
    sw_doc_free(doc);
    return fail(err, st, 0);
}

void sw_doc_free(sw_doc *doc)
{
    if (!doc) return;
    sw_extractor *ex = (sw_extractor *)doc->ex; /* only its spare block changes (doc.h) */
    sw_arena_block *keep = sw_arena_free_keep(&doc->arena, SW_SPARE_BLOCK_MAX);
    sw_arena_block_free(ex->alloc, atomic_exchange(&ex->spare, keep));
    sw_mem_free(ex->alloc, doc);
}
