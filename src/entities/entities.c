/*
 * entities.c -- the entities stage: proper-name mentions, in-article coreference, entity types,
 * genders, and the roles and nationalities the article gives its people.
 *
 * Pass 1 (classify_tokens) visits every token: its distinct word (the lookup stage's, doc.h)
 * counts how often the article writes the word in lower case and capitalised away from a sentence
 * start, and gives the token its name roles (the pack's SW_N_*: particles, honorifics, articles,
 * prepositions before places ...), which the rest of the stage tests as bits, never as strings.
 * Pass 2 finds maximal runs of capitalised words (with the inner particles of names and the
 * "of"/"for"/"&" of organisation names), drops words capitalised only because a sentence starts
 * there, splits a title or honorific written before a name off it ("President Vladimir Putin" ->
 * role "President", name "Vladimir Putin"; "United States President X" -> a place and a person),
 * gathers evidence from the words around (prepositions, appositives, "the X group", "X, 45,") and
 * links each name to an entity through three hash maps: full names, the words of names (so
 * "Putin" finds "Vladimir Putin", the nearest one when two people share a surname) and acronyms
 * ("EU"). Headline, heading and boilerplate blocks come after the body and only link to entities
 * the body named. Pass 3 counts gendered pronouns; then types and genders are decided from the
 * evidence summed per entity, and descriptions ("the Belarusian leader") are resolved against the
 * roles and nations learned. Everything is linear in the number of tokens: candidate lists,
 * runs and look-backs have fixed bounds (MAX_RUN, MAX_CANDIDATES, entity_query.c).
 */
#include <stdlib.h>
#include <string.h>
#include "entities_internal.h"
#include "hash.h"
#include "map.h"

/* ------------------------------------------------------------------------------------------------
 * Small helpers on words
 * --------------------------------------------------------------------------------------------- */

#define LX_NAMEISH (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE | SW_LX_COUNTRY | SW_LX_CITY)
#define LX_NOSTART (SW_LX_FUNCTION | SW_LX_PRONOUN | SW_LX_CALENDAR | SW_LX_SPEECH | SW_LX_COGNITION)

/* The kinds of entity that evidence is gathered for (an index of ev[]), and their number. */
enum { EV_PERSON = 0, EV_ORG, EV_PLACE, EV_KINDS };

/* Bounds that keep the stage linear on pathological input: the longest run of capitalised words
 * taken as one name, and the most entities compared with one name (newest first). */
#define MAX_RUN 24
#define MAX_CANDIDATES 64

/* Windows: how far the stage looks around a token or down a list, each bound short enough that the
 * stage stays linear and long enough for the English it was written on. */
#define WORD_LIST_DUP_SCAN 16   /* newest entities of a word's list searched for one being added again
                                 * (a longer list is a common word: a repeat costs one node) */
#define LISTS_SHARE_SCAN 16     /* newest entities of each of two words' lists compared in a headline
                                 * (at most 16 x 16 per pair of words) */
#define ROLE_MODIFIERS_MAX 3    /* words before a role word searched for a nation word ("Belarusian
                                 * opposition leader X"): a noun's modifiers are rarely more */
#define APPOSITIVE_MAX_TOKENS 7 /* tokens of an appositive read for its head ("X, a staunch Kremlin
                                 * ally,"): a longer one is more likely a clause than a description */
#define APPOSITIVE_MAX_NATIONS 2 /* nation words kept from one appositive ("the president of Belarus") */
#define MENTION_MAX_ROLES 8     /* role words kept from around one mention (an entity keeps
                                 * SW_ENT_MAX_ROLES over all its mentions) */
#define MENTION_MAX_NATIONS 4   /* nation words kept from around one mention (an entity keeps
                                 * SW_ENT_MAX_NATIONS) */
#define BRACKET_ACRONYM_MAX_TOKENS 3 /* tokens of an acronym in brackets after a name ("(PG&E)": PG & E) */
#define AND_NAME_MAX_WORDS 4    /* capitalised words after "and" inside a company's name ("Pacific Gas
                                 * and Electric Company"): more would join two names */
#define DESCRIPTION_MAX_NATIONS 3 /* nation words between a determiner and a role noun of a
                                 * description ("the Russian President", "his Belarusian counterpart") */

/* Word lengths, in bytes. */
#define WORD_KEY_MAX 64         /* longest word keyed in the name maps (a key buffer holds one): no
                                 * name's word is so long */
#define ACRONYM_MAX 16          /* most letters of an acronym made from a name's initials: a name of
                                 * more capitalised words gets none */
#define ACRONYM_MIN 2           /* fewest letters of such an acronym: one initial is no acronym */
#define INITIAL_MAX_LEN 3       /* longest word that a period token of its own makes an initial or an
                                 * abbreviation inside a name ("Ulysses S. Grant", "Mr. Smith") */
#define AGE_MAX_LEN 3           /* longest number taken for an age between commas after a name ("X, 45,") */
_Static_assert(WORD_KEY_MAX % 8 == 0 && ACRONYM_MAX % 8 == 0, ""); /* keys are hashed eight bytes a step */

/* Capacities: the room the name maps start with (full names, words of names, acronyms), which most
 * articles never outgrow, and the first room for mentions, one per MENTIONS_START_TOKENS tokens (an
 * article has about one per twelve) and MENTIONS_START_MIN more. */
#define FULL_MAP_START 64
#define WORDS_MAP_START 128
#define ACRONYMS_MAP_START 32
#define MENTIONS_START_TOKENS 8
#define MENTIONS_START_MIN 16
/* Room a name's key buffer grows by beyond twice what the name needs, so that it grows a few times
 * an article at most. */
#define KEY_SCRATCH_SLACK 64

/* Thresholds of the decisions on names. */
#define PERSON_NAME_MIN_WORDS 2 /* a name that looks like a person's (name_like) has two or three words */
#define PERSON_NAME_MAX_WORDS 3
#define HANDLE_MIN_HUMPS 2      /* lower-to-capital steps that make a one-word name a handle
                                 * ("DrAmyActon"), not a name as prose writes it */
#define COMMON_LOWER_RATIO 2    /* at a sentence start, a word the article writes in lower case more
                                 * than twice as often (plus one) as capitalised elsewhere is common */
#define NOT_PERSON_EVIDENCE 4   /* organisation or place evidence from which a name takes no votes of
                                 * the pronouns after it */
#define PRONOUN_VOTES_MAX 2     /* pronoun votes that count as person evidence: many "he"s after a name
                                 * do not outweigh what the name itself says */
#define ONE_WORD_PERSON_ABOVE 1 /* person evidence that a one-word name must pass to be a person: a
                                 * given name alone gives EV_WEAK_GIVEN_NAME */

/* Evidence weights that have a name beside their number (the other weights are the cues' own). */
#define EV_HONORIFIC 6          /* "Mr", "Ms" before the name */
#define EV_HEAD_WORD 6          /* the name's last word heads names of one kind ("College", "Island",
                                 * "Times"); taken back when a given name starts it and it speaks */
#define EV_LISTED_PLACE 12      /* the whole name is a country's or a territory's of several words
                                   (the pack's list place_names: "United States", "New Zealand") */
#define EV_GIVEN_NAME 4         /* a given name opens a name of several words */
#define EV_WEAK_GIVEN_NAME 1    /* the same alone, or one the article also writes in lower case */
#define EV_TITLE 4              /* a title or role written before the name ("President X") */
#define EV_HEAD_NOUN 3          /* a noun of a kind after one of its mentions ("the Wagner group"),
                                 * counted once per entity */
/* A person named this many times by the full name and never by the surname alone is one the
 * article keeps apart from another of the same surname (find_entity). */
#define FULL_NAME_REPEATS 2
/* "said study co-author Karen Alley": a speech verb at most 3 words before a name */
#define SPEAKER_BEFORE_WORDS 3
#define EV_SURNAME_REFS 2       /* the last word of its name used alone for it ("Putin"), however often */

/* How well find_entity() matched a name with an entity's: the best match wins, then the most
 * recent entity. */
enum {
    MATCH_FIRST_NAME = 1,       /* a lone word is the first word of a person's fuller name */
    MATCH_SUBSET = 2,           /* same last word, and one name's words are all in the other */
    MATCH_LAST_WORD = 3         /* a lone word is the last word of the fuller name ("Putin") */
};

/* The bytes a word keeps before an ending of the pack's lists for the ending to count: an adjective
 * ending (SW_LIST_ADJECTIVE_ENDINGS; "ally", "rest", "dent" are nouns), a past-tense ending
 * (SW_LIST_PAST_ENDINGS; "bed", "red" are no verbs). A word that opens a sentence with an adverb or
 * participle ending (SW_LIST_OPENER_ENDINGS) has at least OPENER_MIN_LEN bytes ("Only", "King" are
 * too short to be "Reportedly" or "Speaking"). */
#define ADJECTIVE_MIN_STEM 3
#define PAST_MIN_STEM 2
#define OPENER_MIN_LEN 5

/* The name roles (features.h: SW_N_*) the stage tests. A token keeps its word's in 32 bits (c->nm),
 * beside NM_CAPWORD: the per-token array is read on every step of the name scan. */
#define NM_ROLES (SW_N_NAME_PARTICLE | SW_N_DETERMINER | SW_N_HONORIFIC | SW_N_MALE | SW_N_FEMALE | SW_N_PLACE_PREP | \
                  SW_N_GEO_MOD | SW_N_PLACE_HEAD | SW_N_MEDIA_HEAD | SW_N_FAMILY | SW_N_PRON_MALE |              \
                  SW_N_PRON_FEMALE | SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE | SW_N_TOPICAL | SW_N_DEFINITE |           \
                  SW_N_INDEFINITE | SW_N_LOCATIVE | SW_N_DIRECTIONAL | SW_N_INESSIVE | SW_N_AMPERSAND |           \
                  SW_N_CONJUNCTION | SW_N_DISJUNCTION | SW_N_PLACE_NAME_END)
#define NM_CAPWORD (UINT32_C(1) << 31)
_Static_assert(NM_ROLES < NM_CAPWORD, ""); /* every role the stage tests fits below NM_CAPWORD */

