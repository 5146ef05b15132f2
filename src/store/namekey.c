/*
 * namekey.c -- canonical keys for names and quotation texts (see namekey.h for the contract).
 *
 * The rules are phonetic and general, not a list of names: they fold the letter groups on which
 * the common romanisations of Cyrillic, Arabic and other scripts (English, French, German,
 * Spanish, Polish conventions) disagree. Every step works on bytes in fixed buffers; non-ASCII
 * letters of other scripts pass through unchanged.
 */
#include <string.h>
#include <utf8proc.h>
#include "fold.h"
#include "store/namekey.h"

/* ---- folding ------------------------------------------------------------------------------ */

/* Letters that utf8proc does not decompose into a base letter plus a mark. */
static const char *special_fold(int32_t cp)
{
    switch (cp) {
    case 0x00F8: case 0x00D8: return "o";   /* ø */
    case 0x0142: case 0x0141: return "l";   /* ł */
    case 0x0111: case 0x0110: return "d";   /* đ */
    case 0x00E6: case 0x00C6: return "ae";  /* æ */
    case 0x0153: case 0x0152: return "oe";  /* œ */
    case 0x0131: return "i";                /* dotless i */
    case 0x00FE: case 0x00DE: return "th";  /* þ */
    case 0x00F0: case 0x00D0: return "d";   /* ð */
    case 0x2019: case 0x2018: case 0x02BC: return "'";
    default: return NULL;
    }
}

static size_t put(char *out, size_t cap, size_t n, const char *s, size_t len)
{
    if (n + len + 1 > cap) return n;
    memcpy(out + n, s, len);
    return n + len;
}

size_t sw_nk_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    if (!cap) return 0;
    const utf8proc_option_t opts =
        UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char lc = (char)sw_fold_byte(c);
            n = put(out, cap, n, &lc, 1);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) { i++; continue; }
        i += (size_t)k;
        const char *sp = special_fold(cp);
        if (sp) { n = put(out, cap, n, sp, strlen(sp)); continue; }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 8, opts, &last);
        if (m < 0 || m > 8) continue;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            const char *sp2 = special_fold(dec[j]);
            if (sp2) { n = put(out, cap, n, sp2, strlen(sp2)); continue; }
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(dec[j], enc);
            n = put(out, cap, n, (const char *)enc, (size_t)el);
        }
    }
    out[n] = 0;
    return n;
}

/* ---- word keys ---------------------------------------------------------------------------- */

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
static int is_vowel_y(char c) { return is_vowel(c) || c == 'y'; }

/* Does t[i..] start with the literal p? */
static int at(const char *t, size_t n, size_t i, const char *p)
{
    size_t pl = strlen(p);
    return i + pl <= n && memcmp(t + i, p, pl) == 0;
}

/* The sibilant class: the letter groups for the sounds of zh, sh, ch, j that romanisations
 * spell differently. Longest first. */
static const char *const sibilants[] = {"dzh", "dsch", "tsch", "sch", "tch", "tsh", "zh", "sh",
                                        "ch", "sz", "cz", "dj"};

