/*
 * lexicon_tables.h -- layout of the generated tables (src/lexicon/lexicon_tables.c), shared by the
 * generator's output and lexicon.c only. Stages use lexicon.h, never this.
 *
 * Keys are folded word forms (see sw_lex_fold() in lexicon.c) stored NUL-terminated in one pool;
 * entry i has its key at sw_lex_tab_pool + sw_lex_tab_key[i] (sw_lex_tab_key_len[i] bytes) and its
 * data in sw_lex_tab_info[i]. sw_lex_tab_slots is an open-addressing table indexed by
 * sw_lex_hash(key) & sw_lex_tab_slot_mask, probed linearly (see sw_lex_slot).
 * An entry whose classes and roles are 0 is only the first word of a cue phrase.
 */
#ifndef SW_LEXICON_TABLES_H
#define SW_LEXICON_TABLES_H

#include <stdint.h>
#include "lexicon/lexicon.h"

/* One multi-word cue: its words (offsets into the pool, folded), their number, its SW_CUE_* kind
 * and the entry index of its first word. Cues are grouped by first word, longest first. */
typedef struct sw_lex_cue {
    uint8_t n_words;
    uint8_t kind;
    uint32_t first_entry;
    uint32_t words[6];
} sw_lex_cue;

extern const char *const sw_lex_tab_pool;
extern const uint32_t sw_lex_tab_entries;
extern const uint32_t sw_lex_tab_slot_mask;
extern const uint32_t sw_lex_tab_cue_count;
extern const sw_lex_info sw_lex_tab_info[];
extern const uint32_t sw_lex_tab_key[];
extern const uint8_t sw_lex_tab_key_len[];
/* One hash slot, 32 bytes (two to a cache line): what a lookup needs to find a word and to answer
 * with its classes and roles, so that it reads nothing else for most words (the entry itself only
 * for a verb's lemma, form and frames; the pool only for keys longer than 16 bytes). */
typedef struct sw_lex_slot {
    unsigned char key[16];  /* the folded key's first 16 bytes, zero-padded */
    uint32_t hash;          /* sw_lex_hash() of the whole key */
    uint32_t classes;       /* the entry's classes (SW_LX_*) */
    uint32_t entry;         /* entry index + 1; 0: an empty slot */
    uint16_t roles;         /* the entry's roles (SW_W_*) */
    uint8_t len;            /* the key's length in bytes */
} sw_lex_slot;
extern const sw_lex_slot sw_lex_tab_slots[];
extern const sw_lex_cue sw_lex_tab_cue[];

#endif
