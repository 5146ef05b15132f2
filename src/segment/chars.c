/*
 * chars.c -- character classes for the segmenter: a 128-entry table for ASCII and libutf8proc's
 * general categories for everything else, plus the identities of the quotation marks.
 */
#include <utf8proc.h>
#include "segment.h"

#define SP SW_CC_SPACE
#define UP SW_CC_UPPER
#define LO SW_CC_LOWER
#define DG SW_CC_DIGIT
#define QU SW_CC_QUOTE
#define HY SW_CC_HYPHEN
#define PE SW_CC_PERIOD
#define TE SW_CC_TERM
#define OP SW_CC_OPEN
#define CL SW_CC_CLOSE
#define PU SW_CC_PUNCT
#define SY SW_CC_SYM
#define OT SW_CC_OTHER

const uint8_t sw_ascii_class[128] = {
    OT, OT, OT, OT, OT, OT, OT, OT, OT, SP, SP, SP, SP, SP, OT, OT, /* 0x00 */
    OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, /* 0x10 */
    SP, TE, QU, SY, SY, SY, SY, QU, OP, CL, SY, SY, PU, HY, PE, PU, /* 0x20  !"#$%&'()*+,-./ */
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, SY, SY, SY, TE, /* 0x30 0-9:;<=>? */
    SY, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* 0x40 @A-O */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, OP, PU, CL, SY, PU, /* 0x50 P-Z[\]^_ */
    SY, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* 0x60 `a-o */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, OP, PU, CL, SY, OT, /* 0x70 p-z{|}~ */
};

int sw_qmark_of(uint32_t cp)
{
    switch (cp) {
    case 0x201C: return SW_QMARK_LDQ;
    case 0x201D: return SW_QMARK_RDQ;
    case '"': return SW_QMARK_SDQ;
    case 0x201E: return SW_QMARK_LOWDQ;
    case 0x201F: return SW_QMARK_REVDQ;
    case 0x2018: return SW_QMARK_LSQ;
    case 0x2019: return SW_QMARK_RSQ;
    case '\'': return SW_QMARK_SSQ;
    case 0x201A: return SW_QMARK_LOWSQ;
    case 0x201B: return SW_QMARK_REVSQ;
    case 0x00AB: return SW_QMARK_LGUIL;
    case 0x00BB: return SW_QMARK_RGUIL;
    case 0x2039: return SW_QMARK_LSGUIL;
    case 0x203A: return SW_QMARK_RSGUIL;
    default: return SW_QMARK_NONE;
    }
}

int sw_qmark_family(int qmark)
{
    switch (qmark) {
    case SW_QMARK_LDQ: case SW_QMARK_RDQ: case SW_QMARK_SDQ: case SW_QMARK_LOWDQ:
    case SW_QMARK_REVDQ:
        return SW_QFAM_DOUBLE;
    case SW_QMARK_LGUIL: case SW_QMARK_RGUIL:
        return SW_QFAM_GUIL;
    case SW_QMARK_LSGUIL: case SW_QMARK_RSGUIL:
        return SW_QFAM_SGUIL;
    default:
        return SW_QFAM_SINGLE;
    }
}

/* The class of a non-ASCII code point. Spaces and quotation marks are decided by code point
 * (they matter most and the general category does not say enough); the rest by category. */
static int class_of_cp(uint32_t cp)
{
    if (sw_qmark_of(cp)) return SW_CC_QUOTE;
    switch (cp) {
    case 0x2026: return SW_CC_TERM;                     /* … */
    case 0x2010: case 0x2011: return SW_CC_HYPHEN;      /* hyphen, non-breaking hyphen */
    case 0x200B: case 0x2060: case 0xFEFF:
        return SW_CC_SPACE;                              /* zero-width spaces */
    case 0x200C: case 0x200D: case 0x00AD:
        return SW_CC_MARK;                               /* joiners, soft hyphen: inside words */
    case 0x00BF: case 0x00A1: return SW_CC_PUNCT;       /* ¿ ¡ */
    default: break;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return SW_CC_UPPER;
    case UTF8PROC_CATEGORY_LL: return SW_CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return SW_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return SW_CC_MARK;
    case UTF8PROC_CATEGORY_ND: return SW_CC_DIGIT;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return SW_CC_SYM;
    case UTF8PROC_CATEGORY_PD: return SW_CC_DASH;
    case UTF8PROC_CATEGORY_PS: return SW_CC_OPEN;
    case UTF8PROC_CATEGORY_PE: return SW_CC_CLOSE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return SW_CC_PUNCT;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_CO: return SW_CC_SYM;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CF: return SW_CC_SPACE;
    default: return SW_CC_OTHER;
    }
}

int sw_char_class_slow(const char *text, uint32_t i, uint32_t end, uint32_t *cp, uint32_t *len)
{
    const unsigned char *s = (const unsigned char *)text + i;
    uint32_t avail = end - i, c = s[0], n;
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return sw_ascii_class[c];
    }
    /* The text was validated, but guard against a truncated sequence at `end` anyway. */
    if (c >= 0xF0 && avail >= 4) {
        c = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        n = 4;
    } else if (c >= 0xE0 && avail >= 3) {
        c = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        n = 3;
    } else if (c >= 0xC0 && avail >= 2) {
        c = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        n = 2;
    } else {
        *cp = 0xFFFD;
        *len = 1;
        return SW_CC_OTHER;
    }
    *cp = c;
    *len = n;
    return class_of_cp(c);
}

int sw_char_class_before(const char *text, uint32_t lo, uint32_t i, uint32_t *cp)
{
    if (i <= lo) {
        *cp = ' ';
        return SW_CC_SPACE;
    }
    uint32_t j = i - 1;
    while (j > lo && ((unsigned char)text[j] & 0xC0) == 0x80) j--;
    uint32_t len;
    return sw_char_class(text, j, i, cp, &len);
}
