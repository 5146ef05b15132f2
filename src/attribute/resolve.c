/*
 * resolve.c -- what a speaker's noun phrase refers to: pronouns (gender, number, recency, the
 * previous speaker, a pair of people just named), descriptions ("the Belarusian leader", "the
 * company"), and names (their entity). speaker.c finds the phrase; this file resolves it.
 */
#include <string.h>
#include "attr.h"
#include "entities/entities.h"

/* How far back the speaker's referent is looked for. */
/* How many mentions back a pronoun may look: news pronouns point a few sentences back. */
/* the_leading_person(): the person an unresolved title description means must have been named
 * this many times at least (and more than anyone else) */
#define LEADING_PERSON_MIN_MENTIONS 2
/* recent_subject(): an office description ("the Indiana governor") may mean the subject of a
 * clause in its own sentence or in the 2 sentences before it */
#define DESCRIPTION_SUBJECT_SENTENCES 2
/* ... after the subject of its own or the previous sentence, and after a person who dominates the
 * article: named as a subject 3 times at least and twice as often as anyone else */
#define DOMINANT_MIN_MENTIONS 3
/* document_antecedent(): "the statement" means the document named in its sentence or the 2
 * before it; document_noun_owner(): the owner's name stands at most 3 words before the noun ("a
 * new Bloomberg poll") */
#define DOC_ANTECEDENT_SENTENCES 2
#define DOC_OWNER_MODIFIERS 3
#define DOMINANT_RATIO 2
/* ... not counting quoted sentences, among the 12 sentences before it at most */
#define DESCRIPTION_SUBJECT_SCAN 12
/* "Sanders still senses": adverbs between a subject and its verb, at most 2 */
#define SUBJECT_ADVERBS_MAX 2
#define PRONOUN_WINDOW 40
/* ... and how many bytes back: 1500, about a dozen sentences (news sentences average some 120 bytes). */
#define PRONOUN_WINDOW_BYTES 1500
/* "... told the court “...” She also said": a pronoun continues an unnamed speaker within 400 bytes (3 sentences). */
#define GROUP_PRONOUN_WINDOW_BYTES 400
/* sw_attr_latest_stmt() looks at the newest 64 statements: they come roughly in text order; constant-time. */
#define LATEST_STMT_LOOKBACK 64
/* is_question(): the question mark of a quotation is among its last 8 bytes (closing marks of up
 * to 3 bytes each, and a space) */
#define QUESTION_TAIL_BYTES 8
/* answers_question(): an answer follows its question within 80 tokens (a quotation of a few
 * sentences and its cue) */
#define ANSWER_WINDOW_TOKENS 80
/* "Lund and the company's chief executive, Henrik Aas,": the second person under 10 tokens after "and". */
#define PAIR_SECOND_WINDOW 10
/* "Both officers said": the two people named together at most this many sentences before. */
#define PAIR_DESCRIPTION_SENTENCES 12
/* "the company", "the Norwegian carmaker": the article, at most one word, and the noun. */
#define THE_COMPANY_MAX_TOKENS 3
/* "the company" means a firm named within 800 bytes before it: the last six sentences or so. */
#define THE_COMPANY_WINDOW_BYTES 800

static int gender_ok(uint8_t g, uint8_t want)
{
    return want == SW_GENDER_UNKNOWN || g == SW_GENDER_UNKNOWN || g == want;
}

