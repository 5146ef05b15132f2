/*
 * map.h -- the library's one hash table.
 *
 * An sw_map maps keys to values of a fixed size, chosen when it is made. Its keys are of one of
 * two kinds, also chosen then:
 *  - numbers (SW_MAP_NUM): 64-bit integers, such as row ids, or hashes that the caller takes as
 *    the identity of what they stand for (any value, 0 included);
 *  - byte strings (SW_MAP_BYTES): any bytes, copied into the map, hashed with sw_hash_bytes64()
 *    (hash.h) or with a hash the caller gives (the _h functions; give the same hash for the same
 *    bytes every time).
 * A value is zeroed when its key is added; the map hands out pointers to values, which stay valid
 * until the map next grows, is emptied, loses a key (sw_map_del) or is freed.
 *
 * Memory comes from an sw_allocator (sw_map_init: free with sw_map_free) or from an arena
 * (sw_map_init_arena: for a document's tables; nothing to free, the slots a table outgrew stay in
 * the arena until it is freed). The map is never more than half full: it doubles before an
 * addition would pass that. When memory runs out, the call that needed it returns NULL (or 0)
 * and the map is as it was; an addition that needs no more room (sw_map_reserve() made it) never
 * fails. A map made with no room takes no memory until its first addition.
 *
 * Iteration visits the keys in slot order, which depends on the hashes and the order of
 * additions (sort what must come out in a fixed order):
 *     size_t it = 0; uint64_t key; int32_t *v;
 *     while ((v = sw_map_next(m, &it, &key))) ...
 *
 * The speed tricks live in here, behind these names (callers never see a slot):
 *  - open addressing with linear probing in a power-of-two table: a miss usually costs one cache
 *    line, and the probe loop of a number key is inline (sw_map_get);
 *  - a number key is kept in its slot next to its value; key 0 lives in a spare slot past the end,
 *    so that 0 can mark the free slots without taking a key away from the caller;
 *  - a byte-string slot keeps the key's 64-bit hash (so the table grows without rehashing and a
 *    probe compares bytes only when the hashes are equal) and, for keys of at most 16 bytes, the
 *    key itself, compared as two 8-byte numbers read straight from the caller's key (longer keys
 *    go to a pool, compared with memcmp); a value of at most 4 bytes fits in the slot's key part
 *    (32 bytes a slot rather than 40), and a new key is probed for once unless the table grows;
 *  - sw_map_prefetch() / sw_map_prefetch_h() start loading a key's slot before it is needed, so
 *    that the probes of several keys wait for memory together.
 */
#ifndef SW_MAP_H
#define SW_MAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "arena.h"
#include "hash.h"

/* The kinds of keys. */
typedef enum sw_map_kind { SW_MAP_NUM, SW_MAP_BYTES } sw_map_kind;

/* The map; its fields are the implementation's (use the functions). */
typedef struct sw_map {
    unsigned char *slots;      /* mask + 1 slots of slot_size bytes, and the spare slot of key 0 */
    size_t mask;               /* slots - 1 (0 with no room: slots is then a shared empty slot) */
    size_t len;                /* keys held */
    uint32_t slot_size, val_off, val_size;
    uint8_t kind;              /* sw_map_kind */
    uint8_t has_zero;          /* SW_MAP_NUM: key 0 is held, in the spare slot */
    sw_arena *arena;           /* where the memory comes from: the arena, or else alloc */
    const sw_allocator *alloc;
    char *pool;                /* SW_MAP_BYTES: the keys longer than 16 bytes, end to end */
    size_t pool_len, pool_cap;
} sw_map;

/* Makes an empty map of `kind` keys and values of val_size bytes (0 makes a set) with room for
 * `want` keys, its memory from alloc (NULL: malloc). 0 when out of memory (then the map is empty
 * with no room, and can still be used or freed). */
int sw_map_init(sw_map *m, const sw_allocator *alloc, sw_map_kind kind, size_t val_size, size_t want);

/* The same, with its memory from the arena (valid until the arena is freed). */
int sw_map_init_arena(sw_map *m, sw_arena *arena, sw_map_kind kind, size_t val_size, size_t want);

/* Frees the map's memory (an arena map's stays in the arena); the map is then empty with no room
 * and may be used again. */
void sw_map_free(sw_map *m);

/* Forgets every key and keeps the room. */
void sw_map_clear(sw_map *m);

/* Makes room for `extra` more keys (and, for byte-string keys, `key_bytes` more bytes of keys
 * longer than 16 bytes), so that adding them cannot fail. 0 when out of memory. */
