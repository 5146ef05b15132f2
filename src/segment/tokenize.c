/*
 * tokenize.c -- the tokens of every block: words, numbers, punctuation, quotation-mark candidates.
 *
 * One left-to-right pass over the bytes of each block, driven by the character classes of
 * segment.h (a table for ASCII, libutf8proc for the rest); no regular expressions and no
 * allocation per token (the token array grows by doubling in the arena).
 *
 * Decisions that later stages rely on:
 *  - A word is a run of letters, combining marks and digits, with inner apostrophes (don't,
 *    O'Brien, They’ve), inner hyphens (counter-offensive, COVID-19) and the inner periods of
 *    short dotted abbreviations (U.S., e.g., Ph.D.).
 *  - The possessive and contracted 's / ’s is split off as its own SW_TK_WORD token without a
 *    space before it: "Smith’s" -> "Smith" "’s", "it's" -> "it" "'s". Names then end where the
 *    name ends, which is what the entity stage wants; other contractions stay whole (don't).
 *  - An apostrophe is never a SW_TK_QUOTE when it is part of a word: inside a word, in the
 *    elisions 'n' / ’n’ (rock 'n' roll), 'em, 'til, 'cause, in decades ('90s, ‘90s: a SW_TK_NUM),
 *    in a contraction glued to a bracket (Rocky['s], can['t]: a SW_TK_WORD "'s" / "'t"), or as the
 *    possessive after an s-word followed by another word (Jones' car): that trailing mark becomes
 *    a SW_TK_PUNCT of its own, unless a single quotation looks open in the block, in which case
 *    it stays a candidate; the quotation stage then decides (and turns it into a SW_TK_PUNCT when
 *    a later mark closes the quotation: ‘The players’ union agreed,’ she said).
 *  - A period after a word is kept in the word when the word is an abbreviation or an initial
 *    (the language pack's abbreviations.tsv); the token gets SW_TF_ABBREV when the period
 *    does not end the sentence as well. A word that keeps its period without SW_TF_ABBREV ("in the
 *    U.S." at the end of a sentence) ends the sentence. Every other period is a SW_TK_PUNCT.
 *  - Numbers start with a digit and take decimal and thousands separators followed by a digit
 *    (3.5, 1,000) and a letter suffix (19th, 1990s, 5G).
 */
#include "doc.h"
#include "fold.h"
#include "lang/pack.h"
#include "segment.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The letters between two periods of a dotted abbreviation (U.S., e.g., Ph.D.): one or two; a
 * longer run is a word of its own (a host name, the end of a sentence). */
#define DOTTED_SEGMENT_MAX 2

typedef struct tokenizer {
    sw_doc *doc;
    const char *text;
    size_t cap;
    size_t cap_qmarks, cap_stops;
} tokenizer;

/* Appends token index `tok` to a list of the document (doc->qmarks, doc->stops); 0 when out of
 * memory. */
static int list_token(sw_doc *doc, uint32_t **list, uint32_t *n, size_t *cap, uint32_t tok)
{
    if (*n == *cap) {
        *list = sw_arena_grow(&doc->arena, *list, sizeof **list, *n, cap, (size_t)*n + 1);
        if (!*list) return 0;
    }
    (*list)[(*n)++] = tok;
    return 1;
}

static int is_letter_cc(int cc)
{
    return cc == SW_CC_UPPER || cc == SW_CC_LOWER || cc == SW_CC_LETTER || cc == SW_CC_MARK;
}

static int is_alnum_cc(int cc) { return is_letter_cc(cc) || cc == SW_CC_DIGIT; }

/* The class of the character at i, or SW_CC_SPACE at or past `end`. */
static int cc_at(const char *text, uint32_t i, uint32_t end, uint32_t *cp, uint32_t *len)
{
    if (i >= end) {
        *cp = ' ';
        *len = 0;
        return SW_CC_SPACE;
    }
    return sw_char_class(text, i, end, cp, len);
}

