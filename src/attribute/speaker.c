/*
 * speaker.c -- the speaker's noun phrase next to a cue (resolve.c says what it refers to).
 *
 * Without a parser, a subject is found by walking left from the verb over adverbs and
 * auxiliaries ("first", "has since", "reportedly") to a phrase that can speak: a named mention,
 * a pronoun, or a description headed by a role, title, organisation or document noun ("the
 * Belarusian leader", "a Coast Guard spokesperson", "the party's website"). Appositions and
 * relative clauses are stepped over ("Mangal, spokesperson for the governor, said"; "Putin, who
 * said"), and "X of Y" keeps X ("Jennifer Lu of the Coalition said").
 */
#include <string.h>
#include "attr.h"
#include "entities/entities.h"

/* How far the speaker's phrase is looked for (in tokens). */
/* "Anderson Cooper, of CNN, one of her sons, stated": at most 6 comma-separated segments before the verb, */
#define CHAIN_MAX_SEGMENTS 6
/* starting within 40 tokens before the verb's comma: a name and a few appositions fit. */
#define CHAIN_MAX_TOKENS 40
/* "the FAA and the NTSB, with the latter": both names are looked for in the 40 tokens before "latter". */
#define LATTER_LOOKBACK 40
/* ", with the latter", "; the latter": at most 3 tokens between the second name and "the". */
#define LATTER_GAP 4
/* "Anna Berg, a chemist at the institute, who said": an apposition before "who", under 25 tokens. */
#define APPOSITION_MAX_TOKENS 25
/* np_ending_at() calls itself to step over parentheses, appositions, "of" phrases: 3 levels (bounds recursion). */
#define NP_MAX_DEPTH 3
/* "the National Hurricane Center (NHC) reported": a parenthesis stepped over has under 12 tokens. */
#define PAREN_MAX_TOKENS 12
/* "X, a TITLE at Y, said", "X, who ..., said": an apposition or relative clause, at most 30 tokens. */
#define COMMA_ASIDE_MAX_TOKENS 30
/* "dela Vega of the army's Command said": at most 6 tokens between "of" and the organisation named. */
#define AFFILIATION_MAX_TOKENS 6
/* "Judge Miller's statement", "her own memoirs": the owner at most 3 tokens before the document noun. */
#define DOC_OWNER_WINDOW 3
/* "Organizers of the rally said": "of" at most 5 tokens before the phrase's last word (a short name). */
#define OF_PHRASE_WINDOW 5
/* "the forecaster said": after "the" or "a", a lower-case word of 2 bytes or fewer is rarely a noun. */
#define SHORT_WORD_MAX_LEN 2
/* "the party's chief financial officer said": a description's first word at most 6 tokens before its head. */
#define DESCRIPTION_MAX_TOKENS 6
/* "the former secretary of state and current nominee": the first title and its article at most 8
 * tokens before "and" */
#define TITLE_PAIR_MAX_TOKENS 8
/* "Smith yesterday also reportedly said": at most 4 adverbs and time words between a subject and its verb. */
#define SUBJECT_ADVERBS_MAX 4
/* "Ferrand in relaying the news to parliament said": the gerund among the 12 tokens before the phrase. */
#define GERUND_ADJUNCT_WINDOW 12
/* "a statement by the Presidential Spokesperson Harry Roque": the person among 8 words (titles first). */
#define SOURCE_PERSON_WINDOW 8
/* "In a statement on Monday, the government announced": a leading adverbial ends at a comma within 15 tokens. */
#define LEADING_ADVERBIAL_MAX_TOKENS 15
/* "Underwhelmed with her role, she left": a participle phrase before the subject, its comma within 10 tokens. */
#define LEADING_PARTICIPLE_MAX_TOKENS 10
/* "said University of California, San Diego's chancellor, Pradeep Khosla": the person under 10 tokens on. */
#define APPOSITION_PERSON_WINDOW 10

static sw_np np_none(void)
{
    sw_np np;
    memset(&np, 0, sizeof np);
    np.ment = np.ent = -1;
    return np;
}

/* The NP of the named mention covering token k: all of its tokens within [lo, hi). */
static sw_np name_np(const sw_attr *a, uint32_t k, uint32_t lo, uint32_t hi)
{
    sw_np np;
    memset(&np, 0, sizeof np);
    np.ent = -1;
    np.kind = SW_NP_NAME;
    np.ment = a->ment_of[k];
    np.tok_start = k;
    while (np.tok_start > lo && a->ment_of[np.tok_start - 1] == np.ment) np.tok_start--;
    np.tok_end = k + 1;
    while (np.tok_end < hi && a->ment_of[np.tok_end] == np.ment) np.tok_end++;
    return np;
}

