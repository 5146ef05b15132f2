/*
 * lookup.c -- the lookup stage: every token's word looked up once in the language pack, right
 * after tokenization, so that every later stage (quotation marks, sentences, entities,
 * attribution) reads classes and roles instead of comparing strings.
 *
 * One visit per token finds the article's distinct words in a hash table (a word written in other
 * cases is the same word: "Said", "said"); each distinct word is looked up once, all the new words
 * of a block together so that their cache misses overlap, and a second visit of the block copies
 * every token its word's entry and features (doc.h: tok_info ... tok_word) and lists the tokens
 * that may be speech cues. A word is looked up without its possessive ending ("Putin's" ->
 * "Putin"); a word the pack does not know but which has letters outside ASCII is looked up again
 * in its ASCII form ("François" -> "francois"): the word lists are mostly written without marks.
 * Such a word gets the classes of its ASCII form, not its roles or name roles: those belong to
 * grammar words, which are what they are as written ("à" is not the article "a").
 */
#include <string.h>

#include "lookup.h"
#include "fold.h"
#include "hash.h"
#include "lang/pack.h"

/* The words a stage asks about are at most this long (sw_pack_lookup() holds no longer one), with
 * room for a possessive ending; longer tokens get no entry. */
#define LOOKUP_MAX_WORD (SW_PACK_MAX_KEY + 9)

/* The tokens of a block are looked up this many at a time: their new words (at most one per
 * token) are asked for together, so that the cache misses overlap, while the scratch arrays for
 * them stay small and the tokens are still in the cache when they get their fields. */
#define LOOKUP_CHUNK 1024

/* The most slots the table of distinct words starts with (it doubles at half load). */
#define LOOKUP_WORDS_START_MAX (1u << 17)

/* The tokens that may be a speech cue or begin one (doc->cue_toks). */
#define CUE_CLASSES (SW_LX_SPEECH | SW_LX_CUE_FIRST)
#define CUE_ROLES (SW_W_ACCORDING | SW_W_READS)

/* The possessive endings of the pack (SW_LIST_POSSESSIVE_ENDINGS: 's, ’s, and the apostrophe
 * alone in English) and which bytes they end with, so that most words are passed over by one test
 * of their last byte. */
typedef struct possessives {
    const sw_pack_list *endings;
    const sw_pack_list *plurals;  /* SW_LIST_PLURAL_ENDINGS: what a mark alone must follow */
    uint64_t last[4];             /* bit b: some ending ends with byte b (in either case) */
    uint64_t alone[4];            /* bit b: some ending is the one byte b */
    uint64_t before[4];           /* bit b: some ending has byte b before its last (either case) */
} possessives;

/* Sets bit b (and the bit of its capital when b is a small ASCII letter) of a 256-bit set. */
static void set_byte(uint64_t set[4], unsigned char b)
{
    unsigned char up = (unsigned char)(b >= 'a' && b <= 'z' ? b - 32 : b);
    set[b >> 6] |= 1ull << (b & 63);
    set[up >> 6] |= 1ull << (up & 63);
}

static int has_byte(const uint64_t set[4], unsigned char b) { return (set[b >> 6] >> (b & 63)) & 1; }

static void possessives_init(possessives *p, const sw_pack *pack)
{
    memset(p, 0, sizeof *p);
    p->endings = sw_pack_list_of(pack, SW_LIST_POSSESSIVE_ENDINGS);
    p->plurals = sw_pack_list_of(pack, SW_LIST_PLURAL_ENDINGS);
    for (uint32_t k = 0; k < p->endings->n; k++) {
        const sw_pack_item *e = &p->endings->items[k];
        set_byte(p->last, (unsigned char)e->str[e->len - 1]);
        if (e->len == 1) set_byte(p->alone, (unsigned char)e->str[0]);
        else set_byte(p->before, (unsigned char)e->str[e->len - 2]);
    }
}

