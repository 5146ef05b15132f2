/* test_entities.c -- unit tests of the entities stage: names, coreference, types, genders, roles
 * and the resolution of descriptions. Every snippet is written for these tests. */
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "doc.h"
#include "entities/entities.h"
#include "entities/entities_internal.h"

static sw_extractor *ex;

/* Extracts a plain-text snippet (no title line unless `title` is set). */
static sw_doc *run(const char *text, int title)
{
    sw_article a;
    memset(&a, 0, sizeof a);
    a.text.ptr = text;
    a.text.len = strlen(text);
    a.title_lines = title;
    sw_doc *doc = NULL;
    sw_error err;
    if (sw_extract(ex, &a, &doc, &err) != SW_OK) return NULL;
    return doc;
}

/* The entity whose name is exactly `name`, or -1. */
static int ent_named(const sw_doc *doc, const char *name)
{
    for (size_t i = 0; i < sw_doc_entity_count(doc); i++)
        if (strcmp(sw_doc_entity(doc, i)->name, name) == 0) return (int)i;
    return -1;
}

/* The entity of the name mention whose text is `text` (the n-th such mention), or -2. */
static int ent_of_mention(const sw_doc *doc, const char *text, int nth)
{
    size_t len = strlen(text);
    for (uint32_t m = 0; m < doc->n_ments; m++) {
        const sw_ment *mt = &doc->ments[m];
        if (mt->end - mt->start == len && memcmp(doc->text + mt->start, text, len) == 0 && nth-- == 0)
            return mt->ent;
    }
    return -2;
}

/* The index of the first token that starts at the first occurrence of `word` in the text. */
static uint32_t tok_at_word(const sw_doc *doc, const char *word)
{
    const char *p = strstr(doc->text, word);
    if (!p) return SW_NONE;
    uint32_t off = (uint32_t)(p - doc->text);
    for (uint32_t i = 0; i < doc->n_toks; i++)
        if (doc->toks[i].start == off) return i;
    return SW_NONE;
}

static void test_full_name_then_surname(void)
{
    sw_doc *doc = run("Marta Kowalczyk arrived on Monday for the talks. Kowalczyk said the talks went well.\n", 0);
    CHECK(doc != NULL);
    if (!doc) return;
    int e = ent_named(doc, "Marta Kowalczyk");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "Kowalczyk", 0), e);
    if (e >= 0) {
        CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->type, SW_ENT_PERSON);
        CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->n_mentions, 2);
    }
    sw_doc_free(doc);
}

static void test_surname_first_gets_full_name(void)
{
    sw_doc *doc = run("Talks stalled on Monday, and Brandtner walked out. Later Heinrich Brandtner returned.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Heinrich Brandtner");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "Brandtner", 0), e);
    sw_doc_free(doc);
}

static void test_title_is_split_off(void)
{
    sw_doc *doc = run("The visit was announced by President Jonas Ekberg on Friday. Ekberg later left.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Jonas Ekberg");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_named(doc, "President Jonas Ekberg"), -1);
    CHECK(sw_ent_has_role(doc, e, "president", 9));
    int32_t m = sw_ent_mention_at(doc, tok_at_word(doc, "Ekberg on"));
    CHECK(m >= 0);
    if (m >= 0) {
        const sw_mentinfo *mi = sw_ent_mention_info(doc, m);
        CHECK(mi && mi->pre_tok == tok_at_word(doc, "President"));
    }
    CHECK_EQ_INT(sw_ent_mention_at(doc, tok_at_word(doc, "visit")), -1);
    sw_doc_free(doc);
}

static void test_two_people_share_a_surname(void)
{
    sw_doc *doc = run("Tomas Varga runs the farm with his sister Ilona Varga. "
                      "The harvest was poor, Ilona Varga said. Varga added that prices fell.\n", 0);
    if (!doc) return;
    int tomas = ent_named(doc, "Tomas Varga"), ilona = ent_named(doc, "Ilona Varga");
    CHECK(tomas >= 0 && ilona >= 0 && tomas != ilona);
    /* a lone surname goes to the most recently named of the two */
    CHECK_EQ_INT(ent_of_mention(doc, "Varga", 0), ilona);
    sw_doc_free(doc);
}

