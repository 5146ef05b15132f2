/*
 * transcript.c -- the turns of a transcript: paragraphs that open with a speaker's label and a
 * colon ("WALLACE: Let's start with ...", "Luciana Lopez: Saying to people ..."), the way news
 * sites print an interview or a debate. Each turn is the labelled speaker's verbatim speech,
 * without quotation marks and without a speech verb.
 *
 * A label alone proves little: "Iowa: Tim Albrecht, ..." lists names, "Clinton: 547." is a tally,
 * "Jeb Bush: Student loans" is a heading. A transcript is several turns by two speakers at least,
 * one of whom speaks twice; each label names a person (or a speaker the article writes in capitals
 * only, which the entities stage may have taken for an organisation), never a place.
 */
#include "attr.h"

/* A label is a short name: "WALLACE", "Chris Matthews", "Gov. Mary Fallin". */
#define TRANSCRIPT_LABEL_MAX_WORDS 4
/* A turn says something: "Clinton: 547." or "Rubio: Finish second." are tallies and headings. */
#define TRANSCRIPT_TURN_MIN_WORDS 4
/* An exchange: at least this many turns in the article. */
#define TRANSCRIPT_MIN_TURNS 3

/* The turn that block b opens, if its first tokens are a label and a colon. */
static int turn_of_block(const sw_attr *a, uint32_t b, sw_turn *turn)
{
    const sw_iblock *blk = &a->doc->blocks[b];
    uint32_t i = blk->tok_start, hi = blk->tok_end;
    if (blk->section != SW_SECTION_BODY || blk->kind != SW_BLOCK_PARAGRAPH) return 0;
    /* some sites open every paragraph of a transcript with a quotation mark they never close */
    if (i < hi && a->t[i].kind == SW_TK_QUOTE) i++;
    uint32_t c = i;
    int all_caps = 1;
    while (c < hi && c - i < TRANSCRIPT_LABEL_MAX_WORDS && is_word(a, c) && (a->t[c].flags & SW_TF_CAP)) {
        if (!(a->t[c].flags & SW_TF_ALLCAPS)) all_caps = 0;
        c++;
    }
    if (c == i || c >= hi || !tok_punct(a, c, ':')) return 0;
    int32_t m = a->ment_of[c - 1];
    if (m < 0) return 0;
    int32_t e = a->doc->ments[m].ent;
    if (e < 0) return 0;
    uint8_t type = a->doc->ents[e].type;
    if (type == SW_ENT_PLACE || (type != SW_ENT_PERSON && !all_caps)) return 0;
    uint32_t words = 0;
    for (uint32_t k = c + 1; k < hi && words < TRANSCRIPT_TURN_MIN_WORDS; k++) words += is_word(a, k);
    if (words < TRANSCRIPT_TURN_MIN_WORDS) return 0;
    turn->block = b;
    turn->label_start = i;
    turn->label_end = c;
    turn->text_start = c + 1;
    turn->ent = e;
    return 1;
}

uint32_t sw_attr_transcript_turns(sw_attr *a, sw_turn **out)
{
    const sw_doc *doc = a->doc;
    *out = NULL;
    uint32_t n = 0;
    size_t cap = 0;
    sw_turn *turns = NULL;
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        sw_turn t;
        if (!turn_of_block(a, b, &t)) continue;
        /* (out of memory: no transcript, the paragraphs are read as prose) */
        turns = sw_arena_grow(&a->doc->arena, turns, sizeof *turns, n, &cap, n + 1);
        if (!turns) return 0;
        turns[n++] = t;
    }
    /* a label in capitals that the entities stage did not take for a person ("VIDEO:") is a
     * speaker only when it speaks twice */
    uint32_t kept = 0;
    for (uint32_t k = 0; k < n; k++) {
        int twice = doc->ents[turns[k].ent].type == SW_ENT_PERSON;
        for (uint32_t j = 0; j < n && !twice; j++) twice = j != k && turns[j].ent == turns[k].ent;
        if (twice) turns[kept++] = turns[k];
    }
    n = kept;
    if (n < TRANSCRIPT_MIN_TURNS) return 0;
    /* two speakers, one of whom speaks twice */
    int two = 0, twice = 0;
    for (uint32_t k = 1; k < n; k++) {
        if (turns[k].ent != turns[0].ent) two = 1;
        for (uint32_t j = 0; j < k && !twice; j++) twice = turns[j].ent == turns[k].ent;
    }
    if (!two || !twice) return 0;
    *out = turns;
    return n;
}
