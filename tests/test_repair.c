/* test_repair.c -- unit tests of the repair stage: each repair, the offset map back to the
 * original bytes, the no-copy path for clean text, long inputs. */
#include <stdlib.h>
#include "check.h"
#include "doc.h"

/* A document holding `text` as its original, repaired; free with drop(). */
static sw_doc *repaired(const char *text, size_t len)
{
    sw_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return NULL;
    sw_arena_init(&doc->arena, NULL);
    doc->orig = sw_arena_strndup(&doc->arena, text, len);
    doc->orig_len = (uint32_t)len;
    doc->id = doc->title_in = "";
    if (!doc->orig || sw_repair(doc) != SW_OK) {
        sw_arena_free(&doc->arena);
        free(doc);
        return NULL;
    }
    return doc;
}

static void drop(sw_doc *doc)
{
    if (!doc) return;
    sw_arena_free(&doc->arena);
    free(doc);
}

/* Repairs `in` and checks the repaired text is `want` and NUL-terminated. Returns the document. */
static sw_doc *expect(const char *in, const char *want)
{
    sw_doc *doc = repaired(in, strlen(in));
    CHECK(doc != NULL);
    if (!doc) return NULL;
    CHECK_EQ_STR(doc->text, want);
    CHECK_EQ_INT(doc->len, strlen(want));
    CHECK_EQ_INT(doc->text[doc->len], 0);
    return doc;
}

/* The original span of the first occurrence of `needle` in the repaired text. */
static void orig_span(const sw_doc *doc, const char *needle, uint32_t *s, uint32_t *e)
{
    const char *p = strstr(doc->text, needle);
    CHECK(p != NULL);
    if (!p) {
        *s = *e = 0;
        return;
    }
    uint32_t rs = (uint32_t)(p - doc->text), re = rs + (uint32_t)strlen(needle);
    *s = sw_map_start(doc, rs);
    *e = sw_map_end(doc, re);
}

/* Checks that repaired `needle` maps back onto the original bytes `orig_needle`. */
static void expect_maps(const sw_doc *doc, const char *needle, const char *orig_needle)
{
    uint32_t s, e;
    orig_span(doc, needle, &s, &e);
    const char *o = strstr(doc->orig, orig_needle);
    CHECK(o != NULL);
    if (!o) return;
    CHECK_EQ_INT(s, o - doc->orig);
    CHECK_EQ_INT(e, o - doc->orig + (long)strlen(orig_needle));
}

/* Edits must be sorted, non-overlapping and consistent with the two texts. */
static void check_edits(const sw_doc *doc)
{
    uint32_t rep = 0, orig = 0;
    for (uint32_t i = 0; i < doc->n_edits; i++) {
        const sw_edit *e = &doc->edits[i];
        CHECK(e->rep_start >= rep && e->orig_start >= orig);
        CHECK(e->rep_start - rep == e->orig_start - orig); /* same untouched run before it */
        CHECK(memcmp(doc->text + rep, doc->orig + orig, e->rep_start - rep) == 0);
        CHECK(e->rep_end >= e->rep_start && e->orig_end > e->orig_start);
        rep = e->rep_end;
        orig = e->orig_end;
    }
    CHECK(doc->len - rep == doc->orig_len - orig);
    CHECK_EQ_INT(doc->n_repairs, doc->n_edits);
}

static void test_clean_text_is_not_copied(void)
{
    const char *in = "A plain line.\n\nCaf\xc3\xa9, \xe2\x80\x9cquoted\xe2\x80\x9d & more; #1 q.";
    sw_doc *doc = repaired(in, strlen(in));
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK(doc->text == doc->orig);
    CHECK_EQ_INT(doc->n_edits, 0);
    CHECK_EQ_INT(doc->n_repairs, 0);
    CHECK_EQ_INT(sw_map_start(doc, 5), 5);
    drop(doc);
    doc = repaired("", 0);
    CHECK(doc != NULL && doc->len == 0 && doc->text[0] == 0);
    drop(doc);
}

static void test_named_entities(void)
{
    sw_doc *doc = expect("Tom &amp; Jerry said &quot;hi&quot; &mdash; caf&eacute; &hellip; &lt;b&gt; &NotEqualTilde;",
                         "Tom & Jerry said \"hi\" \xe2\x80\x94 caf\xc3\xa9 \xe2\x80\xa6 <b> \xe2\x89\x82\xcc\xb8");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "\"hi\"", "&quot;hi&quot;");
    expect_maps(doc, "caf\xc3\xa9", "caf&eacute;");
    expect_maps(doc, "&", "&amp;");
    CHECK_EQ_INT(doc->n_repairs, 9);
    drop(doc);
}

