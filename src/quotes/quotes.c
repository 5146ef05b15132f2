/*
 * quotes.c -- pairs the quotation marks found by the tokenizer into quotation spans (doc->qspans).
 *
 * Marks come in four families that pair only among themselves: double (“ ” " „ ‟), single
 * (‘ ’ ' ‚ ‛), guillemets (« ») and single guillemets (‹ ›). Whether a mark may open or close is
 * decided by the mark and by what surrounds it: “ „ « open, ” » close, but a ” with a space before
 * and a letter after opens (Swedish ”…”, reversed Danish »…«, and plain typos) and a “ after a
 * word and before a space closes (German „…“); straight " and ' open when they look like an
 * opener (space or bracket before, no space after) and close in the reverse case.
 *
 * One pass with a stack, so the time is linear in the number of tokens whatever the input:
 *  - a mark that can close, when a quotation of its family is open, closes the innermost one of
 *    that family; quotations of other families opened inside it and still open are dropped (their
 *    opening marks become stray marks, SW_QM_NONE). A per-family count of open entries tells in
 *    O(1) whether such a quotation exists, and every entry is pushed and popped once;
 *  - otherwise a mark that can open pushes a new quotation (nested in the one below it);
 *  - otherwise the mark is stray and ignored;
 *  - at the end of a block, when the next block begins with an opening mark of the family of the
 *    outermost open quotation, that quotation continues into the next block (SW_QF_MULTI_PARA;
 *    the reopening mark gets SW_QM_OPEN and no span of its own); so does it when the next block is
 *    the next line of the same paragraph (no blank line between) and the first mark of the family
 *    there is a closing one. Everything else still open ends at the end of the block
 *    (SW_QF_UNCLOSED): a lost closing mark never swallows the rest of the article. A single
 *    quotation opened by ' or ’ that never closes is dropped instead: an apostrophe ('net).
 *
 * The kind of each span (SW_KIND_DIRECT or SW_KIND_PARTIAL) is decided from the tokens around it,
 * since sentences are not known yet (see decide_kind()).
 */
#include "doc.h"
#include "segment/segment.h"
#include "lookup/lookup.h"

/* decide_kind(): the nested opening or closing marks stepped over at either end of a quotation
 * (“‘...’” rarely nests deeper than two or three: the bound keeps the pass linear) */
#define KIND_NESTED_MARKS_MAX 8
/* a short unpunctuated phrase continued by a lower-case word (“Fake news” is a phrase ...) has at
 * most this many words; the count stops one past it */
#define KIND_PHRASE_MAX_WORDS 3
/* after a comma, a closing mark this many tokens back makes the quotation the second half of a
 * split statement (“Overall,” he continued, “the results ...”) */
#define KIND_SPLIT_CLOSE_WINDOW 6
/* elsewhere, a quotation that begins with a capital is direct when it has this many words or more
 * (a statement rather than a name or a title) ... */
#define KIND_LONG_QUOTE_WORDS 6
/* ... or is a complete sentence (ending in . ! ? inside the marks) of this many words or more */
#define KIND_SENTENCE_MIN_WORDS 3

typedef struct open_entry {
    uint32_t span;   /* index into doc->qspans (provisional) */
    uint8_t family;
} open_entry;

typedef struct pairer {
    sw_doc *doc;
    open_entry *stack;
    uint32_t depth;
    uint32_t fam_count[SW_QFAM_COUNT];
    uint8_t *dropped; /* per provisional span: 1 when dropped */
} pairer;

/* The roles a quotation-mark token may play. */
typedef struct mark_roles {
    int family;
    int can_open, can_close;
} mark_roles;

static int is_space_cc(int cc) { return cc == SW_CC_SPACE; }

