/*
 * arena.c -- the per-article bump allocator (see arena.h).
 */
#include "arena.h"
#include <stdlib.h>
#include <stdint.h>

/* The first block size of an empty arena: below glibc's mmap threshold, so a new article's first
 * block is a cheap heap allocation. */
#define SW_ARENA_FIRST_BLOCK (32 * 1024)

struct sw_arena_block {
    sw_arena_block *next;
    size_t size;
    /* data follows, 8-aligned because the header is two words */
};

static void *std_malloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void *std_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void std_free(void *ctx, void *p) { (void)ctx; free(p); }

const sw_allocator sw_default_allocator = {std_malloc, std_realloc, std_free, NULL};

void *sw_mem_alloc(const sw_allocator *a, size_t size)
{
    if (!a) a = &sw_default_allocator;
    return a->malloc(a->ctx, size ? size : 1);
}

void *sw_mem_realloc(const sw_allocator *a, void *p, size_t size)
{
    if (!a) a = &sw_default_allocator;
    return a->realloc(a->ctx, p, size ? size : 1);
}

void sw_mem_free(const sw_allocator *a, void *p)
{
    if (!p) return;
    if (!a) a = &sw_default_allocator;
    a->free(a->ctx, p);
}

void sw_arena_init(sw_arena *arena, const sw_allocator *alloc)
{
    arena->alloc = alloc ? alloc : &sw_default_allocator;
    arena->head = NULL;
    arena->cur = arena->end = NULL;
    arena->next_size = SW_ARENA_FIRST_BLOCK;
}

void *sw_arena_alloc(sw_arena *arena, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if ((size_t)(arena->end - arena->cur) < size || !arena->cur) {
        size_t want = arena->next_size;
        if (size > SIZE_MAX / 2 - sizeof(sw_arena_block)) return NULL;
        while (want < size) want *= 2;
        sw_arena_block *b = arena->alloc->malloc(arena->alloc->ctx, sizeof(sw_arena_block) + want);
        if (!b) return NULL;
        b->next = arena->head;
        b->size = want;
        arena->head = b;
        arena->cur = (char *)(b + 1);
        arena->end = arena->cur + want;
        if (arena->next_size < 8 * 1024 * 1024) arena->next_size *= 2;
    }
    void *p = arena->cur;
    arena->cur += size;
    return p;
}

void *sw_arena_calloc(sw_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = sw_arena_alloc(arena, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *sw_arena_strndup(sw_arena *arena, const char *s, size_t len)
{
    char *p = sw_arena_alloc(arena, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *sw_arena_grow(sw_arena *arena, void *array, size_t elem, size_t used, size_t *cap, size_t need)
{
    if (need <= *cap) return array;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) ncap *= 2;
    if (elem && ncap > SIZE_MAX / elem) return NULL;
    void *p = sw_arena_alloc(arena, ncap * elem);
    if (!p) return NULL;
    if (used) memcpy(p, array, used * elem);
    *cap = ncap;
    return p;
}

void sw_arena_free(sw_arena *arena)
{
    sw_arena_block *b = arena->head;
    while (b) {
        sw_arena_block *next = b->next;
        arena->alloc->free(arena->alloc->ctx, b);
        b = next;
    }
    arena->head = NULL;
    arena->cur = arena->end = NULL;
    arena->next_size = SW_ARENA_FIRST_BLOCK;
}

sw_arena_block *sw_arena_free_keep(sw_arena *arena, size_t keep_max)
{
    sw_arena_block *keep = NULL;
    for (sw_arena_block *b = arena->head; b; b = b->next)
        if (b->size <= keep_max && (!keep || b->size > keep->size)) keep = b;
    sw_arena_block *b = arena->head;
    while (b) {
        sw_arena_block *next = b->next;
        if (b != keep) arena->alloc->free(arena->alloc->ctx, b);
        b = next;
    }
    arena->head = NULL;
    arena->cur = arena->end = NULL;
    arena->next_size = SW_ARENA_FIRST_BLOCK;
    return keep;
}

void sw_arena_init_from(sw_arena *arena, const sw_allocator *alloc, sw_arena_block *block)
{
    sw_arena_init(arena, alloc);
    if (!block) return;
    block->next = NULL;
    arena->head = block;
    arena->cur = (char *)(block + 1);
    arena->end = arena->cur + block->size;
    /* as if the arena had grown to this block itself */
    arena->next_size = block->size < 8 * 1024 * 1024 ? block->size * 2 : block->size;
}

void sw_arena_block_free(const sw_allocator *alloc, sw_arena_block *block)
{
    if (!block) return;
    if (!alloc) alloc = &sw_default_allocator;
    alloc->free(alloc->ctx, block);
}
