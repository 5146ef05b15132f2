/*
 * entity_words.c -- word-level helpers of the entities stage: the comparisons of role and nation
 * words.
 *
 * The small words the stage reacts to (name particles, articles, honorifics, place prepositions
 * ...) are name roles of the language pack (features.h: SW_N_*), which the lookup stage gives
 * every distinct word (doc->words[k].names).
 */
#include <string.h>
#include "entities_internal.h"

/* Role words are compared without a plural ending when at least this many bytes stay ("leaders" =
 * "leader", but "bus" keeps its "s"). */
#define PLURAL_MIN_STEM 3

/* Nation words longer than this are compared as different (no demonym or country is so long). */
#define NATION_MAX_LEN 40
/* Two nation words of which one begins the other name one nation when the shorter has at least
 * this many bytes ("Russia", "Russian"); shorter words only when they are the same ("US", "USA"
 * are not). */
#define NATION_PREFIX_MIN 4
/* A plural or nation ending is removed only when at least this many bytes stay ("Iran" keeps its
 * "an"), and two stems must have them to name one nation. */
#define NATION_MIN_STEM 3

int sw_ent_ending(const sw_pack *pack, unsigned list, const char *w, size_t len, size_t min_stem, int fold)
{
    const sw_pack_list *l = sw_pack_list_of(pack, list);
    for (uint32_t k = 0; k < l->n; k++) {
        size_t n = l->items[k].len;
        if (len < n + min_stem) continue;
        const char *tail = w + len - n, *item = l->items[k].str;
        size_t j = 0;
        if (fold)
            while (j < n && sw_fold_byte((unsigned char)tail[j]) == (unsigned char)item[j]) j++;
        else
            while (j < n && tail[j] == item[j]) j++;
        if (j == n) return (int)k;
    }
    return -1;
}

/* The length of a word without its plural ending (SW_LIST_PLURAL_ENDINGS), if it has one. */
static size_t without_plural(const sw_pack *pack, const char *w, size_t len)
{
    int k = sw_ent_ending(pack, SW_LIST_PLURAL_ENDINGS, w, len, PLURAL_MIN_STEM, 1);
    return k < 0 ? len : len - sw_pack_list_of(pack, SW_LIST_PLURAL_ENDINGS)->items[k].len;
}

int sw_ent_word_eq(const sw_pack *pack, const char *a, size_t alen, const char *b, size_t blen)
{
    alen = without_plural(pack, a, alen);
    blen = without_plural(pack, b, blen);
    if (alen != blen) return 0;
    for (size_t i = 0; i < alen; i++)
        if (sw_fold_byte((unsigned char)a[i]) != sw_fold_byte((unsigned char)b[i])) return 0;
    return 1;
}

/* The stem of a nation word: folded, a plural ending made singular (SW_LIST_NATION_PLURALS, items
 * written PLURAL>SINGULAR: the first that fits), then the first demonym or country ending
 * (SW_LIST_NATION_ENDINGS) removed; each leaves at least NATION_MIN_STEM bytes. dst has room for
 * NATION_MAX_LEN bytes. */
static size_t nation_stem(const sw_pack *pack, char *dst, const char *w, size_t len)
{
    if (len > NATION_MAX_LEN) len = NATION_MAX_LEN;
    sw_fold(w, len, dst);
    const sw_pack_list *plurals = sw_pack_list_of(pack, SW_LIST_NATION_PLURALS);
    for (uint32_t k = 0; k < plurals->n; k++) {
        const char *item = plurals->items[k].str, *gt = memchr(item, '>', plurals->items[k].len);
        if (!gt) continue;
        size_t pl = (size_t)(gt - item), sl = plurals->items[k].len - pl - 1;
        if (len < pl + NATION_MIN_STEM || memcmp(dst + len - pl, item, pl) != 0 || len - pl + sl > NATION_MAX_LEN)
            continue;
        memcpy(dst + len - pl, gt + 1, sl);
        len = len - pl + sl;
        break;
    }
    int k = sw_ent_ending(pack, SW_LIST_NATION_ENDINGS, dst, len, NATION_MIN_STEM, 0);
    return k < 0 ? len : len - sw_pack_list_of(pack, SW_LIST_NATION_ENDINGS)->items[k].len;
}

/* Whether the folded word (w, len) is `side` (n bytes), or `side` with a plural ending. */
static int synonym_side(const sw_pack *pack, const char *w, size_t len, const char *side, size_t n)
{
    if (len != n) len = without_plural(pack, w, len);
    return len == n && memcmp(w, side, n) == 0;
}

/* Whether the folded words fa and fb are the two sides of an item of the pack's nation synonyms
 * (SW_LIST_NATION_SYNONYMS, "gop=republican"), in either order. */
static int nation_synonyms(const sw_pack *pack, const char *fa, size_t alen, const char *fb, size_t blen)
{
    const sw_pack_list *l = sw_pack_list_of(pack, SW_LIST_NATION_SYNONYMS);
    for (uint32_t k = 0; k < l->n; k++) {
        const char *item = l->items[k].str, *eq = memchr(item, '=', l->items[k].len);
        if (!eq) continue;
        size_t n1 = (size_t)(eq - item), n2 = l->items[k].len - n1 - 1;
        if ((synonym_side(pack, fa, alen, item, n1) && synonym_side(pack, fb, blen, eq + 1, n2)) ||
            (synonym_side(pack, fb, blen, item, n1) && synonym_side(pack, fa, alen, eq + 1, n2)))
            return 1;
    }
    return 0;
}

int sw_ent_nation_eq(const sw_pack *pack, const char *a, size_t alen, const char *b, size_t blen)
{
    char fa[NATION_MAX_LEN], fb[NATION_MAX_LEN];
    if (alen > NATION_MAX_LEN || blen > NATION_MAX_LEN || !alen || !blen) return 0;
    sw_fold(a, alen, fa);
    sw_fold(b, blen, fb);
    size_t m = alen < blen ? alen : blen;
    if (memcmp(fa, fb, m) == 0 && (m >= NATION_PREFIX_MIN || alen == blen)) return 1;
    if (nation_synonyms(pack, fa, alen, fb, blen)) return 1;
    char sa[NATION_MAX_LEN], sb[NATION_MAX_LEN];
    size_t la = nation_stem(pack, sa, a, alen), lb = nation_stem(pack, sb, b, blen);
    return la == lb && la >= NATION_MIN_STEM && memcmp(sa, sb, la) == 0;
}