/* Index of the last mention that ends at or before byte `off` (-1 when none). */
static int32_t last_mention_before(const sw_doc *doc, uint32_t off)
{
    int32_t lo = 0, hi = (int32_t)doc->n_ments - 1, found = -1;
    while (lo <= hi) {
        int32_t mid = (lo + hi) / 2;
        if (doc->ments[mid].end <= off) { found = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return found;
}


/* Person (or organisation, for "it"/"they") most likely meant by a pronoun at token `at`: the
 * previous statement's speaker when nobody else who fits was named since, else the most recent
 * compatible mention (known gender first). */
const sw_stmt *sw_attr_latest_stmt(const sw_attr *a, uint32_t at_off)
{
    const sw_doc *doc = a->doc;
    /* statements arrive roughly in text order, so a short look back over the newest ones finds
     * it; in pass 2 the sorted pass-1 statements may hold a later one */
    const sw_stmt *latest = NULL;
    for (uint32_t k = doc->n_stmts, seen = 0; k-- > 0 && seen < LATEST_STMT_LOOKBACK; seen++) {
        const sw_stmt *s = &doc->stmts[k];
        if ((int32_t)k == a->cur_stmt || s->start >= at_off || !s->is_statement) continue;
        if (!latest || s->start > latest->start) latest = s;
    }
    if (a->sorted_stmts) {
        uint32_t lo = 0, hi = a->sorted_stmts;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (doc->stmts[mid].start < at_off) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0 && (!latest || doc->stmts[lo - 1].start > latest->start)) latest = &doc->stmts[lo - 1];
    }
    return latest;
}

/* Whether statement s is a question: a direct quotation whose words end with a question mark
 * (before the closing quotation marks). */
static int is_question(const sw_doc *doc, const sw_stmt *s)
{
    if (s->kind != SW_KIND_DIRECT) return 0; /* a reported clause may end in a question it quotes */
    uint32_t e = s->end;
    for (uint32_t k = 0; e > s->start && k < QUESTION_TAIL_BYTES; k++, e--) {
        unsigned char c = (unsigned char)doc->text[e - 1];
        if (c == '?') return 1;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 0;
        if (c >= '0' && c <= '9') return 0;
    }
    return 0;
}

/* Whether mention m names the speaker of one of the latest statements ("said study co-author
 * Karen Alley"). */
static int speaker_mention(const sw_attr *a, int32_t m)
{
    const sw_doc *doc = a->doc;
    uint32_t off = doc->ments[m].start;
    for (uint32_t k = doc->n_stmts, seen = 0; k-- > 0 && seen < LATEST_STMT_LOOKBACK; seen++)
        if (doc->stmts[k].spk_start == off && doc->stmts[k].is_statement) return 1;
    return 0;
}

/* "“Would you run again?” the host asked. “Not this time,” he said": whether the person named by
 * mention m (its first byte) asked a question among the latest statements: a question's asker is
 * not who answers it. */
static int asked_question(const sw_attr *a, int32_t m)
{
    const sw_doc *doc = a->doc;
    uint32_t off = doc->ments[m].start;
    for (uint32_t k = doc->n_stmts, seen = 0; k-- > 0 && seen < LATEST_STMT_LOOKBACK; seen++) {
        const sw_stmt *s = &doc->stmts[k];
        if (s->spk_start == off && s->is_statement) return is_question(doc, s);
    }
    return 0;
}

/* The name an entity goes by in the output: its normalised name, or its fullest span. */
static void entity_name(const sw_doc *doc, int32_t e, const char **name, size_t *len)
{
    const sw_ient *en = &doc->ents[e];
    if (en->name) {
        *name = en->name;
        *len = strlen(en->name);
    } else {
        *name = doc->text + en->name_start;
        *len = en->name_end - en->name_start;
    }
}

/* "Ana Silva and Tom Reed": the two entities' names joined by the pack's pair joiner, in the arena
 * (NULL when out of memory). */
static const char *pair_name(sw_attr *a, int32_t e1, int32_t e2)
{
    const char *n1, *n2;
    size_t l1, l2;
    entity_name(a->doc, e1, &n1, &l1);
    entity_name(a->doc, e2, &n2, &l2);
    const sw_pack_list *joiner = sw_pack_list_of(a->pack, SW_LIST_PAIR_JOINER);
    const char *sep = joiner->n ? joiner->items[0].str : "";
    size_t sl = joiner->n ? joiner->items[0].len : 0;
    char *out = sw_arena_alloc(&a->doc->arena, l1 + sl + l2 + 1);
    if (!out) return NULL;
    memcpy(out, n1, l1);
    memcpy(out + l1, sep, sl);
    memcpy(out + l1 + sl, n2, l2);
    out[l1 + sl + l2] = '\0';
    return out;
}

/* "Both Lund and the company's chief executive, Henrik Aas, declined ... They said C": "they" (the
 * group pronoun) after a sentence whose subject is two people joined by "and" means the pair.
 * Returns "A and B"
 * (in the arena), or NULL. Only the sentence of token `at` and the one before are looked at, and
 * only a pair that opens its sentence (after "Both"). */
/* "A and B" of two people: person mention m1, "and" at token j, then the second person, named
 * right after "and" or in an apposition a few words on ("and the company's chief executive, Henrik
 * Aas,"), before token end. Their pair's name, or NULL. */
static const char *pair_after_and(sw_attr *a, int32_t m1, uint32_t j, uint32_t end)
{
    int32_t m2 = -1;
    for (uint32_t t = j + 1; t < end && t - j < PAIR_SECOND_WINDOW; t++) {
        if (a->ment_of[t] >= 0 && is_person_ment(a, a->ment_of[t]) && a->ment_of[t] != m1) {
            m2 = a->ment_of[t];
            break;
        }
        if (is_word(a, t) && (a->wcls[t] & (SW_W_AUX | SW_W_RELATIVE | SW_W_THAT))) break;
    }
    if (m2 < 0) return NULL;
    int32_t e1 = a->doc->ments[m1].ent, e2 = a->doc->ments[m2].ent;
    if (e1 < 0 || e2 < 0 || e1 == e2) return NULL;
    return pair_name(a, e1, e2);
}

static const char *pronoun_pair(sw_attr *a, uint32_t at)
{
    const sw_doc *doc = a->doc;
    uint32_t s_at = a->t[at].sent;
    uint32_t first_sent = s_at > 0 ? s_at - 1 : 0;
    for (uint32_t si = s_at + 1; si-- > first_sent;) {
        const sw_sent *st = &doc->sents[si];
        uint32_t k = st->tok_start;
        if (k < at && tok_role(a, k, SW_W_PAIR_OPENER)) k++;
        if (k >= at || a->ment_of[k] < 0 || !is_person_ment(a, a->ment_of[k])) continue;
        int32_t m1 = a->ment_of[k];
        uint32_t j = k;
        while (j < st->tok_end && a->ment_of[j] == m1) j++;
        if (j >= st->tok_end || !tok_role(a, j, SW_W_ADDITIVE)) continue;
        const char *pair = pair_after_and(a, m1, j, st->tok_end < at ? st->tok_end : at);
        if (pair) return pair;
    }
    return NULL;
}

const char *sw_attr_coordinated_pair(sw_attr *a, const sw_np *np)
{
    if (np->kind != SW_NP_NAME || np->ment < 0 || !is_person_ment(a, np->ment)) return NULL;
    uint32_t k = np->tok_start;
    if (k < 2 || !tok_role(a, k - 1, SW_W_ADDITIVE) || a->ment_of[k - 2] < 0 || !is_person_ment(a, a->ment_of[k - 2]))
        return NULL;
    int32_t m1 = a->ment_of[k - 2];
    /* the first name opens the phrase: the sentence's start, "Both", or a comma or clause break */
    uint32_t f = mention_first_tok(a, k - 2);
    if (f > 0 && a->t[f - 1].sent == a->t[f].sent && !tok_role(a, f - 1, SW_W_PAIR_OPENER) &&
        !tok_punct(a, f - 1, ',') &&
        !sw_attr_clause_break(a, f - 1) && a->t[f - 1].kind != SW_TK_QUOTE)
        return NULL;
    int32_t e1 = a->doc->ments[m1].ent, e2 = a->doc->ments[np->ment].ent;
    if (e1 < 0 || e2 < 0 || e1 == e2) return NULL;
    return pair_name(a, e1, e2);
}

const char *sw_attr_described_pair(sw_attr *a, const sw_np *np)
{
    if (np->kind != SW_NP_DESC || np->tok_end < np->tok_start + 2 || !tok_role(a, np->tok_start, SW_W_PAIR_OPENER) ||
        !looks_plural(a, np->tok_end - 1))
        return NULL;
    for (uint32_t t = np->tok_start + 1; t < np->tok_end; t++)
        if (a->ment_of[t] >= 0) return NULL;
    const sw_doc *doc = a->doc;
    uint32_t s_at = a->t[np->tok_start].sent;
    uint32_t lo = doc->sents[s_at > PAIR_DESCRIPTION_SENTENCES ? s_at - PAIR_DESCRIPTION_SENTENCES : 0].tok_start;
    /* the latest "A and B" of two people before it */
    for (uint32_t j = np->tok_start; j-- > lo + 1;) {
        if (!tok_role(a, j, SW_W_ADDITIVE) || a->ment_of[j - 1] < 0 || !is_person_ment(a, a->ment_of[j - 1])) continue;
        const char *pair = pair_after_and(a, a->ment_of[j - 1], j, np->tok_start);
        if (pair) return pair;
    }
    return NULL;
}

const char *sw_attr_pronoun_group(sw_attr *a, uint32_t at)
{
    if (tok_role(a, at, SW_W_GROUP_PRON)) {
        const char *pair = pronoun_pair(a, at);
        if (pair) return pair;
    }
    uint32_t at_off = a->t[at].start;
    const sw_stmt *latest = sw_attr_latest_stmt(a, at_off);
    if (!latest || latest->speaker >= 0 || !latest->speaker_name) return NULL;
    /* "he" or "she" does not continue a plural group ("Delegates questioned ... he said") */
    if (tok_role(a, at, SW_W_MALE_PRON | SW_W_FEMALE_PRON) && latest->spk_start != SW_NONE) {
        /* the description's head: its last word, or the word before "of" ("the head of the
         * investigators") */
        uint32_t lo = 0, hi = at;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (a->t[mid].start < latest->spk_start) lo = mid + 1;
            else hi = mid;
        }
        uint32_t h = SW_NONE;
        for (uint32_t t = lo; t < at && a->t[t].end <= latest->spk_end; t++) {
            if (h != SW_NONE && tok_role(a, t, SW_W_GENITIVE)) break;
            if (is_word(a, t)) h = t;
        }
        if (h != SW_NONE && looks_plural(a, h)) return NULL;
    }
    uint32_t since = latest->end > latest->spk_end || latest->spk_end == SW_NONE ? latest->end : latest->spk_end;
    if (at_off < since || at_off - since > GROUP_PRONOUN_WINDOW_BYTES) return NULL;
    /* nobody who could be meant was named in between */
    for (int32_t m = last_mention_before(a->doc, at_off); m >= 0; m--) {
        const sw_ment *mt = &a->doc->ments[m];
        if (mt->end <= since) break;
        if (mt->ent >= 0 && mt->kind == SW_MK_NAME && a->doc->ents[mt->ent].type == SW_ENT_PERSON) return NULL;
    }
    return latest->speaker_name;
}