/* Whether a word has bytes outside ASCII. */
static int has_non_ascii(const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* The key of a word in the name maps: folded (fold.h), and without marks where the word has an
 * ASCII form ("Erdoğan" and "Erdogan" are one key). Writes at most cap bytes; returns the length. */
static uint32_t word_key_ascii(const char *w, uint32_t len, char *dst, uint32_t cap, int *ascii)
{
    *ascii = 0;
    if (len <= cap) {
        /* the common case, an ASCII word: fold it and learn that it is ASCII in one pass */
        unsigned char high = 0;
        for (uint32_t i = 0; i < len; i++) {
            unsigned char ch = (unsigned char)w[i];
            high |= ch;
            dst[i] = (char)sw_fold_byte(ch);
        }
        if (!(high & 0x80)) {
            *ascii = 1;
            return len;
        }
    }
    if (has_non_ascii(w, len)) {
        size_t n = sw_ascii_form(w, len, dst, cap);
        if (n) return (uint32_t)n;
    }
    if (len > cap) len = cap;
    sw_fold(w, len, dst);
    return len;
}

/* word_key_ascii() without telling whether the word is ASCII. */
static uint32_t word_key(const char *w, uint32_t len, char *dst, uint32_t cap)
{
    int ascii;
    return word_key_ascii(w, len, dst, cap, &ascii);
}

/* The hash of a key of the name maps (hash.h), never 0 (0 marks a hash not yet computed). Every
 * key is hashed in a buffer with room for SW_HASH_ROOM(len) bytes, so the last step is one load.
 * The maps are only ever probed, never walked in slot order, so the hash decides nothing but
 * where keys sit. */
static uint64_t key_hash(const char *s, size_t len)
{
    uint64_t h = sw_hash_padded64(s, len);
    return h ? h : 1;
}

/* ------------------------------------------------------------------------------------------------
 * The name maps: the library's hash table (map.h), byte-string keys -> values >= 0 in the arena;
 * the caller gives each key's key_hash().
 * --------------------------------------------------------------------------------------------- */

/* Makes an empty map with room for `want` keys; 0 when out of memory. */
static int name_map_init(sw_arena *a, sw_map *m, uint32_t want)
{
    return sw_map_init_arena(m, a, SW_MAP_BYTES, sizeof(int32_t), want);
}

/* The value of key (whose key_hash() is h), or -1. */
static int32_t name_map_get(const sw_map *m, const char *key, uint32_t len, uint64_t h)
{
    const int32_t *v = sw_map_get_bytes_h(m, key, len, h);
    return v ? *v : -1;
}

/* Sets key -> val, given the key's key_hash() h. 0 when out of memory (the map is then as it
 * was). */
static int name_map_put(sw_map *m, const char *key, uint32_t len, uint64_t h, int32_t val)
{
    int32_t *v = sw_map_put_bytes_h(m, key, len, h, NULL);
    if (!v) return 0;
    *v = val;
    return 1;
}

/* The value of key (hash h) when the map has it; else sets key -> val (val >= 0) and returns val.
 * -2 when out of memory (the map is then as it was). */
static int32_t name_map_get_or_put(sw_map *m, const char *key, uint32_t len, uint64_t h, int32_t val)
{
    int added;
    int32_t *v = sw_map_put_bytes_h(m, key, len, h, &added);
    if (!v) return -2;
    if (added) *v = val;
    return *v;
}

/* ------------------------------------------------------------------------------------------------
 * Stage state
 * --------------------------------------------------------------------------------------------- */

/* What the stage counts of one distinct word of the article (doc->words, by the same index): its
 * name roles (NM_ROLES of the pack's) and how often the body writes it in lower case and
 * capitalised away from a sentence start. */
typedef struct wstat {
    uint16_t lower, midcap;
    uint32_t nm;
} wstat;


typedef struct cand {            /* one mention found */
    uint32_t tok_s, tok_e, pre_s;
    uint32_t start, end;
    int32_t ent;
    uint8_t kind;
} cand;

typedef struct xent {            /* evidence gathered for one entity */
    int32_t ev[EV_KINDS];
    int32_t pron_m, pron_f, pron_votes;
    uint8_t lex_gender;
    uint32_t last_tok;           /* start token of its latest mention (recency) */
    uint32_t n_ments;
    int32_t sibling;             /* an entity named next to it in a list ("Warsaw, Rzeszów"), or -1 */
    uint8_t sibling_strong;      /* joined by "and" / "or" rather than a comma */
    uint8_t head_noun[EV_KINDS]; /* a noun of that kind followed one of its mentions */
    uint32_t surname_refs;       /* mentions by the last word of a longer name alone ("Putin") */
} xent;

typedef struct node {
    int32_t ent, next;
} node;

typedef struct nword {           /* one distinct key of the words of names */
    const char *key;             /* word_key() of the word without its final period (arena, with
                                  * SW_HASH_ROOM(len) bytes) */
    uint32_t len;
    int32_t head;                /* the entities whose names have the word: first node, or -1 */
} nword;

typedef struct ectx {
    sw_doc *doc;
    sw_arena *arena;
    const sw_tok *toks;
    uint32_t n_toks;
    const uint64_t *cls;         /* lexicon classes of each token (the lookup stage's doc->tok_cls) */
    uint32_t *nm;                /* name roles (NM_ROLES) of each token, and NM_CAPWORD */
    const uint32_t *core;        /* byte length of each token without a possessive ending */
    const sw_pack_list *possessives; /* the pack's possessive endings (SW_LIST_POSSESSIVE_ENDINGS) */
    uint8_t possessive_first[256]; /* 1: an ending with a letter begins with the byte, in either case */
    uint32_t *marks;             /* body tokens that are determiners or gendered pronouns, in order */
    size_t n_marks;
    wstat *wstats;               /* per distinct word (doc->words) */
    uint32_t n_wstats;
    const int32_t *tok_wstat;    /* word token -> its distinct word, -1 for others (doc->tok_word) */

    cand *cands;
    size_t n_cands, cap_cands;
    xent *xe;
    sw_entinfo *ei;
    size_t n_ents, cap_ents, cap_ei;
    sw_map full, acro;           /* name_key() of a name / an acronym -> its entity */
    sw_map words;                /* key of a name word -> its number in nwords */
    nword *nwords;               /* the name words (see "The words of names") */
    size_t n_nwords, cap_nwords;
    int32_t *wnword;             /* distinct word (wstats) -> its name word number, -1 unknown */
    node *nodes;
    size_t n_nodes, cap_nodes;
    char *scratch;               /* key building */
    size_t cap_scratch;
    uint32_t key_s, key_e;       /* the tokens whose name_key() scratch holds (key_e 0: none) */
    uint32_t key_len;            /* its length */
    uint64_t key_hash;           /* its key_hash() (0: not yet computed) */
} ectx;

static const char *tok_text(const ectx *c, uint32_t i) { return c->doc->text + c->toks[i].start; }
static uint32_t tok_len(const ectx *c, uint32_t i) { return c->toks[i].end - c->toks[i].start; }

/* Whether token i, as written, ends with an item of the pack's list `list` (SW_LIST_*) with at
 * least min_stem bytes before it. */
static int tok_has_ending(const ectx *c, uint32_t i, unsigned list, size_t min_stem)
{
    return sw_ent_ending(c->doc->pack, list, tok_text(c, i), tok_len(c, i), min_stem, 0) >= 0;
}

/* Whether token i has one of the name roles `roles` (NM_ROLES). */
static int nm_has(const ectx *c, uint32_t i, uint32_t roles) { return i < c->n_toks && (c->nm[i] & roles) != 0; }

static int is_word(const ectx *c, uint32_t i) { return c->toks[i].kind == SW_TK_WORD; }

/* The lexicon classes of token i (classify_tokens gave every token its word's). */
static inline uint64_t CLS(const ectx *c, uint32_t i) { return c->cls[i]; }

/* Byte length of token i without a possessive ending (computed once in classify_tokens). */
static uint32_t core_len(const ectx *c, uint32_t i) { return c->core[i]; }

/* Whether byte b is an ASCII letter. */
static int ascii_letter(unsigned char b) { return (unsigned)(sw_fold_byte(b) - 'a') < 26u; }

/* Whether byte b is an ASCII capital (a byte that folding changes: fold.h folds ASCII only). */
static int ascii_capital(unsigned char b) { return sw_fold_byte(b) != b; }

/* The position of the first letter of a possessive ending of the pack: the length of its mark
 * ("'" of "'s"); its length when it has no letter (the apostrophe alone, which the stage leaves
 * alone: as a token of its own it closes a quotation as often). */
static uint32_t ending_letters_at(const sw_pack_item *e)
{
    uint32_t j = 0;
    while (j < e->len && !ascii_letter((unsigned char)e->str[j])) j++;
    return j;
}

/* Notes the pack's possessive endings, and the first bytes of those that have a letter, by which
 * nearly every token is passed over. */
static void possessives_init(ectx *c)
{
    c->possessives = sw_pack_list_of(c->doc->pack, SW_LIST_POSSESSIVE_ENDINGS);
    memset(c->possessive_first, 0, sizeof c->possessive_first);
    for (uint32_t k = 0; k < c->possessives->n; k++) {
        const sw_pack_item *e = &c->possessives->items[k];
        if (!e->len || ending_letters_at(e) == e->len) continue;
        unsigned char b = (unsigned char)e->str[0];
        c->possessive_first[b] = 1;
        if (ascii_letter(b)) c->possessive_first[b ^ 0x20] = 1; /* the other case */
    }
}

/* possessive_ending() for a token whose first byte begins an ending. */
static int possessive_ending_slow(const ectx *c, uint32_t i)
{
    uint32_t l = tok_len(c, i);
    const char *s = tok_text(c, i);
    for (uint32_t k = 0; k < c->possessives->n; k++) {
        const sw_pack_item *e = &c->possessives->items[k];
        if (e->len != l || ending_letters_at(e) == l) continue;
        uint32_t j = 0;
        while (j < l && sw_fold_byte((unsigned char)s[j]) == (unsigned char)e->str[j]) j++;
        if (j == l) return 1;
    }
    return 0;
}

/* Whether token i is a possessive ending of the pack with a letter written as a token of its own
 * ("Smith" "’s"), compared without case. */
static inline int possessive_ending(const ectx *c, uint32_t i)
{
    return c->possessive_first[(unsigned char)tok_text(c, i)[0]] ? possessive_ending_slow(c, i) : 0;
}

/* Whether token i is the letters of a possessive ending of the pack, as the list writes them, whose
 * mark is the token before it ("s" after an apostrophe taken for a quotation mark). */
static int possessive_letters(const ectx *c, uint32_t i)
{
    uint32_t l = tok_len(c, i);
    const char *s = tok_text(c, i);
    for (uint32_t k = 0; k < c->possessives->n; k++) {
        const sw_pack_item *e = &c->possessives->items[k];
        uint32_t m = ending_letters_at(e);
        if (m > 0 && m < e->len && e->len - m == l && memcmp(s, e->str + m, l) == 0) return 1;
    }
    return 0;
}

/* Whether word i carries a possessive: its own ending, or an ending of the pack written as a
 * token of its own glued to it ("Smith" "’s"), or as its mark and its letters ("Smith" "'" "s"). */
static int has_possessive(const ectx *c, uint32_t i)
{
    if (core_len(c, i) < tok_len(c, i)) return 1;
    if (i + 1 < c->n_toks && c->toks[i + 1].block == c->toks[i].block) {
        const sw_tok *n = &c->toks[i + 1];
        if (possessive_ending(c, i + 1)) return 1;
        if (n->flags & SW_TF_SPACE_BEFORE) return 0;
        if (n->kind == SW_TK_QUOTE && n->qm == SW_QM_NONE && i + 2 < c->n_toks &&
            !(c->toks[i + 2].flags & SW_TF_SPACE_BEFORE) && possessive_letters(c, i + 2))
            return 1;
    }
    return 0;
}

/* Bit kept in c->nm for capitalised words: a word that begins with a capital letter, or a name
 * particle glued to one ("al-Assad"); computed once in classify_tokens. */
static inline int capword(const ectx *c, uint32_t i) { return (c->nm[i] & NM_CAPWORD) != 0; }

static int allcaps(const ectx *c, uint32_t i) { return (c->toks[i].flags & SW_TF_ALLCAPS) != 0; }

/* Whether the capital of token i may come from its position (start of a sentence, a block, a
 * quotation or after a colon) rather than from being a name. */
static int position_capital(const ectx *c, uint32_t i)
{
    const sw_tok *t = &c->toks[i];
    if (t->flags & (SW_TF_SENT_START | SW_TF_BLOCK_START)) return 1;
    if (i == 0) return 1;
    const sw_tok *p = &c->toks[i - 1];
    if (p->block != t->block) return 1;
    if (p->kind == SW_TK_QUOTE) return 1;
    if (p->kind == SW_TK_PUNCT) {
        char ch = c->doc->text[p->start];
        if (ch == ':' || ch == '.' || ch == '?' || ch == '!' || ch == '(' || ch == '-' || ch == ';') return 1;
        if ((unsigned char)ch == 0xE2) return 1; /* dashes, ellipsis */
    }
    return 0;
}

/* A lower-case particle inside a name: "Ludwig van Beethoven", "Arnel dela Vega". */
static int is_particle(const ectx *c, uint32_t i)
{
    return is_word(c, i) && !capword(c, i) && nm_has(c, i, SW_N_NAME_PARTICLE);
}

/* Honorifics: closed-class words of address, with the gender they imply. */
static int honorific(const ectx *c, uint32_t i, int *gender)
{
    if (!capword(c, i) || !nm_has(c, i, SW_N_HONORIFIC)) return 0;
    *gender = nm_has(c, i, SW_N_MALE) ? SW_GENDER_MALE : nm_has(c, i, SW_N_FEMALE) ? SW_GENDER_FEMALE : 0;
    return 1;
}

/* The article-wide statistics of word token i, or NULL for tokens that have none. */
static wstat *wstat_of(const ectx *c, uint32_t i)
{
    int32_t k = c->tok_wstat[i];
    return k >= 0 ? &c->wstats[k] : NULL;
}

/* Body blocks produce entities; the others (headline, slug, headings, boilerplate, teasers) only
 * link to them; datelines are skipped. */
enum { BLK_BODY = 0, BLK_LINK_ONLY, BLK_SKIP };

/* BLK_BODY, BLK_LINK_ONLY or BLK_SKIP for block b (see above). */
static int block_role(const sw_doc *doc, uint32_t b)
{
    const sw_iblock *bl = &doc->blocks[b];
    if (bl->kind == SW_BLOCK_DATELINE) return BLK_SKIP;
    if (bl->kind == SW_BLOCK_PARAGRAPH && bl->section == SW_SECTION_BODY) return BLK_BODY;
    return BLK_LINK_ONLY;
}

/* A headline or a heading that the text did not mark as one: a body paragraph of one short line
 * in title case or in capitals ("Council Quietly Drops Harbour Plan.", "FULL TEXT."). Pass 2 takes
 * its names as it takes a headline's: they only link to the names of the body. */
/* A headline is a line of at most 40 tokens: longer paragraphs are prose. */
#define HEADLINE_MAX_TOKENS 40
/* A paragraph in capitals of at most 12 words is a heading ("ABSTRACT.", "FULL TEXT."). */
#define HEADING_CAPS_MAX_WORDS 12
/* Title case: at least 3 words that are not grammar words, all capitalised, ... */
#define HEADLINE_MIN_CONTENT 3
/* ... and at least 2 capitalised words that are common words: grammar words, finite verbs, or
 * words the article writes in lower case elsewhere ("Drops", "Plan", "The", "Are"). A line of
 * names only ("Washington, D.C.", "Mauricio Fraga-Rosenfeld.") is no headline. */
#define HEADLINE_MIN_COMMON 2

/* Whether capitalised word i is a common word (see HEADLINE_MIN_COMMON) rather than a name's. */
static int common_capword(const ectx *c, uint32_t i)
{
    if (CLS(c, i) & (SW_LX_FUNCTION | SW_LX_VERB_PAST | SW_LX_VERB_3SG | SW_LX_SPEECH | SW_LX_COGNITION)) return 1;
    const wstat *w = wstat_of(c, i);
    return w && w->lower > 0;
}

static int headline_block(const ectx *c, uint32_t b)
{
    const sw_iblock *bl = &c->doc->blocks[b];
    if (bl->tok_end - bl->tok_start > HEADLINE_MAX_TOKENS) return 0;
    uint32_t words = 0, caps = 0, content = 0, common = 0;
    for (uint32_t i = bl->tok_start; i < bl->tok_end && i < c->n_toks; i++) {
        unsigned char first = (unsigned char)tok_text(c, i)[0];
        if (!is_word(c, i) || possessive_ending(c, i) || (first >= '0' && first <= '9')) continue;
        words++;
        caps += allcaps(c, i);
        int cap = capword(c, i);
        if (!(CLS(c, i) & SW_LX_FUNCTION)) {
            if (!cap) return 0;
            content++;
        }
        common += cap && common_capword(c, i);
    }
    if (words && caps == words && words <= HEADING_CAPS_MAX_WORDS) return 1;
    return content >= HEADLINE_MIN_CONTENT && common >= HEADLINE_MIN_COMMON;
}

/* ------------------------------------------------------------------------------------------------
 * Pass 1: name roles and word statistics
 * --------------------------------------------------------------------------------------------- */

/* What pass 1 asks of every word that is not capitalised before the pack's glued name particles
 * (SW_LIST_GLUED_PARTICLES: "al-", "el-"): whether its byte at `at`, the last byte of the shortest
 * item (the hyphen), is one that an item has there. For nearly every word that is one load and one
 * table read; only the few that pass are compared with the items. */
typedef struct glue_probe {
    const sw_pack_list *particles;
    uint32_t at;                 /* below SW_TEXT_PAD: readable at any word of the padded text */
    uint8_t hit[256];            /* 1 for the bytes that some item has at `at` */
} glue_probe;

/* Prepares the probe of the pack's glued particles (empty items are none; with no item, no byte
 * passes). */
static void glue_probe_init(glue_probe *g, const sw_pack *pack)
{
    memset(g, 0, sizeof *g);
    g->particles = sw_pack_list_of(pack, SW_LIST_GLUED_PARTICLES);
    const sw_pack_item *items = g->particles->items;
    uint32_t shortest = SW_TEXT_PAD;
    for (uint32_t k = 0; k < g->particles->n; k++)
        if (items[k].len && items[k].len < shortest) shortest = items[k].len;
    g->at = shortest - 1;
    for (uint32_t k = 0; k < g->particles->n; k++)
        if (items[k].len) g->hit[(unsigned char)items[k].str[g->at]] = 1;
}

/* Whether the word s (len bytes) is a glued particle of the pack, as written, then a capital and
 * at least one more byte ("al-Assad"): a capitalised word of a name. */
static int glued_capital(const glue_probe *g, const char *s, uint32_t len)
{
    for (uint32_t k = 0; k < g->particles->n; k++) {
        const sw_pack_item *p = &g->particles->items[k];
        if (p->len && len > p->len + 1u && memcmp(s, p->str, p->len) == 0 &&
            ascii_capital((unsigned char)s[p->len]))
            return 1;
    }
    return 0;
}

/* Pass 1: the name roles of every token (its distinct word's, which the lookup stage found in the
 * pack) and the article-wide statistics of every word (lower-case occurrences, capitalised
 * occurrences that are not at a sentence start), and the body's determiners and gendered pronouns.
 * The lookup stage has given every token its word and lexicon fields already (doc.h). */
static sw_status classify_tokens(ectx *c)
{
    sw_doc *doc = c->doc;
    c->cls = doc->tok_cls;
    c->core = doc->tok_core;
    c->tok_wstat = doc->tok_word;
    c->n_wstats = doc->n_words;
    c->wstats = sw_arena_calloc(c->arena, (size_t)c->n_wstats + 1, sizeof *c->wstats);
    c->nm = sw_arena_alloc(c->arena, (c->n_toks + 1) * sizeof *c->nm);
    c->marks = sw_arena_alloc(c->arena, (c->n_toks + 1) * sizeof *c->marks);
    if (!c->wstats || !c->nm || !c->marks) return SW_ERR_NOMEM;
    const char *text = doc->text;
    const sw_tok *toks = c->toks;
    possessives_init(c);
    glue_probe glue;
    glue_probe_init(&glue, doc->pack);
    /* the name roles of every distinct word, which the lookup stage found in the pack */
    for (uint32_t k = 0; k < c->n_wstats; k++) {
        const sw_word_type *w = &doc->words[k];
        uint32_t names = (uint32_t)(w->names & NM_ROLES);
        c->wstats[k].nm = names;
    }
    /* the arrays in locals: kept in c, each would be read again after every store into another */
    uint32_t *nm = c->nm, *marks = c->marks;
    const int32_t *tok_wstat = c->tok_wstat;
    wstat *ws = c->wstats;
    size_t n_marks = 0;
    uint32_t done = 0; /* tokens [0, done) have their fields set */
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        const sw_iblock *bl = &doc->blocks[b];
        int body = block_role(doc, b) == BLK_BODY;
        uint32_t marks_mask = body ? (SW_N_DETERMINER | SW_N_PRON_MALE | SW_N_PRON_FEMALE) : 0;
        uint32_t lo = bl->tok_start < done ? done : bl->tok_start;
        if (lo > c->n_toks) lo = c->n_toks;
        for (; done < lo; done++) nm[done] = 0; /* tokens outside every block */
        uint32_t hi = bl->tok_end < c->n_toks ? bl->tok_end : c->n_toks;
        if (hi < lo) hi = lo;
        for (uint32_t i = lo; i < hi; i++) {
            const sw_tok *t = &toks[i];
            const char *s = text + t->start;
            if (t->kind != SW_TK_WORD) {
                nm[i] = (t->end - t->start == 1 && s[0] == '&') ? (uint32_t)SW_N_AMPERSAND : 0; /* the symbol & */
                continue;
            }
            /* capitalised: SW_TF_CAP, or a particle glued to a capital (al-Assad, el-Sisi); the
             * rare probe byte (the hyphen) asked first, the flag moved into place without a branch:
             * which words are capitalised is no pattern a branch predictor learns */
            uint32_t capbit = (uint32_t)(t->flags & SW_TF_CAP) * NM_CAPWORD;
            if (glue.hit[(unsigned char)s[glue.at]] && !capbit && glued_capital(&glue, s, t->end - t->start))
                capbit = NM_CAPWORD;
            int32_t k = tok_wstat[i];
            if (k < 0) {
                nm[i] = capbit; /* no word list holds such a word */
                continue;
            }
            wstat *w = &ws[k];
            uint32_t wnm = w->nm;
            nm[i] = capbit | wnm;
            marks[n_marks] = i;
            n_marks += (wnm & marks_mask) != 0;
            if (!body) continue;
            if (!capbit) {
                if (w->lower < UINT16_MAX) w->lower++;
            } else if (!position_capital(c, i)) {
                if (w->midcap < UINT16_MAX) w->midcap++;
            }
        }
        done = hi > done ? hi : done;
    }
    for (; done <= c->n_toks; done++) nm[done] = 0;
    c->n_marks = n_marks;
    c->wnword = sw_arena_alloc(c->arena, (c->n_wstats + 1) * sizeof *c->wnword);
    if (!c->wnword) return SW_ERR_NOMEM;
    memset(c->wnword, 0xFF, (c->n_wstats + 1) * sizeof *c->wnword); /* all -1 */
    return SW_OK;
}

