/*
 * test_segment.c -- unit tests of the segmenter: tokens (words, apostrophes, abbreviations,
 * numbers, quotation-mark candidates) and sentences, on examples written for the project, plus a
 * measurement of sentence-boundary precision and recall on the GUM news documents in ../shared
 * (gold sentences re-joined into paragraphs).
 *
 * `test_segment --dump FILE` prints the tokens, sentences and quotation spans of a plain-text file
 * (a debugging aid).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "support.h"
#include "doc.h"
#include "segment/segment.h"

static sw_extractor *ex;

/* Runs the stages on a plain-text snippet (no title lines). */
static sw_doc *run(const char *text)
{
    sw_status st = SW_OK;
    sw_doc *doc = run_stages(ex, text, strlen(text), 0, NULL, &st);
    CHECK_EQ_INT(st, SW_OK);
    return doc;
}

/* The tokens of a text joined by '|', each followed by a flag letter when asked:
 * A abbreviation. Written into a static buffer. */
static const char *toks_of(const sw_doc *doc, int show_flags)
{
    static char buf[4096];
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < doc->n_toks && n + 64 < sizeof buf; i++) {
        const sw_tok *t = &doc->toks[i];
        if (i) buf[n++] = '|';
        memcpy(buf + n, doc->text + t->start, t->end - t->start);
        n += t->end - t->start;
        if (show_flags) {
            if (t->flags & SW_TF_ABBREV) buf[n++] = '@';
            if (t->kind == SW_TK_QUOTE) buf[n++] = '^';
            if (t->kind == SW_TK_NUM) buf[n++] = '#';
        }
    }
    buf[n] = 0;
    return buf;
}

/* The sentences of a text joined by " || ". */
static const char *sents_of(const sw_doc *doc)
{
    static char buf[4096];
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < doc->n_sents; i++) {
        const sw_sent *s = &doc->sents[i];
        if (n + (s->end - s->start) + 8 >= sizeof buf) break;
        if (i) { memcpy(buf + n, " || ", 4); n += 4; }
        memcpy(buf + n, doc->text + s->start, s->end - s->start);
        n += s->end - s->start;
    }
    buf[n] = 0;
    return buf;
}

#define TOKS(text, expect)                                 \
    do {                                                   \
        sw_doc *d_ = run(text);                            \
        if (d_) CHECK_EQ_STR(toks_of(d_, 1), expect);      \
        done_stages(d_);                                   \
    } while (0)

#define SENTS(text, expect)                                \
    do {                                                   \
        sw_doc *d_ = run(text);                            \
        if (d_) CHECK_EQ_STR(sents_of(d_), expect);        \
        done_stages(d_);                                   \
    } while (0)

static void test_words_and_punctuation(void)
{
    TOKS("The mayor's counter-attack stalled, again!",
         "The|mayor|'s|counter-attack|stalled|,|again|!");
    TOKS("Crème brûlée in Zürich and Kraków", "Crème|brûlée|in|Zürich|and|Kraków");
    TOKS("COVID-19 (the virus) spread.", "COVID-19|(|the|virus|)|spread|.");
    TOKS("Wait... what?! Well…", "Wait|...|what|?!|Well|…");
}

static void test_apostrophes(void)
{
    TOKS("They don't know O'Brien’s plan", "They|don't|know|O'Brien|’s|plan");
    TOKS("It’s the ’90s and the '80s", "It|’s|the|’90s#|and|the|'80s#");
    TOKS("rock 'n' roll and rock ’n’ roll", "rock|'n'|roll|and|rock|’n’|roll");
    TOKS("Jones' car and the players’ union", "Jones|'|car|and|the|players|’|union");
    TOKS("We’ve seen ’em", "We’ve|seen|’em");
    TOKS("Rocky['s] run, can['t] go", "Rocky|[|'s|]|run|,|can|[|'t|]|go");
    TOKS("I‘m here", "I‘m|here"); /* a typo for I’m */
    /* a zero-width joiner before the apostrophe (repair may have removed it already) */
    sw_doc *d = run("Wikinews\xe2\x80\x8d's reporter");
    if (d) {
        CHECK_EQ_INT(d->n_toks, 3);
        if (d->n_toks == 3) {
            CHECK(memcmp(d->text + d->toks[0].start, "Wikinews", 8) == 0);
            CHECK_EQ_INT(d->toks[1].end - d->toks[1].start, 2);
            CHECK_EQ_INT(d->toks[1].kind, SW_TK_WORD);
        }
    }
    done_stages(d);
    /* a trailing mark after an s-word closes an open single quotation */
    TOKS("‘It was the neighbours’ idea", "‘^|It|was|the|neighbours|’^|idea");
    TOKS("He said 'yes' then", "He|said|'^|yes|'^|then");
}

