/* test_pack.c -- unit tests of the English language pack (data/en/, generated into
 * src/lang/pack_en.c) and of the lookups in a pack (src/lang/lookup.c). */
#include <stdint.h>
#include <time.h>

#include "check.h"
#include "lang/pack.h"

static const sw_pack *en;
static const sw_lex_info *look(const char *w) { return sw_pack_lookup(en, w, strlen(w)); }
static uint64_t classes(const char *w) { return sw_pack_classes(en, w, strlen(w)); }
static const char *lemma(const sw_lex_info *info) { return sw_pack_lemma(en, info); }

static void test_speech_verb_forms(void)
{
    static const struct { const char *form; const char *lemma; int vf; } cases[] = {
        {"said", "say", SW_VF_PAST},     {"says", "say", SW_VF_3SG},
        {"saying", "say", SW_VF_ING},    {"say", "say", SW_VF_BASE},
        {"told", "tell", SW_VF_PAST},    {"tells", "tell", SW_VF_3SG},
        {"claimed", "claim", SW_VF_PAST}, {"denied", "deny", SW_VF_PAST},
        {"denies", "deny", SW_VF_3SG},   {"admitted", "admit", SW_VF_PAST},
        {"tweeted", "tweet", SW_VF_PAST}, {"written", "write", SW_VF_PART},
        {"wrote", "write", SW_VF_PAST},  {"added", "add", SW_VF_PAST},
        {"insisted", "insist", SW_VF_PAST}, {"testified", "testify", SW_VF_PAST},
        {"reiterated", "reiterate", SW_VF_PAST}, {"declared", "declare", SW_VF_PAST},
        {"labelled", "label", SW_VF_PAST}, {"labeled", "label", SW_VF_PAST},
        {"quipped", "quip", SW_VF_PAST}, {"spoken", "speak", SW_VF_PART},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const sw_lex_info *info = look(cases[i].form);
        CHECK(info != NULL);
        if (!info) {
            fprintf(stderr, "  missing: %s\n", cases[i].form);
            continue;
        }
        CHECK(info->classes & SW_LX_SPEECH);
        CHECK_EQ_STR(lemma(info), cases[i].lemma);
        CHECK_EQ_INT(info->verb_form, cases[i].vf);
    }
}

static void test_speech_frames(void)
{
    CHECK(look("said")->frames & SW_VX_THAT);
    CHECK(look("said")->frames & SW_VX_QUOTE);
    CHECK(look("told")->frames & SW_VX_TELL);
    CHECK(look("assured")->frames & SW_VX_TELL);
    CHECK(look("accused")->frames & SW_VX_OF);
    CHECK(look("warned")->frames & SW_VX_OF);
    CHECK(look("described")->frames & SW_VX_AS);
    CHECK(look("called")->frames & SW_VX_FOR);
    CHECK(look("urged")->frames & SW_VX_TO);
    CHECK(look("asked")->frames & SW_VX_TO);
    CHECK(look("tweeted")->frames & SW_VX_QUOTE);
}

/* SW_VX_TELL: the direct object is the hearer (told X, warned X), not what is talked about or a
 * third person (described X as, accused X of, called X a liar). */
static void test_tell_frame(void)
{
    static const char *const hearer[] = {"tell", "inform", "assure", "remind", "warn", "notify",
                                         "advise", "ask", "urge", "reassure", "promise",
                                         "convince", "told", "informed", "urged"};
    static const char *const other[] = {"describe", "call", "accuse", "say", "claim", "deny",
                                        "announce", "report", "explain", "write", "answer",
                                        "acknowledge", "described", "accused", "said"};
    for (size_t i = 0; i < sizeof hearer / sizeof hearer[0]; i++) {
        const sw_lex_info *info = look(hearer[i]);
        CHECK(info && (info->frames & SW_VX_TELL));
        if (!info || !(info->frames & SW_VX_TELL))
            fprintf(stderr, "  no TELL: %s\n", hearer[i]);
    }
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        const sw_lex_info *info = look(other[i]);
        CHECK(info && (info->classes & SW_LX_SPEECH) && !(info->frames & SW_VX_TELL));
        if (info && (info->frames & SW_VX_TELL))
            fprintf(stderr, "  TELL: %s\n", other[i]);
    }
    static const char *const as[] = {"describe", "characterise", "label", "brand", "call"};
    for (size_t i = 0; i < sizeof as / sizeof as[0]; i++)
        CHECK(look(as[i])->frames & SW_VX_AS);
    static const char *const of[] = {"accuse", "warn", "convince", "suspect"};
    for (size_t i = 0; i < sizeof of / sizeof of[0]; i++)
        CHECK(look(of[i])->frames & SW_VX_OF);
    CHECK(look("call")->frames & SW_VX_FOR);
    CHECK(look("appeal")->frames & SW_VX_FOR);
    static const char *const to[] = {"urge", "ask", "tell", "call", "encourage"};
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++)
        CHECK(look(to[i])->frames & SW_VX_TO);
    CHECK(!(look("say")->frames & SW_VX_TO));
}