/* Can a description headed by token h speak? */
static int speaking_head(const sw_attr *a, uint32_t h)
{
    uint64_t lx = a->lx[h];
    /* "Democrats said", "the Wisconsin Republican said": a party's members speak as a role's do */
    if (lx & (SW_LX_ROLE | SW_LX_TITLE | SW_LX_ORG_WORD | SW_LX_MEDIA | SW_LX_PARTY)) return 1;
    if (a->wcls[h] & SW_W_DOC_NOUN) return 1;
    return 0;
}

/* Whether the name ending at token me is followed, inside [.., hi), by a lower-case role or
 * title noun that it modifies: "a Trump adviser", "the Kremlin spokesman". */
static int name_modifies_role(const sw_attr *a, uint32_t me, uint32_t hi)
{
    uint32_t n = me + 1;
    return n < hi && is_word(a, n) && !(a->t[n].flags & SW_TF_CAP) && a->ment_of[n] < 0 &&
           (a->lx[n] & (SW_LX_ROLE | SW_LX_TITLE)) && !(a->lx[n] & SW_LX_FUNCTION) &&
           !(a->wcls[n] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE | SW_W_THAT | SW_W_AUX)) && !sw_attr_is_cue_verb(a, n);
}

/* The first token of a mention after title words and determiners at the start of a segment:
 * "the Defence Secretary Delfin Lorenzana", "former minister X". */
static uint32_t skip_segment_lead(const sw_attr *a, uint32_t k, uint32_t end)
{
    /* (an honorific too: "The minister of the economy, Mr. Guajardo Villarreal, argues") */
    while (k < end && is_word(a, k) && a->ment_of[k] < 0 &&
           ((a->wcls[k] & SW_W_DET) || (a->lx[k] & (SW_LX_TITLE | SW_LX_DEMONYM)) ||
            (a->info[k] && (a->info[k]->names & SW_N_HONORIFIC)) ||
            (!(a->t[k].flags & SW_TF_CAP) && !(a->wcls[k] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE)))))
        k++;
    return k;
}

/* "Baloch and Waseem's mother": whether token k (right after a name) is "and", a second name and
 * a possessive ending before a lower-case noun, all before token end: the two names own the noun,
 * which is the phrase's head. */
static int pair_owns_noun(const sw_attr *a, uint32_t k, uint32_t end)
{
    if (k + 3 >= end + 1 || !tok_role(a, k, SW_W_ADDITIVE) || a->ment_of[k + 1] < 0) return 0;
    uint32_t t = k + 1;
    while (t < end && a->ment_of[t] == a->ment_of[k + 1]) t++;
    return t + 1 < end && is_possessive(a, t) && is_word(a, t + 1) && !(a->t[t + 1].flags & SW_TF_CAP) &&
           a->ment_of[t + 1] < 0;
}

/* "Anderson Cooper, of CNN, one of her sons, stated" / "Yesterday, the transport secretary,
 * Grant Shapps, announced": the verb follows a chain of comma-separated segments; its subject is
 * the first person named at the start of a segment. Returns an empty NP when no segment starts
 * with a person. */
static sw_np chain_subject(const sw_attr *a, uint32_t comma, uint32_t lo)
{
    sw_np np = np_none();
    uint32_t seg_start[CHAIN_MAX_SEGMENTS];
    uint32_t n = 0, j = comma;
    while (n < CHAIN_MAX_SEGMENTS && comma - j < CHAIN_MAX_TOKENS) {
        uint32_t k = j;
        while (k > lo && !tok_punct(a, k - 1, ',') && a->t[k - 1].kind != SW_TK_QUOTE && !sw_attr_clause_break(a, k - 1))
            k--;
        seg_start[n++] = k;
        if (k <= lo || !tok_punct(a, k - 1, ',')) break;
        j = k - 1;
    }
    for (uint32_t s = n; s-- > 0;) {
        uint32_t end = s == 0 ? comma : seg_start[s - 1] - 1;
        /* ", like Obama,", ", unlike Trump,": a segment that opens with a preposition is an aside */
        if (s + 1 < n && is_word(a, seg_start[s]) && (a->wcls[seg_start[s]] & SW_W_PREP) &&
            a->ment_of[seg_start[s]] < 0)
            continue;
        uint32_t k = skip_segment_lead(a, seg_start[s], end);
        /* "Mendez's wife Jonna Mendez": the possessor is not the subject, the person after is */
        while (k < end && a->ment_of[k] >= 0) {
            uint32_t e = k;
            while (e < end && a->ment_of[e] == a->ment_of[k]) e++;
            if (e >= end || !is_possessive(a, e)) break;
            k = skip_segment_lead(a, e + 1, end);
        }
        if (k >= end || a->ment_of[k] < 0 || !is_person_ment(a, a->ment_of[k])) continue;
        uint32_t me = k;
        while (me + 1 < end && a->ment_of[me + 1] == a->ment_of[k]) me++;
        if (name_modifies_role(a, me, end)) continue;
        /* "Baloch and Waseem's mother, Anwar, wept": the names own the segment's noun */
        if (pair_owns_noun(a, me + 1, end)) continue;
        return name_np(a, k, k, end);
    }
    return np;
}

