/*
 * clause.c -- the reported clause that a speech verb introduces.
 *
 * "S told X on Sunday that C", "S claimed to C", "S accused X of C", "S described X as C",
 * "S called for C", "S said C". The clause starts after the hearer, time adverbials and "that";
 * it ends at the end of the sentence or where another statement or clause takes over: ", according
 * to", ", adding ...", "and claimed ...", ", but ...", a semicolon. Quotations inside it stay
 * inside (a mixed statement).
 */
#include <string.h>
#include "attr.h"

/* How far the clause frames look (in tokens unless said). */
/* ", which he later described as": a relative clause's own cue under 5 tokens after its pronoun. */
#define RELATIVE_CUE_WINDOW 5
/* "..., and then also claimed": a second cue after "and" past at most 2 adverbs. */
#define COORDINATED_CUE_WINDOW 3
/* ", and about half said": the other subject between a conjunction and its cue has at most 6 words. */
#define OTHER_SUBJECT_MAX_WORDS 6
/* A clause's finite verb is looked for in its first 24 tokens: a long subject fits; bounds the cost. */
#define FINITE_VERB_WINDOW 24
/* "told the Senate Armed Services Committee that": a hearer's name or description, at most 7 words. */
#define HEARER_MAX_WORDS 7
/* "said on Sunday in a statement that": at most 4 adverbials in a row between a verb and its clause. */
#define ADVERBIALS_MAX 4
/* "at a press conference yesterday morning": an adverbial, with its preposition or comma, has at most 8 tokens. */
#define ADVERBIAL_MAX_TOKENS 8
/* "warned for years that C", "for the past week that": "that" closes the "for" phrase within 5 tokens. */
#define FOR_ADVERBIAL_WINDOW 5
/* "said — as reported by the Daily Star — “...”": the cue phrase and an outlet's name close within 16 tokens. */
#define OUTLET_ASIDE_MAX_TOKENS 16
/* "accused X of C", "described X as C": the object X is a short noun phrase, at most 6 tokens. */
#define FRAME_OBJECT_MAX_TOKENS 6
/* "described it as a “dastardly act”": at most 2 determiners between "as" and the quotation. */
#define AS_QUOTE_WINDOW 3
/* "said the stores fill the shelves": a clause without a finite verb has 4 tokens or more (else an object). */
#define ANY_CLAUSE_MIN_TOKENS 4

/* Final punctuation that a statement span leaves out. */
static int final_punct(const sw_attr *a, uint32_t i)
{
    if (a->t[i].kind != SW_TK_PUNCT) return 0;
    const char *s = tok_text(a, i);
    uint32_t len = tok_len(a, i);
    if (len == 1) return s[0] == '.' || s[0] == '!' || s[0] == '?' || s[0] == ',' || s[0] == ';' || s[0] == ':';
    return len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA6;
}

/* Token index just after the closing mark of the quotation opened at token i, or i + 1. */
static uint32_t skip_quotation(const sw_attr *a, uint32_t i)
{
    int32_t q = a->qspan_open[i];
    if (q < 0) return i + 1;
    uint32_t close = a->doc->qspans[q].tok_close;
    return close == SW_NONE ? i + 1 : close + 1;
}

/* Whether a conjunction, then a subject of at most OTHER_SUBJECT_MAX_WORDS words and a speech
 * verb that reports (not a participle) begin at token k, after a comma: ", and about half said",
 * ", while others say". */
static int other_speaker_after_comma(const sw_attr *a, uint32_t k, uint32_t se)
{
    if (k >= se || !is_word(a, k) || !(a->wcls[k] & SW_W_CONJ)) return 0;
    uint32_t m = k + 1;
    for (uint32_t n = m + 1; n < se && n - m <= OTHER_SUBJECT_MAX_WORDS && (is_word(a, n - 1) || a->t[n - 1].kind == SW_TK_NUM);
         n++) {
        if (!(a->lx[n] & SW_LX_SPEECH) || !sw_attr_is_cue_verb(a, n)) continue;
        uint8_t vf = a->info[n]->verb_form;
        return vf == SW_VF_PAST || vf == SW_VF_3SG || vf == SW_VF_BASE;
    }
    return 0;
}

/* ", journalist Ana Ortiz said.": the subject of a trailing cue is at most this many words (a
 * role noun and a name of three words, or "the" and a few words of description). */
#define TRAILING_SUBJECT_MAX_WORDS 6
/* ... and its verb is followed by at most this many words before the sentence ends ("said on
 * Friday", "said in a statement"). */
#define TRAILING_CUE_TAIL_WORDS 4

/* Whether a trailing cue begins at token k, after a comma: a short subject that holds a name (or
 * opens with a determiner), then a finite speech verb, then the end of the sentence after a few
 * words at most (", journalist Ana Ortiz said.", ", the group said on Friday."): the clause before
 * the comma is what that cue reports, not part of an earlier cue's clause. */
static int trailing_cue_after_comma(const sw_attr *a, uint32_t k, uint32_t se)
{
    if (k >= se || !is_word(a, k)) return 0;
    int named = a->ment_of[k] >= 0 || (a->wcls[k] & SW_W_DET);
    uint32_t v = k + 1;
    while (v < se && v - k < TRAILING_SUBJECT_MAX_WORDS && is_word(a, v) && !sw_attr_is_cue_verb(a, v)) {
        if (a->lx[v] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG) && a->ment_of[v] < 0) return 0;
        named |= a->ment_of[v] >= 0;
        v++;
    }
    if (!named || v >= se || !is_word(a, v) || !sw_attr_is_cue_verb(a, v)) return 0;
    uint8_t vf = a->info[v]->verb_form;
    if (vf != SW_VF_PAST && vf != SW_VF_3SG) return 0;
    uint32_t e = v + 1;
    while (e < se && e - v <= TRAILING_CUE_TAIL_WORDS && (is_word(a, e) || a->t[e].kind == SW_TK_NUM)) e++;
    return e >= se || final_punct(a, e);
}