static int subject_mention(const sw_attr *a, int32_t m);

/* A mention in a prepositional phrase or a possessor ("pardoned by Trump", "Qawi's supporters")
 * is rarely what a later pronoun subject points back to. */
static int mention_is_salient(const sw_attr *a, const sw_ment *mt)
{
    const sw_mentinfo *mi = sw_ent_mention_info(a->doc, (int32_t)(mt - a->doc->ments));
    if (!mi) return 1;
    uint32_t first = mi->pre_tok, last = mi->tok_end;
    while (first > 0 && is_word(a, first - 1) && (a->wcls[first - 1] & SW_W_DET)) first--;
    if (first > 0 && is_word(a, first - 1) && (a->wcls[first - 1] & SW_W_PREP)) return 0;
    if (last < a->n && is_possessive(a, last)) return 0;
    return 1;
}

/* Whether the words at token `at` may answer the question q: at most one quotation (the answer's
 * own) opens between the question and them. A speaker who goes on quoting after a question of
 * their own ("“What about 9/11? I was there.” ... he added") asked it of nobody. */
static int answers_question(const sw_attr *a, const sw_stmt *q, uint32_t at)
{
    uint32_t lo = 0, hi = at;
    while (lo < hi) { /* the first token at or after the question's end */
        uint32_t mid = (lo + hi) / 2;
        if (a->t[mid].start < q->end) lo = mid + 1;
        else hi = mid;
    }
    uint32_t quotes = 0;
    for (uint32_t t = lo; t < at && t - lo < ANSWER_WINDOW_TOKENS; t++)
        if (a->qspan_open[t] >= 0 && ++quotes > 1) return 0;
    return at - lo < ANSWER_WINDOW_TOKENS;
}

/* Person (or group, for "they"/"it"/"we") most likely meant by the pronoun at token `pron`, a
 * subject at token `at`: the previous statement's speaker, unless someone else who fits was named
 * since in a subject position; otherwise the most recent fitting mention in a subject position,
 * then any. */
