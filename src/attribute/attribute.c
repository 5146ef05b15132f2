/*
 * attribute.c -- who said what: statements, their speakers, cues, hearers and outlets.
 *
 * Passes over the document, each adding statements:
 *  1. cues outside quotations, sentence by sentence: a speech verb with a quotation just before
 *     it (“Q,” S V / “Q,” V S, and a second part after it: “Q1,” S V, “Q2”), or with a clause
 *     after it (S V that C / S V, “Q” / S V: “Q” / S V X of C / to C / as C), or at the end of a
 *     sentence whose first part it reports (C, S V); cue phrases ("pointed out", "went on to
 *     say") work as one verb; "according to S" either gives a statement (According to S, C /
 *     C, according to S) or, when the sentence already reports someone and S is an outlet or a
 *     document, names that outlet (via); headlines and sub-headings are kept apart;
 *  2. quotations no cue claimed: a verb used as a speech verb only after a quotation (“Q,” he
 *     pounded), an introduction ending in a colon, a floating quotation whose speaker continues
 *     from the context, and otherwise not a statement (a title, a nickname, a scare quote);
 *  3. speakers resolved (pronouns, descriptions), statements sorted, confidence set.
 */
#include <stdlib.h>
#include <string.h>
#include "attr.h"
#include "confidence.h"
#include "entities/entities.h"
#include "segment/segment.h"

/* How far each frame looks for its parts (in tokens unless said). */
/* “Q,” S V: words between a quotation and its cue; a name with its title and affiliation fits in 12. */
#define SUBJECT_MAX_WORDS 12
/* “Q,” S, APPOSITION, V: the subject and its appositions have at most 30 words and numbers. */
#define APPOSITION_MAX_WORDS 30
/* “Q1,” S V, “Q2”: the second part opens within 10 tokens after the attribution (a hearer, an aside fit). */
#define QUOTE_RESUME_WINDOW 10
/* C, V S, C2: the clause on either side of an inverted cue and its comma has a subject and a verb. */
#define INVERTED_CLAUSE_MIN_TOKENS 2
/* "did not say", "would never have said": a negation among the 3 words before a cue (aux, adverb between). */
#define NEGATION_WINDOW 3
/* "Ortiz, speaking at a briefing, said C": at most 10 words after the participle (a place, a time fit). */
#define PARTICIPLE_ASIDE_MAX_WORDS 10
/* "cited the Air Force as stating": before "as", at least a verb and its object. */
#define CITED_AS_MIN_TOKENS 2
/* "..., her son Anderson Cooper announced": the comma at most 4 tokens before the name (a relation, a title). */
#define SPEAKER_DESCRIPTOR_GAP 4
/* "C, S V on Twitter on Monday.": a trailing cue with a hearer or adverbial after it spans at most 6 tokens. */
#define TRAILING_ADVERBIAL_WINDOW 6
/* "a young child, who said": a noun before a relative pronoun has at most 3 words after its determiner. */
#define DESCRIPTION_WORDS_MAX 3
/* "74 percent also said": at most 4 adverbs between a counted subject and its verb. */
#define SUBJECT_ADVERBS_MAX 4
/* The statements of the current sentence are among the newest 16: a sentence holds a few; constant-time. */
#define SENTENCE_STMT_LOOKBACK 16
/* "according to the TASS news agency": at most 10 words name the outlet (a name with its description). */
#define OUTLET_PHRASE_MAX_WORDS 10
/* "according to the ministry he died ...": the clause after the source has a subject, a verb and more. */
#define SOURCE_CLAUSE_MIN_TOKENS 3
/* "According to a report from ABC on March 3, C": the source's phrase reaches its comma within 12 tokens. */
#define SOURCE_TAIL_MAX_TOKENS 12
/* “Q,” he pounded / “Q,” the minister smiled: the verb among the 4 words after the quotation (and comma). */
#define POST_QUOTE_CUE_WINDOW 4
/* “Q,” reads Judge Miller's statement: past the name, its possessive and the document noun (3 tokens). */
#define OWNER_TAIL_MAX_TOKENS 3
/* the program “X”, nicknamed “X”: a title noun or a naming verb among the 3 words before the quotation. */
#define NAMING_WORD_WINDOW 3
/* A cue inside a statement of its own sentence: that one is among the newest 8 (checked for every cue). */
#define ENCLOSING_STMT_LOOKBACK 8

sw_stmt *sw_attr_new_stmt(sw_attr *a)
{
    sw_doc *doc = a->doc;
    doc->stmts = sw_arena_grow(&doc->arena, doc->stmts, sizeof *doc->stmts, doc->n_stmts, &a->stmt_cap,
                               doc->n_stmts + 1);
    if (!doc->stmts) return NULL;
    sw_stmt *s = &doc->stmts[doc->n_stmts++];
    memset(s, 0, sizeof *s);
    s->qspan = -1;
    s->speaker = s->addressee = -1;
    s->spk_start = s->spk_end = s->cue_start = s->cue_end = SW_NONE;
    s->addr_start = s->addr_end = s->via_start = s->via_end = SW_NONE;
    s->is_statement = 1;
    return s;
}

static uint8_t block_section(const sw_attr *a, uint32_t tok) { return a->doc->blocks[a->t[tok].block].section; }

/* Blocks whose text is not the article's own reporting. */
static int skipped_block(const sw_attr *a, uint32_t tok)
{
    uint8_t k = a->doc->blocks[a->t[tok].block].kind;
    return k == SW_BLOCK_BOILERPLATE || k == SW_BLOCK_TEASER || k == SW_BLOCK_DATELINE || k == SW_BLOCK_SLUG;
}

/* Fills the speaker of statement s from an NP (resolving it). */
static void set_speaker(sw_attr *a, sw_stmt *s, sw_np *np, uint32_t at)
{
    if (np->kind == SW_NP_NONE) return;
    a->cur_stmt = (int32_t)(s - a->doc->stmts);
    const char *group = np->kind == SW_NP_PRONOUN ? sw_attr_pronoun_group(a, np->tok_start) : NULL;
    if (group) np->ent = -1;
    else sw_attr_resolve(a, np, at);
    a->cur_stmt = -1;
    s->spk_start = a->t[np->tok_start].start;
    s->spk_end = a->t[np->tok_end - 1].end;
    s->speaker = np->ent;
    /* two people speaking together: the statement is the pair's, not one entity's */
    const char *pair = sw_attr_coordinated_pair(a, np);
    const char *described = pair || np->ent >= 0 ? NULL : sw_attr_described_pair(a, np);
    if (described) {
        s->speaker = -1;
        s->speaker_name = described;
        s->resolution = SW_RES_DESCRIPTION;
        return;
    }
    if (pair) {
        s->speaker = -1;
        s->speaker_name = pair;
        s->spk_start = a->doc->ments[a->ment_of[np->tok_start - 2]].start;
        s->resolution = SW_RES_EXPLICIT;
        return;
    }
    switch (np->kind) {
    case SW_NP_NAME: s->resolution = SW_RES_EXPLICIT; break;
    case SW_NP_PRONOUN: s->resolution = SW_RES_PRONOUN; break;
    default: s->resolution = np->ent >= 0 ? SW_RES_DESCRIPTION : SW_RES_EXPLICIT; break;
    }
    if (np->ent < 0) {
        /* an unnamed speaker keeps its description: "police", "a court clerk" */
        if (np->kind == SW_NP_PRONOUN) {
            s->resolution = SW_RES_PRONOUN;
            s->speaker_name = group;
        } else {
            /* the description without its determiner: "his publicist" -> "publicist" */
            uint32_t ns = np->tok_start;
            while (ns + 1 < np->tok_end && is_word(a, ns) && (a->wcls[ns] & SW_W_DET)) ns++;
            uint32_t off = a->t[ns].start;
            s->speaker_name = sw_arena_strndup(&a->doc->arena, a->doc->text + off, s->spk_end - off);
        }
    }
}

static void set_addressee(sw_attr *a, sw_stmt *s, sw_np *np, uint32_t at)
{
    if (np->kind == SW_NP_NONE || np->tok_end <= np->tok_start) return;
    sw_attr_resolve(a, np, at);
    if (np->kind == SW_NP_DESC && np->ent < 0) {
        /* a hearer described ("his Russian counterpart") is usually someone just named: a weaker
         * match is accepted here than for a speaker */
        int strength = 0;
        int32_t e = sw_ent_resolve_description(a->doc, np->tok_start, np->tok_end, at, &strength);
        if (strength >= 1) np->ent = e;
    }
    s->addressee = np->ent;
    s->addr_start = a->t[np->tok_start].start;
    s->addr_end = a->t[np->tok_end - 1].end;
}

/* A statement for the top-level quotation q. */
static sw_stmt *quote_stmt(sw_attr *a, int32_t q)
{
    sw_stmt *s = sw_attr_new_stmt(a);
    if (!s) return NULL;
    const sw_qspan *qs = &a->doc->qspans[q];
    s->start = qs->start;
    s->end = qs->end;
    s->kind = qs->kind; /* direct, or partial: a fragment inside the writer's sentence */
    s->section = qs->section;
    s->qspan = q;
    a->claimed[q] = 1;
    return s;
}