/* "a former Miss Universe", "the Miss Universe pageant": an honorific and a word the article
 * knows as no name are a title, not a person named Universe. */
static void test_pageant_title_is_no_person(void)
{
    sw_doc *doc = run("Nadia Berg attacked a former Miss Universe on Friday. The Miss Universe pageant was "
                      "held in 1996. Miss Olsen won it.\n", 0);
    if (!doc) return;
    CHECK_EQ_INT(ent_named(doc, "Universe"), -1);
    CHECK(ent_named(doc, "Olsen") >= 0);
    sw_doc_free(doc);
}

/* "Vermont Sen. Ann Lee", "Del. Tom Hale": a title written as an abbreviation with its period is
 * the person's title, not a name of its own, and it matches the word it abbreviates. */
static void test_abbreviated_title_before_a_name(void)
{
    sw_doc *doc = run("Until Monday, Vermont Sen. Ann Lee and Del. Tom Hale led the talks.\n", 0);
    if (!doc) return;
    int lee = ent_named(doc, "Ann Lee"), hale = ent_named(doc, "Tom Hale");
    CHECK(lee >= 0 && hale >= 0);
    CHECK_EQ_INT(ent_named(doc, "Vermont Sen."), -1);
    CHECK_EQ_INT(ent_named(doc, "Del"), -1);
    if (lee >= 0) CHECK(sw_ent_has_role(doc, lee, "senator", 7));
    sw_doc_free(doc);
}

/* A headline in title case given as the first line of a JSON article only links. */
static void test_title_case_first_line_only_links(void)
{
    sw_doc *doc = run("Walsh Says Harbour Plan Is Dead.\nMayor Ines Walsh said on Monday the council would drop the plan.\n", 0);
    if (!doc) return;
    CHECK_EQ_INT(ent_named(doc, "Walsh Says Harbour Plan"), -1);
    CHECK(ent_named(doc, "Ines Walsh") >= 0);
    sw_doc_free(doc);
}

static void test_organisation_with_of(void)
{
    sw_doc *doc = run("A statement from the Ministry of Fisheries was read out on the radio.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Ministry of Fisheries");
    CHECK(e >= 0);
    if (e >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->type, SW_ENT_ORGANIZATION);
    sw_doc_free(doc);
}

static void test_acronym(void)
{
    sw_doc *doc = run("Farmers wrote to the Northern Grain Council (NGC) in May. The NGC did not reply, "
                      "and the OPQR union called a strike.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Northern Grain Council");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "NGC", 0), e);
    CHECK_EQ_INT(ent_of_mention(doc, "NGC", 1), e);
    int u = ent_named(doc, "OPQR");
    CHECK(u >= 0);
    if (u >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)u)->type, SW_ENT_ORGANIZATION);
    sw_doc_free(doc);
}

static void test_place_after_in(void)
{
    sw_doc *doc = run("Heavy flooding was reported in Dunmarra on Tuesday, and roads near Dunmarra closed.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Dunmarra");
    CHECK(e >= 0);
    if (e >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->type, SW_ENT_PLACE);
    sw_doc_free(doc);
}

static void test_gender(void)
{
    sw_doc *doc = run("Peter Sandoval met Ms. Okafor and Mr. Lindqvist at the port. "
                      "Later Dorota Mazur joined them.\n", 0);
    if (!doc) return;
    int peter = ent_named(doc, "Peter Sandoval"), okafor = ent_named(doc, "Okafor");
    int lind = ent_named(doc, "Lindqvist"), dorota = ent_named(doc, "Dorota Mazur");
    CHECK(peter >= 0 && okafor >= 0 && lind >= 0 && dorota >= 0);
    if (peter >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)peter)->gender, SW_GENDER_MALE);
    if (okafor >= 0) {
        CHECK_EQ_INT(sw_doc_entity(doc, (size_t)okafor)->gender, SW_GENDER_FEMALE);
        CHECK_EQ_INT(sw_doc_entity(doc, (size_t)okafor)->type, SW_ENT_PERSON);
    }
    if (lind >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)lind)->gender, SW_GENDER_MALE);
    if (dorota >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)dorota)->gender, SW_GENDER_FEMALE);
    sw_doc_free(doc);
}

