/*
 * test_attribute.c -- unit tests of the attribution stage through sw_extract(): the seed article's
 * statements against its gold file (every statement found, each with the right speaker), its
 * addressee and outlet, the programme title and the teaser that are not statements, confidence in
 * range, and the public view (fragments, mentions with original offsets). The frames one by one
 * are in tests/spec/attribution.md. Examples other than the seed are written for the project.
 */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "support.h"
#include "doc.h"

static sw_extractor *ex;

static sw_doc *extract_text(const char *text, size_t len, int title_lines)
{
    sw_article art;
    memset(&art, 0, sizeof art);
    art.text.ptr = text;
    art.text.len = len;
    art.title_lines = title_lines;
    sw_doc *doc = NULL;
    sw_error err;
    CHECK_EQ_INT(sw_extract(ex, &art, &doc, &err), SW_OK);
    return doc;
}

/* The statement whose span is exactly [start, end), or NULL. */
static const sw_quote *quote_at(const sw_doc *doc, size_t start, size_t end)
{
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->start == start && q->end == end) return q;
    }
    return NULL;
}

/* The statement that contains byte offset `at`, or NULL. */
static const sw_quote *quote_over(const sw_doc *doc, size_t at)
{
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->start <= at && at < q->end) return q;
    }
    return NULL;
}

/* Reads an integer member "key": N from a JSON text at or after p (the gold file is ours to read). */
static long json_int(const char *p, const char *key, const char **after)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *k = strstr(p, pat);
    if (!k) return -1;
    k += strlen(pat);
    if (after) *after = k;
    return strtol(k, NULL, 10);
}

/* The seed article: the text of its gold line is the plain-text file as given, so gold offsets
 * apply to the .txt file directly. Every gold statement must be found with the gold speaker's
 * name (same surname), and no other body statement may be reported. */
static void test_seed_statements_and_speakers(void)
{
    size_t tlen, glen;
    char *text = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.txt", &tlen);
    char *gold = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.gold.jsonl", &glen);
    CHECK(text && gold);
    if (!text || !gold) goto out;
    sw_doc *doc = extract_text(text, tlen, 1);
    CHECK(doc != NULL);
    if (!doc) goto out;
    int n_gold = 0;
    const char *p = strstr(gold, "\"quotes\"");
    while (p && (p = strstr(p, "\"start\": "))) {
        const char *after;
        long start = json_int(p, "start", &after);
        long end = json_int(after, "end", &after);
        const char *ref = strstr(after, "\"reference\": \"");
        CHECK(ref != NULL);
        if (!ref) break;
        ref += strlen("\"reference\": \"");
        const char *ref_end = strchr(ref, '"');
        /* the surname: the last word of the reference */
        const char *sp = ref_end;
        while (sp > ref && sp[-1] != ' ') sp--;
        char surname[64];
        snprintf(surname, sizeof surname, "%.*s", (int)(ref_end - sp), sp);
        const sw_quote *q = quote_over(doc, (size_t)(start + end) / 2);
        CHECK(q != NULL);
        if (q) {
            CHECK(q->speaker_name && strstr(q->speaker_name, surname));
            CHECK(q->confidence >= 0.0 && q->confidence <= 1.0);
        }
        n_gold++;
        p = ref_end;
    }
    CHECK_EQ_INT(n_gold, 13);
    size_t body = 0;
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++)
        if (sw_doc_quote(doc, i)->section == SW_SECTION_BODY) body++;
    CHECK_EQ_INT(body, 13);

    /* “They’ve started to tire us ...” was said to Putin ("his Russian counterpart") */
    const char *tire = strstr(text, "\xe2\x80\x9cThey\xe2\x80\x99ve started");
    CHECK(tire != NULL);
    if (tire) {
        const sw_quote *q = quote_over(doc, (size_t)(tire - text) + 1);
        CHECK(q && q->addressee_entity >= 0);
        if (q && q->addressee_entity >= 0)
            CHECK(strstr(sw_doc_entity(doc, (size_t)q->addressee_entity)->name, "Putin") != NULL);
    }
    /* the outlet: "according to the TASS news agency" */
    const char *tass = strstr(text, "TASS");
    int via_found = 0;
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->via && tass && q->via->start <= (size_t)(tass - text) && (size_t)(tass - text) < q->via->end)
            via_found = 1;
    }
    CHECK(via_found);
    sw_doc_free(doc);
