/*
 * dates.h -- reading the dates of articles as news feeds write them (dates.c).
 *
 * The store keeps an article's date as YYYY-MM-DD (or YYYY-MM, YYYY when only that is given), so
 * that dates compare as strings; the date as given is kept beside it. Feeds write dates in many
 * ways; sw_date_read() understands the common ones and refuses the rest (and impossible days), so
 * that an article whose date cannot be read keeps no date rather than a wrong one.
 */
#ifndef SW_STORE_DATES_H
#define SW_STORE_DATES_H

#include <stddef.h>
#include "lang/pack.h"

/* What sw_date_read() made of a text. */
typedef enum sw_date_result {
    SW_DATE_READ = 0,      /* out holds the date */
    SW_DATE_UNREADABLE,    /* not a date in a form saywho reads (or an ambiguous 04/03/2026) */
    SW_DATE_IMPOSSIBLE     /* a form saywho reads, but no such day: 2020-02-30, month 13 */
} sw_date_result;

/* Reads the date at the start of text (len bytes; leading white space skipped) into out as
 * "YYYY-MM-DD", "YYYY-MM" or "YYYY" (NUL-terminated), in these forms:
 *   2026-03-04, 2026/03/04, 2026.03.04, 2026-03, 2026   (ISO 8601 and its relatives)
 *   2026-03-04T10:00:00+01:00, 2026-03-04 10:00          (a time and a zone may follow)
 *   Wed, 04 Mar 2026 10:00:00 GMT                        (RFC 2822: the day's name is optional)
 *   March 4, 2026   Mar. 4 2026   4 March 2026   March 2026
 * Month and day names are the pack's (SW_LIST_MONTH_NAMES; the segmenter's SW_LX_DATE_DAY words);
 * `pack` NULL tries every built-in pack in turn. The day is the calendar day as written: a time
 * zone is not applied (2026-03-04T23:30:00-05:00 is March 4, the day of the place that published
 * it). After the year (or a whole ISO date), anything that does not continue the number may follow
 * (a time, a zone, "at 10:00"). Returns the date's length in *len_out (may be NULL). */
sw_date_result sw_date_read(const sw_pack *pack, const char *text, size_t len, char out[11],
                            size_t *len_out);

/* Is d (NUL-terminated) exactly YYYY, YYYY-MM or YYYY-MM-DD, and a day of the calendar? 1 when it
 * is; 0 when it is not of that form; -1 when it is of that form but no such month or day exists. */
int sw_date_check_iso(const char *d);

/* What is wrong with the date filters of a query (each NULL or YYYY[-MM[-DD]] of the calendar):
 * a constant sentence, or NULL when both are fine. */
const char *sw_date_filter_problem(const char *since, const char *until);

#endif
