/*
 * abbrev.c -- the closed word lists of the segmenter: abbreviations (the same list as
 * data/abbreviations.txt, checked by tests/test_segment.c), common sentence openers and the
 * commonest speech verbs. All written for the project. They are kept sorted (tests/test_segment.c
 * checks the order and the agreement with the data file) and looked up in small hash tables
 * built from them on first use.
 */
#include <stdatomic.h>
#include <string.h>
#include <threads.h>
#include "segment.h"

/* Sorted by the lower-cased word (tests/test_segment.c checks order and agreement with the data
 * file). */
const sw_abbrev_entry sw_abbrev_table[] = {
    {"a.m", SW_AB_GENERAL},
    {"Adm", SW_AB_TITLE},
    {"al", SW_AB_GENERAL},
    {"Amb", SW_AB_TITLE},
    {"approx", SW_AB_ALWAYS},
    {"Apr", SW_AB_MONTH},
    {"Art", SW_AB_NUMBER},
    {"Assn", SW_AB_GENERAL},
    {"Atty", SW_AB_TITLE},
    {"Aug", SW_AB_MONTH},
    {"Ave", SW_AB_GENERAL},
    {"Blvd", SW_AB_GENERAL},
    {"Brig", SW_AB_TITLE},
    {"Bros", SW_AB_GENERAL},
    {"ca", SW_AB_ALWAYS},
    {"Capt", SW_AB_TITLE},
    {"Cdr", SW_AB_TITLE},
    {"cf", SW_AB_ALWAYS},
    {"Ch", SW_AB_NUMBER},
    {"Cmdr", SW_AB_TITLE},
    {"Co", SW_AB_GENERAL},
    {"Col", SW_AB_TITLE},
    {"Corp", SW_AB_GENERAL},
    {"Cpl", SW_AB_TITLE},
    {"Dec", SW_AB_MONTH},
    {"Dept", SW_AB_GENERAL},
    {"Det", SW_AB_TITLE},
    {"Dr", SW_AB_TITLE},
    {"e.g", SW_AB_ALWAYS},
    {"Esq", SW_AB_GENERAL},
    {"est", SW_AB_GENERAL},
    {"etc", SW_AB_GENERAL},
    {"Feb", SW_AB_MONTH},
    {"Fig", SW_AB_NUMBER},
    {"Figs", SW_AB_NUMBER},
    {"Fr", SW_AB_TITLE},
    {"Ft", SW_AB_TITLE},
    {"Gen", SW_AB_TITLE},
    {"Gov", SW_AB_TITLE},
    {"Hon", SW_AB_TITLE},
    {"i.e", SW_AB_ALWAYS},
    {"Inc", SW_AB_GENERAL},
    {"Insp", SW_AB_TITLE},
    {"Jan", SW_AB_MONTH},
    {"Jr", SW_AB_GENERAL},
    {"Jul", SW_AB_MONTH},
    {"Jun", SW_AB_MONTH},
    {"Lt", SW_AB_TITLE},
    {"Ltd", SW_AB_GENERAL},
    {"Maj", SW_AB_TITLE},
    {"Mar", SW_AB_MONTH},
    {"Messrs", SW_AB_TITLE},
    {"Mlle", SW_AB_TITLE},
    {"Mme", SW_AB_TITLE},
    {"Mr", SW_AB_TITLE},
    {"Mrs", SW_AB_TITLE},
    {"Ms", SW_AB_TITLE},
    {"Msgr", SW_AB_TITLE},
    {"Mt", SW_AB_TITLE},
    {"No", SW_AB_NUMBER},
    {"Nos", SW_AB_NUMBER},
    {"Nov", SW_AB_MONTH},
    {"Nr", SW_AB_NUMBER},
    {"Oct", SW_AB_MONTH},
    {"p.m", SW_AB_GENERAL},
    {"Para", SW_AB_NUMBER},
    {"Ph.D", SW_AB_GENERAL},
    {"Pp", SW_AB_NUMBER},
    {"Pres", SW_AB_TITLE},
    {"Prof", SW_AB_TITLE},
    {"Pvt", SW_AB_TITLE},
    {"Rd", SW_AB_GENERAL},
    {"Rep", SW_AB_TITLE},
    {"Rev", SW_AB_TITLE},
    {"Rt", SW_AB_TITLE},
    {"Sec", SW_AB_TITLE},
    {"Sen", SW_AB_TITLE},
    {"Sep", SW_AB_MONTH},
    {"Sept", SW_AB_MONTH},
    {"Sgt", SW_AB_TITLE},
    {"Sr", SW_AB_GENERAL},
    {"St", SW_AB_TITLE},
    {"Supt", SW_AB_TITLE},
    {"Tel", SW_AB_NUMBER},
    {"Univ", SW_AB_GENERAL},
    {"viz", SW_AB_ALWAYS},
    {"Vol", SW_AB_NUMBER},
    {"Vols", SW_AB_NUMBER},
    {"vs", SW_AB_ALWAYS},
};
const size_t sw_abbrev_count = sizeof sw_abbrev_table / sizeof sw_abbrev_table[0];

