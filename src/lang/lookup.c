/*
 * lookup.c -- lookups in a language pack (pack.h): one word, a multi-word cue phrase, a list.
 *
 * A lookup folds the word into a small stack buffer (fold.h), hashes it eight bytes at a time
 * (hash.h), asks the pack's bitmap whether the table can hold it and only then probes the
 * open-addressing table, whose 64-byte slots are the entries: one cache line of the table for a
 * word. It allocates nothing and changes nothing: a pack is shared by every thread.
 */
#include <string.h>

#include "fold.h"
#include "hash.h"
#include "lang/pack.h"

const sw_pack *sw_pack_find(const char *code)
{
    if (!code) return NULL;
    for (unsigned i = 0; i < sw_builtin_pack_count; i++)
        if (strcmp(sw_builtin_packs[i]->code, code) == 0) return sw_builtin_packs[i];
    return NULL;
}

/* A word ready for the table: its folded key's first 16 bytes as two little-endian numbers
 * (zero-padded), its length and its hash; the whole folded key in bytes[] when it is longer than
 * 16 bytes. */
typedef struct full_key {
    sw_pack_key k;
    unsigned char bytes[SW_PACK_MAX_KEY + 8];
} full_key;

/* Folds a word (1..SW_PACK_MAX_KEY bytes) into *key byte by byte. */
static void key_from_bytes(const char *word, size_t len, full_key *key)
{
    /* zeros after the word up to 16 bytes, as the slots' key bytes have them */
    memset(key->bytes, 0, 16);
    sw_fold(word, len, (char *)key->bytes);
    key->k.len = (uint32_t)len;
    key->k.k0 = sw_load64(key->bytes);
    key->k.k1 = sw_load64(key->bytes + 8);
    key->k.hash = sw_hash_bytes(key->bytes, len);
}

/* Folds a word of at most 16 ASCII bytes, followed by enough readable bytes that 16 can be read
 * from its start, into *key with two loads and a few operations on each (no loop, no branch per
 * byte); returns 0, doing nothing, for other words. */
static int key_from_padded(const char *word, size_t len, sw_pack_key *key)
{
    if (len > 16) return 0;
    uint64_t a = sw_load64(word) & sw_low_bytes(len);
    uint64_t b = len <= 8 ? 0 : sw_load64(word + 8) & sw_low_bytes(len - 8);
    if (!sw_is_ascii8(a | b)) return 0;
    key->k0 = sw_fold_ascii8(a);
    key->k1 = sw_fold_ascii8(b);
    key->len = (uint32_t)len;
    uint64_t h = sw_hash_mix(sw_hash_start(len), key->k0);
    if (len > 8) h = sw_hash_mix(h, key->k1);
    key->hash = (uint32_t)sw_hash_final(h);
    return 1;
}

/* The bit of a table's bitmap for hash h (tools/gen_pack.py filter_bit()). */
static uint32_t filter_bit(const sw_pack_table *t, uint32_t h) { return (h * 0x9E3779B1u) >> (32 - t->filter_bits); }

/* The slot of a key in table t, or NULL when the word is not there. `rest` holds the folded
 * bytes after the 16th of a longer key (NULL for a key of at most 16 bytes). */
static const sw_lex_info *probe(const sw_pack *pack, const sw_pack_table *t, const sw_pack_key *key,
                                const unsigned char *rest)
{
    uint32_t h = key->hash, b = filter_bit(t, h);
    if (!(t->filter[b >> 6] & (1ull << (b & 63)))) return NULL;
    for (uint32_t slot = h & t->slot_mask;; slot = (slot + 1) & t->slot_mask) {
        const sw_lex_info *sl = &t->slots[slot];
        if (sl->len == 0) return NULL;
        if (sl->hash != h || sl->len != key->len || sw_load64(sl->key) != key->k0 || sw_load64(sl->key + 8) != key->k1)
            continue;
        if (key->len <= 16 || memcmp(pack->pool + sl->key_off + 16, rest, key->len - 16) == 0) return sl;
    }
}

/* The slot of a word in table t (see probe); `padded` says that 16 bytes may be read from its
 * start. */
static const sw_lex_info *find_in(const sw_pack *pack, const sw_pack_table *t, const char *word, size_t len,
                                  int padded)
{
    full_key key;
    if (!word || len == 0 || len > SW_PACK_MAX_KEY) return NULL;
    if (padded && key_from_padded(word, len, &key.k)) return probe(pack, t, &key.k, NULL);
    key_from_bytes(word, len, &key);
    return probe(pack, t, &key.k, key.bytes + 16);
}

/* The slot of a word in the table of words. */
static const sw_lex_info *find_word(const sw_pack *pack, const char *word, size_t len, int padded)
{
    return find_in(pack, &pack->words, word, len, padded);
}

/* An entry with no feature is only the first word of a cue phrase: for the caller, no entry. */
static const sw_lex_info *entry_of(const sw_lex_info *sl)
{
    if (!sl || (!sl->classes && !sl->roles && !sl->names && !sl->verb_form)) return NULL;
    return sl;
}

const sw_lex_info *sw_pack_segment_word(const sw_pack *pack, const char *word, size_t len)
{
    return find_in(pack, &pack->segment, word, len, 0);
}

