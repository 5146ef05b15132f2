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
#include "lexicon/lexicon.h"


/* Lexicon classes are looked up once per distinct word of the article and given to every token
 * of it by classify_tokens (entities.c); the attribution stage reuses them through
 * sw_entdata.tok_info. */

typedef struct sw_ent_wtype {    /* one distinct word (folded) of the article */
    uint16_t lower, midcap;      /* lower-case occurrences; capitalised ones not at a sentence start */
    uint32_t cls, kw;            /* its lexicon classes and keyword value */
    const sw_lex_info *info;     /* its lexicon entry, or NULL */
    uint32_t roles;              /* sw_ent_roles_of(info) */
    uint32_t tok;                /* its first token */
    uint32_t memo;               /* where the stage's memo of lexicon answers keeps it (entities.c) */
} sw_ent_wtype;

/* The attribution roles of a word (SW_W_*, with SW_W_ADVERB for the lexicon's adverbs): kept per
 * token so that the attribution stage reads them without visiting each token's lexicon entry. */
static inline uint32_t sw_ent_roles_of(const sw_lex_info *info)
{
    return info ? info->roles | ((info->classes & SW_LX_ADVERB) ? SW_W_ADVERB : 0) : 0;
}

typedef struct sw_ent_lexcache {
    uint32_t *cls;               /* per token: classes */
    const sw_lex_info **info;    /* per token: lexicon entry */
    uint32_t *roles;             /* per token: sw_ent_roles_of(info) */
    const int32_t *type;         /* per token: index into types, -1 for none */
    const uint32_t *core;        /* per token: length without a possessive ending */
    sw_ent_wtype *types;
} sw_ent_lexcache;

typedef struct sw_entdata {
    sw_mentinfo *minfo;          /* n_ments entries */
    sw_entinfo *einfo;           /* n_ents entries */
    uint32_t n_ments, n_ents;
    const uint32_t *tok_cls;     /* lexicon classes of every token (0 for non-words) */
    const sw_lex_info *const *tok_info; /* lexicon entry of every token, or NULL */
    sw_ent_lexcache lex;         /* the same, as the lookup cache the stage used */
    const uint32_t *cue_toks;    /* sw_ent_cue_candidates() */
    uint32_t n_cue_toks;
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

/* ASCII lower case of one byte; a folded copy of a word (ASCII and the two-byte Latin-1 capitals). */
unsigned char sw_ent_fold_byte(unsigned char c);
size_t sw_ent_fold_copy(char *dst, const char *src, size_t len);

/* The ASCII form of a word written with Latin letters and marks ("François" -> "francois",
 * "Łukasz" -> "lukasz"), lower case, into dst (cap bytes); its length, or 0 when the word has
 * letters without an ASCII form or does not fit. Allocation-free (libutf8proc per code point). */
size_t sw_ent_ascii_fold(const char *w, size_t len, char *dst, size_t cap);

/* Byte length of a token without a possessive ending ('s, ’s, or the apostrophe of "Jones'"). */
uint32_t sw_ent_core_len(const sw_doc *doc, uint32_t tok);

/* Case-insensitive (ASCII) equality of two words, ignoring a final plural "s" on either when the
 * rest is at least 3 bytes. */
int sw_ent_word_eq(const char *a, size_t alen, const char *b, size_t blen);

/* 1 when two nation words name the same nation ("Russian" ~ "Russia", "Belarusian" ~ "Belarus",
 * "Chilean" ~ "Chile"): equal after removing demonym and country endings. */
int sw_ent_nation_eq(const char *a, size_t alen, const char *b, size_t blen);

#endif