/* A reported clause longer than this many tokens is cut there: no sentence of news runs that long,
 * and the bound keeps a pathological one-sentence text with many cues linear. */
#define CLAUSE_MAX_TOKENS 400

uint32_t sw_attr_clause_end(const sw_attr *a, uint32_t i, uint32_t se)
{
    uint32_t j = i;
    if (se - i > CLAUSE_MAX_TOKENS) se = i + CLAUSE_MAX_TOKENS;
    while (j < se) {
        /* "according to" always ends a reported clause, comma or not (“failed,” according to) */
        if (j > i && sw_attr_according_at(a, j)) break;
        if (a->t[j].kind == SW_TK_QUOTE && a->qspan_open[j] >= 0) {
            uint32_t after = skip_quotation(a, j);
            j = after > se ? se : after;
            /* "... was “corrupt,” noting that C2": the comma inside the closing mark, then a
             * participle that is a cue of its own */
            if (j < se && j >= 2 && tok_punct(a, j - 2, ',') && is_word(a, j) && a->info[j] &&
                (a->lx[j] & SW_LX_SPEECH) && a->info[j]->verb_form == SW_VF_ING)
                break;
            continue;
        }
        if (sw_attr_clause_break(a, j) && j > i) break;
        if (tok_punct(a, j, ',') && j + 1 < se) {
            uint32_t k = j + 1;
            if (sw_attr_according_at(a, k)) break;
            /* ", but he declined": the writer goes on about the speaker; ", but local rules
             * make it hard" goes on reporting */
            if (is_word(a, k) && (a->wcls[k] & SW_W_CONJ) && !tok_role(a, k, SW_W_COORD)) {
                uint32_t m = k + 1;
                if (!tok_role(a, k, SW_W_CONTINUING_CONJ)) break;
                /* ", but suggested C2": a second cue */
                if (m < se && sw_attr_is_cue_verb(a, m)) break;
                if (m < se && is_word(a, m) && ((a->wcls[m] & (SW_W_SUBJ_PRON | SW_W_AUX)) || a->ment_of[m] >= 0)) break;
                /* ", but also recommending ...": the writer's "not only ... but also" */
                if (m < se && tok_role(a, m, SW_W_CORRELATIVE)) break;
            }
            if (is_word(a, k) && a->info[k] && (a->lx[k] & SW_LX_SPEECH) && a->info[k]->verb_form == SW_VF_ING) break;
            /* ", which he described as": a relative clause with its own cue */
            /* (", to which O'Malley interjected": after a preposition too) */
            uint32_t r = k + 1 < se && is_word(a, k) && (a->wcls[k] & SW_W_PREP) && is_word(a, k + 1) ? k + 1 : k;
            if (is_word(a, r) && (a->wcls[r] & SW_W_RELATIVE)) {
                for (uint32_t m = r + 1; m < se && m - r < RELATIVE_CUE_WINDOW; m++)
                    if (sw_attr_is_cue_verb(a, m)) return j;
            }
            /* ", he said" / ", she added": the clause ends before a trailing cue */
            if (is_word(a, k) && (a->wcls[k] & SW_W_SUBJ_PRON) && k + 1 < se && sw_attr_is_cue_verb(a, k + 1)) break;
            /* ", and about half said C2", ", while others say C2": another subject and its own cue */
            if (other_speaker_after_comma(a, k, se)) break;
            /* ", journalist Ana Ortiz said.": a cue of its own ends the sentence */
            if (trailing_cue_after_comma(a, k, se)) break;
            /* "Barkley, who said he votes, said C2": the main verb after a relative clause (not a
             * participle with its agent, "..., reported by X as", nor the verb of a subject that an
             * apposition ends, "the prosecutor, Ali Mehr, said") */
            if (is_word(a, k) && sw_attr_is_cue_verb(a, k) &&
                (a->info[k]->verb_form == SW_VF_PAST || a->info[k]->verb_form == SW_VF_3SG) &&
                !(k + 1 < se && tok_role(a, k + 1, SW_W_AGENT)) && sw_attr_clause_is_finite(a, i, j))
                break;
        }
        /* "... and claimed ...": a second cue coordinated with the first (not "shootings and
         * protests demands": a noun that a finite verb follows is a subject) */
        /* ("... but has said C2": a contrasting conjunction, and an auxiliary before the cue) */
        if (is_word(a, j) && (tok_role(a, j, SW_W_ADDITIVE) || tok_role(a, j, SW_W_CONTINUING_CONJ)) && j + 1 < se) {
            uint32_t k = j + 1;
            while (k < se && k - j < COORDINATED_CUE_WINDOW && is_word(a, k) && (a->wcls[k] & (SW_W_ADVERB | SW_W_AUX)))
                k++;
            if (k < se && sw_attr_is_cue_verb(a, k) &&
                !(k + 1 < se && is_word(a, k + 1) &&
                  ((a->lx[k + 1] & (SW_LX_VERB_3SG | SW_LX_VERB_PAST)) || (a->wcls[k + 1] & SW_W_AUX) ||
                   (a->info[k + 1] && (a->info[k + 1]->verb_form == SW_VF_3SG || a->info[k + 1]->verb_form == SW_VF_PAST)))))
                break;
        }
        j++;
    }
    while (j > i && final_punct(a, j - 1)) j--;
    return j;
}

/* The longest word taken for the base of a verb: no verb is longer, and the forms built from it
 * must fit VERB_FORM_BUF. */
#define VERB_BASE_MAX_LEN 37
#define VERB_FORM_BUF 40
/* An unknown word shorter than this is not guessed to be a verb from its shape. */
#define UNKNOWN_VERB_MIN_LEN 4
/* A base shorter than this is not respelled ("by" is no "bied"). */
#define RESPELL_MIN_LEN 3

