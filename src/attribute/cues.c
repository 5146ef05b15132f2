/*
 * cues.c -- word classes for attribution and the test for "is this speech verb a verb here?".
 *
 * The open-class lists (speech verbs, titles, roles, names) come from the generated lexicon. The
 * few closed-class words that attribution reasons about (determiners, auxiliaries, prepositions,
 * conjunctions) are grammar, not vocabulary, so they are listed here with the class they play.
 */
#include <stdlib.h>
#include <string.h>
#include "attr.h"
#include "entities/entities.h"

typedef struct word_class {
    const char *word;
    uint32_t cls;
} word_class;

/* Sorted by word (strcmp order): looked up by binary search. */
static const word_class closed_words[] = {
    {"a", SW_W_DET},
    {"according", SW_W_ACCORDING},
    {"account", SW_W_DOC_NOUN},
    {"advisory", SW_W_DOC_NOUN},
    {"after", SW_W_PREP},
    {"afternoon", SW_W_TIME},
    {"again", SW_W_ADVERB},
    {"ago", SW_W_TIME},
    {"already", SW_W_ADVERB},
    {"also", SW_W_ADVERB},
    {"although", SW_W_CONJ},
    {"am", SW_W_AUX},
    {"an", SW_W_DET},
    {"analysis", SW_W_DOC_NOUN},
    {"and", SW_W_CONJ},
    {"announcement", SW_W_DOC_NOUN},
    {"another", SW_W_DET},
    {"are", SW_W_ADVERB | SW_W_AUX},
    {"as", SW_W_PREP | SW_W_ACCORDING},
    {"at", SW_W_PREP},
    {"be", SW_W_AUX},
    {"been", SW_W_AUX},
    {"before", SW_W_PREP},
    {"book", SW_W_TITLE_NOUN},
    {"broadcast", SW_W_TITLE_NOUN},
    {"but", SW_W_CONJ},
    {"by", SW_W_PREP},
    {"called", SW_W_NAMING_VERB},
    {"campaign", SW_W_TITLE_NOUN},
    {"can", SW_W_ADVERB | SW_W_AUX},
    {"caption", SW_W_DOC_NOUN},
    {"column", SW_W_TITLE_NOUN},
    {"complaint", SW_W_DOC_NOUN},
    {"could", SW_W_ADVERB | SW_W_AUX},
    {"data", SW_W_DOC_NOUN},
    {"decision", SW_W_DOC_NOUN},
    {"description", SW_W_DOC_NOUN},
    {"did", SW_W_ADVERB | SW_W_AUX},
    {"do", SW_W_AUX},
    {"document", SW_W_DOC_NOUN},
    {"documentary", SW_W_TITLE_NOUN},
    {"documents", SW_W_DOC_NOUN},
    {"does", SW_W_ADVERB | SW_W_AUX},
    {"dubbed", SW_W_NAMING_VERB},
    {"during", SW_W_PREP},
    {"earlier", SW_W_TIME},
    {"entitled", SW_W_NAMING_VERB},
    {"episode", SW_W_TITLE_NOUN},
    {"even", SW_W_ADVERB},
    {"evening", SW_W_TIME},
    {"every", SW_W_DET},
    {"exhibition", SW_W_TITLE_NOUN},
    {"filing", SW_W_DOC_NOUN},
    {"film", SW_W_TITLE_NOUN},
    {"finally", SW_W_ADVERB},
    {"findings", SW_W_DOC_NOUN},
    {"first", SW_W_ADVERB},
    {"for", SW_W_PREP},
    {"from", SW_W_PREP},
    {"further", SW_W_ADVERB},
    {"had", SW_W_ADVERB | SW_W_AUX},
    {"has", SW_W_ADVERB | SW_W_AUX},
    {"have", SW_W_ADVERB | SW_W_AUX},
    {"he", SW_W_SUBJ_PRON},
    {"her", SW_W_DET | SW_W_OBJ_PRON},
    {"herself", SW_W_ADVERB},
    {"him", SW_W_OBJ_PRON},
    {"himself", SW_W_ADVERB},
    {"his", SW_W_DET},
    {"however", SW_W_CONJ},
    {"i", SW_W_SUBJ_PRON},
    {"in", SW_W_PREP},
    {"interview", SW_W_DOC_NOUN},
    {"into", SW_W_PREP},
    {"is", SW_W_ADVERB | SW_W_AUX},
    {"it", SW_W_SUBJ_PRON},
    {"its", SW_W_DET},
    {"itself", SW_W_ADVERB},
    {"judgment", SW_W_DOC_NOUN},
    {"just", SW_W_ADVERB},
    {"known", SW_W_NAMING_VERB},
    {"last", SW_W_TIME},
    {"later", SW_W_TIME | SW_W_ADVERB},
    {"law", SW_W_TITLE_NOUN},
    {"lawsuit", SW_W_DOC_NOUN},
    {"letter", SW_W_DOC_NOUN},
    {"many", SW_W_DET},
    {"may", SW_W_ADVERB | SW_W_AUX},
    {"me", SW_W_OBJ_PRON},
    {"memo", SW_W_DOC_NOUN},
    {"message", SW_W_DOC_NOUN},
    {"might", SW_W_ADVERB | SW_W_AUX},
    {"month", SW_W_TIME},
    {"morning", SW_W_TIME},
    {"motion", SW_W_DOC_NOUN},
    {"motto", SW_W_TITLE_NOUN},
    {"movie", SW_W_TITLE_NOUN},
    {"must", SW_W_ADVERB | SW_W_AUX},
    {"my", SW_W_DET},
    {"named", SW_W_NAMING_VERB},
    {"never", SW_W_ADVERB},
    {"nicknamed", SW_W_NAMING_VERB},
    {"night", SW_W_TIME},
    {"not", SW_W_ADVERB},
    {"notice", SW_W_DOC_NOUN},
    {"novel", SW_W_TITLE_NOUN},
    {"of", SW_W_PREP},
    {"on", SW_W_PREP},
    {"once", SW_W_ADVERB},
    {"or", SW_W_CONJ},
    {"our", SW_W_DET},
    {"over", SW_W_PREP},
    {"page", SW_W_DOC_NOUN},
    {"paper", SW_W_DOC_NOUN},
    {"plans", SW_W_DOC_NOUN},
    {"play", SW_W_TITLE_NOUN},
    {"podcast", SW_W_TITLE_NOUN},
    {"poll", SW_W_DOC_NOUN},
    {"post", SW_W_DOC_NOUN},
    {"program", SW_W_TITLE_NOUN},
    {"programme", SW_W_TITLE_NOUN},
    {"project", SW_W_TITLE_NOUN},
    {"records", SW_W_DOC_NOUN},
    {"release", SW_W_DOC_NOUN},
    {"report", SW_W_DOC_NOUN},
    {"ruling", SW_W_DOC_NOUN},
    {"series", SW_W_TITLE_NOUN},
    {"shall", SW_W_ADVERB | SW_W_AUX},
    {"she", SW_W_SUBJ_PRON},
    {"should", SW_W_ADVERB | SW_W_AUX},
    {"show", SW_W_TITLE_NOUN},
    {"since", SW_W_ADVERB},
    {"site", SW_W_DOC_NOUN},
    {"slogan", SW_W_TITLE_NOUN},
    {"so", SW_W_CONJ},
    {"some", SW_W_DET},
    {"song", SW_W_TITLE_NOUN},
    {"statement", SW_W_DOC_NOUN},
    {"still", SW_W_ADVERB},
    {"study", SW_W_DOC_NOUN},
    {"survey", SW_W_DOC_NOUN},
    {"that", SW_W_THAT | SW_W_DET},
    {"the", SW_W_DET},
    {"their", SW_W_DET},
    {"them", SW_W_OBJ_PRON},
    {"themselves", SW_W_ADVERB},
    {"then", SW_W_ADVERB},
    {"these", SW_W_DET},
    {"they", SW_W_SUBJ_PRON},
    {"this", SW_W_DET},
    {"those", SW_W_DET},
    {"through", SW_W_PREP},
    {"titled", SW_W_NAMING_VERB},
    {"to", SW_W_TO | SW_W_PREP},
    {"today", SW_W_TIME},
    {"tonight", SW_W_TIME},
    {"tweet", SW_W_DOC_NOUN},
    {"under", SW_W_PREP},
    {"until", SW_W_PREP},
    {"us", SW_W_OBJ_PRON},
    {"verdict", SW_W_DOC_NOUN},
    {"via", SW_W_PREP},
    {"was", SW_W_ADVERB | SW_W_AUX},
    {"we", SW_W_SUBJ_PRON},
    {"website", SW_W_DOC_NOUN},
    {"week", SW_W_TIME},
    {"were", SW_W_ADVERB | SW_W_AUX},
    {"which", SW_W_RELATIVE},
    {"while", SW_W_CONJ},
    {"who", SW_W_RELATIVE},
    {"whose", SW_W_DET},
    {"will", SW_W_ADVERB | SW_W_AUX},
    {"with", SW_W_PREP},
    {"within", SW_W_PREP},
    {"would", SW_W_ADVERB | SW_W_AUX},
    {"year", SW_W_TIME},
    {"yesterday", SW_W_TIME},
    {"you", SW_W_SUBJ_PRON},
    {"your", SW_W_DET},
};

