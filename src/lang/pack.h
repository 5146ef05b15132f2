/*
 * pack.h -- a language pack: what saywho knows about the words of one language, and how the code
 * asks it.
 *
 * Everything a language brings (its words with their classes and roles, speech verbs with their
 * forms and frames, cue phrases, abbreviations, affixes, boilerplate phrases) is data under
 * data/<lang>/, turned into a const sw_pack by tools/gen_pack.py (src/lang/pack_<lang>.c, committed
 * and checked by CI to regenerate identically). The C code holds mechanisms: it tests features
 * (features.h: SW_LX_*, SW_W_*, SW_N_*, SW_VX_*), never words. A pack is immutable and shared by
 * every thread; the extractor holds the one it was made for (doc->ex->pack).
 *
 * Lookups take (ptr, len) and fold the word as fold.h says. Words longer than SW_PACK_MAX_KEY bytes
 * are in no pack.
 */
#ifndef SW_PACK_H
#define SW_PACK_H

#include <stddef.h>
#include <stdint.h>
#include "lang/features.h"

/* The longest word form a pack holds, in bytes. */
#define SW_PACK_MAX_KEY 63

/* Verb forms (for speech, post-quotation and cognition verbs only: a word that is only
 * SW_LX_VERB_PAST / SW_LX_VERB_3SG has verb_form 0 and itself as lemma). */
enum {
    SW_VF_BASE = 1,   /* say */
    SW_VF_3SG,        /* says */
    SW_VF_PAST,       /* said (past tense; also the participle when they are the same) */
    SW_VF_PART,       /* spoken (past participle only) */
    SW_VF_ING         /* saying */
};

/* Abbreviation classes (abbreviations.tsv): how the tokenizer treats the period after the word. */
enum {
    SW_AB_NONE = 0,
    SW_AB_TITLE,   /* precedes a name, never ends a sentence: Mr. Dr. Gen. */
    SW_AB_NUMBER,  /* an abbreviation only before a number: No. Art. Vol. */
    SW_AB_MONTH,   /* Jan. Feb.: an abbreviation before a number or a lower-case word */
    SW_AB_ALWAYS,  /* never ends a sentence: vs. e.g. i.e. */
    SW_AB_GENERAL  /* may end a sentence: etc. Inc. Ltd. Jr. */
};

/* How a line must hold a boilerplate phrase (boilerplate.txt). */
enum {
    SW_BP_LINE = 1,   /* the whole line is the phrase (final punctuation ignored) */
    SW_BP_PREFIX,     /* a short line that begins with the phrase */
    SW_BP_TEASER      /* the phrase (and a colon) alone, or followed by ':' and a teaser headline */
};

/* One word form of a pack: a slot of its hash table, one 64-byte cache line, so that a lookup
 * reads one line and nothing else. */
typedef struct sw_lex_info {
    unsigned char key[16];  /* the folded key's first 16 bytes, zero-padded */
    uint64_t classes;       /* SW_LX_* */
    uint64_t roles;         /* SW_W_* */
    uint64_t names;         /* SW_N_* */
    uint32_t hash;          /* sw_hash_bytes() of the whole folded key */
    uint32_t lemma;         /* offset of the base form in the pack's pool (the key itself when the
                               form is no verb form): sw_pack_lemma() */
    uint32_t key_off;       /* offset of the whole folded key in the pool */
    uint16_t frames;        /* SW_VX_* (speech verbs) */
    uint8_t len;            /* the key's length in bytes; 0: an empty slot */
    uint8_t verb_form;      /* SW_VF_*, 0 if not a verb form */
    uint8_t abbrev;         /* SW_AB_* (only in the segmenter's table) */
} sw_lex_info;

/* One multi-word cue: its words (offsets into the pool, folded, and lengths), their number, its
 * SW_CUE_* kind and the slot of its first word in the table of words. Cues are grouped by first word, longest
 * first. */
typedef struct sw_lex_cue {
    uint8_t n_words;
    uint8_t kind;
    uint8_t len[6];         /* the words' lengths in bytes (a word of another length is no match) */
    uint32_t first;
    uint32_t words[6];
} sw_lex_cue;

/* An item of an ordered list (SW_LIST_*), and a list. */
typedef struct sw_pack_item {
    const char *str;     /* NUL-terminated */
    uint8_t len;
} sw_pack_item;
typedef struct sw_pack_list {
    const sw_pack_item *items;
    uint32_t n;
} sw_pack_list;

/* A boilerplate phrase (folded, single spaces) and how a line holds it (SW_BP_*). */
typedef struct sw_pack_phrase {
    const char *phrase;
    uint8_t len;
    uint8_t how;
} sw_pack_phrase;

/* A hash table of word forms: open addressing, sw_hash_bytes() of the folded key & slot_mask,
 * linear probing; its bitmap of the keys' hashes answers "not there" for most other words. */
typedef struct sw_pack_table {
    const sw_lex_info *slots;        /* slot_mask + 1 slots */
    uint32_t slot_mask;
    uint32_t n_entries;
    const uint64_t *filter;          /* 2^filter_bits bits: clear means "not in the table" */
    uint32_t filter_bits;
} sw_pack_table;

typedef struct sw_pack {
    const char *code;                /* ISO 639 code: "en" */
    const char *name;                /* "English" */
    sw_pack_table words;             /* every word form with a feature */
    sw_pack_table segment;           /* the words the segmenter and the line classifier ask about
                                        before the lookup stage (abbreviations without their period,
                                        sentence openers, words of date lines): a small table of
                                        their own, whose lookups stay in the cache */
    const char *pool;                /* every key and cue word, NUL-terminated */
    const sw_lex_cue *cues;          /* grouped by first word (slot order), longest first */
    uint32_t n_cues;
    sw_pack_list lists[SW_LIST_COUNT > 0 ? SW_LIST_COUNT : 1];
    const sw_pack_phrase *boilerplate; /* sorted by their bytes */
    uint32_t n_boilerplate;
} sw_pack;