/* Decides the possible roles of the mark token t inside block [lo, hi). */
static mark_roles roles_of(const sw_doc *doc, const sw_tok *t, uint32_t lo, uint32_t hi)
{
    mark_roles r = {SW_QFAM_DOUBLE, 0, 0};
    uint32_t cp, len, cpb, cpa, lena;
    sw_char_class(doc->text, t->start, t->end, &cp, &len);
    int mark = sw_qmark_of(cp);
    r.family = sw_qmark_family(mark);
    int before = sw_char_class_before(doc->text, lo, t->start, &cpb);
    int after = SW_CC_SPACE;
    cpa = ' ';
    if (t->end < hi) after = sw_char_class(doc->text, t->end, hi, &cpa, &lena);
    int b_open = is_space_cc(before) || before == SW_CC_OPEN || before == SW_CC_DASH ||
                 before == SW_CC_QUOTE || before == SW_CC_HYPHEN || before == SW_CC_PUNCT;
    int a_close = is_space_cc(after) || after == SW_CC_PUNCT || after == SW_CC_PERIOD ||
                  after == SW_CC_TERM || after == SW_CC_CLOSE || after == SW_CC_DASH ||
                  after == SW_CC_QUOTE || after == SW_CC_HYPHEN;
    /* looks like an opener: something opens before it and a word (not punctuation) follows */
    int ellipsis = cpa == 0x2026 || (after == SW_CC_PERIOD && t->end + 1 < hi &&
                                     doc->text[t->end + 1] == '.');  /* "...not recognized" */
    int L = b_open && !is_space_cc(after) && after != SW_CC_PUNCT && after != SW_CC_CLOSE &&
            ((after != SW_CC_PERIOD && after != SW_CC_TERM) || ellipsis);
    /* looks like a closer: a word or punctuation (not an opening bracket) comes before it */
    int R = a_close && !is_space_cc(before) && before != SW_CC_OPEN;
    switch (mark) {
    case SW_QMARK_LOWDQ:
    case SW_QMARK_LOWSQ:
    case SW_QMARK_REVDQ:
    case SW_QMARK_REVSQ:
        r.can_open = 1;
        break;
    case SW_QMARK_LDQ:
    case SW_QMARK_LSQ:
    case SW_QMARK_LGUIL:
    case SW_QMARK_LSGUIL:
        r.can_open = !(R && !L);
        r.can_close = R && !L;
        break;
    case SW_QMARK_RDQ:
    case SW_QMARK_RSQ:
    case SW_QMARK_RGUIL:
    case SW_QMARK_RSGUIL:
        r.can_close = !(L && !R);
        r.can_open = L && !R;
        break;
    default: /* straight marks; one with spaces on both sides can only close (`well. " Then`) */
        r.can_open = L;
        r.can_close = R || !L;
        break;
    }
    return r;
}

/* 1 for an apostrophe token k right after an s-word and before a space and a word (the players’
 * union) that would close an open single quotation, when the next single mark of the block looks
 * like a closer: then that later mark closes the quotation and this one is a possessive
 * (‘The players’ union agreed,’ he said). *next caches the index of the next single mark, so
 * that the scans ahead of successive candidates never overlap (linear time). */
static int is_possessive(const sw_doc *doc, uint32_t k, const sw_iblock *blk, uint32_t *next)
{
    const sw_tok *t = &doc->toks[k];
    if (k == blk->tok_start || (t->flags & SW_TF_SPACE_BEFORE) || !(t->flags & SW_TF_SPACE_AFTER))
        return 0;
    const sw_tok *pv = &doc->toks[k - 1];
    if (pv->kind != SW_TK_WORD ||
        sw_pack_ends_with_folded(doc->pack, SW_LIST_PLURAL_ENDINGS, doc->text + pv->start, pv->end - pv->start) < 0)
        return 0;
    if (k + 1 >= blk->tok_end || doc->toks[k + 1].kind != SW_TK_WORD) return 0;
    uint32_t cp, len;
    sw_char_class(doc->text, t->start, t->end, &cp, &len);
    if (cp != '\'' && cp != 0x2019) return 0;
    if (*next <= k) {
        uint32_t m = k + 1;
        for (; m < blk->tok_end; m++) {
            const sw_tok *u = &doc->toks[m];
            if (u->kind != SW_TK_QUOTE) continue;
            sw_char_class(doc->text, u->start, u->end, &cp, &len);
            if (sw_qmark_family(sw_qmark_of(cp)) == SW_QFAM_SINGLE) break;
        }
        *next = m;
    }
    if (*next >= blk->tok_end) return 0;
    mark_roles r = roles_of(doc, &doc->toks[*next], blk->start, blk->end);
    return r.can_close && !r.can_open;
}

