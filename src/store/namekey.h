/*
 * namekey.h -- canonical keys for names and quotation texts (internal to the store).
 *
 * The store merges entities across articles by key, so the key must be equal for the spellings of
 * one name that transliteration produces (Zelensky / Zelenskyy / Selenskyj, Prigozhin / Prigojine /
 * Prigoschin, Lukashenko / Loukachenko, Kyiv / Kiev) and different for different names. A person's
 * name is split into surname (with its particles: "von der Leyen") and first given name; both get a
 * phonetic key (sw_nk_word) and the given name is further reduced to its consonant skeleton
 * (sw_nk_skeleton: Alexander = Aleksandr, Vladimir = Volodymyr, but Maria != Mario), so that the
 * store can decide compatibility (same surname key, compatible given names) itself.
 * No allocation: every function writes into caller buffers of fixed size.
 *
 * Persisted formats. What these functions return is written into databases (entities.key and
 * skey, aliases.folded, qgroups.speaker_key, text_hash and id, articles.content_hash) and found
 * again by later versions, so for the same input they must always give the same output;
 * tests/test_store_formats.c pins them on fixed inputs. That is why the store keeps its own
 * folding (sw_nk_fold: full Unicode case folding with the marks stripped, where src/core/fold.h only
 * makes Latin capitals small and keeps the marks) and its own hashes (the two-lane hash behind
 * sw_nk_text_hash and sw_nk_content_hash, where src/core/hash.h is the in-memory hash, free to change):
 * they are formats, not containers.
 */
#ifndef SW_STORE_NAMEKEY_H
#define SW_STORE_NAMEKEY_H

#include <stddef.h>
#include <stdint.h>
#include "saywho.h"

#define NK_MAX 128

/* (Persisted.) Case-folds and strips diacritics (utf8proc: CASEFOLD | DECOMPOSE | STRIPMARK | COMPAT, plus the
 * Latin letters that do not decompose: ø ł đ æ œ ß ı þ ð); writes at most cap-1 bytes and a NUL;
 * returns the length written. Invalid UTF-8 bytes are dropped. */
size_t sw_nk_fold(const char *s, size_t len, char *out, size_t cap);

/* Phonetic key of one folded word (letters only are used): letter groups that transliterations
 * vary on are folded (zh/j/sh/sch/ch/sz/cz -> one sibilant, kh -> h, ph -> f, w -> v, z -> s, c/q/ck
 * -> k, x -> ks, ou -> u, y/j -> i or a consonant by position, initial ye/je -> e), doubled
 * letters and vowel runs collapse, a final mute e after a consonant is dropped. NUL-terminated;
 * returns the length. */
size_t sw_nk_word(const char *w, size_t len, char *out, size_t cap);

/* The consonant skeleton of a word key: its first letter, the consonants after it and the final
 * vowel if it ends in one ("vladimir" -> "vldmr", "mariu" -> "mru"). */
size_t sw_nk_skeleton(const char *key, size_t len, char *out, size_t cap);

/* A person's name taken apart. */
typedef struct sw_nk_person {
    char skey[NK_MAX];   /* phonetic key of the surname (particles included), "" if no name */
    char given[NK_MAX];  /* skeleton of the first given name; "x." for an initial; "" if none */
    char initial;        /* first folded letter of the first given name, 0 if none */
    int n_words;         /* words in the name without titles and suffixes */
} sw_nk_person;

/* Parses a person's name ("President Vladimir V. Putin Jr.") into *out; returns 0 when no name
 * word is left (then out->skey is ""). */
int sw_nk_parse_person(const char *name, size_t len, sw_nk_person *out);

/* Key of an organisation or place: the word keys of every word but a leading "the", joined by
 * spaces. */
size_t sw_nk_phrase_key(const char *name, size_t len, char *out, size_t cap);

/* 1 when a mention's text looks like a name (every word capitalised apart from particles, and not
 * a pronoun), i.e. worth keeping as an alias. */
int sw_nk_is_name_like(const char *s, size_t len);

/* (Persisted.) Hash of a quotation's normalised text (folded, letters and digits only, single spaces); *norm_len
 * receives the normalised length so short texts can be left out of grouping. */
uint64_t sw_nk_text_hash(const char *s, size_t len, size_t *norm_len);

/* (Persisted.) A 128-bit content hash of a sequence of byte strings, as 32 hex digits and a NUL in out[33]. */
void sw_nk_content_hash(const sw_str *parts, size_t n, char out[33]);

/* (Persisted.) The first 64 bits of that hash (its first 16 hex digits) as a number: the
 * quotation groups' row ids. */
uint64_t sw_nk_content_hash64(const sw_str *parts, size_t n);

#endif