static int32_t resolve_pronoun(sw_attr *a, uint32_t at, uint32_t pron)
{
    sw_doc *doc = a->doc;
    uint8_t want_gender = SW_GENDER_UNKNOWN;
    int want_person = 1, want_org = 0;
    if (tok_role(a, pron, SW_W_MALE_PRON))
        want_gender = SW_GENDER_MALE; /* he, his, him ("according to him") */
    else if (tok_role(a, pron, SW_W_FEMALE_PRON))
        want_gender = SW_GENDER_FEMALE; /* she, her */
    else if (tok_role(a, pron, SW_W_INTERLOCUTOR)) {
        return -1; /* I, you: the speaker of an interview, not resolved here */
    } else {
        want_person = 0; /* it, they, we: an organisation or a group */
        want_org = 1;
    }
    /* a pronoun means someone named before it, not before its verb: "It cited the Air Force as
     * stating C1, and claimed C2" (it is not the Air Force) */
    uint32_t at_off = a->t[pron < at ? pron : at].start;
    int32_t last = last_mention_before(doc, at_off);

    const sw_stmt *latest = sw_attr_latest_stmt(a, at_off);
    /* the answer to a question is not its asker's: the statement before the question speaks again
     * when its speaker fits ("“Why?” Lee asked. “Because,” she said") */
    int32_t asker = -1; /* who asked the question being answered: named since, but not meant */
    if (latest && latest->speaker >= 0 && is_question(doc, latest) && answers_question(a, latest, at)) {
        const sw_stmt *before = sw_attr_latest_stmt(a, latest->start);
        if (before && before->speaker >= 0 && before->speaker != latest->speaker) {
            const sw_ient *be = &doc->ents[before->speaker];
            if (be->type == SW_ENT_PERSON && want_person && gender_ok(be->gender, want_gender)) {
                asker = latest->speaker;
                latest = before;
            }
        }
    }
    int32_t last_speaker = -1;
    uint32_t last_end = 0;
    if (latest && latest->speaker >= 0) {
        const sw_ient *e = &doc->ents[latest->speaker];
        if ((e->type == SW_ENT_PERSON && want_person && gender_ok(e->gender, want_gender)) ||
            (e->type == SW_ENT_ORGANIZATION && want_org)) {
            last_speaker = latest->speaker;
            last_end = latest->end > latest->spk_end || latest->spk_end == SW_NONE ? latest->end : latest->spk_end;
        }
    }

    int32_t salient = -1, salient_unknown = -1, any = -1, subject = -1;
    uint32_t salient_start = 0;
    for (int32_t m = last, seen = 0; m >= 0 && seen < PRONOUN_WINDOW; m--, seen++) {
        const sw_ment *mt = &doc->ments[m];
        if (mt->ent < 0 || mt->kind != SW_MK_NAME || mt->ent == asker) continue;
        if (at_off - mt->end > PRONOUN_WINDOW_BYTES) break;
        /* a name inside quotation marks (a nickname, a quoted title) is no antecedent */
        const sw_mentinfo *mi = sw_ent_mention_info(doc, m);
        if (mi && (a->t[mi->tok_start].flags & SW_TF_IN_QUOTE)) continue;
        const sw_ient *e = &doc->ents[mt->ent];
        int fits;
        if (want_person) fits = e->type == SW_ENT_PERSON && gender_ok(e->gender, want_gender);
        else fits = e->type == SW_ENT_ORGANIZATION;
        if (!fits) continue;
        if (any < 0) any = mt->ent;
        /* since the last speaker spoke, the subject of a clause who fits: "Dan Reyes agreed. “...,”
         * he said" (a name in an object, "criticised officer Betty Shelby", does not take over) */
        if ((last_speaker < 0 || mt->start >= last_end) && subject < 0 &&
            !(want_gender != SW_GENDER_UNKNOWN && e->gender == SW_GENDER_UNKNOWN) && subject_mention(a, m))
            subject = mt->ent;
        if (salient >= 0) continue;
        if (!mention_is_salient(a, mt)) continue;
        if (want_gender != SW_GENDER_UNKNOWN && e->gender == SW_GENDER_UNKNOWN) {
            if (salient_unknown < 0) salient_unknown = mt->ent;
            continue;
        }
        salient = mt->ent;
        salient_start = mt->start;
        if (subject >= 0 || (last_speaker >= 0 && mt->start < last_end)) break;
    }
    (void)salient_start;
    if (last_speaker >= 0) return subject >= 0 ? subject : last_speaker;
    /* no statement before it: the latest subject who fits, else the latest name not in an object */
    if (subject >= 0) return subject;
    if (salient >= 0) return salient;
    if (salient_unknown >= 0) return salient_unknown;
    return any;
}

/* "Nordvik Motors recalled 40,000 cars. The company said ...": "the" and a noun for a business
 * (SW_LX_FIRM: company, firm, carmaker, airline, bank), with at most one word between, means the
 * organisation e (the most recent one, from sw_ent_resolve_description), when it was named in the
 * last few sentences and its name is not headed by another kind of organisation noun ("the
 * company" is not "the Transport Ministry") or an outlet's. */
static int the_company(const sw_attr *a, const sw_np *np, int32_t e, uint32_t at)
{
    const sw_doc *doc = a->doc;
    if (e < 0 || doc->ents[e].type != SW_ENT_ORGANIZATION) return 0;
    uint32_t h = np->tok_end - 1;
    if (np->tok_end - np->tok_start > THE_COMPANY_MAX_TOKENS || !tok_role(a, np->tok_start, SW_W_DEF_ARTICLE) ||
        !(a->lx[h] & SW_LX_FIRM) || (a->lx[h] & SW_LX_MEDIA))
        return 0;
    for (uint32_t t = np->tok_start + 1; t < np->tok_end; t++)
        if ((a->t[t].flags & SW_TF_CAP) || a->ment_of[t] >= 0) return 0;
    /* the last word of the organisation's name */
    const sw_ient *en = &doc->ents[e];
    const char *name = en->name ? en->name : doc->text + en->name_start;
    size_t nl = en->name ? strlen(en->name) : en->name_end - en->name_start;
    size_t ws = nl;
    while (ws > 0 && name[ws - 1] != ' ') ws--;
    uint64_t cls = sw_pack_classes(a->pack, name + ws, nl - ws);
    if (cls & SW_LX_MEDIA) return 0;
    if ((cls & SW_LX_ORG_WORD) && !(cls & SW_LX_FIRM)) return 0;
    /* named in the last few sentences */
    uint32_t at_off = a->t[at].start;
    for (int32_t m = last_mention_before(doc, at_off); m >= 0; m--) {
        if (at_off - doc->ments[m].end > THE_COMPANY_WINDOW_BYTES) break;
        if (doc->ments[m].ent == e) return 1;
    }
    return 0;
}

/* "The Aviation Herald reported ... The industry publication stated ...": "the" and a noun for an
 * outlet (SW_LX_MEDIA: publication, newspaper, network), with at most one word between, means the
 * organisation whose statement came last, when it came within the last few sentences: an outlet is
 * introduced by what it reports, then called by what it is. Returns it or -1. */