const sw_lex_info *sw_pack_segment_word_padded(const sw_pack *pack, const char *word, size_t len)
{
    return find_in(pack, &pack->segment, word, len, 1);
}

const sw_lex_info *sw_pack_lookup(const sw_pack *pack, const char *word, size_t len)
{
    return entry_of(find_word(pack, word, len, 0));
}

uint64_t sw_pack_classes(const sw_pack *pack, const char *word, size_t len)
{
    const sw_lex_info *info = sw_pack_lookup(pack, word, len);
    return info ? info->classes : 0;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

void sw_pack_prepare(const sw_pack *pack, const char *word, size_t len, sw_pack_key *key)
{
    key->len = 0;
    if (!word || len == 0 || len > SW_PACK_MAX_KEY) return;
    uint32_t h;
    if (key_from_padded(word, len, key)) {
        h = key->hash;
    } else {
        full_key full;
        key_from_bytes(word, len, &full);
        h = full.k.hash; /* only to ask for the lines: the lookup folds the word again */
    }
    uint32_t b = filter_bit(&pack->words, h);
    PREFETCH(&pack->words.filter[b >> 6]);
    PREFETCH(&pack->words.slots[h & pack->words.slot_mask]);
}

const sw_lex_info *sw_pack_lookup_prepared(const sw_pack *pack, const char *word, size_t len, const sw_pack_key *key)
{
    if (!key->len) return entry_of(find_word(pack, word, len, 1));
    return entry_of(probe(pack, &pack->words, key, NULL)); /* a prepared key has at most 16 bytes */
}

/* Whether word w folds to the folded key of klen bytes at pool offset off. */
static int word_is(const sw_pack *pack, const sw_word *w, uint32_t off, size_t klen)
{
    char folded[SW_PACK_MAX_KEY];
    if (!w->ptr || w->len != klen || klen > SW_PACK_MAX_KEY) return 0;
    sw_fold(w->ptr, w->len, folded);
    return memcmp(folded, pack->pool + off, klen) == 0;
}

/* The longest cue phrase of kind `want` (0: any) at words[0..n) whose first word has slot `first`.
 * The cues of one first word are contiguous and longest first, so the first full match is the
 * longest. */
static size_t cue_phrase_of(const sw_pack *pack, uint32_t first, const sw_word *words, size_t n, int want, int *kind)
{
    /* binary search for the group of cues starting with this word */
    uint32_t lo = 0, hi = pack->n_cues;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (pack->cues[mid].first < first) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t c = lo; c < pack->n_cues && pack->cues[c].first == first; c++) {
        const sw_lex_cue *cue = &pack->cues[c];
        if (cue->n_words > n || (want && cue->kind != want)) continue;
        size_t k = 1;
        while (k < cue->n_words && word_is(pack, &words[k], cue->words[k], cue->len[k])) k++;
        if (k == cue->n_words) {
            if (kind) *kind = cue->kind;
            return k;
        }
    }
    return 0;
}

size_t sw_pack_cue_phrase(const sw_pack *pack, const sw_word *words, size_t n, int want, int *kind)
{
    if (kind) *kind = 0;
    if (!words || n < 2) return 0;
    const sw_lex_info *sl = find_word(pack, words[0].ptr, words[0].len, 0);
    if (!sl) return 0;
    return cue_phrase_of(pack, (uint32_t)(sl - pack->words.slots), words, n, want, kind);
}

size_t sw_pack_cue_phrase_after(const sw_pack *pack, const sw_lex_info *first, const sw_word *words, size_t n,
                                int want, int *kind)
{
    if (kind) *kind = 0;
    if (!first || !words || n < 2) return 0;
    return cue_phrase_of(pack, (uint32_t)(first - pack->words.slots), words, n, want, kind);
}

int sw_pack_ends_with(const sw_pack *pack, unsigned list, const char *word, size_t len)
{
    const sw_pack_list *l = &pack->lists[list];
    for (uint32_t i = 0; i < l->n; i++) {
        size_t n = l->items[i].len;
        if (n <= len && memcmp(word + len - n, l->items[i].str, n) == 0) return (int)i;
    }
    return -1;
}

int sw_pack_list_index(const sw_pack *pack, unsigned list, const char *word, size_t len)
{
    const sw_pack_list *l = &pack->lists[list];
    for (uint32_t i = 0; i < l->n; i++)
        if (l->items[i].len == len && memcmp(word, l->items[i].str, len) == 0) return (int)i;
    return -1;
}

int sw_pack_ends_with_folded(const sw_pack *pack, unsigned list, const char *word, size_t len)
{
    const sw_pack_list *l = &pack->lists[list];
    for (uint32_t i = 0; i < l->n; i++) {
        size_t n = l->items[i].len, j = 0;
        if (n > len) continue;
        while (j < n && (char)sw_fold_byte((unsigned char)word[len - n + j]) == l->items[i].str[j]) j++;
        if (j == n) return (int)i;
    }
    return -1;
}

size_t sw_pack_starts_with(const sw_pack *pack, unsigned list, const char *s, size_t len)
{
    const sw_pack_list *l = &pack->lists[list];
    for (uint32_t i = 0; i < l->n; i++)
        if (l->items[i].len <= len && memcmp(s, l->items[i].str, l->items[i].len) == 0) return l->items[i].len;
    return 0;
}
