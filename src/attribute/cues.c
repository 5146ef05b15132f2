/*
 * cues.c -- word classes for attribution and the test for "is this speech verb a verb here?".
 *
 * Every class comes from the language pack through the lookup stage: the open-class lists (speech
 * verbs, titles, roles, names) and the grammar roles of closed-class words (data/<lang>/words.tsv).
 * The pack's cue phrases of kind `according` ("according to", "as reported by") are found once per
 * article, at the tokens whose word begins one.
 */
#include <stdlib.h>
#include <string.h>
#include "attr.h"
#include "entities/entities.h"


int sw_attr_clause_break(const sw_attr *a, uint32_t i)
{
    if (a->t[i].kind != SW_TK_PUNCT) return 0;
    const char *s = tok_text(a, i);
    uint32_t len = tok_len(a, i);
    if (len == 1 && (s[0] == ';' || s[0] == ':')) return 1;
    /* an en or em dash, or a spaced hyphen */
    if (len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 1;
    if (len == 1 && s[0] == '-' && (a->t[i].flags & SW_TF_SPACE_BEFORE)) return 1;
    return 0;
}


/* Whether a word has only ASCII bytes and no apostrophe. */
static int plain_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\'') return 0;
    return 1;
}

/* The most words a cue phrase has (sw_lex_cue). */
#define CUE_MAX_WORDS 6

uint32_t sw_attr_cue_phrase(const sw_attr *a, uint32_t v, uint32_t hi, int want)
{
    sw_word words[CUE_MAX_WORDS];
    size_t n = 0;
    for (uint32_t t = v; t < hi && n < CUE_MAX_WORDS && a->t[t].kind == SW_TK_WORD; t++, n++) {
        words[n].ptr = tok_text(a, t);
        words[n].len = tok_len(a, t);
    }
    /* The lookup stage looked up the word without a possessive ending, and an unknown word with
     * letters outside ASCII again in its ASCII form; for an ASCII word without an apostrophe, its
     * entry is what looking up the word itself gives. */
    size_t len = n && a->info[v] && plain_ascii(words[0].ptr, words[0].len)
                     ? sw_pack_cue_phrase_after(a->pack, a->info[v], words, n, want, NULL)
                     : sw_pack_cue_phrase(a->pack, words, n, want, NULL);
    return (uint32_t)len;
}

sw_status sw_attr_classify(sw_attr *a)
{
    /* the lookup stage looked every word up already */
    const sw_doc *doc = a->doc;
    a->pack = doc->pack;
    a->info = doc->tok_info;
    a->lx = doc->tok_cls;
    a->wcls = doc->tok_roles;
    a->cands = doc->cue_toks;
    a->n_cands = doc->n_cue_toks;
    /* The `according` phrases, each found once, when first asked: sw_attr_according_at() is asked
     * at every token of every clause that is scanned, and their first words ("in", "as") are
     * common. */
    a->according_len = sw_arena_alloc(&a->doc->arena, (size_t)a->n + 1);
    if (!a->according_len) return SW_ERR_NOMEM;
    memset(a->according_len, ACCORDING_UNKNOWN, (size_t)a->n + 1);
    return SW_OK;
}

uint32_t sw_attr_according_find(const sw_attr *a, uint32_t i)
{
    a->according_len[i] = (uint8_t)sw_attr_cue_phrase(a, i, a->n, SW_CUE_ACCORDING);
    return a->according_len[i];
}

/* Words after which a speech-verb form is a noun: "the report", "a claim", "his statement". */
static int noun_context_before(const sw_attr *a, uint32_t i)
{
    if (i == 0) return 0;
    uint32_t p = i - 1;
    if (a->t[p].kind != SW_TK_WORD) return 0;
    if (a->wcls[p] & SW_W_DET) return !(a->wcls[p] & SW_W_THAT);
    return 0;
}

/* After a subject that is no pronoun, name or role, the base form at i is a verb when a clause can
 * follow it: always for "say" and "tell" (the frame any_clause: "forecasters say health spending
 * will ..."), otherwise when the next word can open one ("state parties" is a noun). */
