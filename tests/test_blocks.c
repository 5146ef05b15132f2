/* test_blocks.c -- unit tests of the block classifier: lines, paragraphs, titles and slugs, date
 * lines, boilerplate and teasers, sub-headings; and the seed article's special lines. */
#include <stdlib.h>
#include "check.h"
#include "doc.h"

/* A document of `text` after repair and blocks; title may be NULL; free with drop(). */
static sw_doc *blocks_of(const char *text, size_t len, const char *title, int title_lines)
{
    sw_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return NULL;
    sw_arena_init(&doc->arena, NULL);
    doc->pack = sw_pack_find("en");
    doc->orig = sw_arena_strndup(&doc->arena, text, len);
    doc->orig_len = (uint32_t)len;
    doc->id = "";
    doc->title_in = title ? title : "";
    doc->title_in_len = (uint32_t)strlen(doc->title_in);
    doc->title_lines = title_lines;
    if (!doc->orig || sw_repair(doc) != SW_OK || sw_find_blocks(doc) != SW_OK) {
        sw_arena_free(&doc->arena);
        free(doc);
        return NULL;
    }
    return doc;
}

static sw_doc *text_doc(const char *text) { return blocks_of(text, strlen(text), NULL, 1); }
static sw_doc *json_doc(const char *text, const char *title) { return blocks_of(text, strlen(text), title, 0); }

static void drop(sw_doc *doc)
{
    if (!doc) return;
    sw_arena_free(&doc->arena);
    free(doc);
}

/* The block whose repaired text begins with `prefix`, or NULL. */
static const sw_iblock *block_at(const sw_doc *doc, const char *prefix)
{
    size_t l = strlen(prefix);
    for (uint32_t i = 0; doc && i < doc->n_blocks; i++) {
        const sw_iblock *b = &doc->blocks[i];
        if (b->end - b->start >= l && memcmp(doc->text + b->start, prefix, l) == 0) return b;
    }
    return NULL;
}

/* Kind of the block beginning with `prefix` (-1 when there is none). */
static int kind(const sw_doc *doc, const char *prefix)
{
    const sw_iblock *b = block_at(doc, prefix);
    return b ? b->kind : -1;
}

static int section(const sw_doc *doc, const char *prefix)
{
    const sw_iblock *b = block_at(doc, prefix);
    return b ? b->section : -1;
}

static void test_lines_and_paragraphs(void)
{
    sw_doc *doc = json_doc("First line.\nSecond line.\n\n  Third, indented.  \r\n\n\n\t\nFourth.", NULL);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(doc->n_blocks, 4);
    if (doc->n_blocks == 4) {
        CHECK_EQ_INT(doc->blocks[0].para_start, 1);
        CHECK_EQ_INT(doc->blocks[1].para_start, 0);
        CHECK_EQ_INT(doc->blocks[2].para_start, 1);
        CHECK_EQ_INT(doc->blocks[3].para_start, 1);
        CHECK_EQ_INT(doc->blocks[2].end - doc->blocks[2].start, strlen("Third, indented."));
        CHECK_EQ_INT(doc->blocks[3].tok_start, 0);
    }
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        CHECK_EQ_INT(doc->blocks[i].kind, SW_BLOCK_PARAGRAPH);
        CHECK_EQ_INT(doc->blocks[i].section, SW_SECTION_BODY);
    }
    CHECK_EQ_STR(doc->title, "");
    drop(doc);
    doc = json_doc("", NULL);
    CHECK(doc != NULL && doc->n_blocks == 0);
    drop(doc);
    doc = json_doc("\n\n  \n", NULL);
    CHECK(doc != NULL && doc->n_blocks == 0);
    drop(doc);
}