/* SW_LX_VERB_PAST / SW_LX_VERB_3SG: finite forms of any common verb, without the forms that are
 * mostly something else. */
static void test_finite_verb_forms(void)
{
    static const char *const past[] = {"went", "issued", "grew", "killed", "sank", "found", "was",
                                       "were", "had", "did", "said", "told", "learned", "learnt",
                                       "cut", "read", "hung", "showed", "died", "lied", "closed",
                                       "canceled", "cancelled", "began", "spoke"};
    for (size_t i = 0; i < sizeof past / sizeof past[0]; i++) {
        CHECK(classes(past[i]) & SW_LX_VERB_PAST);
        if (!(classes(past[i]) & SW_LX_VERB_PAST))
            fprintf(stderr, "  not past: %s\n", past[i]);
    }
    /* participles only, non-words of the regular rule, mostly adjectives or nouns */
    static const char *const not_past[] = {"sunk", "gone", "begun", "spoken", "shown", "readed",
                                           "cutted", "interested", "ground", "wants", "the"};
    for (size_t i = 0; i < sizeof not_past / sizeof not_past[0]; i++) {
        CHECK(!(classes(not_past[i]) & SW_LX_VERB_PAST));
        if (classes(not_past[i]) & SW_LX_VERB_PAST)
            fprintf(stderr, "  past: %s\n", not_past[i]);
    }
    static const char *const s3[] = {"wants", "says", "is", "has", "does", "goes", "seems",
                                     "looks", "calls", "makes", "includes", "remains"};
    for (size_t i = 0; i < sizeof s3 / sizeof s3[0]; i++) {
        CHECK(classes(s3[i]) & SW_LX_VERB_3SG);
        if (!(classes(s3[i]) & SW_LX_VERB_3SG))
            fprintf(stderr, "  not 3sg: %s\n", s3[i]);
    }
    static const char *const not_s3[] = {"plans", "uses", "works", "states", "reports", "want",
                                         "went", "news"};
    for (size_t i = 0; i < sizeof not_s3 / sizeof not_s3[0]; i++) {
        CHECK(!(classes(not_s3[i]) & SW_LX_VERB_3SG));
        if (classes(not_s3[i]) & SW_LX_VERB_3SG)
            fprintf(stderr, "  3sg: %s\n", not_s3[i]);
    }
    /* the bits do not make a word a speech verb form: verb_form and lemma stay unset */
    const sw_lex_info *went = look("went");
    CHECK(went && went->verb_form == 0 && strcmp(lemma(went), "went") == 0);
    CHECK(!(classes("went") & (SW_LX_SPEECH | SW_LX_COGNITION)));
    const sw_lex_info *said = look("said");
    CHECK(said && said->verb_form == SW_VF_PAST && strcmp(lemma(said), "say") == 0);
    CHECK(classes("Rose") & SW_LX_VERB_PAST); /* independent bits: a name may be a verb form */
    /* words that look like speech but are not speech cues */
    CHECK(!(classes("signed") & SW_LX_SPEECH));
    CHECK(!(classes("spelled") & SW_LX_SPEECH));
    CHECK(!(classes("showed") & SW_LX_SPEECH));
}