size_t sw_nk_word(const char *w, size_t len, char *out, size_t cap)
{
    char t[NK_MAX];
    size_t n = 0;
    /* letters only (non-ASCII bytes are letters of other scripts) */
    for (size_t i = 0; i < len && n + 1 < sizeof t; i++) {
        unsigned char c = sw_fold_byte((unsigned char)w[i]);
        if ((c >= 'a' && c <= 'z') || c >= 0x80) t[n++] = (char)c;
    }
    char sym[NK_MAX * 2];
    size_t m = 0;
    size_t i = 0;
    /* Word-initial ye / je before a consonant or vowel: the iotated e of Cyrillic, spelled E by
     * some (Yevgeny / Evgeny / Jewgeni, Yeltsin / Eltsine / Jelzin). */
    if (n >= 3 && (t[0] == 'y' || t[0] == 'j') && t[1] == 'e') i = 1;
    while (i < n && m + 2 < sizeof sym) {
        char c = t[i];
        if ((unsigned char)c >= 0x80) { sym[m++] = c; i++; continue; }
        int done = 0;
        for (size_t k = 0; k < sizeof sibilants / sizeof sibilants[0]; k++) {
            if (at(t, n, i, sibilants[k])) {
                /* "dj" only before a vowel (Djokovic), not in Adjani-like clusters at the end */
                if (k == 11 && !(i + 2 < n && is_vowel_y(t[i + 2]))) break;
                sym[m++] = 'J';
                i += strlen(sibilants[k]);
                done = 1;
                break;
            }
        }
        if (done) continue;
        char prev = m ? sym[m - 1] : 0;
        char next = i + 1 < n ? t[i + 1] : 0;
        if (at(t, n, i, "kh")) { sym[m++] = 'h'; i += 2; continue; }
        if (at(t, n, i, "ph")) { sym[m++] = 'f'; i += 2; continue; }
        if (at(t, n, i, "th")) { sym[m++] = 't'; i += 2; continue; }
        if (at(t, n, i, "gh")) { sym[m++] = 'g'; i += 2; continue; }
        if (at(t, n, i, "ck")) { sym[m++] = 'k'; i += 2; continue; }
        if (at(t, n, i, "tz") || at(t, n, i, "ts")) { sym[m++] = 's'; i += 2; continue; }
        if (at(t, n, i, "ou")) { sym[m++] = 'u'; i += 2; continue; }
        /* French and Spanish gu before e/i is a hard g (Serguei, Evgueni) */
        if (c == 'g' && next == 'u' && i + 2 < n && (t[i + 2] == 'e' || t[i + 2] == 'i')) {
            sym[m++] = 'g'; i += 2; continue;
        }
        switch (c) {
        case 'q': case 'c': sym[m++] = 'k'; break;
        case 'w': sym[m++] = 'v'; break;
        case 'z': sym[m++] = 's'; break;
        case 'x': sym[m++] = 'k'; sym[m++] = 's'; break;
        case 'y':
            /* a consonant at the start before a vowel or between vowels (Prigoyine), else i */
            if ((m == 0 && is_vowel(next)) || (is_vowel(prev) && is_vowel(next))) sym[m++] = 'J';
            else sym[m++] = 'i';
            break;
        case 'j':
            sym[m++] = is_vowel_y(next) ? 'J' : 'i'; /* Sergej, Selenskyj end in i */
            break;
        case 'h':
            if (m == 0 || is_vowel(prev)) sym[m++] = 'h'; /* silent after a consonant */
            break;
        default: sym[m++] = c;
        }
        i++;
    }
    /* collapse doubled letters and vowel runs (inside the word to the run's first vowel) */
    size_t o = 0;
    if (!cap) return 0;
    for (size_t k = 0; k < m && o + 1 < cap; k++) {
        char c = sym[k];
        if (o && (unsigned char)c < 0x80) {
            char p = out[o - 1];
            if (p == c) continue;
            if (is_vowel(p) && is_vowel(c)) continue;
        }
        out[o++] = c;
    }
    /* a vowel run at the end keeps its last vowel, which carries the grammatical ending
     * (Maria / Mario, Zelenska / Zelenskyy) */
    if (o && m && is_vowel(out[o - 1]) && is_vowel(sym[m - 1])) out[o - 1] = sym[m - 1];
    /* a final mute e after a consonant (Prigojine, Alexandre) */
    if (o >= 4 && out[o - 1] == 'e' && !is_vowel(out[o - 2]) && (unsigned char)out[o - 2] < 0x80) o--;
    out[o] = 0;
    return o;
}

size_t sw_nk_skeleton(const char *key, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    if (!cap) return 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        char c = key[i];
        if (i == 0 || !is_vowel(c) || i + 1 == len) out[o++] = c;
    }
    out[o] = 0;
    return o;
}

/* ---- names -------------------------------------------------------------------------------- */

typedef struct word {
    const char *p;
    size_t len;
} word;