static void test_legacy_and_unknown_entities(void)
{
    /* names the HTML5 list has without ';' count when nothing follows; unknown names stay, and so
     * do words that begin with a name (&ampere, a URL's &quote=1, &copy=2) */
    sw_doc *doc = expect("AT&T &copy 2019 &amp x &foo; & bar &ampere &notanentity; &#xZZ; &#; ?a=1&quote=2&copy=3",
                         "AT&T \xc2\xa9 2019 & x &foo; & bar &ampere &notanentity; &#xZZ; &#; ?a=1&quote=2&copy=3");
    if (!doc) return;
    check_edits(doc);
    CHECK_EQ_INT(doc->n_edits, 2);
    drop(doc);
}

static void test_numeric_entities(void)
{
    sw_doc *doc = expect("&#8220;Yes&#8221; &#x2019; &#X201C; &#150; &#39; &#0; &#xD800; &#1114112;",
                         "\xe2\x80\x9cYes\xe2\x80\x9d \xe2\x80\x99 \xe2\x80\x9c \xe2\x80\x93 ' &#0; &#xD800; &#1114112;");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "\xe2\x80\x9cYes\xe2\x80\x9d", "&#8220;Yes&#8221;");
    drop(doc);
}

static void test_double_escaped_entities(void)
{
    sw_doc *doc = expect("&amp;quot;x&amp;quot; it&amp;#8217;s &amp;amp;", "\"x\" it\xe2\x80\x99s &");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "\"x\"", "&amp;quot;x&amp;quot;");
    drop(doc);
}

static void test_debris_quot(void)
{
    sw_doc *doc = expect("Putin assures offensive quotfailedquot\nquotThere is onequot, he said quot ok quot",
                         "Putin assures offensive \"failed\"\n\"There is one\", he said \" ok \"");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "\"failed\"", "quotfailedquot");
    expect_maps(doc, "failed", "failed");
    expect_maps(doc, "\"There", "quotThere");
    drop(doc);
}

static void test_debris_keeps_real_words(void)
{
    const char *words = "quotation quota quotas quote quoted quoting quotient quoth aliquot camp "
                        "example ample stamp champion Campbell apostle capos apostrophe amplify "
                        "guitar amp and the amp. hashtag #2019 ranked #1 Route #66 shellfish dashboard "
                        "mdashes? no: lamp damp AMP quotidian";
    /* "mdashes" holds mdash: the unambiguous names are decoded wherever they are */
    sw_doc *doc = repaired(words, strlen(words));
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(doc->n_edits, 1);
    CHECK(strstr(doc->text, "\xe2\x80\x94" "es?") != NULL);
    drop(doc);
}

static void test_debris_glued_names(void)
{
    sw_doc *doc = expect("Russiarsquos leader ldquoHello worldrdquo lsquoyesrsquo a mdash b ndash c waithellip",
                         "Russia\xe2\x80\x99s leader \xe2\x80\x9cHello world\xe2\x80\x9d \xe2\x80\x98yes\xe2\x80\x99 "
                         "a \xe2\x80\x94 b \xe2\x80\x93 c wait\xe2\x80\xa6");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "Russia\xe2\x80\x99s", "Russiarsquos");
    expect_maps(doc, "\xe2\x80\x9cHello world\xe2\x80\x9d", "ldquoHello worldrdquo");
    drop(doc);
    doc = expect("ATampT and SampP, Johnson amp Johnson, Q amp A, ampquotyesampquot",
                 "AT&T and S&P, Johnson & Johnson, Q & A, \"yes\"");
    check_edits(doc);
    drop(doc);
    doc = expect("donapost, Jamesapos car, aposHeyapos, weaposll", "don't, James' car, 'Hey', we'll");
    drop(doc);
    doc = expect("Russiaaposs", "Russia's");
    drop(doc);
}

static void test_debris_hash_numbers(void)
{
    sw_doc *doc = expect("Russia#039s #8220Hello#8221 and #1 or #039 alone", "Russia's \xe2\x80\x9cHello\xe2\x80\x9d and #1 or #039 alone");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "'s", "#039s");
    drop(doc);
    /* with the '&' but without ';', glued to the next word */
    doc = expect("Russia&rsquos leader &quotHi&quot", "Russia\xe2\x80\x99s leader \"Hi\"");
    drop(doc);
}