/* Whether the word s[0..len) (len >= 1) may end with a possessive ending, by its last two bytes:
 * most words are passed over by this test ("reporters" ends with s, but not with 's). */
static int may_be_possessive(const possessives *p, const char *s, uint32_t len)
{
    unsigned char b = (unsigned char)s[len - 1];
    if (!has_byte(p->last, b)) return 0;
    return has_byte(p->alone, b) || (len >= 2 && has_byte(p->before, (unsigned char)s[len - 2]));
}

/* Whether an ending has a letter (an ASCII letter, or a byte of a letter outside ASCII): "'s"
 * does, the apostrophe alone does not. */
static int has_letter(const sw_pack_item *e)
{
    for (uint32_t i = 0; i < e->len; i++) {
        unsigned char c = (unsigned char)e->str[i];
        if (sw_fold_byte(c) >= 'a' && sw_fold_byte(c) <= 'z') return 1;
    }
    return 0;
}

/* Byte length of the word s[0..len) without a possessive ending: the first ending of the pack's
 * list that the word ends with (compared without case) and that leaves a stem; an ending without
 * a letter (the apostrophe of "Jones'") only after a plural ending, written as the list has it. */
static uint32_t core_len_of(const possessives *p, const char *s, uint32_t len)
{
    for (uint32_t k = 0; k < p->endings->n; k++) {
        const sw_pack_item *e = &p->endings->items[k];
        if (len <= e->len) continue;
        uint32_t j = 0;
        while (j < e->len && (char)sw_fold_byte((unsigned char)s[len - e->len + j]) == e->str[j]) j++;
        if (j < e->len) continue;
        uint32_t stem = len - e->len;
        if (has_letter(e)) return stem;
        for (uint32_t m = 0; m < p->plurals->n; m++) {
            uint32_t pl = p->plurals->items[m].len;
            if (stem > pl && memcmp(s + stem - pl, p->plurals->items[m].str, pl) == 0) return stem;
        }
    }
    return len;
}

typedef struct lookup_ctx {
    sw_doc *doc;
    const sw_pack *pack;
    possessives poss;
    uint64_t *wslots;            /* word hash -> slot (0 = empty) */
    uint32_t *widx;              /* slot -> index into doc->words */
    uint32_t wcap, wused;
    size_t cap_words;
} lookup_ctx;

/* The 64-bit hash of a word folded to lower case by setting bit 0x20 of every byte (ASCII
 * capitals become small letters; the few other letters it merges do not matter here), never 0.
 * Two different words of one article share a hash with a probability of about n^2 / 2^65, so the
 * table of distinct words trusts it without keeping keys. */
static uint64_t word_hash(const char *s, uint32_t len, const char *text_end)
{
    uint64_t h = sw_hash_start(len);
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8) h = sw_hash_mix(h, sw_load64(s + i) | 0x2020202020202020ull);
    if (i < len) {
        uint32_t r = len - i;
        /* one load when 8 bytes are readable, keeping the word's r bytes */
        uint64_t v = s + i + 8 <= text_end ? sw_load64(s + i) & sw_low_bytes(r) : sw_load_tail(s + i, r);
        h = sw_hash_mix(h, v | (0x2020202020202020ull & sw_low_bytes(r)));
    }
    h = sw_hash_final(h);
    return h ? h : 1;
}

/* ---- the memo -------------------------------------------------------------------------------- */

/* The words of one article are mostly the words of the previous ones ("the", "said", "minister"),
 * and a pack's table is megabytes, so each first lookup in an article is a cache miss or two. A
 * small per-thread memo of recent words (pack and exact bytes -> the entry and its features)
 * answers most of them from 512 KB. The answers are pure functions of the bytes and of an immutable pack, so the memo
 * can never change a result; per thread, so concurrent extractions need no locking. */