static void test_post_and_cognition(void)
{
    CHECK(classes("pounded") & SW_LX_SPEECH_POST);
    CHECK(classes("smiled") & SW_LX_SPEECH_POST);
    CHECK(classes("shrugged") & SW_LX_SPEECH_POST);
    CHECK(!(classes("pounded") & SW_LX_SPEECH));
    CHECK(classes("continued") & SW_LX_SPEECH_POST);
    CHECK(!(classes("continued") & SW_LX_SPEECH));
    CHECK(!(classes("like") & SW_LX_COGNITION));
    const sw_lex_info *b = look("believes");
    CHECK(b && (b->classes & SW_LX_COGNITION) && !(b->classes & SW_LX_SPEECH));
    CHECK(b && strcmp(lemma(b), "believe") == 0 && b->verb_form == SW_VF_3SG);
    static const char *const cog[] = {"think", "thought", "hoped", "wants", "fears", "expected",
                                      "wonders", "knew", "doubted", "wished", "reckons"};
    for (size_t i = 0; i < sizeof cog / sizeof cog[0]; i++)
        CHECK(classes(cog[i]) & SW_LX_COGNITION);
    CHECK(!(classes("said") & SW_LX_COGNITION));
}

static void test_nouns(void)
{
    CHECK(classes("president") & SW_LX_TITLE);
    CHECK(classes("minister") & SW_LX_TITLE);
    CHECK(classes("spokesman") & SW_LX_TITLE);
    CHECK(classes("officials") & SW_LX_ROLE);
    CHECK(classes("police") & SW_LX_ROLE);
    CHECK(classes("witnesses") & SW_LX_ROLE);
    CHECK(classes("spokesmen") & SW_LX_ROLE);
    CHECK(classes("ministry") & SW_LX_ORG_WORD);
    CHECK(classes("council") & SW_LX_ORG_WORD);
    CHECK(classes("newspaper") & SW_LX_MEDIA);
    CHECK(classes("broadcaster") & SW_LX_MEDIA);
    CHECK(classes("province") & SW_LX_PLACE_WORD);
    CHECK(classes("river") & SW_LX_PLACE_WORD);
    const sw_lex_info *p = look("president");
    CHECK(p && strcmp(lemma(p), "president") == 0 && p->verb_form == 0);
}

static void test_places_and_names(void)
{
    CHECK(classes("Belarusian") & SW_LX_DEMONYM);
    CHECK(classes("Russians") & SW_LX_DEMONYM);
    CHECK(classes("French") & SW_LX_DEMONYM);
    CHECK(classes("Russia") & SW_LX_COUNTRY);
    CHECK(classes("Britain") & SW_LX_COUNTRY);
    CHECK(classes("Belarus") & SW_LX_COUNTRY);
    CHECK(classes("Moscow") & SW_LX_CITY);
    CHECK(classes("Vladimir") & SW_LX_FIRST_MALE);
    CHECK(!(classes("Vladimir") & SW_LX_FIRST_FEMALE));
    CHECK(classes("Maria") & SW_LX_FIRST_FEMALE);
    CHECK(!(classes("Maria") & SW_LX_FIRST_MALE));
    uint64_t andrea = classes("Andrea");
    CHECK((andrea & SW_LX_FIRST_MALE) && (andrea & SW_LX_FIRST_FEMALE));
    CHECK(!(classes("the") & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)));
    CHECK(!(classes("said") & (SW_LX_FIRST_MALE | SW_LX_FIRST_FEMALE)));
}

static void test_closed_classes(void)
{
    CHECK(classes("the") & SW_LX_FUNCTION);
    CHECK(classes("of") & SW_LX_FUNCTION);
    CHECK(classes("he") & SW_LX_PRONOUN);
    CHECK(classes("their") & SW_LX_PRONOUN);
    CHECK(classes("Sunday") & SW_LX_CALENDAR);
    CHECK(classes("December") & SW_LX_CALENDAR);
    CHECK(!(classes("said") & SW_LX_FUNCTION));
}

