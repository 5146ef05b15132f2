/*
 * lookup.h -- what the language pack says about a token, for the stages after the lookup stage.
 *
 * The lookup stage (lookup.c, sw_lookup_words()) fills doc->tok_info ... doc->tok_word for every
 * token at once when the whole pipeline runs. The fast quotes-only mode does not run it: its two
 * questions (is this word one of the speech verbs that follow a quotation?) are asked of a few
 * tokens near quotation marks, and sw_token_classes() answers them one token at a time, from the
 * same pack with the same rules.
 */
#ifndef SW_LOOKUP_H
#define SW_LOOKUP_H

#include "doc.h"

/* The classes (SW_LX_*) of token k's word, as the lookup stage gives them (0 for tokens that are
 * no words), whether or not the stage ran. */
uint64_t sw_lookup_token_classes(const sw_doc *doc, uint32_t k);

static inline uint64_t sw_token_classes(const sw_doc *doc, uint32_t k)
{
    return doc->tok_cls ? doc->tok_cls[k] : sw_lookup_token_classes(doc, k);
}

#endif