static void test_gender_from_pronouns(void)
{
    sw_doc *doc = run("Xandri Velkova arrived late. She said the roads were closed. "
                      "Her car was stuck for hours, she added.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Xandri Velkova");
    CHECK(e >= 0);
    if (e >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->gender, SW_GENDER_FEMALE);
    sw_doc_free(doc);
}

static void test_description_resolution(void)
{
    sw_doc *doc = run("Chilean Foreign Minister Ana Ruiz met Peruvian President Luis Quispe in Lima. "
                      "The Chilean minister said the border talks would continue.\n", 0);
    if (!doc) return;
    int ana = ent_named(doc, "Ana Ruiz"), luis = ent_named(doc, "Luis Quispe");
    CHECK(ana >= 0 && luis >= 0);
    uint32_t t = tok_at_word(doc, "The Chilean");
    CHECK(t != SW_NONE);
    if (t == SW_NONE) return;
    int strength = 0;
    CHECK_EQ_INT(sw_ent_resolve_description(doc, t, t + 3, t, &strength), ana);
    CHECK_EQ_INT(strength, 3);
    /* the resolved description is a mention of Ana Ruiz */
    CHECK_EQ_INT(ent_of_mention(doc, "The Chilean minister", 0), ana);
    /* nationality alone: "the Peruvian leader" is the only Peruvian */
    sw_doc_free(doc);
    doc = run("Chilean Foreign Minister Ana Ruiz met Peruvian President Luis Quispe in Lima. "
              "The Peruvian leader said little.\n", 0);
    if (!doc) return;
    luis = ent_named(doc, "Luis Quispe");
    t = tok_at_word(doc, "The Peruvian");
    if (t == SW_NONE) return;
    CHECK_EQ_INT(sw_ent_resolve_description(doc, t, t + 3, t, &strength), luis);
    CHECK(strength >= 2);
    sw_doc_free(doc);
}

static void test_counterpart_and_appositive(void)
{
    sw_doc *doc = run("Kenyan President Daniel Otieno called his Ugandan counterpart Samuel Okello on Sunday. "
                      "Okello, a longtime ally of the president, agreed. The Ugandan counterpart spoke first.\n", 0);
    if (!doc) return;
    int okello = ent_named(doc, "Samuel Okello");
    CHECK(okello >= 0);
    CHECK(sw_ent_has_role(doc, okello, "counterpart", 11));
    CHECK(sw_ent_has_role(doc, okello, "ally", 4));
    CHECK_EQ_INT(sw_ent_has_nation(doc, okello, "Uganda", 6), 1);
    CHECK_EQ_INT(sw_ent_has_nation(doc, okello, "Kenya", 5), -1);
    sw_doc_free(doc);
}

static void test_organisation_description(void)
{
    sw_doc *doc = run("The report was carried by the Norvik news agency on Monday. "
                      "Later the agency said the figures were wrong.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Norvik");
    CHECK(e >= 0);
    if (e >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)e)->type, SW_ENT_ORGANIZATION);
    uint32_t t = tok_at_word(doc, "the agency");
    if (t == SW_NONE) return;
    int strength = 0;
    CHECK_EQ_INT(sw_ent_resolve_description(doc, t, t + 2, t, &strength), e);
    CHECK(strength >= 2);
    sw_doc_free(doc);
}

static void test_sentence_start_common_word_is_not_a_name(void)
{
    sw_doc *doc = run("Witnesses saw smoke over the hills. Several witnesses called the fire service.\n", 0);
    if (!doc) return;
    CHECK_EQ_INT(ent_named(doc, "Witnesses"), -1);
    sw_doc_free(doc);
}

static void test_headline_links_only(void)
{
    sw_doc *doc = run("Ekberg Wins Narrow Vote\n\nPresident Jonas Ekberg won the vote on Friday.\n", 1);
    if (!doc) return;
    int e = ent_named(doc, "Jonas Ekberg");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "Ekberg", 0), e);
    CHECK_EQ_INT(ent_named(doc, "Wins"), -1);
    CHECK_EQ_INT(ent_named(doc, "Narrow Vote"), -1);
    sw_doc_free(doc);
}

static void test_possessive_is_stripped(void)
{
    sw_doc *doc = run("Rasmus Holt's lawyer spoke first. Holt’s family stayed silent.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Rasmus Holt");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "Holt", 0), e);
    sw_doc_free(doc);
}

