/*
 * read_file.h -- reading a whole file into memory, for tests that load the shared data (the
 * seed article, its gold, spec files). Standard C only, so tests of the public API can use it.
 */
#ifndef SW_TEST_READ_FILE_H
#define SW_TEST_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file, NUL-terminated, in a malloc'd buffer (free it); *len its size. NULL on error. */
static inline char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = buf ? (size_t)n : 0;
    return buf;
}

#endif
