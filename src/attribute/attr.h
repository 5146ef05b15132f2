/*
 * attr.h -- internal state of the attribution stage (src/attribute/).
 *
 * Attribution turns cues (speech verbs, "according to") and quotation spans into statements:
 *   cues.c     finds cue tokens and classifies the words around them;
 *   speaker.c  finds the speaker's noun phrase next to a cue;
 *   resolve.c  resolves it to an entity (pronouns, descriptions, pairs of people, names);
 *   clause.c   finds the reported clause a cue introduces and where it ends;
 *   transcript.c finds the turns of a transcript ("WALLACE: Let's start ...");
 *   attribute.c drives the passes: transcript turns, reported speech and quotations with a cue, then quotations
 *              without one (floating quotes, titles, scare quotes), then confidence;
 *   quotes_only.c the fast mode that stops at the quotation spans (sw_options.quotes_only).
 * All per-article arrays live in the document arena.
 */
#ifndef SW_ATTR_H
#define SW_ATTR_H

#include <string.h>
#include "doc.h"
#include "fold.h"
#include "lang/pack.h"

/* Word classes (SW_LX_*, attr.lx) and roles (SW_W_*, attr.wcls) come from the language pack,
 * through the lookup stage: see src/lang/pack.h and data/features.tsv. */

/* sw_attr_np_after() scans a phrase of at most this many tokens: a name with its titles and an "of"
 * phrase fits ("Chief Superintendent Graciano Mijares of the police"). */
#define NP_AFTER_MAX_TOKENS 12

/* A noun phrase naming a speaker or a hearer. */
typedef struct sw_np {
    uint32_t tok_start, tok_end;  /* tokens [tok_start, tok_end), tok_end == 0 when none */
    int32_t ment;                 /* named mention it contains (the head's), or -1 */
    int32_t ent;                  /* resolved entity, or -1 */
    uint8_t kind;                 /* SW_NP_* */
} sw_np;

typedef struct sw_attr {
    sw_doc *doc;
    const sw_tok *t;
    uint32_t n;
    const sw_pack *pack;   /* the language pack */
    const uint64_t *lx;    /* classes per token (SW_LX_*): the lookup stage's doc->tok_cls */
    const uint64_t *wcls;  /* roles per token (SW_W_*): doc->tok_roles */
    const sw_lex_info *const *info; /* pack entry per token, or NULL: doc->tok_info */
    const uint32_t *cands; /* the tokens that may be speech cues, in order (doc->cue_toks) */
    uint32_t n_cands;
    int32_t *ment_of;      /* entity mention covering each token, or -1 */
    int32_t *qspan_open;   /* for an opening-mark token, its top-level qspan, or -1 */
    int32_t *qspan_close;  /* for a closing-mark token, its top-level qspan, or -1 */
    uint8_t *claimed;      /* per qspan: already part of a statement */
    size_t stmt_cap;
    int32_t cur_stmt;      /* the statement whose speaker is being resolved, or -1 */
    uint32_t sorted_stmts; /* how many statements at the front are sorted (pass 2), else 0 */
    sw_np last_subj;       /* the subject of the latest cue ... */
    uint32_t last_subj_sent; /* ... and its sentence (SW_NONE when none) */
    uint32_t pending_via_start, pending_via_end; /* "According to S, X said": S for X's ... */
    uint32_t pending_via_sent;                   /* ... statement in this sentence */
    uint8_t *spoken_block; /* per block: 1 when it is a statement as a whole (a transcript turn, a
                              block quotation), or NULL when there is none */
    uint8_t *according_len; /* per token: the length of the `according` cue phrase it begins, 0
                               when none, ACCORDING_UNKNOWN until asked (sw_attr_according_at) */
} sw_attr;

enum {
    SW_NP_NONE = 0,
    SW_NP_NAME,        /* a named mention: explicit */
    SW_NP_PRONOUN,     /* he, she, they ... */
    SW_NP_DESC,        /* a description: the Belarusian leader, a spokesperson, police */
    SW_NP_POSSESSOR    /* "Judge Miller's statement": the owner of a document noun */
};

/* ---- helpers shared by the files of this stage ---- */

/* Text of token i. */
static inline const char *tok_text(const sw_attr *a, uint32_t i) { return a->doc->text + a->t[i].start; }
static inline uint32_t tok_len(const sw_attr *a, uint32_t i) { return a->t[i].end - a->t[i].start; }
/* Token i is a word that has one of `roles` (SW_W_*) as it is written: the pack entry the lookup
 * stage gave it is its own, not the one of the word without its possessive ending or of its ASCII
 * form (both are shorter than the token). As cheap as a bit test: the entry is read only when a
 * role bit is set. */
