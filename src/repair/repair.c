/*
 * repair.c -- the repair stage: turns the text as given into the text the later stages read.
 *
 * Repairs (each one an sw_edit, so every repaired offset maps back to the original bytes):
 *  - HTML character references: named (the full HTML5 list), decimal and hexadecimal, with the
 *    browser rules for &#128;..&#159; (Windows-1252) and a double escape (&amp;quot;) as one edit;
 *  - entity debris: a reference that lost its '&' and ';' (quotfailedquot, Russiarsquos, ATampT),
 *    recognised by rules that keep real words (quota, quotation, camp, example, apostle) intact;
 *  - mojibake: UTF-8 text that was decoded as Windows-1252 and encoded again (â€œ -> “, Ã© -> é),
 *    and Windows-1252 text read as Latin-1 (the C1 control U+0093 -> “);
 *  - spaces: no-break and other odd spaces become ' ', zero-width characters and the BOM go.
 * Newlines are never touched: blocks are lines.
 *
 * One pass over the bytes. Most bytes cannot start a repair; a 256-entry class table lets the scan
 * step over them. The output is built lazily: until the first repair nothing is copied, and a text
 * that needs none is not copied at all (doc->text points at doc->orig).
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "doc.h"
#include "repair_tables.h"

/* ---- byte classes ------------------------------------------------------------------------- */

enum {
    CL_NONE = 0,
    CL_AMP,     /* '&': a character reference */
    CL_HASH,    /* '#': debris of a numeric reference (Russia#039s) */
    CL_C2,      /* U+0080..U+00BF: no-break space, soft hyphen */
    CL_C3,      /* U+00C0..U+00FF: the first character of mojibake */
    CL_E2,      /* U+2000..U+2FFF: odd spaces, zero-width characters */
    CL_EF,      /* U+F000..U+FFFF: the BOM */
    CL_Q,       /* 'q': debris of quot, lsquo, rdquo, laquo ... */
    CL_P,       /* 'p': debris of amp, apos, nbsp, hellip */
    CL_H        /* 'h': debris of ndash, mdash */
};

static const uint8_t byte_class[256] = {
    ['&'] = CL_AMP, ['#'] = CL_HASH, [0xC2] = CL_C2, [0xC3] = CL_C3, [0xE2] = CL_E2,
    [0xEF] = CL_EF, ['q'] = CL_Q, ['p'] = CL_P, ['h'] = CL_H,
};

/* The fast path's filter. Most bytes of a text cannot start a repair, and the letters 'h' and
 * 'p' (common in English) can only when the letter before them fits (the 's' of "dash"; the 'm',
 * 'a', 's' or 'i' of amp, apos, nbsp, hellip), so a byte is worth a look when
 *     stop_cur[byte] & (STOP_ALWAYS | stop_prev[byte before])
 * is non-zero. Every byte that the stage's switch acts on passes this test; stopping at
 * every 'h' and 'p' instead cost a mispredicted branch every dozen bytes. */
enum { STOP_H = 1, STOP_P = 2, STOP_ALWAYS = 4 };
static const uint8_t stop_cur[256] = {
    ['&'] = STOP_ALWAYS, ['#'] = STOP_ALWAYS, [0xC2] = STOP_ALWAYS, [0xC3] = STOP_ALWAYS,
    [0xE2] = STOP_ALWAYS, [0xEF] = STOP_ALWAYS, ['q'] = STOP_ALWAYS, ['h'] = STOP_H, ['p'] = STOP_P,
};
static const uint8_t stop_prev[256] = {
    ['s'] = STOP_H | STOP_P, ['m'] = STOP_P, ['a'] = STOP_P, ['i'] = STOP_P,
};

/* Whether in[i] passes the filter above. */
static int may_start(const unsigned char *in, uint32_t i)
{
    unsigned c = stop_cur[in[i]];
    return (c & STOP_ALWAYS) || (i > 0 && (c & stop_prev[in[i - 1]]));
}