/* ------------------------------------------------------------------------------------------------
 * Entities and linking
 * --------------------------------------------------------------------------------------------- */

/* The distinct keys of the words of names (word_key() of a word without its final period) are
 * kept once each and numbered (c->nwords); c->words maps a key to its number, and each number
 * heads the list of the entities whose names have the word. A token finds its word's number
 * through its word statistics (c->wnword), where the number is noted the first time, so a word of
 * a name is folded and hashed once per article rather than each time a name with it is looked up,
 * indexed, keyed or compared. Only ASCII words note their number there: the statistics merge
 * words that differ in bit 0x20 of some bytes, which for ASCII is case alone (and every token of
 * the word then has the same key), but not for other letters ("Ā" and "Ġ"). */

/* The name-word number noted for the word of token i, or -1 when none is (yet). */
static int32_t known_name_word(const ectx *c, uint32_t i)
{
    int32_t k = c->tok_wstat[i];
    return k >= 0 ? c->wnword[k] : -1;
}

/* The key of the name word at token i into buf (WORD_KEY_MAX bytes): its length, or 0 when the word
 * has none (nothing but a period, or longer than WORD_KEY_MAX bytes); *ascii says whether the word
 * is ASCII. */
static uint32_t name_word_key(const ectx *c, uint32_t i, char *buf, int *ascii)
{
    uint32_t l = core_len(c, i);
    const char *w = tok_text(c, i);
    if (l && w[l - 1] == '.') l--;
    if (!l || l > WORD_KEY_MAX) return 0;
    /* an ASCII word, eight bytes a step: w is in the padded text (doc.h) and buf has WORD_KEY_MAX
     * bytes, a multiple of eight, so the last step may read and write past the word */
    uint64_t high = 0;
    for (uint32_t k = 0; k < l; k += 8) {
        uint64_t v = sw_load64(w + k) & sw_low_bytes(l - k);
        high |= v;
        sw_store64(buf + k, sw_fold_ascii8(v)); /* garbage unless ASCII: then not used */
    }
    if (sw_is_ascii8(high)) {
        *ascii = 1;
        return l;
    }
    return word_key_ascii(w, l, buf, WORD_KEY_MAX, ascii);
}

/* The number of the name word at token i, or -1 when no name has the word (or it has no key). */
static int32_t find_name_word(const ectx *c, uint32_t i)
{
    int32_t id = known_name_word(c, i);
    if (id >= 0) return id;
    char buf[WORD_KEY_MAX];
    int ascii;
    uint32_t l = name_word_key(c, i, buf, &ascii);
    if (!l) return -1;
    id = name_map_get(&c->words, buf, l, key_hash(buf, l));
    if (id >= 0 && ascii && c->tok_wstat[i] >= 0) c->wnword[c->tok_wstat[i]] = id;
    return id;
}

/* The number of the name word at token i, made when new (with no entities yet); -1 when the word
 * has no key, -2 when out of memory. */
static int32_t add_name_word(ectx *c, uint32_t i)
{
    int32_t id = known_name_word(c, i);
    if (id >= 0) return id;
    char buf[WORD_KEY_MAX];
    int ascii;
    uint32_t l = name_word_key(c, i, buf, &ascii);
    if (!l) return -1;
    /* room for the word, should it be new, made first: once in the map, its number must be valid
     * (name_key() goes on after an out-of-memory failure here) */
    if (c->n_nwords == c->cap_nwords) {
        c->nwords = sw_arena_grow(c->arena, c->nwords, sizeof *c->nwords, c->n_nwords, &c->cap_nwords,
                                  c->n_nwords + 1);
        if (!c->nwords) return -2;
    }
    char *key = sw_arena_alloc(c->arena, SW_HASH_ROOM(l)); /* copied eight bytes a step (name_key) */
    if (!key) return -2;
    memcpy(key, buf, SW_HASH_ROOM(l));
    c->nwords[c->n_nwords] = (nword){key, l, -1};
    id = name_map_get_or_put(&c->words, buf, l, key_hash(buf, l), (int32_t)c->n_nwords);
    if (id == -2) return -2;
    if (id == (int32_t)c->n_nwords) c->n_nwords++; /* new */
    if (ascii && c->tok_wstat[i] >= 0) c->wnword[c->tok_wstat[i]] = id;
    return id;
}

/* Builds the folded key of the name words in tokens [s, e) into c->scratch ("vladimir putin");
 * returns its length, or 0 when out of memory. Periods and possessives are left out. */
static uint32_t name_key(ectx *c, uint32_t s, uint32_t e)
{
    /* a name is often keyed twice in a row (found, then named or indexed): the key is still there */
    if (c->key_e && c->key_s == s && c->key_e == e) return c->key_len;
    c->key_e = 0;
    size_t need = 8; /* the words' keys are copied and hashed eight bytes a step: room for the last */
    for (uint32_t i = s; i < e; i++) need += tok_len(c, i) + 1;
    if (need > c->cap_scratch) {
        size_t cap = need * 2 + KEY_SCRATCH_SLACK;
        c->scratch = sw_arena_alloc(c->arena, cap);
        if (!c->scratch) return 0;
        c->cap_scratch = cap;
    }
    size_t n = 0;
    for (uint32_t i = s; i < e; i++) {
        if (!is_word(c, i)) continue;
        /* a word of a name is numbered when first keyed, so that finding, indexing and comparing
         * the name then need not fold it again (an out-of-memory failure here only costs that) */
        int32_t id = known_name_word(c, i);
        if (id < 0 && c->tok_wstat[i] >= 0 && add_name_word(c, i) >= 0) id = known_name_word(c, i);
        if (id >= 0) { /* its key, already folded, copied eight bytes a step (scratch has room) */
            if (n) c->scratch[n++] = ' ';
            const nword *nw = &c->nwords[id];
            for (uint32_t k = 0; k < nw->len; k += 8) memcpy(c->scratch + n + k, nw->key + k, 8);
            n += nw->len;
            continue;
        }
        uint32_t l = core_len(c, i);
        const char *w = tok_text(c, i);
        if (l && w[l - 1] == '.') l--;
        if (!l) continue;
        if (n) c->scratch[n++] = ' ';
        n += word_key(w, l, c->scratch + n, (uint32_t)(c->cap_scratch - n));
    }
    c->key_s = s;
    c->key_e = e;
    c->key_len = (uint32_t)n;
    c->key_hash = 0;
    return (uint32_t)n;
}

/* key_hash() of the key name_key() built last (kl bytes in c->scratch), computed once. */
static uint64_t name_key_hash(ectx *c, uint32_t kl)
{
    if (!c->key_hash) c->key_hash = key_hash(c->scratch, kl);
    return c->key_hash;
}

/* Case-insensitive equality of two word tokens, without possessives and final periods. */
static int words_eq(const ectx *c, uint32_t a, uint32_t b)
{
    int32_t ia = known_name_word(c, a), ib = known_name_word(c, b);
    if (ia >= 0 && ib >= 0) return ia == ib;
    uint32_t la = core_len(c, a), lb = core_len(c, b);
    const char *sa = tok_text(c, a), *sb = tok_text(c, b);
    if (la && sa[la - 1] == '.') la--;
    if (lb && sb[lb - 1] == '.') lb--;
    if (has_non_ascii(sa, la) || has_non_ascii(sb, lb)) {
        /* "Erdoğan" = "Erdogan" */
        char ka[WORD_KEY_MAX], kb[WORD_KEY_MAX];
        if (la > sizeof ka || lb > sizeof kb) return 0;
        uint32_t na = word_key(sa, la, ka, sizeof ka), nb = word_key(sb, lb, kb, sizeof kb);
        return na == nb && memcmp(ka, kb, na) == 0;
    }
    if (la != lb) return 0;
    for (uint32_t k = 0; k < la; k++)
        if (sw_fold_byte((unsigned char)sa[k]) != sw_fold_byte((unsigned char)sb[k])) return 0;
    return 1;
}

/* Index of the last word token in [s, e), or e when none. */
static uint32_t last_word(const ectx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = e; i > s; i--)
        if (is_word(c, i - 1)) return i - 1;
    return e;
}

/* Index of the first word token in [s, e), or e when none. */
static uint32_t first_word(const ectx *c, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++)
        if (is_word(c, i)) return i;
    return e;
}

/* A word that counts in a name: not a particle, not a lower-case function word ("of"). */
static int significant(const ectx *c, uint32_t i)
{
    return is_word(c, i) && !is_particle(c, i) && !(capword(c, i) == 0 && (CLS(c, i) & SW_LX_FUNCTION));
}

