/*
 * entity_words.c -- word-level helpers of the entities stage: the closed-class keywords it tests
 * tokens against (name particles, articles, honorifics, place prepositions ...), possessive
 * stripping, and the comparisons of role and nation words.
 *
 * The keywords are a sorted static table looked up once per distinct word of an article, so the
 * stage tests a bit instead of comparing strings again and again; words read from the text are
 * looked up in a small hash table built from it (sw_ent_keyword_padded).
 */
#include <ctype.h>
#include <stdatomic.h>
#include <string.h>
#include <threads.h>
#include <utf8proc.h>
#include "entities_internal.h"

typedef struct keyword {
    const char *word;
    uint8_t len;
    uint32_t value;
} keyword;

#define KW(w, v) {w, (uint8_t)(sizeof(w) - 1), v}
#define KW_MAX_LEN 10

#define P SW_KW_PARTICLE
#define D SW_KW_DET
#define H SW_KW_HONORIFIC
#define M SW_KW_MALE
#define F SW_KW_FEMALE
#define PP SW_KW_PLACE_PREP
#define G SW_KW_GEO_MOD
#define PH SW_KW_PLACE_HEAD
#define MH SW_KW_MEDIA_HEAD
#define FA SW_KW_FAMILY
#define PM SW_KW_PRON_MALE
#define PF SW_KW_PRON_FEMALE
#define ID(x) ((uint32_t)(x) << 24)

/* Sorted by byte value (all lower case). */
static const keyword keywords[] = {
    KW("&", ID(SW_KWID_AMP)),
    KW("&amp;", ID(SW_KWID_AMP)),
    KW("a", D | ID(SW_KWID_A)),
    KW("abu", P),
    KW("across", PP),
    KW("af", P),
    KW("al", P),
    KW("an", D | ID(SW_KWID_AN)),
    KW("and", ID(SW_KWID_AND)),
    KW("at", ID(SW_KWID_AT)),
    KW("ben", P),
    KW("bin", P),
    KW("bint", P),
    KW("cape", PH),
    KW("central", G),
    KW("chronicle", MH),
    KW("clan", FA),
    KW("courier", MH),
    KW("da", P),
    KW("daily", MH),
    KW("dame", H | F),
    KW("das", P),
    KW("de", P),
    KW("del", P),
    KW("dela", P),
    KW("della", P),
    KW("den", P),
    KW("der", P),
    KW("di", P),
    KW("do", P),
    KW("dos", P),
    KW("dr", H),
    KW("dr.", H),
    KW("du", P),
    KW("dynasty", FA),
    KW("east", G),
    KW("eastern", G),
    KW("el", P | PH),
    KW("express", MH),
    KW("family", FA),
    KW("for", ID(SW_KWID_FOR)),
    KW("fort", PH),
    KW("from", PP),
    KW("gazette", MH),
    KW("greater", G),
    KW("guardian", MH),
    KW("he", PM),
    KW("her", D | PF),
    KW("herald", MH),
    KW("hers", PF),
    KW("herself", PF),
    KW("him", PM),
    KW("himself", PM),
    KW("his", D | PM),
    KW("household", FA),
    KW("ibn", P),
    KW("in", PP | ID(SW_KWID_IN)),
    KW("into", PP),
    KW("its", D),
    KW("la", P | PH),
    KW("lady", H | F),
    KW("lake", PH),
    KW("las", PH),
    KW("le", P),
    KW("lord", H | M),
    KW("los", PH),
    KW("lower", G),
    KW("madame", H | F),
    KW("miss", H | F),
    KW("mme", H | F),
    KW("monsieur", H | M),
    KW("mount", PH),
    KW("mr", H | M),
    KW("mr.", H | M),
    KW("mrs", H | F),
    KW("mrs.", H | F),
    KW("ms", H | F),
    KW("ms.", H | F),
    KW("mt", PH),
    KW("mt.", PH),
    KW("mx", H),
    KW("mx.", H),
    KW("near", PP),
    KW("new", G),
    KW("news", MH),
    KW("north", G),
    KW("northern", G),
    KW("observer", MH),
    KW("of", ID(SW_KWID_OF)),
    KW("on", ID(SW_KWID_ON)),
    KW("online", MH),
    KW("or", ID(SW_KWID_OR)),
    KW("our", D),
    KW("outside", PP),
    KW("port", PH),
    KW("porto", PH),
    KW("post", MH),
    KW("prof", H),
    KW("prof.", H),
    KW("puerto", PH),
    KW("reporter", MH),
    KW("rev", H),
    KW("rev.", H),
    KW("review", MH),
    KW("rio", PH),
    KW("saint", PH),
    KW("san", PH),
    KW("santa", PH),
    KW("santo", PH),
    KW("sao", PH),
    KW("she", PF),
    KW("sir", H | M),
    KW("south", G),
    KW("southern", G),
    KW("st", PH),
    KW("st.", PH),
    KW("telegraph", MH),
    KW("ten", P),
    KW("ter", P),
    KW("that", D),
    KW("the", D | ID(SW_KWID_THE)),
    KW("their", D),
    KW("this", D),
    KW("throughout", PP),
    KW("times", MH),
    KW("to", ID(SW_KWID_TO)),
    KW("today", MH),
    KW("tribune", MH),
    KW("tv", MH),
    KW("upper", G),
    KW("van", P),
    KW("visit", PP),
    KW("visited", PP),
    KW("von", P),
    KW("weekly", MH),
    KW("west", G),
    KW("western", G),
    KW("wire", MH),
    KW("y", P),
    KW("zu", P),
};