/* A statement for the reported clause [cs, ce) (tokens), with the quotations inside it. */
static sw_stmt *clause_stmt(sw_attr *a, uint32_t cs, uint32_t ce)
{
    /* a clause that is exactly one quotation is a direct statement */
    if (a->t[cs].kind == SW_TK_QUOTE && a->qspan_open[cs] >= 0) {
        int32_t q = a->qspan_open[cs];
        uint32_t close = a->doc->qspans[q].tok_close;
        if (close != SW_NONE && close + 1 >= ce && !a->claimed[q]) return quote_stmt(a, q);
    }
    sw_stmt *s = sw_attr_new_stmt(a);
    if (!s) return NULL;
    s->start = a->t[cs].start;
    s->end = a->t[ce - 1].end;
    s->kind = SW_KIND_REPORTED;
    s->section = block_section(a, cs);
    uint32_t nq = 0;
    for (uint32_t i = cs; i < ce; i++)
        if (a->qspan_open[i] >= 0 && !a->claimed[a->qspan_open[i]]) nq++;
    if (nq) {
        s->frags = sw_arena_alloc(&a->doc->arena, nq * sizeof *s->frags);
        if (!s->frags) return NULL;
        for (uint32_t i = cs; i < ce; i++) {
            int32_t q = a->qspan_open[i];
            if (q < 0 || a->claimed[q]) continue;
            s->frags[s->n_frags++] = (uint32_t)q;
            a->claimed[q] = 1;
            /* a quotation that runs past the clause end extends the statement */
            if (a->doc->qspans[q].end > s->end) s->end = a->doc->qspans[q].end;
        }
        s->kind = SW_KIND_MIXED;
    }
    return s;
}

/* A word of address or a title before a name ("Mr.", "Sen.", "Gov."), which the name's mention may
 * leave out. */
static int title_before_name(const sw_attr *a, uint32_t i)
{
    return is_word(a, i) && ((a->lx[i] & SW_LX_TITLE) || (a->info[i] && (a->info[i]->names & SW_N_HONORIFIC)));
}

/* A description that can speak: headed by a role, title, organisation, outlet or document noun
 * ("local press", "the ministry", "a spokesperson"). */
static int speaking_desc(const sw_attr *a, sw_np np)
{
    uint32_t h = np.tok_end - 1;
    return (a->lx[h] & (SW_LX_ROLE | SW_LX_TITLE | SW_LX_ORG_WORD | SW_LX_MEDIA)) || (a->wcls[h] & SW_W_DOC_NOUN);
}

static void set_cue(const sw_attr *a, sw_stmt *s, uint32_t v, uint32_t v_end)
{
    s->cue_start = a->t[v].start;
    s->cue_end = a->t[v_end - 1].end;
    if (a->pending_via_sent == a->t[v].sent && s->via_start == SW_NONE) {
        s->via_start = a->pending_via_start;
        s->via_end = a->pending_via_end;
    }
}

/* The closing mark of a top-level quotation that the cue at v follows closely: “Q,” S V or “Q,” V.
 * The subject right after the quotation is short; appositions set off by commas may follow it
 * (“Q,” Ana Ortiz, 54, a lawyer for the union and its members, said). Returns the quotation or -1. */
static int32_t quote_before_cue(const sw_attr *a, uint32_t v, uint32_t lo)
{
    /* most cues have no quotation before them: look for a closing mark first, by kind alone */
    uint32_t first = v;
    while (first > lo && v - first <= APPOSITION_MAX_WORDS + 2 && a->t[first - 1].kind != SW_TK_QUOTE) first--;
    if (first == lo || a->t[first - 1].kind != SW_TK_QUOTE) return -1;
    uint32_t words = 0, seg_words = 0, total = 0;
    int seg_loose = 0; /* the current segment has words a subject does not have */
    for (uint32_t i = v; i-- > lo;) {
        if (a->t[i].kind == SW_TK_QUOTE) {
            int32_t q = a->qspan_close[i];
            /* a title in quotation marks inside an apposition: “Q,” S, host of “The Show,” said
             * (its segment cannot be the subject) */
            if (q >= 0) {
                uint32_t open = a->doc->qspans[q].tok_open;
                if (open > lo && is_word(a, open - 1) && open < i) {
                    i = open;
                    seg_loose = 1;
                    continue;
                }
            }
            /* the segment right after the quotation is the subject itself */
            if (seg_loose || seg_words > SUBJECT_MAX_WORDS) return -1;
            return q;
        }
        if (tok_punct(a, i, ',')) {
            seg_words = 0;
            seg_loose = 0;
            continue;
        }
        /* an age or a party in an apposition: “Q,” Ortiz, 54, said / Ana Ortiz (D-Ohio) said */
        if (a->t[i].kind == SW_TK_NUM || tok_punct(a, i, '(') || tok_punct(a, i, ')')) {
            if (++total > APPOSITION_MAX_WORDS) return -1;
            seg_loose |= a->t[i].kind == SW_TK_NUM;
            continue;
        }
        if (a->t[i].kind != SW_TK_WORD) return -1;
        /* a subject may be long: “Q,” Crystal Doe of the tribe's preservation office told */
        ++words;
        ++seg_words;
        if (++total > APPOSITION_MAX_WORDS) return -1;
        if (a->wcls[i] & (SW_W_THAT | SW_W_CONJ | SW_W_SUBJ_PRON) && seg_words > 1) seg_loose = 1;
        /* a verb of its own: “Q” if the plan went ahead, said S (the quotation opens a clause) */
        if ((a->lx[i] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) && !(a->wcls[i] & SW_W_AUX) && !(a->t[i].flags & SW_TF_CAP))
            seg_loose = 1;
        if (i + 1 < v && sw_attr_is_cue_verb(a, i)) return -1;
    }
    (void)words;
    return -1;
}

/* Whether the quotation q ends with a period inside its closing mark and the next token begins a
 * sentence (“It's just not true.” He said C). */
static int quote_ends_sentence(const sw_attr *a, int32_t q)
{
    uint32_t close = a->doc->qspans[q].tok_close;
    return close != SW_NONE && close > 0 && close + 1 < a->n && tok_punct(a, close - 1, '.') &&
           (a->t[close + 1].flags & SW_TF_SENT_START);
}

/* After a cue that followed a quotation: an inverted subject, a hearer, then ", “Q2”". */
/* Whether a speech cue follows quotation q in the sentence where it closes (“Q,” T added). */
static int cue_after_quote(const sw_attr *a, int32_t q)
{
    uint32_t close = a->doc->qspans[q].tok_close;
    if (close == SW_NONE) return 0;
    uint32_t end = a->doc->sents[a->t[close].sent].tok_end;
    for (uint32_t k = close + 1; k < end; k++)
        if (a->t[k].kind == SW_TK_QUOTE || sw_attr_is_cue_verb(a, k)) return a->t[k].kind != SW_TK_QUOTE;
    return 0;
}

static int32_t quote_continuing_after(const sw_attr *a, uint32_t i, uint32_t hi)
{
    for (uint32_t j = i; j < hi && j - i < QUOTE_RESUME_WINDOW; j++) {
        if (a->t[j].kind == SW_TK_QUOTE) return a->qspan_open[j];
        if (a->t[j].kind != SW_TK_PUNCT || tok_punct(a, j, ',') || tok_punct(a, j, ':')) continue;
        /* “Q1,” S V. “Q2”: the attribution ends its sentence and the quotation goes on right
         * after it, in the same paragraph, unless a cue of its own follows it (“Q2,” T added) */
        if (sw_token_end_kind(a->doc->text, &a->t[j]) && j + 1 < hi && a->t[j + 1].kind == SW_TK_QUOTE &&
            a->qspan_open[j + 1] >= 0 && !cue_after_quote(a, a->qspan_open[j + 1]))
            return a->qspan_open[j + 1];
        return -1;
    }
    return -1;
}

/* “Q1,” S V, “Q2”: a quotation right after the attribution is the second part of the first; it
 * gets the first part's speaker, cue and hearer. */
static sw_status continue_quote(sw_attr *a, uint32_t first_index, uint32_t after, uint32_t hi)
{
    int32_t q2 = quote_continuing_after(a, after, hi);
    if (q2 < 0 || a->claimed[q2]) return SW_OK;
    sw_stmt *s2 = quote_stmt(a, q2);
    if (!s2) return SW_ERR_NOMEM;
    const sw_stmt *first = &a->doc->stmts[first_index];
    s2->speaker = first->speaker;
    s2->speaker_name = first->speaker_name;
    s2->spk_start = first->spk_start;
    s2->spk_end = first->spk_end;
    s2->resolution = first->resolution;
    s2->cue_start = first->cue_start;
    s2->cue_end = first->cue_end;
    s2->addressee = first->addressee;
    s2->addr_start = first->addr_start;
    s2->addr_end = first->addr_end;
    s2->via_start = first->via_start;
    s2->via_end = first->via_end;
    return SW_OK;
}

/* The token range of the sentence holding token i. */
static void sent_range(const sw_attr *a, uint32_t i, uint32_t *lo, uint32_t *hi)
{
    const sw_sent *s = &a->doc->sents[a->t[i].sent];
    *lo = s->tok_start;
    *hi = s->tok_end;
}

/* The end of the span that quotes may reach: a quotation can run over several sentences and
 * blocks, so bound the search by its block rather than its sentence. */
static uint32_t block_end_tok(const sw_attr *a, uint32_t i) { return a->doc->blocks[a->t[i].block].tok_end; }

/* The length of the verb cue phrase starting at token v ("pointed out": 2), or 0. */
static uint32_t cue_phrase_at(const sw_attr *a, uint32_t v, uint32_t hi)
{
    return sw_attr_cue_phrase(a, v, hi, SW_CUE_VERB_PHRASE);
}

/* "The statement read, “...”", "Part of the judge's statement reads “...”": a document speaks
 * for its author through "read(s)". */