/* Every significant word of [as, ae) occurs in [bs, be). */
static int words_subset(const ectx *c, uint32_t as, uint32_t ae, uint32_t bs, uint32_t be)
{
    for (uint32_t i = as; i < ae; i++) {
        if (!significant(c, i)) continue;
        int found = 0;
        for (uint32_t j = bs; j < be && !found; j++)
            if (significant(c, j) && words_eq(c, i, j)) found = 1;
        if (!found) return 0;
    }
    return 1;
}

/* Number of significant words in [s, e). */
static uint32_t count_words(const ectx *c, uint32_t s, uint32_t e)
{
    uint32_t n = 0;
    for (uint32_t i = s; i < e; i++) n += significant(c, i) ? 1u : 0u;
    return n;
}

/* Adds entity `ent` to the list of the word at token i. 0 when out of memory. */
static int index_word(ectx *c, uint32_t i, int32_t ent)
{
    int32_t id = add_name_word(c, i);
    if (id == -1) return 1;
    if (id < 0) return 0;
    int32_t head = c->nwords[id].head;
    int steps = 0;
    for (int32_t k = head; k >= 0 && steps < WORD_LIST_DUP_SCAN; k = c->nodes[k].next, steps++)
        if (c->nodes[k].ent == ent) return 1;
    if (c->n_nodes == c->cap_nodes) {
        c->nodes = sw_arena_grow(c->arena, c->nodes, sizeof *c->nodes, c->n_nodes, &c->cap_nodes, c->n_nodes + 1);
        if (!c->nodes) return 0;
    }
    c->nodes[c->n_nodes].ent = ent;
    c->nodes[c->n_nodes].next = head;
    c->nwords[id].head = (int32_t)c->n_nodes++;
    return 1;
}

/* Registers the initials of a multi-word name as an acronym of its entity ("European Union" ->
 * "eu"). */
static int index_acronym(ectx *c, uint32_t s, uint32_t e, int32_t ent)
{
    char buf[ACRONYM_MAX];
    uint32_t n = 0;
    for (uint32_t i = s; i < e; i++) {
        if (!is_word(c, i) || !capword(c, i)) continue;
        if (CLS(c, i) & SW_LX_FUNCTION) continue;
        if (n >= sizeof buf) return 1;
        buf[n++] = (char)sw_fold_byte((unsigned char)tok_text(c, i)[0]);
    }
    if (n < ACRONYM_MIN) return 1;
    return name_map_get_or_put(&c->acro, buf, n, key_hash(buf, n), ent) != -2; /* the first entity keeps it */
}

/* Makes tokens [s, e) the entity's name when it has more words than the present one, and indexes
 * the new words. */
static int set_name(ectx *c, int32_t ent, uint32_t s, uint32_t e)
{
    sw_entinfo *ei = &c->ei[ent];
    uint32_t nw = count_words(c, s, e);
    if (ei->name_tok_end > ei->name_tok_start && nw <= ei->name_words) return 1;
    ei->name_tok_start = s;
    ei->name_tok_end = e;
    ei->name_words = (uint8_t)(nw > UINT8_MAX ? UINT8_MAX : nw);
    for (uint32_t i = s; i < e; i++)
        if (significant(c, i) && !index_word(c, i, ent)) return 0;
    uint32_t kl = name_key(c, s, e);
    if (kl && !name_map_put(&c->full, c->scratch, kl, name_key_hash(c, kl), ent)) return 0;
    if (nw >= 2 && !index_acronym(c, s, e, ent)) return 0;
    return 1;
}

/* Creates an entity named by tokens [s, e); returns its index, or -2 when out of memory. */
static int32_t new_entity(ectx *c, uint32_t s, uint32_t e)
{
    if (c->n_ents == c->cap_ents || c->n_ents == c->cap_ei) {
        size_t cap_x = c->cap_ents;
        c->xe = sw_arena_grow(c->arena, c->xe, sizeof *c->xe, c->n_ents, &cap_x, c->n_ents + 1);
        if (!c->xe) return -2;
        c->ei = sw_arena_grow(c->arena, c->ei, sizeof *c->ei, c->n_ents, &c->cap_ei, c->n_ents + 1);
        if (!c->ei) return -2;
        c->cap_ents = cap_x;
    }
    int32_t ent = (int32_t)c->n_ents++;
    memset(&c->xe[ent], 0, sizeof c->xe[ent]);
    c->xe[ent].sibling = -1;
    memset(&c->ei[ent], 0, sizeof c->ei[ent]);
    if (!set_name(c, ent, s, e)) return -2;
    return ent;
}

/* Whether the name starting at token s is the object of a preposition ("a photo of Heidi Cruz"),
 * after its determiner if any: not the sentence's topic. */
static int after_preposition(const ectx *c, uint32_t s)
{
    while (s > 0 && is_word(c, s - 1) && nm_has(c, s - 1, SW_N_DETERMINER)) s--;
    return s > 0 && is_word(c, s - 1) && c->doc->tok_roles && (c->doc->tok_roles[s - 1] & SW_W_PREP);
}

/* Finds the entity that the name on tokens [s, e) refers to, or -1. See the file comment. */
static int32_t find_entity(ectx *c, uint32_t s, uint32_t e)
{
    uint32_t kl = name_key(c, s, e);
    if (!kl) return -1;
    int32_t ent = name_map_get(&c->full, c->scratch, kl, name_key_hash(c, kl));
    if (ent >= 0) return ent;
    uint32_t nw = count_words(c, s, e);
    uint32_t lw = last_word(c, s, e);
    if (lw == e) return -1;
    if (nw == 1 && allcaps(c, lw)) {
        ent = name_map_get(&c->acro, c->scratch, kl, name_key_hash(c, kl));
        if (ent >= 0) return ent;
    }
    int32_t id = find_name_word(c, lw);
    int32_t head = id >= 0 ? c->nwords[id].head : -1;
    int32_t best = -1, best_score = 0;
    uint32_t best_recent = 0, best_refs = 0;
    int steps = 0;
    for (int32_t k = head; k >= 0 && steps < MAX_CANDIDATES; k = c->nodes[k].next, steps++) {
        int32_t cand_ent = c->nodes[k].ent;
        const sw_entinfo *ei = &c->ei[cand_ent];
        uint32_t es = ei->name_tok_start, ee = ei->name_tok_end;
        uint32_t elw = last_word(c, es, ee);
        int score = 0;
        if (nw == 1) {
            if (elw < ee && words_eq(c, lw, elw)) score = MATCH_LAST_WORD;
            else {
                uint32_t efw = first_word(c, es, ee);
                if (efw < ee && words_eq(c, lw, efw) && ei->name_words >= 2 &&
                    ((CLS(c, efw) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) || c->xe[cand_ent].ev[EV_PERSON] > 0))
                    score = MATCH_FIRST_NAME;
            }
        } else if (elw < ee && words_eq(c, lw, elw)) {
            if (words_subset(c, s, e, es, ee) || words_subset(c, es, ee, s, e)) score = MATCH_SUBSET;
        }
        if (!score) continue;
        uint32_t recent = c->xe[cand_ent].last_tok;
        /* "Ted Cruz ... Cruz said ... Heidi Cruz ... Cruz said": of two people with the surname,
         * a lone surname means one named in this sentence or the one before, else the one the
         * article already calls by it, and not one it keeps calling by the full name ("Eric
         * Trump" again and again beside "Trump"); then the most recent */
        uint32_t refs = 0;
        if (score == MATCH_LAST_WORD) {
            const xent *cx = &c->xe[cand_ent];
            if (c->toks[recent].sent + 1 >= c->toks[s].sent && !after_preposition(c, recent)) refs = 3;
            else refs = cx->surname_refs ? 2 : cx->n_ments >= FULL_NAME_REPEATS ? 0 : 1;
        }
        int better = score > best_score ||
                     (score == best_score && (refs > best_refs || (refs == best_refs && recent > best_recent)));
        if (better) {
            best = cand_ent;
            best_score = score;
            best_recent = recent;
            best_refs = refs;
        }
    }
    return best;
}

/* Records role word `tok` for an entity unless it has it already (or has no room left). */
static void add_role(sw_entinfo *ei, const ectx *c, uint32_t tok)
{
    for (uint32_t k = 0; k < ei->n_roles; k++)
        if (sw_ent_word_eq(c->doc->pack, tok_text(c, ei->role_tok[k]), core_len(c, ei->role_tok[k]),
                           tok_text(c, tok), core_len(c, tok)))
            return;
    if (ei->n_roles < SW_ENT_MAX_ROLES) ei->role_tok[ei->n_roles++] = tok;
}

/* Records nation word `tok` for an entity unless it names a nation it has already. */
static void add_nation(sw_entinfo *ei, const ectx *c, uint32_t tok)
{
    for (uint32_t k = 0; k < ei->n_nations; k++)
        if (sw_ent_nation_eq(c->doc->pack, tok_text(c, ei->nation_tok[k]), core_len(c, ei->nation_tok[k]),
                             tok_text(c, tok), core_len(c, tok)))
            return;
    if (ei->n_nations < SW_ENT_MAX_NATIONS) ei->nation_tok[ei->n_nations++] = tok;
}

/* ------------------------------------------------------------------------------------------------
 * Pass 2: mentions
 * --------------------------------------------------------------------------------------------- */

/* What one name mention says about its entity, gathered before linking. */
typedef struct mevid {
    int32_t ev[EV_KINDS];
    uint8_t head_noun;           /* 1 + EV_ORG / EV_PLACE when a noun of that kind follows the name */
    uint8_t hon_gender, lex_gender;
    uint32_t roles[MENTION_MAX_ROLES], nations[MENTION_MAX_NATIONS];
    uint32_t n_roles, n_nations;
} mevid;

/* Notes a role word / a nation word found around one mention. */
static void ev_role(mevid *m, uint32_t tok)
{
    if (m->n_roles < MENTION_MAX_ROLES) m->roles[m->n_roles++] = tok;
}
static void ev_nation(mevid *m, uint32_t tok)
{
    if (m->n_nations < MENTION_MAX_NATIONS) m->nations[m->n_nations++] = tok;
}

/* Whether token i is the one-byte punctuation or symbol ch. */
static int is_punct(const ectx *c, uint32_t i, char ch)
{
    return i < c->n_toks && (c->toks[i].kind == SW_TK_PUNCT || c->toks[i].kind == SW_TK_SYM) &&
           c->toks[i].end - c->toks[i].start == 1 && c->doc->text[c->toks[i].start] == ch;
}

static int is_determiner(const ectx *c, uint32_t i) { return nm_has(c, i, SW_N_DETERMINER); }

/* Whether token i is a word that is a possessive ending of its own ("’s"). */
static int is_possessive_tok(const ectx *c, uint32_t i) { return is_word(c, i) && possessive_ending(c, i); }

/* Whether a lower-case word has an adjective or participle ending (SW_LIST_ADJECTIVE_ENDINGS:
 * failed, staunch-ly, royal) with ADJECTIVE_MIN_STEM bytes before it, so that it is not taken for a
 * role noun ("ally" and "rest" are nouns). */
static int adjective_like(const ectx *c, uint32_t i)
{
    return tok_has_ending(c, i, SW_LIST_ADJECTIVE_ENDINGS, ADJECTIVE_MIN_STEM);
}

/* Words written before the name (after its own title prefix was split off): "Belarusian leader
 * Alexander Lukashenko", "his Belarusian counterpart X", "spokesman X", "Russia's X". */
static void evidence_before(const ectx *c, uint32_t s, uint32_t block, mevid *m)
{
    if (s == 0) return;
    uint32_t i = s - 1;
    if (c->toks[i].block != block) return;
    /* a country in the possessive right before: "Russia's Vladimir Putin" */
    if (is_possessive_tok(c, i) && i > 0 && c->toks[i - 1].block == block && (CLS(c, i - 1) & SW_LX_COUNTRY)) {
        ev_nation(m, i - 1);
        return;
    }
    if (is_word(c, i) && (CLS(c, i) & SW_LX_COUNTRY) && has_possessive(c, i)) {
        ev_nation(m, i);
        return;
    }
    if (!is_word(c, i) || capword(c, i)) return;
    uint64_t ci = CLS(c, i);
    /* "the city of X", "the paramilitary group X", "the newspaper X" */
    if (nm_has(c, i, SW_N_GENITIVE_LINK) && i > 0 && c->toks[i - 1].block == block && !capword(c, i - 1)) {
        if (CLS(c, i - 1) & SW_LX_PLACE_WORD) m->ev[EV_PLACE] += 3;
        else if (CLS(c, i - 1) & (SW_LX_ORG_WORD | SW_LX_MEDIA)) m->ev[EV_ORG] += 2;
        return;
    }
    if ((ci & (SW_LX_ORG_WORD | SW_LX_MEDIA)) && !(ci & (SW_LX_TITLE | SW_LX_ROLE))) {
        m->ev[EV_ORG] += 3;
        return;
    }
    if ((ci & SW_LX_PLACE_WORD) && !(ci & (SW_LX_TITLE | SW_LX_ROLE))) {
        m->ev[EV_PLACE] += 3;
        return;
    }
    if (ci & LX_NOSTART) return;
    int role_word = (ci & (SW_LX_TITLE | SW_LX_ROLE)) != 0;
    /* "Belarusian counterpart X": an unknown noun right after a nation word */
    int after_nation = i > 0 && c->toks[i - 1].block == block && is_word(c, i - 1) &&
                       (CLS(c, i - 1) & (SW_LX_DEMONYM | SW_LX_COUNTRY)) && !is_possessive_tok(c, i - 1);
    if (!role_word && !(after_nation && !adjective_like(c, i) && !(ci & (SW_LX_ORG_WORD | SW_LX_MEDIA | SW_LX_PLACE_WORD))))
        return;
    ev_role(m, i);
    m->ev[EV_PERSON] += role_word ? 3 : 1;
    /* nation words among the modifiers before the role: "Belarusian opposition leader X" */
    uint32_t j = i;
    for (uint32_t k = 0; k < ROLE_MODIFIERS_MAX && j > 0; k++) {
        uint32_t p = j - 1;
        if (c->toks[p].block != block || !is_word(c, p)) break;
        uint64_t cp = CLS(c, p);
        if (is_possessive_tok(c, p)) {
            if (p > 0 && (CLS(c, p - 1) & SW_LX_COUNTRY)) ev_nation(m, p - 1);
            break;
        }
        if (cp & (SW_LX_DEMONYM | SW_LX_COUNTRY | SW_LX_PARTY)) ev_nation(m, p);
        else if (cp & (SW_LX_SPEECH | SW_LX_COGNITION | SW_LX_PRONOUN | SW_LX_FUNCTION)) break;
        j = p;
    }
}