static int is_apostrophe_cp(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

/* The tokens of a block being tokenized are held in local variables of tokenize_block() (the
 * array, its count and its room) rather than read from doc: the compiler must assume that a store
 * into a token may change any number in memory, doc->n_toks among them, so kept there they would
 * be read again after every token written. grow_toks() gives room for one more token: the array,
 * at least doubled, or NULL when out of memory. */
static sw_tok *grow_toks(sw_doc *doc, sw_tok *toks, uint32_t n, uint32_t *cap)
{
    size_t c = *cap;
    toks = sw_arena_grow(&doc->arena, toks, sizeof *toks, n, &c, (size_t)n + 1);
    *cap = (uint32_t)c;
    return toks;
}

/* Appends a token to toks (*n used, room for *cap); returns it, or NULL when out of memory.
 * Inline: it runs once per token, on tokenize_block()'s locals. */
static inline sw_tok *push(sw_doc *doc, sw_tok **toks, uint32_t *n, uint32_t *cap, uint32_t start, uint32_t end,
                           uint32_t block, uint8_t kind, uint16_t flags)
{
    if (*n == *cap) {
        uint32_t room = *cap;
        sw_tok *grown = grow_toks(doc, *toks, *n, &room);
        if (!grown) return NULL;
        *toks = grown;
        *cap = room;
    }
    sw_tok *t = &(*toks)[(*n)++];
    *t = (sw_tok){.start = start, .end = end, .block = block, .sent = 0, .flags = flags,
                  .kind = kind, .qm = SW_QM_NONE};
    return t;
}

/* ASCII letters and digits: 1 lower case, 2 upper case, 4 digit (bits, OR-ed over a run). 256
 * entries, 0 for the bytes of other characters, so a run needs no separate test for ASCII. */
static const uint8_t ascii_alnum[256] = {
    ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4,
    ['8'] = 4, ['9'] = 4,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2,
    ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2,
    ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
    ['Y'] = 2, ['Z'] = 2,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* The token kind of an ASCII byte that is a token by itself in the general path of
 * tokenize_block(): punctuation and brackets (SW_TK_PUNCT) and symbols (SW_TK_SYM), by their
 * classes in sw_ascii_class; 0 for every other byte. */
static const uint8_t ascii_punct_token[128] = {
    ['#'] = SW_TK_SYM, ['$'] = SW_TK_SYM, ['%'] = SW_TK_SYM, ['&'] = SW_TK_SYM, ['('] = SW_TK_PUNCT,
    [')'] = SW_TK_PUNCT, ['*'] = SW_TK_SYM, ['+'] = SW_TK_SYM, [','] = SW_TK_PUNCT, ['/'] = SW_TK_PUNCT,
    [':'] = SW_TK_PUNCT, [';'] = SW_TK_PUNCT, ['<'] = SW_TK_SYM, ['='] = SW_TK_SYM, ['>'] = SW_TK_SYM,
    ['@'] = SW_TK_SYM, ['['] = SW_TK_PUNCT, ['\\'] = SW_TK_PUNCT, [']'] = SW_TK_PUNCT, ['^'] = SW_TK_SYM,
    ['_'] = SW_TK_PUNCT, ['`'] = SW_TK_SYM, ['{'] = SW_TK_PUNCT, ['|'] = SW_TK_PUNCT, ['}'] = SW_TK_PUNCT,
    ['~'] = SW_TK_SYM,
};

/* Per-byte high bits of x set where m < byte < n, for bytes below 0x80 (0 <= m < n <= 128). No
 * byte's arithmetic borrows from or carries into another's, so each flag is exact. */
static inline uint64_t bytes_between(uint64_t x, unsigned m, unsigned n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t low7 = x & (ones * 127);
    return (ones * (127 + n) - low7) & ~x & (low7 + ones * (127 - m)) & high;
}

/* The end of the run of ASCII letters and digits that starts at text[q], at most `stop`; ORs into
 * *seen the ascii_alnum bits 1 (a small letter) and 2 (a capital) of its bytes (the digit bit 4 is
 * not needed: nothing asks it). Words are short, so one step of sixteen bytes (SSE2, every x86-64)
 * or eight usually finds the end (while that many bytes before `limit`, the end of the readable
 * text, remain). */
static inline uint32_t alnum_run_end(const char *text, uint32_t q, uint32_t stop, uint32_t limit, unsigned *seen)
{
#if defined(__SSE2__) && defined(__GNUC__)
    while (q < stop && q + 16 <= limit) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + q));
        /* a letter of either case is one range once bit 0x20 is set, and a byte is in [lo, lo + n)
         * when byte - lo + 0x80, read as signed, is below n - 0x80 (bytes 0x80 and up, the bytes of
         * other characters, then land in no range); the case of a letter is its bit 0x20, which a
         * shift by two moves to the top bit of the byte, where movemask reads it */
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8((char)(0x80 - 'a'))),
                                        _mm_set1_epi8((char)(26 - 0x80)));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(10 - 0x80)));
        unsigned mletter = (unsigned)_mm_movemask_epi8(letter), mdigit = (unsigned)_mm_movemask_epi8(digit),
                 msmall = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 2));
        /* bit k is byte q + k; bit 16 stops a run that fills the whole step */
        uint32_t n = (uint32_t)__builtin_ctz(~(mletter | mdigit) | 0x10000u);
        if (n > stop - q) n = stop - q;
        unsigned run = mletter & ((1u << n) - 1);
        *seen |= ((run & msmall) != 0) | ((run & ~msmall) != 0) << 1;
        q += n;
        if (n < 16) return q;
    }
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (q < stop && q + 8 <= limit) {
        uint64_t w;
        memcpy(&w, text + q, 8);
        uint64_t lo = bytes_between(w, 'a' - 1, 'z' + 1), up = bytes_between(w, 'A' - 1, 'Z' + 1),
                 dg = bytes_between(w, '0' - 1, '9' + 1);
        uint64_t other = ~(lo | up | dg) & 0x8080808080808080ull;
        uint32_t n = other ? (uint32_t)__builtin_ctzll(other) / 8 : 8; /* the first byte in memory is the low one */
        if (n > stop - q) n = stop - q;
        uint64_t mask = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
        *seen |= (lo & mask ? 1u : 0u) | (up & mask ? 2u : 0u) | (dg & mask ? 4u : 0u);
        q += n;
        if (n < 8) return q;
    }