/* A particle of the pack's list glued to a capital (SW_LIST_GLUED_PARTICLES: al-, el-) makes a
 * capitalised word of a name; one the list lacks does not. */
static void test_glued_particles_of_the_pack(void)
{
    sw_doc *doc = run("Tarek al-Mansour met reporters on Monday. Later al-Mansour said the plan would go ahead, "
                      "and Abdel Fattah el-Sisi praised the ol-Mansour plan.\n", 0);
    CHECK(doc != NULL);
    if (!doc) return;
    int e = ent_named(doc, "Tarek al-Mansour");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "al-Mansour", 0), e);
    CHECK(ent_named(doc, "Abdel Fattah el-Sisi") >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "ol-Mansour", 0), -2);
    sw_doc_free(doc);
}

static void test_marks_do_not_split_an_entity(void)
{
    sw_doc *doc = run("Kemal Yıldıroğlu spoke first. Later Yildiroglu said he would stay, and Łukasz Nowicz agreed.\n", 0);
    if (!doc) return;
    int e = ent_named(doc, "Kemal Yıldıroğlu");
    CHECK(e >= 0);
    CHECK_EQ_INT(ent_of_mention(doc, "Yildiroglu", 0), e);
    int l = ent_named(doc, "Łukasz Nowicz");
    CHECK(l >= 0);
    if (l >= 0) CHECK_EQ_INT(sw_doc_entity(doc, (size_t)l)->gender, SW_GENDER_MALE);
    sw_doc_free(doc);
}

static void test_previous_mention(void)
{
    sw_doc *doc = run("Marta Kowalczyk met Peter Sandoval in Gdansk. He said it went well.\n", 0);
    if (!doc) return;
    uint32_t he = tok_at_word(doc, "He said");
    int32_t m = sw_ent_prev_mention(doc, he, SW_ENT_PERSON, SW_GENDER_MALE, 2);
    CHECK(m >= 0);
    if (m >= 0) CHECK_EQ_INT(doc->ments[m].ent, ent_named(doc, "Peter Sandoval"));
    m = sw_ent_prev_mention(doc, he, SW_ENT_PERSON, SW_GENDER_FEMALE, 2);
    CHECK(m >= 0);
    if (m >= 0) CHECK_EQ_INT(doc->ments[m].ent, ent_named(doc, "Marta Kowalczyk"));
    CHECK(sw_ent_mention_from(doc, he) == -1);
    sw_doc_free(doc);
}

static void test_empty_and_nameless_text(void)
{
    sw_doc *doc = run("", 0);
    if (doc) {
        CHECK_EQ_INT(sw_doc_entity_count(doc), 0);
        CHECK_EQ_INT(sw_ent_mention_at(doc, 0), -1);
        CHECK(sw_ent_info(doc, 0) == NULL);
        sw_doc_free(doc);
    }
    doc = run("it was quiet all day, and nothing happened.\n", 0);
    if (doc) {
        CHECK_EQ_INT(sw_doc_entity_count(doc), 0);
        sw_doc_free(doc);
    }
}

/* Regression (found by fuzz_extract and fuzz_json under clang's UBSan): a text whose tokens are
 * no words at all (digits and symbols, an emoji) left the word table unallocated, and the fill of
 * the tokens' fields applied an offset to its null pointer. */
static void test_text_without_words(void)
{
    static const char *const texts[] = {"0T&", "\xF0\x9F\x98\x80", "42 % & 7 -- 9.5\n", "T"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        sw_doc *doc = run(texts[i], 0);
        CHECK(doc != NULL);
        if (doc) {
            CHECK_EQ_INT(sw_doc_entity_count(doc), 0);
            sw_doc_free(doc);
        }
    }
}

static double cpu_seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

/* Builds a text of n copies of `piece`; the caller frees it. */
static char *repeat(const char *piece, size_t n)
{
    size_t len = strlen(piece);
    char *buf = malloc(len * n + 2);
    if (!buf) return NULL;
    for (size_t i = 0; i < n; i++) memcpy(buf + i * len, piece, len);
    buf[len * n] = '\n';
    buf[len * n + 1] = 0;
    return buf;
}