static int document_reads(const sw_attr *a, uint32_t v, uint32_t lo)
{
    if (!(a->wcls[v] & SW_W_READS) || v == lo) return 0;
    uint32_t p = v - 1;
    while (p > lo && is_word(a, p) && (a->wcls[p] & (SW_W_TIME | SW_W_ADVERB)) && !(a->wcls[p] & SW_W_AUX)) p--;
    return is_word(a, p) && (a->wcls[p] & SW_W_DOC_NOUN);
}

/* C, V S.  /  C1, V S, C2. : a verb inverted after a comma reports its sentence ("The dam
 * would hold, said the engineer." / "Because the water is warmer, says the study, it rises").
 * Returns 1 when it made the statement (*st says whether memory ran out), 0 when the frame does
 * not apply. */
static int inverted_frame(sw_attr *a, uint32_t v, uint32_t ve, uint32_t lo, uint32_t hi, uint8_t vform, sw_status *st)
{
    if (!(v > lo + INVERTED_CLAUSE_MIN_TOKENS && tok_punct(a, v - 1, ',') &&
          (vform == SW_VF_PAST || vform == SW_VF_3SG)))
        return 0;
    sw_np who = sw_attr_np_after(a, ve, hi, 1);
    if (!(who.kind == SW_NP_NAME || (who.kind == SW_NP_DESC && speaking_desc(a, who)))) return 0;
    /* the inverted subject ends the sentence or a comma follows it: a verb with an object
     * ("..., announced Kamala Harris as ...", "told Reuters “...”") is not inverted */
    uint32_t k = who.tok_end, ce = v - 1;
    int at_end = k >= hi || (k + 1 >= hi && (tok_punct(a, k, '.') || tok_punct(a, k, ';')));
    if (!at_end && !tok_punct(a, k, ',')) return 0;
    if (!at_end && k + 1 < hi) {
        uint32_t e2 = sw_attr_clause_end(a, k + 1, hi);
        /* a clause goes on after it ("..., says the study, it rises"); else an apposition */
        if (e2 > k + INVERTED_CLAUSE_MIN_TOKENS && sw_attr_clause_is_finite(a, k + 1, e2)) ce = e2;
    }
    /* a clause that opens with a quotation and goes on after it is a mixed statement (“Q” if
     * C, said S); a quotation right before the cue is “Q,” said S (quote_before_cue()) */
    if (a->t[lo].kind == SW_TK_QUOTE) {
        int32_t q = a->qspan_open[lo];
        if (q < 0 || a->claimed[q] || a->doc->qspans[q].tok_close == SW_NONE || a->doc->qspans[q].tok_close + 2 >= v)
            return 0;
    } else if (!sw_attr_clause_is_finite(a, lo, v - 1)) {
        return 0;
    }
    sw_stmt *s = clause_stmt(a, lo, ce);
    if (!s) {
        *st = SW_ERR_NOMEM;
        return 1;
    }
    set_cue(a, s, v, ve);
    set_speaker(a, s, &who, v);
    return 1;
}

/* "a plane, reported by local press as belonging to X": a participle with its agent speaks for
 * the agent. Returns as inverted_frame() does. */
static int agent_frame(sw_attr *a, uint32_t v, uint32_t ve, uint32_t lo, uint32_t hi, uint8_t vform, sw_status *st)
{
    if (!((vform == SW_VF_PAST || vform == SW_VF_PART) && ve + 1 < hi && tok_role(a, ve, SW_W_AGENT))) return 0;
    sw_np agent = sw_attr_np_after(a, ve + 1, hi, 0);
    uint32_t k = agent.tok_end;
    if (!((agent.kind == SW_NP_NAME || (agent.kind == SW_NP_DESC && speaking_desc(a, agent))) && k + 1 < hi &&
          tok_role(a, k, SW_W_AS_FRAME)))
        return 0;
    uint32_t cs = k + 1, ce = sw_attr_clause_end(a, cs, hi);
    /* set off by commas ("a plane, reported by X as C, crashed"): C ends at the comma */
    if (v > lo && tok_punct(a, v - 1, ','))
        for (uint32_t c = cs; c < ce; c++)
            if (tok_punct(a, c, ',')) {
                ce = c;
                break;
            }
    if (ce <= cs + 1) return 0;
    sw_stmt *s = clause_stmt(a, cs, ce);
    if (!s) {
        *st = SW_ERR_NOMEM;
        return 1;
    }
    set_cue(a, s, v, ve);
    set_speaker(a, s, &agent, v);
    return 1;
}

/* Whether the words between a sentence's subject (ending before token from) and the verb at v
 * only describe the subject ("People briefed on the move said", "Large majorities of voters in six
 * states going to the polls said", "Ana Ortiz, who ran the campaign, said"): outside asides set off
 * by commas, dashes or brackets, no subject pronoun, auxiliary, relative pronoun, -s form or speech
 * verb among them, and no past tense with an object ("Duterte threatened the network ..., which
 * they've said"). */
static int subject_reaches_verb(const sw_attr *a, uint32_t from, uint32_t v)
{
    int aside = 0; /* inside an apposition or a relative clause set off by commas, dashes, brackets */
    for (uint32_t k = from; k < v; k++) {
        if (tok_punct(a, k, ',') || sw_attr_clause_break(a, k) || tok_punct(a, k, '(') || tok_punct(a, k, ')')) {
            aside = !aside || tok_punct(a, k, '(');
            continue;
        }
        if (!is_word(a, k) || aside) continue;
        if ((a->wcls[k] & (SW_W_SUBJ_PRON | SW_W_AUX | SW_W_RELATIVE | SW_W_THAT)) || (a->lx[k] & SW_LX_VERB_3SG) ||
            ((a->lx[k] & (SW_LX_SPEECH | SW_LX_COGNITION)) && a->info[k] &&
             (a->info[k]->verb_form == SW_VF_PAST || a->info[k]->verb_form == SW_VF_3SG)))
            return 0;
        if ((a->lx[k] & SW_LX_VERB_PAST) && k + 1 < v && is_word(a, k + 1) &&
            ((a->wcls[k + 1] & (SW_W_DET | SW_W_OBJ_PRON)) || a->ment_of[k + 1] >= 0))
            return 0;
    }
    return 1;
}

/* A lower-case word that can be part of a description: no function word, verb form, time word or
 * name ("child", "self-described", "democratic"). */
static int plain_noun_word(const sw_attr *a, uint32_t i)
{
    return is_word(a, i) && !(a->t[i].flags & SW_TF_CAP) && a->ment_of[i] < 0 &&
           !(a->lx[i] & (SW_LX_FUNCTION | SW_LX_CALENDAR | SW_LX_VERB_PAST | SW_LX_VERB_3SG | SW_LX_SPEECH)) &&
           !(a->wcls[i] & (SW_W_PREP | SW_W_CONJ | SW_W_DET | SW_W_TIME | SW_W_ADVERB | SW_W_AUX)) && !is_gerund(a, i);
}

/* The subject of the verb at v when the speaker finder has none: a share or a count of people
 * ("74 percent said", "Six in 10 say", "nearly half said"), or the antecedent of a relative
 * pronoun right before the verb ("unions who said", "23 percent who said"). Returns an empty NP
 * when there is neither. */
static sw_np counted_or_relative_subject(sw_attr *a, uint32_t v, uint32_t lo)
{
    sw_np np;
    memset(&np, 0, sizeof np);
    np.ment = np.ent = -1;
    uint32_t p = v;
    /* "74 percent also said", "half have said" */
    for (int k = 0; k < SUBJECT_ADVERBS_MAX && p > lo && is_word(a, p - 1) && (a->wcls[p - 1] & SW_W_ADVERB); k++) p--;
    if (p <= lo) return np;
    p--;
    if (is_word(a, p) && (a->wcls[p] & SW_W_RELATIVE) && p > lo) {
        /* "Residents who spoke at the meeting were divided": a relative clause whose verb has a
         * preposition after it describes the subject of another verb */
        if (v + 1 < a->n && is_word(a, v + 1) && (a->wcls[v + 1] & SW_W_PREP) && !(a->wcls[v + 1] & SW_W_TO)) return np;
        uint32_t h = p - 1;
        if (tok_punct(a, h, ',') && h > lo) h--;
        if (!is_word(a, h) && a->t[h].kind != SW_TK_NUM && !tok_in_list(a, h, SW_LIST_SHARE_SIGNS)) return np;
        uint32_t s = sw_attr_quantity_start(a, h, lo, 1);
        if (s == SW_NONE) {
            sw_np ante = sw_attr_subject_before(a, h + 1, lo);
            /* a place does not speak ("in Philadelphia, who said") */
            if (ante.kind == SW_NP_NAME && ante.ment >= 0 && a->doc->ments[ante.ment].ent >= 0 &&
                a->doc->ents[a->doc->ments[ante.ment].ent].type == SW_ENT_PLACE)
                return np;
            if (ante.kind == SW_NP_NAME || ante.kind == SW_NP_DESC) return ante;
            /* "a young child, who said": any noun that the relative pronoun can stand for */
            if (!is_word(a, h) || (a->lx[h] & (SW_LX_FUNCTION | SW_LX_CALENDAR)) || (a->wcls[h] & SW_W_TIME) ||
                a->ment_of[h] >= 0)
                return np;
            s = h;
            while (s > lo && h - s < DESCRIPTION_WORDS_MAX && is_word(a, s - 1) && !(a->lx[s - 1] & SW_LX_FUNCTION))
                s--;
            if (!(s > lo && is_word(a, s - 1) && (a->wcls[s - 1] & SW_W_DET))) return np;
            s--;
        }
        np.kind = SW_NP_DESC;
        np.tok_start = s;
        np.tok_end = h + 1;
        return np;
    }
    uint32_t s = sw_attr_quantity_start(a, p, lo, 1);
    if (s != SW_NONE) {
        if (!sw_attr_opens_clause(a, v + 1)) return np;
        np.kind = SW_NP_DESC;
        np.tok_start = s;
        np.tok_end = p + 1;
        return np;
    }
    /* "Another child responded", "The self-described democratic socialist said", "his campaign
     * announced": a determiner and a few lower-case words that open the clause, the last one
     * right before the verb */
    s = p;
    while (s > lo && p - s < DESCRIPTION_WORDS_MAX + 1 && plain_noun_word(a, s)) s--;
    if (s == p || !is_word(a, s) || !(a->wcls[s] & SW_W_DET) || (a->wcls[s] & SW_W_THAT) || !plain_noun_word(a, p))
        return np;
    if (s > lo && !(a->t[s - 1].kind == SW_TK_PUNCT || (is_word(a, s - 1) && (a->wcls[s - 1] & SW_W_CONJ)))) return np;
    np.kind = SW_NP_DESC;
    np.tok_start = s;
    np.tok_end = p + 1;
    return np;
}

