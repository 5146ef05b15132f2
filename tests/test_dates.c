/* test_dates.c -- reading the dates of articles as feeds write them (src/store/dates.c,
 * sw_date_parse): each form read to the right day, impossible days refused, ambiguous or unknown
 * forms refused rather than guessed. */
#include "check.h"
#include "saywho.h"
#include "store/dates.h"

/* sw_date_parse(text) with every built-in pack: the date, or "!" + the status number. */
static const char *parse(const char *text)
{
    static char buf[32];
    char out[11] = "x";
    sw_error err = {0};
    sw_status s = sw_date_parse(text, strlen(text), NULL, out, &err);
    if (s == SW_OK) {
        snprintf(buf, sizeof buf, "%s", out);
    } else {
        snprintf(buf, sizeof buf, "!%d", (int)s);
        if (out[0]) snprintf(buf, sizeof buf, "out not emptied");
        if (!err.message || err.code != s) snprintf(buf, sizeof buf, "no message");
    }
    return buf;
}

static void test_feed_date_forms_are_read_to_the_right_day(void)
{
    static const char *const cases[][2] = {
        /* ISO 8601 and its relatives */
        {"2026-03-04", "2026-03-04"},
        {"  2026-03-04\n", "2026-03-04"},
        {"2026/03/04", "2026-03-04"},
        {"2026.03.04", "2026-03-04"},
        {"2026-03", "2026-03"},
        {"2026", "2026"},
        {"2026-03-04T10:00:00+01:00", "2026-03-04"},
        {"2026-03-04T10:00:00Z", "2026-03-04"},
        {"2026-03-04T10:00:00.123-05:00", "2026-03-04"},
        {"2026-03-04 10:00", "2026-03-04"},
        /* the day as written: the zone is not applied */
        {"2026-03-04T23:30:00-05:00", "2026-03-04"},
        {"2026-03-05T00:30:00+09:00", "2026-03-05"},
        /* RFC 2822 (RSS pubDate) */
        {"Wed, 04 Mar 2026 10:00:00 GMT", "2026-03-04"},
        {"Wed, 4 Mar 2026 10:00:00 +0000", "2026-03-04"},
        {"wednesday, 04 march 2026", "2026-03-04"},
        {"04 Mar 2026 10:00:00 -0500", "2026-03-04"},
        {"Sun, 29 Feb 2004 08:00:00 GMT", "2004-02-29"},
        /* written forms */
        {"March 4, 2026", "2026-03-04"},
        {"MARCH 4, 2026", "2026-03-04"},
        {"Mar. 4, 2026", "2026-03-04"},
        {"Mar 4 2026", "2026-03-04"},
        {"Sept. 30, 2025", "2025-09-30"},
        {"December 31, 1999 at 11:59 p.m.", "1999-12-31"},
        {"Wednesday, March 4, 2026", "2026-03-04"},
        {"4 March 2026", "2026-03-04"},
        {"4 March 2026, 10:00 GMT", "2026-03-04"},
        {"04-Mar-2026", "2026-03-04"},
        {"March 2026", "2026-03"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = parse(cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0) fprintf(stderr, "  %s -> %s\n", cases[i][0], got);
        CHECK_EQ_STR(got, cases[i][1]);
    }
}

static void test_impossible_dates_are_refused(void)
{
    static const char *const bad[] = {
        "2020-02-30", "2019-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-00",
        "0000-00-00", "February 30, 2020", "31 April 2026", "Thu, 31 Jun 2026 10:00:00 GMT",
        "0 March 2026",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[11];
        sw_error err = {0};
        sw_status s = sw_date_parse(bad[i], strlen(bad[i]), "en", out, &err);
        if (s != SW_ERR_DATE) fprintf(stderr, "  %s -> %s\n", bad[i], out);
        CHECK_EQ_INT(s, SW_ERR_DATE);
        CHECK(err.message && strstr(err.message, "no such day"));
        CHECK_EQ_STR(out, "");
    }
    /* a leap day of a leap year is a day */
    CHECK_EQ_STR(parse("2000-02-29"), "2000-02-29");
    CHECK_EQ_STR(parse("1900-02-29"), "!11");
}

static void test_unreadable_dates_are_refused_not_guessed(void)
{
    static const char *const bad[] = {
        "", "   ", "yesterday", "04/03/2026", "3/4/2026", "4.3.2026", "2026-3-4", "20260304",
        "March 4, 26", "Smarch 4, 2026", "4 Smarch 2026", "March 4, 20261", "2026-03-04x",
        "Wed, 2026", "2026-03x", "March", "12:00 March 4, 2026",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *got = parse(bad[i]);
        if (strcmp(got, "!11") != 0) fprintf(stderr, "  '%s' -> %s\n", bad[i], got);
        CHECK_EQ_STR(got, "!11");
    }
    char out[11];
    sw_error err = {0};
    CHECK_EQ_INT(sw_date_parse("2026-03-04", 10, "xx", out, &err), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_date_parse("2026-03-04", 10, "EN", out, &err), SW_OK);
    CHECK_EQ_INT(sw_date_parse("2026-03-04", 10, "auto", out, NULL), SW_OK);
    CHECK_EQ_INT(sw_date_parse("2026-03-04", 10, NULL, NULL, &err), SW_ERR_INVALID_ARG);
    /* the length is what counts, not a NUL */
    CHECK_EQ_INT(sw_date_parse("2026-03-0499", 10, NULL, out, &err), SW_OK);
    CHECK_EQ_STR(out, "2026-03-04");
    CHECK_EQ_STR(sw_status_message(SW_ERR_DATE), "unreadable date");
}

static void test_filter_dates_are_checked_against_the_calendar(void)
{
    CHECK_EQ_INT(sw_date_check_iso("2026-03-04"), 1);
    CHECK_EQ_INT(sw_date_check_iso("2026-03"), 1);
    CHECK_EQ_INT(sw_date_check_iso("2026"), 1);
    CHECK_EQ_INT(sw_date_check_iso("2020-02-29"), 1);
    CHECK_EQ_INT(sw_date_check_iso("2020-02-30"), -1);
    CHECK_EQ_INT(sw_date_check_iso("2020-13"), -1);
    CHECK_EQ_INT(sw_date_check_iso("March 4, 2026"), 0);
    CHECK_EQ_INT(sw_date_check_iso("2026/03/04"), 0);
    CHECK_EQ_INT(sw_date_check_iso("2026-03-04T10:00"), 0);
}

int main(void)
{
    RUN(test_feed_date_forms_are_read_to_the_right_day);
    RUN(test_impossible_dates_are_refused);
    RUN(test_unreadable_dates_are_refused_not_guessed);
    RUN(test_filter_dates_are_checked_against_the_calendar);
    return check_summary("test_dates");
}