/* Whether the name on [.., e) modifies a noun after it ("the Tom Cruise video"), so that "the"
 * before it belongs to that noun. */
static int attributive(const ectx *c, uint32_t e, uint32_t block)
{
    if (e >= c->n_toks || c->toks[e].block != block || !is_word(c, e) || capword(c, e)) return 0;
    if (CLS(c, e) & (SW_LX_FUNCTION | SW_LX_PRONOUN | SW_LX_SPEECH | SW_LX_COGNITION)) return 0;
    /* "the ministry announced": a verb */
    if (tok_has_ending(c, e, SW_LIST_PAST_ENDINGS, PAST_MIN_STEM)) return 0;
    return 1;
}

/* Context words right before the mention that are not roles: prepositions and articles. */
static void evidence_context(const ectx *c, uint32_t s, uint32_t e, uint32_t block, mevid *m)
{
    if (s > 0 && c->toks[s - 1].block == block && is_word(c, s - 1)) {
        uint32_t p = s - 1;
        if (nm_has(c, p, SW_N_PLACE_PREP))
            m->ev[EV_PLACE] += 2;
        else if (nm_has(c, p, SW_N_LOCATIVE | SW_N_DIRECTIONAL)) {
            m->ev[EV_PLACE] += 1;
            m->ev[EV_ORG] += 1;
        }
        else if ((nm_has(c, p, SW_N_DEFINITE) ||
                  /* "the aborted X": an adjective between */
                  (p > 0 && nm_has(c, p - 1, SW_N_DEFINITE) && !capword(c, p) && adjective_like(c, p) &&
                   !(CLS(c, p) & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_DEMONYM)))) &&
                 !attributive(c, e, block)) {
            m->ev[EV_ORG] += 1;
            m->ev[EV_PLACE] += 1;
            m->ev[EV_PERSON] -= 3;
        }
    }
    if (e < c->n_toks && c->toks[e].block == block) {
        /* "X said", "X told" */
        if (is_word(c, e) && (CLS(c, e) & SW_LX_SPEECH) && !capword(c, e)) {
            m->ev[EV_PERSON] += 1;
            m->ev[EV_ORG] += 1;
        }
        /* "the Wagner group", "the TASS news agency", "Hubei province" */
        if (is_word(c, e) && !capword(c, e) && !(CLS(c, e) & (SW_LX_FUNCTION | SW_LX_SPEECH | SW_LX_PRONOUN))) {
            uint32_t n = e;
            if ((CLS(c, n) & SW_LX_MEDIA) && n + 1 < c->n_toks && (CLS(c, n + 1) & (SW_LX_ORG_WORD | SW_LX_MEDIA)) &&
                !capword(c, n + 1))
                n++;
            /* counted once per entity: "the Trump administration" said many times does not
             * outweigh a first name */
            if (nm_has(c, n, SW_N_FAMILY))
                m->ev[EV_PERSON] += 1;
            else if (CLS(c, n) & (SW_LX_ORG_WORD | SW_LX_MEDIA)) {
                m->head_noun = 1 + EV_ORG;
                ev_role(m, n); /* "the TASS news agency" ... later "the agency" */
            } else if (CLS(c, n) & SW_LX_PLACE_WORD) {
                m->head_noun = 1 + EV_PLACE;
            }
            else if (CLS(c, n) & (SW_LX_TITLE | SW_LX_ROLE)) {
                m->ev[EV_ORG] += 1;
                m->ev[EV_PERSON] -= 2;
            }
        }
        /* "X, 45," */
        if (is_punct(c, e, ',') && e + 2 < c->n_toks && c->toks[e + 1].kind == SW_TK_NUM &&
            (is_punct(c, e + 2, ',') || is_punct(c, e + 2, '.')) && tok_len(c, e + 1) <= AGE_MAX_LEN)
            m->ev[EV_PERSON] += 3;
        /* "Multan, Pakistan" */
        if (is_punct(c, e, ',') && e + 1 < c->n_toks && capword(c, e + 1) &&
            (CLS(c, e + 1) & SW_LX_COUNTRY))
            m->ev[EV_PLACE] += 3;
    }
}

/* An appositive after the name: "Lukashenko, a staunch Kremlin ally, ..." -> role "ally";
 * "X, the president of Belarus" -> role "president", nation "Belarus". */
static void evidence_appositive(const ectx *c, uint32_t e, uint32_t block, mevid *m)
{
    if (!is_punct(c, e, ',')) return;
    uint32_t i = e + 1;
    if (i >= c->n_toks || c->toks[i].block != block || !is_word(c, i)) return;
    if (!is_determiner(c, i) && !(CLS(c, i) & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_DEMONYM))) return;
    if (is_determiner(c, i)) i++;
    uint32_t head = SW_NONE, nations[APPOSITIVE_MAX_NATIONS];
    uint32_t n_nat = 0;
    int after_of = 0;
    for (uint32_t k = 0; k < APPOSITIVE_MAX_TOKENS && i < c->n_toks && c->toks[i].block == block; k++, i++) {
        const sw_tok *t = &c->toks[i];
        if (t->kind != SW_TK_WORD) {
            if (is_punct(c, i, ',') || is_punct(c, i, '.') || is_punct(c, i, ';') || is_punct(c, i, ')') ||
                t->kind == SW_TK_QUOTE)
                break;
            if (t->kind == SW_TK_PUNCT && c->doc->text[t->start] == '-') continue;
            return;
        }
        uint64_t ci = CLS(c, i);
        if (ci & (SW_LX_SPEECH | SW_LX_COGNITION | SW_LX_PRONOUN)) return;
        if (nm_has(c, i, SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE | SW_N_LOCATIVE | SW_N_INESSIVE)) {
            after_of = 1;
            continue;
        }
        if (ci & SW_LX_FUNCTION) {
            if (after_of && nm_has(c, i, SW_N_DEFINITE)) continue;
            return;
        }
        if (ci & (SW_LX_DEMONYM | SW_LX_COUNTRY)) {
            if (n_nat < APPOSITIVE_MAX_NATIONS) nations[n_nat++] = i;
            if (after_of) continue;
        }
        if (!after_of && !capword(c, i)) head = i;
        else if (!after_of && (ci & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_ORG_WORD | SW_LX_MEDIA))) head = i;
    }
    if (head == SW_NONE) return;
    uint64_t ch = CLS(c, head);
    if (ch & (SW_LX_ORG_WORD | SW_LX_MEDIA)) m->ev[EV_ORG] += 3;
    else if (ch & (SW_LX_TITLE | SW_LX_ROLE)) m->ev[EV_PERSON] += 3;
    else if (ch & SW_LX_PLACE_WORD) m->ev[EV_PLACE] += 3;
    ev_role(m, head);
    for (uint32_t k = 0; k < n_nat; k++) ev_nation(m, nations[k]);
}

/* Modifiers that begin place names: North Korea, New York, Western Sahara. */
static int geo_modifier(const ectx *c, uint32_t i) { return nm_has(c, i, SW_N_GEO_MOD); }

/* The first words of place names in many languages: San Diego, Los Angeles, Fort Worth. */
static int place_head(const ectx *c, uint32_t i) { return nm_has(c, i, SW_N_PLACE_HEAD); }

static int place_prefix_word(const ectx *c, uint32_t i) { return nm_has(c, i, SW_N_GEO_MOD | SW_N_PLACE_HEAD); }

/* Last words of the names of news outlets (besides the lexicon's media words). */
static int media_head(const ectx *c, uint32_t i) { return nm_has(c, i, SW_N_MEDIA_HEAD); }

/* Number of places where a small ASCII letter is followed by a capital inside the word. */
static int camel_humps(const ectx *c, uint32_t i)
{
    const unsigned char *s = (const unsigned char *)tok_text(c, i);
    int n = 0;
    for (uint32_t k = 1; k < tok_len(c, i); k++)
        if (ascii_capital(s[k]) && ascii_letter(s[k - 1]) && !ascii_capital(s[k - 1])) n++;
    return n;
}

/* Whether the words [s, e) are, without case and one space apart, an item of the pack's list
 * place_names ("United States"). */
static int listed_place_name(const ectx *c, uint32_t s, uint32_t e)
{
    const sw_pack_list *l = sw_pack_list_of(c->doc->pack, SW_LIST_PLACE_NAMES);
    /* (the words are one space apart in an item: its length is the span's, when they are so in
     * the text too; a cheap test before the bytes) */
    size_t span = c->toks[e - 1].end - c->toks[s].start;
    for (uint32_t k = 0; k < l->n; k++) {
        if (l->items[k].len != span) continue;
        const char *item = l->items[k].str;
        size_t n = l->items[k].len, p = 0;
        uint32_t i = s;
        for (; i < e && p <= n; i++) {
            if (!is_word(c, i)) break;
            if (i > s) {
                if (p >= n || item[p] != ' ') break;
                p++;
            }
            const char *w = c->doc->text + c->toks[i].start;
            size_t wl = c->toks[i].end - c->toks[i].start, j = 0;
            while (j < wl && p < n && (char)sw_fold_byte((unsigned char)w[j]) == item[p]) j++, p++;
            if (j < wl) break;
        }
        if (i == e && p == n) return 1;
    }
    return 0;
}

/* Evidence carried by the words of the name itself. */
static void evidence_name(const ectx *c, uint32_t s, uint32_t e, mevid *m)
{
    uint32_t nw = count_words(c, s, e);
    uint32_t fw = first_word(c, s, e), lw = last_word(c, s, e);
    if (fw == e) return;
    uint64_t cf = CLS(c, fw);
    int all_geo = 1, any_org = 0;
    for (uint32_t i = s; i < e; i++) {
        if (!significant(c, i)) continue;
        uint64_t ci = CLS(c, i);
        if (!(ci & (SW_LX_COUNTRY | SW_LX_CITY))) all_geo = 0;
        if ((ci & (SW_LX_ORG_WORD | SW_LX_MEDIA)) &&
            !(i == fw && nw >= 2 && (ci & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE))))
            any_org = 1;
    }
    int geo_mod = geo_modifier(c, fw);
    if (geo_mod && nw >= 2 && (CLS(c, lw) & (SW_LX_COUNTRY | SW_LX_CITY))) m->ev[EV_PLACE] += 6;
    else if (geo_mod && nw == 2) m->ev[EV_PLACE] += 3;
    if (place_head(c, fw) && nw >= 2) m->ev[EV_PLACE] += 3;
    /* words of the name that the article also writes in lower case ("Civil War", "Labor Day")
     * make it a thing or an event rather than a person */
    for (uint32_t i = s; i < e; i++) {
        if (!significant(c, i) || (CLS(c, i) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE))) continue;
        const wstat *ws = wstat_of(c, i);
        if (ws && ws->lower > 0) m->ev[EV_PERSON] -= 2;
    }
    const wstat *fs = wstat_of(c, fw);
    int common_first = fs && fs->lower > 0;
    /* a given name that is also a city ("Nancy") still starts a person's name when the last word
     * is not a place */
    int first_ok = !(cf & (SW_LX_COUNTRY | SW_LX_CITY)) ||
                   (nw >= 2 && !(CLS(c, lw) & (SW_LX_COUNTRY | SW_LX_CITY | SW_LX_PLACE_WORD | SW_LX_ORG_WORD)));
    if ((cf & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) && first_ok && !geo_mod &&
        !place_head(c, fw) &&
        !(cf & (SW_LX_PLACE_WORD | SW_LX_TITLE | SW_LX_ROLE | SW_LX_DEMONYM | SW_LX_MEDIA)) &&
        (nw >= 2 || !(cf & SW_LX_ORG_WORD))) {
        m->ev[EV_PERSON] += common_first || nw < 2 ? EV_WEAK_GIVEN_NAME : EV_GIVEN_NAME;
        if ((cf & SW_LX_FIRST_MALE) && !(cf & SW_LX_FIRST_FEMALE)) m->lex_gender = SW_GENDER_MALE;
        if ((cf & SW_LX_FIRST_FEMALE) && !(cf & SW_LX_FIRST_MALE)) m->lex_gender = SW_GENDER_FEMALE;
    }
    /* the last word is the head of an English name: "Andros Island", "Royal Veterinary College" */
    if ((CLS(c, lw) & (SW_LX_ORG_WORD | SW_LX_MEDIA)) && nw >= 2 && !(CLS(c, lw) & SW_LX_PLACE_WORD))
        m->ev[EV_ORG] += EV_HEAD_WORD;
    else if (media_head(c, lw) && nw >= 2) m->ev[EV_ORG] += EV_HEAD_WORD;
    else if (any_org) m->ev[EV_ORG] += 5;
    if ((CLS(c, lw) & SW_LX_PLACE_WORD) && nw >= 2) m->ev[EV_PLACE] += EV_HEAD_WORD;
    /* "DrAmyActon": a handle, not a name as written in prose */
    if (nw == 1 && camel_humps(c, lw) >= HANDLE_MIN_HUMPS) m->ev[EV_ORG] += 2;
    if (all_geo) m->ev[EV_PLACE] += 5;
    if (nw >= 2 && nm_has(c, lw, SW_N_PLACE_NAME_END) && listed_place_name(c, s, e)) m->ev[EV_PLACE] += EV_LISTED_PLACE;
    /* an acronym (TASS, NATO) is an organisation, unless it spells a small word too ("US") */
    if (nw == 1 && allcaps(c, lw) && !(CLS(c, lw) & (SW_LX_COUNTRY | SW_LX_FUNCTION | SW_LX_PRONOUN)))
        m->ev[EV_ORG] += 3;
    if (CLS(c, lw) & SW_LX_DEMONYM && nw >= 2) m->ev[EV_ORG] += 1; /* "the Afghan ..."? weak */
}