static int32_t the_outlet(const sw_attr *a, const sw_np *np, uint32_t at)
{
    uint32_t h = np->tok_end - 1;
    if (np->tok_end - np->tok_start > THE_COMPANY_MAX_TOKENS || !tok_role(a, np->tok_start, SW_W_DEF_ARTICLE) ||
        !(a->lx[h] & SW_LX_MEDIA) || looks_plural(a, h))
        return -1;
    for (uint32_t t = np->tok_start + 1; t < np->tok_end; t++)
        if ((a->t[t].flags & SW_TF_CAP) || a->ment_of[t] >= 0) return -1;
    uint32_t at_off = a->t[at].start;
    const sw_stmt *s = sw_attr_latest_stmt(a, at_off);
    if (!s || s->speaker < 0 || a->doc->ents[s->speaker].type != SW_ENT_ORGANIZATION) return -1;
    if (s->end > at_off || at_off - s->end > THE_COMPANY_WINDOW_BYTES) return -1;
    return s->speaker;
}

/* A definite description of one person by an office or a party: "the" + modifiers + a title noun
 * that is not a role noun ("the senator", "the Republican presidential nominee", not "the
 * spokesperson") or a party's member noun ("the Wisconsin Republican"), singular, no name in it.
 * Such a description means someone the article named. */
static int office_description(const sw_attr *a, const sw_np *np)
{
    uint32_t h = np->tok_end - 1;
    uint64_t lx = a->lx[h];
    if (!tok_role(a, np->tok_start, SW_W_DEF_ARTICLE) || np->tok_end - np->tok_start < 2 || looks_plural(a, h))
        return 0;
    if (!(lx & SW_LX_PARTY) && (lx & (SW_LX_TITLE | SW_LX_ROLE)) != SW_LX_TITLE) return 0;
    /* a place or an organisation may modify it ("the Indiana governor", "the Wooster professor"),
     * not a person's name */
    for (uint32_t t = np->tok_start; t < np->tok_end; t++) {
        int32_t m = a->ment_of[t];
        if (m >= 0 && (a->doc->ments[m].ent < 0 || a->doc->ents[a->doc->ments[m].ent].type == SW_ENT_PERSON)) return 0;
    }
    return 1;
}

/* Whether entity e may be meant by the description np: none of its nation and party words
 * ("Democratic", "Russian", the head "Republican") names another nation or party than the
 * article tied e to. */
static int description_fits(const sw_attr *a, const sw_np *np, int32_t e)
{
    for (uint32_t t = np->tok_start; t < np->tok_end; t++)
        if (is_word(a, t) && (a->lx[t] & (SW_LX_DEMONYM | SW_LX_COUNTRY | SW_LX_PARTY)) &&
            sw_ent_has_nation(a->doc, e, tok_text(a, t), a->doc->tok_core[t]) < 0)
            return 0;
    return 1;
}

/* Whether the description's match with e rests on party words alone (no role, no nation): many
 * people share a party, and an article often names its main person's party nowhere. */
static int party_match_only(const sw_attr *a, const sw_np *np, int32_t e)
{
    uint32_t h = np->tok_end - 1;
    if (sw_ent_has_role(a->doc, e, tok_text(a, h), a->doc->tok_core[h])) return 0;
    for (uint32_t t = np->tok_start; t < np->tok_end; t++)
        if (is_word(a, t) && (a->lx[t] & (SW_LX_DEMONYM | SW_LX_COUNTRY)) && !(a->lx[t] & SW_LX_PARTY)) return 0;
    return 1;
}

/* Whether mention m is the subject of its clause: it opens its sentence (after its title and an
 * article) or a verb follows it ("Mike Pence says", "Ryan told CNN's Jake Tapper"). */
static int subject_mention(const sw_attr *a, int32_t m)
{
    const sw_mentinfo *mi = sw_ent_mention_info(a->doc, m);
    if (!mi) return 0;
    uint32_t f = mi->pre_tok;
    while (f > 0 && is_word(a, f - 1) && (a->wcls[f - 1] & SW_W_DET) && a->t[f - 1].sent == a->t[f].sent) f--;
    if (f == a->doc->sents[a->t[f].sent].tok_start) return 1;
    /* "lawyers for both Donald and Ivana Trump filed": one of a pair, or a preposition's object */
    /* (nor the subject of a relative clause: "power-sharing in which Tsvangirai became") */
    if (is_word(a, f - 1) &&
        ((a->wcls[f - 1] & (SW_W_PREP | SW_W_COORD | SW_W_GENITIVE | SW_W_RELATIVE)) || tok_role(a, f - 1, SW_W_ADDITIVE)))
        return 0;
    /* "Sanders still senses": adverbs may stand between */
    uint32_t n = mi->tok_end;
    for (uint32_t k = 0; k < SUBJECT_ADVERBS_MAX && n < a->n && is_word(a, n) && (a->wcls[n] & SW_W_ADVERB) &&
                         !(a->wcls[n] & SW_W_AUX);
         k++)
        n++;
    if (n >= a->n || !is_word(a, n) || (a->t[n].flags & SW_TF_CAP)) return 0;
    if ((a->lx[n] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG | SW_LX_SPEECH)) || (a->wcls[n] & SW_W_AUX)) return 1;
    /* a regular past the pack does not list ("Clinton bashed") */
    return !(a->lx[n] & SW_LX_FUNCTION) && has_ending(a, SW_LIST_PAST_ENDINGS, tok_text(a, n), tok_len(a, n));
}

/* Whether the sentence si is quoted speech (it ends inside a quotation or with its mark): such
 * sentences do not count in the windows of recent_subject(). */
static int quoted_sentence(const sw_attr *a, uint32_t si)
{
    const sw_sent *st = &a->doc->sents[si];
    uint32_t t = st->tok_end;
    while (t > st->tok_start && a->t[t - 1].kind == SW_TK_PUNCT) t--;
    return t > st->tok_start && ((a->t[t - 1].flags & SW_TF_IN_QUOTE) || a->t[t - 1].kind == SW_TK_QUOTE);
}

