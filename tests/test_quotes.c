/*
 * test_quotes.c -- unit tests of the quotation stage: pairing of every kind of mark, apostrophes
 * that are not quotes, nesting, quotations over several paragraphs, recovery of unbalanced marks,
 * direct vs partial, pathological inputs with a time bound, and the seed article (every
 * quotation-mark span inside the gold statements found with exact offsets).
 * Examples are written for the project, except the seed article read from ../shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "support.h"
#include "doc.h"

static sw_extractor *ex;

static sw_doc *run_len(const char *text, size_t len, int title_lines)
{
    sw_status st = SW_OK;
    sw_doc *doc = run_stages(ex, text, len, title_lines, NULL, &st);
    CHECK_EQ_INT(st, SW_OK);
    return doc;
}

static sw_doc *run(const char *text) { return run_len(text, strlen(text), 0); }

/* The spans of a document as "[text]" joined by spaces, each followed by p (partial), u
 * (unclosed), m (multi-paragraph), n (nested). */
static const char *spans_of(const sw_doc *doc)
{
    static char buf[4096];
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < doc->n_qspans; i++) {
        const sw_qspan *q = &doc->qspans[i];
        if (n + (q->end - q->start) + 16 >= sizeof buf) break;
        if (i) buf[n++] = ' ';
        buf[n++] = '[';
        memcpy(buf + n, doc->text + q->start, q->end - q->start);
        n += q->end - q->start;
        buf[n++] = ']';
        if (q->kind == SW_KIND_PARTIAL) buf[n++] = 'p';
        if (q->flags & SW_QF_UNCLOSED) buf[n++] = 'u';
        if (q->flags & SW_QF_MULTI_PARA) buf[n++] = 'm';
        if (q->flags & SW_QF_NESTED) buf[n++] = 'n';
    }
    buf[n] = 0;
    return buf;
}

#define SPANS(text, expect)                                \
    do {                                                   \
        sw_doc *d_ = run(text);                            \
        if (d_) CHECK_EQ_STR(spans_of(d_), expect);        \
        done_stages(d_);                                   \
    } while (0)

static void test_curly_and_straight_pairs(void)
{
    SPANS("“We are ready,” the coach said.", "[“We are ready,”]");
    SPANS("The coach said: \"We are ready.\" Fans cheered.", "[\"We are ready.\"]");
    SPANS("She said 'We lost' and left.", "['We lost']");
    SPANS("‘Not now,’ he replied.", "[‘Not now,’]");
}

static void test_apostrophes_are_not_quotes(void)
{
    SPANS("Don't stop: the '90s, Jones' car and rock 'n' roll aren't back.", "");
    SPANS("It’s the ’80s: the Smiths’ house isn’t rock ’n’ roll.", "");
    SPANS("The mayor's aide said 'We will see' about the workers' pay.", "['We will see']");
    SPANS("‘The Smiths’ dog barked,’ she said.", "[‘The Smiths’ dog barked,’]");
}

static void test_apostrophe_edge_cases(void)
{
    /* a possessive inside a single quotation: the later mark closes it */
    SPANS("‘The players’ union agreed,’ she said.", "[‘The players’ union agreed,’]");
    /* ... but a scare quote ending in s closes where it ends */
    SPANS("The so-called ‘experts’ say it will ‘fail’.", "[‘experts’]p [‘fail’]p");
    /* contractions after a bracket, and elisions that never close are not quotations */
    SPANS("Rocky['s] run and why can['t] we, on the 'net, 'specially now.", "");
}

static void test_straight_marks_with_spaces(void)
{
    /* a straight mark with spaces on both sides can only close */
    SPANS("He said: \"I asked, 'Can we talk?' \" Then he left.",
          "[\"I asked, 'Can we talk?' \"] ['Can we talk?']n");
    SPANS("The plan \"Participate Melbourne \" grew.", "[\"Participate Melbourne \"]p");
}

