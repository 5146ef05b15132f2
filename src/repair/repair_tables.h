/*
 * repair_tables.h -- the generated tables of the repair stage (HTML entities, Windows-1252).
 *
 * html_entities_table.c is written by tools/gen_html_entities.py and committed (CI checks that it
 * regenerates identically). The boilerplate phrases of the block classifier are language: they come
 * from the language pack (src/lang/pack.h).
 */
#ifndef SW_REPAIR_TABLES_H
#define SW_REPAIR_TABLES_H

#include <stdint.h>

/* A named character reference: `name` without the '&' (with the ';' when the HTML5 list has it),
 * `value` its UTF-8 text (1..7 bytes). */
typedef struct sw_html_entity {
    const char *name;
    uint8_t name_len;
    const char *value;
    uint8_t value_len;
} sw_html_entity;

/* Sorted by name bytes (memcmp order, shorter first on a common prefix). */
extern const sw_html_entity sw_html_entities[];
extern const unsigned sw_html_entity_count;

/* Code points of the Windows-1252 bytes 0x80..0x9F (undefined ones map to themselves). */
extern const uint16_t sw_cp1252_high[32];

/* Code points above U+00FF that Windows-1252 has, with their byte; sorted by code point. */
typedef struct sw_cp1252_rev {
    uint16_t cp;
    uint8_t byte;
} sw_cp1252_rev;
extern const sw_cp1252_rev sw_cp1252_reverse[];
extern const unsigned sw_cp1252_reverse_count;

#endif