#else
    (void)limit;
#endif
    while (q < stop) {
        unsigned a = ascii_alnum[(unsigned char)text[q]];
        if (!a) break;
        *seen |= a;
        q++;
    }
    return q;
}

/* The common word of an article, in one step: an ASCII word that starts with the letter at text[i]
 * (the text is padded, doc.h), is shorter than sixteen bytes and is followed by the end of the
 * block or a character that cannot continue it (see tokenize_block()). Sets *q to its end and
 * *flags to its SW_TF_CAP and SW_TF_ALLCAPS, and returns 1. Returns 2, with the same, for such a
 * word of three bytes or more followed by a period (the period may still belong to it: see
 * period_role()), 0 for a shorter word that the general path must scan (followed by a period when
 * shorter, an apostrophe, a hyphen or a character outside ASCII) and -1 for a run of sixteen
 * letters and digits or more (or without SSE2). With SSE2 the run of letters and digits, the capitals and the small
 * letters are found in one load of sixteen bytes, and the case flags come from bit masks rather
 * than from a count over the bytes. */
static inline int short_ascii_word(const char *text, uint32_t i, uint32_t end, uint32_t *q, uint16_t *flags)
{
#if defined(__SSE2__) && defined(__GNUC__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8((char)(0x80 - 'a'))),
                                    _mm_set1_epi8((char)(26 - 0x80)));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(10 - 0x80)));
    __m128i dot = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
    /* the bytes that would continue a word (see tokenize_block()): an apostrophe, a hyphen, a
     * period, or the byte of a character outside ASCII (its top bit, which movemask reads) */
    __m128i goes_on = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))),
                                   _mm_or_si128(dot, v));
    unsigned mletter = (unsigned)_mm_movemask_epi8(letter), mdigit = (unsigned)_mm_movemask_epi8(digit),
             msmall = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 2)), /* see alnum_run_end() */
        mgoes_on = (unsigned)_mm_movemask_epi8(goes_on), mdot = (unsigned)_mm_movemask_epi8(dot);
    uint32_t n = (uint32_t)__builtin_ctz(~(mletter | mdigit) | 0x10000u);
    if (n > end - i) n = end - i;
    if (n == 16) return -1;
    /* what follows the word, read from the masks (bit n) rather than loaded again */
    int period = 0;
    if (i + n != end && ((mgoes_on >> n) & 1)) {
        /* a period after a word of three bytes or more ends the word: scan_word() takes inner
         * periods (U.S, e.g, Ph.D) only after one or two letters */
        if (!((mdot >> n) & 1) || n < 3) return 0;
        period = 1;
    }
    unsigned run = mletter & ((1u << n) - 1), caps = run & ~msmall;
    uint16_t f = (caps & 1) ? SW_TF_CAP : 0; /* bit 0 is text[i], a letter */
    if (!(run & msmall) && (caps & (caps - 1))) f |= SW_TF_ALLCAPS; /* no small letter, two capitals */
    *q = i + n;
    *flags = f;
    return period ? 2 : 1;
#else
    (void)text, (void)i, (void)end, (void)q, (void)flags;
    return -1;
#endif
}

/* Whether the text at w (right after an apostrophe inside a word) is the rest of one of the pack's
 * possessive endings with a letter ('s: "s"), compared without case, followed by a character that
 * cannot continue a word: the ending is then a token of its own ("Smith" "'s", "it" "'s"). */
static int clitic_after_mark(const sw_pack *pack, const char *text, uint32_t w, uint32_t end)
{
    const sw_pack_list *list = sw_pack_list_of(pack, SW_LIST_POSSESSIVE_ENDINGS);
    for (uint32_t k = 0; k < list->n; k++) {
        const char *e = list->items[k].str;
        uint32_t n = list->items[k].len, j = 0;
        while (j < n) { /* past its mark (an apostrophe of any kind) to its letters */
            uint32_t cp, len;
            if (is_letter_cc(sw_char_class(e, j, n, &cp, &len))) break;
            j += len;
        }
        if (j == n || w + (n - j) > end) continue;
        uint32_t m = 0;
        while (j + m < n && (char)sw_fold_byte((unsigned char)text[w + m]) == e[j + m]) m++;
        if (j + m < n) continue;
        uint32_t cp, len;
        if (!is_alnum_cc(cc_at(text, w + m, end, &cp, &len))) return 1;
    }
    return 0;
}