static void test_abbreviations_and_numbers(void)
{
    TOKS("Mr. Smith met Dr. J. K. Jones in the U.S. Army on Jan. 5.",
         "Mr.@|Smith|met|Dr.@|J.@|K.@|Jones|in|the|U.S.@|Army|on|Jan.@|5#|.");
    TOKS("It rose 3.5% to 1,000 in 2019, the 19th time.",
         "It|rose|3.5#|%|to|1,000#|in|2019#|,|the|19th#|time|.");
    TOKS("It moved to the U.S. The end.", "It|moved|to|the|U.S.|The|end|.");
    TOKS("A U.S.-led plan, Acme Inc., e.g. this", "A|U.S.@|-|led|plan|,|Acme|Inc.@|,|e.g.@|this");
    TOKS("Apples, pears, etc. are fruit.", "Apples|,|pears|,|etc.@|are|fruit|.");
    TOKS("See No. 10 and say No. Then", "See|No.@|10#|and|say|No|.|Then");
}

static void test_sentences(void)
{
    SENTS("Mr. Smith arrived. He left at 5 p.m. on Friday. It was 3.5 degrees.",
          "Mr. Smith arrived. || He left at 5 p.m. on Friday. || It was 3.5 degrees.");
    SENTS("George W. Bush spoke. Then he left!", "George W. Bush spoke. || Then he left!");
    SENTS("Is it over? Yes. 2019 was hard.", "Is it over? || Yes. || 2019 was hard.");
    SENTS("Sales fell (again.) Prices rose.", "Sales fell (again.) || Prices rose.");
    SENTS("First line\nSecond line. Still", "First line || Second line. || Still");
    SENTS("He lives in the U.S. He works in Washington, D.C. for Acme Inc. The firm grew.",
          "He lives in the U.S. || He works in Washington, D.C. for Acme Inc. || The firm grew.");
    SENTS("Sales fell 3.5 percent to $1,000.50 in Jan. and Feb. this year. No. 5 won.",
          "Sales fell 3.5 percent to $1,000.50 in Jan. and Feb. this year. || No. 5 won.");
    SENTS("Dr. J. R. Smith, Ph.D., spoke at 5 p.m. The talk ended.",
          "Dr. J. R. Smith, Ph.D., spoke at 5 p.m. || The talk ended.");
}

static void test_sentences_and_quotations(void)
{
    SENTS("“It collapsed.” Then it rose.", "“It collapsed.” || Then it rose.");
    SENTS("“Is it over?” he asked. Yes.", "“Is it over?” he asked. || Yes.");
    SENTS("“Is it over?” Smith asked. Yes.", "“Is it over?” Smith asked. || Yes.");
    SENTS("“I was... I don't know,” she said.", "“I was... I don't know,” she said.");
    SENTS("He said: \"We won.\" The crowd cheered.",
          "He said: \"We won.\" || The crowd cheered.");
}

/* ---- GUM sentence boundaries ---- */

typedef struct gum_doc {
    char *text;
    size_t len, cap;
    uint32_t *ends; /* gold sentence end offsets */
    size_t n_ends, cap_ends;
} gum_doc;

static void gum_append(gum_doc *g, const char *s, size_t n)
{
    if (g->len + n + 1 > g->cap) {
        g->cap = (g->len + n + 1) * 2;
        g->text = realloc(g->text, g->cap);
    }
    memcpy(g->text + g->len, s, n);
    g->len += n;
    g->text[g->len] = 0;
}

/* 1 when the text before offset o ends in sentence-final punctuation, possibly followed by closing
 * quotation marks and brackets. */
