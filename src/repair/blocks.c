/*
 * blocks.c -- splits the repaired text into blocks (non-empty lines) and says what each one is.
 *
 * A news page turned into text carries more than the article: the headline (sometimes twice, once
 * degraded into a URL-like slug), a date line, "Also read:" links with another article's headline,
 * "Advertisement", sub-headings. Later stages read a quotation's section from its block, so a
 * quoted phrase in a teaser or a heading is not taken for a statement of the body.
 *
 * The rules are general (they look at the shape of a line, and at the language pack's boilerplate
 * phrases and words of dates: boilerplate.txt, words_dateline.tsv), never at the words of a
 * particular article.
 */
#include <string.h>
#include "doc.h"
#include "fold.h"
#include "lang/pack.h"

#define KEY_MAX 512 /* a line longer than this (normalised) is never a title */

static int is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static int is_alpha(unsigned char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
static int is_digit(unsigned char c) { return (unsigned char)(c - '0') < 10; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

/* ---- splitting ---------------------------------------------------------------------------------- */

/* One block per non-empty line, trimmed of spaces; para_start when a blank line or the start of
 * the text comes before. */
static sw_status split_lines(sw_doc *doc)
{
    size_t cap = 0;
    const char *t = doc->text;
    uint32_t i = 0, n = doc->len;
    int blank_before = 1;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        uint32_t e = nl ? (uint32_t)(nl - t) : n;
        uint32_t s = i, f = e;
        while (s < f && is_space_byte(t[s])) s++;
        while (f > s && is_space_byte(t[f - 1])) f--;
        if (f > s) {
            if (doc->n_blocks + 1 > cap) {
                sw_iblock *b = sw_arena_grow(&doc->arena, doc->blocks, sizeof *b, doc->n_blocks, &cap,
                                             cap ? cap * 2 : 32);
                if (!b) return SW_ERR_NOMEM;
                doc->blocks = b;
            }
            sw_iblock *b = &doc->blocks[doc->n_blocks++];
            memset(b, 0, sizeof *b);
            b->start = s;
            b->end = f;
            b->kind = SW_BLOCK_PARAGRAPH;
            b->section = SW_SECTION_BODY;
            b->para_start = (uint8_t)blank_before;
            blank_before = 0;
        } else {
            blank_before = 1;
        }
        i = e + 1;
    }
    return SW_OK;
}

/* ---- line measures -------------------------------------------------------------------------- */

/* Length of the UTF-8 character at s (s < e). */
static uint32_t char_len(const unsigned char *s, const unsigned char *e)
{
    uint32_t l = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    return (uint32_t)(e - s) < l ? (uint32_t)(e - s) : l;
}

/* Is the character at s punctuation (ASCII punctuation, Latin-1 signs U+00A1..U+00BF, general
 * punctuation U+2010..U+205E)? */
static int is_punct_char(const unsigned char *s, uint32_t l)
{
    if (l == 1) return s[0] > ' ' && !is_alnum(s[0]) && s[0] != 0x7F;
    if (l == 2) return s[0] == 0xC2 && s[1] >= 0xA1;
    if (l == 3) return s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0x90) || (s[1] == 0x81 && s[2] < 0x9F));
    return 0;
}

/* The comparison key of a line: letters and digits, ASCII folded to lower case, other characters
 * (punctuation, spaces) dropped. Returns its length, or KEY_MAX + 1 when the line is too long. */
static size_t line_key(const char *text, uint32_t start, uint32_t end, unsigned char *key)
{
    const unsigned char *s = (const unsigned char *)text + start;
    const unsigned char *e = (const unsigned char *)text + end;
    size_t k = 0;
    if (end - start > 4 * KEY_MAX) return KEY_MAX + 1;
    while (s < e) {
        uint32_t l = char_len(s, e);
        if (l == 1) {
            if (is_alnum(*s)) key[k++] = sw_fold_byte(*s);
        } else if (!is_punct_char(s, l) && !(l == 2 && s[0] == 0xC2 && s[1] == 0xA0)) {
            for (uint32_t j = 0; j < l && k < KEY_MAX; j++) key[k++] = s[j];
        }
        if (k >= KEY_MAX) return KEY_MAX + 1;
        s += l;
    }
    return k;
}

/* Do two keys name the same headline? Equal, or one a truncation of the other (at least 20
 * characters and 80% of the longer). */
