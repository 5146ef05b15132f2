/*
 * offmap.c -- mapping repaired-text offsets back to the original bytes.
 *
 * The repair stage records each replacement as an sw_edit. Outside edits, the two texts differ by
 * a constant shift (the sum of the length changes of the edits before). Inside an edit there is no
 * byte-to-byte correspondence, so a span that begins there begins at the edit's original start and
 * one that ends there ends at its original end: a span never cuts a repaired character in half.
 */
#include "doc.h"

/* Index of the last edit whose rep_start <= rep, or -1. */
static long last_edit_at_or_before(const sw_doc *doc, uint32_t rep)
{
    long lo = 0, hi = (long)doc->n_edits - 1, found = -1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (doc->edits[mid].rep_start <= rep) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

uint32_t sw_map_start(const sw_doc *doc, uint32_t rep)
{
    long i = last_edit_at_or_before(doc, rep);
    if (i < 0) return rep;
    const sw_edit *e = &doc->edits[i];
    if (rep < e->rep_end) return e->orig_start;
    return e->orig_end + (rep - e->rep_end);
}

uint32_t sw_map_end(const sw_doc *doc, uint32_t rep)
{
    /* An end offset equal to an edit's rep_start belongs before the edit, so look up rep - 1. */
    if (rep == 0) return 0;
    long i = last_edit_at_or_before(doc, rep - 1);
    if (i < 0) return rep;
    const sw_edit *e = &doc->edits[i];
    if (rep <= e->rep_end) return e->orig_end;
    return e->orig_end + (rep - e->rep_end);
}