static inline int tok_role(const sw_attr *a, uint32_t i, uint64_t roles)
{
    return (a->wcls[i] & roles) && a->info[i]->len == tok_len(a, i);
}
/* Token i is, without case, an item of the pack's list `list` (SW_LIST_*: folded strings). */
static inline int tok_in_list(const sw_attr *a, uint32_t i, unsigned list)
{
    const sw_pack_list *l = sw_pack_list_of(a->pack, list);
    const char *s = tok_text(a, i);
    uint32_t len = tok_len(a, i);
    for (uint32_t k = 0; k < l->n; k++) {
        if (l->items[k].len != len) continue;
        uint32_t j = 0;
        while (j < len && (char)sw_fold_byte((unsigned char)s[j]) == l->items[k].str[j]) j++;
        if (j == len) return 1;
    }
    return 0;
}
/* The word w (len bytes) ends with an item of the pack's list `list` and has something before it
 * (exact comparison: the lists of endings hold small letters). */
static inline int has_ending(const sw_attr *a, unsigned list, const char *w, uint32_t len)
{
    const sw_pack_list *l = sw_pack_list_of(a->pack, list);
    for (uint32_t k = 0; k < l->n; k++) {
        uint32_t n = l->items[k].len;
        /* (the last byte first: most words end otherwise, and this is asked of many) */
        if (n < len && (n == 0 || w[len - 1] == l->items[k].str[n - 1]) && memcmp(w + len - n, l->items[k].str, n) == 0)
            return 1;
    }
    return 0;
}
/* The token is this punctuation character. */
static inline int tok_punct(const sw_attr *a, uint32_t i, char c)
{
    return a->t[i].kind == SW_TK_PUNCT && tok_len(a, i) == 1 && tok_text(a, i)[0] == c;
}
/* Token i is a word. */
static inline int is_word(const sw_attr *a, uint32_t i) { return a->t[i].kind == SW_TK_WORD; }
/* Token i is a possessive ending written as its own token (the pack's possessive endings: 's, ’s,
 * ', ’ in English). */
static inline int is_possessive(const sw_attr *a, uint32_t i)
{
    return is_word(a, i) && tok_in_list(a, i, SW_LIST_POSSESSIVE_ENDINGS);
}
/* A word shorter than this is not taken for a plural by its ending alone ("is", "his", "gas"). */
#define PLURAL_MIN_LEN 4
/* Token i looks like a plural noun by its ending ("reporters", "researchers"). */
static inline int looks_plural(const sw_attr *a, uint32_t i)
{
    uint32_t len = tok_len(a, i);
    return len >= PLURAL_MIN_LEN && has_ending(a, SW_LIST_PLURAL_ENDINGS, tok_text(a, i), len);
}
/* First token of the mention that covers token i. */
static inline uint32_t mention_first_tok(const sw_attr *a, uint32_t i)
{
    int32_t m = a->ment_of[i];
    while (i > 0 && a->ment_of[i - 1] == m) i--;
    return i;
}
/* Mention m (or -1) names a person. */
static inline int is_person_ment(const sw_attr *a, int32_t m)
{
    if (m < 0) return 0;
    int32_t e = a->doc->ments[m].ent;
    return e >= 0 && a->doc->ents[e].type == SW_ENT_PERSON;
}

/* A word in -ing shorter than this is rarely a gerund: "king", "ring", "bring", "thing". */
#define GERUND_MIN_LEN 6
/* A lower-case word that looks like a gerund or present participle: GERUND_MIN_LEN bytes or more
 * with a gerund ending, no hyphen, not a "-thing" pronoun ("denied killing him", "in relaying the
 * news"). */
static inline int is_gerund(const sw_attr *a, uint32_t i)
{
    if (!is_word(a, i) || (a->t[i].flags & SW_TF_CAP)) return 0;
    const char *w = tok_text(a, i);
    uint32_t len = tok_len(a, i);
    return len >= GERUND_MIN_LEN && has_ending(a, SW_LIST_GERUND_ENDINGS, w, len) &&
           !has_ending(a, SW_LIST_GERUND_EXCEPTIONS, w, len) && !memchr(w, '-', len);
}
/* A quantifier that can stand for people ("some say", "others argue"). */
static inline int people_quantifier(const sw_attr *a, uint32_t i) { return tok_role(a, i, SW_W_PEOPLE_QUANT); }

/* A token that ends a clause inside a sentence: ; or : or a dash. */
int sw_attr_clause_break(const sw_attr *a, uint32_t i);

/* cues.c: per-token classes and the `according` phrases; SW_OK or SW_ERR_NOMEM. */
sw_status sw_attr_classify(sw_attr *a);
/* The length in tokens of the longest cue phrase of the pack of kind `want` (SW_CUE_*) that
 * begins at token v and ends before token hi, or 0. */
uint32_t sw_attr_cue_phrase(const sw_attr *a, uint32_t v, uint32_t hi, int want);
/* Is token i a speech verb used as a verb here (not a noun: "the report", "a claim")? */
int sw_attr_is_cue_verb(const sw_attr *a, uint32_t i);
/* The first token of a share or a count of people that ends at token p and opens its clause, so
 * that it can be the subject of a verb after it ("74 percent said", "Six in 10 say", "nearly half
 * said", "one in five say", "the two said", "at least 21,000 said"; with word_count_ok, a number
 * word alone: "One said"), or SW_NONE. Looks no further left than lo. */
