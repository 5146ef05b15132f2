/*
 * entities.h -- the entities stage: named mentions, their entities, and the questions the
 * attribution stage asks about them.
 *
 * sw_find_entities() (doc.h) fills doc->ments (in text order) and doc->ents. Each mention has a
 * kind (below); each entity a type, a gender and its fullest name. Beside those public-ish fields
 * the stage keeps what it learned from the article itself: for every mention its tokens and the
 * title words written before it ("President", "Emergencies Minister"), for every entity the roles
 * ("leader", "ally", "minister") and nationalities ("Belarusian", "Russia") the article gave it.
 * The functions here read that knowledge; they are cheap (binary searches and small scans) so the
 * attribution stage may call them once per statement.
 *
 * Token indices are indices into doc->toks; "before_tok" arguments mean "mentioned before this
 * token" (only entities the reader already knows at that point can be meant).
 */
#ifndef SW_ENTITIES_H
#define SW_ENTITIES_H

#include <stdint.h>
#include "doc.h"

/* Kinds of mention (sw_ment.kind). */
enum {
    SW_MK_NAME = 1,        /* a proper name: "Vladimir Putin", "Putin", "TASS", "Ministry of Defence" */
    SW_MK_DESCRIPTION,     /* a description resolved to an entity: "the Russian President",
                              "the Belarusian leader" (only made when the resolution is confident) */
    SW_MK_PRONOUN          /* reserved: the stage does not make pronoun mentions (attribution does) */
};

/* The role words and nation words an entity keeps (the first distinct ones the article gives it):
 * enough for the descriptions of one article ("leader", "president", "ally"), and the entity's
 * knowledge stays a fixed size. */
#define SW_ENT_MAX_ROLES 6
#define SW_ENT_MAX_NATIONS 3

/* The mentions sw_ent_prev_mention() walks back over at most, so that a question costs a bounded
 * time in an article of many mentions. */
#define SW_ENT_PREV_MAX_MENTIONS 2000

/* How surely sw_ent_resolve_description() resolved a description (its *strength). */
enum {
    SW_ENT_GUESS = 1,       /* the only or most recent compatible entity */
    SW_ENT_MATCHED = 2,     /* role or nationality matched, and no other entity fits as well */
    SW_ENT_MATCHED_BOTH = 3 /* role and nationality both matched */
};

/* What the article says about one entity (index = entity index). Roles and nationalities are
 * token indices of the words that said so (compare with sw_ent_has_role / sw_ent_has_nation). */
typedef struct sw_entinfo {
    uint32_t role_tok[SW_ENT_MAX_ROLES];     /* "leader", "Minister", "ally", "agency" */
    uint32_t nation_tok[SW_ENT_MAX_NATIONS]; /* "Belarusian", "Russia", "US" */
    uint8_t n_roles, n_nations;
    uint8_t honorific_gender;                /* sw_gender from Mr / Mrs / Ms, else 0 */
    uint8_t name_words;                      /* words in the fullest name */
    uint32_t name_tok_start, name_tok_end;   /* tokens of the fullest name */
    uint32_t first_ment, last_ment;          /* indices into doc->ments of its first and last
                                                NAME mention */
} sw_entinfo;

/* Per-mention details (index = mention index). */
typedef struct sw_mentinfo {
    uint32_t tok_start, tok_end;  /* the mention's tokens [tok_start, tok_end) */
    uint32_t pre_tok;             /* first token of a title/honorific written before the name and
                                     split off it ("President" in "President Vladimir Putin"),
                                     == tok_start when none */
} sw_mentinfo;

/* The mention whose tokens cover token `tok` (its name, not a split-off title), or -1. */
int32_t sw_ent_mention_at(const sw_doc *doc, uint32_t tok);

/* The first mention that starts at or after token `tok`, or -1 (mentions are in text order, so
 * the caller can walk on with index + 1 while doc->ments[i].start is in its window). */
int32_t sw_ent_mention_from(const sw_doc *doc, uint32_t tok);

/* Details of mention `m` / entity `e`; NULL when out of range or when the stage did not run. */
const sw_mentinfo *sw_ent_mention_info(const sw_doc *doc, int32_t m);
const sw_entinfo *sw_ent_info(const sw_doc *doc, int32_t e);

/* The nearest mention (a name or a resolved description) ending before token `before_tok` whose
 * entity has type `type` (-1 for any) and a gender compatible with `gender` (SW_GENDER_UNKNOWN
 * accepts all; a person of unknown gender is compatible with both), looking back over at most
 * `max_sents` sentences (and SW_ENT_PREV_MAX_MENTIONS mentions). Returns the mention index or -1. This is recency
 * only; the attribution stage adds its own preferences. */
int32_t sw_ent_prev_mention(const sw_doc *doc, uint32_t before_tok, int type, int gender,
                            uint32_t max_sents);

/* 1 when the article gave entity `e` the role word (ptr, len), compared without case and without
 * the pack's plural endings ("leaders" = "leader"); also true when the word is in the entity's
 * name ("ministry" for "Ministry of Defence"). */
int sw_ent_has_role(const sw_doc *doc, int32_t e, const char *word, size_t len);

/* 1 when entity `e` is tied to the nation named by (ptr, len), a country or a demonym ("Russia",
 * "Russian"); -1 when it is tied to other nations only; 0 when the article said nothing. */
int sw_ent_has_nation(const sw_doc *doc, int32_t e, const char *word, size_t len);

/* Resolves a description: the noun phrase on tokens [tok_start, tok_end) ("the Belarusian leader",
 * "his Russian counterpart", "the ministry", "the Russian President", "the agency") to the entity
 * it refers to among those named before token `before_tok`, or -1. *strength (may be NULL)
 * receives SW_ENT_MATCHED_BOTH (3) when role and nationality both matched, SW_ENT_MATCHED (2) when
 * one of them did and no other entity fits as well, SW_ENT_GUESS (1) for a weaker guess (the only
 * or most recent compatible entity), 0 when -1 is returned. */
int32_t sw_ent_resolve_description(const sw_doc *doc, uint32_t tok_start, uint32_t tok_end,
                                   uint32_t before_tok, int *strength);

#endif