/* "the FAA and the NTSB, with the latter confirming": "the latter" (token i is an anaphor of the
 * second or the first of two, after the definite article) names the second (or first) of the two
 * names just coordinated before it. Returns the NP "the latter" carrying that name's mention, or an
 * empty NP. */
static sw_np latter_former(const sw_attr *a, uint32_t i)
{
    sw_np np = np_none();
    uint32_t lim = i > LATTER_LOOKBACK ? i - LATTER_LOOKBACK : 0;
    uint32_t j = i - 1; /* "the" */
    /* ", with the latter", "; the latter": a few words or marks between */
    while (j > lim && a->ment_of[j - 1] < 0 && i - j < LATTER_GAP && !tok_punct(a, j - 1, '.')) j--;
    if (j == lim || a->ment_of[j - 1] < 0) return np;
    int32_t second = a->ment_of[j - 1];
    uint32_t k = mention_first_tok(a, j - 1);
    if (k > lim && (a->wcls[k - 1] & SW_W_DET)) k--;
    if (k <= lim + 1 || !tok_role(a, k - 1, SW_W_COORD)) return np;
    k--;
    if (a->ment_of[k - 1] < 0 || a->ment_of[k - 1] == second) return np;
    np.kind = SW_NP_NAME;
    np.ment = tok_role(a, i, SW_W_ANAPHOR_SECOND) ? second : a->ment_of[k - 1];
    np.tok_start = i - 1;
    np.tok_end = i + 1;
    return np;
}

/* An apposition that ends at the comma `comma` and begins with an article after another comma
 * ("..., a marine ecologist and professor at the institute,"): the index of that earlier comma,
 * or SW_NONE. */
static uint32_t apposition_start(const sw_attr *a, uint32_t comma, uint32_t lo)
{
    uint32_t j = comma;
    while (j > lo && comma - j < APPOSITION_MAX_TOKENS) {
        j--;
        if (tok_punct(a, j, ',')) break;
        if (!is_word(a, j) && !is_possessive(a, j)) return SW_NONE;
    }
    if (!tok_punct(a, j, ',') || j <= lo || j + 1 >= comma) return SW_NONE;
    if (!tok_role(a, j + 1, SW_W_INDEF_ARTICLE | SW_W_DEF_ARTICLE)) return SW_NONE;
    return j;
}

/* The noun phrase that ends at token i (inclusive), looking no further left than lo. */
/* Whether mention m names a place. */
static int is_place_ment(const sw_attr *a, int32_t m)
{
    int32_t e = m >= 0 ? a->doc->ments[m].ent : -1;
    return e >= 0 && a->doc->ents[e].type == SW_ENT_PLACE;
}