static int same_headline(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
    if (alen > KEY_MAX || blen > KEY_MAX || alen < 8 || blen < 8) return 0;
    if (alen == blen) return memcmp(a, b, alen) == 0;
    size_t m = alen < blen ? alen : blen, x = alen < blen ? blen : alen;
    return m >= 20 && m * 5 >= x * 4 && memcmp(a, b, m) == 0;
}

/* Can lines of byte lengths a and b be the same headline? (A cheap test before the keys: a slug
 * loses punctuation and debris, it does not double or halve.) */
static int lengths_close(uint32_t a, uint32_t b)
{
    return a <= 2 * b + 32 && b <= 2 * a + 32;
}

/* Punctuation characters in text[s, e). */
static unsigned punct_count(const char *text, uint32_t s, uint32_t e)
{
    const unsigned char *p = (const unsigned char *)text + s, *end = (const unsigned char *)text + e;
    unsigned c = 0;
    while (p < end) {
        uint32_t l = char_len(p, end);
        c += (unsigned)is_punct_char(p, l);
        p += l;
    }
    return c;
}

/* Entity debris the repair stage decoded inside repaired [s, e) (an edit whose original text
 * began with a letter or '#': a reference that had lost its '&'). */
static unsigned debris_count(const sw_doc *doc, uint32_t s, uint32_t e)
{
    uint32_t lo = 0, hi = doc->n_edits;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (doc->edits[mid].rep_end < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    unsigned c = 0;
    for (uint32_t i = lo; i < doc->n_edits && doc->edits[i].rep_start < e; i++) {
        unsigned char o = (unsigned char)doc->orig[doc->edits[i].orig_start];
        if (doc->edits[i].rep_start >= s && (is_alpha(o) || o == '#')) c++;
    }
    return c;
}

/* How degraded a headline line is: debris counts against it, punctuation (a colon, quotation
 * marks that survived) for it. Lower is cleaner. */
static int degradation(const sw_doc *doc, uint32_t s, uint32_t e)
{
    return 3 * (int)debris_count(doc, s, e) - (int)punct_count(doc->text, s, e);
}

/* Words (runs of non-space bytes) in text[s, e), counting at most `limit` + 1. */
static unsigned word_count(const char *text, uint32_t s, uint32_t e, unsigned limit)
{
    unsigned w = 0;
    int in_word = 0;
    for (uint32_t i = s; i < e && w <= limit; i++) {
        if (text[i] == ' ' || text[i] == '\t') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            w++;
        }
    }
    return w;
}

/* ---- date lines ----------------------------------------------------------------------------- */

/* The longest word of a date line, in bytes ("septiembre", "wednesday"). */
#define DATE_WORD_MAX 24

/* The length of the Latin letter (an ASCII letter, or a two-byte UTF-8 letter of Latin-1 or Latin
 * Extended-A: é, ü, ł) at text[i] (i < e), or 0. */
static uint32_t latin_letter_len(const char *text, uint32_t i, uint32_t e)
{
    unsigned char c = (unsigned char)text[i];
    if (is_alpha(c)) return 1;
    if (c >= 0xC3 && c <= 0xC5 && i + 1 < e && ((unsigned char)text[i + 1] & 0xC0) == 0x80 &&
        !(c == 0xC3 && ((unsigned char)text[i + 1] == 0x97 || (unsigned char)text[i + 1] == 0xB7)))
        return 2; /* not × or ÷ */
    return 0;
}

/* Is the line only a date (and perhaps a time)? "Friday, January 4, 2019", "4 January 2019",
 * "2019-01-04", "Jan. 4, 2019 10:32 a.m. ET", "Updated: 04/01/2019". */
