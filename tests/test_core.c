/* test_core.c -- unit tests of the core: arena, UTF-8 check, offset map. */
#include <stdlib.h>
#include "check.h"
#include "doc.h"

static void test_arena_alignment_and_growth(void)
{
    sw_arena a;
    sw_arena_init(&a, NULL);
    for (int i = 1; i < 5000; i++) {
        char *p = sw_arena_alloc(&a, (size_t)i % 97 + 1);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p & 7) == 0);
    }
    char *big = sw_arena_alloc(&a, 1 << 20);
    CHECK(big != NULL);
    sw_arena_free(&a);
}

static int fail_after;
static void *failing_malloc(void *ctx, size_t n) { (void)ctx; return fail_after-- > 0 ? malloc(n) : NULL; }
static void *failing_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void failing_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_arena_reports_out_of_memory(void)
{
    sw_allocator al = {failing_malloc, failing_realloc, failing_free, NULL};
    sw_arena a;
    sw_arena_init(&a, &al);
    fail_after = 0;
    CHECK(sw_arena_alloc(&a, 10) == NULL);
    sw_arena_free(&a);
}

/* A counting allocator: how many blocks are live. */
static long live_blocks;
static void *counting_malloc(void *ctx, size_t n) { (void)ctx; live_blocks++; return malloc(n); }
static void counting_free(void *ctx, void *p) { (void)ctx; if (p) live_blocks--; free(p); }

static void test_arena_keeps_one_block(void)
{
    sw_allocator al = {counting_malloc, failing_realloc, counting_free, NULL};
    sw_arena a;
    sw_arena_init(&a, &al);
    for (int i = 0; i < 50; i++) CHECK(sw_arena_alloc(&a, 4000) != NULL); /* 32 + 64 + 128 KB */
    CHECK_EQ_INT(live_blocks, 3);
    sw_arena_block *keep = sw_arena_free_keep(&a, 100 * 1024); /* the 64 KB one */
    CHECK(keep != NULL);
    CHECK_EQ_INT(live_blocks, 1);
    /* the next arena starts in the kept block: 64 KB without asking the allocator */
    sw_arena_init_from(&a, &al, keep);
    char *first = sw_arena_alloc(&a, 8);
    CHECK(first == (char *)keep + 2 * sizeof(void *));
    for (int i = 0; i < 15; i++) CHECK(sw_arena_alloc(&a, 4000) != NULL);
    CHECK_EQ_INT(live_blocks, 1);
    CHECK(sw_arena_alloc(&a, 8000) != NULL); /* beyond 64 KB: a new block */
    CHECK_EQ_INT(live_blocks, 2);
    /* nothing small enough to keep: everything is freed */
    CHECK(sw_arena_free_keep(&a, 1024) == NULL);
    CHECK_EQ_INT(live_blocks, 0);
    sw_arena_init_from(&a, &al, NULL);
    CHECK(sw_arena_alloc(&a, 8) != NULL);
    keep = sw_arena_free_keep(&a, 1 << 20);
    CHECK_EQ_INT(live_blocks, 1);
    sw_arena_block_free(&al, keep);
    sw_arena_block_free(&al, NULL);
    CHECK_EQ_INT(live_blocks, 0);
}

static void test_utf8_check(void)
{
    int nul;
    CHECK_EQ_INT(sw_utf8_check("plain ascii text here", 21, &nul), 21);
    CHECK_EQ_INT(sw_utf8_check("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", 13, &nul), 13);
    CHECK_EQ_INT(sw_utf8_check("ab\xff" "cd", 5, &nul), 2);
    CHECK_EQ_INT(nul, 0);
    CHECK_EQ_INT(sw_utf8_check("abcdefghij\0k", 12, &nul), 10);
    CHECK_EQ_INT(nul, 1);
    CHECK_EQ_INT(sw_utf8_check("\xc0\x80", 2, &nul), 0);         /* overlong */
    CHECK_EQ_INT(sw_utf8_check("\xed\xa0\x80", 3, &nul), 0);     /* surrogate */
    CHECK_EQ_INT(sw_utf8_check("x\xe2\x80", 3, &nul), 1);        /* truncated */
    CHECK_EQ_INT(sw_utf8_check("\xf0\x9f\x98\x80", 4, &nul), 4); /* emoji */
}

static void test_offset_map(void)
{
    /* original "a&amp;b  c" -> repaired "a&b c": edit 1 replaces "&amp;" (1..6) by "&" (1..2),
     * edit 2 replaces "  " (7..9) by " " (3..4). */
    sw_edit edits[2] = {{1, 2, 1, 6}, {3, 4, 7, 9}};
    sw_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.edits = edits;
    doc.n_edits = 2;
    CHECK_EQ_INT(sw_map_start(&doc, 0), 0);
    CHECK_EQ_INT(sw_map_start(&doc, 1), 1);
    CHECK_EQ_INT(sw_map_start(&doc, 2), 6);
    CHECK_EQ_INT(sw_map_start(&doc, 4), 9);
    CHECK_EQ_INT(sw_map_end(&doc, 1), 1);
    CHECK_EQ_INT(sw_map_end(&doc, 2), 6);
    CHECK_EQ_INT(sw_map_end(&doc, 3), 7);
    CHECK_EQ_INT(sw_map_end(&doc, 5), 10);
    /* a deletion (zero-width space removed at original 4..7, repaired position 4) */
    sw_edit del[1] = {{4, 4, 4, 7}};
    doc.edits = del;
    doc.n_edits = 1;
    CHECK_EQ_INT(sw_map_start(&doc, 4), 7);
    CHECK_EQ_INT(sw_map_end(&doc, 4), 4);
    CHECK_EQ_INT(sw_map_end(&doc, 5), 8);
}

int main(void)
{
    RUN(test_arena_alignment_and_growth);
    RUN(test_arena_reports_out_of_memory);
    RUN(test_arena_keeps_one_block);
    RUN(test_utf8_check);
    RUN(test_offset_map);
    return check_summary("test_core");
}