/* Is the word at i the base form of a verb ("to evacuate", "to have")? The lexicon lists the
 * past and -s forms of common verbs, so the base is a verb when one of those forms built from it
 * (the pack's verb endings and respellings) is listed ("agreed to power-sharing" is not an
 * infinitive). */
static int looks_like_verb(const sw_attr *a, uint32_t i)
{
    if (a->wcls[i] & SW_W_AUX) return 1;
    if (a->info[i] && a->info[i]->verb_form == SW_VF_BASE) return 1;
    /* "to spread", "to cut": a past form without a past ending is its base too */
    uint32_t len = tok_len(a, i);
    if ((a->lx[i] & SW_LX_VERB_PAST) && !has_ending(a, SW_LIST_PAST_ENDINGS, tok_text(a, i), len)) return 1;
    const char *w = tok_text(a, i);
    /* "confessed to acting alone": a gerund */
    if (is_gerund(a, i)) return 1;
    char buf[VERB_FORM_BUF];
    if (len > VERB_BASE_MAX_LEN) return 0;
    const sw_pack_list *endings = sw_pack_list_of(a->pack, SW_LIST_VERB_ENDINGS);
    for (uint32_t k = 0; k < endings->n; k++) {
        size_t el = endings->items[k].len;
        if (len + el > sizeof buf) continue;
        memcpy(buf, w, len);
        memcpy(buf + len, endings->items[k].str, el);
        if (sw_pack_classes(a->pack, buf, len + el) & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) return 1;
    }
    /* a word the pack gives no class or role, lower case and not shaped like a noun ("reschedule") */
    if (!(a->lx[i] | a->wcls[i]) && len >= UNKNOWN_VERB_MIN_LEN && w[0] >= 'a' && w[0] <= 'z' && !memchr(w, '-', len) &&
        !has_ending(a, SW_LIST_NOUN_ENDINGS, w, len) && !has_ending(a, SW_LIST_PLURAL_ENDINGS, w, len))
        return 1;
    /* "try" -> "tried": a respelled past (FINAL>PAST) */
    const sw_pack_list *respell = sw_pack_list_of(a->pack, SW_LIST_VERB_RESPELLINGS);
    for (uint32_t k = 0; k < respell->n && len >= RESPELL_MIN_LEN; k++) {
        const char *item = respell->items[k].str, *gt = memchr(item, '>', respell->items[k].len);
        if (!gt) continue;
        size_t fl = (size_t)(gt - item), pl = respell->items[k].len - fl - 1;
        if (fl >= len || memcmp(w + len - fl, item, fl) != 0 || len - fl + pl > sizeof buf) continue;
        memcpy(buf, w, len - fl);
        memcpy(buf + len - fl, gt + 1, pl);
        if (sw_pack_classes(a->pack, buf, len - fl + pl) & SW_LX_VERB_PAST) return 1;
    }
    return 0;
}

/* The apostrophe of a pronoun contracted with its auxiliary ("they'd") comes at most this many
 * bytes into the word: the longest subject pronoun. */
#define CONTRACTED_PRONOUN_MAX_LEN 4
/* A word with a past ending shorter than this is rarely a past tense ("red", "bed", "shed"). */
#define REGULAR_PAST_MIN_LEN 5

/* Whether the word at i, ending in a plural ending, is the -s form of a verb: its stem with a verb
 * ending is a known past ("marks": "marked", "uses": "used"). */
static int s_form_of_verb(const sw_attr *a, uint32_t i)
{
    uint32_t len = tok_len(a, i);
    const char *w = tok_text(a, i);
    const sw_pack_list *plural = sw_pack_list_of(a->pack, SW_LIST_PLURAL_ENDINGS);
    const sw_pack_list *endings = sw_pack_list_of(a->pack, SW_LIST_VERB_ENDINGS);
    char buf[VERB_FORM_BUF];
    for (uint32_t p = 0; p < plural->n; p++) {
        size_t pl = plural->items[p].len;
        if (len <= pl || len - pl > VERB_BASE_MAX_LEN || memcmp(w + len - pl, plural->items[p].str, pl) != 0) continue;
        size_t sl = len - pl;
        for (uint32_t k = 0; k < endings->n; k++) {
            size_t el = endings->items[k].len;
            if (sl + el > sizeof buf) continue;
            memcpy(buf, w, sl);
            memcpy(buf + sl, endings->items[k].str, el);
            if (sw_pack_classes(a->pack, buf, sl + el) & SW_LX_VERB_PAST) return 1;
        }
    }
    return 0;
}

/* "Low rates keep the interest low", "The job marks his return": a lower-case word shaped like a
 * verb (a base, or an -s form), right before a determiner or an object pronoun, and not itself
 * after a determiner or a preposition (past adverbs), is a present-tense verb ("a job title to
 * his resume" is not: "to" is too often a preposition after a noun). The word at j is in the
 * clause [cs, ce) and not its first. */
static int verb_before_object(const sw_attr *a, uint32_t cs, uint32_t j, uint32_t ce)
{
    if (j + 1 >= ce || !is_word(a, j + 1) || !(a->wcls[j + 1] & (SW_W_DET | SW_W_OBJ_PRON)) ||
        (a->wcls[j + 1] & SW_W_THAT))
        return 0;
    const char *w = tok_text(a, j);
    if (!(w[0] >= 'a' && w[0] <= 'z') || (a->lx[j] & (SW_LX_FUNCTION | SW_LX_CALENDAR)) || a->ment_of[j] >= 0 ||
        (a->wcls[j] & (SW_W_PREP | SW_W_CONJ | SW_W_ADVERB | SW_W_TIME | SW_W_DET)) || is_gerund(a, j))
        return 0;
    uint32_t p = j - 1;
    while (p > cs && is_word(a, p) && (a->wcls[p] & SW_W_ADVERB) && !(a->wcls[p] & SW_W_AUX)) p--;
    if (!is_word(a, p) && !is_possessive(a, p) && a->t[p].kind != SW_TK_NUM) return 0;
    if (is_possessive(a, p) || (a->wcls[p] & (SW_W_DET | SW_W_PREP | SW_W_TO)) || is_gerund(a, p)) return 0;
    return looks_like_verb(a, j) || (looks_plural(a, j) && s_form_of_verb(a, j));
}