static void test_mojibake(void)
{
    sw_doc *doc = expect("\xc3\xa2\xe2\x82\xac\xc5\x93Hello,\xc3\xa2\xe2\x82\xac\xc2\x9d she said. "
                         "caf\xc3\x83\xc2\xa9 \xc3\x82\xc2\xa3" "5 it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s "
                         "\xc3\x83\xe2\x80\xb0t\xc3\x83\xc2\xa9 \xc3\xa2\xe2\x82\xac\xe2\x80\x9c dash",
                         "\xe2\x80\x9cHello,\xe2\x80\x9d she said. caf\xc3\xa9 \xc2\xa3" "5 it\xe2\x80\x99s "
                         "\xc3\x89t\xc3\xa9 \xe2\x80\x93 dash");
    if (!doc) return;
    check_edits(doc);
    expect_maps(doc, "\xe2\x80\x9cHello,\xe2\x80\x9d",
                "\xc3\xa2\xe2\x82\xac\xc5\x93Hello,\xc3\xa2\xe2\x82\xac\xc2\x9d");
    expect_maps(doc, "caf\xc3\xa9", "caf\xc3\x83\xc2\xa9");
    drop(doc);
    /* ” whose last byte was lost, Â before a space, a mis-decoded no-break space, an emoji */
    doc = expect("\xc3\xa2\xe2\x82\xac\xc5\x93Yes\xc3\xa2\xe2\x82\xac he \xc3\x82 said\xc3\x82\xc2\xa0ok "
                 "\xc3\xb0\xc5\xb8\xcb\x9c\xe2\x82\xac",
                 "\xe2\x80\x9cYes\xe2\x80\x9d he  said ok \xf0\x9f\x98\x80");
    drop(doc);
    /* Windows-1252 bytes read as Latin-1: C1 controls */
    doc = expect("\xc2\x93Hello\xc2\x94 it\xc2\x92s \xc2\x85 \xc2\x81", "\xe2\x80\x9cHello\xe2\x80\x9d it\xe2\x80\x99s \xe2\x80\xa6 \xc2\x81");
    drop(doc);
    /* real accented text stays: capitals before a quotation mark, Ã in Portuguese */
    const char *real = "\xe2\x80\x9cJOS\xc3\x89\xe2\x80\x9d S\xc3\x83O PAULO na\xc3\xafve \xc3\xa9t\xc3\xa9 "
                       "\xc3\xa2me \xc3\x85ngstr\xc3\xb6m";
    doc = repaired(real, strlen(real));
    CHECK(doc != NULL && doc->n_edits == 0 && doc->text == doc->orig);
    drop(doc);
}

static void test_spaces(void)
{
    sw_doc *doc = expect("a\xc2\xa0" "b\xe2\x80\xaf" "c\xe2\x80\x89" "d\xe2\x80\x8b" "e\xef\xbb\xbf" "f\xe2\x80\x8c"
                         "g\xe2\x80\x8dh\xe2\x80\x83i\n\nj\xc2\xad" "k&nbsp;l&ZeroWidthSpace;m&#10;n",
                         "a b c defgh i\n\njk lm n");
    if (!doc) return;
    check_edits(doc);
    /* a span that starts right after a removed zero-width space starts after it */
    expect_maps(doc, "defgh", "d\xe2\x80\x8b" "e\xef\xbb\xbf" "f\xe2\x80\x8cg\xe2\x80\x8dh");
    expect_maps(doc, "e", "e");
    expect_maps(doc, "\n\nj", "\n\nj");
    drop(doc);
    /* a BOM at the very start */
    doc = expect("\xef\xbb\xbfHello", "Hello");
    expect_maps(doc, "Hello", "Hello");
    drop(doc);
}