static void test_other_conventions(void)
{
    SPANS("Il a dit : « Nous partons. »", "[« Nous partons. »]");
    SPANS("Er sagte: „Wir gehen.“ Dann ging er.", "[„Wir gehen.“]");
    SPANS("Powiedział: „Idziemy.” Potem wyszedł.", "[„Idziemy.”]");
    SPANS("Han sagde: »Vi går.« Så gik han.", "[»Vi går.«]");
    SPANS("Han sa: ”Vi går.” Sedan gick han.", "[”Vi går.”]");
    SPANS("Er sagte: ‚Nein‘ und ging.", "[‚Nein‘]p");
    SPANS("Elle a dit ‹ non › hier.", "[‹ non ›]p");
}

static void test_nesting(void)
{
    SPANS("“He told me ‘never again’ last week,” she said.",
          "[“He told me ‘never again’ last week,”] [‘never again’]pn");
    SPANS("« Il a crié “au secours” deux fois », dit-elle.",
          "[« Il a crié “au secours” deux fois »] [“au secours”]pn");
    sw_doc *d = run("“A ‘b “c” d’ e,” he said.");
    if (d) {
        CHECK_EQ_INT(d->n_qspans, 3);
        if (d->n_qspans == 3) {
            CHECK_EQ_INT(d->qspans[0].parent, -1);
            CHECK_EQ_INT(d->qspans[1].parent, 0);
            CHECK_EQ_INT(d->qspans[2].parent, 1);
        }
    }
    done_stages(d);
}

static void test_multi_paragraph(void)
{
    const char *text = "He went on:\n\n“The first paragraph of it.\n\n“The second paragraph.\n\n"
                       "“The last one,” he said.\n\nAfter that, “done.”";
    sw_doc *d = run(text);
    if (!d) return;
    CHECK_EQ_INT(d->n_qspans, 2);
    if (d->n_qspans >= 1) {
        const sw_qspan *q = &d->qspans[0];
        CHECK(q->flags & SW_QF_MULTI_PARA);
        CHECK(!(q->flags & SW_QF_UNCLOSED));
        CHECK_EQ_INT(q->block_first, 1);
        CHECK_EQ_INT(q->block_last, 3);
        CHECK_EQ_INT(q->start, strstr(text, "“The first") - text);
        CHECK_EQ_INT(q->end, strstr(text, " he said") - text);
        CHECK_EQ_INT(q->kind, SW_KIND_DIRECT);
        /* the reopening marks are opening marks inside the span */
        const sw_iblock *b2 = &d->blocks[2];
        CHECK_EQ_INT(d->toks[b2->tok_start].qm, SW_QM_OPEN);
        CHECK(d->toks[b2->tok_start + 1].flags & SW_TF_IN_QUOTE);
    }
    done_stages(d);
    /* a line break inside a paragraph (no blank line) does not end a quotation that closes on
     * the next line */
    d = run("She wrote:\n\"It is a long shot.\nThink about it,\" she added.\n\nNext.");
    if (d) {
        CHECK_EQ_INT(d->n_qspans, 1);
        if (d->n_qspans == 1) {
            CHECK_EQ_INT(d->qspans[0].block_first, 1);
            CHECK_EQ_INT(d->qspans[0].block_last, 2);
            CHECK(!(d->qspans[0].flags & SW_QF_UNCLOSED));
        }
    }
    done_stages(d);
    /* a paragraph left open that the next one does not reopen ends at its own end */
    SPANS("“No closing mark here.\n\nThe next paragraph is narration, “with a quote.”",
          "[“No closing mark here.]u [“with a quote.”]p");
}