int sw_attr_clause_is_finite(const sw_attr *a, uint32_t cs, uint32_t ce)
{
    if (cs >= ce) return 0;
    if (a->t[cs].kind == SW_TK_QUOTE) return 1;
    if (is_word(a, cs) && ((a->wcls[cs] & SW_W_SUBJ_PRON) || tok_role(a, cs, SW_W_EXPLETIVE))) return 1;
    /* "they'd", "we're", "it's": a pronoun with its auxiliary in one word */
    if (is_word(a, cs)) {
        const char *w = tok_text(a, cs);
        uint32_t len = tok_len(a, cs);
        for (uint32_t k = 1; k + 1 < len && k <= CONTRACTED_PRONOUN_MAX_LEN; k++) {
            if (w[k] == '\'' || ((unsigned char)w[k] == 0xE2 && k + 2 < len)) {
                if (sw_pack_classes(a->pack, w, k) & SW_LX_PRONOUN) return 1;
                break;
            }
        }
    }
    for (uint32_t j = cs; j < ce && j - cs < FINITE_VERB_WINDOW; j++) {
        if (!is_word(a, j)) continue;
        /* the verb must come before a conjunction that starts another clause: "posting pictures
         * ..., and Qawi drew", "a state of emergency so he could", "the schedule and followed it"
         * (but "both production and export of oil had been" coordinates two nouns) */
        if ((a->wcls[j] & SW_W_CONJ) && j > cs) {
            if (tok_punct(a, j - 1, ',')) return 0;
            if (j + 1 < ce && is_word(a, j + 1) &&
                ((a->wcls[j + 1] & (SW_W_SUBJ_PRON | SW_W_AUX)) || (a->lx[j + 1] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG))))
                return 0;
            continue;
        }
        /* "found the sequences to be diverse": an infinitive is not a finite verb */
        if (j > cs && (a->wcls[j - 1] & SW_W_TO)) continue;
        if (a->wcls[j] & SW_W_AUX) return 1;
        uint32_t len = tok_len(a, j);
        const char *w = tok_text(a, j);
        /* "didn't", "isn't", "won't": an auxiliary with its negation */
        if ((!a->info[j] || (a->lx[j] & SW_LX_FUNCTION)) && has_ending(a, SW_LIST_NEGATION_ENDINGS, w, len)) return 1;
        /* an -s form right after a number is a plural noun: "recalled 40,000 drills" */
        if ((a->lx[j] & SW_LX_VERB_3SG) && !(a->lx[j] & SW_LX_VERB_PAST) && j > cs && a->t[j - 1].kind == SW_TK_NUM)
            continue;
        /* after a determiner a word is a noun, unless the determiner is the clause's subject on its
         * own: "This makes it hard", "Those say" */
        int after_det = j > cs && (a->wcls[j - 1] & SW_W_DET) && !(j - 1 == cs && tok_role(a, cs, SW_W_DEMONSTRATIVE));
        if ((a->lx[j] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) && j > cs && !after_det) return 1;
        if (a->info[j] && (a->lx[j] & (SW_LX_SPEECH | SW_LX_COGNITION)) &&
            (a->info[j]->verb_form == SW_VF_PAST || a->info[j]->verb_form == SW_VF_3SG) && j > cs)
            return 1;
        /* a regular past tense after something that is not a determiner: "the plant closed" */
        if (j > cs && len >= REGULAR_PAST_MIN_LEN && w[0] >= 'a' && w[0] <= 'z' && !after_det &&
            !(a->wcls[j - 1] & SW_W_PREP) && has_ending(a, SW_LIST_PAST_ENDINGS, w, len))
            return 1;
        if (j > cs && !after_det && verb_before_object(a, cs, j, ce)) return 1;
    }
    return 0;
}

/* Hearer after a verb like "told": a pronoun, a named mention or a short description. Returns
 * the token after it (or i when there is none). */
static uint32_t skip_addressee(sw_attr *a, uint32_t i, uint32_t se, sw_np *addr)
{
    if (i >= se || !is_word(a, i)) return i;
    if (a->wcls[i] & SW_W_OBJ_PRON && !(a->wcls[i] & SW_W_DET && i + 1 < se && is_word(a, i + 1) &&
                                        !(a->wcls[i + 1] & (SW_W_THAT | SW_W_TO | SW_W_PREP)))) {
        addr->kind = SW_NP_PRONOUN;
        addr->tok_start = i;
        addr->tok_end = i + 1;
        return i + 1;
    }
    uint32_t j = i;
    if (a->wcls[j] & SW_W_DET) j++;
    uint32_t start = j;
    /* words of a name or a description, up to that/to/of/as/a preposition/punctuation */
    int32_t ment = -1;
    while (j < se && j - start < HEARER_MAX_WORDS && is_word(a, j) &&
           !(a->wcls[j] & (SW_W_THAT | SW_W_TO | SW_W_PREP | SW_W_CONJ | SW_W_SUBJ_PRON | SW_W_RELATIVE)) &&
           !(j > start && (a->wcls[j] & SW_W_ADVERB)) && /* "urged states not to" */
           !(j > start && (a->wcls[j] & SW_W_DET)) &&     /* "tells residents the money is there" */
           !(a->lx[j] & SW_LX_CALENDAR) && (j == start || !sw_attr_is_cue_verb(a, j))) {
        if (a->ment_of[j] >= 0) ment = a->ment_of[j];
        /* a lower-case word after a name starts the clause: "told Wikinews only 10% ..." */
        if (j > start && a->ment_of[j - 1] >= 0 && a->ment_of[j] < 0 && !(a->t[j].flags & SW_TF_CAP)) break;
        j++;
    }
    if (j == start) return i;
    addr->tok_start = i;
    addr->tok_end = j;
    addr->ment = ment;
    addr->kind = ment >= 0 ? SW_NP_NAME : SW_NP_DESC;
    return j;
}

