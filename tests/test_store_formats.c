/*
 * test_store_formats.c -- the hashes and keys the store writes into a database, pinned on fixed
 * inputs.
 *
 * These are formats, not containers: a database made by one version is read and added to by the
 * next, so each of them must give, for the same input, exactly what it gave when the rows were
 * written:
 *  - sw_nk_content_hash(): articles.content_hash, how an article already stored is recognised;
 *  - sw_nk_content_hash64() of (speaker key, text hash): qgroups.id, the quotation groups' row ids;
 *  - sw_nk_text_hash(): qgroups.text_hash, the normalised text of a quotation;
 *  - sw_name_key() (public API) and the keys the store builds with sw_nk_parse_person(): entities.key
 *    and entities.skey, which merge the entities of different articles;
 *  - sw_nk_fold(): aliases.folded and the folded speaker names of qgroups.speaker_key.
 * The library's in-memory hash (src/core/hash.h) and its tables (src/core/map.h) may change from
 * one version to the next; these may not. If a test here fails, the change breaks every existing
 * database: keep the old function, or write a migration.
 */
#include <inttypes.h>
#include <stdio.h>
#include "check.h"
#include "store/namekey.h"

static void hex64(uint64_t v, char out[17]) { snprintf(out, 17, "%016" PRIx64, v); }

static void test_text_hash_is_pinned(void)
{
    static const struct {
        const char *text;
        const char *hash;
        size_t norm_len;
    } cases[] = {
        {"", "d2b6e4086221dc01", 0},
        {"Hello, world!", "f58873c21dc4d76c", 11},
        {"\xE2\x80\x9CWe will not give up,\xE2\x80\x9D she said \xE2\x80\x94 again and AGAIN.", "c1be2b76a241eca3", 44},
        {"\xC3\x87" "a ne fait rien: l\xE2\x80\x99\xC3\xA9" "cole est ferm\xC3\xA9" "e, dit-il 42 fois.",
         "74e6ed15d3f5f8a8", 49},
        {"short", "4d95dfc1f9d05e07", 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t nl = 99;
        char h[17];
        hex64(sw_nk_text_hash(cases[i].text, strlen(cases[i].text), &nl), h);
        CHECK_EQ_STR(h, cases[i].hash);
        CHECK_EQ_INT(nl, cases[i].norm_len);
    }
}

static void test_content_hash_is_pinned(void)
{
    /* text, title, url (absent), date, source (empty): absent and empty differ */
    sw_str parts[5] = {{"Body text of the article.", 25}, {"A title", 7}, {NULL, 0}, {"2024-01-02", 10}, {"", 0}};
    char out[33], h[17];
    sw_nk_content_hash(parts, 5, out);
    CHECK_EQ_STR(out, "6a286b6db7e304d07064f98e670c970a");
    hex64(sw_nk_content_hash64(parts, 5), h);
    CHECK_EQ_STR(h, "6a286b6db7e304d0"); /* the first half */
    /* a quotation group's id: (speaker key, text hash in hex) */
    sw_str group[2] = {{"e:17", 4}, {"0123456789abcdef", 16}};
    hex64(sw_nk_content_hash64(group, 2), h);
    CHECK_EQ_STR(h, "2e99c9879ecb2a68");
}

static void test_name_keys_are_pinned(void)
{
    static const struct {
        const char *name;
        const char *person, *org, *place;
    } cases[] = {
        {"Volodymyr Zelenskyy", "p:selenski|vldmr", "o:volodimir selenski", "l:volodimir selenski"},
        {"President Vladimir V. Putin Jr.", "p:putin|vldmr", "o:president vladimir v putin ir",
         "l:president vladimir v putin ir"},
        {"Ursula von der Leyen", "p:vonleJen|ursla", "o:ursula von der leJen", "l:ursula von der leJen"},
        {"\xC5\x81ukasz \xC5\xBBurek", "p:surek|lkJ", "o:lukaJ surek", "l:lukaJ surek"},
        {"the United Nations", "p:natins|te", "o:united natins", "l:united natins"},
        {"Kyiv", "p:kiv|", "o:kiv", "l:kiv"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char k[300];
        size_t n = strlen(cases[i].name);
        sw_name_key(cases[i].name, n, SW_ENT_PERSON, k, sizeof k);
        CHECK_EQ_STR(k, cases[i].person);
        sw_name_key(cases[i].name, n, SW_ENT_ORGANIZATION, k, sizeof k);
        CHECK_EQ_STR(k, cases[i].org);
        sw_name_key(cases[i].name, n, SW_ENT_PLACE, k, sizeof k);
        CHECK_EQ_STR(k, cases[i].place);
    }
}

static void test_fold_is_pinned(void)
{
    const char *s = "\xC5\x81ukasz \xC5\xBBUREK \xC3\x98ster Stra\xC3\x9F" "e";
    char f[256];
    CHECK_EQ_INT(sw_nk_fold(s, strlen(s), f, sizeof f), 26);
    CHECK_EQ_STR(f, "lukasz zurek oster strasse");
}

int main(void)
{
    RUN(test_text_hash_is_pinned);
    RUN(test_content_hash_is_pinned);
    RUN(test_name_keys_are_pinned);
    RUN(test_fold_is_pinned);
    return check_summary("test_store_formats");
}
