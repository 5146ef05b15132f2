/*
 * sentences.c -- sentences within blocks, over the tokens (after the quotation marks are paired).
 *
 * A sentence never crosses a block. Inside a block a sentence ends after a token that ends in
 * . ! ? or … (a SW_TK_PUNCT, or a word that kept the period of an abbreviation without
 * SW_TF_ABBREV) when the next token, after any closing quotation marks and brackets, is separated
 * by a space and can begin a sentence (a capitalised or caseless word, a number, a symbol, an
 * opening mark or bracket). The closing marks after the final punctuation belong to the sentence
 * that ends (`“It collapsed.” Then` splits after the ”). Abbreviations and initials were settled by
 * the tokenizer (SW_TF_ABBREV), decimals are single number tokens. Two exceptions:
 *  - an ellipsis inside a quotation does not end a sentence while the quotation goes on;
 *  - `“Is it over?” Smith asked.` stays one sentence: after ? or ! and a closing mark, a
 *    capitalised word followed within two words by a speech verb continues the sentence (a
 *    lower-case word never starts one anyway: `“Is it over?” he asked.`).
 */
#include "doc.h"
#include "segment.h"
#include "lookup/lookup.h"

int sw_token_end_kind(const char *text, const sw_tok *t)
{
    uint32_t n = t->end - t->start;
    const char *s = text + t->start;
    if (t->kind == SW_TK_WORD) {
        if (s[n - 1] == '.' && !(t->flags & SW_TF_ABBREV)) return SW_END_PERIOD;
        return SW_END_NONE;
    }
    if (t->kind != SW_TK_PUNCT) return SW_END_NONE;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        (unsigned char)s[n - 1] == 0xA6)
        return SW_END_ELLIPSIS;
    char c = s[n - 1];
    if (c == '?' || c == '!') return SW_END_QUESTION;
    if (c == '.') return n >= 2 && s[n - 2] == '.' ? SW_END_ELLIPSIS : SW_END_PERIOD;
    return SW_END_NONE;
}

/* 1 for a token that closes something: a closing quotation mark or bracket. */
static int is_closer(const char *text, const sw_tok *t)
{
    if (t->kind == SW_TK_QUOTE) return t->qm == SW_QM_CLOSE;
    if (t->kind != SW_TK_PUNCT || t->end - t->start != 1) return 0;
    char c = text[t->start];
    return c == ')' || c == ']' || c == '}';
}

/* 1 for a token that can begin a sentence. */
static int can_start(const char *text, const sw_tok *t)
{
    switch (t->kind) {
    case SW_TK_WORD: {
        if (t->flags & SW_TF_CAP) return 1;
        uint32_t cp, len;
        return sw_char_class(text, t->start, t->end, &cp, &len) == SW_CC_LETTER;
    }
    case SW_TK_NUM:
    case SW_TK_SYM:
        return 1;
    case SW_TK_QUOTE:
        return t->qm != SW_QM_CLOSE;
    case SW_TK_PUNCT: {
        char c = text[t->start];
        return c == '(' || c == '[' || (unsigned char)c == 0xC2 /* ¿ ¡ */;
    }
    default:
        return 0;
    }
}

/* Appends a sentence of tokens [ts, te); returns SW_ERR_NOMEM on failure. */
static sw_status add_sentence(sw_doc *doc, size_t *cap, uint32_t ts, uint32_t te)
{
    if (doc->n_sents == *cap) {
        /* a sentence ends at a listed stop or at the end of a block: room for them all at once */
        doc->sents = sw_arena_grow(&doc->arena, doc->sents, sizeof *doc->sents, doc->n_sents, cap,
                                   doc->n_sents ? (size_t)doc->n_sents + 1 : (size_t)doc->n_stops + doc->n_blocks);
        if (!doc->sents) return SW_ERR_NOMEM;
    }
    uint32_t si = doc->n_sents++;
    sw_sent *s = &doc->sents[si];
    s->start = doc->toks[ts].start;
    s->end = doc->toks[te - 1].end;
    s->tok_start = ts;
    s->tok_end = te;
    s->block = doc->toks[ts].block;
    for (uint32_t k = ts; k < te; k++) doc->toks[k].sent = si;
    doc->toks[ts].flags |= SW_TF_SENT_START;
    return SW_OK;
}

/* Whether the sentence ending at token k (kind `ek`, closers up to j) really ends there, given
 * that token j (in the same block, before te) follows. */
static int ends_here(const sw_doc *doc, uint32_t k, int ek, uint32_t j, uint32_t te)
{
    const sw_tok *t = &doc->toks[k], *nx = &doc->toks[j];
    if (!(nx->flags & SW_TF_SPACE_BEFORE) && j == k + 1) return 0;
    if (!can_start(doc->text, nx)) return 0;
    if (ek == SW_END_ELLIPSIS && j == k + 1 && (t->flags & SW_TF_IN_QUOTE)) return 0;
    if (ek == SW_END_QUESTION && j > k + 1 && nx->kind == SW_TK_WORD) {
        /* “Is it over?” Smith asked. / “Why?” asked Smith. */
        for (uint32_t m = j; m < te && m < j + 3; m++) {
            const sw_tok *w = &doc->toks[m];
            if (w->kind != SW_TK_WORD) break;
            if (sw_token_classes(doc, m) & SW_LX_QUOTE_VERB) return 0;
        }
    }
    return 1;
}

/* Fills doc->sents and tok.sent, and sets SW_TF_SENT_START. Returns SW_OK or SW_ERR_NOMEM. */
sw_status sw_split_sentences(sw_doc *doc)
{
    size_t cap = 0;
    doc->sents = NULL;
    doc->n_sents = 0;
    const char *text = doc->text;
    const sw_tok *toks = doc->toks; /* add_sentence() writes tok.sent but never moves the array */
    uint32_t si = 0;                /* the next of doc->stops */
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        uint32_t ts = doc->blocks[b].tok_start, te = doc->blocks[b].tok_end;
        uint32_t sent_start = ts;
        /* only the tokens that end in . ! ? or … can end a sentence: the tokenizer listed them */
        while (si < doc->n_stops && doc->stops[si] < ts) si++;
        for (; si < doc->n_stops && doc->stops[si] < te; si++) {
            uint32_t k = doc->stops[si];
            if (k < sent_start) continue; /* passed over with the closers of the last end */
            int ek = sw_token_end_kind(text, &toks[k]);
            if (!ek) continue;
            uint32_t j = k + 1;
            while (j < te && is_closer(text, &toks[j])) j++;
            if (j >= te) break;
            if (!ends_here(doc, k, ek, j, te)) continue;
            sw_status st = add_sentence(doc, &cap, sent_start, j);
            if (st != SW_OK) return st;
            sent_start = j;
        }
        if (sent_start < te) {
            sw_status st = add_sentence(doc, &cap, sent_start, te);
            if (st != SW_OK) return st;
        }
    }
    return SW_OK;
}