/* Appends a mention on tokens [s, e) (title prefix from pre_s); 0 when out of memory. */
static int push_cand(ectx *c, uint32_t pre_s, uint32_t s, uint32_t e, int32_t ent, uint8_t kind)
{
    /* first room for a candidate per MENTIONS_START_TOKENS tokens */
    if (c->n_cands == c->cap_cands) {
        size_t want = c->n_cands ? c->n_cands + 1 : c->n_toks / MENTIONS_START_TOKENS + MENTIONS_START_MIN;
        c->cands = sw_arena_grow(c->arena, c->cands, sizeof *c->cands, c->n_cands, &c->cap_cands, want);
        if (!c->cands) return 0;
    }
    cand *m = &c->cands[c->n_cands++];
    m->pre_s = pre_s;
    m->tok_s = s;
    m->tok_e = e;
    m->start = c->toks[s].start;
    m->end = c->toks[e - 1].start + core_len(c, e - 1);
    m->ent = ent;
    m->kind = kind;
    return 1;
}

/* Links (or, in the body, creates) the entity of a name on [s, e) and records the mention. */
/* Whether [s, e) is an acronym closed by a bracket: "EU)", "PG&E)", "AT&T)". */
static int bracketed_acronym(const ectx *c, uint32_t s, uint32_t e)
{
    if (e > s + BRACKET_ACRONYM_MAX_TOKENS || e >= c->n_toks || !is_punct(c, e, ')')) return 0;
    for (uint32_t i = s; i < e; i++)
        if (!(is_word(c, i) && (allcaps(c, i) || (tok_len(c, i) == 1 && capword(c, i)))) && !nm_has(c, i, SW_N_AMPERSAND))
            return 0;
    return 1;
}

static sw_status add_name(ectx *c, uint32_t pre_s, uint32_t s, uint32_t e, int create, const mevid *m)
{
    int32_t ent = find_entity(c, s, e);
    /* "the European Union (EU)": an acronym in brackets right after a name */
    if (ent < 0 && s >= 2 && bracketed_acronym(c, s, e) && is_punct(c, s - 1, '(') && c->n_cands &&
        c->cands[c->n_cands - 1].tok_e == s - 1 && c->cands[c->n_cands - 1].ent >= 0) {
        ent = c->cands[c->n_cands - 1].ent;
        uint32_t kl = name_key(c, s, e);
        if (kl && !name_map_put(&c->full, c->scratch, kl, name_key_hash(c, kl), ent)) return SW_ERR_NOMEM;
    }
    if (ent < 0) {
        if (!create) return SW_OK;
        ent = new_entity(c, s, e);
        if (ent == -2) return SW_ERR_NOMEM;
    } else if (create && count_words(c, s, e) > c->ei[ent].name_words && !set_name(c, ent, s, e)) {
        return SW_ERR_NOMEM;
    }
    xent *x = &c->xe[ent];
    sw_entinfo *ei = &c->ei[ent];
    for (int k = 0; k < EV_KINDS; k++) x->ev[k] += m->ev[k];
    if (m->head_noun && !x->head_noun[m->head_noun - 1]) {
        x->head_noun[m->head_noun - 1] = 1;
        x->ev[m->head_noun - 1] += EV_HEAD_NOUN;
    }
    /* "X, Y" / "X and Y": names listed together are usually of one kind */
    if (create && s >= 2 && c->n_cands && c->cands[c->n_cands - 1].kind == SW_MK_NAME &&
        c->cands[c->n_cands - 1].tok_e == s - 1 && c->cands[c->n_cands - 1].ent != ent) {
        int32_t prev = c->cands[c->n_cands - 1].ent;
        int strong = nm_has(c, s - 1, SW_N_CONJUNCTION | SW_N_DISJUNCTION); /* "and" binds closer than "," */
        /* a comma makes a list only when the list goes on: "Warsaw, Rzeszów, Lublin" */
        int list_goes_on = is_punct(c, e, ',') || nm_has(c, e, SW_N_CONJUNCTION | SW_N_DISJUNCTION);
        if (strong || (is_punct(c, s - 1, ',') && list_goes_on)) {
            if (x->sibling < 0 || (strong && !x->sibling_strong)) {
                x->sibling = prev;
                x->sibling_strong = (uint8_t)strong;
            }
            if (c->xe[prev].sibling < 0 || (strong && !c->xe[prev].sibling_strong)) {
                c->xe[prev].sibling = ent;
                c->xe[prev].sibling_strong = (uint8_t)strong;
            }
        }
    }
    if (m->hon_gender && !ei->honorific_gender) ei->honorific_gender = m->hon_gender;
    for (uint32_t k = 0; k < m->n_roles; k++) add_role(ei, c, m->roles[k]);
    for (uint32_t k = 0; k < m->n_nations; k++) add_nation(ei, c, m->nations[k]);
    if (e == s + 1 && ei->name_words >= 2) {
        uint32_t lw = last_word(c, ei->name_tok_start, ei->name_tok_end);
        if (lw < ei->name_tok_end && lw != s && words_eq(c, s, lw)) x->surname_refs++;
    }
    x->last_tok = s;
    x->n_ments++;
    return push_cand(c, pre_s, s, e, ent, SW_MK_NAME) ? SW_OK : SW_ERR_NOMEM;
}

/* Where a run of capitalised words may continue after token e-1 (the run so far is [s, e)).
 * Returns the new end (> e) or e when the run stops. */
static uint32_t extend_run(const ectx *c, uint32_t s, uint32_t e, uint32_t bend, int link_only)
{
    uint32_t j = e;
    if (j >= bend) return e;
    if (has_possessive(c, e - 1)) return e;
    const sw_tok *t = &c->toks[j];
    if (capword(c, j) && !(t->flags & SW_TF_SENT_START)) {
        if (link_only) return e; /* caller decides word by word */
        uint64_t cj = CLS(c, j);
        if ((cj & SW_LX_CALENDAR) && !(CLS(c, e - 1) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE))) return e;
        if ((cj & (SW_LX_FUNCTION | SW_LX_PRONOUN)) && !allcaps(c, j)) return e;
        if ((cj & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) &&
            (CLS(c, e - 1) & (SW_LX_COUNTRY | SW_LX_CITY | SW_LX_DEMONYM)) &&
            !(CLS(c, e - 1) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)))
            return e;
        return j + 1;
    }
    /* "Ulysses S. Grant", "Mr. Smith" when the period is its own token */
    if (is_punct(c, j, '.') && !(c->toks[j].flags & SW_TF_SPACE_BEFORE) && j + 1 < bend && capword(c, j + 1) &&
        !(c->toks[j + 1].flags & SW_TF_SENT_START) && tok_len(c, e - 1) <= INITIAL_MAX_LEN)
        return j + 1;
    if (j + 1 >= bend || !capword(c, j + 1) || (c->toks[j + 1].flags & SW_TF_SENT_START)) {
        /* "of the" + capital */
        if (j + 2 < bend && nm_has(c, j, SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE) && nm_has(c, j + 1, SW_N_DEFINITE) &&
            capword(c, j + 2)) {
            for (uint32_t i = s; i < e; i++)
                if ((CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD)) || ((CLS(c, i) & SW_LX_TITLE) && i + 1 == e))
                    return j + 2;
        }
        return e;
    }
    if (is_particle(c, j)) return j + 1;
    if (nm_has(c, j, SW_N_AMPERSAND)) return j + 1;
    /* "Pacific Gas and Electric Company": "and" inside a company's name, when the words after it
     * end in an organisation noun and the words before it name nothing of their own */
    if (nm_has(c, j, SW_N_CONJUNCTION)) {
        uint32_t k = j + 1;
        while (k < bend && k - j <= AND_NAME_MAX_WORDS && capword(c, k) && !(c->toks[k].flags & SW_TF_SENT_START))
            k++;
        if (k > j + 1 && (CLS(c, k - 1) & SW_LX_ORG_WORD) && !has_possessive(c, k - 1)) {
            int plain = 1;
            for (uint32_t i = s; i < e; i++)
                if ((CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_COUNTRY | SW_LX_CITY | SW_LX_DEMONYM |
                                  SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE | SW_LX_TITLE | SW_LX_ROLE)) ||
                    allcaps(c, i))
                    plain = 0;
            if (plain) return j + 1;
        }
    }
    if (nm_has(c, j, SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE | SW_N_TOPICAL)) {
        /* "Bank of England", "Secretary of State": an organisation or place word in the run, or a
         * title right before "of" ("Rep. Ann Lee of Ohio" is a person from a place) */
        for (uint32_t i = s; i < e; i++)
            if ((CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD)) ||
                ((CLS(c, i) & SW_LX_TITLE) && i + 1 == e && nm_has(c, j, SW_N_GENITIVE_LINK)))
                return j + 1;
    }
    return e;
}

/* "Rakeyia Scott can be heard" after "Keith Lamont Scott": whether the first word s of a run of
 * two words, a word neither the pack nor the article knows as a common word, stands before the
 * surname of a person the article named with another given name: then it is a given name the
 * lists lack, not a word capitalised by its position ("Later Yildiroglu said", "Meanwhile
 * Rihanna"). */
static int other_given_name(const ectx *c, uint32_t s, uint32_t e, int32_t ent)
{
    if (count_words(c, s + 1, e) != 1 || (c->doc->tok_info && c->doc->tok_info[s])) return 0;
    const wstat *w = wstat_of(c, s);
    if (w && w->lower > 0) return 0;
    const sw_entinfo *ei = &c->ei[ent];
    uint32_t fw = first_word(c, ei->name_tok_start, ei->name_tok_end);
    return ei->name_words >= 2 && fw < ei->name_tok_end && (CLS(c, fw) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE));
}

/* Whether word i, first of a run, is capitalised only by its position and is not a name. */
static int common_at_start(const ectx *c, uint32_t i, int single, int named_head)
{
    if (allcaps(c, i)) return 0;
    uint64_t ci = CLS(c, i);
    if (ci & LX_NAMEISH) return 0;
    wstat *w = wstat_of(c, i);
    if (!w) return 0;
    if (w->lower > 0 && w->midcap == 0) return 1;
    if (w->lower > w->midcap * COMMON_LOWER_RATIO + 1) return 1;
    if (w->midcap == 0) {
        if (single) return 1;
        uint32_t l = tok_len(c, i);
        /* "Reportedly", "Speaking": an adverb or a participle opening the sentence; not when the
         * run ends in a noun that heads names ("Downing Street", "Reading Borough Council") */
        if (!named_head && l >= OPENER_MIN_LEN && tok_has_ending(c, i, SW_LIST_OPENER_ENDINGS, 0)) return 1;
        if (ci & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_ORG_WORD | SW_LX_DEMONYM)) return 0;
    }
    return 0;
}

/* Whether the words [s, e) before a title or a given name are a name of their own (a country, a
 * city, an organisation, an acronym) rather than words of the title ("Foreign", "Deputy"). */
static int prefix_is_name(const ectx *c, uint32_t s, uint32_t e)
{
    if (e > s + 1 && place_prefix_word(c, s)) return 1; /* "New York", "San Diego" */
    for (uint32_t i = s; i < e; i++) {
        if (!is_word(c, i)) continue;
        if (CLS(c, i) & (SW_LX_COUNTRY | SW_LX_CITY | SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA)) return 1;
        if (allcaps(c, i)) return 1;
    }
    return 0;
}

/* Handles one run of capitalised words [s, e) in a body block. */
static sw_status body_run(ectx *c, uint32_t s, uint32_t e, uint32_t block);