#define LEXMEMO_SLOTS 8192
#define LEXMEMO_WORD 16
typedef struct lexmemo_slot {    /* 64 bytes: one cache line */
    char word[LEXMEMO_WORD];     /* the word's bytes; only the first len are meaningful */
    const sw_pack *pack;         /* the pack it was looked up in */
    const sw_lex_info *info;     /* the answer, and its features (read here, not in the pack) */
    uint64_t cls, roles, names;
    uint8_t len;                 /* 0: empty */
} lexmemo_slot;
/* Two ways per set, the most recently used first: a rare word then evicts the less recent of two
 * words rather than a frequent one ("the") that happens to share its slot. */
static _Thread_local _Alignas(64) lexmemo_slot lexmemo[LEXMEMO_SLOTS];

/* Whether memo slot m holds the word s[0..len) (1 <= len <= LEXMEMO_WORD) of pack p. Asked once per
 * distinct word of every article, so it compares the blocks of 8 and 4 bytes with one load each
 * (masked to len bytes) rather than calling memcmp, when the text has 12 bytes left from s. */
static int lexmemo_eq(const lexmemo_slot *m, const sw_pack *p, const char *s, uint32_t len, const char *text_end)
{
    if (m->len != len || m->pack != p) return 0;
    if (s + LEXMEMO_WORD <= text_end) {
        /* the first len bytes are the low bytes of two little-endian loads */
        uint64_t lo = sw_low_bytes(len), hi = len <= 8 ? 0 : sw_low_bytes(len - 8);
        return (((sw_load64(m->word) ^ sw_load64(s)) & lo) | ((sw_load64(m->word + 8) ^ sw_load64(s + 8)) & hi)) == 0;
    }
    return memcmp(m->word, s, len) == 0;
}

/* The memo set of a word whose word_hash() is h (its first way). */
static uint32_t lexmemo_set(uint64_t h) { return (uint32_t)((h >> 40) & (LEXMEMO_SLOTS - 2)); }

/* The answer of memo slot m into w. */
static void lexmemo_get(const lexmemo_slot *m, sw_word_type *w)
{
    w->info = m->info;
    w->cls = m->cls;
    w->roles = m->roles;
    w->names = m->names;
}

/* Fills w from memo set m when it holds the word s[0..len) of pack p and returns 1, else 0. */
static int lexmemo_find(lexmemo_slot *m, const sw_pack *p, const char *s, uint32_t len, const char *text_end,
                        sw_word_type *w)
{
    if (len > LEXMEMO_WORD) return 0;
    if (lexmemo_eq(&m[0], p, s, len, text_end)) {
        lexmemo_get(&m[0], w);
        return 1;
    }
    if (lexmemo_eq(&m[1], p, s, len, text_end)) {
        lexmemo_get(&m[1], w);
        lexmemo_slot t = m[0]; /* now the most recent */
        m[0] = m[1];
        m[1] = t;
        return 1;
    }
    return 0;
}