out:
    free(text);
    free(gold);
}

/* Titles of programmes and teasers are kept apart, with the reason, when asked. */
static void test_seed_non_statements(void)
{
    size_t tlen;
    char *text = read_file(SW_SHARED_DIR "/data/seed/putin-lukashenko.txt", &tlen);
    CHECK(text != NULL);
    if (!text) return;
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.keep_non_statements = 1;
    sw_extractor *keep = sw_extractor_new(&opts, NULL);
    sw_article art;
    memset(&art, 0, sizeof art);
    art.text.ptr = text;
    art.text.len = tlen;
    art.title_lines = 1;
    sw_doc *doc = NULL;
    CHECK_EQ_INT(sw_extract(keep, &art, &doc, NULL), SW_OK);
    /* the program “Security in our region” is a title, not a statement */
    const char *prog = strstr(text, "\xe2\x80\x9cSecurity in our region\xe2\x80\x9d");
    CHECK(prog != NULL);
    if (doc && prog) {
        const sw_quote *q = quote_at(doc, (size_t)(prog - text), (size_t)(prog - text) + strlen("\xe2\x80\x9cSecurity in our region\xe2\x80\x9d"));
        CHECK(q && !q->is_statement && q->not_statement_reason && !strcmp(q->not_statement_reason, "title"));
    }
    /* the teaser's quotation is not a body statement */
    const char *teaser = strstr(text, "\xe2\x80\x9cretaliatory measures\xe2\x80\x9d");
    CHECK(teaser != NULL);
    if (doc && teaser) {
        const sw_quote *q = quote_over(doc, (size_t)(teaser - text) + 1);
        CHECK(!q || (!q->is_statement && q->section == SW_SECTION_BOILERPLATE));
    }
    sw_doc_free(doc);
    sw_extractor_free(keep);
    free(text);
}

/* A mixed statement keeps its quotation as a fragment, with original offsets after a repair. */
static void test_fragments_after_repair(void)
{
    const char *text = "Mayor Lena Ost said the plan had &ldquo;failed,&rdquo; according to the city paper.";
    sw_doc *doc = extract_text(text, strlen(text), 0);
    if (!doc) return;
    CHECK_EQ_INT(sw_doc_quote_count(doc), 1);
    const sw_quote *q = sw_doc_quote(doc, 0);
    if (q) {
        CHECK_EQ_INT(q->kind, SW_KIND_MIXED);
        CHECK_EQ_INT(q->n_fragments, 1);
        const char *open = strstr(text, "&ldquo;");
        const char *close = strstr(text, "&rdquo;") + strlen("&rdquo;");
        if (q->n_fragments == 1) {
            CHECK_EQ_INT(q->fragments[0].start, open - text);
            CHECK_EQ_INT(q->fragments[0].end, close - text);
        }
        CHECK(q->speaker_mention && q->speaker_mention->start == (size_t)(strstr(text, "Lena") - text));
        CHECK(q->via != NULL);
    }
    sw_doc_free(doc);
}

/* Beliefs are not statements; a headline is kept apart. */
static void test_beliefs_and_headlines(void)
{
    const char *text = "Minister Ana Vidal thinks the budget will pass.";
    sw_doc *doc = extract_text(text, strlen(text), 0);
    if (doc) CHECK_EQ_INT(sw_doc_quote_count(doc), 0);
    sw_doc_free(doc);
    const char *t2 = "Vidal: \xe2\x80\x9cThe budget will pass\xe2\x80\x9d\n\nAna Vidal spoke on Monday.";
    doc = extract_text(t2, strlen(t2), 1);
    if (doc) CHECK_EQ_INT(sw_doc_quote_count(doc), 0);
    sw_doc_free(doc);
}

int main(void)
{
    ex = sw_extractor_new(NULL, NULL);
    if (!ex) return 1;
    RUN(test_seed_statements_and_speakers);
    RUN(test_seed_non_statements);
    RUN(test_fragments_after_repair);
    RUN(test_beliefs_and_headlines);
    sw_extractor_free(ex);
    return check_summary("test_attribute");
}