/* "It cited the Air Force as stating C", "quoted the mayor as saying C": the object speaks
 * through the participle's own cue, so the verb before it reports nothing itself. */
static int object_speaks_through_participle(sw_attr *a, uint32_t ve, uint32_t hi)
{
    /* cheap test first: an "as" a few words on, past an object sw_attr_np_after() can take */
    uint32_t t = ve;
    while (t < hi && t - ve < NP_AFTER_MAX_TOKENS && !tok_role(a, t, SW_W_AS_FRAME)) t++;
    if (t >= hi || !tok_role(a, t, SW_W_AS_FRAME)) return 0;
    sw_np obj = sw_attr_np_after(a, ve, hi, 0);
    uint32_t k = obj.tok_end;
    return (obj.kind == SW_NP_NAME || obj.kind == SW_NP_DESC) && k + 1 < hi && tok_role(a, k, SW_W_AS_FRAME) &&
           sw_attr_is_cue_verb(a, k + 1) && a->info[k + 1]->verb_form == SW_VF_ING;
}

/* Whether the word at i is a negation: a negation word ("not", "never", "n't") or a word that
 * holds its own (a negation ending: "didn't", "won’t"). */
static int negation_at(const sw_attr *a, uint32_t i)
{
    if (!is_word(a, i)) return 0;
    /* "not only implying", "not just saying" */
    if (tok_role(a, i, SW_W_NEGATOR) && i + 1 < a->n && tok_role(a, i + 1, SW_W_RESTRICTIVE)) return 0;
    if (tok_role(a, i, SW_W_NEGATION)) return 1;
    return has_ending(a, SW_LIST_NEGATION_ENDINGS, tok_text(a, i), tok_len(a, i));
}

/* "did not say", "never said", "declined to say", "refused to confirm": a speech act that did not
 * happen reports nothing. Looks at the few words before the verb at v. */
static int negated_cue(const sw_attr *a, uint32_t v, uint32_t lo)
{
    uint32_t p = v;
    for (int k = 0; k < NEGATION_WINDOW && p > lo; k++) {
        p--;
        if (negation_at(a, p)) return 1;
        if (tok_role(a, p, SW_W_TO) && p > lo && tok_role(a, p - 1, SW_W_REFUSAL)) return 1;
        if (!is_word(a, p) || !(a->wcls[p] & (SW_W_ADVERB | SW_W_AUX))) break;
    }
    return 0;
}

/* Pass 1, a speech verb at v (a cue phrase [v, ve): "pointed out", "went on to say"; ve = v + 1
 * for one word) inside the sentence [lo, hi). Returns SW_OK or SW_ERR_NOMEM. */
/* A paragraph spoken as a whole from token `from` to its end (a transcript turn, a block
 * quotation): a direct statement without marks, with the quotations inside it; pass 1 leaves its
 * sentences alone (a speech verb inside it is the speaker's own word). NULL when out of memory. */
static sw_stmt *paragraph_stmt(sw_attr *a, uint32_t b, uint32_t from)
{
    sw_doc *doc = a->doc;
    const sw_iblock *blk = &doc->blocks[b];
    if (!a->spoken_block) a->spoken_block = sw_arena_calloc(&doc->arena, doc->n_blocks, 1);
    if (!a->spoken_block) return NULL;
    a->spoken_block[b] = 1;
    for (uint32_t i = blk->tok_start; i < blk->tok_end; i++)
        if (a->qspan_open[i] >= 0) a->claimed[a->qspan_open[i]] = 1;
    sw_stmt *s = sw_attr_new_stmt(a);
    if (!s) return NULL;
    s->start = a->t[from].start;
    s->end = a->t[blk->tok_end - 1].end;
    s->kind = SW_KIND_DIRECT;
    s->section = blk->section;
    return s;
}

/* "The Times reports:" ending a paragraph, then the paragraph that it introduces: a quotation that
 * opens it, or the whole paragraph (a block quotation whose marks the page's layout carried). The
 * cue's subject speaks it. Returns 1 when a statement was made (st says whether it failed). */
static int colon_then_paragraph(sw_attr *a, uint32_t v, uint32_t ve, uint32_t lo, sw_status *st)
{
    sw_doc *doc = a->doc;
    uint32_t bend = block_end_tok(a, v), j = ve;
    while (j < bend && is_word(a, j) && j - ve < TRAILING_ADVERBIAL_WINDOW) j++;
    if (j + 1 != bend || !tok_punct(a, j, ':')) return 0;
    uint32_t nb = a->t[v].block + 1;
    if (nb >= doc->n_blocks) return 0;
    const sw_iblock *blk = &doc->blocks[nb];
    if (blk->tok_end <= blk->tok_start || blk->section != SW_SECTION_BODY || blk->kind != SW_BLOCK_PARAGRAPH) return 0;
    sw_np subj = sw_attr_subject_before(a, v, lo);
    if (subj.kind == SW_NP_NONE) return 0;
    uint32_t f = blk->tok_start;
    sw_stmt *s;
    int32_t q = a->qspan_open[f];
    if (q >= 0 && !a->claimed[q]) {
        s = quote_stmt(a, q);
    } else if (q < 0 && a->t[f].kind != SW_TK_QUOTE) {
        s = paragraph_stmt(a, nb, f);
    } else {
        return 0;
    }
    if (!s) { *st = SW_ERR_NOMEM; return 1; }
    set_cue(a, s, v, ve);
    set_speaker(a, s, &subj, v);
    return 1;
}

/* "As Purple PAC's Crane said, C": the subject's phrase begins at most this many words after "as". */
#define AS_SUBJECT_LEAD_WORDS 4

