/* test_map.c -- unit tests of the library's one hash table (src/core/map.h). */
#include <stdlib.h>
#include "check.h"
#include "map.h"

/* An allocator that fails from the (fail_after + 1)-th request on (malloc and realloc alike) and
 * counts the blocks it has handed out and not got back. */
static long fail_after = -1, live;
static void *t_malloc(void *ctx, size_t n)
{
    (void)ctx;
    if (fail_after == 0) return NULL;
    if (fail_after > 0) fail_after--;
    live++;
    return malloc(n);
}
static void *t_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    if (fail_after == 0) return NULL;
    if (fail_after > 0) fail_after--;
    if (!p) live++;
    return realloc(p, n);
}
static void t_free(void *ctx, void *p)
{
    (void)ctx;
    if (p) live--;
    free(p);
}
static const sw_allocator t_alloc = {t_malloc, t_realloc, t_free, NULL};

typedef struct val3 {
    int64_t a, b, c;
} val3;

static void test_num_insert_find_grow(void)
{
    sw_map m;
    fail_after = -1;
    live = 0;
    CHECK(sw_map_init(&m, &t_alloc, SW_MAP_NUM, sizeof(val3), 0));
    CHECK_EQ_INT(live, 0); /* no room asked for: no memory taken */
    CHECK(sw_map_get(&m, 42) == NULL);
    CHECK(sw_map_get(&m, 0) == NULL);
    /* keys 0..19999 times an odd number (0 included, and keys whose low bits are all equal) */
    for (uint64_t i = 0; i < 20000; i++) {
        int added = -1;
        val3 *v = sw_map_put(&m, i * 0x100000001ull, &added);
        CHECK(v != NULL);
        if (!v) break;
        CHECK_EQ_INT(added, 1);
        CHECK(v->a == 0 && v->b == 0 && v->c == 0); /* zeroed when added */
        v->a = (int64_t)i;
        v->c = -(int64_t)i;
    }
    CHECK_EQ_INT(sw_map_len(&m), 20000);
    for (uint64_t i = 0; i < 20000; i++) {
        val3 *v = sw_map_get(&m, i * 0x100000001ull);
        CHECK(v && v->a == (int64_t)i && v->c == -(int64_t)i);
    }
    CHECK(sw_map_get(&m, 20000 * 0x100000001ull) == NULL);
    CHECK(sw_map_get(&m, 1) == NULL);
    /* a second put of a key finds its value */
    int added = -1;
    val3 *v = sw_map_put(&m, 7 * 0x100000001ull, &added);
    CHECK(v && added == 0 && v->a == 7);
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
    /* usable again after sw_map_free */
    CHECK(sw_map_put(&m, 5, NULL) != NULL);
    CHECK(sw_map_get(&m, 5) != NULL);
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
}

static void test_num_iterate_delete_clear(void)
{
    sw_map m;
    fail_after = -1;
    live = 0;
    CHECK(sw_map_init(&m, &t_alloc, SW_MAP_NUM, sizeof(int32_t), 4));
    for (uint64_t k = 0; k < 1000; k++) *(int32_t *)sw_map_put(&m, k, NULL) = (int32_t)k + 1;
    /* every key once, with its value */
    static unsigned char seen[1000];
    memset(seen, 0, sizeof seen);
    size_t it = 0, n = 0;
    uint64_t key;
    int32_t *v;
    while ((v = sw_map_next(&m, &it, &key))) {
        CHECK(key < 1000 && !seen[key] && *v == (int32_t)key + 1);
        if (key < 1000) seen[key] = 1;
        n++;
    }
    CHECK_EQ_INT(n, 1000);
    /* delete the odd keys (0 among the kept ones): the others are still found */
    for (uint64_t k = 1; k < 1000; k += 2) CHECK(sw_map_del(&m, k));
    CHECK(!sw_map_del(&m, 1));
    CHECK_EQ_INT(sw_map_len(&m), 500);
    for (uint64_t k = 0; k < 1000; k++) {
        v = sw_map_get(&m, k);
        CHECK(k % 2 ? v == NULL : v != NULL && *v == (int32_t)k + 1);
    }
    CHECK(sw_map_del(&m, 0));
    CHECK(sw_map_get(&m, 0) == NULL);
    /* a key added again starts from zero */
    int added = 0;
    v = sw_map_put(&m, 3, &added);
    CHECK(v && added && *v == 0);
    sw_map_clear(&m);
    CHECK_EQ_INT(sw_map_len(&m), 0);
    it = 0;
    CHECK(sw_map_next(&m, &it, NULL) == NULL);
    CHECK(sw_map_get(&m, 2) == NULL);
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
}