/* Time and manner adverbials between a verb and its clause: "on Sunday", "Sunday", "publicly",
 * "in a statement", "on Twitter", "after the verdict". Returns the token after them. */
static uint32_t skip_adverbials(const sw_attr *a, uint32_t i, uint32_t se)
{
    for (int rounds = 0; rounds < ADVERBIALS_MAX && i < se; rounds++) {
        /* "said, however, that C", "added, though, that C": one word set off by commas */
        if (tok_punct(a, i, ',') && i + 3 < se && is_word(a, i + 1) &&
            ((a->lx[i + 1] & SW_LX_FUNCTION) || (a->wcls[i + 1] & (SW_W_ADVERB | SW_W_CONJ))) && tok_punct(a, i + 2, ',') &&
            is_word(a, i + 3) && tok_role(a, i + 3, SW_W_THAT)) {
            i += 3;
            continue;
        }
        /* ", in likelihood," : an adverbial set off by commas */
        if (tok_punct(a, i, ',') && i + 1 < se && is_word(a, i + 1) && (a->wcls[i + 1] & (SW_W_PREP | SW_W_ADVERB))) {
            uint32_t j = i + 1;
            while (j < se && j - i < ADVERBIAL_MAX_TOKENS && is_word(a, j)) j++;
            if (j < se && tok_punct(a, j, ',')) {
                i = j + 1;
                continue;
            }
        }
        if (is_word(a, i) && ((a->lx[i] & SW_LX_CALENDAR) || (a->wcls[i] & (SW_W_TIME | SW_W_ADVERB)) ||
                              tok_role(a, i, SW_W_PARTICLE)) && !(a->wcls[i] & SW_W_AUX)) {
            i++;
            continue;
        }
        /* not the verb's own complement: "of", "as", "for" */
        if (is_word(a, i) && (a->wcls[i] & SW_W_PREP) && !(a->wcls[i] & SW_W_TO) &&
            !tok_role(a, i, SW_W_GENITIVE | SW_W_AS_FRAME | SW_W_FOR_FRAME)) {
            /* a short prepositional phrase, closed by "that", a comma, or a time word after which
             * a clause begins ("at a press conference yesterday morning the ...") */
            uint32_t j = i + 1, time_end = 0;
            while (j < se && j - i < ADVERBIAL_MAX_TOKENS && (is_word(a, j) || a->t[j].kind == SW_TK_NUM) &&
                   !(a->wcls[j] & SW_W_THAT)) {
                if ((a->lx[j] & SW_LX_CALENDAR) || (a->wcls[j] & SW_W_TIME) || a->t[j].kind == SW_TK_NUM) time_end = j + 1;
                j++;
            }
            if (j < se && ((a->wcls[j] & SW_W_THAT) || tok_punct(a, j, ','))) {
                i = j;
                if (tok_punct(a, i, ',')) i++;
                continue;
            }
            if (time_end) {
                /* "on Wednesday", "in 2017", "at a briefing on Monday" */
                while (time_end < se && is_word(a, time_end) && (a->wcls[time_end] & SW_W_TIME)) time_end++;
                i = time_end;
                continue;
            }
        }
        break;
    }
    return i;
}

/* The most words between the object of "called X Y" and a time word that shows the verb's other
 * sense ("called him the next day"). */
#define NAMING_TIME_WINDOW 3

/* "called him a liar", "calls himself a socialist", "called Ortiz competent": the object of a
 * naming verb at o (a pronoun, a reflexive or a name) ends right before token p, and p opens the
 * name given to it (an article or a lower-case word that is no preposition, particle or verb form;
 * no time word in the next few words: "called him the next day" is a phone call). */
static int naming_object(const sw_attr *a, uint32_t o, uint32_t p, uint32_t se)
{
    if (o >= p || p >= se || !is_word(a, o) || !is_word(a, p)) return 0;
    if (tok_role(a, o, SW_W_REFLEXIVE)) {
        if (p != o + 1) return 0;
    } else if (tok_role(a, o, SW_W_OBJ_PRON)) {
        if (p != o + 1) return 0;
    } else if (a->ment_of[o] >= 0 && is_person_ment(a, a->ment_of[o])) {
        for (uint32_t k = o; k < p; k++)
            if (a->ment_of[k] != a->ment_of[o]) return 0;
    } else {
        return 0;
    }
    if (tok_role(a, p, SW_W_INDEF_ARTICLE | SW_W_DEF_ARTICLE)) {
        /* fine */
    } else if ((a->t[p].flags & SW_TF_CAP) || (a->lx[p] & (SW_LX_FUNCTION | SW_LX_VERB_PAST | SW_LX_VERB_3SG)) ||
               (a->wcls[p] & (SW_W_PREP | SW_W_CONJ | SW_W_THAT | SW_W_TO | SW_W_AUX | SW_W_ADVERB | SW_W_TIME)) ||
               tok_role(a, p, SW_W_PARTICLE) || is_gerund(a, p) || a->ment_of[p] >= 0) {
        return 0;
    }
    for (uint32_t k = p; k < se && k - p < NAMING_TIME_WINDOW; k++)
        if (is_word(a, k) && ((a->wcls[k] & SW_W_TIME) || (a->lx[k] & SW_LX_CALENDAR))) return 0;
    return 1;
}

/* A clause without "that" right after its verb that opens with a determiner has its own verb
 * before a comma that a subject pronoun follows ("find the tunnels, they dump concrete" is an
 * object, then another clause): the end of the part where that verb is looked for. */