static void test_pathological_inputs_stay_fast(void)
{
    static const char *const pieces[] = {
        "Alpha Beta Gamma Delta ",                 /* one endless run of capitalised words */
        "Council of the Realm of the ",            /* "of the" chains */
        "Ann Smith met Bob Smith and Cy Smith. ",  /* many people sharing one surname */
        "Kalo Smith said the Chilean minister spoke. The ministry agreed. ",
        "Mr. Mr. Dr. President President ",
    };
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        char *text = repeat(pieces[k], 20000);
        CHECK(text != NULL);
        if (!text) continue;
        double t0 = cpu_seconds();
        sw_doc *doc = run(text, 0);
        double t = cpu_seconds() - t0;
        CHECK(doc != NULL);
        if (getenv("SW_TEST_VERBOSE")) fprintf(stderr, "piece %zu: %.3f s\n", k, t);
        CHECK(t < 3.0);
        sw_doc_free(doc);
        free(text);
    }
}

static int fail_after;
static void *failing_malloc(void *ctx, size_t n) { (void)ctx; return fail_after-- > 0 ? malloc(n) : NULL; }
static void *failing_realloc(void *ctx, void *p, size_t n) { (void)ctx; return fail_after-- > 0 ? realloc(p, n) : NULL; }
static void failing_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_out_of_memory_is_reported(void)
{
    static const char text[] = "Chilean Foreign Minister Ana Ruiz met the Northern Grain Council (NGC) in Lima. "
                               "The Chilean minister said Ruiz would return. Mr. Okafor agreed.\n";
    sw_allocator al = {failing_malloc, failing_realloc, failing_free, NULL};
    sw_extractor *fx = sw_extractor_new(NULL, &al);
    if (!fx) return;
    int ok = 0;
    for (int n = 1; n < 400 && !ok; n++) {
        fail_after = n;
        sw_article a;
        memset(&a, 0, sizeof a);
        a.text.ptr = text;
        a.text.len = strlen(text);
        sw_doc *doc = NULL;
        sw_error err;
        sw_status st = sw_extract(fx, &a, &doc, &err);
        CHECK(st == SW_OK || st == SW_ERR_NOMEM);
        if (st == SW_OK) {
            ok = 1;
            CHECK(ent_named(doc, "Ana Ruiz") >= 0);
            sw_doc_free(doc);
        } else {
            CHECK(doc == NULL);
        }
    }
    CHECK(ok);
    fail_after = 1 << 30;
    sw_extractor_free(fx);
}

/* The small words the stage reacts to are name roles of the pack (data/en/words_names.tsv), found
 * whatever the case of the word; other words have none. */
