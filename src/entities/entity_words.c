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