static uint32_t bare_clause_verb_bound(const sw_attr *a, uint32_t cs, uint32_t ce)
{
    /* (a clause that opens with an adverbial has its subject after the comma: "said, as
     * president, he would ...") */
    if (!is_word(a, cs) || !(a->wcls[cs] & SW_W_DET)) return ce;
    for (uint32_t j = cs + 1; j < ce && j - cs < FINITE_VERB_WINDOW; j++) {
        if (a->t[j].kind == SW_TK_QUOTE && a->qspan_open[j] >= 0) {
            uint32_t after = skip_quotation(a, j);
            if (after > j + 1) j = after - 1;
            continue;
        }
        if (tok_punct(a, j, ',') && j + 1 < ce && is_word(a, j + 1) && (a->wcls[j + 1] & SW_W_SUBJ_PRON)) return j;
    }
    return ce;
}

/* "to really call out", "to quickly leave": at most this many adverbs split an infinitive. */
#define SPLIT_INFINITIVE_ADVERBS 2

/* ", Kim Jong Un," inside a verb's object ("accused the North's leader, Kim Jong Un, of C"): a
 * comma, a name and a comma at j. Returns the token after the second comma, or j when there is none. */
static uint32_t name_apposition_end(const sw_attr *a, uint32_t j, uint32_t se)
{
    if (!tok_punct(a, j, ',') || j + 2 >= se || a->ment_of[j + 1] < 0) return j;
    uint32_t k = j + 1;
    while (k < se && a->ment_of[k] == a->ment_of[j + 1]) k++;
    return k < se && tok_punct(a, k, ',') ? k + 1 : j;
}