int sw_map_reserve(sw_map *m, size_t extra, size_t key_bytes);

/* The number of keys. */
static inline size_t sw_map_len(const sw_map *m) { return m->len; }

/* ---- number keys (SW_MAP_NUM) --------------------------------------------------------------- */

/* The value of key, or NULL when the key is not there. */
static inline void *sw_map_get(const sw_map *m, uint64_t key);

/* The value of key, added (zeroed, *added set to 1) when the key was not there (*added 0); NULL
 * when out of memory. added may be NULL. */
static inline void *sw_map_put(sw_map *m, uint64_t key, int *added);

/* Removes key; 1 when it was there. Other values may move (pointers to them are stale). */
int sw_map_del(sw_map *m, uint64_t key);

/* The next key after position *it (start at 0): its value, its key in *key (NULL: not wanted);
 * NULL when there are no more. */
void *sw_map_next(const sw_map *m, size_t *it, uint64_t *key);

/* Starts loading the slot where key would be. */
static inline void sw_map_prefetch(const sw_map *m, uint64_t key);

/* ---- byte-string keys (SW_MAP_BYTES) -------------------------------------------------------- */

/* The value of the len bytes at key, or NULL when the key is not there; _h: given its hash. */
void *sw_map_get_bytes(const sw_map *m, const void *key, size_t len);
void *sw_map_get_bytes_h(const sw_map *m, const void *key, size_t len, uint64_t hash);

/* The value of the len bytes at key (which the map copies when it adds them), as sw_map_put();
 * _h: given its hash. NULL when out of memory, or when len does not fit 32 bits. */
void *sw_map_put_bytes(sw_map *m, const void *key, size_t len, int *added);
void *sw_map_put_bytes_h(sw_map *m, const void *key, size_t len, uint64_t hash, int *added);

/* The next key after position *it (start at 0): its value, its bytes in *key and *len (valid
 * until the map changes; NULL: not wanted); NULL when there are no more. */
void *sw_map_next_bytes(const sw_map *m, size_t *it, const char **key, size_t *len);

/* Starts loading the slot where a key of this hash would be. */
static inline void sw_map_prefetch_h(const sw_map *m, uint64_t hash);

/* ---- inside: the inline paths of number keys --------------------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define SW_MAP_PREFETCH(p) __builtin_prefetch(p)
#else
#define SW_MAP_PREFETCH(p) ((void)(p))
#endif

/* Slot i of the map. */
static inline unsigned char *sw_map__slot(const sw_map *m, size_t i) { return m->slots + i * m->slot_size; }

/* The key of a number slot (0: free). */
static inline uint64_t sw_map__key(const unsigned char *slot)
{
    uint64_t k;
    memcpy(&k, slot, 8);
    return k;
}

/* The slot of key, or of the free slot where it would go (key != 0). */
static inline unsigned char *sw_map__find(const sw_map *m, uint64_t key)
{
    for (size_t i = sw_hash_u64(key) & m->mask;; i = (i + 1) & m->mask) {
        unsigned char *s = sw_map__slot(m, i);
        uint64_t k = sw_map__key(s);
        if (k == key || !k) return s;
    }
}

/* The slow paths of sw_map_put(): key 0, and growing. */
void *sw_map__put_slow(sw_map *m, uint64_t key, int *added);

static inline void *sw_map_get(const sw_map *m, uint64_t key)
{
    if (!key) return m->has_zero ? sw_map__slot(m, m->mask + 1) + m->val_off : NULL;
    unsigned char *s = sw_map__find(m, key);
    return sw_map__key(s) ? s + m->val_off : NULL;
}

static inline void *sw_map_put(sw_map *m, uint64_t key, int *added)
{
    if (!key || (m->len + 1) * 2 > m->mask + 1) return sw_map__put_slow(m, key, added);
    unsigned char *s = sw_map__find(m, key);
    int is_new = !sw_map__key(s);
    if (is_new) {
        memcpy(s, &key, 8);
        m->len++;
    }
    if (added) *added = is_new;
    return s + m->val_off;
}

static inline void sw_map_prefetch(const sw_map *m, uint64_t key)
{
    SW_MAP_PREFETCH(sw_map__slot(m, sw_hash_u64(key) & m->mask));
}

static inline void sw_map_prefetch_h(const sw_map *m, uint64_t hash)
{
    SW_MAP_PREFETCH(sw_map__slot(m, hash & m->mask));
}

#endif