static void test_unbalanced_marks(void)
{
    SPANS("He said “this never closes. Then more text.\n\nA clean “quote” here.",
          "[“this never closes. Then more text.]u [“quote”]p");
    SPANS("A stray ” closing mark and then “a real one” here.", "[“a real one”]p");
    SPANS("Mixed “double ‘single” unmatched.", "[“double ‘single”]p");
    sw_doc *d = run("Mixed “double ‘single” unmatched.");
    if (d) {
        for (uint32_t k = 0; k < d->n_toks; k++) {
            const sw_tok *t = &d->toks[k];
            if (t->kind == SW_TK_QUOTE && d->text[t->start + 2] == '\x98') /* ‘ */
                CHECK_EQ_INT(t->qm, SW_QM_NONE);
        }
    }
    done_stages(d);
}

static void test_marks_and_in_quote_flags(void)
{
    sw_doc *d = run("He said “yes” today.");
    if (!d) return;
    CHECK_EQ_INT(d->n_toks, 7); /* He said “ yes ” today . */
    if (d->n_toks == 7) {
        CHECK_EQ_INT(d->toks[2].qm, SW_QM_OPEN);
        CHECK_EQ_INT(d->toks[4].qm, SW_QM_CLOSE);
        CHECK(!(d->toks[1].flags & SW_TF_IN_QUOTE));
        CHECK(!(d->toks[2].flags & SW_TF_IN_QUOTE));
        CHECK(d->toks[3].flags & SW_TF_IN_QUOTE);
        CHECK(!(d->toks[4].flags & SW_TF_IN_QUOTE));
        CHECK_EQ_INT(d->qspans[0].tok_open, 2);
        CHECK_EQ_INT(d->qspans[0].tok_close, 4);
        CHECK_EQ_INT(d->qspans[0].cstart, d->toks[3].start);
        CHECK_EQ_INT(d->qspans[0].cend, d->toks[3].end);
    }
    done_stages(d);
}

static void test_direct_and_partial(void)
{
    /* direct: starts a paragraph or sentence, follows a colon or a speech comma, whole sentence */
    SPANS("“It is over,” she said.", "[“It is over,”]");
    SPANS("The rain stopped. “It is over,” she said.", "[“It is over,”]");
    SPANS("She was clear: “It is over.”", "[“It is over.”]");
    SPANS("Then she said, “It is over for us.”", "[“It is over for us.”]");
    SPANS("She said “It is over.” and left.", "[“It is over.”]");
    /* partial: a fragment inside the writer's sentence */
    SPANS("The talks had “collapsed,” according to officials.", "[“collapsed,”]p");
    SPANS("She spoke on the show “Morning in the City”.", "[“Morning in the City”]p");
    SPANS("He called the offer “insulting” and walked out.", "[“insulting”]p");
    SPANS("She said, “never again”, and left.", "[“never again”]p");
    SPANS("“Fake news” is a phrase he likes.", "[“Fake news”]p");
    /* the second half of a split statement is direct */
    SPANS("“Overall,” he continued, “the results are good.”",
          "[“Overall,”] [“the results are good.”]");
    /* a list of titles is not a statement; nor is a one-word label with a period inside */
    SPANS("He wrote songs such as “Dark Star”, “Morning Rain” and more.",
          "[“Dark Star”]p [“Morning Rain”]p");
    SPANS("Officials referred to him as “Canadian-born.”", "[“Canadian-born.”]p");
    /* a long capitalised statement after a word of the writer's is direct */
    SPANS("The mayor told reporters “We will rebuild every house in this town”.",
          "[“We will rebuild every house in this town”]");
}

static void test_section_of_first_block(void)
{
    sw_doc *d = run_len("A headline with “marks”\n\n“Body quote,” he said.", 50, 1);
    if (!d) return;
    for (uint32_t i = 0; i < d->n_qspans; i++)
        CHECK_EQ_INT(d->qspans[i].section, d->blocks[d->qspans[i].block_first].section);
    done_stages(d);
}

/* ---- out of memory: every allocation failure is reported, never a crash ---- */