/* Keys that all want the same slot (multiples of the table size after mixing are not easy to
 * make, so: many keys in a small table, deleted in an order that exercises the wrap-around). */
static void test_num_collisions_and_wrap(void)
{
    sw_map m;
    CHECK(sw_map_init(&m, NULL, SW_MAP_NUM, 0, 0)); /* a set */
    uint64_t keys[6];
    size_t n = 0;
    /* six keys whose home slot in an 8-slot table is the last one, so their probes wrap */
    for (uint64_t k = 1; n < 6 && k < 100000; k++)
        if ((sw_hash_u64(k) & 7) == 7) keys[n++] = k;
    CHECK_EQ_INT(n, 6);
    CHECK(sw_map_reserve(&m, 3, 0)); /* eight slots: room for four */
    for (size_t i = 0; i < 3; i++) CHECK(sw_map_put(&m, keys[i], NULL) != NULL);
    for (size_t i = 0; i < 3; i++) CHECK(sw_map_get(&m, keys[i]) != NULL);
    CHECK(sw_map_del(&m, keys[0])); /* the one in the last slot: the others move back across the end */
    CHECK(sw_map_get(&m, keys[1]) != NULL && sw_map_get(&m, keys[2]) != NULL && !sw_map_get(&m, keys[0]));
    for (size_t i = 3; i < 6; i++) CHECK(sw_map_put(&m, keys[i], NULL) != NULL); /* grows */
    for (size_t i = 1; i < 6; i++) CHECK(sw_map_get(&m, keys[i]) != NULL);
    CHECK_EQ_INT(sw_map_len(&m), 5);
    sw_map_free(&m);
}

static void test_num_out_of_memory(void)
{
    sw_map m;
    live = 0;
    fail_after = 0;
    CHECK(!sw_map_init(&m, &t_alloc, SW_MAP_NUM, 8, 100)); /* room refused */
    CHECK(sw_map_get(&m, 1) == NULL);
    CHECK(sw_map_put(&m, 1, NULL) == NULL);
    CHECK(sw_map_put(&m, 0, NULL) == NULL);
    CHECK_EQ_INT(sw_map_len(&m), 0);
    fail_after = 1; /* the first table, not the second */
    for (uint64_t k = 1; k <= 4; k++) CHECK(sw_map_put(&m, k, NULL) != NULL); /* 8 slots: 4 keys */
    CHECK(sw_map_put(&m, 5, NULL) == NULL); /* would grow */
    CHECK(sw_map_put(&m, 3, NULL) != NULL); /* a key already there needs no room */
    CHECK_EQ_INT(sw_map_len(&m), 4);
    for (uint64_t k = 1; k <= 4; k++) CHECK(sw_map_get(&m, k) != NULL);
    CHECK(!sw_map_reserve(&m, 10, 0));
    fail_after = -1;
    CHECK(sw_map_reserve(&m, 10, 0));
    fail_after = 0; /* reserved: these additions take no memory */
    for (uint64_t k = 5; k < 15; k++) CHECK(sw_map_put(&m, k, NULL) != NULL);
    fail_after = -1;
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
}

