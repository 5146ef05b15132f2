/*
 * out.c -- the buffered sink and the JSON emitter (see out.h).
 */
#include <stdint.h>
#include <string.h>
#include "out.h"

void sw_out_init(sw_out *o, sw_write_fn write, void *ctx)
{
    o->write = write;
    o->ctx = ctx;
    o->failed = 0;
    o->used = 0;
}

int sw_out_flush(sw_out *o)
{
    if (!o->failed && o->used) {
        if (o->write(o->ctx, o->buf, o->used) != 0) o->failed = 1;
    }
    o->used = 0;
    return o->failed ? -1 : 0;
}

void sw_out_bytes_slow(sw_out *o, const char *s, size_t len)
{
    if (o->failed || !len) return;
    if (len <= SW_OUT_BUF - o->used) {
        memcpy(o->buf + o->used, s, len);
        o->used += len;
        return;
    }
    if (sw_out_flush(o) < 0) return;
    if (len >= SW_OUT_BUF / 2) {
        if (o->write(o->ctx, s, len) != 0) o->failed = 1;
        return;
    }
    memcpy(o->buf, s, len);
    o->used = len;
}

void sw_out_str(sw_out *o, const char *s) { sw_out_bytes(o, s, strlen(s)); }

void sw_out_char_slow(sw_out *o, char c)
{
    if (o->used >= SW_OUT_BUF && sw_out_flush(o) < 0) return;
    if (o->failed) return;
    o->buf[o->used++] = c;
}

void sw_out_repeat(sw_out *o, char c, size_t n)
{
    char chunk[64];
    memset(chunk, c, sizeof chunk);
    while (n) {
        size_t k = n < sizeof chunk ? n : sizeof chunk;
        sw_out_bytes(o, chunk, k);
        n -= k;
    }
}

void sw_out_uint(sw_out *o, size_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sw_out_bytes(o, tmp + i, sizeof tmp - i);
}

/* Nonzero when some byte of the word is below 0x20, '"' or '\\' (SWAR: a byte below n shows as a
 * borrow into its high bit; the test is exact as a whole-word answer). */
static int word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t lt = (w - ones * 0x20) & ~w;
    uint64_t q = w ^ (ones * '"');
    uint64_t b = w ^ (ones * '\\');
    uint64_t zq = (q - ones) & ~q;
    uint64_t zb = (b - ones) & ~b;
    return ((lt | zq | zb) & high) != 0;
}

void sw_out_json_string(sw_out *o, const char *str, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0;
    sw_out_char(o, '"');
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!word_needs_escape(w)) {
                i += 8;
                continue;
            }
        }
        size_t stop = len - i >= 8 ? i + 8 : len;
        for (; i < stop; i++) {
            unsigned char c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            sw_out_bytes(o, (const char *)s + run, i - run);
            char esc[6] = {'\\', 0, 0, 0, 0, 0};
            size_t n = 2;
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            default:
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                n = 6;
            }
            sw_out_bytes(o, esc, n);
            run = i + 1;
        }
    }
    sw_out_bytes(o, (const char *)s + run, len - run);
    sw_out_char(o, '"');
}

/* ---- the JSON emitter ---- */

void sw_jw_init(sw_jw *w, int pretty, sw_write_fn write, void *ctx)
{
    sw_out_init(&w->out, write, ctx);
    w->pretty = pretty;
    w->depth = 0;
    w->after_key = 0;
    w->count[0] = 0;
    w->inline_from = -1;
}

static int on_one_line(const sw_jw *w) { return !w->pretty || (w->inline_from >= 0 && w->depth >= w->inline_from); }

/* The separator before a member or element at the current depth. */
static void separate(sw_jw *w)
{
    if (w->depth == 0) return;
    if (w->count[w->depth]++) sw_out_char(&w->out, ',');
    if (!w->pretty) return;
    if (on_one_line(w)) {
        if (w->count[w->depth] > 1) sw_out_char(&w->out, ' ');
        return;
    }
    sw_out_char(&w->out, '\n');
    sw_out_repeat(&w->out, ' ', (size_t)w->depth * 2);
}

static void before_value(sw_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    separate(w);
}

void sw_jw_keyn(sw_jw *w, const char *key, size_t kl)
{
    separate(w);
    sw_out *o = &w->out;
    if (!o->failed && kl + 5 <= SW_OUT_BUF - o->used) {
        /* one copy of "key": (or "key": with a space) straight into the buffer */
        char *p = o->buf + o->used;
        *p++ = '"';
        memcpy(p, key, kl);
        p += kl;
        *p++ = '"';
        *p++ = ':';
        if (w->pretty) *p++ = ' ';
        o->used = (size_t)(p - o->buf);
        w->after_key = 1;
        return;
    }
    sw_out_char(&w->out, '"');
    sw_out_bytes(&w->out, key, kl);
    sw_out_bytes(&w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    w->after_key = 1;
}

void sw_jw_open(sw_jw *w, char bracket, int one_line)
{
    before_value(w);
    sw_out_char(&w->out, bracket);
    if (w->depth + 1 >= SW_JW_MAX_DEPTH) {
        w->out.failed = 1; /* a writer bug, not a sink failure; never happens with our shapes */
        return;
    }
    w->depth++;
    w->count[w->depth] = 0;
    if (one_line && w->inline_from < 0) w->inline_from = w->depth;
}

void sw_jw_close(sw_jw *w, char bracket)
{
    if (w->depth == 0) return;
    int had_members = w->count[w->depth] != 0;
    int one_line = on_one_line(w);
    if (w->inline_from == w->depth) w->inline_from = -1;
    w->depth--;
    if (had_members && !one_line) {
        sw_out_char(&w->out, '\n');
        sw_out_repeat(&w->out, ' ', (size_t)w->depth * 2);
    }
    sw_out_char(&w->out, bracket);
}

void sw_jw_string(sw_jw *w, const char *s, size_t len)
{
    before_value(w);
    sw_out_json_string(&w->out, s, len);
}

void sw_jw_cstring(sw_jw *w, const char *s)
{
    if (!s) {
        sw_jw_null(w);
        return;
    }
    sw_jw_string(w, s, strlen(s));
}

void sw_jw_uint(sw_jw *w, size_t v)
{
    before_value(w);
    sw_out_uint(&w->out, v);
}

void sw_jw_int(sw_jw *w, long v)
{
    before_value(w);
    if (v < 0) {
        sw_out_char(&w->out, '-');
        sw_out_uint(&w->out, (size_t)(-(v + 1)) + 1);
    } else {
        sw_out_uint(&w->out, (size_t)v);
    }
}

void sw_jw_null(sw_jw *w)
{
    before_value(w);
    sw_out_bytes(&w->out, "null", 4);
}

void sw_jw_bool(sw_jw *w, int v)
{
    before_value(w);
    if (v) sw_out_bytes(&w->out, "true", 4);
    else sw_out_bytes(&w->out, "false", 5);
}

void sw_jw_fixed2(sw_jw *w, double v)
{
    if (!(v >= 0)) v = 0; /* also NaN */
    if (v > 1) v = 1;
    unsigned hundredths = (unsigned)(v * 100 + 0.5);
    char tmp[5] = {(char)('0' + hundredths / 100), '.', (char)('0' + hundredths / 10 % 10),
                   (char)('0' + hundredths % 10), 0};
    before_value(w);
    sw_out_bytes(&w->out, tmp, 4);
}
