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

/* Releases every block but one, which it returns for the next arena of the same allocator
 * (sw_arena_init_from()): the largest block of at most keep_max bytes, or NULL when there is none.
 * Reusing a block spares the next document a malloc/free cycle of fresh memory, which costs a page
 * fault per 4 KB each time the C library gives memory back to the system and takes it again, and
 * cache misses on the first write of every line; the reused block is still in the cache. The arena
 * may be used again afterwards. */
sw_arena_block *sw_arena_free_keep(sw_arena *arena, size_t keep_max);

/* Prepares an empty arena whose first block is `block` (kept by sw_arena_free_keep() from an arena
 * with the same allocator); with a NULL block, the same as sw_arena_init(). */
void sw_arena_init_from(sw_arena *arena, const sw_allocator *alloc, sw_arena_block *block);

/* Frees a block kept by sw_arena_free_keep(); NULL is a no-op. */
void sw_arena_block_free(const sw_allocator *alloc, sw_arena_block *block);

/* Allocator helpers that honour a NULL allocator. */
void *sw_mem_alloc(const sw_allocator *a, size_t size);
void *sw_mem_realloc(const sw_allocator *a, void *p, size_t size);
void sw_mem_free(const sw_allocator *a, void *p);

#endif
