/*
 * lexicon_tables.h -- layout of the generated tables (src/lexicon/lexicon_tables.c), shared by the
 * generator's output and lexicon.c only. Stages use lexicon.h, never this.
 *
 * Keys are folded word forms (see sw_lex_fold() in lexicon.c) stored NUL-terminated in one pool;
 * entry i has its key at sw_lex_tab_pool + sw_lex_tab_key[i] (sw_lex_tab_key_len[i] bytes) and its
 * data in sw_lex_tab_info[i]. sw_lex_tab_slot is an open-addressing table indexed by
 * FNV-1a(key) & sw_lex_tab_slot_mask, probed linearly, holding entry index + 1 (0: empty).
 * An entry whose classes are 0 is only the first word of a cue phrase.
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
extern const uint32_t sw_lex_tab_slot[];
/* One hash slot: the key's full FNV-1a hash, entry index + 1 (0: empty), key offset in the pool and
 * key length. */
typedef struct sw_lex_slot {
    uint32_t hash, entry, key, len;
} sw_lex_slot;
extern const sw_lex_slot sw_lex_tab_slots[];
extern const sw_lex_cue sw_lex_tab_cue[];

#endif