/* Keeps the answer w for the word s[0..len) of pack p in memo set m, as its most recent word. */
static void lexmemo_put(lexmemo_slot *m, const sw_pack *p, const char *s, uint32_t len, const sw_word_type *w)
{
    if (len > LEXMEMO_WORD) return;
    m[1] = m[0];
    m[0].len = (uint8_t)len;
    memcpy(m[0].word, s, len);
    m[0].pack = p;
    m[0].info = w->info;
    m[0].cls = w->cls;
    m[0].roles = w->roles;
    m[0].names = w->names;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* ---- the distinct words ---------------------------------------------------------------------- */

/* Doubles the table of distinct words (the hashes are kept in the slots). 0 when out of memory. */
static int grow_wslots(lookup_ctx *c)
{
    uint32_t cap = c->wcap * 2;
    uint64_t *slots = sw_arena_calloc(&c->doc->arena, cap, sizeof *slots);
    uint32_t *idx = sw_arena_alloc(&c->doc->arena, cap * sizeof *idx);
    if (!slots || !idx) return 0;
    for (uint32_t i = 0; i < c->wcap; i++) {
        uint64_t v = c->wslots[i];
        if (!v) continue;
        uint32_t j = (uint32_t)v & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = v;
        idx[j] = c->widx[i];
    }
    c->wslots = slots;
    c->widx = idx;
    c->wcap = cap;
    return 1;
}

/* The distinct word of token `tok` (bytes s[0..len)): its index in doc->words, made when the word
 * is new (entry not yet looked up, its memo set asked for), or -1 when out of memory. */
static int32_t word_index(lookup_ctx *c, const char *s, uint32_t len, uint32_t tok, const char *text_end)
{
    sw_doc *doc = c->doc;
    uint64_t h = word_hash(s, len, text_end);
    uint32_t slot = (uint32_t)h & (c->wcap - 1);
    for (;; slot = (slot + 1) & (c->wcap - 1)) {
        uint64_t v = c->wslots[slot];
        if (v == h) return (int32_t)c->widx[slot];
        if (!v) break;
    }
    if (doc->n_words == c->cap_words) {
        /* first room for a distinct word per two tokens (an article has about one per three), so
         * that the array is rarely copied to grow */
        doc->words = sw_arena_grow(&doc->arena, doc->words, sizeof *doc->words, doc->n_words, &c->cap_words,
                                   doc->n_words ? doc->n_words * 2 : doc->n_toks / 2 + 64);
        if (!doc->words) return -1;
    }
    int32_t k = (int32_t)doc->n_words++;
    sw_word_type *w = &doc->words[k];
    w->tok = tok;
    w->memo = lexmemo_set(h);
    PREFETCH(&lexmemo[w->memo]);
    c->wslots[slot] = h;
    c->widx[slot] = (uint32_t)k;
    if (++c->wused * 2 > c->wcap && !grow_wslots(c)) return -1;
    return k;
}

/* The entry of a word the pack does not know as written: the entry of its ASCII form when it has
 * letters outside ASCII ("François", "Łukasz"), else NULL. */
static const sw_lex_info *ascii_form_entry(const sw_pack *pack, const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] < 0x80) continue;
        char ascii[64];
        size_t al = sw_ascii_form(s, len, ascii, sizeof ascii);
        return al ? sw_pack_lookup(pack, ascii, al) : NULL;
    }
    return NULL;
}

/* The entries of the distinct words doc->words[from, n_words), in two rounds that each ask the
 * memory for everything first: the memo sets (asked for by word_index), then for the words the memo
 * does not know, the pack (sw_pack_prepare), so the cache misses overlap instead of coming one
 * after the other. `missed` has room for the words, and `keys` for their keys. */
static void lookup_new_words(lookup_ctx *c, uint32_t from, uint32_t *missed, sw_pack_key *keys)
{
    sw_doc *doc = c->doc;
    const sw_pack *pack = c->pack;
    const char *text_end = doc->text + doc->len;
    uint32_t n_missed = 0;
    for (uint32_t k = from; k < doc->n_words; k++) {
        sw_word_type *w = &doc->words[k];
        const char *s = doc->text + doc->toks[w->tok].start;
        uint32_t len = doc->tok_core[w->tok];
        if (!lexmemo_find(&lexmemo[w->memo], pack, s, len, text_end, w)) {
            sw_pack_prepare(pack, s, len, &keys[n_missed]); /* s is in the padded text */
            missed[n_missed++] = k;
        }
    }
    for (uint32_t j = 0; j < n_missed; j++) {
        sw_word_type *w = &doc->words[missed[j]];
        const char *s = doc->text + doc->toks[w->tok].start;
        uint32_t len = doc->tok_core[w->tok];
        const sw_lex_info *info = sw_pack_lookup_prepared(pack, s, len, &keys[j]);
        int ascii_form = 0;
        if (!info) ascii_form = (info = ascii_form_entry(pack, s, len)) != NULL;
        w->info = info;
        w->cls = info ? info->classes : 0;
        /* the ASCII form stands for a name or a word of the open lists written without its marks
         * ("François", "Łódź"); a grammar word is the word as written: "à" is not "a" */
        w->roles = info && !ascii_form ? info->roles : 0;
        w->names = info && !ascii_form ? info->names : 0;
        lexmemo_put(&lexmemo[w->memo], pack, s, len, w);
    }
}