static void test_title_lines_of_a_text_article(void)
{
    sw_doc *doc = text_doc("Council approves new budget for schools\n\nThe council voted on Monday. It was close.\n");
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(kind(doc, "Council approves"), SW_BLOCK_TITLE);
    CHECK_EQ_INT(section(doc, "Council approves"), SW_SECTION_TITLE);
    CHECK_EQ_INT(kind(doc, "The council voted"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_STR(doc->title, "Council approves new budget for schools");
    drop(doc);
    /* a title of two lines */
    doc = text_doc("Floods in the north\nThousands leave their homes\n\nRain fell for a week.");
    CHECK_EQ_INT(kind(doc, "Floods"), SW_BLOCK_TITLE);
    CHECK_EQ_INT(kind(doc, "Thousands"), SW_BLOCK_TITLE);
    CHECK_EQ_STR(doc ? doc->title : NULL, "Floods in the north");
    drop(doc);
}

static void test_slug_before_the_title(void)
{
    /* the degraded repeat (lost colon, entity debris) comes first */
    sw_doc *doc = text_doc("Trade talks Minister says deal quotcloserquot than ever\n\n"
                           "Trade talks: Minister says deal \"closer\" than ever\n\n"
                           "The minister spoke in Geneva on Tuesday.\n");
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(kind(doc, "Trade talks Minister"), SW_BLOCK_SLUG);
    CHECK_EQ_INT(section(doc, "Trade talks Minister"), SW_SECTION_TITLE);
    CHECK_EQ_INT(kind(doc, "Trade talks: Minister"), SW_BLOCK_TITLE);
    CHECK_EQ_STR(doc->title, "Trade talks: Minister says deal \"closer\" than ever");
    CHECK_EQ_INT(kind(doc, "The minister spoke"), SW_BLOCK_PARAGRAPH);
    drop(doc);
    /* the clean headline first, a punctuation-less repeat after it */
    doc = text_doc("Mayor resigns: \xe2\x80\x9c" "enough is enough\xe2\x80\x9d\n\nMayor resigns enough is enough\n\nBody text.");
    CHECK_EQ_INT(kind(doc, "Mayor resigns:"), SW_BLOCK_TITLE);
    CHECK_EQ_INT(kind(doc, "Mayor resigns enough"), SW_BLOCK_SLUG);
    CHECK_EQ_STR(doc ? doc->title : NULL, "Mayor resigns: \xe2\x80\x9c" "enough is enough\xe2\x80\x9d");
    drop(doc);
}

static void test_title_repeated_in_a_json_article(void)
{
    sw_doc *doc = json_doc("Storm hits the coast\n\nWinds reached 150 km/h.", "Storm hits the coast");
    CHECK_EQ_INT(kind(doc, "Storm hits"), SW_BLOCK_TITLE);
    CHECK_EQ_STR(doc ? doc->title : NULL, "Storm hits the coast");
    drop(doc);
    doc = json_doc("Monday, March 4, 2019\n\nStorm hits the coast quotbadquot\n\nWinds reached 150 km/h.",
                   "Storm hits the coast: \"bad\"");
    CHECK_EQ_INT(kind(doc, "Monday"), SW_BLOCK_DATELINE);
    CHECK_EQ_INT(kind(doc, "Storm hits"), SW_BLOCK_SLUG);
    CHECK_EQ_INT(kind(doc, "Winds"), SW_BLOCK_PARAGRAPH);
    drop(doc);
    /* a text that does not repeat its title */
    doc = json_doc("Winds reached 150 km/h.\n\nStorm hits the coast", "Storm hits the coast");
    CHECK_EQ_INT(kind(doc, "Storm hits"), SW_BLOCK_PARAGRAPH);
    drop(doc);
}

static void test_datelines(void)
{
    const char *dates[] = {"Friday, January 4, 2019", "4 January 2019", "2019-01-04", "Jan. 4, 2019 10:32 a.m. ET",
                           "Updated: 04/01/2019", "Published 12 March 2021, 14:05 GMT", "Tue 5 Nov 2019"};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        char buf[200];
        snprintf(buf, sizeof buf, "%s\n\nThe storm came at night. Nobody was hurt.", dates[i]);
        sw_doc *doc = json_doc(buf, NULL);
        CHECK_EQ_INT(kind(doc, dates[i]), SW_BLOCK_DATELINE);
        CHECK_EQ_INT(section(doc, dates[i]), SW_SECTION_BODY);
        drop(doc);
    }
    sw_doc *doc = json_doc("Intro.\n\nIn 2019 the city grew.\n\nMay 2019 be better\n\n2019\n\nEnd.", NULL);
    CHECK_EQ_INT(kind(doc, "In 2019"), SW_BLOCK_PARAGRAPH);
    CHECK(kind(doc, "May 2019 be") != SW_BLOCK_DATELINE);
    CHECK(kind(doc, "2019") != SW_BLOCK_DATELINE);
    drop(doc);
}

static void test_boilerplate_and_teasers(void)
{
    sw_doc *doc = json_doc("The vote was held on Sunday.\n\n"
                           "Also read:\nFarmers protest new tax, \xe2\x80\x9cwe will not pay\xe2\x80\x9d say unions.\n\n"
                           "The result is due on Monday.\n\n"
                           "ADVERTISEMENT\n\n"
                           "Read more: Why the vote matters to \xe2\x80\x9c" "every family\xe2\x80\x9d\n\n"
                           "Subscribe to our daily newsletter\n\n"
                           "Officials said turnout was high.\n\n"
                           "Related:\n\nEarlier vote ended in a tie\n\n"
                           "Share this article\n\nThe end.",
                           NULL);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(kind(doc, "Also read:"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(section(doc, "Also read:"), SW_SECTION_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Farmers protest"), SW_BLOCK_TEASER);
    CHECK_EQ_INT(section(doc, "Farmers protest"), SW_SECTION_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "The result"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "ADVERTISEMENT"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Read more:"), SW_BLOCK_TEASER);
    CHECK_EQ_INT(section(doc, "Read more:"), SW_SECTION_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Subscribe to"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Officials said"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Related:"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Earlier vote"), SW_BLOCK_TEASER);
    CHECK_EQ_INT(kind(doc, "Share this"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "The end."), SW_BLOCK_PARAGRAPH);
    drop(doc);
    /* phrases inside sentences are not boilerplate */
    doc = json_doc("Read more about the plan, she said, in the report.\n\n"
                   "Advertisement revenue fell by a third last year.\n\nSee also the chart.", NULL);
    CHECK_EQ_INT(kind(doc, "Read more about"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Advertisement revenue"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "See also the chart."), SW_BLOCK_PARAGRAPH);
    drop(doc);
}

static void test_headings(void)
{
    sw_doc *doc = json_doc("The talks began in Oslo on Monday.\n\n"
                           "A fragile ceasefire\n\n"
                           "Both sides agreed to stop firing.\n\n"
                           "\xe2\x80\x9cWe keep our word\xe2\x80\x9d says envoy\n\n"
                           "The envoy spoke to reporters.\n\n"
                           "He declined to comment.\n\n"
                           "Critics called the deal \xe2\x80\x9c" "a disgrace\xe2\x80\x9d\n\n"
                           "Envoy: \xe2\x80\x9cNo deal yet\xe2\x80\x9d\n\n"
                           "Deputy envoy Ana Lind: \xe2\x80\x9cWe wait\xe2\x80\x9d\n\n"
                           "He said: \xe2\x80\x9cNo.\xe2\x80\x9d\n\n"
                           "Why it matters\n\n"
                           "and then the lights went out\n\n"
                           "The ceasefire holds in most places but not in the eastern hills near the border town\n\n"
                           "Next steps:\n\n"
                           "The final talks\n"
                           "are set for Friday.\n\n"
                           "Closing line without a period",
                           NULL);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(kind(doc, "A fragile"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(section(doc, "A fragile"), SW_SECTION_HEADING);
    CHECK_EQ_INT(kind(doc, "\xe2\x80\x9cWe keep"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(kind(doc, "He declined"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "He said:"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Critics called"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Envoy:"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(kind(doc, "Deputy envoy"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(kind(doc, "Why it matters"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(kind(doc, "and then"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "The ceasefire holds"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Next steps:"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "The final talks"), SW_BLOCK_PARAGRAPH); /* not alone in its paragraph */
    CHECK_EQ_INT(kind(doc, "Closing line"), SW_BLOCK_PARAGRAPH);   /* nothing follows it */
    CHECK_EQ_INT(kind(doc, "The talks began"), SW_BLOCK_PARAGRAPH);
    drop(doc);
}

static void test_text_without_blank_lines(void)
{
    /* every line is a paragraph: a heading is found, an introducer takes one teaser line only */
    sw_doc *doc = text_doc("Port strike ends after a week\n"
                           "Dock workers returned on Monday.\n"
                           "A deal at last\n"
                           "The union signed a three-year contract.\n"
                           "Read more:\n"
                           "Port traffic doubles in spring\n"
                           "Shipping firms welcomed the deal, a spokesman said.\n"
                           "Exports are expected to recover.\n");
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_EQ_INT(kind(doc, "Port strike"), SW_BLOCK_TITLE);
    CHECK_EQ_INT(kind(doc, "Dock workers"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "A deal at last"), SW_BLOCK_HEADING);
    CHECK_EQ_INT(kind(doc, "Read more:"), SW_BLOCK_BOILERPLATE);
    CHECK_EQ_INT(kind(doc, "Port traffic"), SW_BLOCK_TEASER);
    CHECK_EQ_INT(kind(doc, "Shipping firms"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_INT(kind(doc, "Exports"), SW_BLOCK_PARAGRAPH);
    CHECK_EQ_STR(doc->title, "Port strike ends after a week");
    drop(doc);
    /* with blank lines, an introducer's paragraph holds at most three teaser lines */
    doc = json_doc("Intro.\n\nRelated:\nOne headline\nTwo headline\nThree headline\n"
                   "Four is body text, said the mayor.\n\nEnd.", NULL);
    CHECK_EQ_INT(kind(doc, "Three headline"), SW_BLOCK_TEASER);
    CHECK_EQ_INT(kind(doc, "Four is body"), SW_BLOCK_PARAGRAPH);
    drop(doc);
}

static void test_seed_article(void)
{
    const char *path = SW_SHARED_DIR "/data/seed/putin-lukashenko.txt";
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    sw_doc *doc = blocks_of(buf, n, NULL, 1);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK(doc->n_blocks >= 10);
    if (doc->n_blocks < 10) {
        drop(doc);
        return;
    }
    /* line 1: the degraded repeat of the headline; line 2: the headline */
    CHECK_EQ_INT(doc->blocks[0].kind, SW_BLOCK_SLUG);
    CHECK_EQ_INT(doc->blocks[0].section, SW_SECTION_TITLE);
    CHECK_EQ_INT(doc->blocks[1].kind, SW_BLOCK_TITLE);
    CHECK_EQ_INT(sw_map_start(doc, doc->blocks[1].start), (uint32_t)(strstr(buf, "\n\n") - buf) + 2);
    CHECK(strchr(doc->title, ':') != NULL && strchr(doc->title, '"') != NULL);
    /* the slug's repaired text maps back to the whole first line */
    CHECK_EQ_INT(sw_map_start(doc, doc->blocks[0].start), 0);
    CHECK_EQ_INT(sw_map_end(doc, doc->blocks[0].end), (uint32_t)(strchr(buf, '\n') - buf));
    int intro = -1, teaser = -1, heading = -1;
    for (uint32_t i = 0; i < doc->n_blocks; i++) {
        const sw_iblock *b = &doc->blocks[i];
        if (b->kind == SW_BLOCK_BOILERPLATE) {
            CHECK(intro < 0);
            intro = (int)i;
            CHECK(b->end - b->start == 10 && memcmp(doc->text + b->start, "Also read:", 10) == 0);
        } else if (b->kind == SW_BLOCK_TEASER) {
            CHECK(teaser < 0);
            teaser = (int)i;
            CHECK_EQ_INT(b->section, SW_SECTION_BOILERPLATE);
        } else if (b->kind == SW_BLOCK_HEADING) {
            CHECK(heading < 0);
            heading = (int)i;
            CHECK_EQ_INT(b->section, SW_SECTION_HEADING);
            /* the quoted sub-heading: it begins with a quotation mark */
            CHECK(memcmp(doc->text + b->start, "\xe2\x80\x9c", 3) == 0);
        } else if (i >= 2) {
            CHECK_EQ_INT(b->kind, SW_BLOCK_PARAGRAPH);
        }
    }
    CHECK(intro > 0 && teaser == intro + 1);
    CHECK(heading > teaser);
    drop(doc);
}

int main(void)
{
    RUN(test_lines_and_paragraphs);
    RUN(test_title_lines_of_a_text_article);
    RUN(test_slug_before_the_title);
    RUN(test_title_repeated_in_a_json_article);
    RUN(test_datelines);
    RUN(test_boilerplate_and_teasers);
    RUN(test_headings);
    RUN(test_text_without_blank_lines);
    RUN(test_seed_article);
    return check_summary("test_blocks");
}
