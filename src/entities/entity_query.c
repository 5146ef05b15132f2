/*
 * entity_query.c -- the questions the attribution stage asks the entities stage: which mention
 * covers a token, the nearest earlier mention of a kind of entity, an entity's roles and nations,
 * and which entity a description ("the Belarusian leader", "the ministry") refers to.
 *
 * Mentions are kept in text order, so positions are found by binary search; a description is
 * resolved by one walk back over the mentions before it, meeting each entity at its most recent
 * mention first, so ties go to the most recently named entity.
 */
#include <string.h>
#include "entities_internal.h"

/* Mentions before the first one that starts after a token that sw_ent_mention_at() looks at: they
 * do not nest, but a description may overlap a name. */
#define MENTION_AT_BACK 3

/* What sw_ent_resolve_description() reads: at most this many nation words of the description, and
 * mentions before it until this many distinct entities were met (the ones named most recently are
 * the ones a description can mean) or this many mentions were passed. */
#define RESOLVE_MAX_NATIONS 3
#define RESOLVE_MAX_ENTITIES 48
#define RESOLVE_MAX_MENTIONS 400
/* Entities of an index below this are met once each (a bitmap of this many bits keeps them apart);
 * one of a greater index, in an article of more entities, is weighed at each of its mentions. */
#define RESOLVE_SEEN_BITS 4096

/* The score of an entity for a description: its role matches the head, a nation word matches. */
#define ROLE_SCORE 3
/* A role written as an abbreviation has at least 3 letters before its period ("Gov.", "Sen."): a
 * shorter one ("Dr.", "Lt.") begins too many words. */
#define ABBREVIATION_MIN_LEN 3
#define NATION_SCORE 2

const sw_mentinfo *sw_ent_mention_info(const sw_doc *doc, int32_t m)
{
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d || m < 0 || (uint32_t)m >= d->n_ments) return NULL;
    return &d->minfo[m];
}

const sw_entinfo *sw_ent_info(const sw_doc *doc, int32_t e)
{
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d || e < 0 || (uint32_t)e >= d->n_ents) return NULL;
    return &d->einfo[e];
}

/* Index of the first mention whose first token is >= tok (n_ments when none). */
static uint32_t lower_bound(const sw_entdata *d, uint32_t tok)
{
    uint32_t lo = 0, hi = d->n_ments;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->minfo[mid].tok_start < tok) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int32_t sw_ent_mention_from(const sw_doc *doc, uint32_t tok)
{
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d) return -1;
    uint32_t k = lower_bound(d, tok);
    return k < d->n_ments ? (int32_t)k : -1;
}

int32_t sw_ent_mention_at(const sw_doc *doc, uint32_t tok)
{
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d) return -1;
    uint32_t k = lower_bound(d, tok + 1);
    for (uint32_t back = 0; back < MENTION_AT_BACK && k > 0; back++, k--)
        if (d->minfo[k - 1].tok_start <= tok && tok < d->minfo[k - 1].tok_end) return (int32_t)(k - 1);
    return -1;
}

int32_t sw_ent_prev_mention(const sw_doc *doc, uint32_t before_tok, int type, int gender,
                            uint32_t max_sents)
{
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d || before_tok > doc->n_toks) return -1;
    uint32_t ref = before_tok < doc->n_toks ? before_tok : doc->n_toks - 1;
    uint32_t sent = doc->toks[ref].sent;
    uint32_t k = lower_bound(d, before_tok), steps = 0;
    while (k > 0 && steps++ < SW_ENT_PREV_MAX_MENTIONS) {
        k--;
        const sw_mentinfo *mi = &d->minfo[k];
        if (mi->tok_end > before_tok) continue;
        if (sent - doc->toks[mi->tok_start].sent > max_sents && doc->toks[mi->tok_start].sent < sent) break;
        const sw_ment *m = &d->ments[k];
        if (m->ent < 0) continue;
        const sw_ient *e = &doc->ents[m->ent];
        if (type >= 0 && e->type != type) continue;
        if (gender != SW_GENDER_UNKNOWN && e->gender != SW_GENDER_UNKNOWN && e->gender != gender) continue;
        return (int32_t)k;
    }
    return -1;
}