int sw_attr_clause_after(sw_attr *a, uint32_t v, uint32_t ve, uint32_t se, uint32_t *cs, uint32_t *ce, sw_np *addr)
{
    const sw_lex_info *info = a->info[v];
    uint8_t frames = info ? info->frames : 0;
    uint32_t i = ve;
    addr->kind = SW_NP_NONE;
    addr->ment = addr->ent = -1;
    if (i >= se) return 0;
    /* "pointed out": the particle belongs to the verb ("commented on" keeps its "on", and "called on
     * X to" is an appeal) */
    if (tok_role(a, i, SW_W_PARTICLE)) i++;
    /* "warned for years that C": a "for" phrase closed by "that" is an adverbial */
    if (tok_role(a, i, SW_W_FOR_FRAME)) {
        uint32_t t = i + 1;
        while (t < se && t - i < FOR_ADVERBIAL_WINDOW && is_word(a, t) && !(a->wcls[t] & SW_W_THAT)) t++;
        if (t < se && t > i + 1 && is_word(a, t) && (a->wcls[t] & SW_W_THAT)) i = t;
    }
    /* "calls himself a socialist": a reflexive object (which the adverbials would step over) and
     * its name, when no quotation gives the name */
    if ((frames & SW_VX_NAMING) && i == ve && tok_role(a, i, SW_W_REFLEXIVE) && naming_object(a, i, i + 1, se)) {
        uint32_t k = i + 1;
        while (k < se && k - i < FRAME_OBJECT_MAX_TOKENS && a->t[k].kind != SW_TK_QUOTE) k++;
        if (k >= se || a->t[k].kind != SW_TK_QUOTE) {
            *cs = i;
            *ce = sw_attr_clause_end(a, i, se);
            return *ce > i + 1;
        }
    }
    if (frames & SW_VX_FOR && tok_role(a, i, SW_W_FOR_FRAME)) {
        *cs = i + 1;
        *ce = sw_attr_clause_end(a, *cs, se);
        return *ce > *cs + 1;
    }
    /* "called on X to C": a preposition that makes a cue phrase with the verb ("called on") */
    if (i + 1 < se && i == ve && is_word(a, i) && (a->wcls[i] & SW_W_PREP) && !(a->wcls[i] & SW_W_TO) &&
        (frames & SW_VX_TO) && sw_attr_cue_phrase(a, v, i + 1, SW_CUE_VERB_PHRASE) == i + 1 - v)
        i++;
    /* "said — as reported by the Daily Star — “...”", "said, according to the agency, that":
     * the outlet's phrase set off by dashes or commas stands between the verb and its clause
     * (the "according to" pass names the outlet as the statement's via) */
    if (i + 2 < se && (sw_attr_clause_break(a, i) || tok_punct(a, i, ',')) && sw_attr_according_at(a, i + 1)) {
        uint32_t j = i + 1 + sw_attr_according_at(a, i + 1);
        while (j < se && j - i < OUTLET_ASIDE_MAX_TOKENS && is_word(a, j)) j++;
        if (j + 1 < se && (sw_attr_clause_break(a, j) || tok_punct(a, j, ','))) i = j + 1;
    }
    i = skip_adverbials(a, i, se);
    uint32_t before_object = i;
    if (i < se && (frames & (SW_VX_TELL | SW_VX_OF | SW_VX_TO | SW_VX_AS)) && !(a->wcls[i] & SW_W_THAT)) {
        i = skip_addressee(a, i, se, addr);
        /* the object of "accused X of", "described X as" is not a hearer */
        if (!(frames & SW_VX_TELL)) addr->kind = SW_NP_NONE;
    }
    i = skip_adverbials(a, i, se);
    if (i >= se) return 0;
    /* "explained to the press, “...”", "said to reporters that ...": "to" and a hearer */
    if (is_word(a, i) && (a->wcls[i] & SW_W_TO) && i + 1 < se && is_word(a, i + 1) &&
        ((a->wcls[i + 1] & (SW_W_DET | SW_W_OBJ_PRON)) || a->ment_of[i + 1] >= 0 || (a->lx[i + 1] & SW_LX_ROLE) ||
         /* "to reporters", "to residents": a plural noun */
         (looks_plural(a, i + 1) && !(a->t[i + 1].flags & SW_TF_CAP) && !(a->lx[i + 1] & SW_LX_FUNCTION)))) {
        sw_np hearer;
        hearer.kind = SW_NP_NONE;
        hearer.ment = hearer.ent = -1;
        uint32_t j = skip_addressee(a, i + 1, se, &hearer);
        /* "announcing to journalists Adamowicz remained alive": a clause right after the hearer */
        int clause_next = j > i + 1 && j < se && is_word(a, j) && !(a->wcls[j] & (SW_W_PREP | SW_W_CONJ)) &&
                          sw_attr_clause_is_finite(a, j, sw_attr_clause_end(a, j, se));
        if (j > i + 1 && j < se && (tok_punct(a, j, ',') || tok_punct(a, j, ':') || (a->wcls[j] & SW_W_THAT) ||
                                    a->t[j].kind == SW_TK_QUOTE || clause_next)) {
            *addr = hearer;
            i = skip_adverbials(a, j, se);
            if (i >= se) return 0;
        }
    }
    /* "talked about how the series was underestimated": a question word opens the clause */
    if (i + 1 < se && tok_role(a, i, SW_W_TOPIC_PREP) && is_word(a, i + 1) && tok_role(a, i + 1, SW_W_QUESTION_WORD))
        i++;
    /* "asked Sanders how he's feeling": an indirect question after the hearer */
    int question = i < se && is_word(a, i) && tok_role(a, i, SW_W_QUESTION_WORD) && i + 1 < se && is_word(a, i + 1);
    /* "He added, that C": a comma before the complementiser */
    if (i + 1 < se && i == ve && tok_punct(a, i, ',') && is_word(a, i + 1) && tok_role(a, i + 1, SW_W_THAT) &&
        !(a->wcls[i + 1] & SW_W_DET))
        i++;
    /* an explicit complementiser (and the comma of "that, as president, he ...") */
    int needs_finite = 1, complementiser = 0;
    if (is_word(a, i) && (a->wcls[i] & SW_W_THAT)) {
        i++;
        needs_finite = 0;
        complementiser = 1;
        if (i < se && tok_punct(a, i, ',')) i++;
    } else if (is_word(a, i) && (frames & (SW_VX_TO | SW_VX_THAT)) &&
               ((a->wcls[i] & SW_W_TO) ||
                (tok_role(a, i, SW_W_NEGATOR) && i + 1 < se && tok_role(a, i + 1, SW_W_TO)))) {
        /* "claimed to have", "urged residents to evacuate", "urged states not to": the
         * infinitive, with its "to" */
        uint32_t to = tok_role(a, i, SW_W_NEGATOR) ? i + 1 : i;
        /* after an object only a verb of asking reports an infinitive ("urged residents to
         * leave", not "found the law to be unconstitutional") */
        if (i != before_object && !(frames & SW_VX_TO)) return 0;
        /* "promised to “be a vocal champion”": the verb inside a quotation */
        uint32_t vb = to + 1 < se && a->t[to + 1].kind == SW_TK_QUOTE && a->qspan_open[to + 1] >= 0 ? to + 1 : to;
        if (vb != to) to = vb;
        /* "to really call out": an adverb may split the infinitive */
        uint32_t w = to + 1;
        while (w < se && w - to <= SPLIT_INFINITIVE_ADVERBS && is_word(a, w) && (a->wcls[w] & SW_W_ADVERB) &&
               !(a->wcls[w] & SW_W_AUX) && !looks_like_verb(a, w))
            w++;
        if (!(frames & (SW_VX_TO | SW_VX_THAT)) || w >= se || !is_word(a, w) ||
            (a->wcls[w] & (SW_W_DET | SW_W_OBJ_PRON | SW_W_SUBJ_PRON)) || a->ment_of[w] >= 0 ||
            (a->t[w].flags & SW_TF_CAP) || ((a->lx[w] & SW_LX_FUNCTION) && !(a->wcls[w] & SW_W_AUX)) ||
            !looks_like_verb(a, w))
            return 0;
        needs_finite = 0;
    } else if (frames & SW_VX_OF) {
        /* "accused X of C", "spoke of C"; not the "of" of "spoke to one of the candidates" */
        uint32_t j = i;
        while (j < se && j - i < FRAME_OBJECT_MAX_TOKENS && !tok_role(a, j, SW_W_GENITIVE) &&
               !(is_word(a, j) && (a->wcls[j] & SW_W_PREP))) {
            if (a->t[j].kind == SW_TK_PUNCT) {
                uint32_t after = name_apposition_end(a, j, se);
                if (after == j) break;
                j = after;
                continue;
            }
            j++;
        }
        if (j < se && tok_role(a, j, SW_W_GENITIVE)) {
            i = j + 1;
            needs_finite = 0;
        }
    } else if ((frames & SW_VX_AS) && is_gerund(a, i)) {
        /* "described witnessing the attack": a gerund is what was described */
        needs_finite = 0;
    } else if (frames & SW_VX_AS) {
        uint32_t j = i;
        if (tok_role(a, j, SW_W_TO)) j++; /* "referred to as" */
        while (j < se && j - i < FRAME_OBJECT_MAX_TOKENS && !tok_role(a, j, SW_W_AS_FRAME) &&
               a->t[j].kind != SW_TK_PUNCT && a->t[j].kind != SW_TK_QUOTE)
            j++;
        uint32_t object = tok_role(a, ve, SW_W_REFLEXIVE) ? ve : before_object;
        if (j < se && tok_role(a, j, SW_W_AS_FRAME)) i = j + 1;
        else if (j < se && a->t[j].kind == SW_TK_QUOTE && a->qspan_open[j] >= 0) i = j;
        /* "called him a liar", "calls himself a socialist": the object and its name */
        else if ((frames & SW_VX_NAMING) && naming_object(a, object, i, se)) {
            *cs = object;
            *ce = sw_attr_clause_end(a, object, se);
            return *ce > i;
        } else
            return 0;
        /* "a process called “exfiltration”": a naming verb right before its quotation names
         * something; it reports a statement only with an object ("called him a “liar”") */
        /* ("which the Times called “...”" has its subject right before the verb: a statement) */
        int has_subject = v > 0 && (a->ment_of[v - 1] >= 0 || (a->wcls[v - 1] & (SW_W_SUBJ_PRON | SW_W_AUX)));
        if (j == i && i == before_object && (a->wcls[v] & SW_W_NAMING_VERB) && !has_subject) return 0;
        /* "described it as a “dastardly act”": the quotation is the statement */
        for (uint32_t k = i; k < se && k - i < AS_QUOTE_WINDOW; k++) {
            if (a->t[k].kind == SW_TK_QUOTE && a->qspan_open[k] >= 0) { i = k; break; }
            if (!is_word(a, k) || !(a->wcls[k] & SW_W_DET)) break;
        }
        needs_finite = 0;
    }
    if (i >= se) return 0;
    /* "said, “...”" and "said: “...”" */
    if ((tok_punct(a, i, ',') || tok_punct(a, i, ':')) && i + 1 < se && a->t[i + 1].kind == SW_TK_QUOTE &&
        a->qspan_open[i + 1] >= 0)
        i++;
    /* "said Tuesday in Paris, noting C": a participle after an adverbial's comma is a cue of its
     * own that shares the subject */
    if (i > ve && tok_punct(a, i - 1, ',') && is_word(a, i) && a->info[i] && (a->lx[i] & SW_LX_SPEECH) &&
        a->info[i]->verb_form == SW_VF_ING)
        return 0;
    /* A clause does not begin with punctuation; one that begins with a preposition must be
     * finite ("said as a teenager she was ...", not "said in a statement."). */
    if (a->t[i].kind == SW_TK_PUNCT) return 0;
    /* (after "that" a clause may open with its own conjunction: "argued that although he
     * confessed, he showed no remorse") */
    if (is_word(a, i) && (a->wcls[i] & SW_W_CONJ) && !complementiser) return 0;
    if (is_word(a, i) && (a->wcls[i] & SW_W_TO) && needs_finite) return 0;
    int prep_start = is_word(a, i) && (a->wcls[i] & SW_W_PREP) && !(a->wcls[i] & SW_W_TO);
    if (prep_start) needs_finite = 1;
    *cs = i;
    *ce = sw_attr_clause_end(a, i, se);
    /* (one word is a clause only as a quotation or a gerund: "accused Clinton of ducking") */
    if (*ce <= *cs + 1 && !(a->t[i].kind == SW_TK_QUOTE) && !(is_gerund(a, i) && !needs_finite)) return 0;
    /* "denied killing him", "described witnessing the attack", "pledged converting it": a gerund
     * reports an act as a statement does */
    if (needs_finite && is_gerund(a, *cs) && !(a->lx[*cs] & SW_LX_SPEECH)) needs_finite = 0;
    /* "say" and "tell" take a clause almost always, even one whose verb we cannot tell from a
     * noun ("said the stores fill the shelves every night"): the frame any_clause */
    if (needs_finite && info && (info->frames & SW_VX_ANY_CLAUSE) &&
        *ce >= *cs + ANY_CLAUSE_MIN_TOKENS && is_word(a, *cs) && ((a->wcls[*cs] & SW_W_DET) || a->ment_of[*cs] >= 0) &&
        !(a->wcls[*cs] & SW_W_THAT))
        needs_finite = 0;
    if (needs_finite && question && *ce > *cs + 2) needs_finite = 0;
    if (needs_finite && !sw_attr_clause_is_finite(a, *cs, bare_clause_verb_bound(a, *cs, *ce))) return 0;
    /* "found himself in a bind": a reflexive object, no clause */
    if (needs_finite && ve < se && tok_role(a, ve, SW_W_REFLEXIVE)) return 0;
    /* "reported on a distress call from someone who may have been ...": a clause that begins with
     * a preposition needs its verb before any relative clause */
    if (prep_start) {
        uint32_t r = *cs;
        while (r < *ce && !(is_word(a, r) && (a->wcls[r] & SW_W_RELATIVE))) r++;
        if (r < *ce && !sw_attr_clause_is_finite(a, *cs, r)) return 0;
    }
    /* "weighed in with any explanation, Donald Trump said that C": after an adverbial closed by
     * a comma, a sentence whose subject has a speech verb of its own is that verb's report ("reported
     * that, in a call, he urged" is a clause after "that") */
    if (!complementiser && *cs > ve && tok_punct(a, *cs - 1, ',')) {
        for (uint32_t k = *cs; k < *ce && k - *cs <= NP_AFTER_MAX_TOKENS; k++) {
            if (!is_word(a, k)) break;
            if (k > *cs && sw_attr_is_cue_verb(a, k) && a->info[k] &&
                (a->info[k]->verb_form == SW_VF_PAST || a->info[k]->verb_form == SW_VF_3SG))
                return 0;
        }
    }
    /* "described X as “Q”" / "called X a “Q1” and “Q2”": the quotations are the statement, not
     * the rest of the sentence ("... on Monday") */
    if ((frames & SW_VX_AS) && a->t[*cs].kind == SW_TK_QUOTE && a->qspan_open[*cs] >= 0) {
        uint32_t k = skip_quotation(a, *cs);
        while (k + 1 < *ce && (tok_role(a, k, SW_W_COORD) || tok_punct(a, k, ',')) &&
               a->t[k + 1].kind == SW_TK_QUOTE && a->qspan_open[k + 1] >= 0)
            k = skip_quotation(a, k + 1);
        if (k < *ce) *ce = k;
    }
    return *ce > *cs;
}