/* Scans a word starting at i (a letter or mark). Returns its end; sets *upper and *lower to the
 * counts of cased letters (exact for upper case when there is no lower case; otherwise only
 * non-zero-ness is meaningful) and *dotted when it took inner periods (U.S). The possessive 's
 * is left out (see the file comment). `after_dot` (the word follows a period, as in a host
 * name: www.example.co.uk) disables inner periods. */
static uint32_t scan_word(const sw_pack *pack, const char *text, uint32_t i, uint32_t end, int *upper,
                          int *lower, int *dotted, int after_dot)
{
    uint32_t p = i, cp, len, cp2, len2;
    uint32_t seg_len = 0; /* characters since the start or the last inner period */
    *upper = *lower = *dotted = 0;
    while (p < end) {
        /* fast path: a run of ASCII letters and digits */
        unsigned char c = (unsigned char)text[p];
        if (ascii_alnum[c]) {
            unsigned seen = ascii_alnum[c];
            uint32_t q = alnum_run_end(text, p + 1, end, end, &seen);
            if (seen & 1) {
                (*lower)++; /* only "none" versus "some" matters for lower case */
                if (seen & 2) (*upper)++;
            } else if (seen & 2) {
                for (uint32_t k = p; k < q; k++) *upper += ascii_alnum[(unsigned char)text[k]] == 2;
            }
            seg_len += q - p;
            p = q;
            continue;
        }
        int cc = sw_char_class(text, p, end, &cp, &len);
        if (is_alnum_cc(cc)) {
            if (cc == SW_CC_UPPER) (*upper)++;
            else if (cc == SW_CC_LOWER) (*lower)++;
            if (cc != SW_CC_MARK) seg_len++;
            p += len;
            continue;
        }
        if (cc == SW_CC_QUOTE && (is_apostrophe_cp(cp) || cp == 0x2018)) { /* I‘m: a typo */
            int nc = cc_at(text, p + len, end, &cp2, &len2);
            if (!is_letter_cc(nc)) break;
            if (clitic_after_mark(pack, text, p + len, end)) break; /* 's: a token of its own */
            p += len;
            seg_len = 0;
            continue;
        }
        if (cc == SW_CC_HYPHEN) {
            int nc = cc_at(text, p + len, end, &cp2, &len2);
            if (!is_alnum_cc(nc)) break;
            p += len;
            seg_len = 0;
            continue;
        }
        if (cc == SW_CC_PERIOD && seg_len <= DOTTED_SEGMENT_MAX && !after_dot) {
            /* U.S / e.g / Ph.D: a short letter run after the period, itself followed by one */
            uint32_t q = p + 1, run = 0;
            while (q < end && run <= DOTTED_SEGMENT_MAX) {
                int nc = sw_char_class(text, q, end, &cp2, &len2);
                if (nc != SW_CC_UPPER && nc != SW_CC_LOWER) break;
                run++;
                q += len2;
            }
            if (run >= 1 && run <= DOTTED_SEGMENT_MAX && q < end && text[q] == '.') {
                *dotted = 1;
                for (uint32_t k = p + 1; k < q; k++) {
                    unsigned char c = (unsigned char)text[k];
                    if (c >= 'A' && c <= 'Z') (*upper)++;
                    else if (c >= 'a' && c <= 'z') (*lower)++;
                }
                p = q; /* stops on the next period, which the loop examines again */
                seg_len = run;
                continue;
            }
        }
        break;
    }
    return p;
}

/* What follows a period: the class of the next word after spaces and opening marks. */
enum { NX_END, NX_LOWER, NX_DIGIT, NX_UPPER, NX_PUNCT, NX_OTHER };

typedef struct next_info {
    int kind;
    uint32_t wstart, wend; /* the next word, for NX_UPPER */
    int initial;           /* NX_UPPER: a single letter followed by a period */
} next_info;

static next_info look_next(const char *text, uint32_t q, uint32_t end)
{
    next_info nx = {NX_END, 0, 0, 0};
    uint32_t cp, len;
    int spaced = 0;
    while (q < end) {
        int cc = sw_char_class(text, q, end, &cp, &len);
        if (cc == SW_CC_SPACE) { spaced = 1; q += len; continue; }
        if (cc == SW_CC_QUOTE || cc == SW_CC_OPEN) { q += len; continue; }
        if (!spaced) { /* glued to what follows: U.S.-led, Inc., Mr.Smith */
            nx.kind = NX_PUNCT;
            return nx;
        }
        if (cc == SW_CC_LOWER) nx.kind = NX_LOWER;
        else if (cc == SW_CC_DIGIT) nx.kind = NX_DIGIT;
        else if (cc == SW_CC_UPPER || cc == SW_CC_LETTER) {
            nx.kind = NX_UPPER;
            nx.wstart = q;
            uint32_t p = q;
            while (p < end) {
                int c2 = sw_char_class(text, p, end, &cp, &len);
                if (!is_letter_cc(c2)) break;
                p += len;
            }
            nx.wend = p;
            nx.initial = (p - q == 1 && p < end && text[p] == '.');
        } else if (cc == SW_CC_PUNCT) nx.kind = NX_PUNCT;
        else nx.kind = NX_OTHER;
        return nx;
    }
    return nx;
}