static uint32_t core_len(const sw_doc *doc, uint32_t tok)
{
    uint32_t l = doc->tok_core[tok];
    if (l && doc->text[doc->toks[tok].start + l - 1] == '.') l--;
    return l;
}

/* Whether the role word of token t is an abbreviation written with its period ("Sen.", "Gov.") of
 * the word (w, len): the letters before the period begin the word ("senator", "governor"). */
static int abbreviates(const sw_doc *doc, uint32_t t, const char *w, size_t len)
{
    uint32_t l = core_len(doc, t);
    const char *a = doc->text + doc->toks[t].start;
    if (l < ABBREVIATION_MIN_LEN || l >= len || doc->tok_core[t] != l + 1 || a[l] != '.') return 0;
    for (uint32_t i = 0; i < l; i++)
        if (sw_fold_byte((unsigned char)a[i]) != sw_fold_byte((unsigned char)w[i])) return 0;
    return 1;
}

int sw_ent_has_role(const sw_doc *doc, int32_t e, const char *word, size_t len)
{
    const sw_entinfo *ei = sw_ent_info(doc, e);
    if (!ei) return 0;
    for (uint32_t k = 0; k < ei->n_roles; k++) {
        uint32_t t = ei->role_tok[k];
        if (sw_ent_word_eq(doc->pack, doc->text + doc->toks[t].start, core_len(doc, t), word, len) ||
            abbreviates(doc, t, word, len))
            return 1;
    }
    for (uint32_t t = ei->name_tok_start; t < ei->name_tok_end; t++)
        if (doc->toks[t].kind == SW_TK_WORD &&
            sw_ent_word_eq(doc->pack, doc->text + doc->toks[t].start, core_len(doc, t), word, len))
            return 1;
    return 0;
}

int sw_ent_has_nation(const sw_doc *doc, int32_t e, const char *word, size_t len)
{
    const sw_entinfo *ei = sw_ent_info(doc, e);
    if (!ei) return 0;
    /* a party word is compared with the entity's party words, a nation word with its nations: a
     * Republican may be American */
    uint64_t party = sw_pack_classes(doc->pack, word, len) & SW_LX_PARTY;
    int other = 0;
    for (uint32_t k = 0; k < ei->n_nations; k++) {
        uint32_t t = ei->nation_tok[k];
        if ((doc->tok_cls[t] & SW_LX_PARTY) != party) continue;
        if (sw_ent_nation_eq(doc->pack, doc->text + doc->toks[t].start, core_len(doc, t), word, len)) return 1;
        other = 1;
    }
    /* a place entity is its own nation; an organisation named after one ("Russian Foreign Ministry") */
    const sw_ient *ie = &doc->ents[e];
    for (uint32_t t = ei->name_tok_start; t < ei->name_tok_end; t++) {
        if (doc->toks[t].kind != SW_TK_WORD) continue;
        uint64_t cls = doc->tok_cls[t];
        if (!(cls & (SW_LX_COUNTRY | SW_LX_DEMONYM)) && ie->type != SW_ENT_PLACE) continue;
        if (sw_ent_nation_eq(doc->pack, doc->text + doc->toks[t].start, core_len(doc, t), word, len)) return 1;
    }
    return other ? -1 : 0;
}