#define N_CLOSED_WORDS (sizeof closed_words / sizeof closed_words[0])

/* FNV-1a over the lower-cased word (the same bytes closed_class() compares). */
static uint32_t closed_hash(const char *w, size_t len)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)w[i];
        h *= 0x01000193u;
    }
    return h;
}

/* Builds the open-addressing index of closed_words (slot = word index + 1, 0 = empty); called
 * once per extractor, which is immutable afterwards. */
void attr_init_tables(uint16_t slots[SW_CLOSED_SLOTS])
{
    memset(slots, 0, SW_CLOSED_SLOTS * sizeof *slots);
    for (size_t k = 0; k < N_CLOSED_WORDS; k++) {
        uint32_t h = closed_hash(closed_words[k].word, strlen(closed_words[k].word));
        while (slots[h & (SW_CLOSED_SLOTS - 1)]) h++;
        slots[h & (SW_CLOSED_SLOTS - 1)] = (uint16_t)(k + 1);
    }
}

/* Closed-class lookup: the token lower-cased (ASCII), hashed, compared with its slot's word. */
static uint32_t closed_class(const uint16_t *slots, const char *w, size_t len)
{
    char buf[16];
    if (len == 0 || len >= sizeof buf) return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80) return 0;
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (uint32_t h = closed_hash(buf, len);; h++) {
        uint16_t k = slots[h & (SW_CLOSED_SLOTS - 1)];
        if (!k) return 0;
        const char *cw = closed_words[k - 1].word;
        /* strncmp stops at the end of a shorter word, so cw[len] is read only when it exists */
        if (cw[0] == buf[0] && strncmp(cw, buf, len) == 0 && cw[len] == '\0') return closed_words[k - 1].cls;
    }
}

