/*
 * lexicon.c -- lookups in the generated word lists (lexicon_tables.c): one word, or a multi-word
 * cue phrase. See lexicon.h for the contract and tools/gen_lexicons.py for how the tables are made.
 *
 * A lookup folds the word into a small stack buffer, hashes it eight bytes at a time, asks a bitmap
 * whether the table can hold it and only then probes the open-addressing table, whose slots carry
 * the classes and roles: one cache line of the table for most words. It allocates nothing.
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

/* Eight bytes as a little-endian number, on any machine (one load where the machine is one,
 * written as one so that the compiler sees how small it is and inlines it). */
static inline uint64_t sw_lex_load64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#endif
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* The hash of a folded key: its bytes as little-endian 64-bit words (the last one zero-padded),
 * each mixed in with a multiply and a shift (sw_lex_mix), then sw_lex_final: one or two steps for
 * a word rather than one per byte. tools/gen_lexicons.py (lex_hash()) places the keys with it. */
static uint64_t sw_lex_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
}

static uint32_t sw_lex_final(uint64_t h)
{
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

#define SW_LEX_SEED 0x9E3779B97F4A7C15ull

/* The hash of len folded bytes at key, which are followed by zero bytes up to the next multiple of
 * 8. */
static uint32_t sw_lex_hash(const unsigned char *key, size_t len)
{
    uint64_t h = SW_LEX_SEED ^ len;
    for (size_t i = 0; i < len; i += 8)
        h = sw_lex_mix(h, sw_lex_load64(key + i));
    return sw_lex_final(h);
}

/* Each ASCII capital of eight ASCII bytes made small, all eight at once: a byte gets 0x20 added
 * when it is at least 'A' (x + 0x3F reaches 0x80) and not above 'Z' (x + 0x25 stays below 0x80).
 * Bytes below 0x80 never carry into the next one. */
static uint64_t sw_lex_lower8(uint64_t v)
{
    uint64_t upper = (v + 0x3F3F3F3F3F3F3F3Full) & ~(v + 0x2525252525252525ull) & 0x8080808080808080ull;
    return v | (upper >> 2);
}

/* A word ready for the table: its folded key's first 16 bytes as two little-endian numbers
 * (zero-padded), its length and its hash; the whole folded key in bytes[] when it is longer than
 * 16 bytes. */
typedef struct sw_lex_key {
    uint64_t k0, k1;
    uint32_t len, hash;
    unsigned char bytes[SW_LEX_MAX_KEY + 8];
} sw_lex_key;

/* Folds a word (1..SW_LEX_MAX_KEY bytes) into *key byte by byte. */
static void sw_lex_key_bytes(const char *word, size_t len, sw_lex_key *key)
{
    /* zeros after the word up to 16 bytes and to the next multiple of 8, as the hash and the
     * slots' key bytes have them */
    memset(key->bytes, 0, 16);
    if (len > 16)
        memset(key->bytes + 16, 0, ((len + 7) & ~(size_t)7) - 16);
    sw_lex_fold((const unsigned char *)word, len, key->bytes);
    key->len = (uint32_t)len;
    key->k0 = sw_lex_load64(key->bytes);
    key->k1 = sw_lex_load64(key->bytes + 8);
    key->hash = sw_lex_hash(key->bytes, len);
}

/* Folds a word of at most 16 ASCII bytes, followed by enough readable bytes that 16 can be read
 * from its start, into *key with two loads and a few operations on each (no loop, no branch per
 * byte); returns 0, doing nothing, for other words. */
static int sw_lex_key_padded(const char *word, size_t len, sw_lex_key *key)
{
    if (len > 16)
        return 0;
    const unsigned char *w = (const unsigned char *)word;
    uint64_t lo_mask = len >= 8 ? ~0ull : ~0ull >> (64 - 8 * len);
    uint64_t hi_mask = len <= 8 ? 0 : len >= 16 ? ~0ull : ~0ull >> (128 - 8 * len);
    uint64_t a = sw_lex_load64(w) & lo_mask, b = sw_lex_load64(w + 8) & hi_mask;
    if ((a | b) & 0x8080808080808080ull)
        return 0;
    key->k0 = sw_lex_lower8(a);
    key->k1 = sw_lex_lower8(b);
    key->len = (uint32_t)len;
    uint64_t h = sw_lex_mix(SW_LEX_SEED ^ len, key->k0);
    if (len > 8)
        h = sw_lex_mix(h, key->k1);
    key->hash = sw_lex_final(h);
    return 1;
}

/* Most words that reach the table are in no list (names, rare words), and the table is 4 MB, so
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

/* The filter's bitmap, built on first use. */
static const uint64_t *sw_lex_filter_get(void)
{
    if (!atomic_load_explicit(&sw_lex_filter_ready, memory_order_acquire))
        call_once(&sw_lex_filter_once, sw_lex_filter_build);
    return sw_lex_filter;
}

/* The slot of a key, or NULL when the word is not in the table (cue-only entries, whose classes
 * and roles are 0, are found too). */
static const sw_lex_slot *sw_lex_probe(const sw_lex_key *key)
{
    uint32_t h = key->hash, b = sw_lex_filter_bit(h);
    if (!(sw_lex_filter_get()[b >> 6] & (1ull << (b & 63))))
        return NULL;
    for (uint32_t slot = h & sw_lex_tab_slot_mask;; slot = (slot + 1) & sw_lex_tab_slot_mask) {
        const sw_lex_slot *sl = &sw_lex_tab_slots[slot];
        if (sl->entry == 0)
            return NULL;
        if (sl->hash != h || sl->len != key->len || sw_lex_load64(sl->key) != key->k0 ||
            sw_lex_load64(sl->key + 8) != key->k1)
            continue;
        if (key->len <= 16 ||
            memcmp(sw_lex_tab_pool + sw_lex_tab_key[sl->entry - 1] + 16, key->bytes + 16, key->len - 16) == 0)
            return sl;
    }
}

/* Finds the slot of a word (see sw_lex_probe); `padded` says that 16 bytes may be read from its
 * start. */
static const sw_lex_slot *sw_lex_find_word(const char *word, size_t len, int padded)
{
    sw_lex_key key;
    if (!word || len == 0 || len > SW_LEX_MAX_KEY)
        return NULL;
    if (!padded || !sw_lex_key_padded(word, len, &key))
        sw_lex_key_bytes(word, len, &key);
    return sw_lex_probe(&key);
}

static const sw_lex_slot *sw_lex_find(const char *word, size_t len) { return sw_lex_find_word(word, len, 0); }

#if defined(__GNUC__) || defined(__clang__)
#define SW_LEX_PREFETCH(p) __builtin_prefetch(p)
#else
#define SW_LEX_PREFETCH(p) ((void)(p))
#endif

/* The entry of a slot found, or NULL when it is only the first word of a cue phrase. */
static const sw_lex_info *sw_lex_info_of(const sw_lex_slot *sl)
{
    if (!sl || (sl->classes == 0 && sl->roles == 0))
        return NULL;
    return &sw_lex_tab_info[sl->entry - 1];
}

/* Looks up one word; NULL when it is in no list. The table is static, so is the result. */
const sw_lex_info *sw_lex_lookup(const char *word, size_t len)
{
    return sw_lex_info_of(sw_lex_find(word, len));
}

/* The entry of a slot found (sw_lex_info_of), and its classes and roles read from the slot. */
static const sw_lex_info *sw_lex_answer(const sw_lex_slot *sl, uint32_t *classes, uint32_t *roles)
{
    const sw_lex_info *info = sw_lex_info_of(sl);
    *classes = info ? sl->classes : 0;
    *roles = info ? sl->roles : 0;
    return info;
}

/* sw_lex_lookup() with the entry's classes and roles read from the hash slot, not the entry. */
const sw_lex_info *sw_lex_lookup_classes(const char *word, size_t len, uint32_t *classes, uint32_t *roles)
{
    return sw_lex_answer(sw_lex_find(word, len), classes, roles);
}

/* The same for a word followed by readable bytes (see lexicon.h). */
const sw_lex_info *sw_lex_lookup_classes_padded(const char *word, size_t len, uint32_t *classes, uint32_t *roles)
{
    return sw_lex_answer(sw_lex_find_word(word, len, 1), classes, roles);
}

void sw_lex_prepare_padded(const char *word, size_t len, sw_lex_prepared *p)
{
    sw_lex_key key;
    p->len = 0;
    if (!word || len == 0 || len > SW_LEX_MAX_KEY)
        return;
    if (sw_lex_key_padded(word, len, &key)) {
        p->k0 = key.k0;
        p->k1 = key.k1;
        p->len = key.len;
        p->hash = key.hash;
    } else {
        sw_lex_key_bytes(word, len, &key);
    }
    uint32_t b = sw_lex_filter_bit(key.hash);
    SW_LEX_PREFETCH(&sw_lex_filter_get()[b >> 6]);
    SW_LEX_PREFETCH(&sw_lex_tab_slots[key.hash & sw_lex_tab_slot_mask]);
}

const sw_lex_info *sw_lex_lookup_prepared(const char *word, size_t len, const sw_lex_prepared *p, uint32_t *classes,
                                          uint32_t *roles)
{
    if (!p->len)
        return sw_lex_lookup_classes_padded(word, len, classes, roles);
    sw_lex_key key;
    key.k0 = p->k0;
    key.k1 = p->k1;
    key.len = p->len;
    key.hash = p->hash; /* a prepared key has at most 16 bytes: the probe reads no key->bytes */
    return sw_lex_answer(sw_lex_probe(&key), classes, roles);
}

/* The classes of a word, 0 when it is in no list. */
uint32_t sw_lex_classes(const char *word, size_t len)
{
    const sw_lex_slot *sl = sw_lex_find(word, len);
    return sl ? sl->classes : 0;
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
/* The longest cue phrase at words[0..n) whose first word is lexicon entry `first`
 * (sw_lex_cue_phrase()). */
static size_t sw_lex_cue_phrase_of(uint32_t first, const sw_word *words, size_t n, int *kind)
{
    /* Binary search for the group of cues starting with this entry. */
    uint32_t lo = 0, hi = sw_lex_tab_cue_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (sw_lex_tab_cue[mid].first_entry < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t c = lo; c < sw_lex_tab_cue_count && sw_lex_tab_cue[c].first_entry == first; c++) {
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

size_t sw_lex_cue_phrase(const sw_word *words, size_t n, int *kind)
{
    if (kind)
        *kind = 0;
    if (!words || n < 2)
        return 0;
    const sw_lex_slot *sl = sw_lex_find(words[0].ptr, words[0].len);
    if (!sl)
        return 0;
    return sw_lex_cue_phrase_of(sl->entry - 1, words, n, kind);
}

size_t sw_lex_cue_phrase_after(const sw_lex_info *first, const sw_word *words, size_t n, int *kind)
{
    if (kind)
        *kind = 0;
    if (!first || !words || n < 2)
        return 0;
    return sw_lex_cue_phrase_of((uint32_t)(first - sw_lex_tab_info), words, n, kind);
}