/* Whether the period at `dot` after the word [ws, we) belongs to the word: 0 no, 1 yes and it
 * does not end the sentence (SW_TF_ABBREV), 2 yes and it ends the sentence too. `dotted` says the
 * word has inner periods (U.S). */
static int period_role(const sw_pack *pack, const char *text, uint32_t ws, uint32_t we, uint32_t dot, uint32_t end,
                       int dotted)
{
    if (dot + 1 < end && text[dot + 1] == '.') return 0; /* an ellipsis "..." */
    int cls;
    uint32_t cp, len;
    int first = sw_char_class(text, ws, we, &cp, &len);
    if (we - ws == len && first == SW_CC_UPPER) cls = -1; /* an initial: J. */
    else if (we - ws == len) cls = SW_AB_NONE;            /* one letter: initials are by rule */
    else {
        const sw_lex_info *sw = sw_pack_segment_word_padded(pack, text + ws, we - ws);
        cls = sw ? sw->abbrev : SW_AB_NONE;
    }
    if (cls == SW_AB_NONE && dotted) cls = SW_AB_GENERAL;
    if (cls == SW_AB_NONE) return 0;
    next_info nx = look_next(text, dot + 1, end);
    const sw_lex_info *next = nx.kind == NX_UPPER && !nx.initial
                                  ? sw_pack_segment_word_padded(pack, text + nx.wstart, nx.wend - nx.wstart)
                                  : NULL;
    int opener = next && (next->classes & SW_LX_SENTENCE_OPENER);
    switch (cls) {
    case SW_AB_TITLE:
    case SW_AB_ALWAYS:
        return nx.kind == NX_END ? 2 : 1;
    case SW_AB_NUMBER:
        return nx.kind == NX_DIGIT ? 1 : 0;
    case SW_AB_MONTH:
        return (nx.kind == NX_DIGIT || nx.kind == NX_LOWER || nx.kind == NX_PUNCT) ? 1 : 0;
    case -1: /* initial */
        if (nx.kind == NX_LOWER || nx.kind == NX_PUNCT) return 1;
        if (nx.kind == NX_UPPER) return opener ? 2 : 1;
        return 2;
    default: /* SW_AB_GENERAL and dotted words */
        if (nx.kind == NX_END) return 2;
        if (nx.kind == NX_UPPER) return opener ? 2 : 1;
        if (nx.kind == NX_OTHER) return 2;
        return 1;
    }
}

/* Scans a number starting with a digit at i; returns its end. */
static uint32_t scan_number(const char *text, uint32_t i, uint32_t end)
{
    uint32_t p = i, cp, len, cp2, len2;
    while (p < end) {
        int cc = sw_char_class(text, p, end, &cp, &len);
        if (cc == SW_CC_DIGIT || is_letter_cc(cc)) { p += len; continue; }
        /* 3.5, 1,000 and clock times 4:00, 20:21 stay one number */
        if ((cp == '.' || cp == ',' || cp == ':') && cc_at(text, p + 1, end, &cp2, &len2) == SW_CC_DIGIT &&
            p > i && sw_char_class_before(text, i, p, &cp2) == SW_CC_DIGIT) {
            p++;
            continue;
        }
        break;
    }
    return p;
}

/* The length of a contraction ending (the pack's list: 's 't 're in English, either case) at w
 * followed by a character that cannot continue a word, or 0. */
static uint32_t contraction_len(const sw_pack *pack, const char *text, uint32_t w, uint32_t end)
{
    const sw_pack_list *list = sw_pack_list_of(pack, SW_LIST_CONTRACTIONS);
    for (uint32_t k = 0; k < list->n; k++) {
        uint32_t n = list->items[k].len, j;
        if (w + n > end) continue;
        for (j = 0; j < n; j++)
            if ((char)sw_fold_byte((unsigned char)text[w + j]) != list->items[k].str[j]) break;
        if (j < n) continue;
        uint32_t cp, len;
        if (!is_alnum_cc(cc_at(text, w + n, end, &cp, &len))) return n;
    }
    return 0;
}

/* The length of an elision written with a leading apostrophe (the pack's list: 'em 'til 'n' in
 * English), in small letters only, at w; 0 when none. */
static uint32_t elision_len(const sw_pack *pack, const char *text, uint32_t w, uint32_t end)
{
    const sw_pack_list *list = sw_pack_list_of(pack, SW_LIST_ELISIONS);
    for (uint32_t k = 0; k < list->n; k++) {
        size_t n = list->items[k].len;
        if (w + n <= end && memcmp(text + w, list->items[k].str, n) == 0) {
            uint32_t cp, len;
            int after = cc_at(text, w + (uint32_t)n, end, &cp, &len);
            if (!is_alnum_cc(after) && !(after == SW_CC_QUOTE && !is_apostrophe_cp(cp)))
                return (uint32_t)n;
        }
    }
    return 0;
}

