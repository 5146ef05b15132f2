/*
 * fuzz_json.c -- libFuzzer target: one JSON Lines line through the reader, then extraction and the
 * JSON writer.
 *
 * The input is taken as a line (without its newline). When sw_reader_parse_json accepts it, the
 * article goes through sw_extract and sw_doc_write_json into a sink that checks the output is
 * NUL-free; a rejected line must come with an error offset inside the line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "saywho.h"

static int check_sink(void *ctx, const char *buf, size_t len)
{
    (void)ctx;
    if (memchr(buf, 0, len)) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_reader *r = sw_reader_new(NULL);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    char *line = malloc(size ? size : 1);
    if (!r || !ex || !line) goto done;
    memcpy(line, data, size);
    sw_article a;
    memset(&a, 0, sizeof a);
    sw_error err;
    memset(&err, 0, sizeof err);
    if (sw_reader_parse_json(r, line, size, &a, &err) != SW_OK) {
        if (err.offset > size) abort();
        goto done;
    }
    if (!a.text.ptr && a.text.len) abort();
    sw_doc *doc = NULL;
    if (sw_extract(ex, &a, &doc, &err) == SW_OK) {
        sw_doc_write_json(doc, &a, 0, check_sink, NULL);
        sw_doc_free(doc);
    }
done:
    free(line);
    sw_extractor_free(ex);
    sw_reader_free(r);
    return 0;
}