static int ends_with_punct(const char *text, size_t o)
{
    while (o > 0) {
        unsigned char c = (unsigned char)text[o - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') { o--; continue; }
        if (o >= 3 && (unsigned char)text[o - 3] == 0xE2 && (unsigned char)text[o - 2] == 0x80) {
            unsigned char d = c;
            if (d == 0x9D || d == 0x99 || d == 0x9C) { o -= 3; continue; } /* ” ’ “ */
            return d == 0xA6; /* … */
        }
        return c == '.' || c == '!' || c == '?';
    }
    return 0;
}

/* Scores one document: counts true positives, system and gold boundaries (block ends excluded on
 * both sides: they are given). Gold boundaries without any final punctuation (captions and list
 * items that the re-joined text runs into the next sentence) are counted apart in *unpunct when
 * missed. */
static void gum_score(gum_doc *g, long *tp, long *sys, long *gold, long *unpunct, int verbose)
{
    sw_doc *doc = run(g->text);
    if (!doc) return;
    char *is_gold = calloc(g->len + 1, 1), *is_block_end = calloc(g->len + 1, 1);
    for (uint32_t b = 0; b < doc->n_blocks; b++) is_block_end[doc->blocks[b].end] = 1;
    for (size_t i = 0; i < g->n_ends; i++) is_gold[g->ends[i]] = 1;
    char *is_sys = calloc(g->len + 1, 1);
    for (uint32_t i = 0; i < doc->n_sents; i++) is_sys[doc->sents[i].end] = 1;
    for (size_t o = 0; o <= g->len; o++) {
        if (is_block_end[o]) continue;
        if (is_gold[o] && !is_sys[o] && !ends_with_punct(g->text, o)) {
            (*unpunct)++; /* a caption or list item run into the next line: no mark to find */
            continue;
        }
        if (is_gold[o]) (*gold)++;
        if (is_sys[o]) (*sys)++;
        if (is_gold[o] && is_sys[o]) (*tp)++;
        if (verbose && is_gold[o] != is_sys[o]) {
            size_t a = o > 50 ? o - 50 : 0, e = o + 30 < g->len ? o + 30 : g->len;
            fprintf(stderr, "%s: %.*s <|> %.*s\n", is_gold[o] ? "MISSED" : "EXTRA ", (int)(o - a),
                    g->text + a, (int)(e - o), g->text + o);
        }
    }
    free(is_gold);
    free(is_block_end);
    free(is_sys);
    done_stages(doc);
}

static void test_gum_sentence_boundaries(void)
{
    long tp = 0, sys = 0, gold = 0, unpunct = 0;
    int docs = 0, verbose = getenv("SW_GUM_VERBOSE") != NULL;
    DIR *dir = opendir(SW_SHARED_DIR "/data/gum");
    if (!dir) {
        printf("GUM: %s/data/gum not found, skipped\n", SW_SHARED_DIR);
        return;
    }
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        size_t nl = strlen(ent->d_name);
        if (strncmp(ent->d_name, "GUM_news_", 9) != 0 || nl < 7 ||
            strcmp(ent->d_name + nl - 7, ".conllu") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/data/gum/%s", SW_SHARED_DIR, ent->d_name);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        gum_doc g = {0};
        char line[65536];
        int in_par = 0, sub_sizes[64], n_sub = 0, sub_at = 0;
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "# newpar", 8) == 0 &&
                (line[8] == '\n' || line[8] == ' ' || line[8] == '\r')) {
                if (g.len) gum_append(&g, "\n\n", 2);
                in_par = 0;
                n_sub = sub_at = 0;
            } else if (strncmp(line, "# newpar_block = ", 17) == 0) {
                /* "p (6 s) | figure (1 s) | caption (1 s)": sub-blocks are separate lines */
                n_sub = sub_at = 0;
                for (char *q = line; (q = strchr(q, '(')) != NULL && n_sub < 64; q++) {
                    int k;
                    char s_;
                    if (sscanf(q, "(%d %c)", &k, &s_) == 2 && s_ == 's') sub_sizes[n_sub++] = k;
                }
            } else if (strncmp(line, "# text = ", 9) == 0) {
                size_t n = strcspn(line + 9, "\r\n");
                while (n && (line[9 + n - 1] == ' ' || line[9 + n - 1] == '\t')) n--;
                if (sub_at < n_sub && sub_sizes[sub_at] == 0) {
                    sub_at++;
                    if (in_par) gum_append(&g, "\n", 1), in_par = 0;
                }
                if (sub_at < n_sub) sub_sizes[sub_at]--;
                if (in_par) gum_append(&g, " ", 1);
                gum_append(&g, line + 9, n);
                in_par = 1;
                if (g.n_ends == g.cap_ends) {
                    g.cap_ends = g.cap_ends ? g.cap_ends * 2 : 64;
                    g.ends = realloc(g.ends, g.cap_ends * sizeof *g.ends);
                }
                g.ends[g.n_ends++] = (uint32_t)g.len;
            }
        }
        fclose(f);
        if (g.len) {
            gum_score(&g, &tp, &sys, &gold, &unpunct, verbose);
            docs++;
        }
        free(g.text);
        free(g.ends);
    }
    closedir(dir);
    if (!docs) {
        printf("GUM: no documents found under %s/data/gum, skipped\n", SW_SHARED_DIR);
        return;
    }
    double p = sys ? (double)tp / (double)sys : 1.0, r = gold ? (double)tp / (double)gold : 1.0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double r_all = (double)tp / (double)(gold + unpunct);
    printf("GUM news (%d docs): sentence boundaries inside paragraphs after punctuation: gold %ld, "
           "found %ld, correct %ld: precision %.3f recall %.3f F1 %.3f; with the %ld missed "
           "gold boundaries that have no punctuation (captions run into the text): recall %.3f\n",
           docs, gold, sys, tp, p, r, f1, unpunct, r_all);
    CHECK(p > 0.95);
    CHECK(r > 0.95);
}