/* Whether a quotation mark at [i, i+len) looks like an opener (next char not space, previous one
 * space, an opening bracket, a dash or another mark) and like a closer (the reverse). */
static void flanking(const char *text, uint32_t lo, uint32_t i, uint32_t len, uint32_t end,
                     int *opens, int *closes)
{
    uint32_t cp, l2;
    int before = sw_char_class_before(text, lo, i, &cp);
    int after = cc_at(text, i + len, end, &cp, &l2);
    int b_open = before == SW_CC_SPACE || before == SW_CC_OPEN || before == SW_CC_DASH ||
                 before == SW_CC_QUOTE || before == SW_CC_HYPHEN;
    int a_close = after == SW_CC_SPACE || after == SW_CC_PUNCT || after == SW_CC_PERIOD ||
                  after == SW_CC_TERM || after == SW_CC_CLOSE || after == SW_CC_DASH ||
                  after == SW_CC_QUOTE || after == SW_CC_HYPHEN;
    *opens = b_open && after != SW_CC_SPACE && after != SW_CC_PUNCT && after != SW_CC_PERIOD &&
             after != SW_CC_TERM && after != SW_CC_CLOSE;
    *closes = a_close && before != SW_CC_SPACE && before != SW_CC_OPEN;
}

/* Pushes the token [i, tend) and, when a single space follows it, takes that space as well (with
 * SW_TF_SPACE_AFTER, which the space branch of tokenize_block would set): the usual "word " or ", ".
 * *next is where the scan goes on, *space whether a space came last; 0 when out of memory. */
static inline int push_spaced(sw_doc *doc, sw_tok **toks, uint32_t *n, uint32_t *cap, const char *text,
                              uint32_t i, uint32_t tend, uint32_t end, uint32_t block, uint8_t kind,
                              uint16_t flags, uint32_t *next, int *space)
{
    int sp = tend < end && text[tend] == ' ';
    if (!push(doc, toks, n, cap, i, tend, block, kind, sp ? flags | SW_TF_SPACE_AFTER : flags)) return 0;
    *space = sp;
    *next = tend + (uint32_t)sp;
    return 1;
}