static void test_case_and_unknown(void)
{
    CHECK(look("SAID") == look("said"));
    CHECK(look("Said") == look("said"));
    CHECK(classes("RUSSIA") & SW_LX_COUNTRY);
    /* Latin-1 and Latin Extended-A capitals fold: "Élodie" finds "élodie". */
    CHECK(sw_pack_lookup(en, "\xc3\x89lodie", 7) == sw_pack_lookup(en, "\xc3\xa9lodie", 7));
    CHECK(sw_pack_lookup(en, "\xc5\x81ukasz", 7) == sw_pack_lookup(en, "\xc5\x82ukasz", 7));
    CHECK(look("xqzzyv") == NULL);
    CHECK_EQ_INT(classes("xqzzyv"), 0);
    CHECK(sw_pack_lookup(en, "said", 0) == NULL);
    CHECK(sw_pack_lookup(en, NULL, 4) == NULL);
    CHECK(sw_pack_lookup(en, "saidx", 4) != NULL); /* (ptr, len): only the first 4 bytes count */
    char longword[200];
    memset(longword, 'a', sizeof longword);
    CHECK(sw_pack_lookup(en, longword, sizeof longword) == NULL);
    /* a cue's first word is in no class list; it has only its grammar role for attribution (an
     * "according" phrase's first word gets it from cue_phrases.tsv) */
    CHECK(look("according") != NULL && look("according")->classes == 0 &&
          look("according")->roles == SW_W_ACCORDING);
    /* grammar roles (words.tsv) */
    CHECK(look("the") && (look("the")->roles & SW_W_DET));
    CHECK(look("was") && (look("was")->roles & SW_W_AUX));
    CHECK(look("statement") && (look("statement")->roles & SW_W_DOC_NOUN));
}

static size_t cue(const char *text, int *kind)
{
    sw_word words[8];
    size_t n = 0;
    const char *p = text;
    while (*p && n < 8) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if (p > s)
            words[n++] = (sw_word){s, (size_t)(p - s)};
    }
    return sw_pack_cue_phrase(en, words, n, 0, kind);
}

static void test_cue_phrases(void)
{
    int kind;
    CHECK_EQ_INT(cue("according to the ministry", &kind), 2);
    CHECK_EQ_INT(kind, SW_CUE_ACCORDING);
    CHECK_EQ_INT(cue("According To officials", &kind), 2);
    CHECK_EQ_INT(cue("in a statement on Sunday", &kind), 3);
    CHECK_EQ_INT(kind, SW_CUE_SOURCE);
    CHECK_EQ_INT(cue("in an interview with TASS", &kind), 4);
    CHECK_EQ_INT(cue("told reporters on Friday", &kind), 2);
    CHECK_EQ_INT(kind, SW_CUE_VERB_PHRASE);
    CHECK_EQ_INT(cue("went on to say", &kind), 4);
    CHECK_EQ_INT(cue("as reported by", &kind), 3);
    CHECK_EQ_INT(cue("in a house", &kind), 0);
    CHECK_EQ_INT(kind, 0);
    CHECK_EQ_INT(cue("according", &kind), 0);
    CHECK_EQ_INT(cue("in a", &kind), 0);
    CHECK_EQ_INT(sw_pack_cue_phrase(en, NULL, 0, 0, &kind), 0);
}

/* A word prepared (folded and hashed ahead, sw_pack_prepare) finds what sw_pack_lookup() finds,
 * for keys held whole in the slot (up to 16 bytes), exactly 16 bytes, longer ones (the rest
 * compared in the pool), folded capitals of Latin-1 and words in no list. */
static void test_prepared_lookups(void)
{
    static const char *const words[] = {"said", "The", "publicly", "administratively", "Administratively",
                                        "characteristically", "bosnia-herzegovina", "André-François",
                                        "ANDRÉ-FRANÇOIS", "according", "he", "xqzzyv",
                                        "characteristicallyy", "administrativel", "x"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t len = strlen(words[i]);
        char padded[64] = {0};
        memcpy(padded, words[i], len); /* followed by readable bytes (SW_PACK_READ_AHEAD) */
        sw_pack_key key;
        sw_pack_prepare(en, padded, len, &key);
        const sw_lex_info *info = sw_pack_lookup_prepared(en, padded, len, &key);
        CHECK(info == sw_pack_lookup(en, words[i], len));
        CHECK(sw_pack_classes(en, words[i], len) == (info ? info->classes : 0));
    }
    CHECK(look("administratively") != NULL);
    CHECK(look("characteristically") != NULL);
    CHECK(look("andré-françois") != NULL);
    CHECK(look("characteristicallyy") == NULL);
    CHECK(look("administrativel") == NULL);
}