static int is_dateline(const sw_pack *pack, const char *text, uint32_t s, uint32_t e)
{
    if (e - s > 80) return 0;
    int months = 0, numbers = 0, years = 0, words = 0;
    uint32_t i = s;
    while (i < e) {
        unsigned char c = (unsigned char)text[i];
        uint32_t ll = latin_letter_len(text, i, e);
        if (ll) {
            uint32_t w = i;
            while (i < e && (ll = latin_letter_len(text, i, e)) != 0) i += ll;
            if (i - w > DATE_WORD_MAX) return 0;
            /* the pack's words of dates: days and months (full and abbreviated) and what may stand
             * between them (at, the, gmt, updated) */
            const sw_lex_info *dw = sw_pack_segment_word_padded(pack, text + w, i - w);
            uint64_t cls = dw ? dw->classes : 0;
            if (cls & SW_LX_DATE_MONTH) months++;
            if (!(cls & (SW_LX_DATE_DAY | SW_LX_DATE_MONTH | SW_LX_DATE_GLUE))) return 0;
            words++;
        } else if (is_digit(c)) {
            uint32_t l = 0;
            unsigned v = 0;
            while (i < e && is_digit((unsigned char)text[i])) {
                v = v * 10 + (unsigned)(text[i] - '0');
                l++;
                i++;
            }
            if (l == 4 && v >= 1800 && v <= 2199)
                years++;
            else if (l > 2)
                return 0;
            numbers++;
        } else if (c == ' ' || c == ',' || c == '.' || c == ':' || c == '/' || c == '-' || c == '|' ||
                   c == '(' || c == ')' || c == '\t') {
            i++;
        } else if (c == 0xE2 && i + 2 < e && (unsigned char)text[i + 1] == 0x80 &&
                   ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94 ||
                    (unsigned char)text[i + 2] == 0xA2)) {
            i += 3; /* – — • */
        } else {
            return 0;
        }
    }
    if (words > 10) return 0;
    if (months) return numbers >= 1;
    return years >= 1 && numbers >= 3; /* 2019-01-04, 04/01/2019 */
}

/* ---- boilerplate -------------------------------------------------------------------------------- */

enum { BP_NONE = 0, BP_LINE, BP_INTRO, BP_INTRO_WITH_HEADLINE };

/* The index of the first boilerplate phrase of the pack (they are sorted) whose first byte is c or
 * after. */
static unsigned first_phrase_from(const sw_pack *pack, char c)
{
    unsigned lo = 0, hi = pack->n_boilerplate;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if ((unsigned char)pack->boilerplate[mid].phrase[0] < (unsigned char)c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The longest first word of a boilerplate phrase, in bytes, and the longest line prefix compared
 * with the phrases (a phrase has at most 60 bytes: tools/gen_pack.py). */
#define BP_FIRST_MAX 24
#define BP_NORM_MAX 72

/* Does the line match a boilerplate phrase of the pack? BP_LINE: a boilerplate line; BP_INTRO: a
 * teaser introducer alone ("Also read:"); BP_INTRO_WITH_HEADLINE: "Read more: <headline>". The
 * line is compared folded (fold.h), single-spaced, with typographic apostrophes as '. */
static int boilerplate_kind(const sw_pack *pack, const char *text, uint32_t s, uint32_t e)
{
    /* most lines are rejected by their first word, before any copying */
    char first[BP_FIRST_MAX];
    size_t fl = 0;
    for (uint32_t ll; s + fl < e && fl + 2 <= sizeof first &&
                      ((ll = latin_letter_len(text, s + (uint32_t)fl, e)) != 0 || text[s + fl] == '\'');) {
        if (!ll) ll = 1;
        memcpy(first + fl, text + s + fl, ll);
        fl += ll;
    }
    if (fl == 0 || fl + 2 > sizeof first) return BP_NONE;
    sw_fold(first, fl, first);
    {
        unsigned lo = first_phrase_from(pack, first[0]);
        int any = 0;
        for (unsigned p = lo; p < pack->n_boilerplate && pack->boilerplate[p].phrase[0] == first[0]; p++) {
            const sw_pack_phrase *bp = &pack->boilerplate[p];
            if (bp->len >= fl && memcmp(bp->phrase, first, fl) == 0 &&
                (bp->len == fl || bp->phrase[fl] == ' ' || bp->phrase[fl] == '\'')) {
                any = 1;
                break;
            }
        }
        if (!any) return BP_NONE;
    }

    char norm[BP_NORM_MAX];
    size_t k = 0;
    int space = 0;
    uint32_t i = s;
    /* single-spaced, typographic apostrophes as ' ; the first 70 bytes; folded below */
    while (i < e && k < sizeof norm - 2) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t') {
            space = 1;
            i++;
            continue;
        }
        if (space && k) norm[k++] = ' ';
        space = 0;
        if (c == 0xE2 && i + 2 < e && (unsigned char)text[i + 1] == 0x80 &&
            (unsigned char)text[i + 2] == 0x99) {
            norm[k++] = '\'';
            i += 3;
            continue;
        }
        norm[k++] = (char)c;
        i++;
    }
    sw_fold(norm, k, norm);
    int truncated = i < e;
    /* the line without final punctuation and spaces (for whole-line phrases) */
    size_t full = k;
    while (!truncated && full > 0 &&
           (norm[full - 1] == '.' || norm[full - 1] == ':' || norm[full - 1] == '!' ||
            norm[full - 1] == ' ' || norm[full - 1] == '|' || norm[full - 1] == '>'))
        full--;
    if (k == 0) return BP_NONE;
    /* the phrases are sorted: find those that begin with the line's first byte */
    unsigned lo = first_phrase_from(pack, norm[0]);
    for (unsigned p = lo; p < pack->n_boilerplate && pack->boilerplate[p].phrase[0] == norm[0]; p++) {
        const sw_pack_phrase *bp = &pack->boilerplate[p];
        if (bp->len > k || memcmp(norm, bp->phrase, bp->len) != 0) continue;
        switch (bp->how) {
        case SW_BP_LINE:
            if (!truncated && full == bp->len) return BP_LINE;
            break;
        case SW_BP_PREFIX:
            if ((bp->len == k || !is_alnum((unsigned char)norm[bp->len])) &&
                word_count(text, s, e, 20) <= 20)
                return BP_LINE;
            break;
        case SW_BP_TEASER: {
            if (!truncated && full == bp->len) return BP_INTRO;
            size_t j = bp->len;
            if (j < k && norm[j] == ' ') j++;
            if (j < k && (norm[j] == ':' || norm[j] == '|' || norm[j] == '>')) {
                j++;
                while (j < k && norm[j] == ' ') j++;
                if (j < k || truncated) return BP_INTRO_WITH_HEADLINE;
            }
            break;
        }
        }
    }
    return BP_NONE;
}