/* A key of len bytes made from its number i: bytes that differ in one place only from the keys
 * of the other lengths. */
static void make_key(char *buf, size_t len, int i)
{
    for (size_t k = 0; k < len; k++) buf[k] = (char)('a' + (k * 7 + (size_t)i) % 26);
}

static void test_bytes_every_length(void)
{
    sw_map m;
    fail_after = -1;
    live = 0;
    CHECK(sw_map_init(&m, &t_alloc, SW_MAP_BYTES, sizeof(int32_t), 0));
    char buf[64];
    /* lengths 0..40 (the inline ones, 16, and past it), ten keys each */
    for (size_t len = 0; len <= 40; len++)
        for (int i = 0; i < 10; i++) {
            make_key(buf, len, i);
            int added = -1;
            int32_t *v = sw_map_put_bytes(&m, buf, len, &added);
            CHECK(v != NULL);
            if (!v) continue;
            /* the empty key has one value only; for the others keys 0..9 differ */
            if (len == 0 && i > 0) {
                CHECK_EQ_INT(added, 0);
                continue;
            }
            CHECK_EQ_INT(added, 1);
            *v = (int32_t)(len * 100 + (size_t)i);
        }
    CHECK_EQ_INT(sw_map_len(&m), 1 + 40 * 10);
    for (size_t len = 1; len <= 40; len++)
        for (int i = 0; i < 10; i++) {
            make_key(buf, len, i);
            int32_t *v = sw_map_get_bytes(&m, buf, len);
            CHECK(v && *v == (int32_t)(len * 100 + (size_t)i));
            /* a key of the same length not added, and the key without its last byte (another
             * key, or none) */
            make_key(buf, len, i + 10);
            CHECK(sw_map_get_bytes(&m, buf, len) == NULL);
            make_key(buf, len, i);
            int32_t *w = sw_map_get_bytes(&m, buf, len - 1);
            CHECK(len == 1 ? w != NULL : w == NULL || *w != (int32_t)(len * 100 + (size_t)i));
        }
    CHECK(sw_map_get_bytes(&m, "", 0) != NULL);
    CHECK(sw_map_get_bytes(&m, "zzzzzzzzzzzzzzzzzzzzz", 21) == NULL);
    /* iteration gives back every key's bytes */
    size_t it = 0, n = 0;
    const char *k;
    size_t kl;
    int32_t *v;
    while ((v = sw_map_next_bytes(&m, &it, &k, &kl))) {
        n++;
        int32_t *again = sw_map_get_bytes(&m, k, kl);
        CHECK(again == v);
        if (kl) CHECK_EQ_INT(*v / 100, kl);
    }
    CHECK_EQ_INT(n, 401);
    sw_map_clear(&m);
    CHECK(sw_map_get_bytes(&m, "", 0) == NULL);
    CHECK_EQ_INT(sw_map_len(&m), 0);
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
}

/* Keys the caller hashes: all with one hash, so that every probe meets the others and only the
 * bytes tell them apart. */
static void test_bytes_same_hash(void)
{
    sw_map m;
    CHECK(sw_map_init(&m, NULL, SW_MAP_BYTES, sizeof(int64_t), 0));
    char buf[32];
    for (int i = 0; i < 200; i++) {
        size_t len = (size_t)snprintf(buf, sizeof buf, i % 2 ? "key-%d" : "a rather longer key, %d", i);
        int64_t *v = sw_map_put_bytes_h(&m, buf, len, 12345, NULL);
        CHECK(v != NULL);
        if (v) *v = i;
    }
    for (int i = 0; i < 200; i++) {
        size_t len = (size_t)snprintf(buf, sizeof buf, i % 2 ? "key-%d" : "a rather longer key, %d", i);
        int64_t *v = sw_map_get_bytes_h(&m, buf, len, 12345);
        CHECK(v && *v == i);
        CHECK(sw_map_get_bytes_h(&m, buf, len, 54321) == NULL);
    }
    CHECK_EQ_INT(sw_map_len(&m), 200);
    sw_map_free(&m);
}

