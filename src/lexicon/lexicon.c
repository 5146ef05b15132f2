/*
 * lexicon.c -- lookups in the generated word lists (lexicon_tables.c): one word, or a multi-word
 * cue phrase. See lexicon.h for the contract and tools/gen_lexicons.py for how the tables are made.
 *
 * A lookup folds the word into a small stack buffer while hashing it (FNV-1a), then probes the
 * open-addressing table; it allocates nothing and takes a few tens of nanoseconds.
 */
#include <string.h>
#include <stdatomic.h>
#include <threads.h>

#include "lexicon/lexicon.h"
#include "lexicon/lexicon_tables.h"

/* Longest key the generator stores; longer words are in no list. */
#define SW_LEX_MAX_KEY 63

/* Folds one word into out (at least len bytes): ASCII capitals and the two-byte UTF-8 capitals of
 * Latin-1 (U+00C0..U+00DE but U+00D7) and Latin Extended-A (U+0100..U+017F, where capitals and
 * small letters alternate) become small letters; every other byte is copied. The folded word has
 * the same length. tools/gen_lexicons.py folds the keys with the same rules (fold_char()). */
static void sw_lex_fold(const unsigned char *in, size_t len, unsigned char *out)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = in[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = (unsigned char)(c + 32);
            continue;
        }
        out[i] = c;
        if ((c != 0xC3 && c != 0xC4 && c != 0xC5) || i + 1 >= len)
            continue;
        unsigned char d = in[i + 1];
        if (d < 0x80 || d > 0xBF)
            continue;
        unsigned cp = ((unsigned)(c & 0x1F) << 6) | (d & 0x3F);
        unsigned folded = cp;
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            folded = cp + 0x20;
        else if (cp == 0x178)
            folded = 0xFF;
        else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            folded = (cp & 1) ? cp + 1 : cp;
        else if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 &&
                 cp != 0x149 && cp != 0x17F)
            folded = (cp & 1) ? cp : cp + 1;
        out[i] = (unsigned char)(0xC0 | (folded >> 6));
        out[i + 1] = (unsigned char)(0x80 | (folded & 0x3F));
        i++;
    }
}

/* Most words that reach the table are in no list (names, rare words), and the table is 2 MB, so
 * each such lookup would be a cache miss. A bitmap of the stored keys' hashes (128 KB, one bit per
 * 2^20 hash class, built once from the table) answers "not in the table" for nearly all of them
 * without touching it. It is a pure function of the static table, so it changes no answer. */
#define SW_LEX_FILTER_BITS 20
static uint64_t sw_lex_filter[(1u << SW_LEX_FILTER_BITS) / 64];
static once_flag sw_lex_filter_once = ONCE_FLAG_INIT;
/* Set (release) once the bitmap is built, so that a lookup pays one atomic load, not a call. */
static atomic_int sw_lex_filter_ready;

static uint32_t sw_lex_filter_bit(uint32_t h) { return (h * 0x9E3779B1u) >> (32 - SW_LEX_FILTER_BITS); }

static void sw_lex_filter_build(void)
{
    for (uint32_t slot = 0; slot <= sw_lex_tab_slot_mask; slot++) {
        const sw_lex_slot *sl = &sw_lex_tab_slots[slot];
        if (sl->entry == 0)
            continue;
        uint32_t b = sw_lex_filter_bit(sl->hash);
        sw_lex_filter[b >> 6] |= 1ull << (b & 63);
    }
    atomic_store_explicit(&sw_lex_filter_ready, 1, memory_order_release);
}

/* Finds the entry of a word: its index, or -1 when the word is not in the table (cue-only entries,
 * whose classes are 0, are found too). */
static long sw_lex_find(const char *word, size_t len)
{
    unsigned char key[SW_LEX_MAX_KEY];
    if (!word || len == 0 || len > SW_LEX_MAX_KEY)
        return -1;
    sw_lex_fold((const unsigned char *)word, len, key);
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < len; i++) {
        h ^= key[i];
        h *= 0x01000193u;
    }
    if (!atomic_load_explicit(&sw_lex_filter_ready, memory_order_acquire))
        call_once(&sw_lex_filter_once, sw_lex_filter_build);
    uint32_t b = sw_lex_filter_bit(h);
    if (!(sw_lex_filter[b >> 6] & (1ull << (b & 63))))
        return -1;
    for (uint32_t slot = h & sw_lex_tab_slot_mask;; slot = (slot + 1) & sw_lex_tab_slot_mask) {
        const sw_lex_slot *sl = &sw_lex_tab_slots[slot];
        if (sl->entry == 0)
            return -1;
        if (sl->hash != h || sl->len != len)
            continue;
        if (memcmp(sw_lex_tab_pool + sl->key, key, len) == 0)
            return (long)sl->entry - 1;
    }
}

/* Looks up one word; NULL when it is in no list. The table is static, so is the result. */
const sw_lex_info *sw_lex_lookup(const char *word, size_t len)
{
    long e = sw_lex_find(word, len);
    if (e < 0 || (sw_lex_tab_info[e].classes == 0 && sw_lex_tab_info[e].roles == 0))
        return NULL; /* only the first word of a cue phrase */
    return &sw_lex_tab_info[e];
}

/* The classes of a word, 0 when it is in no list. */
uint32_t sw_lex_classes(const char *word, size_t len)
{
    long e = sw_lex_find(word, len);
    return e < 0 ? 0 : sw_lex_tab_info[e].classes;
}

/* Whether word (len bytes) folds to the NUL-terminated folded key at pool offset off. */
static int sw_lex_word_is(const sw_word *w, uint32_t off)
{
    const char *key = sw_lex_tab_pool + off;
    size_t klen = strlen(key);
    unsigned char folded[SW_LEX_MAX_KEY];
    if (!w->ptr || w->len != klen || klen > SW_LEX_MAX_KEY)
        return 0;
    sw_lex_fold((const unsigned char *)w->ptr, w->len, folded);
    return memcmp(folded, key, klen) == 0;
}

/* The longest cue phrase at the start of words[0..n): its word count (0: none) and kind. The cues
 * of one first word are contiguous and longest first, so the first full match is the longest. */
size_t sw_lex_cue_phrase(const sw_word *words, size_t n, int *kind)
{
    if (kind)
        *kind = 0;
    if (!words || n < 2)
        return 0;
    long first = sw_lex_find(words[0].ptr, words[0].len);
    if (first < 0)
        return 0;
    /* Binary search for the group of cues starting with this entry. */
    uint32_t lo = 0, hi = sw_lex_tab_cue_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (sw_lex_tab_cue[mid].first_entry < (uint32_t)first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t c = lo; c < sw_lex_tab_cue_count && sw_lex_tab_cue[c].first_entry == (uint32_t)first; c++) {
        const sw_lex_cue *cue = &sw_lex_tab_cue[c];
        if (cue->n_words > n)
            continue;
        size_t k = 1;
        while (k < cue->n_words && sw_lex_word_is(&words[k], cue->words[k]))
            k++;
        if (k == cue->n_words) {
            if (kind)
                *kind = cue->kind;
            return k;
        }
    }
    return 0;
}