static long alloc_budget;
static void *budget_malloc(void *ctx, size_t n)
{
    (void)ctx;
    return alloc_budget-- > 0 ? malloc(n) : NULL;
}
static void *budget_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return alloc_budget-- > 0 ? realloc(p, n) : NULL;
}
static void budget_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_out_of_memory(void)
{
    sw_allocator al = {budget_malloc, budget_realloc, budget_free, NULL};
    /* big enough to need several arena blocks and array growths */
    size_t len = 0, piece_len;
    static const char piece[] = "“A quote ‘inside’ it,” Mr. Smith said. 'Another' one.\n\n";
    piece_len = sizeof piece - 1;
    char *buf = malloc(piece_len * 4000 + 1);
    if (!buf) return;
    for (int i = 0; i < 4000; i++, len += piece_len) memcpy(buf + len, piece, piece_len);
    int ok = 0, nomem = 0;
    for (long budget = 0; budget < 40; budget++) {
        alloc_budget = budget;
        sw_status st = SW_OK;
        sw_doc *d = run_stages(ex, buf, len, 0, &al, &st);
        CHECK(st == SW_OK || st == SW_ERR_NOMEM);
        if (st == SW_OK) {
            ok++;
            CHECK(d != NULL);
        } else {
            nomem++;
            CHECK(d == NULL);
        }
        done_stages(d);
    }
    CHECK(nomem > 0);
    CHECK(ok > 0);
    free(buf);
}

/* ---- pathological inputs: linear time ---- */

static double seconds_since(clock_t t0) { return (double)(clock() - t0) / CLOCKS_PER_SEC; }

/* Time bounds are for an optimised build; sanitizers make everything several times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define SLOWDOWN 5.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOWDOWN 5.0
#endif
#endif
#ifndef SLOWDOWN
#define SLOWDOWN 1.0
#endif

static void test_many_marks(void)
{
    size_t n = 100000, len = 0;
    char *buf = malloc(n * 4 + 16);
    if (!buf) return;
    for (size_t i = 0; i < n; i++) {
        memcpy(buf + len, i % 3 ? "\xe2\x80\x9c" : "\" ", i % 3 ? 3 : 2);
        len += i % 3 ? 3 : 2;
    }
    clock_t t0 = clock();
    sw_doc *d = run_len(buf, len, 0);
    double s = seconds_since(t0);
    printf("100,000 quotation marks: %.3f s\n", s);
    CHECK(s < 1.0 * SLOWDOWN);
    done_stages(d);
    free(buf);
}

static void test_deep_nesting(void)
{
    size_t depth = 10000, len = 0;
    char *buf = malloc(depth * 16 + 16);
    if (!buf) return;
    for (size_t i = 0; i < depth; i++) {
        memcpy(buf + len, i % 2 ? "\xe2\x80\x98w " : "\xe2\x80\x9cw ", 5);
        len += 5;
    }
    for (size_t i = 0; i < depth; i++) {
        memcpy(buf + len, (depth - 1 - i) % 2 ? "w\xe2\x80\x99 " : "w\xe2\x80\x9d ", 5);
        len += 5;
    }
    clock_t t0 = clock();
    sw_doc *d = run_len(buf, len, 0);
    double s = seconds_since(t0);
    printf("10,000 nested quotations: %.3f s\n", s);
    CHECK(s < 1.0 * SLOWDOWN);
    if (d) {
        CHECK_EQ_INT(d->n_qspans, depth);
        if (d->n_qspans == depth) CHECK_EQ_INT(d->qspans[depth - 1].parent, (int)depth - 2);
    }
    done_stages(d);
    /* the same, never closed: every span ends at the block end */
    d = run_len(buf, depth * 5, 0);
    if (d) {
        CHECK_EQ_INT(d->n_qspans, depth);
        if (d->n_qspans) CHECK(d->qspans[0].flags & SW_QF_UNCLOSED);
    }
    done_stages(d);
    free(buf);
}

