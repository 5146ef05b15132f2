/*
 * read.h -- internals shared by the files of the reader (src/read/).
 */
#ifndef SW_READ_H
#define SW_READ_H

#include <stdint.h>
#include "doc.h"

struct sw_reader {
    const sw_allocator *alloc;
    sw_allocator alloc_copy;
    char *scratch;        /* decoded strings of the last article, each NUL-terminated */
    size_t scratch_cap;
};

/* Makes the scratch buffer at least `need` bytes; its old contents are lost. SW_ERR_NOMEM when the
 * allocator refuses (the reader stays usable, with no scratch). */
sw_status sw_reader_reserve(sw_reader *r, size_t need);

/* Fills err (when not NULL) with code, its constant message and offset; returns code. */
sw_status sw_read_fail(sw_error *err, sw_status code, size_t offset);

#endif