/* ---- headings ----------------------------------------------------------------------------------- */

/* Is the character that ends at text[e) a closing quotation mark? Returns its length or 0. */
static uint32_t closing_mark_before(const char *text, uint32_t s, uint32_t e)
{
    const unsigned char *t = (const unsigned char *)text;
    if (e > s && (t[e - 1] == '"' || t[e - 1] == '\'')) return 1;
    if (e >= s + 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 && (t[e - 1] == 0x9D || t[e - 1] == 0x99))
        return 3;
    if (e >= s + 2 && t[e - 2] == 0xC2 && t[e - 1] == 0xBB) return 2; /* » */
    return 0;
}

/* Does the line end a sentence (or run on: , ; :) at text[e)? */
static int ends_like_sentence(const char *text, uint32_t s, uint32_t e)
{
    const unsigned char *t = (const unsigned char *)text;
    uint32_t q = closing_mark_before(text, s, e);
    if (q) e -= q; /* “We control what happens” ends in a mark; “It failed.” in a period */
    if (e <= s) return 1;
    unsigned char c = t[e - 1];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') return 1;
    if (e >= s + 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 && t[e - 1] == 0xA6) return 1; /* … */
    return 0;
}

/* A sub-heading: a short line alone in its paragraph, between paragraphs, that does not end like a
 * sentence and begins with a capital, a digit or a quotation mark. `single`: the text has no blank
 * lines, so every line is a paragraph. */
static int is_heading(const sw_doc *doc, uint32_t k, int single)
{
    const sw_iblock *b = &doc->blocks[k];
    if (k == 0 || k + 1 >= doc->n_blocks) return 0;
    if (!single && (!b->para_start || !doc->blocks[k + 1].para_start)) return 0;
    if (b->end - b->start > 120) return 0;
    unsigned w = word_count(doc->text, b->start, b->end, 12);
    if (w == 0 || w >= 12) return 0;
    const unsigned char *t = (const unsigned char *)doc->text + b->start;
    if (t[0] < 0x80) {
        if (!(t[0] >= 'A' && t[0] <= 'Z') && !is_digit(t[0]) && t[0] != '"' && t[0] != '\'') return 0;
    } else if (t[0] == 0xE2) {
        /* “ ‘ „ ‹ */
        if (!(t[1] == 0x80 && (t[2] == 0x9C || t[2] == 0x98 || t[2] == 0x9E || t[2] == 0xB9))) return 0;
    } else if (!(t[0] == 0xC2 && t[1] == 0xAB) && !(t[0] >= 0xC3 && t[0] < 0xE0)) {
        return 0; /* « or a letter outside ASCII */
    }
    if (ends_like_sentence(doc->text, b->start, b->end)) return 0;
    /* a sentence whose full stop is missing after a closing quotation (He called it “a disgrace”)
     * has several words before the quotation; a heading has few (“No deal” for now) or a colon
     * (Harbour master Jane Doe: “No deal”) */
    if (closing_mark_before(doc->text, b->start, b->end)) {
        uint32_t i = b->start;
        while (i < b->end && doc->text[i] != '"' &&
               !((unsigned char)doc->text[i] == 0xE2 && i + 2 < b->end &&
                 (unsigned char)doc->text[i + 1] == 0x80 && (unsigned char)doc->text[i + 2] == 0x9C) &&
               !((unsigned char)doc->text[i] == 0xC2 && (unsigned char)doc->text[i + 1] == 0xAB))
            i++;
        uint32_t k = i;
        while (k > b->start && doc->text[k - 1] == ' ') k--;
        if (k > b->start && doc->text[k - 1] != ':' && word_count(doc->text, b->start, i, 3) >= 3)
            return 0;
    }
    return 1;
}