/* Splits on white space; strips surrounding punctuation except a period of an initial and the
 * inner hyphens and apostrophes. Returns the number of words (at most max). */
static size_t split_words(const char *s, size_t len, word *w, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',')) i++;
        size_t b = i;
        while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != ',') i++;
        size_t e = i;
        while (b < e && (s[b] == '(' || s[b] == '"' || s[b] == '\'')) b++;
        while (e > b && (s[e - 1] == ')' || s[e - 1] == '"' || s[e - 1] == ';' || s[e - 1] == ':'))
            e--;
        if (e > b) w[n++] = (word){s + b, e - b};
    }
    return n;
}

static int word_is(const word *w, const char *const *list)
{
    char f[32];
    size_t len = w->len;
    if (len && w->p[len - 1] == '.') len--;
    if (!len || len >= sizeof f) return 0;
    size_t fl = sw_nk_fold(w->p, len, f, sizeof f);
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == fl && memcmp(list[i], f, fl) == 0) return 1;
    return 0;
}

static const char *const titles[] = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "gen",
    "general", "col", "colonel", "capt", "captain", "lt", "sgt", "sen", "senator", "rep", "gov",
    "governor", "pres", "president", "premier", "chancellor", "minister", "king", "queen",
    "prince", "princess", "pope", "saint", "st", "rev", "reverend", "fr", "father", "sheikh",
    "judge", "justice", "mayor", "ambassador", "secretary", "commissioner", "chief", "deputy",
    "prime", "foreign", "defence", "defense", "interior", "emergencies", "mme", "mlle", "herr",
    "frau", "senor", "sr", "sra", "don", NULL};
static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", NULL};
static const char *const particles[] = {
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "al", "el",
    "bin", "ibn", "ben", "dos", "das", "do", "ter", "ten", "zu", "af", "y", NULL};

static int is_initial(const word *w)
{
    /* "V." or "V" (one letter, possibly multibyte) or "J.-C." */
    size_t len = w->len;
    if (len && w->p[len - 1] == '.') len--;
    if (!len) return 0;
    unsigned char c = (unsigned char)w->p[0];
    size_t cl = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return len == cl || (w->len >= 2 && memchr(w->p, '.', w->len - 1) != NULL);
}

static int starts_lower(const word *w)
{
    unsigned char c = (unsigned char)w->p[0];
    return c >= 'a' && c <= 'z';
}

int sw_nk_parse_person(const char *name, size_t len, sw_nk_person *out)
{
    memset(out, 0, sizeof *out);
    word w[24];
    size_t n = split_words(name, len, w, 24);
    size_t first = 0;
    while (first + 1 < n && word_is(&w[first], titles)) first++;
    while (n > first + 1 && word_is(&w[n - 1], suffixes)) n--;
    if (first >= n) return 0;
    /* surname: the last word with the lowercase particles before it */
    size_t sur = n - 1;
    while (sur > first && starts_lower(&w[sur - 1]) && word_is(&w[sur - 1], particles)) sur--;
    char folded[NK_MAX * 2];
    size_t fl = 0;
    for (size_t i = sur; i < n; i++) {
        const word *x = &w[i];
        const char *p = x->p;
        size_t l = x->len;
        /* "al-Assad", "el-Sisi": the article prefix is not part of the key */
        if (i == sur && i == n - 1 && l > 3 && (p[0] == 'a' || p[0] == 'e') && p[1] == 'l' && p[2] == '-') {
            p += 3;
            l -= 3;
        }
        if (i > sur && word_is(x, particles)) continue; /* "von der Leyen" = "Leyen" + particles */
        fl += sw_nk_fold(p, l, folded + fl, sizeof folded - fl);
    }
    sw_nk_word(folded, fl, out->skey, sizeof out->skey);
    out->n_words = (int)(n - first);
    if (sur > first) {
        const word *g = &w[first];
        char gf[NK_MAX];
        size_t gl = sw_nk_fold(g->p, g->len, gf, sizeof gf);
        size_t k = 0;
        while (k < gl && !((gf[k] >= 'a' && gf[k] <= 'z') || (unsigned char)gf[k] >= 0x80)) k++;
        if (k < gl) out->initial = gf[k];
        if (is_initial(g)) {
            out->given[0] = out->initial;
            out->given[1] = '.';
            out->given[2] = 0;
        } else {
            char key[NK_MAX];
            size_t kl = sw_nk_word(gf, gl, key, sizeof key);
            sw_nk_skeleton(key, kl, out->given, sizeof out->given);
        }
    }
    return out->skey[0] != 0;
}