static sw_np np_ending_at(sw_attr *a, uint32_t i, uint32_t lo, int depth)
{
    sw_np np = np_none();
    if (i < lo || i >= a->n || depth > NP_MAX_DEPTH) return np;
    /* "the National Hurricane Center (NHC) reported": step over a parenthesis */
    if (tok_punct(a, i, ')')) {
        uint32_t j = i;
        while (j > lo && !tok_punct(a, j, '(') && i - j < PAREN_MAX_TOKENS) j--;
        if (tok_punct(a, j, '(') && j > lo) return np_ending_at(a, j - 1, lo, depth + 1);
        return np;
    }
    /* an apposition or a relative clause before the verb: "X, a TITLE ..., said" */
    if (tok_punct(a, i, ',')) {
        sw_np chain = chain_subject(a, i, lo);
        if (chain.kind != SW_NP_NONE) return chain;
        uint32_t j = i;
        while (j > lo) {
            j--;
            if (tok_punct(a, j, ',')) break;
            if (a->t[j].kind == SW_TK_QUOTE || sw_attr_clause_break(a, j) || i - j > COMMA_ASIDE_MAX_TOKENS) return np;
        }
        if (!tok_punct(a, j, ',') || j <= lo) return np;
        sw_np head = np_ending_at(a, j - 1, lo, depth + 1);
        if (head.kind == SW_NP_NAME || head.kind == SW_NP_DESC) return head;
        return np;
    }
    if (!is_word(a, i)) return np;
    if (tok_role(a, i, SW_W_ANAPHOR_SECOND | SW_W_ANAPHOR_FIRST) && i > lo && tok_role(a, i - 1, SW_W_DEF_ARTICLE))
        return latter_former(a, i);
    /* "while some say C", "others argue C": a quantifier standing for people */
    if (people_quantifier(a, i)) {
        np.kind = SW_NP_DESC;
        np.tok_start = i;
        np.tok_end = i + 1;
        return np;
    }
    /* "Putin, who said": the antecedent of the relative pronoun */
    if ((a->wcls[i] & SW_W_RELATIVE) && i >= lo + 2 && tok_punct(a, i - 1, ',')) {
        /* "Anna Berg, a chemist at the institute, who said": an apposition between the name and
         * "who" describes the person named before it */
        uint32_t c = apposition_start(a, i - 1, lo);
        if (c != SW_NONE) {
            sw_np before = np_ending_at(a, c - 1, lo, depth + 1);
            if (before.kind == SW_NP_NAME && is_person_ment(a, before.ment)) return before;
        }
        return np_ending_at(a, i - 2, lo, depth + 1);
    }
    if (a->wcls[i] & SW_W_SUBJ_PRON) {
        np.kind = SW_NP_PRONOUN;
        np.tok_start = i;
        np.tok_end = i + 1;
        return np;
    }
    if (a->ment_of[i] >= 0) {
        /* "a spokesman for the ministry in Oslo said", "authorities in Britain and the United
         * States announced": places after a preposition say where the subject is; they do not
         * speak (not a passive's agent: "was reported by Russia") */
        if (is_place_ment(a, a->ment_of[i])) {
            uint32_t s = mention_first_tok(a, i);
            while (s > lo + 1 && (a->wcls[s - 1] & SW_W_DET) && a->ment_of[s - 1] < 0) s--;
            /* (the first of coordinated places) */
            while (s > lo + 2 && tok_role(a, s - 1, SW_W_COORD) && a->ment_of[s - 2] >= 0 &&
                   is_place_ment(a, a->ment_of[s - 2])) {
                s = mention_first_tok(a, s - 2);
                while (s > lo + 1 && (a->wcls[s - 1] & SW_W_DET) && a->ment_of[s - 1] < 0) s--;
            }
            if (s > lo + 1 && is_word(a, s - 1) && (a->wcls[s - 1] & SW_W_PREP) && !tok_role(a, s - 1, SW_W_AGENT) &&
                a->ment_of[s - 1] < 0) {
                sw_np before = np_ending_at(a, s - 2, lo, depth + 1);
                if ((before.kind == SW_NP_NAME && !is_place_ment(a, before.ment)) || before.kind == SW_NP_DESC)
                    return before;
            }
        }
        np.kind = SW_NP_NAME;
        np.ment = a->ment_of[i];
        np.tok_start = mention_first_tok(a, i);
        np.tok_end = i + 1;
        /* "Jennifer Lu of the Coalition said", "dela Vega of the army's Command said": keep the
         * person before of/from/at */
        uint32_t s = np.tok_start;
        while (s > lo + 1 && np.tok_start - s < AFFILIATION_MAX_TOKENS &&
               ((a->wcls[s - 1] & SW_W_DET) || is_possessive(a, s - 1) ||
                (is_word(a, s - 1) && a->ment_of[s - 1] < 0 && !(a->t[s - 1].flags & SW_TF_CAP) &&
                 !(a->wcls[s - 1] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE))) ||
                /* "of the UK's National Crime Agency": a possessor name inside the phrase */
                (a->ment_of[s - 1] >= 0 && is_possessive(a, s))))
            s--;
        if (s > lo + 1 && tok_role(a, s - 1, SW_W_AFFILIATION_NAME)) {
            sw_np before = np_ending_at(a, s - 2, lo, depth + 1);
            if ((before.kind == SW_NP_NAME && is_person_ment(a, before.ment)) ||
                (before.kind == SW_NP_DESC && (a->lx[before.tok_end - 1] & (SW_LX_ROLE | SW_LX_TITLE))))
                return before;
        }
        return np;
    }
    /* "Judge Miller's statement reads", "the party's website": the owner speaks */
    if ((a->wcls[i] & SW_W_DOC_NOUN) && i >= lo + 2) {
        uint32_t p = i - 1;
        while (p > lo && is_word(a, p) && !(a->lx[p] & SW_LX_FUNCTION) && !is_possessive(a, p) &&
               a->ment_of[p] < 0 && i - p < DOC_OWNER_WINDOW)
            p--;
        if (is_possessive(a, p) && p > lo) {
            sw_np owner = np_ending_at(a, p - 1, lo, depth + 1);
            if (owner.kind == SW_NP_NAME || owner.kind == SW_NP_DESC) return owner;
        }
        /* "the NHC advisory", "the Kremlin statement": the name before it */
        if (a->ment_of[i - 1] >= 0 && a->ment_of[i] < 0) return np_ending_at(a, i - 1, lo, depth + 1);
        /* "her memoirs read", "their statement said": the owner is who the pronoun means */
        uint32_t d = i - 1;
        while (d > lo && i - d < DOC_OWNER_WINDOW && is_word(a, d) && !(a->wcls[d] & SW_W_DET) &&
               !(a->t[d].flags & SW_TF_CAP))
            d--;
        if (is_word(a, d) && tok_role(a, d, SW_W_POSS_DET)) {
            np.kind = SW_NP_PRONOUN;
            np.tok_start = d;
            np.tok_end = d + 1;
            return np;
        }
    }
    /* a description: words back to a determiner, headed by the word before the verb */
    /* "Organizers of the rally said": the head is before "of" */
    if (!speaking_head(a, i) && !(a->t[i].flags & SW_TF_CAP) && depth < NP_MAX_DEPTH && !(a->lx[i] & SW_LX_FUNCTION)) {
        uint32_t k = i;
        while (k > lo + 1 && i - k < OF_PHRASE_WINDOW && is_word(a, k) && !tok_role(a, k, SW_W_GENITIVE)) k--;
        if (tok_role(a, k, SW_W_GENITIVE) && k > lo) {
            sw_np head = np_ending_at(a, k - 1, lo, depth + 1);
            uint32_t h = head.tok_end ? head.tok_end - 1 : 0;
            int people = (a->lx[h] & (SW_LX_ROLE | SW_LX_TITLE)) || looks_plural(a, h);
            if (head.kind == SW_NP_DESC && people) {
                head.tok_end = i + 1; /* the description keeps its "of" phrase */
                return head;
            }
        }
    }
    if (!speaking_head(a, i) && !(a->t[i].flags & SW_TF_CAP)) {
        /* a plural noun with a determiner ("the researchers", "some experts") can speak too, and
         * so can any noun right after "the" or "a" when a speech verb follows ("the forecaster
         * said") */
        uint32_t len = tok_len(a, i);
        int plural = looks_plural(a, i) && !(a->lx[i] & SW_LX_FUNCTION);
        int after_article = i > lo && tok_role(a, i - 1, SW_W_DEF_ARTICLE | SW_W_INDEF_ARTICLE) &&
                            len > SHORT_WORD_MAX_LEN &&
                            !(a->lx[i] & (SW_LX_FUNCTION | SW_LX_CALENDAR | SW_LX_LY_ADVERB)) &&
                            !(a->wcls[i] & (SW_W_TIME | SW_W_PREP | SW_W_CONJ)) && i + 1 < a->n &&
                            sw_attr_is_cue_verb(a, i + 1) &&
                            /* not the object of a preposition ("during the debate repeated") */
                            !(i - 1 > lo && is_word(a, i - 2) && (a->wcls[i - 2] & SW_W_PREP));
        if (!plural && !after_article) return np;
    }
    if (a->lx[i] & (SW_LX_FUNCTION | SW_LX_CALENDAR)) return np;
    uint32_t s = i;
    while (s > lo && i - s < DESCRIPTION_MAX_TOKENS) {
        uint32_t p = s - 1;
        if (a->wcls[p] & SW_W_DET) { s = p; break; }
        if (!is_word(a, p) && !is_possessive(a, p)) break;
        if (a->wcls[p] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE | SW_W_SUBJ_PRON | SW_W_ADVERB)) break;
        if ((a->lx[p] & SW_LX_SPEECH) && !(a->t[p].flags & SW_TF_CAP)) break;
        s = p;
    }
    /* "The former first lady and U.S. senator said", "the former secretary of state and current
     * nominee": two titles of one person under one article */
    if (s > lo + 2 && tok_role(a, s - 1, SW_W_ADDITIVE) && !(a->wcls[s] & SW_W_DET) && (a->lx[i] & SW_LX_TITLE)) {
        int titled = 0;
        for (uint32_t p = s - 1; p > lo && s - p <= TITLE_PAIR_MAX_TOKENS;) {
            p--;
            if (tok_role(a, p, SW_W_DEF_ARTICLE)) {
                if (titled) s = p;
                break;
            }
            if (!is_word(a, p) || (a->ment_of[p] >= 0 && is_person_ment(a, a->ment_of[p]))) break;
            if ((a->wcls[p] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE | SW_W_SUBJ_PRON)) && !tok_role(a, p, SW_W_GENITIVE))
                break;
            if (!(a->t[p].flags & SW_TF_CAP) && (a->lx[p] & (SW_LX_SPEECH | SW_LX_VERB_PAST | SW_LX_VERB_3SG))) break;
            if (a->lx[p] & SW_LX_TITLE) titled = 1;
        }
    }
    np.kind = SW_NP_DESC;
    np.tok_start = s;
    np.tok_end = i + 1;
    /* "Crystal Doe of the tribe's preservation office told": the person before of/from/at */
    if (s > lo + 1 && depth < NP_MAX_DEPTH && tok_role(a, s - 1, SW_W_AFFILIATION)) {
        sw_np before = np_ending_at(a, s - 2, lo, depth + 1);
        if (before.kind == SW_NP_NAME && is_person_ment(a, before.ment)) return before;
        /* "the head of the harbour authority told": a role of an organisation speaks */
        if (before.kind == SW_NP_DESC && tok_role(a, s - 1, SW_W_GENITIVE) &&
            (a->lx[before.tok_end - 1] & (SW_LX_TITLE | SW_LX_ROLE))) {
            before.tok_end = i + 1;
            return before;
        }
    }
    return np;
}