/* Gives every token of [lo, hi) its core length and its distinct word (made when new); 0 when out
 * of memory. */
static int index_words(lookup_ctx *c, uint32_t lo, uint32_t hi)
{
    sw_doc *doc = c->doc;
    const char *text = doc->text;
    const char *text_end = doc->text + doc->len; /* doc->text[len] is its NUL */
    /* the arrays in locals: kept in doc, each would be read again after every store into another */
    const sw_tok *toks = doc->toks;
    uint32_t *core = doc->tok_core;
    int32_t *tok_word = doc->tok_word;
    for (uint32_t i = lo; i < hi; i++) {
        const sw_tok *t = &toks[i];
        const char *s = text + t->start;
        uint32_t len = t->end - t->start;
        if (t->kind != SW_TK_WORD) {
            tok_word[i] = -1;
            core[i] = len;
            continue;
        }
        if (may_be_possessive(&c->poss, s, len)) len = core_len_of(&c->poss, s, len);
        core[i] = len;
        if (len == 0 || len > LOOKUP_MAX_WORD) {
            tok_word[i] = -1; /* no pack holds such a word: fill_tokens() gives it no_word's fields */
            continue;
        }
        int32_t k = word_index(c, s, len, i, text_end);
        if (k < 0) return 0;
        tok_word[i] = k;
    }
    return 1;
}

uint64_t sw_lookup_token_classes(const sw_doc *doc, uint32_t k)
{
    const sw_tok *t = &doc->toks[k];
    if (t->kind != SW_TK_WORD) return 0;
    possessives poss;
    possessives_init(&poss, doc->pack);
    uint32_t len = core_len_of(&poss, doc->text + t->start, t->end - t->start);
    if (len == 0 || len > LOOKUP_MAX_WORD) return 0;
    const char *s = doc->text + t->start;
    const sw_lex_info *info = sw_pack_lookup(doc->pack, s, len);
    if (!info) info = ascii_form_entry(doc->pack, s, len);
    return info ? info->classes : 0;
}

/* What tokens that are no words get in fill_tokens(). */
static const sw_word_type no_word;

/* Gives every token of [lo, hi) its word's entry and features, and lists the cue candidates, in
 * order. Which tokens are words or cue candidates follows no pattern that the processor could
 * learn, so the loop has no branch on them: a token that is no word copies the fields of no_word,
 * and every token is written at the end of the list, which only counts it when it belongs there
 * (sw_lookup_words() gave the list room for every token). */
static void fill_tokens(sw_doc *doc, uint32_t lo, uint32_t hi)
{
    uint32_t n_cue = doc->n_cue_toks;
    const int32_t *tok_word = doc->tok_word;
    for (uint32_t i = lo; i < hi; i++) {
        int32_t k = tok_word[i];
        /* k >= 0 ? &doc->words[k] : &no_word, chosen with a mask (a branch would be mispredicted
         * at every token that is no word); the address is computed as an integer, since doc->words
         * is NULL in a text without words and no offset may be applied to a null pointer */
        uintptr_t none = (uintptr_t)0 - (uintptr_t)(k < 0);
        uintptr_t at = (uintptr_t)doc->words + (uintptr_t)(uint32_t)(k & ~(k >> 31)) * sizeof(sw_word_type);
        const sw_word_type *w = (const sw_word_type *)((at & ~none) | ((uintptr_t)&no_word & none));
        doc->tok_info[i] = w->info;
        doc->tok_cls[i] = w->cls;
        doc->tok_roles[i] = w->roles;
        doc->cue_toks[n_cue] = i;
        n_cue += ((w->cls & CUE_CLASSES) | (w->roles & CUE_ROLES)) != 0;
    }
    doc->n_cue_toks = n_cue;
}