/* Tokenizes one block; returns SW_OK or SW_ERR_NOMEM. */
static sw_status tokenize_block(tokenizer *tz, uint32_t bi)
{
    sw_doc *doc = tz->doc;
    const char *text = tz->text;
    sw_iblock *blk = &doc->blocks[bi];
    uint32_t i = blk->start, end = blk->end, first = doc->n_toks;
    const uint32_t limit = doc->len + SW_TEXT_PAD; /* readable: the text is padded (doc.h) */
    sw_tok *toks = doc->toks; /* see grow_toks() */
    uint32_t n = first, cap = (uint32_t)tz->cap;
    int space = 1, single_open = 0;
    blk->tok_start = first;
    while (i < end) {
        uint32_t cp, len, cp2, len2;
        if (text[i] == ' ') {
            if (n > first) toks[n - 1].flags |= SW_TF_SPACE_AFTER;
            space = 1;
            i++;
            continue;
        }
        unsigned char c0 = (unsigned char)text[i];
        uint32_t wend;
        uint16_t case_flags;
        int short_word = c0 < 0x80 && (ascii_alnum[c0] & 3) ? short_ascii_word(text, i, end, &wend, &case_flags) : 0;
        if (short_word == 1) {
            /* most words of an article: see short_ascii_word() */
            uint16_t flags = (space ? SW_TF_SPACE_BEFORE : 0) | case_flags;
            if (n == first) flags |= SW_TF_BLOCK_START;
            if (!push_spaced(doc, &toks, &n, &cap, text, i, wend, end, bi, SW_TK_WORD, flags, &i, &space))
                return SW_ERR_NOMEM;
            continue;
        }
        if (short_word == 2) {
            /* a short word before a period, which is part of it when it is an abbreviation or
             * an initial: the general path's steps for a word, without scanning it again */
            uint16_t flags = (space ? SW_TF_SPACE_BEFORE : 0) | case_flags;
            if (n == first) flags |= SW_TF_BLOCK_START;
            uint32_t stop = wend;
            int role = period_role(doc->pack, text, i, wend, wend, end, 0);
            if (role) {
                stop++;
                if (role == 1) flags |= SW_TF_ABBREV;
            }
            const sw_tok *t = push(doc, &toks, &n, &cap, i, stop, bi, SW_TK_WORD, flags);
            if (!t) return SW_ERR_NOMEM;
            if (role && sw_token_end_kind(text, t) &&
                !list_token(doc, &doc->stops, &doc->n_stops, &tz->cap_stops, n - 1))
                return SW_ERR_NOMEM;
            space = 0;
            i = stop;
            continue;
        }
        if (c0 < 0x80 && ascii_punct_token[c0]) {
            /* a one-byte punctuation or symbol token (not a period, quotation mark or hyphen,
             * which have cases of their own), as the general path makes it */
            uint16_t flags = space ? SW_TF_SPACE_BEFORE : 0;
            if (n == first) flags |= SW_TF_BLOCK_START;
            if (!push_spaced(doc, &toks, &n, &cap, text, i, i + 1, end, bi, ascii_punct_token[c0], flags, &i,
                             &space))
                return SW_ERR_NOMEM;
            continue;
        }
        if (short_word < 0) {
            /* Fast path: an ASCII word followed by a character that cannot continue it (not a
             * letter, digit, apostrophe, hyphen, period or non-ASCII byte) needs none of
             * scan_word's cases, only its case counts (here: one of sixteen bytes or more, or
             * without SSE2). */
            unsigned seen = ascii_alnum[c0];
            uint32_t q = alnum_run_end(text, i + 1, end, limit, &seen);
            unsigned c = (unsigned char)text[q];
            if (q == end || (c < 0x80 && c != '\'' && c != '-' && c != '.')) {
                uint16_t flags = space ? SW_TF_SPACE_BEFORE : 0;
                if (n == first) flags |= SW_TF_BLOCK_START;
                if (ascii_alnum[c0] == 2) flags |= SW_TF_CAP;
                if (!(seen & 1) && (seen & 2)) { /* no lower case: all capitals when two or more */
                    int upper = 0;
                    for (uint32_t k = i; k < q && upper < 2; k++) upper += ascii_alnum[(unsigned char)text[k]] == 2;
                    if (upper >= 2) flags |= SW_TF_ALLCAPS;
                }
                if (!push_spaced(doc, &toks, &n, &cap, text, i, q, end, bi, SW_TK_WORD, flags, &i, &space))
                    return SW_ERR_NOMEM;
                continue;
            }
        }
        int cc = sw_char_class(text, i, end, &cp, &len);
        if (cc == SW_CC_SPACE || cc == SW_CC_OTHER) {
            if (n > first) toks[n - 1].flags |= SW_TF_SPACE_AFTER;
            space = 1;
            i += len;
            continue;
        }
        uint16_t flags = space ? SW_TF_SPACE_BEFORE : 0;
        if (n == first) flags |= SW_TF_BLOCK_START;
        const sw_tok *prev = n > first ? &toks[n - 1] : NULL;
        uint32_t start = i, stop;
        uint8_t kind;
        switch (cc) {
        case SW_CC_UPPER:
        case SW_CC_LOWER:
        case SW_CC_LETTER:
        case SW_CC_MARK: {
            int upper, lower, dotted;
            stop = scan_word(doc->pack, text, i, end, &upper, &lower, &dotted,
                             !space && i > blk->start && text[i - 1] == '.');
            kind = SW_TK_WORD;
            if (cc == SW_CC_UPPER) flags |= SW_TF_CAP;
            if (upper >= 2 && lower == 0) flags |= SW_TF_ALLCAPS;
            if (stop < end && text[stop] == '.') {
                int role = period_role(doc->pack, text, start, stop, stop, end, dotted);
                if (role) {
                    stop++;
                    if (role == 1) flags |= SW_TF_ABBREV;
                }
            }
            break;
        }
        case SW_CC_DIGIT:
            stop = scan_number(text, i, end);
            kind = SW_TK_NUM;
            break;
        case SW_CC_QUOTE: {
            stop = i + len;
            kind = SW_TK_QUOTE;
            int single = cp == '\'' || cp == 0x2019 || cp == 0x2018;
            if (!single) break;
            int nc = cc_at(text, stop, end, &cp2, &len2);
            if (is_apostrophe_cp(cp) && prev && !space) {
                /* right after a word or a bracket: 's 't 're 've 'll 'd 'm (Rocky['s], can['t]) */
                uint32_t sl = contraction_len(doc->pack, text, stop, end);
                if (sl) {
                    stop += sl;
                    kind = SW_TK_WORD;
                    break;
                }
            }
            if (is_apostrophe_cp(cp) && prev && !space &&
                (prev->kind == SW_TK_WORD || prev->kind == SW_TK_NUM)) {
                /* a possessive after an s-word */
                if (sw_pack_ends_with_folded(doc->pack, SW_LIST_PLURAL_ENDINGS, text + prev->start,
                                             prev->end - prev->start) >= 0 &&
                    nc == SW_CC_SPACE && !single_open) {
                    uint32_t q = stop;
                    while (q < end && text[q] == ' ') q++;
                    int after = cc_at(text, q, end, &cp2, &len2);
                    if (q > stop && (is_alnum_cc(after))) {
                        kind = SW_TK_PUNCT;
                        break;
                    }
                }
            }
            int before = sw_char_class_before(text, blk->start, i, &cp2);
            if (before == SW_CC_SPACE || before == SW_CC_OPEN || before == SW_CC_DASH) {
                /* '90s / ‘90s */
                if (cc_at(text, stop, end, &cp2, &len2) == SW_CC_DIGIT &&
                    cc_at(text, stop + 1, end, &cp2, &len2) == SW_CC_DIGIT) {
                    uint32_t cp3, len3;
                    int third = cc_at(text, stop + 2, end, &cp3, &len3);
                    if (third != SW_CC_DIGIT &&
                        (third == SW_CC_SPACE ||
                         sw_pack_starts_with(doc->pack, SW_LIST_PLURAL_ENDINGS, text + stop + 2, end - (stop + 2)) ||
                                                 third == SW_CC_PUNCT || third == SW_CC_PERIOD)) {
                        stop = scan_number(text, stop, end);
                        kind = SW_TK_NUM;
                        break;
                    }
                }
                /* after a left single quotation mark only a one-letter elision (’n’): ‘em would
                 * rather open a quotation */
                uint32_t el = elision_len(doc->pack, text, stop, end);
                if (cp != 0x2018 || el == 1) {
                    if (el == 1) {
                        /* 'n' / ’n’: the closing apostrophe belongs to the elision too */
                        uint32_t q = stop + 1;
                        int c3 = cc_at(text, q, end, &cp2, &len2);
                        if (c3 == SW_CC_QUOTE && is_apostrophe_cp(cp2)) {
                            stop = q + len2;
                            kind = SW_TK_WORD;
                            break;
                        }
                    } else if (el) {
                        stop += el;
                        kind = SW_TK_WORD;
                        break;
                    }
                }
            }
            int opens, closes;
            flanking(text, blk->start, i, len, end, &opens, &closes);
            if (cp == 0x2018 || (opens && !closes)) single_open = 1;
            else if (closes && !opens) single_open = 0;
            break;
        }
        case SW_CC_PERIOD:
        case SW_CC_TERM:
            if (cc == SW_CC_PERIOD && space &&
                cc_at(text, i + 1, end, &cp2, &len2) == SW_CC_DIGIT) {
                stop = scan_number(text, i + 1, end); /* .5 */
                kind = SW_TK_NUM;
                break;
            }
            stop = i + len;
            while (stop < end) {
                int c2 = sw_char_class(text, stop, end, &cp2, &len2);
                if (c2 != SW_CC_PERIOD && c2 != SW_CC_TERM) break;
                stop += len2;
            }
            kind = SW_TK_PUNCT;
            break;
        case SW_CC_HYPHEN:
            stop = i + len;
            while (stop < end && text[stop] == '-') stop++;
            kind = SW_TK_PUNCT;
            break;
        case SW_CC_SYM:
            stop = i + len;
            kind = SW_TK_SYM;
            break;
        default:
            stop = i + len;
            kind = SW_TK_PUNCT;
            break;
        }
        const sw_tok *t = push(doc, &toks, &n, &cap, start, stop, bi, kind, flags);
        if (!t) return SW_ERR_NOMEM;
        /* the quotation stage visits the quotation marks only, the sentence splitter the tokens
         * that end in final punctuation only (a word of the fast path above never does) */
        if (kind == SW_TK_QUOTE && !list_token(doc, &doc->qmarks, &doc->n_qmarks, &tz->cap_qmarks, n - 1))
            return SW_ERR_NOMEM;
        unsigned char last = (unsigned char)text[stop - 1]; /* . ? ! or the last byte of … */
        if ((last == '.' || last == '?' || last == '!' || last == 0xA6) && sw_token_end_kind(text, t) &&
            !list_token(doc, &doc->stops, &doc->n_stops, &tz->cap_stops, n - 1))
            return SW_ERR_NOMEM;
        space = 0;
        i = stop;
    }
    if (n > first) toks[n - 1].flags |= SW_TF_SPACE_AFTER;
    doc->toks = toks;
    doc->n_toks = n;
    tz->cap = cap;
    blk->tok_end = n;
    return SW_OK;
}

/* Fills doc->toks from doc->blocks; each block's tok_start/tok_end delimit its tokens; lists the
 * quotation-mark candidates in doc->qmarks and the tokens that end in final punctuation in
 * doc->stops. Returns SW_OK or SW_ERR_NOMEM. */
sw_status sw_tokenize(sw_doc *doc)
{
    tokenizer tz = {doc, doc->text, 0, 0, 0};
    doc->toks = NULL;
    doc->n_toks = 0;
    doc->qmarks = doc->stops = NULL;
    doc->n_qmarks = doc->n_stops = 0;
    if (doc->n_blocks) {
        /* generous: untouched pages of a large allocation cost nothing, a regrowth copies */
        size_t guess = doc->len / 3 + 16;
        doc->toks = sw_arena_grow(&doc->arena, NULL, sizeof *doc->toks, 0, &tz.cap, guess);
        if (!doc->toks) return SW_ERR_NOMEM;
    }
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        sw_status st = tokenize_block(&tz, b);
        if (st != SW_OK) return st;
    }
    return SW_OK;
}