static sw_status body_run(ectx *c, uint32_t s, uint32_t e, uint32_t block)
{
    /* words that cannot begin a name */
    while (s < e && (!is_word(c, s) || ((CLS(c, s) & LX_NOSTART) && !allcaps(c, s)) || is_particle(c, s)))
        s++;
    /* "President Barack Obama said" opening a sentence: a title before a name stays its title, though
     * the article writes "the president" in lower case */
    int title_first = s + 1 < e && (CLS(c, s) & SW_LX_TITLE) && !(CLS(c, s) & LX_NOSTART) && capword(c, s + 1);
    if (s < e && position_capital(c, s) && !title_first &&
        common_at_start(c, s, count_words(c, s, e) == 1,
                        count_words(c, s, e) >= 2 &&
                            (CLS(c, last_word(c, s, e)) & (SW_LX_PLACE_WORD | SW_LX_ORG_WORD | SW_LX_MEDIA)))) {
        s++;
        while (s < e && (!capword(c, s) || ((CLS(c, s) & LX_NOSTART) && !allcaps(c, s)))) s++;
    }
    /* "Later Yildiroglu said": a sentence-initial word before a name the article already knows */
    if (s + 1 < e && position_capital(c, s) && !(CLS(c, s) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) &&
        !nm_has(c, s, SW_N_HONORIFIC) && !(CLS(c, s) & (SW_LX_TITLE | SW_LX_ROLE)) && is_word(c, s + 1) &&
        capword(c, s + 1) && !place_prefix_word(c, s)) {
        int32_t known = find_entity(c, s + 1, e);
        if (known >= 0 && !other_given_name(c, s, e, known)) s++;
    }
    if (s >= e) return SW_OK;
    /* "US$3.6 billion": a currency, not a name */
    if (e < c->n_toks && c->toks[e].kind == SW_TK_SYM && !(c->toks[e].flags & SW_TF_SPACE_BEFORE) &&
        c->doc->text[c->toks[e].start] == '$')
        return SW_OK;
    /* "A Republican Assemblywoman, Jill Tolles,": after an indefinite article, a capitalised
     * phrase that ends the noun phrase is a description, not a name (names take no "a"); "a
     * Reuters reporter" keeps its name, which modifies the noun after it */
    /* (an adjective may come between: "a former Miss Universe.") */
    uint32_t art = s > 0 ? s - 1 : 0;
    if (art > 0 && is_word(c, art) && !capword(c, art) && !(CLS(c, art) & LX_NOSTART) &&
        c->toks[art - 1].block == block && nm_has(c, art - 1, SW_N_INDEFINITE)) {
        /* ... when the words are no name the article knows ("a teary-eyed Bush" is Bush) */
        int known = 0;
        for (uint32_t i = s; i < e; i++)
            if (is_word(c, i) && find_name_word(c, i) >= 0) known = 1;
        if (!known) art--;
    }
    if (s > 0 && c->toks[art].block == block && nm_has(c, art, SW_N_INDEFINITE) &&
        (e >= c->n_toks || (c->toks[e].kind == SW_TK_PUNCT && !is_punct(c, e, '-')) ||
         (art < s - 1 && is_word(c, e) && !capword(c, e) && !attributive(c, e, block)))) {
        int plain = 1;
        for (uint32_t i = s; i < e; i++)
            if (is_word(c, i) && ((CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA | SW_LX_FIRST_MALE |
                                                 SW_LX_FIRST_FEMALE)) || allcaps(c, i)))
                plain = 0;
        if (plain) return SW_OK;
    }
    uint32_t pre = s;
    mevid m;
    memset(&m, 0, sizeof m);
    /* honorific: "Mr Putin", "Ms. Smith" */
    int g = 0;
    /* "the Miss Universe pageant": an honorific and one word that modify a noun are a title's
     * name, not a person's */
    if (honorific(c, s, &g) && count_words(c, s + 1, e) == 1 && !(CLS(c, e - 1) & LX_NAMEISH) &&
        find_name_word(c, e - 1) < 0 && attributive(c, e, block))
        return SW_OK;
    if (honorific(c, s, &g) && s + 1 < e) {
        m.hon_gender = (uint8_t)g;
        m.ev[EV_PERSON] += EV_HONORIFIC;
        s++;
        if (is_punct(c, s, '.')) s++;
    }
    /* a title before the name: "President", "Emergencies Minister", "Secretary of State" */
    uint32_t t = SW_NONE;
    for (uint32_t i = s; i + 1 < e; i++)
        if (is_word(c, i) && (CLS(c, i) & (SW_LX_TITLE | SW_LX_ROLE)) && capword(c, i) &&
            !(CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA | SW_LX_PARTY)) &&
            (capword(c, i + 1) || nm_has(c, i + 1, SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE)))
            t = i;
    uint32_t fw = first_word(c, s, e), lw = last_word(c, s, e);
    int org_or_place = 0;
    for (uint32_t i = s; i < e; i++)
        if ((CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA)) && !(CLS(c, i) & SW_LX_TITLE)) org_or_place = 1;
    if (lw < e && (CLS(c, lw) & (SW_LX_TITLE | SW_LX_ROLE)) && !org_or_place &&
        !(CLS(c, lw) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA | SW_LX_PARTY)) &&
        !(CLS(c, fw) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) && !has_possessive(c, lw)) {
        /* a capitalised description ("the Russian President", "US Special Representative");
         * resolved after all names are known */
        uint32_t ds = s;
        if (ds > 0 && c->toks[ds - 1].block == block && is_determiner(c, ds - 1)) ds--;
        return push_cand(c, ds, ds, e, -1, SW_MK_DESCRIPTION) ? SW_OK : SW_ERR_NOMEM;
    }
    if (t != SW_NONE) {
        uint32_t ns = t + 1;
        for (uint32_t i = s; i < ns; i++) {
            if (!is_word(c, i)) continue;
            if (CLS(c, i) & (SW_LX_DEMONYM | SW_LX_COUNTRY | SW_LX_PARTY)) ev_nation(&m, i);
            else if (CLS(c, i) & SW_LX_TITLE) ev_role(&m, i);
        }
        if (nm_has(c, ns, SW_N_GENITIVE_LINK | SW_N_BENEFACTIVE)) {
            /* "Secretary of State Mike Pompeo" / "Vice President of the United States" */
            uint32_t cs = ns + 1;
            if (cs < e && nm_has(c, cs, SW_N_DEFINITE)) cs++;
            uint32_t p = SW_NONE;
            for (uint32_t i = cs + 1; i < e && p == SW_NONE; i++)
                if (capword(c, i) && (CLS(c, i) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE))) p = i;
            if (p == SW_NONE) {
                uint32_t ds = pre;
                if (ds > 0 && c->toks[ds - 1].block == block && is_determiner(c, ds - 1)) ds--;
                if (!push_cand(c, ds, ds, ns, -1, SW_MK_DESCRIPTION)) return SW_ERR_NOMEM;
                return cs < e ? body_run(c, cs, e, block) : SW_OK;
            }
            for (uint32_t i = cs; i < p; i++)
                if (is_word(c, i) && (CLS(c, i) & (SW_LX_DEMONYM | SW_LX_COUNTRY))) ev_nation(&m, i);
            ns = p;
        }
        if (m.n_roles) m.ev[EV_PERSON] += EV_TITLE;
        /* an organisation or place before the title: "United States President X", "Coast Guard
         * Commandant X", "ABS-CBN CEO X" */
        uint32_t ft = s;
        while (ft < t && !(CLS(c, ft) & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_DEMONYM))) ft++;
        if (ft > s && pre == s && prefix_is_name(c, s, ft)) {
            sw_status st = body_run(c, s, ft, block);
            if (st != SW_OK) return st;
        }
        s = ns;
        while (s < e && !is_word(c, s)) s++;
    } else {
        /* "Elder Nelson White", "New York Hillary Clinton": a given name inside the run starts
         * the person's name; what comes before is a title or a name of its own */
        uint32_t p = SW_NONE;
        for (uint32_t i = s + 1; i + 1 < e && p == SW_NONE; i++)
            if (capword(c, i) && (CLS(c, i) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) &&
                !(CLS(c, i) & (SW_LX_COUNTRY | SW_LX_CITY | SW_LX_ORG_WORD | SW_LX_PLACE_WORD)) &&
                (!(CLS(c, i - 1) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) || (place_prefix_word(c, s) && i > s + 1)) &&
                !(i == s + 1 && place_prefix_word(c, s)) &&
                !is_particle(c, i - 1) &&
                !place_prefix_word(c, i - 1) &&
                is_word(c, i - 1) && !nm_has(c, i - 1, SW_N_GENITIVE_LINK) && !nm_has(c, i - 1, SW_N_BENEFACTIVE) && !is_punct(c, i - 1, '&'))
                p = i;
        if (p != SW_NONE) {
            int clean = 1;
            for (uint32_t i = p; i < e; i++)
                if (CLS(c, i) & (SW_LX_ORG_WORD | SW_LX_PLACE_WORD | SW_LX_MEDIA)) clean = 0;
            if (clean) {
                if (prefix_is_name(c, s, p)) {
                    sw_status st = body_run(c, s, p, block);
                    if (st != SW_OK) return st;
                } else {
                    /* "Republican Donald Trump": a party word ties the person to the party */
                    if (CLS(c, p - 1) & SW_LX_PARTY) ev_nation(&m, p - 1);
                    else ev_role(&m, p - 1);
                    m.ev[EV_PERSON] += 2;
                }
                s = p;
            }
        }
    }
    /* a leading demonym is not part of a person's name ("Russian Vladimir Putin"), but is of an
     * organisation's ("Russian Foreign Ministry") */
    if (s + 1 < e && (CLS(c, s) & SW_LX_DEMONYM) && (CLS(c, s + 1) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE))) {
        ev_nation(&m, s);
        s++;
    }
    if (s >= e) return SW_OK;
    /* a lone demonym is an adjective, not a name */
    if (count_words(c, s, e) == 1 && (CLS(c, s) & SW_LX_DEMONYM) && !(CLS(c, s) & SW_LX_COUNTRY)) return SW_OK;
    /* nor is a party word, alone or after a place ("Democrats", "Massachusetts Democratic"): the
     * party's own name has a noun ("Democratic Party", "Republican National Committee") */
    if (is_word(c, last_word(c, s, e)) && (CLS(c, last_word(c, s, e)) & SW_LX_PARTY)) {
        int modifiers = 1;
        for (uint32_t i = s; i < e; i++)
            if (is_word(c, i) && !(CLS(c, i) & (SW_LX_PARTY | SW_LX_CITY | SW_LX_COUNTRY | SW_LX_DEMONYM))) modifiers = 0;
        if (modifiers) return SW_OK;
    }
    if (pre == s) evidence_before(c, s, block, &m);
    evidence_context(c, pre, e, block, &m);
    evidence_appositive(c, e, block, &m);
    /* "Joan Park said": a name that starts with a given name and speaks is not a place, whatever
     * its last word ("Park", "Hall", "Field") */
    if (CLS(c, first_word(c, s, e)) & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) {
        uint32_t v = e;
        if (v < c->n_toks && is_punct(c, v, ',')) v++;
        /* ... or "said study co-author Karen Alley": a speech verb a few words before it */
        uint32_t b = pre;
        while (b > 0 && pre - b < SPEAKER_BEFORE_WORDS && is_word(c, b - 1) && !capword(c, b - 1) &&
               !(CLS(c, b - 1) & SW_LX_SPEECH) && !(CLS(c, b - 1) & LX_NOSTART))
            b--;
        int spoke_before = b > 0 && is_word(c, b - 1) && (CLS(c, b - 1) & SW_LX_SPEECH) && !capword(c, b - 1) &&
                           c->toks[b - 1].block == block;
        if ((v < c->n_toks && is_word(c, v) && c->toks[v].block == block && (CLS(c, v) & SW_LX_SPEECH) &&
             !(c->toks[v].flags & SW_TF_CAP)) ||
            spoke_before)
            m.ev[EV_PLACE] -= EV_HEAD_WORD; /* cancels a place head word's evidence (evidence_name) */
    }
    return add_name(c, pre, s, e, 1, &m);
}

/* "QUESTIONABLE MEDICAL CLAIMS — For years, ...": a run of words in capitals of which one at least
 * is a common word (common_capword) is a heading run into the paragraph or shouting, not a name
 * ("NATO", "U.S. ARMY" without a common word stay names). */
static int caps_heading(const ectx *c, uint32_t s, uint32_t e)
{
    uint32_t caps = 0, common = 0;
    for (uint32_t i = s; i < e; i++) {
        if (!is_word(c, i)) continue;
        if (!allcaps(c, i)) return 0;
        caps++;
        common += common_capword(c, i);
    }
    return caps >= 2 && common > 0;
}

/* Scans one body block for runs of capitalised words. */
static sw_status scan_body_block(ectx *c, uint32_t b)
{
    const sw_iblock *bl = &c->doc->blocks[b];
    uint32_t i = bl->tok_start, bend = bl->tok_end;
    while (i < bend) {
        if (!capword(c, i)) {
            i++;
            continue;
        }
        uint32_t e = i + 1;
        for (;;) {
            uint32_t ne = extend_run(c, i, e, bend, 0);
            if (ne == e) break;
            e = ne;
            if (e - i > MAX_RUN) break;
        }
        if (e - i > MAX_RUN) {
            /* a headline-like line or shouting in the body: not a name; skip the whole run */
            while (e < bend && (capword(c, e) || !is_word(c, e)) && c->toks[e].kind != SW_TK_PUNCT) e++;
            i = e;
            continue;
        }
        /* the run must end on a capitalised word */
        while (e > i + 1 && !capword(c, e - 1)) e--;
        if (caps_heading(c, i, e)) {
            i = e;
            continue;
        }
        sw_status st = body_run(c, i, e, b);
        if (st != SW_OK) return st;
        i = e;
    }
    return SW_OK;
}

/* 1 when two word lists (heads of node chains) name a common entity. */
static int lists_share(const ectx *c, int32_t a, int32_t b)
{
    int si = 0;
    for (int32_t i = a; i >= 0 && si < LISTS_SHARE_SCAN; i = c->nodes[i].next, si++) {
        int sj = 0;
        for (int32_t j = b; j >= 0 && sj < LISTS_SHARE_SCAN; j = c->nodes[j].next, sj++)
            if (c->nodes[i].ent == c->nodes[j].ent) return 1;
    }
    return 0;
}

/* In a headline-like block every word is capitalised; only runs of words that are already words
 * of known names are taken, and they only link. */
static sw_status scan_link_block(ectx *c, uint32_t b)
{
    const sw_iblock *bl = &c->doc->blocks[b];
    uint32_t i = bl->tok_start, bend = bl->tok_end;
    char buf[WORD_KEY_MAX];
    while (i < bend) {
        uint32_t e = i;
        int32_t prev_head = -1;
        while (e < bend && capword(c, e)) {
            uint32_t l = core_len(c, e);
            if (!l || l > sizeof buf) break;
            l = word_key(tok_text(c, e), l, buf, sizeof buf);
            uint64_t h = key_hash(buf, l);
            int32_t id = name_map_get(&c->words, buf, l, h);
            int32_t head = id >= 0 ? c->nwords[id].head : -1;
            if (head < 0 && name_map_get(&c->acro, buf, l, h) < 0) break;
            /* "Ukraine Vladimir Putin": a word joins the run only when it shares an entity with
             * the word before it */
            if (prev_head >= 0 && head >= 0 && !lists_share(c, prev_head, head)) break;
            prev_head = head;
            e++;
            if (has_possessive(c, e - 1)) break;
        }
        if (e == i) {
            i++;
            continue;
        }
        mevid m;
        memset(&m, 0, sizeof m);
        uint32_t s = i;
        while (s < e && (CLS(c, s) & LX_NOSTART) && !allcaps(c, s)) s++;
        if (s < e) {
            sw_status st = add_name(c, s, s, e, 0, &m);
            if (st != SW_OK) return st;
        }
        i = e;
    }
    return SW_OK;
}

/* ------------------------------------------------------------------------------------------------
 * Pass 3: pronouns (gender votes, person evidence)
 * --------------------------------------------------------------------------------------------- */

static int name_like(const ectx *c, const sw_entinfo *ei);

/* Whether an entity may be a person when the pronouns are counted: person evidence that is not
 * outweighed, or no evidence at all for a name that looks like a person's. */
