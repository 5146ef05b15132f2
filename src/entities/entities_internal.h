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

/* Case-insensitive (ASCII) equality of two words, ignoring a final plural "s" on either when the
 * rest is at least 3 bytes. */
int sw_ent_word_eq(const char *a, size_t alen, const char *b, size_t blen);

/* 1 when two nation words name the same nation ("Russian" ~ "Russia", "Belarusian" ~ "Belarus",
 * "Chilean" ~ "Chile"): equal after removing demonym and country endings. */
int sw_ent_nation_eq(const char *a, size_t alen, const char *b, size_t blen);

#endif