static sw_status handle_cue(sw_attr *a, uint32_t v, uint32_t ve, uint32_t lo, uint32_t hi)
{
    if (negated_cue(a, v, lo)) {
        /* its subject is still the subject of a verb that shares it ("did not say X, but said C") */
        sw_np subj = sw_attr_subject_before(a, v, lo);
        if (subj.kind != SW_NP_NONE) {
            a->last_subj = subj;
            a->last_subj_sent = a->t[v].sent;
        }
        return SW_OK;
    }
    /* “Q,” S V / “Q,” V S (the quotation may begin in an earlier sentence) */
    uint32_t blo = a->doc->blocks[a->t[v].block].tok_start;
    int32_t q = quote_before_cue(a, v, blo);
    /* “Q.” He said C: a quotation that ends its sentence with a period, then a new sentence whose
     * cue has a clause of its own (the quotation is someone's, not this clause's speaker's) */
    if (q >= 0 && !a->claimed[q] && quote_ends_sentence(a, q)) {
        uint32_t cs, ce;
        sw_np addr;
        if (sw_attr_clause_after(a, v, ve, hi, &cs, &ce, &addr)) q = -1;
    }
    if (q >= 0 && !a->claimed[q]) {
        uint32_t close = a->doc->qspans[q].tok_close;
        sw_np subj = sw_attr_subject_before(a, v, close + 1);
        uint32_t after = ve;
        if (subj.kind == SW_NP_NONE) {
            subj = sw_attr_np_after(a, ve, hi, 1);
            if (subj.kind != SW_NP_NONE) after = subj.tok_end;
        }
        sw_stmt *s = quote_stmt(a, q);
        if (!s) return SW_ERR_NOMEM;
        set_cue(a, s, v, ve);
        set_speaker(a, s, &subj, v);
        /* “Q,” S said, adding that C: a participle after it shares the subject */
        if (subj.kind != SW_NP_NONE) {
            a->last_subj = subj;
            a->last_subj_sent = a->t[v].sent;
        }
        /* the hearer: "explained to his Russian counterpart", "told Science News" */
        sw_np addr;
        memset(&addr, 0, sizeof addr);
        addr.ment = addr.ent = -1;
        uint32_t j = after;
        if (j < hi && tok_role(a, j, SW_W_TO) && j + 1 < hi) j++;
        if (j < hi && is_word(a, j) && (j > after || (a->info[v] && (a->info[v]->frames & SW_VX_TELL)))) {
            sw_np np = sw_attr_np_after(a, j, hi, 1);
            if (np.kind == SW_NP_NAME || np.kind == SW_NP_DESC) {
                addr = np;
                after = np.tok_end;
            }
        }
        set_addressee(a, s, &addr, v);
        return continue_quote(a, (uint32_t)(s - a->doc->stmts), after, block_end_tok(a, v));
    }

    uint8_t vform = a->info[v] ? a->info[v]->verb_form : 0;
    sw_status st = SW_OK;
    if ((vform == SW_VF_PAST || vform == SW_VF_3SG) && colon_then_paragraph(a, v, ve, lo, &st)) return st;
    if (inverted_frame(a, v, ve, lo, hi, vform, &st) || agent_frame(a, v, ve, lo, hi, vform, &st)) return st;
    if (object_speaks_through_participle(a, ve, hi)) return SW_OK;
    /* a passive ("was accused of", "were told"): the speaker, if any, is the agent after "by" */
    if (vform == SW_VF_PAST || vform == SW_VF_PART || vform == SW_VF_BASE) {
        uint32_t p = v;
        while (p > lo && is_word(a, p - 1) && (a->wcls[p - 1] & SW_W_ADVERB) && !(a->wcls[p - 1] & SW_W_AUX)) p--;
        if (p > lo && is_word(a, p - 1) && tok_role(a, p - 1, SW_W_PASSIVE_AUX)) return SW_OK;
    }
    sw_np subj = sw_attr_subject_before(a, v, lo);
    if (subj.kind == SW_NP_NONE && vform != SW_VF_ING) subj = counted_or_relative_subject(a, v, lo);
    /* a participle ("a message on Twitter blaming Iran", "S agreed, saying") takes the subject
     * of its clause, not the noun right before it; a progressive ("was saying") does not */
    /* "National Guard members, called to service by the governor, are ...", "Ortiz, asked to
     * comment, said": a past participle right after a comma, with "to" or "by" right after it, is
     * a passive aside, not a speech verb */
    if ((vform == SW_VF_PAST || vform == SW_VF_PART) && v > lo && tok_punct(a, v - 1, ',') && ve < hi &&
        is_word(a, ve) && (tok_role(a, ve, SW_W_TO) || tok_role(a, ve, SW_W_AGENT)))
        return SW_OK;
    /* "Ortiz, speaking at a briefing, said C": a participle set off by commas before the main
     * speech verb only says how that verb's statement was made */
    if (vform == SW_VF_ING && v > lo && tok_punct(a, v - 1, ',')) {
        uint32_t c = ve;
        while (c < hi && c - ve < PARTICIPLE_ASIDE_MAX_WORDS && is_word(a, c)) c++;
        if (c + 1 < hi && tok_punct(a, c, ',') && sw_attr_is_cue_verb(a, c + 1) && a->info[c + 1]->verb_form != SW_VF_ING)
            return SW_OK;
    }
    int object_subject = 0; /* the subject is the object of another verb: not shared further */
    if (vform == SW_VF_ING) {
        uint32_t p = v;
        while (p > lo && is_word(a, p - 1) && (a->wcls[p - 1] & SW_W_ADVERB) && !(a->wcls[p - 1] & SW_W_AUX)) p--;
        /* "cited the Air Force as stating": the noun phrase before "as" */
        if (v > lo + CITED_AS_MIN_TOKENS && tok_role(a, v - 1, SW_W_AS_FRAME)) {
            sw_np obj = sw_attr_subject_before(a, v - 1, lo);
            uint32_t b = obj.tok_start;
            if (b > lo && is_word(a, b - 1) && (a->wcls[b - 1] & SW_W_DET)) b--;
            /* "was quoted by the Herald as saying C": the outlet that quoted the subject */
            if ((obj.kind == SW_NP_NAME || obj.kind == SW_NP_DESC) && b > lo && tok_role(a, b - 1, SW_W_AGENT)) {
                a->pending_via_start = a->t[b].start;
                a->pending_via_end = a->t[obj.tok_end - 1].end;
                a->pending_via_sent = a->t[v].sent;
            }
            if ((obj.kind == SW_NP_NAME || obj.kind == SW_NP_DESC) && b > lo && is_word(a, b - 1) &&
                ((a->lx[b - 1] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) ||
                 (a->info[b - 1] && a->info[b - 1]->verb_form != 0 && a->info[b - 1]->verb_form != SW_VF_ING &&
                  a->info[b - 1]->verb_form != SW_VF_BASE))) {
                subj = obj;
                object_subject = 1;
            }
        }
        /* "with the latter confirming": after "with", the noun phrase is the subject */
        int with_subject =
            subj.kind != SW_NP_NONE && subj.tok_start > lo && tok_role(a, subj.tok_start - 1, SW_W_ABSOLUTE_WITH);
        if (!with_subject && !object_subject && !(p > lo && is_word(a, p - 1) && (a->wcls[p - 1] & SW_W_AUX))) {
            if (a->last_subj_sent == a->t[v].sent && a->last_subj.kind != SW_NP_NONE) subj = a->last_subj;
            else subj = sw_attr_sentence_subject(a, lo, v);
        }
    }
    if (subj.kind == SW_NP_NONE && v == lo && (vform == SW_VF_PAST || vform == SW_VF_3SG)) {
        /* "Remarked the scientist Tierra Curry, “...”": a verb first, its subject after it */
        sw_np after = sw_attr_np_after(a, ve, hi, 1);
        if (after.kind == SW_NP_NAME || after.kind == SW_NP_DESC) {
            int32_t q2 = quote_continuing_after(a, after.tok_end, block_end_tok(a, v));
            if (q2 >= 0 && !a->claimed[q2]) {
                sw_stmt *s = quote_stmt(a, q2);
                if (!s) return SW_ERR_NOMEM;
                set_cue(a, s, v, ve);
                set_speaker(a, s, &after, v);
                return SW_OK;
            }
        }
    }
    if (subj.kind == SW_NP_NONE && v > lo) {
        /* a verb sharing its subject: "S agreed, saying C", "S wept and said C", "by saying" */
        uint32_t p = v - 1;
        while (p > lo && is_word(a, p) && (a->wcls[p] & SW_W_ADVERB)) p--;
        int shared = tok_punct(a, p, ',') || tok_role(a, p, SW_W_SHARED_SUBJECT);
        if (shared) {
            if (a->last_subj_sent == a->t[v].sent && a->last_subj.kind != SW_NP_NONE) subj = a->last_subj;
            else subj = sw_attr_sentence_subject(a, lo, p);
        }
    }
    if (subj.kind != SW_NP_NONE && !object_subject) {
        a->last_subj = subj;
        a->last_subj_sent = a->t[v].sent;
    }
    uint32_t cs, ce;
    sw_np addr;
    if (sw_attr_clause_after(a, v, ve, hi, &cs, &ce, &addr)) {
        if (subj.kind == SW_NP_NONE) {
            /* a statement needs a subject ("reads Judge Miller's statement, “...”"-like inversions
             * are rare); when the words right before one of the commonest speech verbs (said,
             * says: a finite form that no noun shares) name none, the sentence's subject may be
             * it, if the words between only describe it ("People briefed on the move said",
             * "Large majorities of voters in six states said") */
            if (!(a->lx[v] & SW_LX_QUOTE_VERB) || v == lo ||
                !(vform == SW_VF_PAST || (vform == SW_VF_3SG && (a->lx[v] & SW_LX_VERB_3SG))))
                return SW_OK;
            subj = sw_attr_sentence_subject(a, lo, v);
            if (subj.kind == SW_NP_NONE || !subject_reaches_verb(a, subj.tok_end, v)) return SW_OK;
        }
        sw_stmt *s = clause_stmt(a, cs, ce);
        if (!s) return SW_ERR_NOMEM;
        set_cue(a, s, v, ve);
        set_speaker(a, s, &subj, v);
        set_addressee(a, s, &addr, v);
        return SW_OK;
    }
    /* "As S said, C", "As the minister told reporters, C": "as" opening the sentence or a
     * clause after a comma, the subject, the verb (and its hearer), a comma, then the statement */
    sw_np as_subj = subj;
    /* (the subject finder leaves a description after a preposition alone: "As the harbour master
     * said": here it is the subject when it reaches the verb) */
    if (as_subj.kind == SW_NP_NONE && v > lo + 1 && tok_role(a, lo, SW_W_AS_FRAME)) {
        as_subj = sw_attr_np_after(a, lo + 1, v, 0);
        if (as_subj.tok_end != v) as_subj.kind = SW_NP_NONE;
    }
    if (as_subj.kind != SW_NP_NONE && (vform == SW_VF_PAST || vform == SW_VF_3SG)) {
        sw_np subj = as_subj;
        uint32_t as = subj.tok_start;
        while (as > lo && subj.tok_start - as < AS_SUBJECT_LEAD_WORDS && is_word(a, as - 1) &&
               !tok_role(a, as - 1, SW_W_AS_FRAME))
            as--;
        uint32_t c = ve;
        if (c < hi && is_word(a, c) && a->info[v] && (a->info[v]->frames & SW_VX_TELL)) {
            sw_np hearer = sw_attr_np_after(a, c, hi, 0);
            if (hearer.kind != SW_NP_NONE) c = hearer.tok_end;
        }
        /* ("But as Clyburn noted, C": a conjunction or an adverb may open the sentence before it) */
        if (as > lo && tok_role(a, as - 1, SW_W_AS_FRAME) &&
            (as - 1 == lo || tok_punct(a, as - 2, ',') ||
             (as - 2 == lo && is_word(a, lo) && (a->wcls[lo] & (SW_W_CONJ | SW_W_ADVERB)))) &&
            c + 1 < hi && tok_punct(a, c, ',') && is_word(a, c + 1)) {
            uint32_t ce2 = sw_attr_clause_end(a, c + 1, hi);
            if (ce2 > c + 2 && sw_attr_clause_is_finite(a, c + 1, ce2)) {
                sw_stmt *s = clause_stmt(a, c + 1, ce2);
                if (!s) return SW_ERR_NOMEM;
                set_cue(a, s, v, ve);
                set_speaker(a, s, &subj, v);
                return SW_OK;
            }
        }
    }
    /* C, S V.  /  C1, S V, C2. : the cue reports the rest of its sentence */
    if (subj.kind == SW_NP_NONE || subj.tok_start <= lo) return SW_OK;
    uint32_t before = subj.tok_start - 1;
    /* "..., her son Anderson Cooper announced", "..., newspaper The Hindu reported": words that
     * describe the speaker may stand between the comma and the name, and so may a title or a word
     * of address that the name does not include ("..., Mr. Lou said", "..., Sen. Ortiz said") */
    while (before > lo && before + SPEAKER_DESCRIPTOR_GAP > subj.tok_start && is_word(a, before) &&
           (!(a->t[before].flags & SW_TF_CAP) || title_before_name(a, before)) &&
           !(a->wcls[before] & (SW_W_PREP | SW_W_CONJ | SW_W_RELATIVE | SW_W_SUBJ_PRON | SW_W_AUX)))
        before--;
    /* "... placed it in a “burn bag,” the Times reported": the comma inside the closing mark of a
     * quotation that ends the clause (C is a mixed statement up to the mark) */
    uint32_t c_end = before;
    if (before > lo + 1 && a->t[before].kind == SW_TK_QUOTE && a->qspan_close[before] >= 0 &&
        !a->claimed[a->qspan_close[before]] && tok_punct(a, before - 1, ',')) {
        c_end = before + 1;
        before--;
    }
    if (!tok_punct(a, before, ',') || before <= lo) return SW_OK;
    /* after the verb, only a hearer or an adverbial: "on Twitter", "in a statement", "Monday" */
    uint32_t end_tok = ve;
    if (end_tok < hi && is_word(a, end_tok) && !(a->wcls[end_tok] & (SW_W_PREP | SW_W_TIME | SW_W_ADVERB)) &&
        !(a->lx[end_tok] & SW_LX_CALENDAR) && !(a->info[v] && (a->info[v]->frames & SW_VX_TELL)))
        return SW_OK;
    while (end_tok < hi && is_word(a, end_tok) && end_tok - v < TRAILING_ADVERBIAL_WINDOW) end_tok++;
    int parenthetical = end_tok < hi && tok_punct(a, end_tok, ',');
    /* "C, S said Tuesday, noting C2": a participle after the comma is a cue of its own that
     * shares the subject, not the rest of C */
    int participle_after = parenthetical && end_tok + 1 < hi && is_word(a, end_tok + 1) && a->info[end_tok + 1] &&
                           (a->lx[end_tok + 1] & SW_LX_SPEECH) && a->info[end_tok + 1]->verb_form == SW_VF_ING;
    uint32_t cs2 = lo, ce2;
    if (parenthetical && !participle_after) {
        ce2 = sw_attr_clause_end(a, end_tok + 1, hi);
    } else {
        if (end_tok < hi && !(a->t[end_tok].kind == SW_TK_PUNCT)) return SW_OK;
        ce2 = c_end;
    }
    if (ce2 <= cs2 + 1) return SW_OK;
    /* the reported part must be a clause, not a fronted adverbial ("At the time of X, she wrote") */
    if (!(a->t[cs2].kind == SW_TK_QUOTE) && !sw_attr_clause_is_finite(a, cs2, ce2)) return SW_OK;
    sw_stmt *s = clause_stmt(a, cs2, ce2);
    if (!s) return SW_ERR_NOMEM;
    set_cue(a, s, v, ve);
    set_speaker(a, s, &subj, v);
    return SW_OK;
}

