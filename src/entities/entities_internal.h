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

/* Closed-class keywords (sw_ent_keyword): flag bits, and an id in the top byte. */
enum {
    SW_KW_PARTICLE = 1u << 0,    /* de, van, von, bin, al ... inside names */
    SW_KW_DET = 1u << 1,         /* the, a, an, his, her, its, their, our, this, that */
    SW_KW_HONORIFIC = 1u << 2,   /* Mr, Mrs, Ms, Dr, Sir, Dame ... */
    SW_KW_MALE = 1u << 3,        /* an honorific for men */
    SW_KW_FEMALE = 1u << 4,      /* an honorific for women */
    SW_KW_PLACE_PREP = 1u << 5,  /* in, from, near, across, into, visit(ed) ... before places */
    SW_KW_GEO_MOD = 1u << 6,     /* north, south, new, upper ... that begin place names */
    SW_KW_PLACE_HEAD = 1u << 7,  /* san, santa, los, fort, mount, lake ... that begin place names */
    SW_KW_MEDIA_HEAD = 1u << 8,  /* news, times, post, tribune ... that end outlet names */
    SW_KW_FAMILY = 1u << 9,      /* family, clan, dynasty, household */
    SW_KW_PRON_MALE = 1u << 10,  /* he, him, his, himself */
    SW_KW_PRON_FEMALE = 1u << 11 /* she, her, hers, herself */
};
enum { SW_KWID_OF = 1, SW_KWID_FOR, SW_KWID_THE, SW_KWID_A, SW_KWID_AN, SW_KWID_AT, SW_KWID_TO, SW_KWID_ON,
       SW_KWID_IN, SW_KWID_AMP, SW_KWID_AND, SW_KWID_OR };
#define SW_KW_ID(v) ((v) >> 24)

/* The keyword value of a word (case-insensitive), 0 when it is none. */
uint32_t sw_ent_keyword(const char *w, size_t len);
uint32_t sw_ent_keyword_folded(const char *folded, size_t len); /* the word already folded */
/* The same for a word followed by enough readable bytes that 16 can be read from its start (a word
 * of the repaired text: doc.h's SW_TEXT_PAD); a hash probe instead of folding and comparing. */
uint32_t sw_ent_keyword_padded(const char *w, size_t len);

/* 1 when the keyword table is sorted and every entry is found (for the unit test). */
int sw_ent_keywords_sorted(void);

/* Case-insensitive (ASCII) equality of two words, ignoring a final plural "s" on either when the
 * rest is at least 3 bytes. */
int sw_ent_word_eq(const char *a, size_t alen, const char *b, size_t blen);

/* 1 when two nation words name the same nation ("Russian" ~ "Russia", "Belarusian" ~ "Belarus",
 * "Chilean" ~ "Chile"): equal after removing demonym and country endings. */
int sw_ent_nation_eq(const char *a, size_t alen, const char *b, size_t blen);

#endif