/* Whether the article gave entity e a title ("Justice", "Sen.") and none of its titles is the
 * description's head word h: "Justice Frank Nervo" is not "the nominee". */
static int other_title(const sw_attr *a, int32_t e, uint32_t h)
{
    const sw_entinfo *ei = sw_ent_info(a->doc, e);
    if (!ei || !(a->lx[h] & SW_LX_TITLE) || (a->lx[h] & SW_LX_PARTY)) return 0;
    int titled = 0;
    for (uint32_t k = 0; k < ei->n_roles; k++)
        if (a->doc->tok_cls[ei->role_tok[k]] & SW_LX_TITLE) titled = 1;
    return titled && !sw_ent_has_role(a->doc, e, tok_text(a, h), a->doc->tok_core[h]);
}

/* "Mike Pence says too much is made of it. ... The Indiana governor said": the person who was the
 * subject of a clause in this sentence or the DESCRIPTION_SUBJECT_SENTENCES before it, most
 * recent first, that the description fits (a name in a quotation does not count). Returns the
 * entity or -1. */
static int32_t recent_subject(const sw_attr *a, const sw_np *np, uint32_t within)
{
    const sw_doc *doc = a->doc;
    uint32_t sent = a->t[np->tok_start].sent, back = 0; /* sentences passed that are not quoted */
    for (int32_t m = last_mention_before(doc, a->t[np->tok_start].start); m >= 0; m--) {
        const sw_ment *mt = &doc->ments[m];
        const sw_mentinfo *mi = sw_ent_mention_info(doc, m);
        if (!mi) break;
        uint32_t ms = a->t[mi->tok_start].sent;
        for (; sent > ms && back <= within && sent - ms <= DESCRIPTION_SUBJECT_SCAN; sent--)
            back += !quoted_sentence(a, sent - 1);
        if (sent > ms || back > within) break;
        if (mt->ent < 0 || mt->kind != SW_MK_NAME || doc->ents[mt->ent].type != SW_ENT_PERSON) continue;
        if (a->t[mi->tok_start].flags & SW_TF_IN_QUOTE) continue;
        if ((subject_mention(a, m) || speaker_mention(a, m)) && description_fits(a, np, mt->ent) &&
            !other_title(a, mt->ent, np->tok_end - 1) && !asked_question(a, m))
            return mt->ent;
    }
    return -1;
}

/* A mention that counts for who an article is about: a subject outside quotations. */
static int leading_mention(const sw_attr *a, int32_t m)
{
    const sw_mentinfo *mi = sw_ent_mention_info(a->doc, m);
    return mi && !(a->t[mi->tok_start].flags & SW_TF_IN_QUOTE) && subject_mention(a, m);
}

/* "The Republican nominee said", "the governor added": an office description (office_description)
 * that the article did not tie to anyone by its words means the person the article is about: the
 * person named most often before it as a subject outside quotations, among those the description
 * fits and who hold no other title, when one is named so clearly more often than any other
 * (LEADING_PERSON_MIN_MENTIONS at least, and more than the next).
 * Returns that entity, or -1. */
static int32_t the_leading_person(const sw_attr *a, const sw_np *np, uint32_t at, int dominant)
{
    const sw_doc *doc = a->doc;
    uint32_t at_off = a->t[at].start;
    int32_t best = -1;
    uint32_t best_n = 0, second_n = 0;
    for (uint32_t e = 0; e < doc->n_ents; e++) {
        if (doc->ents[e].type != SW_ENT_PERSON || !description_fits(a, np, (int32_t)e) ||
            other_title(a, (int32_t)e, np->tok_end - 1))
            continue;
        uint32_t n = 0;
        for (int32_t m = last_mention_before(doc, at_off); m >= 0; m--)
            if (doc->ments[m].ent == (int32_t)e && doc->ments[m].kind == SW_MK_NAME && leading_mention(a, m)) n++;
        if (n > best_n) {
            second_n = best_n;
            best = (int32_t)e, best_n = n;
        } else if (n > second_n) {
            second_n = n;
        }
    }
    if (best_n < LEADING_PERSON_MIN_MENTIONS || best_n <= second_n) return -1;
    if (dominant && (best_n < DOMINANT_MIN_MENTIONS || best_n < DOMINANT_RATIO * second_n)) return -1;
    return best;
}

/* The owner of the document noun at token d, named around it: "the ministry's statement" (a
 * possessor), "a Bloomberg poll" (a name before it), "a web video by the party" (a name after
 * "by" or "from"), else the subject of the verb it is the object of ("the Security Council issued
 * a statement"). The entity, or -1. */