/* 1 when the first mark of `family` in block nb looks like a closer. Called once per block at
 * most, so the scans stay linear. */
static int closes_first(const sw_doc *doc, const sw_iblock *nb, int family)
{
    for (uint32_t k = nb->tok_start; k < nb->tok_end; k++) {
        const sw_tok *t = &doc->toks[k];
        if (t->kind != SW_TK_QUOTE) continue;
        mark_roles r = roles_of(doc, t, nb->start, nb->end);
        if (r.family != family) continue;
        return r.can_close && !r.can_open;
    }
    return 0;
}

/* Pushes a new provisional span opened by token k of block b. */
static void open_span(pairer *p, uint32_t k, uint32_t b, int family)
{
    sw_doc *doc = p->doc;
    uint32_t si = doc->n_qspans++;
    sw_qspan *q = &doc->qspans[si];
    const sw_tok *t = &doc->toks[k];
    q->start = t->start;
    q->cstart = t->end;
    q->end = q->cend = t->end;
    q->tok_open = k;
    q->tok_close = SW_NONE;
    q->block_first = q->block_last = b;
    q->parent = p->depth ? (int32_t)p->stack[p->depth - 1].span : -1;
    q->kind = SW_KIND_DIRECT;
    q->flags = p->depth ? SW_QF_NESTED : 0;
    q->section = doc->blocks[b].section;
    p->dropped[si] = 0;
    p->stack[p->depth].span = si;
    p->stack[p->depth].family = (uint8_t)family;
    p->depth++;
    p->fam_count[family]++;
    doc->toks[k].qm = SW_QM_OPEN;
}

/* Pops the top entry, dropping its span (its opening mark becomes a stray mark). */
static void drop_top(pairer *p)
{
    open_entry *e = &p->stack[--p->depth];
    p->fam_count[e->family]--;
    p->dropped[e->span] = 1;
    p->doc->toks[p->doc->qspans[e->span].tok_open].qm = SW_QM_NONE;
}

/* Pops the top entry, ending its span unclosed at the end of block b. A single quotation opened
 * by a straight ' or by ’ that never closes (within its paragraph) is far more likely an
 * apostrophe ('specially, the 'net) than a quotation: it is dropped instead. */
static void end_top_unclosed(pairer *p, uint32_t b)
{
    open_entry *top = &p->stack[p->depth - 1];
    if (top->family == SW_QFAM_SINGLE && !(p->doc->qspans[top->span].flags & SW_QF_MULTI_PARA)) {
        const sw_tok *t = &p->doc->toks[p->doc->qspans[top->span].tok_open];
        unsigned char c = (unsigned char)p->doc->text[t->start];
        if (c == '\'' || (c == 0xE2 && (unsigned char)p->doc->text[t->start + 2] == 0x99)) {
            drop_top(p);
            return;
        }
    }
    open_entry *e = &p->stack[--p->depth];
    p->fam_count[e->family]--;
    sw_qspan *q = &p->doc->qspans[e->span];
    q->end = q->cend = p->doc->blocks[b].end;
    q->block_last = b;
    q->flags |= SW_QF_UNCLOSED;
}

/* Closes the innermost open span of `family` with token k of block b. */
static void close_span(pairer *p, uint32_t k, uint32_t b, int family)
{
    while (p->stack[p->depth - 1].family != family) drop_top(p);
    open_entry *e = &p->stack[--p->depth];
    p->fam_count[family]--;
    sw_qspan *q = &p->doc->qspans[e->span];
    const sw_tok *t = &p->doc->toks[k];
    q->end = t->end;
    q->cend = t->start;
    q->tok_close = k;
    q->block_last = b;
    p->doc->toks[k].qm = SW_QM_CLOSE;
}

