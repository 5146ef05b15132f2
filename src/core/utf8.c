/*
 * utf8.c -- UTF-8 validation at the library's boundary.
 *
 * Runs once over every article, so it skips ASCII eight bytes at a time and only decodes the
 * multi-byte sequences (rejecting overlongs, surrogates and code points above U+10FFFF).
 */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "doc.h"

size_t sw_utf8_check(const char *buf, size_t len, int *nul)
{
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0;
    *nul = 0;
    while (i < len) {
#if defined(__SSE2__)
        /* sixteen ASCII bytes, none of them NUL, at a time where SSE2 is there */
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))) != 0) break;
            i += 16;
        }
        if (i >= len) break;
#endif
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* No high bit and no zero byte in the word: all ASCII text, skip it. */
            if (!(w & 0x8080808080808080ull) &&
                !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0) { *nul = 1; return i; }
            i++;
            continue;
        }
        size_t n;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
        else return i;
        unsigned cp = c & (0x3F >> n);
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}
