/*
 * fold.h -- the library's one case folding.
 *
 * A word is folded by making its capitals small: the ASCII capitals, and the two-byte UTF-8
 * capitals of Latin-1 (U+00C0..U+00DE but the multiplication sign U+00D7) and Latin Extended-A
 * (U+0100..U+017F, where capitals and small letters alternate, and Ÿ U+0178 -> ÿ). Every other byte
 * is kept, so a folded word has the length of the word. The language packs' keys are folded with
 * the same rules (tools/gen_pack.py, fold_char()), and so are the keys of every table of words:
 * "Łukasz" finds "łukasz", "ÉCOLE" finds "école".
 *
 * Speed tricks live here: sw_fold_ascii8() folds eight ASCII bytes at once, for the callers that
 * know their word is ASCII.
 */
#ifndef SW_FOLD_H
#define SW_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Folds len bytes of UTF-8 from in to out (which may be in itself); see above. */
void sw_fold(const char *in, size_t len, char *out);

/* The folded code point of cp (U+0000..U+017F as above; every other code point is itself). */
uint32_t sw_fold_cp(uint32_t cp);

/* The ASCII form of a word written with Latin letters and marks ("François" -> "francois",
 * "Łukasz" -> "lukasz"), in small letters, into dst (cap bytes); its length, or 0 when the word has
 * letters without an ASCII form or does not fit. Allocation-free (libutf8proc per code point). */
size_t sw_ascii_form(const char *w, size_t len, char *dst, size_t cap);

/* One ASCII byte folded (other bytes are kept). */
static inline unsigned char sw_fold_byte(unsigned char c) { return (unsigned char)(c + (((unsigned)(c - 'A') < 26u) << 5)); }

/* Each ASCII capital of eight ASCII bytes made small, all eight at once: a byte gets 0x20 added
 * when it is at least 'A' (x + 0x3F reaches 0x80) and not above 'Z' (x + 0x25 stays below 0x80).
 * Bytes below 0x80 never carry into the next one; bytes of 0x80 or more must not be there. */
static inline uint64_t sw_fold_ascii8(uint64_t v)
{
    uint64_t upper = (v + 0x3F3F3F3F3F3F3F3Full) & ~(v + 0x2525252525252525ull) & 0x8080808080808080ull;
    return v | (upper >> 2);
}

/* Whether eight bytes (as a number) are all ASCII. */
static inline int sw_is_ascii8(uint64_t v) { return (v & 0x8080808080808080ull) == 0; }

#endif