sw_np sw_attr_subject_before(sw_attr *a, uint32_t v, uint32_t lo)
{
    if (v == 0 || v <= lo) return np_none();
    uint32_t i = v - 1, skipped = 0;
    /* "also", "has since", "yesterday" may stand between the subject and its verb, and so may an
     * auxiliary before a speech verb ("Clinton, like Obama, has said"; not "has been trying to") */
    uint64_t between = SW_W_ADVERB | SW_W_TIME | ((a->lx[v] & SW_LX_SPEECH) ? SW_W_AUX : 0);
    while (i > lo && skipped < SUBJECT_ADVERBS_MAX && is_word(a, i) && (a->wcls[i] & between) &&
           !(a->wcls[i] & SW_W_SUBJ_PRON)) {
        i--;
        skipped++;
    }
    /* "Neil Basu, on Sunday said": a day or month after a preposition, between commas or not */
    if (i > lo + 1 && is_word(a, i) && (a->lx[i] & SW_LX_CALENDAR) && is_word(a, i - 1) && (a->wcls[i - 1] & SW_W_PREP))
        i -= 2;
    /* "The study itself outlined", "the minister himself said": an emphatic reflexive */
    if (i > lo && tok_role(a, i, SW_W_REFLEXIVE)) i--;
    /* "with analyst X having declared": a perfect participle's subject is before "having" */
    if (i > lo && tok_role(a, i, SW_W_PERFECT_ING)) i--;
    /* "went on to add", "continued to insist": the subject of the verb before "to" */
    if (i > lo + 1 && tok_role(a, i, SW_W_TO) && is_word(a, i - 1)) {
        uint32_t k = i - 1;
        if (tok_role(a, k, SW_W_CONTINUATION) && k > lo + 1 && is_word(a, k - 1)) k--;
        if (!(a->t[k].flags & SW_TF_CAP) && a->ment_of[k] < 0 && !(a->wcls[k] & (SW_W_SUBJ_PRON | SW_W_DET)))
            return sw_attr_subject_before(a, k, lo);
    }
    sw_np np = np_ending_at(a, i, lo, 0);
    /* "Trump took to Twitter overnight to accuse": a name after a preposition that follows a verb
     * is that verb's complement; the subject is the verb's */
    if (np.kind == SW_NP_NAME && np.tok_start > lo + 1) {
        uint32_t p = np.tok_start - 1;
        if (p > lo && (a->wcls[p] & SW_W_DET) && a->ment_of[p] < 0) p--;
        /* (not "by", a passive's agent: "was quoted by the Courier as saying") */
        if (p > lo && is_word(a, p) && (a->wcls[p] & SW_W_PREP) && !tok_role(a, p, SW_W_AGENT) && a->ment_of[p] < 0 &&
            is_word(a, p - 1) &&
            !(a->t[p - 1].flags & SW_TF_CAP) && (a->lx[p - 1] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) &&
            !(a->wcls[p - 1] & SW_W_AUX)) {
            sw_np subj = sw_attr_subject_before(a, p - 1, lo);
            if (subj.kind == SW_NP_NAME || subj.kind == SW_NP_PRONOUN) return subj;
        }
    }
    /* "Ferrand in relaying the news to parliament said": the noun before the verb may end a
     * gerund adjunct; the subject is the person before its preposition */
    if (np.kind == SW_NP_NAME && is_person_ment(a, np.ment)) return np;
    uint32_t from = np.kind != SW_NP_NONE ? np.tok_start : i + 1;
    for (uint32_t g = from; g > lo + 1 && from - g < GERUND_ADJUNCT_WINDOW;) {
        g--;
        if (!is_word(a, g)) break;
        if (is_gerund(a, g) && tok_role(a, g - 1, SW_W_GERUND_ADJUNCT)) {
            if (g < lo + 2) break;
            sw_np subj = np_ending_at(a, g - 2, lo, 0);
            if ((subj.kind == SW_NP_NAME && is_person_ment(a, subj.ment)) || subj.kind == SW_NP_PRONOUN) return subj;
            break;
        }
    }
    return np;
}