int32_t sw_ent_resolve_description(const sw_doc *doc, uint32_t tok_start, uint32_t tok_end,
                                   uint32_t before_tok, int *strength)
{
    if (strength) *strength = 0;
    const sw_entdata *d = sw_entdata_of(doc);
    if (!d || tok_start >= tok_end || tok_end > doc->n_toks) return -1;
    /* the head is the last word; nation words anywhere before it */
    uint32_t head = SW_NONE, nations[RESOLVE_MAX_NATIONS], n_nat = 0;
    for (uint32_t t = tok_start; t < tok_end; t++) {
        if (doc->toks[t].kind != SW_TK_WORD) continue;
        uint64_t cls = doc->tok_cls[t];
        if ((cls & (SW_LX_DEMONYM | SW_LX_COUNTRY | SW_LX_PARTY)) && t + 1 < tok_end && n_nat < RESOLVE_MAX_NATIONS)
            nations[n_nat++] = t;
        head = t;
    }
    if (head == SW_NONE) return -1;
    const char *hw = doc->text + doc->toks[head].start;
    uint32_t hl = core_len(doc, head);
    uint64_t hcls = doc->tok_cls[head];
    /* "the Wisconsin Republican": a party's member, and the party is an affiliation to match */
    if ((hcls & SW_LX_PARTY) && n_nat < RESOLVE_MAX_NATIONS) nations[n_nat++] = head;
    int want = SW_ENT_PERSON;
    if (hcls & (SW_LX_ORG_WORD | SW_LX_MEDIA)) want = SW_ENT_ORGANIZATION;
    else if (hcls & SW_LX_PLACE_WORD) want = SW_ENT_PLACE;
    else if ((hcls & (SW_LX_FUNCTION | SW_LX_PRONOUN)) || (!(hcls & (SW_LX_TITLE | SW_LX_ROLE)) && !n_nat))
        return -1;

    uint64_t seen[RESOLVE_SEEN_BITS / 64];
    memset(seen, 0, sizeof seen);
    int32_t best = -1, best_score = -1, n_best = 0, weak = -1;
    uint32_t k = lower_bound(d, before_tok), steps = 0, distinct = 0;
    while (k > 0 && steps++ < RESOLVE_MAX_MENTIONS && distinct < RESOLVE_MAX_ENTITIES) {
        k--;
        const sw_ment *m = &d->ments[k];
        if (m->ent < 0 || d->minfo[k].tok_end > before_tok) continue;
        if (d->minfo[k].tok_start >= tok_start && d->minfo[k].tok_start < tok_end) continue;
        uint32_t e = (uint32_t)m->ent;
        if (e < RESOLVE_SEEN_BITS) {
            if (seen[e >> 6] & (1ull << (e & 63))) continue;
            seen[e >> 6] |= 1ull << (e & 63);
        }
        distinct++;
        if (doc->ents[e].type != want) continue;
        int role = sw_ent_has_role(doc, (int32_t)e, hw, hl);
        int nat = 0;
        for (uint32_t j = 0; j < n_nat && nat != 1; j++) {
            const char *nw = doc->text + doc->toks[nations[j]].start;
            int r = sw_ent_has_nation(doc, (int32_t)e, nw, core_len(doc, nations[j]));
            if (r == 1 || (r == -1 && nat == 0)) nat = r;
        }
        if (nat < 0) continue;
        int score = role * ROLE_SCORE + (nat == 1) * NATION_SCORE;
        if (score == 0) {
            if (weak < 0) weak = (int32_t)e;
            continue;
        }
        if (score > best_score) {
            best = (int32_t)e;
            best_score = score;
            n_best = 1;
        } else if (score == best_score) {
            n_best++;
        }
    }
    if (best >= 0) {
        if (strength) {
            if (best_score == ROLE_SCORE + NATION_SCORE) *strength = SW_ENT_MATCHED_BOTH;
            else if (n_best == 1 && (n_nat == 0 || best_score == NATION_SCORE || best_score == ROLE_SCORE))
                *strength = SW_ENT_MATCHED;
            else *strength = SW_ENT_GUESS;
        }
        return best;
    }
    if (weak >= 0 && strength) *strength = SW_ENT_GUESS;
    return weak;
}
