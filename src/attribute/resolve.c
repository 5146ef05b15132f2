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
#define PRONOUN_WINDOW 40
/* ... and how many bytes back: 1500, about a dozen sentences (news sentences average some 120 bytes). */
#define PRONOUN_WINDOW_BYTES 1500
/* "... told the court “...” She also said": a pronoun continues an unnamed speaker within 400 bytes (3 sentences). */
#define GROUP_PRONOUN_WINDOW_BYTES 400
/* sw_attr_latest_stmt() looks at the newest 64 statements: they come roughly in text order; constant-time. */
#define LATEST_STMT_LOOKBACK 64
/* "Lund and the company's chief executive, Henrik Aas,": the second person under 10 tokens after "and". */
#define PAIR_SECOND_WINDOW 10
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
        /* the second person: named right after "and", or in an apposition a few words on
         * ("and the company's chief executive, Henrik Aas,") */
        int32_t m2 = -1;
        for (uint32_t t = j + 1; t < st->tok_end && t < at && t - j < PAIR_SECOND_WINDOW; t++) {
            if (a->ment_of[t] >= 0 && is_person_ment(a, a->ment_of[t]) && a->ment_of[t] != m1) {
                m2 = a->ment_of[t];
                break;
            }
            if (is_word(a, t) && (a->wcls[t] & (SW_W_AUX | SW_W_RELATIVE | SW_W_THAT))) break;
        }
        if (m2 < 0) continue;
        int32_t e1 = doc->ments[m1].ent, e2 = doc->ments[m2].ent;
        if (e1 < 0 || e2 < 0 || e1 == e2) continue;
        return pair_name(a, e1, e2);
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

const char *sw_attr_pronoun_group(sw_attr *a, uint32_t at)
{
    if (tok_role(a, at, SW_W_GROUP_PRON)) {
        const char *pair = pronoun_pair(a, at);
        if (pair) return pair;
    }
    uint32_t at_off = a->t[at].start;
    const sw_stmt *latest = sw_attr_latest_stmt(a, at_off);
    if (!latest || latest->speaker >= 0 || !latest->speaker_name) return NULL;
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
    uint32_t at_off = a->t[at].start;
    int32_t last = last_mention_before(doc, at_off);

    const sw_stmt *latest = sw_attr_latest_stmt(a, at_off);
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

    int32_t salient = -1, salient_unknown = -1, any = -1;
    uint32_t salient_start = 0;
    for (int32_t m = last, seen = 0; m >= 0 && seen < PRONOUN_WINDOW; m--, seen++) {
        const sw_ment *mt = &doc->ments[m];
        if (mt->ent < 0 || mt->kind != SW_MK_NAME) continue;
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
        if (!mention_is_salient(a, mt)) continue;
        if (want_gender != SW_GENDER_UNKNOWN && e->gender == SW_GENDER_UNKNOWN) {
            if (salient_unknown < 0) salient_unknown = mt->ent;
            continue;
        }
        salient = mt->ent;
        salient_start = mt->start;
        break;
    }
    if (last_speaker >= 0) {
        if (salient >= 0 && salient != last_speaker && salient_start >= last_end) return salient;
        return last_speaker;
    }
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

/* "The Republican nominee said", "the governor added": a definite description headed by a title
 * ("the" + modifiers + a title noun, no name in it) that the article did not tie to anyone by its
 * words (sw_ent_resolve_description() found no role or nation) means the person the article is
 * about: the person named most often before it, when one is named clearly more often than any
 * other (LEADING_PERSON_MIN_MENTIONS at least, and more than the next). Returns that entity, or -1. */
static int32_t the_leading_person(const sw_attr *a, const sw_np *np, uint32_t at)
{
    const sw_doc *doc = a->doc;
    uint32_t h = np->tok_end - 1;
    if (!tok_role(a, np->tok_start, SW_W_DEF_ARTICLE) || (a->lx[h] & (SW_LX_TITLE | SW_LX_ROLE)) != SW_LX_TITLE ||
        looks_plural(a, h) ||
        np->tok_end - np->tok_start < 2)
        return -1;
    for (uint32_t t = np->tok_start; t < np->tok_end; t++)
        if (a->ment_of[t] >= 0) return -1;
    uint32_t at_off = a->t[at].start;
    int32_t best = -1, second = -1;
    uint32_t best_n = 0, second_n = 0;
    for (uint32_t e = 0; e < doc->n_ents; e++) {
        if (doc->ents[e].type != SW_ENT_PERSON) continue;
        uint32_t n = 0;
        for (int32_t m = last_mention_before(doc, at_off); m >= 0; m--)
            if (doc->ments[m].ent == (int32_t)e && doc->ments[m].kind == SW_MK_NAME) n++;
        if (n > best_n) {
            second = best, second_n = best_n;
            best = (int32_t)e, best_n = n;
        } else if (n > second_n) {
            second = (int32_t)e, second_n = n;
        }
    }
    (void)second;
    return best_n >= LEADING_PERSON_MIN_MENTIONS && best_n > second_n ? best : -1;
}

void sw_attr_resolve(sw_attr *a, sw_np *np, uint32_t at)
{
    np->ent = -1;
    switch (np->kind) {
    case SW_NP_NAME:
        if (np->ment >= 0) np->ent = a->doc->ments[np->ment].ent;
        break;
    case SW_NP_PRONOUN:
        np->ent = resolve_pronoun(a, at, np->tok_start);
        break;
    case SW_NP_DESC: {
        /* only a confident resolution: a weak guess would rename "the government" after
         * whatever was named last; the description itself is the better answer then */
        int strength = 0;
        int32_t e = sw_ent_resolve_description(a->doc, np->tok_start, np->tok_end, at, &strength);
        np->ent = strength >= 2 || (strength == 1 && the_company(a, np, e, at)) ? e : -1;
        if (np->ent < 0 && strength < 2) np->ent = the_leading_person(a, np, at);
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