static int clause_follows(const sw_attr *a, uint32_t i)
{
    return (a->info[i]->frames & SW_VX_ANY_CLAUSE) || sw_attr_opens_clause(a, i + 1);
}

int sw_attr_is_cue_verb(const sw_attr *a, uint32_t i)
{
    if (a->t[i].kind != SW_TK_WORD || !(a->lx[i] & SW_LX_SPEECH)) return 0;
    if (a->t[i].flags & SW_TF_IN_QUOTE) return 0;
    const sw_lex_info *info = a->info[i];
    if (!info || !info->verb_form) return 0;
    /* Capitalised mid-sentence: part of a name ("Said Hassan"), not a verb. */
    if ((a->t[i].flags & SW_TF_CAP) && !(a->t[i].flags & SW_TF_SENT_START)) return 0;
    /* "while some say C", "others argue C": a quantifier standing for people, then a base form */
    if (info->verb_form == SW_VF_BASE && i > 0 && a->t[i - 1].kind == SW_TK_WORD &&
        people_quantifier(a, i - 1) &&
        !(i > 1 && a->t[i - 2].kind == SW_TK_WORD && (a->wcls[i - 2] & (SW_W_PREP | SW_W_DET))))
        return 1;
    if (noun_context_before(a, i)) return 0;
    /* A base form ("say", "report") is a verb only after a subject pronoun, an auxiliary or "to"
     * ("they say", "will say", "went on to say"); otherwise it is too often a noun. */
    if (info->verb_form == SW_VF_BASE) {
        if (i == 0) return 0;
        uint32_t p = i - 1;
        if (a->wcls[p] & (SW_W_SUBJ_PRON | SW_W_ADVERB | SW_W_TO)) return 1;
        /* "groups who say C" (not "which state media") */
        if (a->wcls[p] & SW_W_RELATIVE) return clause_follows(a, i);
        if (a->t[p].kind == SW_TK_WORD && (a->lx[p] & SW_LX_ROLE)) return 1;
        /* "analysts say", "Social conservatives argue" (not "state parties", "records suggest"): a
         * plural noun that is no document, when what follows can open a clause */
        if (a->t[p].kind == SW_TK_WORD && looks_plural(a, p) && !is_possessive(a, p) &&
            !has_ending(a, SW_LIST_SINGULAR_ENDINGS, tok_text(a, p), tok_len(a, p)) &&
            !(a->lx[p] & (SW_LX_FUNCTION | SW_LX_CALENDAR | SW_LX_VERB_3SG | SW_LX_VERB_PAST | SW_LX_SPEECH)) &&
            !(a->wcls[p] & (SW_W_PREP | SW_W_CONJ | SW_W_DET | SW_W_AUX | SW_W_DOC_NOUN)) && clause_follows(a, i))
            return 1;
        /* "Six in 10 say", "47% say", "half say": a share of people */
        if (sw_attr_quantity_start(a, p, a->doc->sents[a->t[i].sent].tok_start, 0) != SW_NONE && clause_follows(a, i))
            return 1;
        if (a->ment_of[p] >= 0) {
            /* "a Facebook post", "his Twitter post": after an article or a possessive, the name
             * modifies the noun */
            uint32_t f = p;
            while (f > 0 && a->ment_of[f - 1] == a->ment_of[p]) f--;
            if (f > 0 && a->t[f - 1].kind == SW_TK_WORD && tok_role(a, f - 1, SW_W_INDEF_ARTICLE | SW_W_POSS_DET))
                return 0;
            return 1;
        }
        return 0;
    }
    return 1;
}

/* "Twenty-four", "thirty-one": a word whose part before its hyphen is a number word. */
static int hyphenated_number(const sw_attr *a, uint32_t i)
{
    const char *w = tok_text(a, i);
    const char *h = memchr(w, '-', tok_len(a, i));
    if (!h || h == w) return 0;
    const sw_lex_info *info = sw_pack_lookup(a->pack, w, (size_t)(h - w));
    return info && (info->roles & SW_W_NUMBER_WORD);
}