/* 1 when token k ends in sentence-final or clause-introducing punctuation (. ! ? … : ;), is a
 * dash or an opening bracket: what may come right before a quotation that starts a statement. */
static int opens_statement_context(const sw_doc *doc, uint32_t k, int depth)
{
    const sw_tok *t = &doc->toks[k];
    const char *s = doc->text + t->start;
    uint32_t n = t->end - t->start;
    if (t->kind == SW_TK_QUOTE) {
        if (t->qm == SW_QM_OPEN) return 1; /* nested at the start of its parent */
        if (t->qm == SW_QM_CLOSE && depth == 0 && k > doc->blocks[t->block].tok_start)
            return opens_statement_context(doc, k - 1, 1) == 2 ? 1 : 0;
        return 0;
    }
    if (t->kind == SW_TK_WORD) return s[n - 1] == '.' && !(t->flags & SW_TF_ABBREV) ? 2 : 0;
    if (t->kind != SW_TK_PUNCT) return 0;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?') return 2;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80) {
        unsigned char d = (unsigned char)s[n - 1];
        if (d == 0xA6) return 2;                             /* … */
        if (d == 0x93 || d == 0x94 || d == 0x95) return 1;   /* – — ― */
    }
    if (depth) return 0;
    return c == ':' || c == ';' || c == '(' || c == '[' || c == '-';
}

/* The number of words in tokens [first, stop), counting at most to `cap` and looking at no more
 * than 2 * cap tokens (so that the cost per span is bounded). */
static uint32_t count_words(const sw_doc *doc, uint32_t first, uint32_t stop, uint32_t cap)
{
    uint32_t words = 0;
    for (uint32_t m = first; m < stop && m < first + 2 * cap && words < cap; m++)
        if (doc->toks[m].kind == SW_TK_WORD || doc->toks[m].kind == SW_TK_NUM) words++;
    return words;
}

/* 1 when token k is one of the speech verbs that follow a quotation (said, added ...). */
static int is_speech(const sw_doc *doc, uint32_t k)
{
    return doc->toks[k].kind == SW_TK_WORD && (sw_token_classes(doc, k) & SW_LX_QUOTE_VERB);
}

/* Decides SW_KIND_DIRECT or SW_KIND_PARTIAL for span q:
 *  - unclosed and multi-paragraph quotations are direct;
 *  - a quotation at the start of a block, after . ! ? … : ; a dash or a bracket, or after another
 *    quotation that ended a sentence, is direct, unless it is a short unpunctuated phrase
 *    continued by a lower-case word (`“Fake news” is a phrase ...`);
 *  - after a comma: a quotation that begins in lower case is the second half of a split statement
 *    (`“Overall,” he continued, “the results ...”`: direct) when a closing mark comes shortly
 *    before, partial otherwise; one that begins with a capital is direct (`who said, “We are
 *    ready ...”`), except after a quotation that ends right before the comma (a list of titles:
 *    `“Dark Star”, “Morning Rain”`), where the rule below applies;
 *  - right after a speech verb, it is direct when it begins with a capital (`said “We won”`);
 *  - elsewhere (after a word of the writer's: `had “collapsed,” according to`, `the show
 *    “Morning in the City”.`) it is partial, unless it begins with a capital and is a long
 *    one (six words or more) or a complete sentence of three words or more ending in . ! ? inside
 *    the marks; `referred to him as “Canadian-born.”` stays partial.
 * Looks at a bounded number of tokens, so the whole pass stays linear. */
