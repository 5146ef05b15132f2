/*
 * fold.c -- the library's one case folding (fold.h).
 */
#include <utf8proc.h>
#include "fold.h"

uint32_t sw_fold_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
    if (cp == 0x178) return 0xFF;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F)
        return (cp & 1) ? cp : cp + 1;
    return cp;
}

void sw_fold(const char *in_, size_t len, char *out_)
{
    const unsigned char *in = (const unsigned char *)in_;
    unsigned char *out = (unsigned char *)out_;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = in[i];
        if (c < 0x80) {
            out[i] = sw_fold_byte(c);
            continue;
        }
        out[i] = c;
        /* the two-byte sequences of U+00C0..U+017F start with 0xC3, 0xC4 or 0xC5 */
        if ((c != 0xC3 && c != 0xC4 && c != 0xC5) || i + 1 >= len) continue;
        unsigned char d = in[i + 1];
        if (d < 0x80 || d > 0xBF) continue;
        uint32_t folded = sw_fold_cp(((uint32_t)(c & 0x1F) << 6) | (d & 0x3F));
        out[i] = (unsigned char)(0xC0 | (folded >> 6));
        out[i + 1] = (unsigned char)(0x80 | (folded & 0x3F));
        i++;
    }
}

size_t sw_ascii_form(const char *w, size_t len, char *dst, size_t cap)
{
    size_t n = 0;
    utf8proc_ssize_t i = 0;
    while ((size_t)i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)len - i, &cp);
        if (step <= 0) return 0;
        i += step;
        if (cp < 0x80) {
            if (n >= cap) return 0;
            dst[n++] = (char)sw_fold_byte((unsigned char)cp);
            continue;
        }
        /* letters without a decomposition that are read as a plain letter in names */
        int plain = 0;
        switch (cp) {
        case 0x0141: case 0x0142: plain = 'l'; break; /* Ł ł */
        case 0x0110: case 0x0111: plain = 'd'; break; /* Đ đ */
        case 0x00D8: case 0x00F8: plain = 'o'; break; /* Ø ø */
        case 0x0131: plain = 'i'; break;              /* ı */
        default: break;
        }
        if (plain) {
            if (n >= cap) return 0;
            dst[n++] = (char)plain;
            continue;
        }
        utf8proc_int32_t parts[4];
        int bound = 0;
        utf8proc_ssize_t np = utf8proc_decompose_char(cp, parts, 4, (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                      UTF8PROC_CASEFOLD), &bound);
        if (np <= 0 || np > 4) return 0;
        for (utf8proc_ssize_t k = 0; k < np; k++) {
            if (parts[k] >= 0x80) return 0; /* not a Latin letter with marks: no ASCII form */
            if (n >= cap) return 0;
            dst[n++] = (char)sw_fold_byte((unsigned char)parts[k]);
        }
    }
    return n;
}
