/*
 * reader.c -- the reader handle, format detection and plain-text articles.
 *
 * A reader owns one scratch buffer that holds the decoded strings of the last JSON Lines article
 * (json.c fills it). Plain-text articles need no copy: their bytes are the text, so the reader only
 * validates them and points into the caller's buffer.
 */
#include <string.h>
#include "read.h"

sw_reader *sw_reader_new(const sw_allocator *alloc)
{
    sw_reader *r = sw_mem_alloc(alloc, sizeof *r);
    if (!r) return NULL;
    memset(r, 0, sizeof *r);
    if (alloc) {
        r->alloc_copy = *alloc;
        r->alloc = &r->alloc_copy;
    } else {
        r->alloc = &sw_default_allocator;
    }
    return r;
}

void sw_reader_free(sw_reader *reader)
{
    if (!reader) return;
    const sw_allocator *a = reader->alloc;
    sw_mem_free(a, reader->scratch);
    sw_mem_free(a, reader);
}

sw_status sw_reader_reserve(sw_reader *r, size_t need)
{
    if (need <= r->scratch_cap) return SW_OK;
    size_t cap = r->scratch_cap ? r->scratch_cap : 4096;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    /* The old contents need not survive (a parse starts from scratch), so free then allocate:
     * that avoids realloc copying a 50 MB buffer we are about to overwrite. */
    sw_mem_free(r->alloc, r->scratch);
    r->scratch = sw_mem_alloc(r->alloc, cap);
    r->scratch_cap = r->scratch ? cap : 0;
    return r->scratch ? SW_OK : SW_ERR_NOMEM;
}

sw_status sw_read_fail(sw_error *err, sw_status code, size_t offset)
{
    if (err) {
        err->code = code;
        err->message = sw_status_message(code);
        err->offset = offset;
    }
    return code;
}

/* White space that may come before the first significant byte of an input. */
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

sw_format sw_detect_format(const char *buf, size_t len)
{
    size_t i = 0;
    if (!buf) return SW_FORMAT_TEXT;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && is_space((unsigned char)buf[i])) i++;
    return i < len && buf[i] == '{' ? SW_FORMAT_JSONL : SW_FORMAT_TEXT;
}

sw_status sw_reader_parse_text(sw_reader *reader, const char *buf, size_t len, sw_article *out,
                               sw_error *err)
{
    if (!reader || !out || (!buf && len)) return sw_read_fail(err, SW_ERR_INVALID_ARG, 0);
    if (len > SW_MAX_ARTICLE) return sw_read_fail(err, SW_ERR_TOO_LARGE, 0);
    if (!buf) buf = "";
    int nul = 0;
    size_t bad = sw_utf8_check(buf, len, &nul);
    if (bad != len) return sw_read_fail(err, nul ? SW_ERR_NUL : SW_ERR_UTF8, bad);
    memset(out, 0, sizeof *out);
    out->text.ptr = buf;
    out->text.len = len;
    out->title_lines = 1;
    out->text_checked = 1;
    return SW_OK;
}