static void test_name_roles_of_the_pack(void)
{
    const sw_pack *pack = sw_pack_find("en");
    CHECK(pack != NULL);
    static const struct {
        const char *word;
        uint64_t names;
    } cases[] = {
        {"van", SW_N_NAME_PARTICLE},
        {"bin", SW_N_NAME_PARTICLE},
        {"El", SW_N_NAME_PARTICLE | SW_N_PLACE_HEAD},
        {"the", SW_N_DETERMINER | SW_N_DEFINITE},
        {"An", SW_N_DETERMINER | SW_N_INDEFINITE},
        {"her", SW_N_DETERMINER | SW_N_PRON_FEMALE},
        {"his", SW_N_DETERMINER | SW_N_PRON_MALE},
        {"himself", SW_N_PRON_MALE},
        {"Mrs.", SW_N_HONORIFIC | SW_N_FEMALE},
        {"SIR", SW_N_HONORIFIC | SW_N_MALE},
        {"Dame", SW_N_HONORIFIC | SW_N_FEMALE},
        {"Dr", SW_N_HONORIFIC},
        {"in", SW_N_PLACE_PREP | SW_N_INESSIVE},
        {"visited", SW_N_PLACE_PREP},
        {"Northern", SW_N_GEO_MOD},
        {"Fort", SW_N_PLACE_HEAD},
        {"sao", SW_N_PLACE_HEAD},
        {"Times", SW_N_MEDIA_HEAD},
        {"dynasty", SW_N_FAMILY},
        {"of", SW_N_GENITIVE_LINK},
        {"for", SW_N_BENEFACTIVE},
        {"on", SW_N_TOPICAL},
        {"a", SW_N_DETERMINER | SW_N_INDEFINITE},
        {"at", SW_N_LOCATIVE},
        {"to", SW_N_DIRECTIONAL},
        {"and", SW_N_CONJUNCTION},
        {"or", SW_N_DISJUNCTION},
        {"&amp;", SW_N_AMPERSAND},
        {"president", 0},
        {"Putin", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const sw_lex_info *info = sw_pack_lookup(pack, cases[k].word, strlen(cases[k].word));
        uint64_t names = info ? info->names : 0;
        if (names != cases[k].names) fprintf(stderr, "  name roles of %s: %llx\n", cases[k].word, (unsigned long long)names);
        CHECK(names == cases[k].names);
    }
}

/* A word the pack does not know is looked up again in its ASCII form, but its name roles are the
 * word's own: French "à" is not the article "a", after which a capitalised phrase is a description
 * rather than a name. */
static void test_name_roles_not_from_the_ascii_form(void)
{
    sw_doc *doc = run("Le ministre est arrivé hier soir à Paris.\n", 0);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK(ent_named(doc, "Paris") >= 0);
    sw_doc_free(doc);
}

/* Role and nation words are compared through the pack's lists: plural endings (without case),
 * nation plurals and endings (in order, the first that leaves 3 bytes wins). */
static void test_words_compare_by_the_pack_lists(void)
{
    const sw_pack *pack = sw_pack_find("en");
    CHECK(sw_ent_word_eq(pack, "Leaders", 7, "leader", 6));
    CHECK(sw_ent_word_eq(pack, "MINISTERS", 9, "minister", 8));
    CHECK(!sw_ent_word_eq(pack, "bus", 3, "bu", 2));
    CHECK(sw_ent_nation_eq(pack, "Ukrainians", 10, "Ukraine", 7)); /* plural, then -ian and -e */
    CHECK(sw_ent_nation_eq(pack, "Chinese", 7, "China", 5));
    CHECK(sw_ent_nation_eq(pack, "Russian", 7, "Russia", 6));
    CHECK(!sw_ent_nation_eq(pack, "Iran", 4, "Iraq", 4));
    CHECK(!sw_ent_nation_eq(pack, "Austrian", 8, "Australia", 9));
    CHECK(sw_ent_ending(pack, SW_LIST_NATION_ENDINGS, "chinese", 7, 3, 0) == 1);
    CHECK(sw_ent_ending(pack, SW_LIST_ADJECTIVE_ENDINGS, "ally", 4, 3, 0) < 0);
    CHECK(sw_ent_ending(pack, SW_LIST_ADJECTIVE_ENDINGS, "staunchly", 9, 3, 0) >= 0);
    CHECK(sw_ent_ending(pack, SW_LIST_PLURAL_ENDINGS, "LEADERS", 7, 3, 1) == 0);
    CHECK(sw_ent_ending(pack, SW_LIST_PLURAL_ENDINGS, "LEADERS", 7, 3, 0) < 0);
}

int main(void)
{
    ex = sw_extractor_new(NULL, NULL);
    RUN(test_full_name_then_surname);
    RUN(test_surname_first_gets_full_name);
    RUN(test_title_is_split_off);
    RUN(test_two_people_share_a_surname);
    RUN(test_pageant_title_is_no_person);
    RUN(test_abbreviated_title_before_a_name);
    RUN(test_title_case_first_line_only_links);
    RUN(test_organisation_with_of);
    RUN(test_acronym);
    RUN(test_place_after_in);
    RUN(test_gender);
    RUN(test_gender_from_pronouns);
    RUN(test_description_resolution);
    RUN(test_counterpart_and_appositive);
    RUN(test_organisation_description);
    RUN(test_sentence_start_common_word_is_not_a_name);
    RUN(test_headline_links_only);
    RUN(test_possessive_is_stripped);
    RUN(test_glued_particles_of_the_pack);
    RUN(test_marks_do_not_split_an_entity);
    RUN(test_previous_mention);
    RUN(test_empty_and_nameless_text);
    RUN(test_text_without_words);
    RUN(test_pathological_inputs_stay_fast);
    RUN(test_out_of_memory_is_reported);
    RUN(test_name_roles_of_the_pack);
    RUN(test_words_compare_by_the_pack_lists);
    RUN(test_name_roles_not_from_the_ascii_form);
    sw_extractor_free(ex);
    return check_summary("test_entities");
}