static uint8_t decide_kind(const sw_doc *doc, const sw_qspan *q)
{
    if (q->flags & (SW_QF_UNCLOSED | SW_QF_MULTI_PARA)) return SW_KIND_DIRECT;
    uint32_t ko = q->tok_open, kc = q->tok_close;
    const sw_iblock *blk = &doc->blocks[q->block_first];
    /* first content token, skipping marks that open nested quotations */
    uint32_t first = ko + 1;
    while (first < kc && doc->toks[first].kind == SW_TK_QUOTE && first < ko + KIND_NESTED_MARKS_MAX) first++;
    if (first >= kc) return SW_KIND_PARTIAL; /* empty */
    const sw_tok *ft = &doc->toks[first];
    int cap = ft->kind == SW_TK_NUM || (ft->kind == SW_TK_WORD && (ft->flags & SW_TF_CAP));
    /* last content token before the closing mark (and before closing marks of nested spans) */
    uint32_t last = kc - 1;
    while (last > first && doc->toks[last].kind == SW_TK_QUOTE && last + KIND_NESTED_MARKS_MAX > kc) last--;
    int end_kind = opens_statement_context(doc, last, 1); /* 2: . ! ? … inside */
    const sw_tok *lt = &doc->toks[last];
    char lc = doc->text[lt->end - 1];
    int end_punct =
        end_kind == 2 || (lt->kind == SW_TK_PUNCT && (lc == ',' || lc == ';' || lc == ':'));
    if (ko == blk->tok_start || opens_statement_context(doc, ko - 1, 0)) {
        if (!end_punct && kc + 1 < blk->tok_end) {
            const sw_tok *nx = &doc->toks[kc + 1];
            if (nx->kind == SW_TK_WORD && !(nx->flags & SW_TF_CAP) && !is_speech(doc, kc + 1) &&
                count_words(doc, first, kc, KIND_PHRASE_MAX_WORDS + 1) <= KIND_PHRASE_MAX_WORDS)
                return SW_KIND_PARTIAL;
        }
        return SW_KIND_DIRECT;
    }
    const sw_tok *pv = &doc->toks[ko - 1];
    int list = 0;
    if (pv->kind == SW_TK_PUNCT && doc->text[pv->start] == ',' && pv->end - pv->start == 1) {
        const sw_tok *pv2 = ko - 1 > blk->tok_start ? &doc->toks[ko - 2] : NULL;
        list = pv2 && pv2->kind == SW_TK_QUOTE && pv2->qm == SW_QM_CLOSE;
        if (!cap) {
            for (uint32_t m = ko - 1; m > blk->tok_start && m + KIND_SPLIT_CLOSE_WINDOW > ko; m--) {
                const sw_tok *u = &doc->toks[m - 1];
                if (u->kind == SW_TK_QUOTE && u->qm == SW_QM_CLOSE) return SW_KIND_DIRECT;
            }
            return SW_KIND_PARTIAL;
        }
        if (!list) return SW_KIND_DIRECT;
    }
    if (!cap) return SW_KIND_PARTIAL;
    if (!list && is_speech(doc, ko - 1)) return SW_KIND_DIRECT; /* said “We will win” */
    uint32_t words = count_words(doc, first, kc, KIND_LONG_QUOTE_WORDS);
    return words >= KIND_LONG_QUOTE_WORDS || (end_kind == 2 && words >= KIND_SENTENCE_MIN_WORDS) ? SW_KIND_DIRECT
                                                                                                 : SW_KIND_PARTIAL;
}

/* Fills doc->qspans (ordered by start), sets tok.qm on the marks that open and close them and
 * SW_TF_IN_QUOTE on the tokens between the marks. Returns SW_OK or SW_ERR_NOMEM. */
