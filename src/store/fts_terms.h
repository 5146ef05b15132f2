/*
 * fts_terms.h -- the search query people write, made into the FTS5 query the store runs
 * (fts_terms.c).
 *
 * FTS5's own syntax takes only letters, digits and '_' in a bare word: COVID-19, U.S., Trump's,
 * 9/11 are syntax errors there. sw_fts_rewrite() keeps the whole FTS5 syntax (AND, OR, NOT,
 * "phrases", prefix*, ^initial, a + b, NEAR(a b, N), parentheses, column filters) and turns every
 * bare term that holds other characters into a quoted phrase of the same bytes, which the store's
 * tokenizer then splits exactly as it split the statements ("COVID-19" is the phrase covid 19,
 * as the text COVID-19 was indexed). It checks the syntax itself, so that an error is reported
 * with the byte where it is and what is wrong there, never as SQLite's "fts5: syntax error".
 */
#ifndef SW_STORE_FTS_TERMS_H
#define SW_STORE_FTS_TERMS_H

#include <stddef.h>
#include "saywho.h"

/* Rewrites query (len bytes) into FTS5 syntax. `columns` lists the names a column filter may use
 * (NULL-terminated; compared without ASCII case). On success returns SW_OK and *out, a new
 * NUL-terminated string allocated with `alloc` (free with sw_mem_free(alloc, *out)); a query
 * without any term rewrites to "". On a syntax error returns SW_ERR_QUERY with err->offset the
 * byte of the query where the problem is and err->message a constant sentence saying what it is;
 * SW_ERR_NOMEM when out of memory. The rules (the query's words are never changed):
 *  - AND, OR, NOT (in capitals) are operators; each needs an operand on both sides;
 *  - words side by side must all match (an AND is written between a parenthesised group and
 *    what stands next to it, which FTS5 itself refuses: covid (vaccine OR mask));
 *  - "..." is a phrase ("" inside it is a quotation mark); it must be closed;
 *  - a trailing * makes a prefix search, a leading ^ asks for the first word of the text, + joins
 *    phrases, NEAR(a b, N) asks for words close together (N a number);
 *  - COLUMN: or {COLUMN ...}: (or -COLUMN: to exclude it) before a term or a parenthesised group
 *    is a column filter; a word of letters right before a ':' that names no column is an error;
 *  - any other bare term with a byte that FTS5 does not take in a bare word becomes "term". */
sw_status sw_fts_rewrite(const sw_allocator *alloc, const char *query, size_t len,
                         const char *const *columns, char **out, sw_error *err);

#endif