/* For each keyword length (0..KW_MAX_LEN), the set of first letters (bit 0 = 'a' ... bit 25 = 'z',
 * bit 26 = anything else) that some keyword of that length starts with: most words are rejected
 * without a search. Checked against the table by sw_ent_keywords_sorted(). */
static const uint32_t kw_first_mask[KW_MAX_LEN + 1] = {0x00000000u, 0x05000001u, 0x020c5999u, 0x002e79abu, 0x004ab9beu, 0x043cb808u, 0x0042d0a1u, 0x006840dcu, 0x00067040u, 0x00080084u, 0x00080000u};

static uint32_t kw_first_bit(unsigned char c) { return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26; }

uint32_t sw_ent_keyword(const char *w, size_t len)
{
    char buf[KW_MAX_LEN];
    if (!len || len > KW_MAX_LEN) return 0;
    sw_fold(w, len, buf);
    return sw_ent_keyword_folded(buf, len);
}

/* The keywords of each first byte, as ranges of the sorted table: bucket 0 holds the words that
 * start below 'a' ("&"), bucket 1 + (c - 'a') those that start with letter c; keywords[kw_from[b],
 * kw_from[b + 1]) are bucket b. A lookup then compares against a handful of words instead of
 * binary-searching the whole table. Checked against the table by sw_ent_keywords_sorted(). */
static const uint8_t kw_from[28] = {0, 2, 10, 13, 18, 35, 39, 43, 46, 55, 59, 59, 59, 67, 82,
                                    87, 94, 100, 100, 105, 116, 129, 130, 134, 138, 138, 139, 140};

static size_t kw_bucket(unsigned char c) { return c >= 'a' && c <= 'z' ? (size_t)(c - 'a') + 1 : 0; }

uint32_t sw_ent_keyword_folded(const char *buf, size_t len)
{
    if (!len || len > KW_MAX_LEN || !(kw_first_mask[len] & kw_first_bit((unsigned char)buf[0]))) return 0;
    size_t b = kw_bucket((unsigned char)buf[0]);
    for (size_t k = kw_from[b]; k < kw_from[b + 1]; k++) {
        const keyword *kw = &keywords[k];
        if (kw->len != len) continue;
        size_t j = 1; /* the first byte chose the bucket (bucket 0 compares it too) */
        if (b == 0) j = 0;
        while (j < len && buf[j] == kw->word[j]) j++;
        if (j == len) return kw->value;
    }
    return 0;
}

/* Eight bytes as a little-endian number, on any machine. */
static uint64_t kw_load64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* The keywords as a hash table keyed by their bytes read as two numbers (every keyword is ASCII
 * and at most KW_MAX_LEN = 10 bytes: the first eight, then the rest), built once on first use. */
#define KW_SLOTS 512
typedef struct kw_slot {
    uint64_t k0;       /* bytes 0..7, zero-padded */
    uint16_t k1;       /* bytes 8..9 */
    uint8_t len;       /* 0: empty */
    uint32_t value;
} kw_slot;
static kw_slot kw_table[KW_SLOTS];
static once_flag kw_table_once = ONCE_FLAG_INIT;
static atomic_int kw_table_ready; /* set (release) once built: one atomic load per lookup */

static uint32_t kw_slot_of(uint64_t k0, uint64_t k1, size_t len)
{
    uint64_t h = (k0 ^ (k1 << 40) ^ len) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 55); /* 9 bits: KW_SLOTS */
}

static void kw_table_build(void)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        unsigned char b[16] = {0};
        memcpy(b, keywords[i].word, keywords[i].len);
        uint64_t k0 = kw_load64(b), k1 = kw_load64(b + 8);
        uint32_t j = kw_slot_of(k0, k1, keywords[i].len);
        while (kw_table[j].len) j = (j + 1) % KW_SLOTS;
        kw_table[j] = (kw_slot){k0, (uint16_t)k1, keywords[i].len, keywords[i].value};
    }
    atomic_store_explicit(&kw_table_ready, 1, memory_order_release);
}

