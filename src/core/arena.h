/*
 * arena.h -- the per-article bump allocator.
 *
 * Everything one article produces (repaired text, tokens, quotes, entities, strings) is allocated
 * from one arena and released at once by sw_arena_free(). Allocation never fails silently: it
 * returns NULL when the underlying sw_allocator does, and every caller passes that on as
 * SW_ERR_NOMEM.
 */
#ifndef SW_ARENA_H
#define SW_ARENA_H

#include <stddef.h>
#include <string.h>
#include "saywho.h"

typedef struct sw_arena_block sw_arena_block;

typedef struct sw_arena {
    const sw_allocator *alloc;   /* never NULL once initialised */
    sw_arena_block *head;        /* newest block first */
    char *cur, *end;             /* free space in the head block */
    size_t next_size;            /* size of the next block to ask for */
} sw_arena;

/* The allocator behind a NULL sw_allocator pointer: malloc/realloc/free. */
extern const sw_allocator sw_default_allocator;

/* Prepares an empty arena; no memory is taken until the first allocation. */
void sw_arena_init(sw_arena *arena, const sw_allocator *alloc);

/* Returns `size` bytes aligned to 8, or NULL when out of memory. Valid until sw_arena_free(). */
void *sw_arena_alloc(sw_arena *arena, size_t size);

/* Like sw_arena_alloc() but zero-filled. */
void *sw_arena_calloc(sw_arena *arena, size_t count, size_t size);

/* Copies len bytes and appends a NUL; returns NULL when out of memory. */
char *sw_arena_strndup(sw_arena *arena, const char *s, size_t len);

/* Grows an array kept in the arena: returns a pointer to room for at least `need` elements of
 * `elem` bytes, copying the `used` old ones; *cap is updated. The old array is abandoned (arena
 * memory is only freed all at once), so callers double the capacity to keep the waste bounded. */
void *sw_arena_grow(sw_arena *arena, void *array, size_t elem, size_t used, size_t *cap, size_t need);

/* Releases every block. The arena may be used again afterwards. */
void sw_arena_free(sw_arena *arena);

/* Allocator helpers that honour a NULL allocator. */
void *sw_mem_alloc(const sw_allocator *a, size_t size);
void *sw_mem_realloc(const sw_allocator *a, void *p, size_t size);
void sw_mem_free(const sw_allocator *a, void *p);

#endif
