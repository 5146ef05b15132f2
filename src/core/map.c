/*
 * map.c -- the library's one hash table (see map.h for the contract and the layout's reasons).
 *
 * A slot is the key's part, then the value (val_off bytes in, 8-aligned):
 *  - SW_MAP_NUM: the key as a 64-bit number, 0 for a free slot; key 0 itself is kept in a spare
 *    slot after the last one (has_zero says whether it is held);
 *  - SW_MAP_BYTES: the key's hash with its top bit set (0 for a free slot; the slot number is
 *    taken from the low bits, which the top bit does not touch), its length, and either the key
 *    (at most 16 bytes, zero-padded) or its offset in the pool. A value of at most 4 bytes (a
 *    number of an index, a set's nothing) sits in the 4 bytes after the length, 4-aligned, so that
 *    such a slot is 32 bytes rather than 40: a table of them is zeroed and probed in fewer cache
 *    lines.
 * Free slots are all zeros, values included: a key added finds its value zeroed.
 */
#include "map.h"

/* The slot every map with no room points to: free, and never written (the first addition grows
 * the map first). Large enough for the key part of either kind. */
static const uint64_t empty_slot[4];

/* The key part of a byte-string slot. */
typedef struct bytes_key {
    uint64_t tag;      /* hash | BYTES_USED, 0: free */
    uint32_t len;
    uint32_t small;    /* the value, when it has at most 4 bytes (else unused) */
    union {
        unsigned char inl[16];
        uint64_t off;
    } k;
} bytes_key;

#define BYTES_USED (1ull << 63)
#define BYTES_INLINE 16

/* The number of slots an empty map starts with, at the least, when it is given room. */
#define MAP_MIN_SLOTS 8

static size_t key_part(sw_map_kind kind) { return kind == SW_MAP_NUM ? 8 : sizeof(bytes_key); }

/* The slots of a table of cap slots (and the spare one for number keys), in bytes. */
static size_t table_bytes(const sw_map *m, size_t cap) { return (cap + (m->kind == SW_MAP_NUM)) * m->slot_size; }

/* The number of slots that hold n keys at most half full. */
static size_t cap_for(size_t n)
{
    size_t cap = MAP_MIN_SLOTS;
    while (cap / 2 < n) cap *= 2;
    return cap;
}

static void *map_alloc(sw_map *m, size_t bytes)
{
    if (m->arena) return sw_arena_alloc(m->arena, bytes);
    return sw_mem_alloc(m->alloc, bytes);
}

static void map_release(sw_map *m, void *p)
{
    if (!m->arena) sw_mem_free(m->alloc, p);
}

static int has_room(const sw_map *m) { return m->slots != (const unsigned char *)empty_slot; }

static void init_empty(sw_map *m, sw_map_kind kind, size_t val_size)
{
    m->slots = (unsigned char *)empty_slot;
    m->mask = 0;
    m->len = 0;
    m->kind = (uint8_t)kind;
    m->has_zero = 0;
    m->val_size = (uint32_t)val_size;
    if (kind == SW_MAP_BYTES && val_size <= sizeof(uint32_t)) {
        m->val_off = (uint32_t)offsetof(bytes_key, small);
        m->slot_size = (uint32_t)sizeof(bytes_key);
    } else {
        m->val_off = (uint32_t)key_part(kind);
        m->slot_size = (uint32_t)((m->val_off + val_size + 7) & ~(size_t)7);
    }
    m->pool = NULL;
    m->pool_len = m->pool_cap = 0;
}

/* ---- growing -------------------------------------------------------------------------------- */

/* The home slot of the key in slot s (of this map's kind). */
static size_t home_of(const sw_map *m, const unsigned char *s)
{
    uint64_t k = sw_map__key(s);
    return (m->kind == SW_MAP_NUM ? sw_hash_u64(k) : k) & m->mask;
}

/* Moves the keys into a table of cap slots. 0 when out of memory (the map is unchanged). */
static int rehash(sw_map *m, size_t cap)
{
    if (cap > SIZE_MAX / 2 / m->slot_size) return 0;
    unsigned char *slots = map_alloc(m, table_bytes(m, cap));
    if (!slots) return 0;
    memset(slots, 0, table_bytes(m, cap));
    unsigned char *old = m->slots;
    size_t old_cap = has_room(m) ? m->mask + 1 : 0;
    m->slots = slots;
    m->mask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        const unsigned char *s = old + i * m->slot_size;
        if (!sw_map__key(s)) continue;
        size_t j = home_of(m, s);
        while (sw_map__key(sw_map__slot(m, j))) j = (j + 1) & m->mask;
        memcpy(sw_map__slot(m, j), s, m->slot_size);
    }
    if (m->kind == SW_MAP_NUM && old_cap)
        memcpy(sw_map__slot(m, cap), old + old_cap * m->slot_size, m->slot_size); /* key 0's */
    if (old_cap) map_release(m, old);
    return 1;
}