uint32_t sw_attr_quantity_start(const sw_attr *a, uint32_t p, uint32_t lo, int word_count_ok);
/* Whether token i can open a reported clause right after a verb: no word (punctuation, a
 * quotation, a number), a capitalised or function word, a pronoun, a determiner, "that", an
 * adverb, a gerund; not a lower-case content word ("state parties", "pledged delegates"). */
int sw_attr_opens_clause(const sw_attr *a, uint32_t i);
/* Length in tokens of a cue phrase of kind `according` ("according to", "as reported by") starting
 * at token i, else 0. */
#define ACCORDING_UNKNOWN 0xFF /* according_len[i] not looked for yet */
/* The length of the `according` phrase at token i when not known yet (cues.c). */
uint32_t sw_attr_according_find(const sw_attr *a, uint32_t i);
static inline uint32_t sw_attr_according_at(const sw_attr *a, uint32_t i)
{
    if (!(a->wcls[i] & SW_W_ACCORDING)) return 0;
    return a->according_len[i] != ACCORDING_UNKNOWN ? a->according_len[i] : sw_attr_according_find(a, i);
}

/* speaker.c */
/* The subject noun phrase of the verb at token v, looking left within [lo, v). */
sw_np sw_attr_subject_before(sw_attr *a, uint32_t v, uint32_t lo);
/* A noun phrase starting at token i (after an inverted verb, after "according to"), up to hi.
 * With `apposition`, a person named in a comma-separated apposition right after wins over an
 * organisation ("said University of X, its chancellor, Jane Doe"). */
sw_np sw_attr_np_after(sw_attr *a, uint32_t i, uint32_t hi, int apposition);
/* Resolves an NP to an entity (pronouns, descriptions, names); sets np->ent. `at` is the token
 * position used for recency. */
void sw_attr_resolve(sw_attr *a, sw_np *np, uint32_t at);

/* The latest statement that starts before byte offset at_off (skipping the one being filled). */
const sw_stmt *sw_attr_latest_stmt(const sw_attr *a, uint32_t at_off);
/* "The head of the investigators told the court “...” She also said ...": when the latest
 * statement's speaker was an unnamed description and nobody was named since, a pronoun subject at
 * token `at` continues it; returns that description, or NULL. */
const char *sw_attr_pronoun_group(sw_attr *a, uint32_t at);
/* "Silva and Reed said": when the named person np is the second of two people joined by "and"
 * at the start of a phrase, returns "Ana Silva and Tom Reed" (in the arena), else NULL. */
const char *sw_attr_coordinated_pair(sw_attr *a, const sw_np *np);
/* "Both officers said": "both" and a plural noun mean the two people named together last ("officers
 * Antoine Quirin and Nicolas Redouane"), within a few sentences; their pair's name, or NULL. */
const char *sw_attr_described_pair(sw_attr *a, const sw_np *np);

/* clause.c */
/* Where a reported clause introduced by the cue verb at v (a phrase ending before v_end) begins (after an addressee, "that",
 * time adverbials) and ends (exclusive token index); the addressee NP if any. Returns 0 when the
 * verb introduces no clause. */
int sw_attr_clause_after(sw_attr *a, uint32_t v, uint32_t v_end, uint32_t sent_end, uint32_t *cs, uint32_t *ce,
                      sw_np *addressee);
/* Does the clause [cs, ce) look like a clause (a subject pronoun first, an auxiliary or a past
 * tense within its first words) rather than a noun phrase ("announced his resignation")? */
int sw_attr_clause_is_finite(const sw_attr *a, uint32_t cs, uint32_t ce);
/* The end (exclusive) of a clause starting at token i, within the sentence ending at sent_end. */
uint32_t sw_attr_clause_end(const sw_attr *a, uint32_t i, uint32_t sent_end);

/* The subject of the sentence [lo, hi) before token v: its first noun phrase after a leading
 * adverbial ("On Friday, the government announced"). Used for verbs that share a subject:
 * "S agreed, saying C", "S wept and said C". */
sw_np sw_attr_sentence_subject(sw_attr *a, uint32_t lo, uint32_t v);

/* transcript.c */
/* A paragraph that opens with a speaker's label and a colon. */
typedef struct sw_turn {
    uint32_t block;                   /* the paragraph */
    uint32_t label_start, label_end;  /* the label's tokens [label_start, label_end) */
    uint32_t text_start;              /* the first token after the colon */
    int32_t ent;                      /* the entity the label names */
} sw_turn;
/* The turns of the article when it holds a transcript (several turns, two speakers at least, one of
 * whom speaks twice), in text order, in the arena; 0 (and *out NULL) when it holds none. */
uint32_t sw_attr_transcript_turns(sw_attr *a, sw_turn **out);

/* attribute.c */
/* Appends a blank statement (all spans SW_NONE, entities -1); NULL when out of memory. */
sw_stmt *sw_attr_new_stmt(sw_attr *a);

#endif