static void test_quote_span_maps_onto_original_marks(void)
{
    const char *in = "Officials&nbsp;said the plan had &ldquo;failed,&rdquo; according to caf&eacute; owners.\n\n"
                     "\xc3\xa2\xe2\x82\xac\xc5\x93We control it,\xc3\xa2\xe2\x82\xac\xc2\x9d he said. "
                     "It quotworkedquot, he added.";
    sw_doc *doc = repaired(in, strlen(in));
    CHECK(doc != NULL);
    if (!doc) return;
    check_edits(doc);
    uint32_t s, e;
    orig_span(doc, "\xe2\x80\x9c" "failed,\xe2\x80\x9d", &s, &e);
    CHECK_EQ_INT(s, strstr(in, "&ldquo;") - in);
    CHECK_EQ_INT(e, strstr(in, "&rdquo;") - in + 7);
    /* the content without the marks */
    orig_span(doc, "failed,", &s, &e);
    CHECK_EQ_INT(s, strstr(in, "failed,") - in);
    CHECK_EQ_INT(e, strstr(in, "failed,") - in + 7);
    orig_span(doc, "\xe2\x80\x9cWe control it,\xe2\x80\x9d", &s, &e);
    CHECK_EQ_INT(s, strstr(in, "\xc3\xa2\xe2\x82\xac\xc5\x93") - in);
    CHECK_EQ_INT(e, strstr(in, "\xc3\xa2\xe2\x82\xac\xc2\x9d") - in + 7);
    orig_span(doc, "\"worked\"", &s, &e);
    CHECK_EQ_INT(s, strstr(in, "quotworkedquot") - in);
    CHECK_EQ_INT(e, strstr(in, "quotworkedquot") - in + 14);
    drop(doc);
}

static void test_long_inputs(void)
{
    /* 4 MB: a repair every 1,000 bytes, and a clean 4 MB text */
    size_t n = 4u << 20, unit = 1000;
    char *buf = malloc(n + 1);
    CHECK(buf != NULL);
    if (!buf) return;
    for (size_t i = 0; i < n; i++) buf[i] = (char)("abcdefghijklmnop qrstuvw.\n"[i % 26]);
    size_t reps = 0;
    for (size_t i = 500; i + 6 < n; i += unit, reps++) memcpy(buf + i, "&amp;", 5);
    sw_doc *doc = repaired(buf, n);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_EQ_INT(doc->n_edits, reps);
        CHECK_EQ_INT(doc->len, n - 4 * reps);
        check_edits(doc);
        /* every '&' maps to its "&amp;" */
        for (uint32_t i = 0; i < doc->n_edits; i += 97) {
            CHECK_EQ_INT(sw_map_start(doc, doc->edits[i].rep_start), 500 + (size_t)i * unit);
            CHECK_EQ_INT(sw_map_end(doc, doc->edits[i].rep_end), 505 + (size_t)i * unit);
        }
        drop(doc);
    }
    for (size_t i = 0; i < n; i++) buf[i] = (char)("The quick brown fox, said Tom. \n"[i % 32]);
    doc = repaired(buf, n);
    CHECK(doc != NULL && doc->text == doc->orig && doc->n_edits == 0);
    drop(doc);
    /* growth: entities whose text is longer than their name (&nGt; is 5 bytes, 6 repaired) */
    size_t m = 1u << 20;
    for (size_t i = 0; i + 5 <= m; i += 5) memcpy(buf + i, "&nGt;", 5);
    doc = repaired(buf, m / 5 * 5);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_EQ_INT(doc->len, m / 5 * 6);
        check_edits(doc);
        drop(doc);
    }
    free(buf);
}

static int fail_after;
static void *failing_malloc(void *ctx, size_t n) { (void)ctx; return fail_after-- > 0 ? malloc(n) : NULL; }
static void *failing_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void failing_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_out_of_memory(void)
{
    sw_allocator al = {failing_malloc, failing_realloc, failing_free, NULL};
    const char *in = "a&amp;b";
    for (int k = 0; k < 4; k++) {
        sw_doc doc;
        memset(&doc, 0, sizeof doc);
        sw_arena_init(&doc.arena, &al);
        fail_after = 1000;
        doc.orig = sw_arena_strndup(&doc.arena, in, strlen(in));
        doc.orig_len = (uint32_t)strlen(in);
        fail_after = k;
        sw_status st = sw_repair(&doc);
        CHECK(st == SW_OK || st == SW_ERR_NOMEM);
        if (st == SW_OK) CHECK_EQ_STR(doc.text, "a&b");
        sw_arena_free(&doc.arena);
    }
}

int main(void)
{
    RUN(test_clean_text_is_not_copied);
    RUN(test_named_entities);
    RUN(test_legacy_and_unknown_entities);
    RUN(test_numeric_entities);
    RUN(test_double_escaped_entities);
    RUN(test_debris_quot);
    RUN(test_debris_keeps_real_words);
    RUN(test_debris_glued_names);
    RUN(test_debris_hash_numbers);
    RUN(test_mojibake);
    RUN(test_spaces);
    RUN(test_quote_span_maps_onto_original_marks);
    RUN(test_long_inputs);
    RUN(test_out_of_memory);
    return check_summary("test_repair");
}