/* Room in the pool for `bytes` more bytes of keys. 0 when out of memory. */
static int pool_reserve(sw_map *m, size_t bytes)
{
    if (m->pool_len + bytes <= m->pool_cap) return 1;
    if (bytes > SIZE_MAX / 4 - m->pool_len) return 0;
    size_t cap = m->pool_cap ? m->pool_cap : 256;
    while (cap < m->pool_len + bytes) cap *= 2;
    char *p;
    if (m->arena) {
        p = sw_arena_alloc(m->arena, cap);
        if (p && m->pool_len) memcpy(p, m->pool, m->pool_len);
    } else {
        p = sw_mem_realloc(m->alloc, m->pool, cap);
    }
    if (!p) return 0;
    m->pool = p;
    m->pool_cap = cap;
    return 1;
}

int sw_map_reserve(sw_map *m, size_t extra, size_t key_bytes)
{
    if (m->kind == SW_MAP_BYTES && key_bytes && !pool_reserve(m, key_bytes)) return 0;
    if (extra > SIZE_MAX / 4 - m->len) return 0;
    size_t need = m->len + extra;
    if (has_room(m) && need * 2 <= m->mask + 1) return 1;
    size_t cap = cap_for(need);
    if (has_room(m) && cap < m->mask + 1) cap = m->mask + 1;
    return rehash(m, cap);
}

/* ---- making and freeing ----------------------------------------------------------------------- */

int sw_map_init(sw_map *m, const sw_allocator *alloc, sw_map_kind kind, size_t val_size, size_t want)
{
    init_empty(m, kind, val_size);
    m->arena = NULL;
    m->alloc = alloc ? alloc : &sw_default_allocator;
    return want ? sw_map_reserve(m, want, 0) : 1;
}

int sw_map_init_arena(sw_map *m, sw_arena *arena, sw_map_kind kind, size_t val_size, size_t want)
{
    init_empty(m, kind, val_size);
    m->arena = arena;
    m->alloc = arena->alloc;
    return want ? sw_map_reserve(m, want, 0) : 1;
}

void sw_map_free(sw_map *m)
{
    if (has_room(m)) map_release(m, m->slots);
    map_release(m, m->pool);
    init_empty(m, (sw_map_kind)m->kind, m->val_size);
}

void sw_map_clear(sw_map *m)
{
    if (has_room(m)) memset(m->slots, 0, table_bytes(m, m->mask + 1));
    m->len = 0;
    m->has_zero = 0;
    m->pool_len = 0;
}

/* ---- number keys ---------------------------------------------------------------------------- */

void *sw_map__put_slow(sw_map *m, uint64_t key, int *added)
{
    if (!key) {
        if (!m->has_zero && !sw_map_reserve(m, 1, 0)) return NULL;
        if (added) *added = !m->has_zero;
        if (!m->has_zero) m->len++;
        m->has_zero = 1;
        return sw_map__slot(m, m->mask + 1) + m->val_off;
    }
    if (!sw_map_get(m, key) && !sw_map_reserve(m, 1, 0)) return NULL;
    /* now either the key is there or there is room for it: the inline path does the rest */
    unsigned char *s = sw_map__find(m, key);
    int is_new = !sw_map__key(s);
    if (is_new) {
        memcpy(s, &key, 8);
        m->len++;
    }
    if (added) *added = is_new;
    return s + m->val_off;
}

/* Empties slot i by moving back the keys after it that probed past it (backward-shift deletion:
 * no tombstones, so a probe still stops at the first free slot). */
static void remove_slot(sw_map *m, size_t i)
{
    for (size_t j = (i + 1) & m->mask;; j = (j + 1) & m->mask) {
        unsigned char *s = sw_map__slot(m, j);
        if (!sw_map__key(s)) break;
        size_t h = home_of(m, s);
        /* the key at j may fill the hole at i when its home is not in (i, j] (cyclically) */
        int stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
        if (stays) continue;
        memcpy(sw_map__slot(m, i), s, m->slot_size);
        i = j;
    }
    memset(sw_map__slot(m, i), 0, m->slot_size);
    m->len--;
}

int sw_map_del(sw_map *m, uint64_t key)
{
    if (!key) {
        if (!m->has_zero) return 0;
        memset(sw_map__slot(m, m->mask + 1), 0, m->slot_size);
        m->has_zero = 0;
        m->len--;
        return 1;
    }
    unsigned char *s = sw_map__find(m, key);
    if (!sw_map__key(s)) return 0;
    remove_slot(m, (size_t)(s - m->slots) / m->slot_size);
    return 1;
}