size_t sw_nk_phrase_key(const char *name, size_t len, char *out, size_t cap)
{
    word w[24];
    size_t n = split_words(name, len, w, 24);
    size_t o = 0, first = 0;
    if (!cap) return 0;
    out[0] = 0;
    static const char *const the[] = {"the", NULL};
    if (n > 1 && word_is(&w[0], the)) first = 1;
    for (size_t i = first; i < n; i++) {
        char f[NK_MAX], k[NK_MAX];
        size_t fl = sw_nk_fold(w[i].p, w[i].len, f, sizeof f);
        size_t kl = sw_nk_word(f, fl, k, sizeof k);
        if (!kl) continue;
        if (o && o + 1 < cap) out[o++] = ' ';
        if (o + kl + 1 > cap) break;
        memcpy(out + o, k, kl);
        o += kl;
    }
    out[o] = 0;
    return o;
}

int sw_nk_is_name_like(const char *s, size_t len)
{
    static const char *const pronouns[] = {"he", "she", "they", "it", "his", "her", "him", "we",
                                           "i", "you", "them", "their", "its", "our", NULL};
    word w[24];
    size_t n = split_words(s, len, w, 24);
    if (!n || n > 8) return 0;
    if (n == 1 && word_is(&w[0], pronouns)) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i].p[0];
        if (c >= 'a' && c <= 'z' && !word_is(&w[i], particles)) return 0;
        if (!(c >= 'A' && c <= 'Z') && c < 0x80 && !(c >= 'a' && c <= 'z')) return 0;
    }
    return 1;
}

/* ---- hashes ------------------------------------------------------------------------------- */

/* A persisted format, not the library's hash (src/core/hash.h): the values of sw_nk_text_hash,
 * sw_nk_content_hash and sw_nk_content_hash64 are stored (namekey.h), so not one bit of what follows
 * may change; tests/test_store_formats.c pins them. */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* Two independent 64-bit lanes over 8-byte words. */
typedef struct hstate {
    uint64_t a, b;
} hstate;

static void hash_bytes(hstate *h, const char *p, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        h->a = (h->a ^ v) * 0x9E3779B97F4A7C15ULL;
        h->a ^= h->a >> 32;
        h->b = (h->b + v) * 0xC2B2AE3D27D4EB4FULL;
        h->b = (h->b << 29) | (h->b >> 35);
    }
    uint64_t v = 0;
    memcpy(&v, p + i, len - i);
    v ^= (uint64_t)(len - i) << 56;
    h->a = (h->a ^ v) * 0x9E3779B97F4A7C15ULL;
    h->b = (h->b + v) * 0xC2B2AE3D27D4EB4FULL;
}