/* A number: in digits, or a number word. */
static int number_like(const sw_attr *a, uint32_t i)
{
    if (a->t[i].kind == SW_TK_NUM) return 1;
    if (!is_word(a, i)) return 0;
    return tok_role(a, i, SW_W_NUMBER_WORD) || (!a->info[i] && hyphenated_number(a, i));
}

/* The most words that make a count approximate before it: "at least", "more than", "just over". */
#define APPROXIMATORS_MAX 3

int sw_attr_opens_clause(const sw_attr *a, uint32_t i)
{
    if (i >= a->n || a->t[i].kind != SW_TK_WORD) return 1;
    if (a->t[i].flags & SW_TF_CAP) return 1;
    return (a->lx[i] & (SW_LX_FUNCTION | SW_LX_PRONOUN)) ||
           (a->wcls[i] & (SW_W_DET | SW_W_THAT | SW_W_SUBJ_PRON | SW_W_ADVERB | SW_W_EXPLETIVE)) || is_gerund(a, i);
}

uint32_t sw_attr_quantity_start(const sw_attr *a, uint32_t p, uint32_t lo, int word_count_ok)
{
    if (p < lo) return SW_NONE;
    uint32_t k = p;
    int share = 0; /* a share ("74 percent", "half", "six in 10"), not a bare count ("the three") */
    if (a->t[k].kind == SW_TK_SYM || a->t[k].kind == SW_TK_PUNCT) {
        /* "47%" */
        if (!tok_in_list(a, k, SW_LIST_SHARE_SIGNS) || k == lo || a->t[k - 1].kind != SW_TK_NUM) return SW_NONE;
        k--;
        share = 1;
    } else if (is_word(a, k) && tok_role(a, k, SW_W_SHARE)) {
        /* "74 percent", "Twenty-four percent", "half" */
        share = 1;
        if (k > lo && number_like(a, k - 1)) k--;
    } else if (number_like(a, k)) {
        /* "six in 10", "nine out of 10", "one in five" */
        uint32_t m = k;
        if (m > lo + 1 && is_word(a, m - 1) && tok_in_list(a, m - 1, SW_LIST_RATIO_LINKS)) {
            uint32_t n = m - 2;
            if (n > lo && tok_role(a, n, SW_W_PARTICLE)) n--;
            if (number_like(a, n)) {
                k = n;
                share = 1;
            }
        }
    } else {
        return SW_NONE;
    }
    /* "nearly half", "at least 21,000", "a majority", "the three" */
    int approx = 0;
    for (int n = 0; n < APPROXIMATORS_MAX && k > lo && is_word(a, k - 1); n++) {
        if (tok_role(a, k - 1, SW_W_APPROXIMATOR)) approx = 1;
        /* an article before a share or a number word, not before digits ("the 1968 race") */
        else if (!tok_role(a, k - 1, SW_W_DEF_ARTICLE | SW_W_INDEF_ARTICLE) || (!share && a->t[k].kind == SW_TK_NUM))
            break;
        k--;
    }
    /* a bare count only with an approximator, or as a number word after an article or (with
     * word_count_ok) alone: "at least 21,000 said", "the two say", "One said"; not "4,051 pledged
     * delegates", "One petition for" */
    if (!share && !approx && (a->t[p].kind == SW_TK_NUM || (k == p && !word_count_ok))) return SW_NONE;
    /* it opens its clause */
    if (k == lo) return k;
    uint32_t b = k - 1;
    if (a->t[b].kind == SW_TK_PUNCT)
        /* a bare number between commas is an age ("Ortiz, 54, said") */
        return !share && !approx && tok_punct(a, b, ',') ? SW_NONE : k;
    if (is_word(a, b) && (a->wcls[b] & (SW_W_CONJ | SW_W_THAT | SW_W_RELATIVE))) return k;
    /* "after half said so" (not "in 2016 say") */
    if (share && is_word(a, b) && (a->wcls[b] & SW_W_PREP)) return k;
    return SW_NONE;
}