/* The fields of a token outside every block (or the one past the last token). */
static void clear_token(sw_doc *doc, uint32_t i)
{
    doc->tok_info[i] = NULL;
    doc->tok_cls[i] = doc->tok_roles[i] = 0;
    doc->tok_word[i] = -1;
    doc->tok_core[i] = i < doc->n_toks ? doc->toks[i].end - doc->toks[i].start : 0;
}

sw_status sw_lookup_words(sw_doc *doc)
{
    lookup_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.pack = doc->pack;
    possessives_init(&c.poss, c.pack);
    sw_arena *ar = &doc->arena;
    size_t n = (size_t)doc->n_toks + 1;
    doc->words = NULL;
    doc->n_words = doc->n_cue_toks = 0;
    doc->tok_info = sw_arena_alloc(ar, n * sizeof *doc->tok_info);
    doc->tok_cls = sw_arena_alloc(ar, n * sizeof *doc->tok_cls);
    doc->tok_roles = sw_arena_alloc(ar, n * sizeof *doc->tok_roles);
    doc->tok_core = sw_arena_alloc(ar, n * sizeof *doc->tok_core);
    doc->tok_word = sw_arena_alloc(ar, n * sizeof *doc->tok_word);
    doc->cue_toks = sw_arena_alloc(ar, n * sizeof *doc->cue_toks);
    uint32_t *missed = sw_arena_alloc(ar, LOOKUP_CHUNK * sizeof *missed); /* lookup_new_words */
    sw_pack_key *keys = sw_arena_alloc(ar, LOOKUP_CHUNK * sizeof *keys);  /* lookup_new_words */
    if (!doc->tok_info || !doc->tok_cls || !doc->tok_roles || !doc->tok_core ||
        !doc->tok_word || !doc->cue_toks || !missed || !keys)
        return SW_ERR_NOMEM;
    /* room for as many distinct words as tokens at half load: an article has about one distinct
     * word for every two or three tokens, so the table almost never has to grow (rehash); but a
     * huge text (a 50 MB line) has far fewer distinct words than tokens, and its table grows */
    c.wcap = 64;
    while (c.wcap < doc->n_toks && c.wcap < LOOKUP_WORDS_START_MAX) c.wcap <<= 1;
    c.wslots = sw_arena_calloc(ar, c.wcap, sizeof *c.wslots);
    c.widx = sw_arena_alloc(ar, c.wcap * sizeof *c.widx);
    if (!c.wslots || !c.widx) return SW_ERR_NOMEM;

    uint32_t done = 0; /* tokens [0, done) have their fields set */
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        const sw_iblock *bl = &doc->blocks[b];
        uint32_t lo = bl->tok_start < done ? done : bl->tok_start;
        if (lo > doc->n_toks) lo = doc->n_toks;
        for (; done < lo; done++) clear_token(doc, done); /* tokens outside every block */
        uint32_t end = bl->tok_end < doc->n_toks ? bl->tok_end : doc->n_toks;
        for (uint32_t hi; lo < end; lo = hi) {
            hi = end - lo > LOOKUP_CHUNK ? lo + LOOKUP_CHUNK : end;
            uint32_t from = doc->n_words;
            if (!index_words(&c, lo, hi)) return SW_ERR_NOMEM;
            /* the chunk's new words looked up together, then its tokens given their fields while
             * they are still in the cache */
            lookup_new_words(&c, from, missed, keys);
            fill_tokens(doc, lo, hi);
            done = hi;
        }
    }
    for (; done <= doc->n_toks; done++) clear_token(doc, done);
    return SW_OK;
}