uint64_t sw_nk_text_hash(const char *s, size_t len, size_t *norm_len)
{
    hstate h = {0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL};
    char chunk[512];
    char folded[512];
    size_t n = 0, total = 0;
    int space = 0;
    /* fold in pieces, cut at code point starts */
    for (size_t i = 0; i < len;) {
        size_t e = i + 200 < len ? i + 200 : len;
        while (e < len && ((unsigned char)s[e] & 0xC0) == 0x80) e++;
        /* A piece of plain ASCII (most quotations) folds to its lowercase bytes, which sw_nk_fold
         * would give too: the same normalised text, without utf8proc. */
        size_t ascii = i;
        while (ascii < e && (unsigned char)s[ascii] < 0x80) ascii++;
        if (ascii == e) {
            for (size_t k = i; k < e; k++) {
                unsigned char c = (unsigned char)s[k];
                c = sw_fold_byte(c);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    space = 1;
                    continue;
                }
                if (space && total) {
                    chunk[n++] = ' ';
                    total++;
                }
                space = 0;
                chunk[n++] = (char)c;
                total++;
                if (n >= sizeof chunk - 8) {
                    hash_bytes(&h, chunk, n);
                    n = 0;
                }
            }
            i = e;
            continue;
        }
        size_t fl = sw_nk_fold(s + i, e - i, folded, sizeof folded);
        for (size_t k = 0; k < fl;) {
            unsigned char c = (unsigned char)folded[k];
            size_t cl = 1;
            int keep;
            if (c < 0x80) {
                keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            } else {
                /* letters and digits of any script; dashes, quotation marks, symbols separate */
                utf8proc_int32_t cp;
                utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)folded + k,
                                                      (utf8proc_ssize_t)(fl - k), &cp);
                if (r <= 0) { k++; continue; }
                cl = (size_t)r;
                utf8proc_category_t cat = utf8proc_category(cp);
                keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
            }
            if (!keep) {
                space = 1;
                k += cl;
                continue;
            }
            if (space && total) {
                chunk[n++] = ' ';
                total++;
            }
            space = 0;
            memcpy(chunk + n, folded + k, cl);
            n += cl;
            total += cl;
            k += cl;
            if (n >= sizeof chunk - 8) {
                hash_bytes(&h, chunk, n);
                n = 0;
            }
        }
        i = e;
    }
    hash_bytes(&h, chunk, n);
    if (norm_len) *norm_len = total;
    return mix64(h.a ^ mix64(h.b + total));
}

/* The two 64-bit halves of the content hash. */
static void content_hash(const sw_str *parts, size_t n, uint64_t *a, uint64_t *b)
{
    hstate h = {0x452821E638D01377ULL, 0xBE5466CF34E90C6CULL};
    for (size_t i = 0; i < n; i++) {
        uint64_t l = parts[i].ptr ? parts[i].len : UINT64_MAX; /* absent != empty */
        hash_bytes(&h, (const char *)&l, sizeof l);
        if (parts[i].ptr) hash_bytes(&h, parts[i].ptr, parts[i].len);
    }
    *a = mix64(h.a ^ mix64(h.b));
    *b = mix64(h.b + 0x9E3779B97F4A7C15ULL * (h.a | 1));
}

uint64_t sw_nk_content_hash64(const sw_str *parts, size_t n)
{
    uint64_t a, b;
    content_hash(parts, n, &a, &b);
    return a;
}

void sw_nk_content_hash(const sw_str *parts, size_t n, char out[33])
{
    uint64_t a, b;
    content_hash(parts, n, &a, &b);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[i] = hex[(a >> (60 - 4 * i)) & 15];
        out[16 + i] = hex[(b >> (60 - 4 * i)) & 15];
    }
    out[32] = 0;
}

size_t sw_name_key(const char *name, size_t len, sw_entity_type type, char *buf, size_t cap)
{
    if (!buf || !cap) return 0;
    buf[0] = 0;
    if (!name) return 0;
    char tmp[NK_MAX * 2 + 8];
    size_t n = 0;
    if (type == SW_ENT_PERSON) {
        sw_nk_person p;
        sw_nk_parse_person(name, len, &p);
        size_t sl = strlen(p.skey), gl = strlen(p.given);
        memcpy(tmp, "p:", 2);
        memcpy(tmp + 2, p.skey, sl);
        tmp[2 + sl] = '|';
        memcpy(tmp + 3 + sl, p.given, gl);
        n = 3 + sl + gl;
    } else {
        tmp[0] = type == SW_ENT_PLACE ? 'l' : 'o';
        tmp[1] = ':';
        n = 2 + sw_nk_phrase_key(name, len, tmp + 2, sizeof tmp - 2);
    }
    if (n >= cap) n = cap - 1;
    memcpy(buf, tmp, n);
    buf[n] = 0;
    return n;
}