static int32_t document_noun_owner(sw_attr *a, uint32_t d)
{
    const sw_doc *doc = a->doc;
    const sw_sent *st = &doc->sents[a->t[d].sent];
    /* before it: a possessive or a name right before the noun and its modifiers */
    uint32_t p = d;
    while (p > st->tok_start && d - p < DOC_OWNER_MODIFIERS && is_word(a, p - 1) && a->ment_of[p - 1] < 0 &&
           !is_possessive(a, p - 1) && !(a->t[p - 1].flags & SW_TF_CAP) && !(a->lx[p - 1] & SW_LX_FUNCTION))
        p--;
    if (p > st->tok_start && is_possessive(a, p - 1)) p--;
    if (p > st->tok_start && a->ment_of[p - 1] >= 0) {
        /* "a Clinton campaign memo": the owner is the campaign, which has no name */
        for (uint32_t t = p; t < d; t++)
            if (a->lx[t] & (SW_LX_ORG_WORD | SW_LX_MEDIA | SW_LX_FIRM)) return -1;
        int32_t e = doc->ments[a->ment_of[p - 1]].ent;
        if (e >= 0 && doc->ents[e].type != SW_ENT_PLACE) return e;
    }
    /* after it: "by", "from" and a name (after a participle too: "a tweet sent from Ortiz's
     * account", "a statement issued by the ministry") */
    uint32_t k = d + 1;
    if (k + 1 < st->tok_end && is_word(a, k) && a->info[k] && a->ment_of[k] < 0 &&
        (a->info[k]->verb_form == SW_VF_PART || a->info[k]->verb_form == SW_VF_PAST) &&
        tok_role(a, k + 1, SW_W_SOURCE_PREP))
        k++;
    if (k < st->tok_end && tok_role(a, k, SW_W_SOURCE_PREP) && !tok_role(a, k, SW_W_GENITIVE)) {
        k++;
        if (k < st->tok_end && (a->wcls[k] & SW_W_DET)) k++;
        if (k < st->tok_end && a->ment_of[k] >= 0) {
            int32_t e = doc->ments[a->ment_of[k]].ent;
            if (e >= 0 && doc->ents[e].type != SW_ENT_PLACE) return e;
        }
    }
    /* the subject of the verb whose object it is: "the Security Council issued a statement",
     * "Cook provided a written statement" (a name, a verb, then only the noun's determiner and
     * modifiers) */
    uint32_t v = d;
    while (v > st->tok_start && d - v <= DOC_OWNER_MODIFIERS && is_word(a, v - 1) && a->ment_of[v - 1] < 0 &&
           !(a->lx[v - 1] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG)) &&
           (!(a->lx[v - 1] & SW_LX_FUNCTION) || (a->wcls[v - 1] & SW_W_DET)) && !(a->wcls[v - 1] & SW_W_THAT))
        v--;
    if (v == st->tok_start || !is_word(a, v - 1) || !(a->lx[v - 1] & (SW_LX_VERB_PAST | SW_LX_VERB_3SG))) return -1;
    v--;
    while (v > st->tok_start && is_word(a, v - 1) && (a->wcls[v - 1] & SW_W_ADVERB) && a->ment_of[v - 1] < 0) v--;
    /* "They released a statement": a pronoun subject means whom it refers to */
    if (v > st->tok_start && is_word(a, v - 1) && (a->wcls[v - 1] & SW_W_SUBJ_PRON) &&
        !(a->t[v - 1].flags & SW_TF_IN_QUOTE) && !tok_role(a, v - 1, SW_W_INTERLOCUTOR))
        return resolve_pronoun(a, v - 1, v - 1);
    if (v == st->tok_start || a->ment_of[v - 1] < 0) return -1;
    int32_t m = a->ment_of[v - 1];
    int32_t e = doc->ments[m].ent;
    if (e < 0 || doc->ents[e].type == SW_ENT_PLACE || (a->t[v - 1].flags & SW_TF_IN_QUOTE)) return -1;
    /* the name is the subject itself, not the end of one ("scientists from X and Y published") */
    uint32_t f = mention_first_tok(a, v - 1);
    while (f > st->tok_start && is_word(a, f - 1) && (a->wcls[f - 1] & SW_W_DET)) f--;
    if (f > st->tok_start && is_word(a, f - 1) &&
        ((a->wcls[f - 1] & (SW_W_PREP | SW_W_COORD | SW_W_GENITIVE)) || tok_role(a, f - 1, SW_W_ADDITIVE)))
        return -1;
    return e;
}

/* Whether tokens i and j are the same noun, compared without case ("statement", "Statement"). */
static int same_noun(const sw_attr *a, uint32_t i, uint32_t j)
{
    uint32_t n = a->doc->tok_core[i];
    if (n != a->doc->tok_core[j]) return 0;
    const char *x = tok_text(a, i), *y = tok_text(a, j);
    for (uint32_t k = 0; k < n; k++)
        if (sw_fold_byte((unsigned char)x[k]) != sw_fold_byte((unsigned char)y[k])) return 0;
    return 1;
}

/* "The Security Council issued a statement ... The statement noted": a definite document noun
 * with no owner of its own ("the statement", "the poll", "the report") speaks for the owner of
 * the latest document of that noun named in its sentence or the DOC_ANTECEDENT_SENTENCES before it
 * (outside quotations). Returns that owner, or -1. */
static int32_t document_antecedent(sw_attr *a, const sw_np *np)
{
    uint32_t h = np->tok_end - 1;
    if (!(a->wcls[h] & SW_W_DOC_NOUN) || !tok_role(a, np->tok_start, SW_W_DEF_ARTICLE)) return -1;
    for (uint32_t t = np->tok_start; t < np->tok_end; t++)
        if (a->ment_of[t] >= 0 || is_possessive(a, t)) return -1;
    uint32_t sent = a->t[np->tok_start].sent;
    uint32_t lo = a->doc->sents[sent > DOC_ANTECEDENT_SENTENCES ? sent - DOC_ANTECEDENT_SENTENCES : 0].tok_start;
    for (uint32_t d = np->tok_start; d-- > lo;) {
        if (!is_word(a, d) || !(a->wcls[d] & SW_W_DOC_NOUN) || (a->t[d].flags & (SW_TF_IN_QUOTE | SW_TF_CAP)) ||
            a->ment_of[d] >= 0)
            continue;
        /* the same noun: "a memo by the inspector" is not "the report" */
        if (!same_noun(a, d, h)) continue;
        return document_noun_owner(a, d);
    }
    return -1;
}

/* The last word of entity e's name (its surname for a person): *w and *len. */
static void last_name_word(const sw_doc *doc, int32_t e, const char **w, size_t *len)
{
    const char *name;
    size_t nl;
    entity_name(doc, e, &name, &nl);
    size_t ws = nl;
    while (ws > 0 && name[ws - 1] != ' ') ws--;
    *w = name + ws;
    *len = nl - ws;
}

/* Whether entities e and f have the same last name word, without case. */
static int same_surname(const sw_doc *doc, int32_t e, int32_t f)
{
    const char *w1, *w2;
    size_t l1, l2;
    last_name_word(doc, e, &w1, &l1);
    last_name_word(doc, f, &w2, &l2);
    if (l1 != l2 || !l1) return 0;
    for (size_t k = 0; k < l1; k++)
        if (sw_fold_byte((unsigned char)w1[k]) != sw_fold_byte((unsigned char)w2[k])) return 0;
    return 1;
}

