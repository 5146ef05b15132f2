/*
 * entities_internal.h -- what the files of src/entities/ share and nobody else should use.
 *
 * The stage keeps its per-mention and per-entity knowledge (sw_mentinfo, sw_entinfo) in one arena
 * block that also holds the doc->ments array; doc->ent_data points at it.
 */
#ifndef SW_ENTITIES_INTERNAL_H
#define SW_ENTITIES_INTERNAL_H

#include <stddef.h>
#include "entities.h"
#include "fold.h"
#include "lang/pack.h"


typedef struct sw_entdata {
    sw_mentinfo *minfo;          /* n_ments entries */
    sw_entinfo *einfo;           /* n_ents entries */
    uint32_t n_ments, n_ents;
    sw_ment ments[];             /* doc->ments points here */
} sw_entdata;

/* The stage's data of a document, or NULL when sw_find_entities() has not filled it. */
static inline const sw_entdata *sw_entdata_of(const sw_doc *doc)
{
    return doc ? (const sw_entdata *)doc->ent_data : NULL;
}

/* The index of the first item of the pack's list `list` (SW_LIST_*) that the word (w, len) ends
 * with, leaving at least min_stem bytes before it; -1 when none. With fold, the word's ASCII
 * capitals compare as small letters (the items are written in small letters); else the bytes are
 * compared as written. */
int sw_ent_ending(const sw_pack *pack, unsigned list, const char *w, size_t len, size_t min_stem, int fold);

/* Case-insensitive (ASCII) equality of two words, each without a plural ending of the pack
 * (SW_LIST_PLURAL_ENDINGS) when at least 3 bytes stay ("leaders" = "leader"). */
int sw_ent_word_eq(const sw_pack *pack, const char *a, size_t alen, const char *b, size_t blen);

/* 1 when two nation words name the same nation ("Russian" ~ "Russia", "Belarusian" ~ "Belarus",
 * "Chilean" ~ "Chile"): one begins the other, or they are equal after removing the pack's plural,
 * demonym and country endings (SW_LIST_NATION_*). */
int sw_ent_nation_eq(const sw_pack *pack, const char *a, size_t alen, const char *b, size_t blen);

#endif