/* A document speaks for its owner: "according to her memoirs" (the pronoun's referent), "the
 * party's website" (the party), "a report from ABC" (ABC). Returns the owner's NP, or np itself. */
static sw_np document_owner(sw_attr *a, sw_np np, uint32_t hi)
{
    uint32_t h = SW_NONE;
    for (uint32_t t = np.tok_start; t < np.tok_end; t++)
        if (is_word(a, t) && (a->wcls[t] & SW_W_DOC_NOUN)) h = t;
    if (h == SW_NONE) return np;
    for (uint32_t t = np.tok_start; t < h; t++) {
        if (is_word(a, t) && tok_role(a, t, SW_W_POSS_DET)) {
            sw_np owner = np_none();
            owner.kind = SW_NP_PRONOUN;
            owner.tok_start = t;
            owner.tok_end = t + 1;
            return owner;
        }
        if (a->ment_of[t] >= 0 && t + 1 < h && is_possessive(a, t + 1)) return name_np(a, t, 0, t + 1);
    }
    /* "a report from ABC Australia", "a statement by the ministry" */
    uint32_t k = h + 1;
    if (k + 1 < hi && tok_role(a, k, SW_W_SOURCE_PREP)) {
        k++;
        if (k < hi && (a->wcls[k] & SW_W_DET)) k++;
        /* "a statement by the Presidential Spokesperson Harry Roque": the person in the phrase */
        for (uint32_t t = k; t < hi && t - k < SOURCE_PERSON_WINDOW && is_word(a, t); t++) {
            if (a->ment_of[t] >= 0 && is_person_ment(a, a->ment_of[t])) return name_np(a, t, t, hi);
            if ((a->wcls[t] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE)) && a->ment_of[t] < 0) break;
        }
        if (k < hi && a->ment_of[k] >= 0) return name_np(a, k, k, hi);
    }
    return np;
}