/* Words that often begin a sentence; sorted. */
static const char *const sentence_openers[] = {
    "a", "about", "after", "again", "all", "also", "although", "among", "an", "and", "another",
    "any", "as", "at", "because", "before", "both", "but", "by", "despite", "during", "each",
    "either", "even", "every", "few", "following", "for", "from", "given", "he", "her", "here",
    "his", "how", "however", "i", "if", "in", "instead", "it", "its", "last", "later", "many",
    "meanwhile", "more", "most", "my", "neither", "never", "next", "no", "none", "nor", "not",
    "now", "of", "on", "once", "one", "only", "or", "other", "our", "over", "she", "since", "so",
    "some", "still", "such", "than", "that", "the", "their", "then", "there", "these", "they",
    "this", "those", "though", "thus", "to", "today", "under", "unlike", "until", "we", "what",
    "when", "where", "whether", "which", "while", "who", "why", "with", "within", "without",
    "yesterday", "yet", "you", "your",
};

/* Common verbs of speech in the forms that follow a quotation; sorted. */
static const char *const speech_verbs[] = {
    "added", "adds", "admits", "admitted", "agreed", "agrees", "answered", "answers", "argued",
    "argues", "asked", "asks", "continued", "continues", "cried", "cries", "declared", "declares",
    "demanded", "demands", "exclaimed", "exclaims", "explained", "explains", "insisted",
    "insists", "joked", "jokes", "laughed", "laughs", "noted", "notes", "recalled", "recalls",
    "remarked", "remarks", "replied", "replies", "responded", "responds", "said", "say", "says",
    "shouted", "shouts", "stated", "states", "tells", "told", "warned", "warns", "whispered",
    "whispers", "wondered", "wonders", "writes", "wrote", "yelled", "yells",
};

/* A word as a key: its bytes lower-cased (ASCII) and read as two little-endian numbers, zero-padded.
 * 0 for a word of more than 15 bytes or with a byte outside ASCII: no list holds one. */
typedef struct set_key {
    uint64_t k0, k1;
} set_key;

static int key_of(const char *word, size_t len, set_key *key)
{
    unsigned char b[16] = {0};
    if (len == 0 || len > 15) return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 0x80) return 0;
        b[i] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key->k0 = key->k1 = 0;
    for (int i = 7; i >= 0; i--) {
        key->k0 = key->k0 << 8 | b[i];
        key->k1 = key->k1 << 8 | b[8 + i];
    }
    return 1;
}

/* One of the lists as an open-addressing table of its keys (with the value a lookup returns). */
#define SET_SLOTS 256
typedef struct set_slot {
    set_key key;
    uint8_t len;    /* 0: empty */
    uint8_t value;
} set_slot;

static set_slot abbrev_set[SET_SLOTS], opener_set[SET_SLOTS], speech_set[SET_SLOTS];
static once_flag sets_once = ONCE_FLAG_INIT;
static atomic_int sets_ready; /* set (release) once built: one atomic load per lookup */

static uint32_t set_slot_of(const set_key *k, size_t len)
{
    uint64_t h = (k->k0 * 0x9E3779B97F4A7C15ull) ^ (k->k1 * 0xC2B2AE3D27D4EB4Full) ^ len;
    return (uint32_t)((h * 0xFF51AFD7ED558CCDull) >> 56); /* 8 bits: SET_SLOTS */
}

static void set_add(set_slot *set, const char *word, uint8_t value)
{
    set_key k;
    size_t len = strlen(word);
    if (!key_of(word, len, &k)) return;
    uint32_t j = set_slot_of(&k, len);
    while (set[j].len) j = (j + 1) % SET_SLOTS;
    set[j] = (set_slot){k, (uint8_t)len, value};
}

static void sets_build(void)
{
    for (size_t i = 0; i < sw_abbrev_count; i++) set_add(abbrev_set, sw_abbrev_table[i].word, sw_abbrev_table[i].cls);
    for (size_t i = 0; i < sizeof sentence_openers / sizeof *sentence_openers; i++) set_add(opener_set, sentence_openers[i], 1);
    for (size_t i = 0; i < sizeof speech_verbs / sizeof *speech_verbs; i++) set_add(speech_set, speech_verbs[i], 1);
    atomic_store_explicit(&sets_ready, 1, memory_order_release);
}

/* The value of a word in one of the sets, 0 when it is not there (case-insensitive). */
static int set_find(const set_slot *set, const char *word, size_t len)
{
    set_key k;
    if (!key_of(word, len, &k)) return 0;
    if (!atomic_load_explicit(&sets_ready, memory_order_acquire)) call_once(&sets_once, sets_build);
    for (uint32_t j = set_slot_of(&k, len);; j = (j + 1) % SET_SLOTS) {
        const set_slot *sl = &set[j];
        if (!sl->len) return 0;
        if (sl->len == len && sl->key.k0 == k.k0 && sl->key.k1 == k.k1) return sl->value;
    }
}

int sw_abbrev_class(const char *word, size_t len)
{
    if (len < 2 || len > 7) return SW_AB_NONE; /* none is longer */
    return set_find(abbrev_set, word, len);
}

int sw_is_sentence_opener(const char *word, size_t len)
{
    return set_find(opener_set, word, len);
}

int sw_is_speech_verb(const char *word, size_t len)
{
    return set_find(speech_set, word, len);
}