/* Key i of test_bytes_value_sizes into buf: its number, then filler. */
static size_t value_key(char *buf, int i)
{
    size_t len = 4 + (size_t)(i % 33); /* 4 to 36 bytes: inline and pooled */
    snprintf(buf, 8, "%04d", i);
    make_key(buf + 4, len - 4, i);
    return len;
}

/* Byte-string keys with values of 1, 2 and 4 bytes (kept beside the key's length in its slot) and
 * of 8 bytes (after the key part): each value is the key's own through growth, a new key's value
 * is zero whatever its neighbours hold, and a value is aligned for its size. */
static void test_bytes_value_sizes(void)
{
    static const size_t sizes[] = {1, 2, 4, 8};
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        size_t vs = sizes[z];
        sw_map m;
        CHECK(sw_map_init(&m, NULL, SW_MAP_BYTES, vs, 0));
        char buf[40];
        for (int i = 0; i < 3000; i++) {
            size_t len = value_key(buf, i);
            int added = -1;
            unsigned char *v = sw_map_put_bytes(&m, buf, len, &added);
            CHECK(v != NULL);
            if (!v) break;
            CHECK_EQ_INT(added, 1);
            CHECK_EQ_INT((uintptr_t)v % vs, 0);
            for (size_t b = 0; b < vs; b++) CHECK_EQ_INT(v[b], 0);
            memset(v, 0xFF, vs); /* every bit set: would show in a neighbour or in the key */
            v[0] = (unsigned char)i;
        }
        CHECK_EQ_INT(sw_map_len(&m), 3000);
        for (int i = 0; i < 3000; i++) {
            size_t len = value_key(buf, i);
            unsigned char *v = sw_map_get_bytes(&m, buf, len);
            CHECK(v && v[0] == (unsigned char)i && v[vs - 1] == (vs == 1 ? (unsigned char)i : 0xFF));
        }
        size_t it = 0, n = 0, kl;
        const char *k;
        unsigned char *v;
        while ((v = sw_map_next_bytes(&m, &it, &k, &kl))) {
            n++;
            CHECK(sw_map_get_bytes(&m, k, kl) == v);
        }
        CHECK_EQ_INT(n, 3000);
        sw_map_free(&m);
    }
}

static void test_bytes_out_of_memory(void)
{
    sw_map m;
    live = 0;
    fail_after = -1;
    CHECK(sw_map_init(&m, &t_alloc, SW_MAP_BYTES, 4, 4));
    fail_after = 0;
    CHECK(sw_map_put_bytes(&m, "short", 5, NULL) != NULL); /* inline, room made at init */
    CHECK(sw_map_put_bytes(&m, "a key longer than sixteen bytes", 31, NULL) == NULL); /* the pool */
    CHECK_EQ_INT(sw_map_len(&m), 1);
    CHECK(sw_map_get_bytes(&m, "a key longer than sixteen bytes", 31) == NULL);
    CHECK(!sw_map_reserve(&m, 0, 100));
    fail_after = -1;
    CHECK(sw_map_reserve(&m, 3, 100));
    fail_after = 0;
    CHECK(sw_map_put_bytes(&m, "a key longer than sixteen bytes", 31, NULL) != NULL);
    CHECK(sw_map_put_bytes(&m, "another key longer than sixteen", 31, NULL) != NULL);
    CHECK(sw_map_get_bytes(&m, "short", 5) != NULL);
    fail_after = -1;
    sw_map_free(&m);
    CHECK_EQ_INT(live, 0);
}