uint32_t sw_ent_keyword_padded(const char *w, size_t len)
{
    if (!len || len > KW_MAX_LEN) return 0;
    if (!atomic_load_explicit(&kw_table_ready, memory_order_acquire)) call_once(&kw_table_once, kw_table_build);
    const unsigned char *p = (const unsigned char *)w;
    /* the word's bytes, masked to its length; no keyword has a byte outside ASCII */
    uint64_t k0 = kw_load64(p) & (len >= 8 ? ~0ull : ~0ull >> (64 - 8 * len));
    uint64_t k1 = len > 8 ? kw_load64(p + 8) & (~0ull >> (128 - 8 * len)) : 0;
    if ((k0 | k1) & 0x8080808080808080ull) return 0;
    /* ASCII capitals made small, eight bytes at once (as sw_fold() does one by one): a
     * byte gets 0x20 when x + 0x3F reaches 0x80 (x >= 'A') and x + 0x25 does not (x <= 'Z') */
    const uint64_t high = 0x8080808080808080ull;
    k0 |= ((k0 + 0x3F3F3F3F3F3F3F3Full) & ~(k0 + 0x2525252525252525ull) & high) >> 2;
    k1 |= ((k1 + 0x3F3F3F3F3F3F3F3Full) & ~(k1 + 0x2525252525252525ull) & high) >> 2;
    for (uint32_t j = kw_slot_of(k0, k1, len);; j = (j + 1) % KW_SLOTS) {
        const kw_slot *sl = &kw_table[j];
        if (!sl->len) return 0;
        if (sl->len == len && sl->k0 == k0 && sl->k1 == k1) return sl->value;
    }
}

int sw_ent_keywords_sorted(void)
{
    size_t n_kw = sizeof keywords / sizeof keywords[0];
    if (kw_from[0] != 0 || kw_from[27] != n_kw) return 0;
    for (size_t b = 0; b + 1 < 28; b++)
        if (kw_from[b] > kw_from[b + 1]) return 0;
    for (size_t i = 0; i < n_kw; i++) {
        size_t b = kw_bucket((unsigned char)keywords[i].word[0]);
        if (i < kw_from[b] || i >= kw_from[b + 1]) return 0;
    }
    for (size_t i = 1; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(keywords[i - 1].word, keywords[i].word) >= 0 || keywords[i].len > KW_MAX_LEN) return 0;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (sw_ent_keyword(keywords[i].word, strlen(keywords[i].word)) != keywords[i].value) return 0;
        /* the hash table too, with the word in upper case and followed by other bytes */
        char padded[32];
        memset(padded, 'x', sizeof padded);
        for (size_t k = 0; k < keywords[i].len; k++) padded[k] = (char)toupper((unsigned char)keywords[i].word[k]);
        if (sw_ent_keyword_padded(padded, keywords[i].len) != keywords[i].value) return 0;
        if (keywords[i].len < KW_MAX_LEN && sw_ent_keyword_padded(padded, keywords[i].len + 1u) != 0) return 0;
        if (!(kw_first_mask[keywords[i].len] & kw_first_bit((unsigned char)keywords[i].word[0]))) return 0;
    }
    return 1;
}

int sw_ent_word_eq(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen > 3 && (a[alen - 1] == 's' || a[alen - 1] == 'S')) alen--;
    if (blen > 3 && (b[blen - 1] == 's' || b[blen - 1] == 'S')) blen--;
    if (alen != blen) return 0;
    for (size_t i = 0; i < alen; i++)
        if (sw_fold_byte((unsigned char)a[i]) != sw_fold_byte((unsigned char)b[i])) return 0;
    return 1;
}

/* The stem of a nation word: folded, a plural "s" after "n" removed, then one demonym or country
 * ending removed when at least 3 bytes stay. dst has room for 40 bytes. */
static size_t nation_stem(char *dst, const char *w, size_t len)
{
    if (len > 40) len = 40;
    sw_fold(w, len, dst);
    if (len > 4 && dst[len - 1] == 's' && dst[len - 2] == 'n') len--;
    static const char *const endings[] = {"ian", "ese", "ish", "ean", "an", "ia", "i", "a", "e", "y"};
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        size_t el = strlen(endings[k]);
        if (len >= el + 3 && memcmp(dst + len - el, endings[k], el) == 0) return len - el;
    }
    return len;
}

int sw_ent_nation_eq(const char *a, size_t alen, const char *b, size_t blen)
{
    char fa[40], fb[40];
    if (alen > 40 || blen > 40 || !alen || !blen) return 0;
    sw_fold(a, alen, fa);
    sw_fold(b, blen, fb);
    size_t m = alen < blen ? alen : blen;
    if (memcmp(fa, fb, m) == 0 && (m >= 4 || alen == blen)) return 1;
    char sa[40], sb[40];
    size_t la = nation_stem(sa, a, alen), lb = nation_stem(sb, b, blen);
    return la == lb && la >= 3 && memcmp(sa, sb, la) == 0;
}

