/*
 * hash.h -- the library's one hash function, and the loads (and the matching store) it is built on.
 *
 * A key is read eight bytes at a time as little-endian numbers, each mixed into the state with a
 * multiply and a shift, then finished with one more multiply: a word costs one or two steps rather
 * than one per byte. tools/gen_pack.py (hash_bytes()) computes the same function to place the keys
 * of the language packs' tables, so it must not change without regenerating them.
 *
 * Speed tricks live here, behind these few names: the 8-byte loads that read past a short key's
 * end are only used where the caller guarantees readable bytes (the padded text of a document,
 * doc.h's SW_TEXT_PAD, or a buffer of SW_HASH_ROOM(len) bytes).
 */
#ifndef SW_HASH_H
#define SW_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SW_HASH_SEED 0x9E3779B97F4A7C15ull

/* The room a buffer must give a key of len bytes for sw_hash_padded(): len rounded up to 8. */
#define SW_HASH_ROOM(len) (((len) + 7) & ~(size_t)7)

/* Eight bytes as a little-endian number, on any machine (one load where the machine is
 * little-endian, written so that the compiler sees how small it is and inlines it). */
static inline uint64_t sw_load64(const void *src)
{
    const unsigned char *p = (const unsigned char *)src;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#else
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
#endif
}

/* Stores v at dst as eight little-endian bytes, what sw_load64() reads back, on any machine (one
 * store where the machine is little-endian). */
static inline void sw_store64(void *dst, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(dst, &v, 8);
#else
    unsigned char *p = (unsigned char *)dst;
    for (int b = 0; b < 8; b++) p[b] = (unsigned char)(v >> (8 * b));
#endif
}

/* Four bytes as a little-endian number. */
static inline uint32_t sw_load32(const void *src)
{
    const unsigned char *p = (const unsigned char *)src;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
#else
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
#endif
}

/* The n < 8 first bytes at p as a little-endian number (the rest zero), reading only those:
 * without a loop, as two loads that overlap (4 to 7 bytes: the first four and the last four) or
 * three bytes that may be the same one (1 to 3: the first, the middle and the last). */
static inline uint64_t sw_load_tail(const void *src, size_t n)
{
    const unsigned char *p = (const unsigned char *)src;
    if (n >= 4) return (uint64_t)sw_load32(p) | (uint64_t)sw_load32(p + n - 4) << (8 * (n - 4));
    if (!n) return 0;
    return (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
}

/* The mask of the n <= 8 low bytes of a number. */
static inline uint64_t sw_low_bytes(size_t n) { return n >= 8 ? ~0ull : ~0ull >> (64 - 8 * n); }

/* One step of the hash: eight more bytes w mixed into the state h. */
static inline uint64_t sw_hash_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
}

/* The state finished into 64 well-mixed bits (the low 32 are the table hash of a key). */
static inline uint64_t sw_hash_final(uint64_t h)
{
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 32);
}

/* The start state of a key of len bytes. */
static inline uint64_t sw_hash_start(size_t len) { return SW_HASH_SEED ^ len; }

/* The state h with len bytes at key mixed in, reading only those bytes. */
static inline uint64_t sw_hash_more(uint64_t h, const void *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) h = sw_hash_mix(h, sw_load64(p + i));
    if (i < len) h = sw_hash_mix(h, sw_load_tail(p + i, len - i));
    return h;
}

/* The hash of len bytes at key, reading only those bytes. */
static inline uint64_t sw_hash_bytes64(const void *key, size_t len)
{
    return sw_hash_final(sw_hash_more(sw_hash_start(len), key, len));
}

/* The hash of a key made of a number and len bytes (an entity id and a name, say): the number is
 * mixed in as the key's first eight bytes would be. Keys of the in-memory tables only: two
 * different keys of a table of n share a hash with a probability of about n^2 / 2^65. */
static inline uint64_t sw_hash_num_bytes64(uint64_t num, const void *key, size_t len)
{
    return sw_hash_final(sw_hash_more(sw_hash_mix(sw_hash_start(len), num), key, len));
}

/* A 64-bit number (an id, or a hash) spread over all 64 bits: one multiply, and the high half
 * folded onto the low one, so that the low bits (a table's slot) depend on every bit of x. */
static inline uint64_t sw_hash_u64(uint64_t x)
{
    x *= SW_HASH_SEED;
    return x ^ (x >> 32);
}

/* The same for a key followed by readable bytes up to SW_HASH_ROOM(len): the last step is one
 * masked load. */
static inline uint64_t sw_hash_padded64(const void *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t h = sw_hash_start(len);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) h = sw_hash_mix(h, sw_load64(p + i));
    if (i < len) h = sw_hash_mix(h, sw_load64(p + i) & sw_low_bytes(len - i));
    return sw_hash_final(h);
}

/* The 32-bit table hash of a key (what the generated tables are placed by). */
static inline uint32_t sw_hash_bytes(const void *key, size_t len) { return (uint32_t)sw_hash_bytes64(key, len); }

#endif
