/*
 * out.h -- the buffered sink under the writers, and a small JSON emitter on top of it.
 *
 * Writers produce many tiny pieces (a comma, a key, a number); the caller's sw_write_fn should see
 * few big ones. sw_out gathers pieces in a fixed buffer and hands over long runs (a 50 MB quotation)
 * directly, without copying them through the buffer. After the first failed write every further
 * call does nothing and `failed` stays set, so writers check once at the end.
 */
#ifndef SW_OUT_H
#define SW_OUT_H

#include <stddef.h>
#include <string.h>
#include "saywho.h"

#define SW_OUT_BUF 16384

typedef struct sw_out {
    sw_write_fn write;
    void *ctx;
    int failed;
    size_t used;
    char buf[SW_OUT_BUF];
} sw_out;

void sw_out_init(sw_out *o, sw_write_fn write, void *ctx);
/* The paths of sw_out_bytes() and sw_out_char() that flush or fail (out.c). */
void sw_out_bytes_slow(sw_out *o, const char *s, size_t len);
void sw_out_char_slow(sw_out *o, char c);

/* Appends len bytes; pieces longer than the buffer go straight to the sink. Inline because the
 * writers call it for every comma and key: the common case is one copy into the buffer. */
static inline void sw_out_bytes(sw_out *o, const char *s, size_t len)
{
    if (len && len <= SW_OUT_BUF - o->used && !o->failed) {
        memcpy(o->buf + o->used, s, len);
        o->used += len;
        return;
    }
    sw_out_bytes_slow(o, s, len);
}

void sw_out_str(sw_out *o, const char *s);

static inline void sw_out_char(sw_out *o, char c)
{
    if (o->used < SW_OUT_BUF && !o->failed) {
        o->buf[o->used++] = c;
        return;
    }
    sw_out_char_slow(o, c);
}
/* Appends n copies of the byte c. */
void sw_out_repeat(sw_out *o, char c, size_t n);
/* Appends a decimal number. */
void sw_out_uint(sw_out *o, size_t v);
/* Appends s as a JSON string literal, quotes included: '"' and '\\' and every byte below 0x20 are
 * escaped (\n, \t ... or \u00XX); all other bytes, UTF-8 included, are copied in runs. */
void sw_out_json_string(sw_out *o, const char *s, size_t len);
/* Hands the buffered bytes to the sink. Returns 0, or -1 when any write failed. */
int sw_out_flush(sw_out *o);

/* ---- JSON emitter: commas, indentation and nesting are its business, not the writers' ---- */

#define SW_JW_MAX_DEPTH 16

typedef struct sw_jw {
    sw_out out;
    int pretty;
    int depth;
    int after_key;                       /* a key was written: the next value needs no separator */
    size_t count[SW_JW_MAX_DEPTH];       /* members written so far at each depth */
    int inline_from;                     /* depth from which containers are on one line, or -1 */
} sw_jw;

void sw_jw_init(sw_jw *w, int pretty, sw_write_fn write, void *ctx);
/* Writes a member name (a constant without characters to escape) and its colon. Keys are string
 * literals, so the inline wrapper lets the compiler fold their length. */
void sw_jw_keyn(sw_jw *w, const char *key, size_t len);
static inline void sw_jw_key(sw_jw *w, const char *key) { sw_jw_keyn(w, key, strlen(key)); }
/* Opens an object or an array ('{' or '['). `one_line` keeps it (and everything in it) on one
 * line in pretty mode: small objects such as mentions read better that way. */
void sw_jw_open(sw_jw *w, char bracket, int one_line);
void sw_jw_close(sw_jw *w, char bracket);
void sw_jw_string(sw_jw *w, const char *s, size_t len);
void sw_jw_cstring(sw_jw *w, const char *s);    /* NULL writes null */
void sw_jw_uint(sw_jw *w, size_t v);
void sw_jw_int(sw_jw *w, long v);
void sw_jw_null(sw_jw *w);
void sw_jw_bool(sw_jw *w, int v);
/* A number in [0, 1] with exactly two decimals ("0.85"), locale-independent. */
void sw_jw_fixed2(sw_jw *w, double v);

/* The names the output uses for kinds and sections ("direct", "body" ...); constant strings. */

#endif