int tok_is(const sw_attr *a, uint32_t i, const char *word)
{
    uint32_t len = tok_len(a, i);
    const char *s = tok_text(a, i);
    for (uint32_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k], w = (unsigned char)word[k];
        if (!w) return 0;
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != w) return 0;
    }
    return word[len] == '\0';
}

int tok_clause_break(const sw_attr *a, uint32_t i)
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


sw_status attr_classify(sw_attr *a)
{
    sw_arena *ar = &a->doc->arena;
    a->lx = sw_arena_calloc(ar, a->n + 1, sizeof *a->lx);
    a->wcls = sw_arena_calloc(ar, a->n + 1, sizeof *a->wcls);
    a->info = sw_arena_calloc(ar, a->n + 1, sizeof *a->info);
    if (!a->lx || !a->wcls || !a->info) return SW_ERR_NOMEM;
    /* The entities stage looked every word up already; reuse its answers when it ran. */
    int have_ent = a->doc->ent_data != NULL;
    const uint16_t *slots = a->doc->ex->closed_slots;
    for (uint32_t i = 0; i < a->n; i++) {
        if (a->t[i].kind != SW_TK_WORD) continue;
        const char *w = tok_text(a, i);
        uint32_t len = tok_len(a, i);
        const sw_lex_info *info = have_ent ? sw_ent_token_info(a->doc, i) : sw_lex_lookup(w, len);
        if (info) {
            a->info[i] = info;
            a->lx[i] = info->classes;
        }
        a->wcls[i] = closed_class(slots, w, len);
        if (a->lx[i] & SW_LX_ADVERB) a->wcls[i] |= SW_W_ADVERB;
    }
    return SW_OK;
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

int attr_is_cue_verb(const sw_attr *a, uint32_t i)
{
    if (a->t[i].kind != SW_TK_WORD || !(a->lx[i] & SW_LX_SPEECH)) return 0;
    if (a->t[i].flags & SW_TF_IN_QUOTE) return 0;
    const sw_lex_info *info = a->info[i];
    if (!info || !info->verb_form) return 0;
    /* Capitalised mid-sentence: part of a name ("Said Hassan"), not a verb. */
    if ((a->t[i].flags & SW_TF_CAP) && !(a->t[i].flags & SW_TF_SENT_START)) return 0;
    if (noun_context_before(a, i)) return 0;
    /* A base form ("say", "report") is a verb only after a subject pronoun, an auxiliary or "to"
     * ("they say", "will say", "went on to say"); otherwise it is too often a noun. */
    if (info->verb_form == SW_VF_BASE) {
        if (i == 0) return 0;
        uint32_t p = i - 1;
        if (a->wcls[p] & (SW_W_SUBJ_PRON | SW_W_ADVERB | SW_W_TO)) return 1;
        if (a->t[p].kind == SW_TK_WORD && (a->lx[p] & SW_LX_ROLE)) return 1;
        if (a->ment_of[p] >= 0) return 1;
        return 0;
    }
    return 1;
}

uint32_t attr_according_at(const sw_attr *a, uint32_t i)
{
    if (i + 1 >= a->n || !(a->wcls[i] & SW_W_ACCORDING)) return 0;
    if (tok_is(a, i, "according") && tok_is(a, i + 1, "to")) return 2;
    if (i + 2 < a->n && tok_is(a, i, "as") && tok_is(a, i + 1, "reported") && tok_is(a, i + 2, "by"))
        return 3;
    return 0;
}