static int provisional_person(const ectx *c, int32_t ent)
{
    const xent *x = &c->xe[ent];
    if (x->ev[EV_ORG] >= NOT_PERSON_EVIDENCE || x->ev[EV_PLACE] >= NOT_PERSON_EVIDENCE) return 0;
    if (x->ev[EV_PERSON] > 0) return x->ev[EV_PERSON] >= x->ev[EV_ORG] && x->ev[EV_PERSON] >= x->ev[EV_PLACE];
    return x->ev[EV_PERSON] == 0 && x->ev[EV_ORG] <= 0 && x->ev[EV_PLACE] <= 0 && name_like(c, &c->ei[ent]);
}

/* Adds the evidence of each entity's fullest name (its words, once per entity). */
static void name_evidence(ectx *c)
{
    for (size_t k = 0; k < c->n_ents; k++) {
        mevid m;
        memset(&m, 0, sizeof m);
        const sw_entinfo *ei = &c->ei[k];
        evidence_name(c, ei->name_tok_start, ei->name_tok_end, &m);
        xent *x = &c->xe[k];
        for (int t = 0; t < EV_KINDS; t++) x->ev[t] += m.ev[t];
        x->lex_gender = m.lex_gender; /* a lone given name ("Pope Francis", "Mary") counts too */
    }
}

/* Pass 3: each he/him/his or she/her outside quotations votes for the gender (and personhood)
 * of the latest likely person named in the same or the previous sentence. */
static void pronoun_votes(ectx *c, size_t n_body_cands)
{
    size_t mi = 0;
    int32_t last_ent = -1;
    uint32_t last_sent = 0;
    for (size_t k = 0; k < c->n_marks; k++) {
        uint32_t i = c->marks[k];
        if (!nm_has(c, i, SW_N_PRON_MALE | SW_N_PRON_FEMALE)) continue;
        while (mi < n_body_cands && c->cands[mi].tok_s <= i) {
            const cand *m = &c->cands[mi++];
            if (m->kind == SW_MK_NAME && m->ent >= 0 && provisional_person(c, m->ent)) {
                last_ent = m->ent;
                last_sent = c->toks[m->tok_s].sent;
            }
        }
        if (last_ent < 0 || c->toks[i].sent > last_sent + 1) continue;
        if (c->toks[i].flags & SW_TF_IN_QUOTE) continue;
        xent *x = &c->xe[last_ent];
        if (nm_has(c, i, SW_N_PRON_MALE)) x->pron_m++;
        else x->pron_f++;
        x->pron_votes++;
    }
}

/* ------------------------------------------------------------------------------------------------
 * Output
 * --------------------------------------------------------------------------------------------- */

/* A name of two or three words that are in no word list (except given names) and that the
 * article never writes in lower case: a person's name more often than anything else. */
static int name_like(const ectx *c, const sw_entinfo *ei)
{
    if (ei->name_words < PERSON_NAME_MIN_WORDS || ei->name_words > PERSON_NAME_MAX_WORDS) return 0;
    for (uint32_t i = ei->name_tok_start; i < ei->name_tok_end; i++) {
        if (!significant(c, i)) continue;
        if (CLS(c, i) & ~(uint32_t)(SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)) return 0;
        if (allcaps(c, i)) return 0;
        const wstat *ws = wstat_of(c, i);
        if (ws && ws->lower > 0) return 0;
    }
    return 1;
}

/* The type that an entity's own evidence gives, or -1 when it has none. */
static int evidence_type(const ectx *c, size_t k)
{
    const xent *x = &c->xe[k];
    int32_t p = x->ev[EV_PERSON] + (x->pron_votes > PRONOUN_VOTES_MAX ? PRONOUN_VOTES_MAX : x->pron_votes) +
                (x->surname_refs ? EV_SURNAME_REFS : 0);
    int32_t o = x->ev[EV_ORG], l = x->ev[EV_PLACE];
    if (p <= 0 && o <= 0 && l <= 0) return -1;
    if (p >= o && p >= l) {
        if (p > (c->ei[k].name_words >= 2 ? 0 : ONE_WORD_PERSON_ABOVE)) return SW_ENT_PERSON;
        if (o <= 0 && l <= 0) return -1; /* a lone given name: too little to say */
    }
    return l > o ? SW_ENT_PLACE : SW_ENT_ORGANIZATION;
}

/* Fixes each entity's type and gender from its evidence (see evidence_type()). */
static void decide_types(ectx *c)
{
    for (size_t k = 0; k < c->n_ents; k++) {
        xent *x = &c->xe[k];
        sw_entinfo *ei = &c->ei[k];
        int type = evidence_type(c, k);
        if (type < 0 && x->sibling >= 0) type = evidence_type(c, (size_t)x->sibling);
        /* no evidence at all: an organisation (events, works and products end up here too);
         * people are nearly always given away by a first name, a title, a pronoun or a verb */
        if (type < 0) type = SW_ENT_ORGANIZATION;
        c->doc->ents[k].type = (uint8_t)type;
        uint8_t g = SW_GENDER_UNKNOWN;
        if (type == SW_ENT_PERSON) {
            if (ei->honorific_gender) g = ei->honorific_gender;
            else if (x->lex_gender) g = x->lex_gender;
            else if (x->pron_m > x->pron_f) g = SW_GENDER_MALE;
            else if (x->pron_f > x->pron_m) g = SW_GENDER_FEMALE;
        }
        c->doc->ents[k].gender = g;
    }
}

/* Text order of two mentions. */
static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : (x->end > y->end);
}

/* Sorts c->cands[0..n) by position. They come as a few sorted runs (the body in order, then the
 * headline-like blocks, then descriptions), so a natural merge sort is linear in practice. */
static int sort_cands(ectx *c, size_t n)
{
    if (n < 2) return 1;
    cand *tmp = sw_arena_alloc(c->arena, n * sizeof *tmp);
    if (!tmp) return 0;
    cand *src = c->cands, *dst = tmp;
    for (;;) {
        size_t runs = 0, i = 0;
        while (i < n) {
            size_t a = i, mid = i + 1;
            while (mid < n && cmp_cand(&src[mid - 1], &src[mid]) <= 0) mid++;
            size_t b = mid;
            if (b < n) {
                b++;
                while (b < n && cmp_cand(&src[b - 1], &src[b]) <= 0) b++;
            }
            size_t x = a, y = mid, o = a;
            while (x < mid && y < b) dst[o++] = cmp_cand(&src[y], &src[x]) < 0 ? src[y++] : src[x++];
            while (x < mid) dst[o++] = src[x++];
            while (y < b) dst[o++] = src[y++];
            runs++;
            i = b;
        }
        cand *t = src;
        src = dst;
        dst = t;
        if (runs <= 1) break;
    }
    if (src != c->cands) memcpy(c->cands, src, n * sizeof *src);
    return 1;
}

/* Writes the mentions and entities into the document: cands -> doc->ments (+ sw_entdata). */
static sw_status emit(ectx *c)
{
    sw_doc *doc = c->doc;
    size_t n = 0;
    for (size_t k = 0; k < c->n_cands; k++)
        if (c->cands[k].ent >= 0) c->cands[n++] = c->cands[k];
    c->n_cands = n;
    if (!sort_cands(c, n)) return SW_ERR_NOMEM;
    sw_entdata *d = sw_arena_alloc(&doc->arena, sizeof *d + (n ? n : 1) * sizeof(sw_ment));
    if (!d) return SW_ERR_NOMEM;
    d->minfo = sw_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *d->minfo);
    if (!d->minfo) return SW_ERR_NOMEM;
    d->einfo = c->ei;
    d->n_ments = (uint32_t)n;
    d->n_ents = (uint32_t)c->n_ents;
    for (size_t k = 0; k < c->n_ents; k++) {
        doc->ents[k].n_ments = 0;
        c->ei[k].first_ment = c->ei[k].last_ment = SW_NONE;
    }
    for (size_t k = 0; k < n; k++) {
        const cand *m = &c->cands[k];
        d->ments[k].start = m->start;
        d->ments[k].end = m->end;
        d->ments[k].ent = m->ent;
        d->ments[k].kind = m->kind;
        d->minfo[k].tok_start = m->tok_s;
        d->minfo[k].tok_end = m->tok_e;
        d->minfo[k].pre_tok = m->pre_s;
        sw_entinfo *ei = &c->ei[m->ent];
        if (m->kind == SW_MK_NAME) {
            if (ei->first_ment == SW_NONE) ei->first_ment = (uint32_t)k;
            ei->last_ment = (uint32_t)k;
        }
        doc->ents[m->ent].n_ments++;
    }
    doc->ments = d->ments;
    doc->ent_data = d;
    doc->n_ments = (uint32_t)n;
    return SW_OK;
}

/* Lowercase descriptions in the body: "the Belarusian leader", "his Russian counterpart",
 * "the ministry". Each is resolved against the entities named before it and kept as a mention
 * when the resolution is confident. */
static sw_status find_descriptions(ectx *c)
{
    size_t n_before = c->n_cands;
    /* capitalised descriptions found in the scan ("the Russian President") */
    for (size_t k = 0; k < n_before; k++) {
        cand *m = &c->cands[k];
        if (m->kind != SW_MK_DESCRIPTION) continue;
        int strength = 0;
        int32_t ent = sw_ent_resolve_description(c->doc, m->tok_s, m->tok_e, m->tok_s, &strength);
        if (ent >= 0 && strength >= SW_ENT_MATCHED) m->ent = ent;
    }
    for (size_t k = 0; k < c->n_marks; k++) {
        uint32_t i = c->marks[k];
        const sw_iblock *bl = &c->doc->blocks[c->toks[i].block];
        {
            if (i + 1 >= bl->tok_end) continue;
            if (!is_determiner(c, i) || nm_has(c, i, SW_N_INDEFINITE)) continue;
            uint32_t j = i + 1, nat = 0;
            while (j < bl->tok_end && j - i <= DESCRIPTION_MAX_NATIONS && is_word(c, j) &&
                   (CLS(c, j) & (SW_LX_DEMONYM | SW_LX_COUNTRY)) && !(CLS(c, j) & SW_LX_FUNCTION)) {
                j++;
                nat++;
            }
            if (j >= bl->tok_end || !is_word(c, j)) continue;
            uint64_t ch = CLS(c, j);
            if (!(ch & (SW_LX_TITLE | SW_LX_ROLE | SW_LX_ORG_WORD | SW_LX_MEDIA))) {
                if (!nat || capword(c, j) || (ch & LX_NOSTART)) continue;
            }
            /* a title before a name is not a description of its own */
            if (j + 1 < bl->tok_end && capword(c, j + 1)) continue;
            if (capword(c, j)) continue; /* capitalised descriptions come from the name scan */
            int strength = 0;
            int32_t ent = sw_ent_resolve_description(c->doc, i, j + 1, i, &strength);
            if (ent >= 0 && strength >= SW_ENT_MATCHED && !push_cand(c, i, i, j + 1, ent, SW_MK_DESCRIPTION))
                return SW_ERR_NOMEM;
        }
    }
    return SW_OK;
}

/* The stage (doc.h): classify the tokens, scan the body and then the headline-like blocks for
 * names, count pronouns, decide types, emit the names, resolve the descriptions against them and
 * emit again with the descriptions. */
sw_status sw_find_entities(sw_doc *doc)
{
    doc->ments = NULL;
    doc->n_ments = 0;
    doc->ents = NULL;
    doc->n_ents = 0;
    doc->ent_data = NULL;
    if (!doc->n_toks || !doc->toks) return SW_OK;
    ectx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.arena = &doc->arena;
    c.toks = doc->toks;
    c.n_toks = doc->n_toks;
    sw_status st = classify_tokens(&c);
    if (st != SW_OK) return st;
    if (!name_map_init(c.arena, &c.full, FULL_MAP_START) || !name_map_init(c.arena, &c.words, WORDS_MAP_START) ||
        !name_map_init(c.arena, &c.acro, ACRONYMS_MAP_START))
        return SW_ERR_NOMEM;

    /* body paragraphs that are headlines (headline_block) are scanned as headlines are */
    uint8_t *scan_role = sw_arena_alloc(c.arena, doc->n_blocks + 1);
    if (!scan_role) return SW_ERR_NOMEM;
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        scan_role[b] = (uint8_t)block_role(doc, b);
        if (scan_role[b] == BLK_BODY && headline_block(&c, b)) scan_role[b] = BLK_LINK_ONLY;
    }
    for (uint32_t b = 0; b < doc->n_blocks; b++)
        if (scan_role[b] == BLK_BODY && (st = scan_body_block(&c, b)) != SW_OK) return st;
    size_t n_body = c.n_cands;
    for (uint32_t b = 0; b < doc->n_blocks; b++)
        if (scan_role[b] == BLK_LINK_ONLY && (st = scan_link_block(&c, b)) != SW_OK) return st;
    name_evidence(&c);
    pronoun_votes(&c, n_body);

    doc->n_ents = (uint32_t)c.n_ents;
    if (c.n_ents) {
        doc->ents = sw_arena_calloc(c.arena, c.n_ents, sizeof *doc->ents);
        if (!doc->ents) return SW_ERR_NOMEM;
    }
    decide_types(&c);
    for (size_t k = 0; k < c.n_ents; k++) {
        sw_ient *e = &doc->ents[k];
        const sw_entinfo *ei = &c.ei[k];
        e->name_start = doc->toks[ei->name_tok_start].start;
        e->name_end = doc->toks[ei->name_tok_end - 1].start + doc->tok_core[ei->name_tok_end - 1];
        e->name = NULL;
    }
    /* names first, so that descriptions can be resolved with the query functions */
    cand *all = c.cands;
    size_t n_all = c.n_cands, cap_all = c.cap_cands;
    c.cands = sw_arena_alloc(c.arena, (n_all ? n_all : 1) * sizeof *c.cands);
    if (!c.cands) return SW_ERR_NOMEM;
    if (n_all) memcpy(c.cands, all, n_all * sizeof *all);
    c.cap_cands = n_all ? n_all : 1;
    if ((st = emit(&c)) != SW_OK) return st;
    c.cands = all;
    c.n_cands = n_all;
    c.cap_cands = cap_all;
    if ((st = find_descriptions(&c)) != SW_OK) return st;
    return emit(&c);
}