sw_np sw_attr_sentence_subject(sw_attr *a, uint32_t lo, uint32_t v)
{
    uint32_t i = lo;
    /* a leading adverbial ends at its comma: "On Friday,", "In a statement on Monday," */
    if (i < v && is_word(a, i) && ((a->wcls[i] & (SW_W_PREP | SW_W_CONJ | SW_W_ADVERB | SW_W_TIME)) ||
                                   (a->lx[i] & SW_LX_CALENDAR))) {
        uint32_t j = i;
        while (j < v && j - i < LEADING_ADVERBIAL_MAX_TOKENS && !tok_punct(a, j, ',')) j++;
        if (j < v && tok_punct(a, j, ',')) i = j + 1;
        else return np_none();
    }
    if (i >= v) return np_none();
    sw_np np = sw_attr_np_after(a, i, v, 1);
    /* "Underwhelmed with her role, she left the series": a participle phrase before the subject */
    if (np.kind != SW_NP_NAME && np.kind != SW_NP_PRONOUN && i == lo) {
        uint32_t j = i;
        while (j < v && j - i < LEADING_PARTICIPLE_MAX_TOKENS && !tok_punct(a, j, ',') && a->t[j].kind != SW_TK_QUOTE)
            j++;
        if (j + 1 < v && tok_punct(a, j, ',') && is_word(a, j + 1) &&
            ((a->wcls[j + 1] & SW_W_SUBJ_PRON) || a->ment_of[j + 1] >= 0)) {
            sw_np np2 = sw_attr_np_after(a, j + 1, v, 0);
            if (np2.kind == SW_NP_NAME || np2.kind == SW_NP_PRONOUN) return np2;
        }
    }
    if (np.kind == SW_NP_DESC) {
        /* a description must be a speaking one: "the parents", "the government" */
        uint32_t h = np.tok_end - 1;
        if (!speaking_head(a, h) && !looks_plural(a, h)) return np_none();
    }
    return np;
}