/* The segmenter's table: abbreviations with their class, sentence openers, words of date lines;
 * they are not in the table of words unless a list of it has them too. */
static void test_segment_words(void)
{
    const sw_lex_info *mr = sw_pack_segment_word(en, "Mr", 2);
    CHECK(mr && mr->abbrev == SW_AB_TITLE);
    const sw_lex_info *eg = sw_pack_segment_word(en, "e.g", 3);
    CHECK(eg && eg->abbrev == SW_AB_ALWAYS);
    const sw_lex_info *the = sw_pack_segment_word(en, "The", 3);
    CHECK(the && (the->classes & SW_LX_SENTENCE_OPENER) && the->abbrev == SW_AB_NONE);
    const sw_lex_info *jan = sw_pack_segment_word(en, "Jan", 3);
    CHECK(jan && jan->abbrev == SW_AB_MONTH && (jan->classes & SW_LX_DATE_MONTH));
    const sw_lex_info *gmt = sw_pack_segment_word(en, "GMT", 3);
    CHECK(gmt && (gmt->classes & SW_LX_DATE_GLUE));
    CHECK(look("gmt") == NULL);
    CHECK(sw_pack_segment_word(en, "minister", 8) == NULL);
}

/* The ordered lists and the registry of built-in packs. */
static void test_lists_and_registry(void)
{
    CHECK(sw_pack_find("en") == en);
    CHECK(sw_pack_find("xx") == NULL);
    CHECK(sw_pack_find(NULL) == NULL);
    CHECK(sw_builtin_pack_count >= 1 && sw_builtin_packs[0] == en);
    CHECK(sw_pack_list_index(en, SW_LIST_CONTRACTIONS, "ll", 2) >= 0);
    CHECK(sw_pack_list_index(en, SW_LIST_CONTRACTIONS, "xx", 2) < 0);
    CHECK(sw_pack_list_of(en, SW_LIST_ELISIONS)->n > 0);
}

/* Speed: a mix of hits and misses must stay at a few tens of nanoseconds per lookup. */
static void test_lookup_speed(void)
{
    static const char *const words[] = {"said", "The", "president", "Vladimir", "Lukashenko",
                                        "according", "xqzzyv", "Belarusian", "on", "Sunday",
                                        "officials", "economy", "told", "reporters", "Minsk",
                                        "cooperation"};
    size_t lens[16];
    for (int i = 0; i < 16; i++)
        lens[i] = strlen(words[i]);
    const long rounds = 200000;
    uint32_t sink = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long r = 0; r < rounds; r++)
        for (int i = 0; i < 16; i++)
            sink += (uint32_t)sw_pack_classes(en, words[i], lens[i]);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) /
                (double)(rounds * 16);
    printf("pack lookup: %.1f ns per word (sink %u)\n", ns, (unsigned)(sink & 1));
    CHECK(ns < 500.0); /* a guard against gross regressions, not a benchmark: CI machines are shared
                          and may run this under sanitizers */
}

int main(void)
{
    en = sw_pack_find("en");
    CHECK(en != NULL);
    if (!en) return check_summary("test_pack");
    RUN(test_speech_verb_forms);
    RUN(test_speech_frames);
    RUN(test_tell_frame);
    RUN(test_finite_verb_forms);
    RUN(test_post_and_cognition);
    RUN(test_nouns);
    RUN(test_places_and_names);
    RUN(test_closed_classes);
    RUN(test_case_and_unknown);
    RUN(test_cue_phrases);
    RUN(test_prepared_lookups);
    RUN(test_segment_words);
    RUN(test_lists_and_registry);
    RUN(test_lookup_speed);
    return check_summary("test_pack");
}
