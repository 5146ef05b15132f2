/*
 * test_confidence.c -- unit tests of the confidence of statements (src/attribute/confidence.c):
 * the generated model table (confidence_model.c) was trained with the features the code computes,
 * in the same order; every statement's confidence is a probability and every span that is not a
 * statement has 0, also in the quotes-only mode; the features are what their descriptions say on
 * an article written for the project. How sure the model is of which shapes is in
 * tests/spec/attribution.md (the examples with confidence=...).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "support.h"
#include "doc.h"
#include "attribute/confidence.h"

static const char ARTICLE[] =
    "Harbour council approves new pier\n\n"
    "“We will rebuild the pier before the summer,” said Mayor Ines Walsh. “The fishermen have "
    "waited long enough.”\n\n"
    "She appeared on “Morning Desk Live” on Sunday.\n\n"
    "Tom Berg met Carl Ruiz and Ivan Holm on Monday. He said the talks had failed.\n\n"
    "According to the harbour authority, the work will take two years.\n";

/* The document of `text`; free it with done() (the extractor outlives its documents). */
static sw_extractor *ex;
static sw_doc *extract(const sw_options *opts, const char *text)
{
    ex = sw_extractor_new(opts, NULL);
    CHECK(ex != NULL);
    if (!ex) return NULL;
    sw_article art;
    memset(&art, 0, sizeof art);
    art.text.ptr = text;
    art.text.len = strlen(text);
    art.title_lines = 1;
    sw_doc *doc = NULL;
    sw_error err;
    CHECK_EQ_INT(sw_extract(ex, &art, &doc, &err), SW_OK);
    return doc;
}

static void done(sw_doc *doc)
{
    sw_doc_free(doc);
    sw_extractor_free(ex);
    ex = NULL;
}

/* The table was generated for these features: a feature added, removed or moved without running
 * tools/train_confidence.py again fails here, not silently in the weights. */
static void test_model_matches_features(void)
{
    const sw_conf_model *m = &sw_conf_model_default;
    CHECK_EQ_INT(m->n, SW_CONF_N_FEATURES);
    for (uint32_t i = 0; i < m->n && i < SW_CONF_N_FEATURES; i++) {
        CHECK_EQ_STR(m->names[i], sw_conf_feature_names[i]);
        if (strcmp(m->names[i], sw_conf_feature_names[i]) != 0) break; /* the first difference says it */
    }
    CHECK(m->trained_on != NULL && m->trained_on[0] != '\0');
    for (uint32_t i = 0; i < m->n; i++) CHECK(isfinite(m->weights[i]));
    CHECK(isfinite(m->bias));
}

/* A probability for every statement; exactly 0 for every span that is not one. */
static void test_range_and_non_statements(void)
{
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.keep_non_statements = 1;
    sw_doc *doc = extract(&opts, ARTICLE);
    if (!doc) {
        done(NULL);
        return;
    }
    size_t n_stmt = 0, n_non = 0;
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        if (q->is_statement) {
            n_stmt++;
            CHECK(q->confidence > 0.0 && q->confidence < 1.0);
        } else {
            n_non++;
            CHECK(q->confidence == 0.0);
        }
    }
    CHECK(n_stmt >= 4);
    CHECK(n_non >= 1); /* "Morning Desk Live": a title, or a scare quote */
    done(doc);
}

/* The quotes-only mode finds spans, not speakers: it claims nothing. */
static void test_quotes_only_is_zero(void)
{
    sw_options opts;
    memset(&opts, 0, sizeof opts);
    opts.quotes_only = 1;
    sw_doc *doc = extract(&opts, ARTICLE);
    if (!doc) {
        done(NULL);
        return;
    }
    CHECK(sw_doc_quote_count(doc) > 0);
    for (size_t i = 0; i < sw_doc_quote_count(doc); i++) CHECK(sw_doc_quote(doc, i)->confidence == 0.0);
    done(doc);
}