/* The arena variant: the same answers, and nothing to free but the arena. */
static void test_arena_map(void)
{
    sw_arena a;
    live = 0;
    fail_after = -1;
    sw_arena_init(&a, &t_alloc);
    sw_map num, bytes;
    CHECK(sw_map_init_arena(&num, &a, SW_MAP_NUM, sizeof(uint32_t), 16));
    CHECK(sw_map_init_arena(&bytes, &a, SW_MAP_BYTES, sizeof(uint32_t), 0));
    char buf[40];
    for (uint32_t i = 0; i < 5000; i++) {
        *(uint32_t *)sw_map_put(&num, (uint64_t)i << 40, NULL) = i;
        size_t len = (size_t)snprintf(buf, sizeof buf, "%u%s", i, i % 3 ? "" : " and some more bytes");
        uint32_t *v = sw_map_put_bytes(&bytes, buf, len, NULL);
        CHECK(v != NULL);
        if (v) *v = i;
    }
    for (uint32_t i = 0; i < 5000; i++) {
        uint32_t *v = sw_map_get(&num, (uint64_t)i << 40);
        CHECK(v && *v == i);
        size_t len = (size_t)snprintf(buf, sizeof buf, "%u%s", i, i % 3 ? "" : " and some more bytes");
        v = sw_map_get_bytes(&bytes, buf, len);
        CHECK(v && *v == i);
    }
    sw_map_free(&num); /* does nothing to the arena */
    CHECK(sw_map_get_bytes(&bytes, "17", 2) != NULL);
    sw_arena_free(&a);
    CHECK_EQ_INT(live, 0);
    /* an arena that cannot give memory */
    sw_arena_init(&a, &t_alloc);
    fail_after = 0;
    CHECK(!sw_map_init_arena(&num, &a, SW_MAP_NUM, 4, 10));
    CHECK(sw_map_put(&num, 1, NULL) == NULL);
    fail_after = -1;
    sw_arena_free(&a);
}

/* The hash functions that keys in memory use: stable on fixed inputs (a change would not break
 * anything stored, but the tables of the language packs are placed with sw_hash_bytes()), and the
 * number-and-bytes key is not the bytes' key. */
static void test_hashes(void)
{
    CHECK(sw_hash_bytes64("said", 4) == sw_hash_final(sw_hash_mix(sw_hash_start(4), 0x64696173ull)));
    CHECK(sw_hash_num_bytes64(0, "said", 4) != sw_hash_bytes64("said", 4));
    CHECK(sw_hash_num_bytes64(1, "said", 4) != sw_hash_num_bytes64(2, "said", 4));
    CHECK(sw_hash_u64(1) != sw_hash_u64(2));
    /* sw_hash_more() continues a state as the whole key would have */
    const char *s = "a quotation of more than sixteen bytes";
    size_t n = strlen(s);
    char padded[16] = "padded key";
    CHECK(sw_hash_padded64(padded, 10) == sw_hash_bytes64(padded, 10));
    /* the tail of a key read without a loop is the bytes read one by one */
    unsigned char bytes[8] = {0x81, 0x02, 0xF3, 0x44, 0x05, 0xA6, 0x77, 0x18};
    for (size_t len = 0; len < 8; len++) {
        uint64_t v = 0;
        for (size_t k = 0; k < len; k++) v |= (uint64_t)bytes[k] << (8 * k);
        CHECK(sw_load_tail(bytes, len) == v);
    }
    CHECK(sw_hash_final(sw_hash_more(sw_hash_more(sw_hash_start(n), s, 16), s + 16, n - 16)) ==
          sw_hash_bytes64(s, n));
}

int main(void)
{
    RUN(test_num_insert_find_grow);
    RUN(test_num_iterate_delete_clear);
    RUN(test_num_collisions_and_wrap);
    RUN(test_num_out_of_memory);
    RUN(test_bytes_every_length);
    RUN(test_bytes_same_hash);
    RUN(test_bytes_value_sizes);
    RUN(test_bytes_out_of_memory);
    RUN(test_arena_map);
    RUN(test_hashes);
    return check_summary("test_map");
}