/* Pass 1, "according to" at i (phrase of k tokens) in the sentence [lo, hi). */
static sw_status handle_according(sw_attr *a, uint32_t i, uint32_t k, uint32_t lo, uint32_t hi)
{
    sw_np src = sw_attr_np_after(a, i + k, hi, 0);
    if (src.kind == SW_NP_NONE) return SW_OK;
    /* The sentence already reports someone: when the phrase names an outlet or a document (an
     * organisation, "the TASS news agency", "a statement"), it is the outlet that carried it; when
     * it names people ("according to prosecutors"), they are the source of the whole report and
     * the report inside it is part of their statement. */
    int outlet = 0;
    for (uint32_t t = src.tok_start; t < src.tok_end; t++)
        if ((a->lx[t] & SW_LX_MEDIA) || (a->wcls[t] & SW_W_DOC_NOUN) ||
            ((a->lx[t] & SW_LX_ORG_WORD) && !(a->lx[t] & SW_LX_ROLE)))
            outlet = 1;
    if (src.kind == SW_NP_NAME && src.ment >= 0 && a->doc->ments[src.ment].ent >= 0 &&
        a->doc->ents[a->doc->ments[src.ment].ent].type == SW_ENT_ORGANIZATION)
        outlet = 1;
    uint32_t sent_start_off = a->t[lo].start;
    for (uint32_t n = a->doc->n_stmts, seen = 0; n-- > 0 && outlet && seen < SENTENCE_STMT_LOOKBACK; seen++) {
        sw_stmt *s = &a->doc->stmts[n];
        if (s->end < sent_start_off && s->cue_start < sent_start_off) break;
        if (s->speaker >= 0 || s->speaker_name || s->spk_start != SW_NONE) {
            if (s->via_start == SW_NONE) {
                /* the whole phrase names the outlet: "the TASS news agency" */
                uint32_t e = i + k;
                while (e < hi && e - (i + k) < OUTLET_PHRASE_MAX_WORDS && (a->t[e].kind == SW_TK_WORD) &&
                       !(a->wcls[e] & (SW_W_CONJ | SW_W_RELATIVE | SW_W_THAT)) &&
                       !(e > i + k && (a->wcls[e] & SW_W_PREP) && !tok_role(a, e, SW_W_GENITIVE)))
                    e++;
                if (e < src.tok_end) e = src.tok_end;
                s->via_start = a->t[i + k].start;
                s->via_end = a->t[e - 1].end;
            }
            return SW_OK;
        }
    }
    uint32_t cs, ce;
    /* "..., and according to the ministry he died ...": the clause after the source, when there
     * is one, is what the source said */
    uint32_t after = src.tok_end;
    if (after < hi && tok_punct(a, after, ',')) after++;
    /* (its subject comes first: not "..., according to X, who was ...", "according to the
     * schedule published Thursday", "a RealClearPolitics average of polls"; a lower-case noun
     * right after the source begins a clause only before its verb: "according to Wasef
     * archaeologists have"), unless a conjunction comes before "according to" ("..., and,
     * according to CNN, was called ...") */
    uint32_t before_phrase = i;
    while (before_phrase > lo && tok_punct(a, before_phrase - 1, ',')) before_phrase--;
    int conj_before = before_phrase > lo && is_word(a, before_phrase - 1) && (a->wcls[before_phrase - 1] & SW_W_CONJ);
    int subject_first =
        after < hi &&
        (conj_before || a->t[after].kind == SW_TK_NUM || a->t[after].kind == SW_TK_QUOTE ||
         (is_word(a, after) && !(a->wcls[after] & (SW_W_RELATIVE | SW_W_AUX)) &&
          !(a->lx[after] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) &&
          ((a->wcls[after] & (SW_W_DET | SW_W_SUBJ_PRON | SW_W_EXPLETIVE | SW_W_CONJ | SW_W_PREP)) ||
           (a->t[after].flags & SW_TF_CAP) || a->ment_of[after] >= 0 || after > src.tok_end ||
           (after + 1 < hi && is_word(a, after + 1) && (a->wcls[after + 1] & SW_W_AUX)))));
    /* (not a number that ends the source's own phrase: "according to a poll of 400 voters") */
    if (subject_first && !conj_before && a->t[after].kind == SW_TK_NUM && after == src.tok_end &&
        is_word(a, after - 1) && (a->wcls[after - 1] & SW_W_PREP))
        subject_first = 0;
    /* its verb comes before any relative clause: "according to Bill Ortiz, a pollster who
     * conducted the survey" is an apposition */
    uint32_t after_end = subject_first ? sw_attr_clause_end(a, after, hi) : after, rel = after;
    while (rel < after_end && !(is_word(a, rel) && (a->wcls[rel] & SW_W_RELATIVE))) rel++;
    int clause_after_src = subject_first && src.tok_end < hi && !tok_punct(a, src.tok_end, '.') &&
                           sw_attr_clause_is_finite(a, after, rel) && after_end >= after + SOURCE_CLAUSE_MIN_TOKENS;
    /* the part after the source is its statement when it has a subject of its own, or when a
     * conjunction comes before "according to" ("..., and, according to CNN, was called ...");
     * ", according to S, but ..." and "X, who ..., according to S, have ..." report what is before */
    /* "according to a report from ABC on March 3 in which ...": a preposition continues the source */
    if (clause_after_src && is_word(a, after) && (a->wcls[after] & SW_W_PREP) && !(a->wcls[after] & SW_W_TO))
        clause_after_src = 0;
    if (clause_after_src && is_word(a, after) && (a->wcls[after] & (SW_W_CONJ | SW_W_AUX))) {
        uint32_t p = i;
        while (p > lo && tok_punct(a, p - 1, ',')) p--;
        if ((a->wcls[after] & SW_W_CONJ) || !(p > lo && is_word(a, p - 1) && (a->wcls[p - 1] & SW_W_CONJ)))
            clause_after_src = 0;
    }
    if (i == lo || (i > lo && is_word(a, i - 1) && (a->wcls[i - 1] & SW_W_ADVERB) && i - 1 == lo) ||
        (clause_after_src && i > lo && (tok_punct(a, i - 1, ',') || (is_word(a, i - 1) && (a->wcls[i - 1] & (SW_W_CONJ | SW_W_ADVERB)))))) {
        /* According to S, C.  /  ... according to S C. */
        uint32_t j = src.tok_end;
        if (!clause_after_src) {
            while (j < hi && !tok_punct(a, j, ',') && j - src.tok_end < SOURCE_TAIL_MAX_TOKENS &&
                   a->t[j].kind != SW_TK_QUOTE)
                j++;
            if (j >= hi || !tok_punct(a, j, ',')) j = src.tok_end;
        }
        if (j < hi && tok_punct(a, j, ',')) j++;
        cs = j;
        if (cs >= hi) return SW_OK;
        /* "According to Jack Kelly, writing for the Herald: ...": a participle describes the source */
        if (!clause_after_src && is_gerund(a, cs)) return SW_OK;
        ce = sw_attr_clause_end(a, cs, hi);
        /* "According to ISNA, the prosecutor X said ...": C reports someone else, and S is the
         * outlet that carried it */
        for (uint32_t k = cs; k < ce; k++) {
            if (a->t[k].kind == SW_TK_QUOTE) break;
            if (!sw_attr_is_cue_verb(a, k)) continue;
            /* (a finite cue: "is scheduled to speak" reports nothing yet) */
            if (a->info[k]->verb_form == SW_VF_ING || a->info[k]->verb_form == SW_VF_BASE) continue;
            /* only when the inner cue has a named subject of its own (not "school districts
             * announced closings", which is what S reported) */
            sw_np inner = sw_attr_subject_before(a, k, cs);
            if (inner.kind != SW_NP_NAME) break;
            a->pending_via_start = a->t[src.tok_start].start;
            a->pending_via_end = a->t[src.tok_end - 1].end;
            a->pending_via_sent = a->t[i].sent;
            return SW_OK;
        }
    } else if (i > lo + 1) {
        /* C, according to S.  /  C according to S (a statement posted to ...). */
        cs = lo;
        ce = tok_punct(a, i - 1, ',') ? i - 1 : i;
        /* "Women, who make up 16%, according to CNA, have ...": the part between the commas */
        uint32_t after = src.tok_end;
        if (after < hi && tok_punct(a, after, ',')) {
            uint32_t j = i - 1;
            while (j > lo && !tok_punct(a, j - 1, ',')) j--;
            if (j > lo) cs = j;
            /* "The deal, according to officials, was signed on Monday": the subject's verb comes
             * after the phrase, and the statement is the whole clause */
            uint32_t vb = after + 1;
            if (cs == lo && vb < hi && is_word(a, vb) && !(a->t[vb].flags & SW_TF_CAP) &&
                ((a->wcls[vb] & SW_W_AUX) || (a->lx[vb] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG))))
                ce = sw_attr_clause_end(a, vb, hi);
        }
    } else {
        return SW_OK;
    }
    if (ce <= cs + 1) return SW_OK;
    /* a report already found inside this clause becomes part of it */
    uint32_t cs_off = a->t[cs].start, ce_off = a->t[ce - 1].end;
    for (uint32_t n = a->doc->n_stmts, seen = 0; n-- > 0 && seen < SENTENCE_STMT_LOOKBACK; seen++) {
        sw_stmt *in = &a->doc->stmts[n];
        if (in->end < sent_start_off) break;
        if (in->is_statement && in->start >= cs_off && in->end <= ce_off && in->qspan < 0) {
            in->is_statement = 0;
            in->reason = "inside a reported statement";
        }
    }
    sw_stmt *s = clause_stmt(a, cs, ce);
    if (!s) return SW_ERR_NOMEM;
    set_cue(a, s, i, i + k);
    set_speaker(a, s, &src, i);
    return SW_OK;
}