static void test_50mb_line(void)
{
    static const char piece[] = "The minister told Mr. Smith on Tuesday that the “new measures” "
                                "would cost 3.5% of the budget, and 'no' was not an answer. ";
    size_t plen = sizeof piece - 1, target = 50u << 20, len = 0;
    char *buf = malloc(target + plen);
    if (!buf) return;
    while (len < target) {
        memcpy(buf + len, piece, plen);
        len += plen;
    }
    clock_t t0 = clock();
    sw_doc *d = run_len(buf, len, 0);
    double s = seconds_since(t0);
    printf("one 50 MB line: %.3f s (%.0f MB/s)\n", s, (double)len / (1 << 20) / (s > 0 ? s : 1e-9));
    CHECK(s < 3.0 * SLOWDOWN);
    if (d) CHECK_EQ_INT(d->n_qspans, 2 * (len / plen));
    done_stages(d);
    free(buf);
}

/* ---- the seed article ---- */


/* Every “...” span inside a gold statement of the seed article (the statement itself when it
 * begins with a mark) must be a quotation span of the document, with the same original offsets. */
static void test_seed_article_spans(void)
{
    size_t tlen, glen;
    char *text = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.txt", &tlen);
    char *gold = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.gold.jsonl", &glen);
    if (!text || !gold) {
        printf("seed article not found under %s, skipped\n", SW_SHARED_DIR);
        free(text);
        free(gold);
        return;
    }
    sw_article art;
    memset(&art, 0, sizeof art);
    art.text.ptr = text;
    art.text.len = tlen;
    art.title_lines = 1;
    sw_doc *d = NULL;
    CHECK_EQ_INT(sw_extract(ex, &art, &d, NULL), SW_OK); /* the whole pipeline */
    int expected = 0, found = 0;
    const char *p = strstr(gold, "\"quotes\"");
    while (d && p && (p = strstr(p, "{\"start\": ")) != NULL) {
        unsigned long s, e;
        if (sscanf(p, "{\"start\": %lu, \"end\": %lu", &s, &e) != 2 || e > tlen) break;
        p++;
        /* the marked spans inside [s, e) */
        for (size_t i = s; i + 3 <= e; i++) {
            if (memcmp(text + i, "\xe2\x80\x9c", 3) != 0) continue;
            const char *close = strstr(text + i + 3, "\xe2\x80\x9d");
            if (!close || (size_t)(close - text) + 3 > e) continue;
            size_t qs = i, qe = (size_t)(close - text) + 3;
            expected++;
            int ok = 0;
            for (uint32_t k = 0; k < d->n_qspans; k++)
                if (sw_map_start(d, d->qspans[k].start) == qs &&
                    sw_map_end(d, d->qspans[k].end) == qe)
                    ok = 1;
            if (!ok) fprintf(stderr, "seed: span [%zu, %zu) not found: %.*s\n", qs, qe,
                             (int)(qe - qs), text + qs);
            found += ok;
            i = qe - 1;
        }
    }
    printf("seed article: %d of %d quotation-mark spans of the gold statements found\n", found,
           expected);
    CHECK_EQ_INT(expected, 12);
    CHECK_EQ_INT(found, expected);
    sw_doc_free(d);
    free(text);
    free(gold);
}

int main(void)
{
    ex = sw_extractor_new(NULL, NULL);
    RUN(test_curly_and_straight_pairs);
    RUN(test_apostrophes_are_not_quotes);
    RUN(test_apostrophe_edge_cases);
    RUN(test_straight_marks_with_spaces);
    RUN(test_other_conventions);
    RUN(test_nesting);
    RUN(test_multi_paragraph);
    RUN(test_unbalanced_marks);
    RUN(test_marks_and_in_quote_flags);
    RUN(test_direct_and_partial);
    RUN(test_section_of_first_block);
    RUN(test_out_of_memory);
    RUN(test_many_marks);
    RUN(test_deep_nesting);
    RUN(test_50mb_line);
    RUN(test_seed_article_spans);
    sw_extractor_free(ex);
    return check_summary("test_quotes");
}