/* ---- titles ------------------------------------------------------------------------------------- */

static void set_block(sw_iblock *b, int kind, int section)
{
    b->kind = (uint8_t)kind;
    b->section = (uint8_t)section;
}

/* Plain-text article: the first paragraph's lines are the title; following lines that repeat one
 * of them are titles too. Of a set of repeats the cleanest is the TITLE, the others SLUG lines.
 * Returns the index of the block after the title lines and sets *clean to the clean headline. */
static uint32_t mark_title_lines(sw_doc *doc, int single, int *clean)
{
    uint32_t g = 1; /* a text without blank lines: only its first line */
    while (!single && g < doc->n_blocks && !doc->blocks[g].para_start) g++;
    for (uint32_t k = 0; k < g; k++) set_block(&doc->blocks[k], SW_BLOCK_TITLE, SW_SECTION_TITLE);
    *clean = 0;

    unsigned char key0[KEY_MAX + 1], key[KEY_MAX + 1];
    uint32_t end = g;
    int best = 0;
    int best_score = degradation(doc, doc->blocks[0].start, doc->blocks[0].end);
    size_t len0 = line_key(doc->text, doc->blocks[0].start, doc->blocks[0].end, key0);
    /* repeats of the first title line, right after the title paragraph */
    uint32_t len_first = doc->blocks[0].end - doc->blocks[0].start;
    while (end < doc->n_blocks && end < g + 3) {
        const sw_iblock *b = &doc->blocks[end];
        if (!lengths_close(len_first, b->end - b->start)) break;
        size_t len = line_key(doc->text, b->start, b->end, key);
        if (!same_headline(key0, len0, key, len)) break;
        set_block(&doc->blocks[end], SW_BLOCK_TITLE, SW_SECTION_TITLE);
        int sc = degradation(doc, doc->blocks[end].start, doc->blocks[end].end);
        if (sc < best_score) {
            best_score = sc;
            best = (int)end;
        }
        end++;
    }
    if (end > g) {
        /* the first line and its repeats: the cleanest stays TITLE */
        for (uint32_t k = 0; k < end; k++) {
            if (k != 0 && k < g) continue;
            if ((int)k != best) set_block(&doc->blocks[k], SW_BLOCK_SLUG, SW_SECTION_TITLE);
        }
    }
    *clean = best;
    return end;
}

/* JSON article with a title: leading lines of the text that repeat it (after a date line, say). */
static uint32_t mark_title_repeats(sw_doc *doc)
{
    unsigned char tkey[KEY_MAX + 1], key[KEY_MAX + 1];
    size_t tlen = line_key(doc->title_in, 0, doc->title_in_len, tkey);
    int tscore = -(int)punct_count(doc->title_in, 0, doc->title_in_len);

    uint32_t k = 0, last = 0;
    while (k < doc->n_blocks && k < 3) {
        sw_iblock *b = &doc->blocks[k];
        size_t len = lengths_close(doc->title_in_len, b->end - b->start)
                         ? line_key(doc->text, b->start, b->end, key)
                         : KEY_MAX + 1;
        if (same_headline(tkey, tlen, key, len)) {
            int sc = degradation(doc, b->start, b->end);
            set_block(b, sc > tscore ? SW_BLOCK_SLUG : SW_BLOCK_TITLE, SW_SECTION_TITLE);
            last = k + 1;
        } else if (is_dateline(doc->pack, doc->text, b->start, b->end)) {
            set_block(b, SW_BLOCK_DATELINE, SW_SECTION_BODY);
        } else {
            break;
        }
        k++;
    }
    return last;
}