/* Every abbreviation of the English pack's data file has its class in the pack's table, in any
 * case of its letters, and a word the file does not list has none. */
static void test_abbreviations_of_the_pack_match_its_data_file(void)
{
    const sw_pack *en = sw_pack_find("en");
    CHECK(en != NULL);
    if (!en) return;
    FILE *f = fopen(SW_SOURCE_DIR "/data/en/abbreviations.tsv", "r");
    CHECK(f != NULL);
    if (!f) return;
    static const char *const cls_names[] = {"", "TITLE", "NUMBER", "MONTH", "ALWAYS", "GENERAL"};
    char line[256];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = 0;
        char *tab = strchr(line, '\t');
        CHECK(tab != NULL);
        if (!tab) continue;
        *tab = 0;
        const sw_lex_info *e = sw_pack_segment_word(en, line, strlen(line));
        CHECK(e != NULL);
        if (!e) continue;
        CHECK_EQ_STR(tab + 1, cls_names[e->abbrev]);
        for (char *c = line; *c; c++) *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
        e = sw_pack_segment_word(en, line, strlen(line));
        CHECK(e != NULL && e->abbrev != SW_AB_NONE);
        n++;
    }
    fclose(f);
    CHECK(n > 50);
    const sw_lex_info *none = sw_pack_segment_word(en, "budget", 6);
    CHECK(!none || none->abbrev == SW_AB_NONE);
}

/* Prints the tokens and sentences of a file, one token a line. */
static int dump(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 2;
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    sw_doc *doc = run(buf);
    if (!doc) return 1;
    static const char *const kinds[] = {"?", "WORD", "NUM", "PUNCT", "QUOTE", "SYM"};
    for (uint32_t i = 0; i < doc->n_toks; i++) {
        const sw_tok *t = &doc->toks[i];
        printf("%6u %6u s%-4u b%-3u %-5s %s%s%s%s %.*s\n", t->start, t->end, t->sent, t->block,
               kinds[t->kind], t->flags & SW_TF_SENT_START ? "S" : "-",
               t->flags & SW_TF_ABBREV ? "A" : "-", t->flags & SW_TF_IN_QUOTE ? "Q" : "-",
               t->qm == SW_QM_OPEN ? "<" : t->qm == SW_QM_CLOSE ? ">" : "-",
               (int)(t->end - t->start), doc->text + t->start);
    }
    for (uint32_t i = 0; i < doc->n_qspans; i++) {
        const sw_qspan *q = &doc->qspans[i];
        printf("Q%u [%u,%u) kind=%s flags=%u parent=%d: %.*s\n", i, q->start, q->end,
               q->kind == SW_KIND_DIRECT ? "direct" : "partial", q->flags, q->parent,
               (int)(q->end - q->start), doc->text + q->start);
    }
    done_stages(doc);
    return 0;
}

int main(int argc, char **argv)
{
    ex = sw_extractor_new(NULL, NULL);
    if (argc == 3 && strcmp(argv[1], "--dump") == 0) {
        int rc = dump(argv[2]);
        sw_extractor_free(ex);
        return rc;
    }
    RUN(test_words_and_punctuation);
    RUN(test_apostrophes);
    RUN(test_abbreviations_and_numbers);
    RUN(test_sentences);
    RUN(test_sentences_and_quotations);
    RUN(test_abbreviations_of_the_pack_match_its_data_file);
    RUN(test_gum_sentence_boundaries);
    sw_extractor_free(ex);
    return check_summary("test_segment");
}