/* The packs built into the library (src/lang/packs.c, generated): the default first. */
extern const sw_pack *const sw_builtin_packs[];
extern const unsigned sw_builtin_pack_count;

/* The built-in pack of a language code ("en"), or NULL when there is none. */
const sw_pack *sw_pack_find(const char *code);

/* Looks up one word (folded as fold.h says). Returns its entry, or NULL when the pack has no such
 * form or the form has no feature (no class, role, name role or verb form: the first word of a
 * cue phrase or an abbreviation, and nothing else). The result is static data of the pack. */
const sw_lex_info *sw_pack_lookup(const sw_pack *pack, const char *word, size_t len);

/* The entry of a word in the segmenter's table (abbreviations, sentence openers, words of date
 * lines: segment_*.tsv), or NULL. Its abbrev is the word's abbreviation class (SW_AB_*) when it is
 * written without its period, its classes what the segment_*.tsv files give it. */
const sw_lex_info *sw_pack_segment_word(const sw_pack *pack, const char *word, size_t len);

/* sw_pack_segment_word() for a word followed by readable bytes (SW_PACK_READ_AHEAD below): a word
 * of a document's repaired text. */
const sw_lex_info *sw_pack_segment_word_padded(const sw_pack *pack, const char *word, size_t len);

/* The classes of a word, 0 when unknown (a shortcut for sw_pack_lookup()->classes). */
uint64_t sw_pack_classes(const sw_pack *pack, const char *word, size_t len);

/* The lookups below read 16 bytes from the start of the word whatever its length, so the caller
 * guarantees that they are readable: a word of a document's repaired text, which is followed by
 * zero bytes (doc.h's SW_TEXT_PAD), qualifies. For a word of at most 16 ASCII bytes (nearly every
 * word) they fold and hash it as two 8-byte numbers, without a loop or a branch per byte. */
#define SW_PACK_READ_AHEAD 16

/* A word of the text made ready for the table by sw_pack_prepare(): its folded key's first 16
 * bytes, its length and its hash (len 0 when the word was not prepared: longer than 16 bytes or
 * not ASCII; the lookup then folds it itself). */
typedef struct sw_pack_key {
    uint64_t k0, k1;
    uint32_t len, hash;
} sw_pack_key;

/* Folds and hashes a word (followed by readable bytes: SW_PACK_READ_AHEAD) into *key, and asks the
 * memory for what its lookup will read (a line of the filter and a slot of the table, each a
 * likely cache miss) without waiting. A stage with many words to look up prepares them all first,
 * then looks them up (sw_pack_lookup_prepared): the misses overlap instead of coming one after the
 * other, and each word is folded and hashed once. Changes no result. */
void sw_pack_prepare(const sw_pack *pack, const char *word, size_t len, sw_pack_key *key);

/* sw_pack_lookup() of the word that sw_pack_prepare() prepared into *key (word and len are the
 * word's, for a word it could not prepare). */
const sw_lex_info *sw_pack_lookup_prepared(const sw_pack *pack, const char *word, size_t len, const sw_pack_key *key);

/* The base form of a verb form ("said" -> "say"), the word itself for other entries. */
static inline const char *sw_pack_lemma(const sw_pack *pack, const sw_lex_info *info)
{
    return pack->pool + info->lemma;
}

/* A word of a token sequence, for the cue phrases. */
typedef struct sw_word {
    const char *ptr;
    size_t len;
} sw_word;

/* Multi-word cues ("according to", "in a statement", "went on to say"): given the words of a
 * token sequence, returns how many of the first words form the longest cue phrase of kind `want`
 * (SW_CUE_*; 0: any kind) starting there (0 when none), and its kind in *kind (may be NULL). */
size_t sw_pack_cue_phrase(const sw_pack *pack, const sw_word *words, size_t n, int want, int *kind);

/* sw_pack_cue_phrase() when the first word's entry is known already (what sw_pack_lookup() gives
 * for words[0], not NULL), which spares looking the word up again. */
size_t sw_pack_cue_phrase_after(const sw_pack *pack, const sw_lex_info *first, const sw_word *words, size_t n,
                                int want, int *kind);

/* An ordered list of the pack (SW_LIST_*). */
static inline const sw_pack_list *sw_pack_list_of(const sw_pack *pack, unsigned list) { return &pack->lists[list]; }

/* The index of the first item of list `list` that word (len bytes) ends with, -1 when none; the
 * comparison is exact (the lists hold folded strings: fold the word first when case may differ). */
int sw_pack_ends_with(const sw_pack *pack, unsigned list, const char *word, size_t len);

/* sw_pack_ends_with() comparing the word's ASCII letters without case (the lists hold small
 * letters): "Jones" and "JONES" both end with the plural ending "s". */
int sw_pack_ends_with_folded(const sw_pack *pack, unsigned list, const char *word, size_t len);

/* The length of the first item of list `list` that the text at s (len bytes readable) begins with,
 * exactly; 0 when none. */
size_t sw_pack_starts_with(const sw_pack *pack, unsigned list, const char *s, size_t len);

/* The index of the first item of list `list` equal to word, -1 when none (exact comparison). */
int sw_pack_list_index(const sw_pack *pack, unsigned list, const char *word, size_t len);

#endif