static int is_alpha(unsigned char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
static int is_upper(unsigned char c) { return (unsigned char)(c - 'A') < 26; }
static int is_digit(unsigned char c) { return (unsigned char)(c - '0') < 10; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

/* ---- the output being built ----------------------------------------------------------------- */

typedef struct repairer {
    sw_doc *doc;
    const unsigned char *in;
    uint32_t n;
    char *out;          /* NULL until the first edit */
    size_t out_len, out_cap;
    uint32_t copied;    /* input bytes [0, copied) are accounted for in out */
    size_t edit_cap;
    int nomem;
} repairer;

/* Replaces input [a, b) by repl[0..rlen): copies the untouched bytes before a, appends repl and
 * records the edit. Returns 1 on success, 0 when the edit cannot be made (out of memory, which is
 * remembered in r->nomem, or a repaired text that would outgrow 32-bit offsets). */
static int emit(repairer *r, uint32_t a, uint32_t b, const char *repl, size_t rlen)
{
    size_t gap = a - r->copied;
    size_t need = r->out_len + gap + rlen;
    if (need + (r->n - b) > SW_MAX_ARTICLE) return 0;
    if (need + 1 > r->out_cap) {
        size_t want = r->out_cap ? r->out_cap * 2 : (size_t)r->n + r->n / 16 + 64;
        if (want < need + 1) want = need + 1;
        size_t cap = r->out_cap;
        char *p = sw_arena_grow(&r->doc->arena, r->out, 1, r->out_len, &cap, want);
        if (!p) {
            r->nomem = 1;
            return 0;
        }
        r->out = p;
        r->out_cap = cap;
    }
    uint32_t ne = r->doc->n_edits;
    if (ne + 1 > r->edit_cap) {
        sw_edit *e = sw_arena_grow(&r->doc->arena, r->doc->edits, sizeof *e, ne, &r->edit_cap,
                                   r->edit_cap ? r->edit_cap * 2 : 64);
        if (!e) {
            r->nomem = 1;
            return 0;
        }
        r->doc->edits = e;
    }
    memcpy(r->out + r->out_len, r->in + r->copied, gap);
    r->out_len += gap;
    sw_edit *e = &r->doc->edits[r->doc->n_edits++];
    e->rep_start = (uint32_t)r->out_len;
    e->orig_start = a;
    e->orig_end = b;
    memcpy(r->out + r->out_len, repl, rlen);
    r->out_len += rlen;
    e->rep_end = (uint32_t)r->out_len;
    r->copied = b;
    return 1;
}

/* ---- code points ------------------------------------------------------------------------------ */

static size_t utf8_put(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes one UTF-8 character at s[0..avail) (the input is valid UTF-8); returns its length. */
static size_t utf8_get(const unsigned char *s, size_t avail, uint32_t *cp)
{
    if (s[0] < 0x80 || avail < 2) {
        *cp = s[0];
        return 1;
    }
    if (s[0] < 0xE0) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (s[0] < 0xF0) {
        if (avail < 3) return *cp = s[0], 1;
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (avail < 4) return *cp = s[0], 1;
    *cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

/* What a space-like code point becomes: 1 = a plain space, 2 = nothing (zero width), 0 = itself. */
static int space_kind(uint32_t cp)
{
    if (cp == 0xA0 || cp == 0x202F || cp == 0x205F || (cp >= 0x2000 && cp <= 0x200A)) return 1;
    if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) return 2;
    return 0;
}

/* The repaired UTF-8 text of a decoded code point (spaces normalised); returns its length, which
 * is 0 for a zero-width character. */
static size_t repaired_cp(uint32_t cp, char *o)
{
    int k = space_kind(cp);
    if (k == 1 || cp < 0x20 || cp == 0x7F) { /* &#10; is no new line: blocks are the lines given */
        o[0] = ' ';
        return 1;
    }
    if (k == 2) return 0;
    return utf8_put(cp, o);
}

/* Replaces [a, b) by the repaired form of the UTF-8 text v[0..vlen) (one or two code points). */
static int emit_value(repairer *r, uint32_t a, uint32_t b, const char *v, size_t vlen)
{
    char buf[16];
    size_t o = 0, i = 0;
    while (i < vlen && o + 4 <= sizeof buf) {
        uint32_t cp;
        i += utf8_get((const unsigned char *)v + i, vlen - i, &cp);
        o += repaired_cp(cp, buf + o);
    }
    return emit(r, a, b, buf, o);
}

/* ---- HTML character references ---------------------------------------------------------------- */

static int name_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t m = alen < blen ? alen : blen;
    int c = memcmp(a, b, m);
    if (c) return c;
    return alen < blen ? -1 : alen > blen;
}

/* The entity named s[0..len) (with its ';' if it has one), or NULL. Binary search. */
static const sw_html_entity *entity_lookup(const char *s, size_t len)
{
    unsigned lo = 0, hi = sw_html_entity_count;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        const sw_html_entity *e = &sw_html_entities[mid];
        int c = name_cmp(e->name, e->name_len, s, len);
        if (c == 0) return e;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Debris names: entities seen in scraped text without their '&' and ';'. Ambiguous ones (they
 * occur inside English words) carry a rule; the others are letter sequences no English word has. */
enum { DEB_PLAIN = 0, DEB_QUOT, DEB_APOS, DEB_AMP };
typedef struct debris_name {
    const char *name;
    uint8_t len;
    uint8_t rule;
    uint8_t anchor; /* index of the byte the scan stops at ('q', 'p' or 'h') */
} debris_name;

static const debris_name debris_names[] = {
    {"quot", 4, DEB_QUOT, 0},    {"lsquo", 5, DEB_PLAIN, 2}, {"rsquo", 5, DEB_PLAIN, 2},
    {"ldquo", 5, DEB_PLAIN, 2},  {"rdquo", 5, DEB_PLAIN, 2}, {"sbquo", 5, DEB_PLAIN, 2},
    {"bdquo", 5, DEB_PLAIN, 2},  {"laquo", 5, DEB_PLAIN, 2}, {"raquo", 5, DEB_PLAIN, 2},
    {"lsaquo", 6, DEB_PLAIN, 3}, {"rsaquo", 6, DEB_PLAIN, 3}, {"amp", 3, DEB_AMP, 2},
    {"apos", 4, DEB_APOS, 1},    {"nbsp", 4, DEB_PLAIN, 3},  {"hellip", 6, DEB_PLAIN, 5},
    {"ndash", 5, DEB_PLAIN, 4},  {"mdash", 5, DEB_PLAIN, 4},
};
#define N_DEBRIS (sizeof debris_names / sizeof debris_names[0])

/* The debris name that s[0..avail) begins with, or NULL. */
static const debris_name *debris_prefix(const unsigned char *s, size_t avail)
{
    for (size_t k = 0; k < N_DEBRIS; k++) {
        const debris_name *d = &debris_names[k];
        if (d->len <= avail && memcmp(s, d->name, d->len) == 0) return d;
    }
    return NULL;
}

/* The value of a debris name (from the entity table). */
static const sw_html_entity *debris_value(const debris_name *d)
{
    char key[8];
    memcpy(key, d->name, d->len);
    key[d->len] = ';';
    return entity_lookup(key, (size_t)d->len + 1);
}

/* Maps a numeric reference's code point the way browsers do; 0 when it is not a character. */
static uint32_t numeric_cp(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0x9F) return sw_cp1252_high[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return cp;
}

/* Parses a numeric reference "&#...;" (has_amp) or "#..." at in[i]. On success sets *cp and *end
 * (after the ';' when there is one) and returns 1. With its '&' but without ';', a reference
 * counts only when no letter or digit follows. */
static int parse_numeric(const repairer *r, uint32_t i, int has_amp, uint32_t *cp, uint32_t *end)
{
    const unsigned char *in = r->in;
    uint32_t j = i + (has_amp ? 2 : 1), n = r->n;
    int hex = 0;
    if (j < n && (in[j] | 0x20) == 'x') {
        hex = 1;
        j++;
    }
    uint32_t v = 0, digits = 0;
    while (j < n && digits < 8) {
        unsigned c = in[j];
        unsigned d;
        if (is_digit((unsigned char)c))
            d = c - '0';
        else if (hex && (unsigned char)((c | 0x20) - 'a') < 6)
            d = (c | 0x20) - 'a' + 10;
        else
            break;
        v = v * (hex ? 16 : 10) + d;
        digits++;
        j++;
    }
    if (digits == 0 || digits == 8) return 0;
    if (j < n && in[j] == ';')
        j++;
    else if (j < n && is_alnum(in[j]) && has_amp)
        return 0;
    *cp = numeric_cp(v);
    *end = j;
    return *cp != 0;
}

static int debris_ok(const repairer *r, const struct debris_name *d, uint32_t a, uint32_t b,
                     uint32_t ws, uint32_t we);

/* '&' at in[i]: a named or numeric character reference. */
static int try_reference(repairer *r, uint32_t i)
{
    const unsigned char *in = r->in;
    uint32_t n = r->n;
    if (i + 1 >= n) return 0;
    if (in[i + 1] == '#') {
        uint32_t cp, end;
        if (!parse_numeric(r, i, 1, &cp, &end)) return 0;
        char buf[4];
        return emit(r, i, end, buf, repaired_cp(cp, buf));
    }
    uint32_t j = i + 1;
    while (j < n && j - i <= 32 && is_alnum(in[j])) j++;
    if (j == i + 1 || j - i > 32) return 0;
    const sw_html_entity *e = NULL;
    uint32_t end = j;
    if (j < n && in[j] == ';') {
        e = entity_lookup((const char *)in + i + 1, j + 1 - (i + 1));
        end = j + 1;
    }
    if (!e && !(j < n && in[j] == '=')) {
        /* legacy names the HTML5 list has without ';' (&amp &lt &copy), when nothing follows */
        e = entity_lookup((const char *)in + i + 1, j - (i + 1));
        end = j;
    }
    if (!e) {
        /* a debris name glued to the next word: &rsquos, &quotHello */
        const debris_name *d = debris_prefix(in + i + 1, j - (i + 1));
        /* the same rules as for debris at the start of a word: &quotYes, not &quote=1 or &ampere */
        if (!d || !debris_ok(r, d, i + 1, i + 1 + d->len, i + 1, j)) return 0;
        e = debris_value(d);
        end = i + 1 + d->len;
    }
    if (!e) return 0;
    /* a double escape: &amp;quot; is a quotation mark, &amp;#8217; an apostrophe */
    if (e->value_len == 1 && e->value[0] == '&' && end < n && (in[end] == '#' || is_alpha(in[end]))) {
        uint32_t j2 = end, cp;
        if (in[j2] == '#' && parse_numeric(r, j2, 0, &cp, &j2) && j2 > end && in[j2 - 1] == ';') {
            char buf[4];
            return emit(r, i, j2, buf, repaired_cp(cp, buf));
        }
        j2 = end;
        while (j2 < n && j2 - end <= 32 && is_alnum(in[j2])) j2++;
        if (j2 < n && in[j2] == ';' && j2 > end) {
            const sw_html_entity *e2 = entity_lookup((const char *)in + end, j2 + 1 - end);
            if (e2) return emit_value(r, i, j2 + 1, e2->value, e2->value_len);
        }
    }
    return emit_value(r, i, end, e->value, e->value_len);
}

/* ---- entity debris ---------------------------------------------------------------------------- */

/* Is the debris name d, found at in[a..b), really debris? ws/we: the run of letters and digits
 * around it. The rules keep English words: quota, quotation, quote, aliquot; camp, ample, example;
 * apostle, capos. */
static int debris_ok(const repairer *r, const struct debris_name *d, uint32_t a, uint32_t b,
                     uint32_t ws, uint32_t we)
{
    const unsigned char *in = r->in;
    uint32_t before = a - ws, after = we - b;
    unsigned char next = after ? in[b] : 0;
    switch (d->rule) {
    case DEB_PLAIN:
        return 1;
    case DEB_QUOT:
        if (after && (is_upper(next) || is_digit(next))) return 1;  /* quotThere, saidquotWe */
        if (!after) {
            if (before == 0) return 1;                                /* a lone "quot" */
            return !(before >= 3 && memcmp(in + a - 3, "ali", 3) == 0); /* failedquot, not aliquot */
        }
        if (before == 0) {
            /* quotfailedquot: a word wrapped in debris */
            if (after >= 5 && memcmp(in + we - 4, "quot", 4) == 0) return 1;
            /* quota, quote, quoting, quotient, quoth are words; quotthe, quotfailed are not */
            return next != 'a' && next != 'e' && next != 'i' && next != 'h';
        }
        return 0;
    case DEB_APOS:
        if (before == 0) return after == 0 || is_upper(next);         /* a lone apos, aposThe */
        if (after == 0)                                               /* Jamesapos, aposHiapos */
            return (before >= 3 && in[a - 1] == 's') ||
                   (before >= 5 && memcmp(in + a - before, "apos", 4) == 0);
        {
            /* don't, Russia's, we'll, they're, I've, he'd, I'm: the rest of the word is a clitic */
            const unsigned char *t = in + b;
            if (after == 1) return *t == 's' || *t == 't' || *t == 'd' || *t == 'm';
            if (after == 2)
                return (t[0] == 'l' && t[1] == 'l') || (t[0] == 'r' && t[1] == 'e') ||
                       (t[0] == 'v' && t[1] == 'e');
            return 0;
        }
    case DEB_AMP:
        /* ATampT, SampP: between capitals */
        if (before && after) return is_upper(in[a - 1]) && is_upper(next);
        if (before || after) return 0;
        /* a lone amp between capitalised words: Johnson amp Johnson, Q amp A */
        if (a < 2 || b + 1 >= r->n || in[a - 1] != ' ' || in[b] != ' ') return 0;
        if (!is_upper(in[b + 1]) || !is_alnum(in[a - 2])) return 0;
        {
            uint32_t k = a - 2;
            while (k > 0 && is_alnum(in[k - 1])) k--;
            return is_upper(in[k]);
        }
    }
    return 0;
}

/* A lower-case letter at in[i] that may end or sit inside a debris name (the scan anchors on 'q',
 * 'p' and 'h'). Tries every debris name with that anchor letter. */
static int try_debris(repairer *r, uint32_t i)
{
    const unsigned char *in = r->in;
    for (size_t k = 0; k < N_DEBRIS; k++) {
        const debris_name *d = &debris_names[k];
        if (d->name[d->anchor] != in[i] || i < d->anchor) continue;
        uint32_t a = i - d->anchor, b = a + d->len;
        if (a < r->copied || b > r->n || in[a] != (unsigned char)d->name[0] ||
            memcmp(in + a, d->name, d->len) != 0)
            continue;
        if (a > 0 && (in[a - 1] == '&' || in[a - 1] == '/' || in[a - 1] == '.')) continue;
        uint32_t ws = a, we = b;
        while (ws > 0 && a - ws < 64 && is_alnum(in[ws - 1])) ws--;
        while (we < r->n && we - b < 64 && is_alnum(in[we])) we++;
        /* debris right after debris: ampquot (from &amp;quot;) is one quotation mark */
        if (d->rule == DEB_AMP && we > b) {
            const debris_name *d2 = debris_prefix(in + b, we - b);
            if (d2 && d2->rule != DEB_AMP) {
                const sw_html_entity *v2 = debris_value(d2);
                if (v2) return emit_value(r, a, b + d2->len, v2->value, v2->value_len);
            }
        }
        if (!debris_ok(r, d, a, b, ws, we)) continue;
        const sw_html_entity *v = debris_value(d);
        if (v) return emit_value(r, a, b, v->value, v->value_len);
    }
    return 0;
}

/* '#' at in[i]: a numeric reference without its '&' glued to a word (Russia#039s, #8220Hello),
 * decoded only when it is punctuation (quotation marks, apostrophes, dashes, ellipsis). */
static int try_hash(repairer *r, uint32_t i)
{
    const unsigned char *in = r->in;
    uint32_t cp, end;
    if (i + 3 >= r->n || !is_digit(in[i + 1])) return 0;
    if (!parse_numeric(r, i, 0, &cp, &end)) return 0;
    if (!(cp == '"' || cp == '\'' || cp == '&' || (cp >= 0x2013 && cp <= 0x2014) ||
          (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 || cp == 0xA0))
        return 0;
    int glued = (i > 0 && is_alpha(in[i - 1])) || (end < r->n && is_alpha(in[end]));
    if (!glued || end - i < 3) return 0;
    char buf[4];
    return emit(r, i, end, buf, repaired_cp(cp, buf));
}

/* ---- mojibake and spaces ---------------------------------------------------------------------- */

/* The Windows-1252 byte (0x80..0xBF) whose character is cp, or 0. */
static unsigned cp1252_byte(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xBF) return cp; /* C1 controls (lenient decoders) and U+00A0..U+00BF */
    unsigned lo = 0, hi = sw_cp1252_reverse_count;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (sw_cp1252_reverse[mid].cp == cp) return sw_cp1252_reverse[mid].byte;
        if (sw_cp1252_reverse[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* U+00C2..U+00F4 at in[i] (bytes C3 82..C3 B4): the first character of a UTF-8 sequence that was
 * read as Windows-1252. The following characters must be the Windows-1252 readings of
 * continuation bytes, and the bytes together a well-formed UTF-8 character. */
static int try_mojibake(repairer *r, uint32_t i)
{
    const unsigned char *in = r->in;
    uint32_t n = r->n;
    if (i + 1 >= n) return 0;
    unsigned lead = 0xC0 + (in[i + 1] - 0x80);
    if (lead < 0xC2 || lead > 0xF4) return 0;
    unsigned need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    unsigned char seq[4];
    seq[0] = (unsigned char)lead;
    uint32_t j = i + 2;
    unsigned got = 0;
    int punct_cont = 0;
    while (got < need && j < n) {
        uint32_t cp;
        size_t l = utf8_get(in + j, n - j, &cp);
        unsigned byte = cp1252_byte(cp);
        if (!byte) break;
        if (cp >= 0x2000) punct_cont = 1;
        seq[1 + got++] = (unsigned char)byte;
        j += (uint32_t)l;
    }
    if (got < need) {
        /* â€ without its last character: the 0x9D of ” is undefined in Windows-1252 and often
         * dropped, so a lone "â€" stands for ” */
        if (lead == 0xE2 && got == 1 && seq[1] == 0x80) return emit(r, i, j, "\xe2\x80\x9d", 3);
        /* Â before a space: the remains of a no-break space */
        if (lead == 0xC2 && got == 0 && j < n && in[j] == ' ') return emit(r, i, j, "", 0);
        return 0;
    }
    /* a capital such as É or Ö right before a quotation mark or dash (“JOSÉ”) is far likelier than
     * a mojibake letter outside Latin-1, unless more mojibake follows */
    if (need == 1 && lead >= 0xC4 && punct_cont && !(j + 1 < n && in[j] == 0xC3)) return 0;
    /* well-formed: no overlong forms, no surrogates, nothing above U+10FFFF */
    if (lead == 0xE0 && seq[1] < 0xA0) return 0;
    if (lead == 0xED && seq[1] >= 0xA0) return 0;
    if (lead == 0xF0 && seq[1] < 0x90) return 0;
    if (lead == 0xF4 && seq[1] >= 0x90) return 0;
    return emit_value(r, i, j, (const char *)seq, need + 1);
}

/* A space-like character at in[i] (its lead byte C2, E2 or EF), or a C1 control U+0080..U+009F:
 * a Windows-1252 byte read as Latin-1 (U+0093 for “), which becomes its Windows-1252 character. */
static int try_space(repairer *r, uint32_t i)
{
    uint32_t cp;
    size_t l = utf8_get(r->in + i, r->n - i, &cp);
    if (cp >= 0x80 && cp <= 0x9F) {
        uint32_t w = sw_cp1252_high[cp - 0x80];
        char buf[4];
        return w != cp && emit(r, i, i + (uint32_t)l, buf, utf8_put(w, buf));
    }
    int k = space_kind(cp);
    if (k == 1) return emit(r, i, i + (uint32_t)l, " ", 1);
    if (k == 2) return emit(r, i, i + (uint32_t)l, "", 0);
    return 0;
}

/* ---- the stage ---------------------------------------------------------------------------------- */

sw_status sw_repair(sw_doc *doc)
{
    repairer r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.in = (const unsigned char *)doc->orig;
    r.n = doc->orig_len;
    doc->edits = NULL;
    doc->n_edits = 0;

    const unsigned char *in = r.in;
    uint32_t i = 0, n = r.n;
    while (i < n) {
        /* the fast path: step over bytes that cannot start a repair (may_start()), eight at a
         * time; `all` collects the classes of the eight bytes, `pair` the letters whose previous
         * byte fits. It starts at i = 1 so that every byte has one before it (p[-1]). */
        if (i == 0 && !may_start(in, 0)) i = 1;
#if defined(__SSE2__)
        /* sixteen bytes at a time where SSE2 is there (every x86-64): the same test as below */
        while (i > 0 && i + 16 <= n) {
            __m128i cur = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
            __m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(in + i - 1));
#define SW_EQ(v, ch) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(ch)))
            __m128i always = _mm_or_si128(_mm_or_si128(_mm_or_si128(SW_EQ(cur, '&'), SW_EQ(cur, '#')),
                                                       _mm_or_si128(SW_EQ(cur, 0xC2), SW_EQ(cur, 0xC3))),
                                          _mm_or_si128(_mm_or_si128(SW_EQ(cur, 0xE2), SW_EQ(cur, 0xEF)), SW_EQ(cur, 'q')));
            __m128i after_s = SW_EQ(prev, 's');
            __m128i h = _mm_and_si128(SW_EQ(cur, 'h'), after_s);
            __m128i pp = _mm_and_si128(SW_EQ(cur, 'p'), _mm_or_si128(_mm_or_si128(after_s, SW_EQ(prev, 'm')),
                                                                     _mm_or_si128(SW_EQ(prev, 'a'), SW_EQ(prev, 'i'))));
#undef SW_EQ
            unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(always, _mm_or_si128(h, pp)));
            if (mask) {
                i += (uint32_t)__builtin_ctz(mask);
                break;
            }
            i += 16;
        }
#endif
        while (i > 0 && i + 8 <= n) {
            const unsigned char *p = in + i;
            unsigned c0 = stop_cur[p[0]], c1 = stop_cur[p[1]], c2 = stop_cur[p[2]], c3 = stop_cur[p[3]];
            unsigned c4 = stop_cur[p[4]], c5 = stop_cur[p[5]], c6 = stop_cur[p[6]], c7 = stop_cur[p[7]];
            unsigned all = c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
            if (all) {
                /* an 'h' or 'p' only stops the scan when the byte before it fits */
                unsigned pair = (c0 & stop_prev[p[-1]]) | (c1 & stop_prev[p[0]]) | (c2 & stop_prev[p[1]]) |
                                (c3 & stop_prev[p[2]]) | (c4 & stop_prev[p[3]]) | (c5 & stop_prev[p[4]]) |
                                (c6 & stop_prev[p[5]]) | (c7 & stop_prev[p[6]]);
                if ((all & STOP_ALWAYS) | pair) break;
            }
            i += 8;
        }
        while (i < n && !may_start(in, i)) i++;
        if (i >= n) break;
        int done = 0;
        switch (byte_class[in[i]]) {
        case CL_AMP:
            done = try_reference(&r, i);
            break;
        case CL_HASH:
            done = try_hash(&r, i);
            break;
        case CL_C2:
        case CL_E2:
        case CL_EF:
            done = try_space(&r, i);
            break;
        case CL_C3:
            done = try_mojibake(&r, i);
            break;
        case CL_Q:
            done = try_debris(&r, i);
            break;
        case CL_P: {
            /* only after the letters that precede 'p' in amp, apos, nbsp, hellip */
            unsigned char c = i >= 2 ? in[i - 1] : 0;
            if ((c == 'm' && in[i - 2] == 'a') || (c == 'a' && i + 1 < n && in[i + 1] == 'o') ||
                (c == 's' && in[i - 2] == 'b') || (c == 'i' && in[i - 2] == 'l'))
                done = try_debris(&r, i);
            break;
        }
        case CL_H:
            /* only at the end of "dash" */
            if (i >= 4 && in[i - 1] == 's' && in[i - 2] == 'a' && in[i - 3] == 'd')
                done = try_debris(&r, i);
            break;
        }
        if (r.nomem) return SW_ERR_NOMEM;
        if (done)
            i = r.copied;
        else
            i++;
    }

    if (doc->n_edits == 0) {
        doc->text = (char *)doc->orig;
        doc->len = doc->orig_len;
        doc->n_repairs = 0;
        return SW_OK;
    }
    /* the rest of the text after the last edit */
    size_t rest = n - r.copied;
    if (r.out_len + rest + SW_TEXT_PAD > r.out_cap) {
        size_t cap = r.out_cap;
        char *p = sw_arena_grow(&doc->arena, r.out, 1, r.out_len, &cap, r.out_len + rest + SW_TEXT_PAD);
        if (!p) return SW_ERR_NOMEM;
        r.out = p;
        r.out_cap = cap;
    }
    memcpy(r.out + r.out_len, in + r.copied, rest);
    r.out_len += rest;
    memset(r.out + r.out_len, 0, SW_TEXT_PAD); /* the NUL and the padding (doc.h) */
    doc->text = r.out;
    doc->len = (uint32_t)r.out_len;
    doc->n_repairs = doc->n_edits;
    return SW_OK;
}