/* The block index holding byte offset `off`. */
static uint32_t block_of_offset(const sw_doc *doc, uint32_t off)
{
    uint32_t lo = 0, hi = doc->n_blocks;
    while (lo + 1 < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (doc->blocks[mid].start <= off) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* Pass 0: the turns of a transcript ("WALLACE: Let's start ..."), each its labelled speaker's
 * verbatim statement as a whole (paragraph_stmt()). */
static sw_status transcript_statements(sw_attr *a)
{
    sw_turn *turns;
    uint32_t n = sw_attr_transcript_turns(a, &turns);
    for (uint32_t k = 0; k < n; k++) {
        const sw_turn *tn = &turns[k];
        sw_stmt *s = paragraph_stmt(a, tn->block, tn->text_start);
        if (!s) return SW_ERR_NOMEM;
        sw_np np = {tn->label_start, tn->label_end, a->ment_of[tn->label_end - 1], tn->ent, SW_NP_NAME};
        set_speaker(a, s, &np, tn->label_start);
    }
    return SW_OK;
}

/* Pass 2 for one unclaimed top-level quotation q. */
static sw_status handle_lone_quote(sw_attr *a, int32_t q, int32_t ctx_index)
{
    const sw_qspan *qs = &a->doc->qspans[q];
    uint32_t open = qs->tok_open, close = qs->tok_close;
    uint32_t blo = a->doc->blocks[qs->block_first].tok_start;
    uint32_t bhi = a->doc->blocks[qs->block_last].tok_end;

    if (skipped_block(a, open)) {
        if (!a->doc->ex->opts.keep_non_statements) return SW_OK;
        sw_stmt *s = quote_stmt(a, q);
        if (!s) return SW_ERR_NOMEM;
        s->is_statement = 0;
        s->reason = "boilerplate";
        return SW_OK;
    }
    /* “Q” – Mayor Ole Berg: a dash after the quotation, then its speaker's name ending the line
     * or the sentence */
    if (close != SW_NONE && close + 2 < bhi && sw_attr_clause_break(a, close + 1) && !tok_punct(a, close + 1, ';') &&
        !tok_punct(a, close + 1, ':')) {
        sw_np who = sw_attr_np_after(a, close + 2, bhi, 1);
        uint32_t e = who.tok_end;
        if (who.kind == SW_NP_NAME && is_word(a, who.tok_start) && who.ment >= 0 &&
            a->doc->ments[who.ment].ent >= 0 && a->doc->ents[a->doc->ments[who.ment].ent].type == SW_ENT_PERSON &&
            (e >= bhi || tok_punct(a, e, '.') || tok_punct(a, e, ',') || a->t[e].block != a->t[close].block)) {
            sw_stmt *s = quote_stmt(a, q);
            if (!s) return SW_ERR_NOMEM;
            set_speaker(a, s, &who, close + 2);
            return SW_OK;
        }
    }
    /* “Q,” he pounded / “Q,” smiled the minister */
    if (close != SW_NONE) {
        uint32_t j = close + 1;
        if (j < bhi && tok_punct(a, j, ',')) j++;
        for (uint32_t v = j; v < bhi && v - j < POST_QUOTE_CUE_WINDOW; v++) {
            if (!is_word(a, v)) break;
            /* "reads" and "read" speak for a document right after its quotation */
            int reads = tok_role(a, v, SW_W_READS);
            if (((a->lx[v] & (SW_LX_SPEECH | SW_LX_SPEECH_POST)) && a->info[v] && a->info[v]->verb_form &&
                 !(a->t[v].flags & SW_TF_CAP)) || reads) {
                /* “Q.” He said C: the cue of the next sentence reports its own clause */
                uint32_t cs, ce;
                sw_np addr;
                if (quote_ends_sentence(a, q) && sw_attr_clause_after(a, v, v + 1, bhi, &cs, &ce, &addr)) break;
                sw_np subj = sw_attr_subject_before(a, v, close + 1);
                uint32_t after = v + 1;
                if (subj.kind == SW_NP_NONE) {
                    subj = sw_attr_np_after(a, v + 1, bhi, 1);
                    after = subj.tok_end;
                    /* "reads Judge Miller's statement": past the document noun too (the
                     * possessive ending is a word token of its own) */
                    while (after < bhi && is_word(a, after) && after - subj.tok_end < OWNER_TAIL_MAX_TOKENS) after++;
                }
                if (subj.kind == SW_NP_NONE) break;
                sw_stmt *s = quote_stmt(a, q);
                if (!s) return SW_ERR_NOMEM;
                set_cue(a, s, v, v + 1);
                set_speaker(a, s, &subj, v);
                return continue_quote(a, (uint32_t)(s - a->doc->stmts), after, bhi);
            }
        }
    }
    /* "S: “Q”" (a heading or an introduction ending in a colon): the introducing sentence's
     * subject */
    if (open > blo && tok_punct(a, open - 1, ':')) {
        uint32_t lo, hi;
        sent_range(a, open - 1, &lo, &hi);
        if (lo < open - 1) {
            sw_np np = sw_attr_sentence_subject(a, lo, open - 1);
            if (np.kind == SW_NP_NAME || np.kind == SW_NP_DESC) {
                sw_stmt *s = quote_stmt(a, q);
                if (!s) return SW_ERR_NOMEM;
                set_speaker(a, s, &np, open);
                return SW_OK;
            }
        }
    }
    /* A floating quotation: it opens its sentence (or block) and no cue is near. */
    int opens_sentence = (a->t[open].flags & (SW_TF_SENT_START | SW_TF_BLOCK_START)) ||
                         (open > blo && a->t[open - 1].kind == SW_TK_PUNCT && !tok_punct(a, open - 1, ','));
    if (qs->kind == SW_KIND_DIRECT && opens_sentence && qs->section == SW_SECTION_BODY) {
        /* the latest speaker, if it spoke in this block or the one before */
        if (ctx_index >= 0 &&
            qs->block_first - block_of_offset(a->doc, a->doc->stmts[ctx_index].start) <= 1) {
            int32_t spk = a->doc->stmts[ctx_index].speaker;
            const char *spk_name = a->doc->stmts[ctx_index].speaker_name;
            sw_stmt *s = quote_stmt(a, q);
            if (!s) return SW_ERR_NOMEM;
            s->speaker = spk;
            s->speaker_name = spk_name;
            s->resolution = SW_RES_CONTEXT;
            return SW_OK;
        }
        /* no statement nearby: the person the sentence before was about ("She left the series
         * early. “This is not what I wanted.”") */
        uint32_t si = a->t[open].sent;
        if (si > 0 && a->doc->sents[si - 1].block == a->t[open].block) {
            const sw_sent *ps = &a->doc->sents[si - 1];
            sw_np np = sw_attr_sentence_subject(a, ps->tok_start, ps->tok_end);
            if (np.kind == SW_NP_NAME || np.kind == SW_NP_PRONOUN) {
                sw_attr_resolve(a, &np, np.tok_start);
                if (np.ent >= 0 && a->doc->ents[np.ent].type == SW_ENT_PERSON) {
                    sw_stmt *s = quote_stmt(a, q);
                    if (!s) return SW_ERR_NOMEM;
                    s->speaker = np.ent;
                    s->resolution = SW_RES_CONTEXT;
                    return SW_OK;
                }
            }
        }
    }
    /* Not a statement: a title after "the program", a name after "nicknamed", a scare quote. */
    if (!a->doc->ex->opts.keep_non_statements) return SW_OK;
    sw_stmt *s = quote_stmt(a, q);
    if (!s) return SW_ERR_NOMEM;
    s->is_statement = 0;
    const char *reason = "scare quote";
    for (uint32_t i = open; i-- > blo && open - i <= NAMING_WORD_WINDOW;) {
        if (!is_word(a, i)) break;
        if (a->wcls[i] & SW_W_TITLE_NOUN) { reason = "title"; break; }
        if (a->wcls[i] & SW_W_NAMING_VERB) { reason = "name"; break; }
    }
    s->reason = reason;
    return SW_OK;
}

static int stmt_cmp(const void *x, const void *y)
{
    const sw_stmt *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

sw_status sw_attribute(sw_doc *doc)
{
    if (!doc->n_toks) return SW_OK;
    sw_attr a;
    memset(&a, 0, sizeof a);
    a.doc = doc;
    a.cur_stmt = -1;
    a.last_subj_sent = SW_NONE;
    a.pending_via_sent = SW_NONE;
    a.t = doc->toks;
    a.n = doc->n_toks;
    sw_arena *ar = &doc->arena;
    a.ment_of = sw_arena_alloc(ar, (size_t)a.n * sizeof *a.ment_of);
    a.qspan_open = sw_arena_alloc(ar, (size_t)a.n * sizeof *a.qspan_open);
    a.qspan_close = sw_arena_alloc(ar, (size_t)a.n * sizeof *a.qspan_close);
    a.claimed = sw_arena_calloc(ar, doc->n_qspans + 1, 1);
    if (!a.ment_of || !a.qspan_open || !a.qspan_close || !a.claimed) return SW_ERR_NOMEM;
    memset(a.ment_of, 0xFF, (size_t)a.n * sizeof *a.ment_of);
    memset(a.qspan_open, 0xFF, (size_t)a.n * sizeof *a.qspan_open);
    memset(a.qspan_close, 0xFF, (size_t)a.n * sizeof *a.qspan_close);
    sw_status st = sw_attr_classify(&a);
    if (st != SW_OK) return st;

    /* token -> mention: the tokens of each name, which the entities stage kept (a mention starts
     * at its first token and ends inside its last); mentions are sorted, a later one wins */
    for (uint32_t m = 0; m < doc->n_ments; m++) {
        const sw_ment *mt = &doc->ments[m];
        const sw_mentinfo *mi = sw_ent_mention_info(doc, (int32_t)m);
        if (mt->ent < 0 || mt->kind != SW_MK_NAME || !mi) continue;
        for (uint32_t k = mi->tok_start; k < mi->tok_end && k < a.n; k++) a.ment_of[k] = (int32_t)m;
    }
    for (uint32_t q = 0; q < doc->n_qspans; q++) {
        const sw_qspan *qs = &doc->qspans[q];
        if (qs->parent >= 0) {
            a.claimed[q] = 1;
            continue;
        }
        a.qspan_open[qs->tok_open] = (int32_t)q;
        if (qs->tok_close != SW_NONE) a.qspan_close[qs->tok_close] = (int32_t)q;
    }

    if ((st = transcript_statements(&a)) != SW_OK) return st;

    /* Pass 1: cues outside quotations, sentence by sentence. Most words are no cue at all: only
     * the tokens whose classes say they may be one are visited (a.cands). */
    uint32_t ci = 0;
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        const sw_sent *sent = &doc->sents[si];
        uint32_t lo = sent->tok_start, hi = sent->tok_end;
        if (lo >= hi || skipped_block(&a, lo) || (a.spoken_block && a.spoken_block[a.t[lo].block])) continue;
        while (ci < a.n_cands && a.cands[ci] < lo) ci++;
        uint32_t next = lo; /* the tokens before it belong to a cue phrase handled already */
        for (; ci < a.n_cands && a.cands[ci] < hi; ci++) {
            uint32_t v = a.cands[ci];
            if (v < next || (a.t[v].flags & SW_TF_IN_QUOTE)) continue;
            /* a verb cue phrase whose first word is no speech verb on its own: "pointed out",
             * "went on to say", "made clear" (a speech verb's own frames handle "told reporters",
             * "called for") */
            if ((a.lx[v] & SW_LX_CUE_FIRST) && !(a.lx[v] & SW_LX_SPEECH)) {
                uint32_t n = cue_phrase_at(&a, v, hi);
                if (n) {
                    if ((st = handle_cue(&a, v, v + n, lo, hi)) != SW_OK) return st;
                    next = v + n;
                    continue;
                }
            }
            uint32_t k = sw_attr_according_at(&a, v);
            if (k) {
                if ((st = handle_according(&a, v, k, lo, hi)) != SW_OK) return st;
                next = v + k;
                continue;
            }
            if (!sw_attr_is_cue_verb(&a, v) && !document_reads(&a, v, lo)) continue;
            /* a verb inside a statement already found is part of its clause */
            int inside = 0;
            for (uint32_t n = doc->n_stmts, seen = 0; n-- > 0 && seen < ENCLOSING_STMT_LOOKBACK; seen++) {
                const sw_stmt *s = &doc->stmts[n];
                if (s->end <= a.t[lo].start) break;
                if (a.t[v].start >= s->start && a.t[v].end <= s->end) { inside = 1; break; }
            }
            if (inside) continue;
            if ((st = handle_cue(&a, v, v + 1, lo, hi)) != SW_OK) return st;
        }
    }
    /* Pass 2: quotations no cue claimed, in text order, so that the context of a floating
     * quotation (the latest statement with a speaker before it) flows forward. Pass-1
     * statements are sorted first; pass-2 ones are appended in text order. */
    uint32_t n1 = doc->n_stmts, p1 = 0;
    if (n1 > 1) qsort(doc->stmts, n1, sizeof *doc->stmts, stmt_cmp);
    a.sorted_stmts = n1;
    int32_t ctx1 = -1, ctx2 = -1;
    for (uint32_t q = 0; q < doc->n_qspans; q++) {
        if (a.claimed[q]) continue;
        uint32_t qstart = doc->qspans[q].start;
        while (p1 < n1 && doc->stmts[p1].start < qstart) {
            if (doc->stmts[p1].speaker >= 0 || doc->stmts[p1].speaker_name) ctx1 = (int32_t)p1;
            p1++;
        }
        int32_t ctx = ctx1;
        if (ctx2 >= 0 && (ctx < 0 || doc->stmts[ctx2].start > doc->stmts[ctx].start)) ctx = ctx2;
        uint32_t before = doc->n_stmts;
        if ((st = handle_lone_quote(&a, (int32_t)q, ctx)) != SW_OK) return st;
        if (doc->n_stmts > before && doc->stmts[before].is_statement &&
            (doc->stmts[before].speaker >= 0 || doc->stmts[before].speaker_name))
            ctx2 = (int32_t)before;
    }
    /* Pass 3: order, confidence. Statements in a headline or a sub-heading are kept apart (the
     * annotation guide does not count headlines as statements; they repeat the body): they are
     * listed only with keep_non_statements, with their speaker. */
    if (doc->n_stmts > 1) qsort(doc->stmts, doc->n_stmts, sizeof *doc->stmts, stmt_cmp);
    for (uint32_t k = 0; k < doc->n_stmts; k++) {
        sw_stmt *s = &doc->stmts[k];
        if (!s->is_statement || s->section == SW_SECTION_BODY) continue;
        s->is_statement = 0;
        s->reason = s->section == SW_SECTION_TITLE ? "headline"
                    : s->section == SW_SECTION_HEADING ? "heading" : "boilerplate";
    }
    sw_conf_set_all(doc);
    return SW_OK;
}