sw_status sw_find_quotes(sw_doc *doc)
{
    doc->qspans = NULL;
    doc->n_qspans = 0;
    uint32_t n_marks = doc->n_qmarks; /* the SW_TK_QUOTE tokens, listed by the tokenizer */
    if (!n_marks) return SW_OK;

    pairer p;
    memset(&p, 0, sizeof p);
    p.doc = doc;
    p.stack = sw_arena_alloc(&doc->arena, (size_t)n_marks * sizeof *p.stack);
    p.dropped = sw_arena_alloc(&doc->arena, n_marks);
    doc->qspans = sw_arena_alloc(&doc->arena, (size_t)n_marks * sizeof *doc->qspans);
    int32_t *remap = sw_arena_alloc(&doc->arena, (size_t)n_marks * sizeof *remap);
    if (!p.stack || !p.dropped || !doc->qspans || !remap) return SW_ERR_NOMEM;

    /* the outermost open span continues from the previous block: 1 reopened by the block's first
     * token, 2 continued across a line break of the same paragraph */
    int carried = 0;
    uint32_t mi = 0; /* the next of doc->qmarks */
    for (uint32_t b = 0; b < doc->n_blocks; b++) {
        const sw_iblock *blk = &doc->blocks[b];
        uint32_t next_single = 0; /* cache for is_possessive() */
        while (mi < n_marks && doc->qmarks[mi] < blk->tok_start) mi++;
        for (; mi < n_marks && doc->qmarks[mi] < blk->tok_end; mi++) {
            uint32_t k = doc->qmarks[mi];
            sw_tok *t = &doc->toks[k];
            mark_roles r = roles_of(doc, t, blk->start, blk->end);
            if (carried == 1 && k == blk->tok_start) {
                carried = 0;
                t->qm = SW_QM_OPEN; /* reopens the quotation continued from the last block */
                continue;
            }
            if (r.can_close && r.family == SW_QFAM_SINGLE && p.fam_count[SW_QFAM_SINGLE] &&
                is_possessive(doc, k, blk, &next_single)) {
                t->kind = SW_TK_PUNCT; /* the workers’ union, inside a single quotation */
                continue;
            }
            if (r.can_close && p.fam_count[r.family]) close_span(&p, k, b, r.family);
            else if (r.can_open) open_span(&p, k, b, r.family);
        }
        carried = 0;
        if (!p.depth) continue;
        /* continued in the next block? */
        if (b + 1 < doc->n_blocks) {
            const sw_iblock *nb = &doc->blocks[b + 1];
            if (nb->tok_start < nb->tok_end && doc->toks[nb->tok_start].kind == SW_TK_QUOTE) {
                mark_roles r = roles_of(doc, &doc->toks[nb->tok_start], nb->start, nb->end);
                if (r.can_open && r.family == p.stack[0].family) carried = 1;
            }
            if (!carried && !nb->para_start && closes_first(doc, nb, p.stack[0].family))
                carried = 2; /* a line break inside a paragraph: closed on the next line */
        }
        while (p.depth > (carried ? 1u : 0u)) end_top_unclosed(&p, b);
        if (carried) doc->qspans[p.stack[0].span].flags |= SW_QF_MULTI_PARA;
    }
    /* a quotation still continuing after the last block */
    while (p.depth) end_top_unclosed(&p, doc->n_blocks - 1);

    /* compact the dropped spans away and renumber the parents */
    uint32_t n = 0;
    for (uint32_t i = 0; i < doc->n_qspans; i++) {
        sw_qspan *q = &doc->qspans[i];
        int32_t parent = q->parent >= 0 ? remap[q->parent] : -1;
        if (p.dropped[i]) {
            remap[i] = parent; /* children of a dropped span hang on its parent */
            continue;
        }
        remap[i] = (int32_t)n;
        q->parent = parent;
        if (parent < 0) q->flags &= (uint8_t)~SW_QF_NESTED;
        doc->qspans[n++] = *q;
    }
    doc->n_qspans = n;

    for (uint32_t i = 0; i < n; i++) {
        sw_qspan *q = &doc->qspans[i];
        q->kind = decide_kind(doc, q);
        if (q->parent >= 0) continue;
        /* top-level spans do not overlap, so marking their insides is linear */
        uint32_t stop = q->tok_close != SW_NONE ? q->tok_close : doc->blocks[q->block_last].tok_end;
        for (uint32_t k = q->tok_open + 1; k < stop; k++) doc->toks[k].flags |= SW_TF_IN_QUOTE;
    }
    return SW_OK;
}