void *sw_map_next(const sw_map *m, size_t *it, uint64_t *key)
{
    if (!has_room(m)) return NULL;
    size_t cap = m->mask + 1;
    for (; *it < cap; (*it)++) {
        unsigned char *s = sw_map__slot(m, *it);
        uint64_t k = sw_map__key(s);
        if (!k) continue;
        (*it)++;
        if (key) *key = k;
        return s + m->val_off;
    }
    if (*it == cap && m->has_zero) {
        (*it)++;
        if (key) *key = 0;
        return sw_map__slot(m, cap) + m->val_off;
    }
    return NULL;
}

/* ---- byte-string keys ------------------------------------------------------------------------- */

/* A key of at most 16 bytes as its slot holds it, zero-padded, as two little-endian numbers: read
 * with loads that touch only the key's bytes (no copy into a buffer, no call to memcpy). */
static inline void inline_words(const void *key, size_t len, uint64_t w[2])
{
    const unsigned char *p = (const unsigned char *)key;
    if (len >= 8) {
        w[0] = sw_load64(p);
        w[1] = len == BYTES_INLINE ? sw_load64(p + 8) : sw_load_tail(p + 8, len - 8);
    } else {
        w[0] = sw_load_tail(p, len);
        w[1] = 0;
    }
}

/* Whether the slot s (whose tag is the key's) holds the len bytes at key. */
static inline int same_key(const sw_map *m, const unsigned char *s, const void *key, size_t len)
{
    bytes_key bk;
    memcpy(&bk, s, sizeof bk);
    if (bk.len != len) return 0;
    if (len > BYTES_INLINE) return memcmp(m->pool + bk.k.off, key, len) == 0;
    uint64_t w[2];
    inline_words(key, len, w);
    return sw_load64(bk.k.inl) == w[0] && sw_load64(bk.k.inl + 8) == w[1];
}

/* The slot of the key (its hash tagged), or the free slot where it would go. A probe reads the
 * slot's tag; the key's bytes are read only when the tags are equal (nearly always the key). */
static inline unsigned char *find_bytes(const sw_map *m, const void *key, size_t len, uint64_t tag)
{
    for (size_t i = tag & m->mask;; i = (i + 1) & m->mask) {
        unsigned char *s = sw_map__slot(m, i);
        uint64_t t = sw_map__key(s);
        if (!t || (t == tag && same_key(m, s, key, len))) return s;
    }
}

void *sw_map_get_bytes_h(const sw_map *m, const void *key, size_t len, uint64_t hash)
{
    unsigned char *s = find_bytes(m, key, len, hash | BYTES_USED);
    return sw_map__key(s) ? s + m->val_off : NULL;
}

void *sw_map_get_bytes(const sw_map *m, const void *key, size_t len)
{
    return sw_map_get_bytes_h(m, key, len, sw_hash_bytes64(key, len));
}

void *sw_map_put_bytes_h(sw_map *m, const void *key, size_t len, uint64_t hash, int *added)
{
    if (len > UINT32_MAX) return NULL;
    uint64_t tag = hash | BYTES_USED;
    unsigned char *s = find_bytes(m, key, len, tag);
    if (sw_map__key(s)) {
        if (added) *added = 0;
        return s + m->val_off;
    }
    size_t extra = len > BYTES_INLINE ? len : 0;
    if ((m->len + 1) * 2 > m->mask + 1 || m->pool_len + extra > m->pool_cap) {
        const unsigned char *before = m->slots;
        if (!sw_map_reserve(m, 1, extra)) return NULL;
        if (m->slots != before) s = find_bytes(m, key, len, tag); /* the table grew: probe again */
    }
    bytes_key bk; /* the new slot's key part; its value stays zero (a free slot is all zeros) */
    memset(&bk, 0, sizeof bk);
    bk.tag = tag;
    bk.len = (uint32_t)len;
    if (extra) {
        bk.k.off = m->pool_len;
        memcpy(m->pool + m->pool_len, key, len);
        m->pool_len += len;
    } else {
        uint64_t w[2];
        inline_words(key, len, w);
        sw_store64(bk.k.inl, w[0]);
        sw_store64(bk.k.inl + 8, w[1]);
    }
    memcpy(s, &bk, sizeof bk);
    m->len++;
    if (added) *added = 1;
    return s + m->val_off;
}

void *sw_map_put_bytes(sw_map *m, const void *key, size_t len, int *added)
{
    return sw_map_put_bytes_h(m, key, len, sw_hash_bytes64(key, len), added);
}

void *sw_map_next_bytes(const sw_map *m, size_t *it, const char **key, size_t *len)
{
    if (!has_room(m)) return NULL;
    for (; *it <= m->mask; (*it)++) {
        unsigned char *s = sw_map__slot(m, *it);
        if (!sw_map__key(s)) continue;
        (*it)++;
        const bytes_key *bk = (const bytes_key *)(const void *)s;
        if (key) *key = bk->len > BYTES_INLINE ? m->pool + bk->k.off : (const char *)bk->k.inl;
        if (len) *len = bk->len;
        return s + m->val_off;
    }
    return NULL;
}