/* An article given without a title whose first two lines repeat one headline (a scraper's slug
 * line and the headline): those lines are its title, as in a plain-text article. */
static int starts_with_repeated_headline(const sw_doc *doc)
{
    if (doc->n_blocks < 3) return 0;
    unsigned char key0[KEY_MAX + 1], key1[KEY_MAX + 1];
    const sw_iblock *b0 = &doc->blocks[0], *b1 = &doc->blocks[1];
    if (!lengths_close(b0->end - b0->start, b1->end - b1->start)) return 0;
    size_t len0 = line_key(doc->text, b0->start, b0->end, key0);
    size_t len1 = line_key(doc->text, b1->start, b1->end, key1);
    return same_headline(key0, len0, key1, len1);
}

/* ---- the stage ---------------------------------------------------------------------------------- */

sw_status sw_find_blocks(sw_doc *doc)
{
    doc->blocks = NULL;
    doc->n_blocks = 0;
    doc->title = doc->title_in ? doc->title_in : "";
    sw_status st = split_lines(doc);
    if (st != SW_OK) return st;
    if (doc->n_blocks == 0) return SW_OK;

    /* a text without blank lines (one paragraph a line) */
    int single = 1;
    for (uint32_t k = 1; k < doc->n_blocks && single; k++)
        if (doc->blocks[k].para_start) single = 0;

    uint32_t first = 0;
    if (doc->title_lines || (doc->title_in_len == 0 && starts_with_repeated_headline(doc))) {
        int clean = 0;
        first = mark_title_lines(doc, single, &clean);
        if (!doc->title_in || !doc->title_in[0]) {
            const sw_iblock *b = &doc->blocks[clean];
            char *t = sw_arena_strndup(&doc->arena, doc->text + b->start, b->end - b->start);
            if (!t) return SW_ERR_NOMEM;
            doc->title = t;
        }
    } else if (doc->title_in_len > 0) {
        first = mark_title_repeats(doc);
    }

    /* After an introducer alone ("Also read:"): the next lines of its paragraph (at most three,
     * each of headline length) are teasers; in a text without blank lines, the next line; when the
     * introducer ends its paragraph, a short next paragraph that does not end like a sentence. */
    int teaser_lines = 0;     /* teaser lines still allowed in the introducer's paragraph */
    int teaser_next_para = 0;
    for (uint32_t k = first; k < doc->n_blocks; k++) {
        sw_iblock *b = &doc->blocks[k];
        if (b->kind != SW_BLOCK_PARAGRAPH) continue;
        int after_intro = teaser_lines > 0 && !b->para_start &&
                          word_count(doc->text, b->start, b->end, 40) <= (single ? 30u : 40u);
        int next_para_teaser = teaser_next_para && b->para_start;
        teaser_lines = after_intro ? teaser_lines - 1 : 0;
        teaser_next_para = 0;
        int bp = boilerplate_kind(doc->pack, doc->text, b->start, b->end);
        if (bp == BP_INTRO) {
            set_block(b, SW_BLOCK_BOILERPLATE, SW_SECTION_BOILERPLATE);
            teaser_lines = single ? 1 : 3;
            teaser_next_para = k + 1 < doc->n_blocks && doc->blocks[k + 1].para_start;
            continue;
        }
        if (after_intro) {
            set_block(b, SW_BLOCK_TEASER, SW_SECTION_BOILERPLATE);
            continue;
        }
        if (bp == BP_INTRO_WITH_HEADLINE) {
            set_block(b, SW_BLOCK_TEASER, SW_SECTION_BOILERPLATE);
            continue;
        }
        if (bp == BP_LINE) {
            set_block(b, SW_BLOCK_BOILERPLATE, SW_SECTION_BOILERPLATE);
            continue;
        }
        if (next_para_teaser && (k + 1 >= doc->n_blocks || doc->blocks[k + 1].para_start) &&
            word_count(doc->text, b->start, b->end, 25) <= 25 &&
            !ends_like_sentence(doc->text, b->start, b->end)) {
            set_block(b, SW_BLOCK_TEASER, SW_SECTION_BOILERPLATE);
            continue;
        }
        if (is_dateline(doc->pack, doc->text, b->start, b->end)) {
            set_block(b, SW_BLOCK_DATELINE, SW_SECTION_BODY);
            continue;
        }
        if (is_heading(doc, k, single)) set_block(b, SW_BLOCK_HEADING, SW_SECTION_HEADING);
    }
    return SW_OK;
}