/* The features of the statements of ARTICLE, found the way the extractor finds them. */
static void test_features(void)
{
    sw_doc *doc = extract(NULL, ARTICLE);
    if (!doc) {
        done(NULL);
        return;
    }
    sw_conf_doc d;
    sw_conf_doc_init(doc, &d);
    CHECK_EQ_INT(d.n_persons >= 4, 1);
    float x[SW_CONF_N_FEATURES];
    int seen_direct = 0, seen_pronoun = 0, seen_according = 0;
    for (uint32_t k = 0; k < doc->n_stmts; k++) {
        const sw_stmt *s = &doc->stmts[k];
        if (!s->is_statement) continue;
        sw_conf_features(doc, &d, k, x);
        for (int i = 0; i < SW_CONF_N_FEATURES; i++) CHECK(isfinite(x[i]) && x[i] >= 0.0f && x[i] <= 2.0f);
        /* exactly one kind, one resolution */
        CHECK_EQ_INT(x[SW_CF_KIND_DIRECT] + x[SW_CF_KIND_PARTIAL] + x[SW_CF_KIND_REPORTED] + x[SW_CF_KIND_MIXED], 1);
        CHECK_EQ_INT(x[SW_CF_RES_EXPLICIT] + x[SW_CF_RES_PRONOUN] + x[SW_CF_RES_DESCRIPTION] + x[SW_CF_RES_CONTEXT] +
                         x[SW_CF_RES_NONE], 1);
        const char *text = doc->text + s->start;
        if (!strncmp(text, "“We will", strlen("“We will"))) {
            seen_direct = 1;
            CHECK(x[SW_CF_KIND_DIRECT] == 1.0f && x[SW_CF_SPK_PERSON] == 1.0f && x[SW_CF_MEN_NAME] == 1.0f);
            CHECK(x[SW_CF_MEN_FULL] == 1.0f && x[SW_CF_CUE_COMMON] == 1.0f && x[SW_CF_CUE_AFTER] == 1.0f);
            CHECK(x[SW_CF_CUE_NEXT] == 1.0f && x[SW_CF_SPK_AFTER_CUE] == 1.0f && x[SW_CF_SPK_CUE_NEXT] == 1.0f);
            CHECK(x[SW_CF_SHARED_NEXT] == 1.0f && x[SW_CF_CONTINUES] == 0.0f && x[SW_CF_TITLE_CASE] == 0.0f);
        } else if (!strncmp(text, "“The fishermen", strlen("“The fishermen"))) {
            CHECK(x[SW_CF_CONTINUES] == 1.0f && x[SW_CF_SAME_AS_PREV] == 1.0f);
        } else if (!strncmp(text, "the talks", strlen("the talks"))) {
            seen_pronoun = 1;
            CHECK(x[SW_CF_RES_PRONOUN] == 1.0f && x[SW_CF_MEN_PRONOUN] == 1.0f && x[SW_CF_THAT] == 0.0f);
            CHECK(x[SW_CF_SPK_PERSON] == 1.0f && x[SW_CF_SPK_OTHER_SENT] == 0.0f && x[SW_CF_SPK_CUE_NEXT] == 1.0f);
            CHECK(x[SW_CF_DOC_PERSONS] > 0.0f && x[SW_CF_SENT_START] == 0.0f && x[SW_CF_CUE_BEFORE] == 1.0f);
        } else if (!strncmp(text, "the work", strlen("the work"))) {
            seen_according = 1;
            CHECK(x[SW_CF_CUE_ACCORDING] == 1.0f && x[SW_CF_CUE_BEFORE] == 1.0f && x[SW_CF_MEN_DESC] == 1.0f);
        }
    }
    CHECK(seen_direct && seen_pronoun && seen_according);
    done(doc);
}

int main(void)
{
    RUN(test_model_matches_features);
    RUN(test_range_and_non_statements);
    RUN(test_quotes_only_is_zero);
    RUN(test_features);
    return check_summary("test_confidence");
}