sw_np sw_attr_np_after(sw_attr *a, uint32_t i, uint32_t hi, int apposition)
{
    sw_np np = np_none();
    if (i >= hi) return np;
    /* "written as the caption", "said on the radio": a preposition starts no subject */
    if (is_word(a, i) && (a->wcls[i] & (SW_W_PREP | SW_W_CONJ | SW_W_THAT)) && a->ment_of[i] < 0) return np;
    /* "according to him", "according to them": an object pronoun after the phrase */
    /* (a pronoun that is also a determiner, "her", only when no word follows it) */
    if ((a->wcls[i] & SW_W_SUBJ_PRON) ||
        (tok_role(a, i, SW_W_OBJ_PRON3) && (!(a->wcls[i] & SW_W_DET) || !(i + 1 < hi && is_word(a, i + 1))))) {
        np.kind = SW_NP_PRONOUN;
        np.tok_start = i;
        np.tok_end = i + 1;
        return np;
    }
    /* Scan a short phrase: up to a comma, a clause break, a preposition other than "of", a verb. */
    uint32_t j = i, last_word = SW_NONE;
    int32_t person = -1, any = -1;
    uint32_t person_end = 0, any_end = 0;
    while (j < hi && j - i < NP_AFTER_MAX_TOKENS) {
        if (!is_word(a, j) && !is_possessive(a, j)) {
            if (tok_punct(a, j, '(')) break;
            if (!(a->t[j].kind == SW_TK_PUNCT && tok_len(a, j) == 1 && tok_text(a, j)[0] == '-')) break;
        }
        if (j > i && (a->wcls[j] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE | SW_W_THAT)) &&
            !tok_role(a, j, SW_W_GENITIVE) && a->ment_of[j] < 0)
            break;
        if (j > i && sw_attr_is_cue_verb(a, j)) break;
        /* "the study itself": an emphatic reflexive ends the phrase */
        if (j > i && tok_role(a, j, SW_W_REFLEXIVE)) break;
        /* a clause begins: "according to Wasef archaeologists have ...", "... he died" */
        if (j > i && is_word(a, j) && ((a->wcls[j] & (SW_W_AUX | SW_W_SUBJ_PRON)) ||
                                       ((a->lx[j] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) && !(a->t[j].flags & SW_TF_CAP))))
            break;

        if (a->ment_of[j] >= 0) {
            int32_t m = a->ment_of[j];
            /* "Regents Professor Mark Hay": of two names in a row, the second is the person (the
             * first is a title the entity stage took for a name) */
            if (is_person_ment(a, m) && (person < 0 || (person != m && person_end == j))) {
                person = m;
                person_end = j + 1;
            }
            /* a place does not speak ("the mayor of London") */
            int place = a->doc->ments[m].ent >= 0 && a->doc->ents[a->doc->ments[m].ent].type == SW_ENT_PLACE;
            if (any < 0 && !place) { any = m; any_end = j + 1; }
            if (is_person_ment(a, m) && person == m) person_end = j + 1;
            if (any == m) any_end = j + 1;
        }
        last_word = j;
        j++;
    }
    if (last_word == SW_NONE) return np;
    /* "Baloch and Waseem's mother, Anwar, wept": the names own a noun; a person in apposition to
     * it is the subject */
    if (person >= 0 && person_end == j && j < hi && pair_owns_noun(a, j, hi)) {
        uint32_t k = j + 1;
        while (k < hi && a->ment_of[k] >= 0) k++;
        k++; /* the possessive */
        while (k < hi && k - j < APPOSITION_PERSON_WINDOW && is_word(a, k) && !(a->t[k].flags & SW_TF_CAP)) k++;
        if (k + 1 < hi && tok_punct(a, k, ',') && a->ment_of[k + 1] >= 0 && is_person_ment(a, a->ment_of[k + 1]))
            return name_np(a, k + 1, k + 1, hi);
    }
    /* "Chief Superintendent Graciano Mijares of the police ...": the person, not the police */
    if (person >= 0) return name_np(a, person_end - 1, i, person_end);
    /* "said University of California, San Diego's chancellor, Pradeep Khosla": an apposition
     * that names a person wins over an organisation */
    if (apposition && j < hi && tok_punct(a, j, ',')) {
        for (uint32_t k = j + 1; k < hi && k - j < APPOSITION_PERSON_WINDOW; k++) {
            if (tok_punct(a, k, ',') && k + 1 < hi) continue;
            if (!is_word(a, k) && !is_possessive(a, k)) break;
            if (a->ment_of[k] >= 0 && is_person_ment(a, a->ment_of[k])) return name_np(a, k, k, hi);
        }
    }
    if (any >= 0 && !(a->lx[i] & SW_LX_FUNCTION && !(a->wcls[i] & SW_W_DET))) return name_np(a, any_end - 1, i, any_end);
    np.kind = SW_NP_DESC;
    np.tok_start = i;
    np.tok_end = last_word + 1;
    return document_owner(a, np, hi);
}
