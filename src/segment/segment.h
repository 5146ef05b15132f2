/*
 * segment.h -- internal helpers shared by the tokenizer, the sentence splitter and the quotation
 * stage: character classes (ASCII through a table, other code points through libutf8proc) and
 * quotation-mark identities. The words they react to (abbreviations, sentence openers, the speech
 * verbs that follow a quotation) come from the language pack (src/lang/pack.h).
 *
 * Everything here is pure and allocation-free; the text is the repaired text of a document and
 * positions are byte offsets into it.
 */
#ifndef SW_SEGMENT_H
#define SW_SEGMENT_H

#include <stdint.h>
#include <stddef.h>

/* Character classes. */
enum {
    SW_CC_OTHER = 0, /* control characters, unassigned code points */
    SW_CC_SPACE,     /* white space, including no-break and zero-width spaces */
    SW_CC_UPPER,     /* an upper- or title-case letter */
    SW_CC_LOWER,     /* a lower-case letter */
    SW_CC_LETTER,    /* a letter without case (CJK, Arabic, modifier letters) */
    SW_CC_MARK,      /* a combining mark: continues the word it follows */
    SW_CC_DIGIT,     /* a decimal digit */
    SW_CC_QUOTE,     /* a quotation-mark candidate (see SW_QMARK_*) */
    SW_CC_HYPHEN,    /* '-' and the Unicode hyphens U+2010 U+2011 */
    SW_CC_PERIOD,    /* '.' */
    SW_CC_TERM,      /* '!' '?' and the ellipsis U+2026: sentence-ending punctuation */
    SW_CC_OPEN,      /* an opening bracket */
    SW_CC_CLOSE,     /* a closing bracket */
    SW_CC_DASH,      /* en and em dashes and the like */
    SW_CC_PUNCT,     /* other punctuation: , ; : / ... */
    SW_CC_SYM        /* symbols: $ % + = currency, math, emoji */
};

/* Quotation-mark identities. */
enum {
    SW_QMARK_NONE = 0,
    SW_QMARK_LDQ,    /* “ U+201C */
    SW_QMARK_RDQ,    /* ” U+201D */
    SW_QMARK_SDQ,    /* "  straight double */
    SW_QMARK_LOWDQ,  /* „ U+201E */
    SW_QMARK_REVDQ,  /* ‟ U+201F */
    SW_QMARK_LSQ,    /* ‘ U+2018 */
    SW_QMARK_RSQ,    /* ’ U+2019 (also the typographic apostrophe) */
    SW_QMARK_SSQ,    /* '  straight single (also the typewriter apostrophe) */
    SW_QMARK_LOWSQ,  /* ‚ U+201A */
    SW_QMARK_REVSQ,  /* ‛ U+201B */
    SW_QMARK_LGUIL,  /* « U+00AB */
    SW_QMARK_RGUIL,  /* » U+00BB */
    SW_QMARK_LSGUIL, /* ‹ U+2039 */
    SW_QMARK_RSGUIL  /* › U+203A */
};

/* Families of marks that pair with each other. */
enum {
    SW_QFAM_DOUBLE = 0,
    SW_QFAM_SINGLE,
    SW_QFAM_GUIL,
    SW_QFAM_SGUIL,
    SW_QFAM_COUNT
};

extern const uint8_t sw_ascii_class[128];

/* Decodes the character at text[i] (i < end; the text is valid UTF-8) and returns its class;
 * *len receives its byte length and *cp its code point. */
int sw_char_class_slow(const char *text, uint32_t i, uint32_t end, uint32_t *cp, uint32_t *len);

static inline int sw_char_class(const char *text, uint32_t i, uint32_t end, uint32_t *cp,
                                uint32_t *len)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return sw_ascii_class[c];
    }
    return sw_char_class_slow(text, i, end, cp, len);
}

/* Kinds of sentence-final punctuation at the end of a token (sw_token_end_kind). */
enum { SW_END_NONE = 0, SW_END_PERIOD, SW_END_QUESTION, SW_END_ELLIPSIS };

struct sw_tok;
/* The sentence-final punctuation a token ends in: a period kept by a word that is no
 * abbreviation (SW_TF_ABBREV), or a punctuation token ending in . ! ? … (sentences.c). */
int sw_token_end_kind(const char *text, const struct sw_tok *t);

/* The class of the character that ends just before byte i (i > lo), or SW_CC_SPACE at lo. */
int sw_char_class_before(const char *text, uint32_t lo, uint32_t i, uint32_t *cp);

/* The quotation-mark identity of a code point (SW_QMARK_NONE if it is not one). */
int sw_qmark_of(uint32_t cp);

/* The family (SW_QFAM_*) of a mark identity. */
int sw_qmark_family(int qmark);

#endif