/* "Former President Bill Clinton criticised the law ... for his wife Hillary Clinton. ... the former
 * president said ... “...,” Clinton said": a surname alone means the speaker of the statement just
 * before when that speaker bears it, whichever of the two the entities stage linked it to. Returns
 * the entity np means. */
static int32_t surname_of_last_speaker(const sw_attr *a, const sw_np *np, uint32_t at)
{
    const sw_doc *doc = a->doc;
    int32_t e = np->ent;
    if (e < 0 || doc->ents[e].type != SW_ENT_PERSON || np->ment < 0) return e;
    const sw_mentinfo *mi = sw_ent_mention_info(doc, np->ment);
    if (!mi || mi->tok_end != mi->tok_start + 1) return e;
    const sw_stmt *latest = sw_attr_latest_stmt(a, a->t[at].start);
    if (!latest || latest->speaker < 0 || latest->speaker == e || doc->ents[latest->speaker].type != SW_ENT_PERSON)
        return e;
    return same_surname(doc, e, latest->speaker) ? latest->speaker : e;
}


/* "His ex-wife agreed", "Ortiz's son said": a possessor (a gendered possessive pronoun, or a
 * person's name with its possessive ending) and a noun of family relation (SW_W_KIN) mean the
 * person who bears the possessor's surname, whom the noun fits (the gender its name roles give),
 * named before: the only such person besides the possessor. Returns it or -1. */
static int32_t kin_of_possessor(sw_attr *a, const sw_np *np, uint32_t at)
{
    const sw_doc *doc = a->doc;
    uint32_t h = np->tok_end - 1;
    if (!tok_role(a, h, SW_W_KIN) || looks_plural(a, h) || h < np->tok_start + 1) return -1;
    int32_t owner = -1;
    uint32_t p = np->tok_start;
    if (tok_role(a, p, SW_W_POSS_DET) && (a->wcls[p] & (SW_W_MALE_PRON | SW_W_FEMALE_PRON)))
        owner = resolve_pronoun(a, at, p);
    else if (a->ment_of[p] >= 0) {
        uint32_t e = p;
        while (e + 1 < h && a->ment_of[e + 1] == a->ment_of[p]) e++;
        if (e + 1 < h && is_possessive(a, e + 1)) owner = doc->ments[a->ment_of[p]].ent;
    }
    if (owner < 0 || doc->ents[owner].type != SW_ENT_PERSON) return -1;
    uint64_t nm = a->info[h]->names;
    uint8_t want = (nm & SW_N_MALE) ? SW_GENDER_MALE : (nm & SW_N_FEMALE) ? SW_GENDER_FEMALE : SW_GENDER_UNKNOWN;
    int32_t found = -1;
    for (int32_t m = last_mention_before(doc, a->t[np->tok_start].start); m >= 0; m--) {
        int32_t e = doc->ments[m].ent;
        if (e < 0 || e == owner || e == found || doc->ents[e].type != SW_ENT_PERSON ||
            !gender_ok(doc->ents[e].gender, want) || !same_surname(doc, e, owner))
            continue;
        if (found >= 0) return -1; /* two of them: the noun does not say which */
        found = e;
    }
    return found;
}

void sw_attr_resolve(sw_attr *a, sw_np *np, uint32_t at)
{
    np->ent = -1;
    switch (np->kind) {
    case SW_NP_NAME:
        if (np->ment >= 0) np->ent = a->doc->ments[np->ment].ent;
        np->ent = surname_of_last_speaker(a, np, at);
        break;
    case SW_NP_PRONOUN:
        np->ent = resolve_pronoun(a, at, np->tok_start);
        break;
    case SW_NP_DESC: {
        /* only a confident resolution: a weak guess would rename "the government" after
         * whatever was named last; the description itself is the better answer then */
        int strength = 0;
        int32_t e = sw_ent_resolve_description(a->doc, np->tok_start, np->tok_end, at, &strength);
        int office = office_description(a, np);
        int32_t party_e = -1;
        if (office && strength >= 2 && party_match_only(a, np, e)) party_e = e, strength = 1;
        np->ent = strength >= 2 || (strength == 1 && the_company(a, np, e, at)) ? e : -1;
        if (np->ent < 0) np->ent = the_outlet(a, np, at);
        if (np->ent < 0) np->ent = kin_of_possessor(a, np, at);
        if (np->ent < 0) np->ent = document_antecedent(a, np);
        /* "a statement which said", "a tweet sent from Ortiz's account": an indefinite document
         * speaks for the owner its sentence gives it */
        if (np->ent < 0 && tok_role(a, np->tok_start, SW_W_INDEF_ARTICLE) && (a->wcls[np->tok_end - 1] & SW_W_DOC_NOUN))
            np->ent = document_noun_owner(a, np->tok_end - 1);
        if (np->ent < 0 && office) {
            /* the person the last sentences were about, else the only one of the party, else the
             * person the article is about */
            np->ent = recent_subject(a, np, 1);
            if (np->ent < 0) np->ent = the_leading_person(a, np, at, 1);
            if (np->ent < 0) np->ent = recent_subject(a, np, DESCRIPTION_SUBJECT_SENTENCES);
            if (np->ent < 0) np->ent = party_e;
            if (np->ent < 0) np->ent = the_leading_person(a, np, at, 0);
        }
        /* "US authorities" are not the United States: a place does not speak, and a plural group
         * ("authorities", "officials", "researchers") is not the country or body named nearby */
        uint32_t h = np->tok_end - 1;
        if (np->ent >= 0 &&
            (a->doc->ents[np->ent].type == SW_ENT_PLACE || ((a->lx[h] & SW_LX_ROLE) && looks_plural(a, h))))
            np->ent = -1;
        break;
    }
    default:
        break;
    }
}
