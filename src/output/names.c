/*
 * names.c -- the names of the public enums as the JSON output writes them ("direct", "body",
 * "pronoun", "organization"...), so that every writer (the JSON and table writers, the store's
 * commands, a server) spells them the same way.
 */
#include "saywho.h"

const char *sw_quote_kind_name(sw_quote_kind k)
{
    switch (k) {
    case SW_KIND_DIRECT: return "direct";
    case SW_KIND_PARTIAL: return "partial";
    case SW_KIND_REPORTED: return "reported";
    case SW_KIND_MIXED: return "mixed";
    }
    return "direct";
}

const char *sw_section_name(sw_section s)
{
    switch (s) {
    case SW_SECTION_BODY: return "body";
    case SW_SECTION_TITLE: return "title";
    case SW_SECTION_HEADING: return "heading";
    case SW_SECTION_BOILERPLATE: return "boilerplate";
    }
    return "body";
}

const char *sw_resolution_name(sw_resolution r)
{
    switch (r) {
    case SW_RES_NONE: return "none";
    case SW_RES_EXPLICIT: return "explicit";
    case SW_RES_PRONOUN: return "pronoun";
    case SW_RES_DESCRIPTION: return "description";
    case SW_RES_CONTEXT: return "context";
    }
    return "none";
}

const char *sw_entity_type_name(sw_entity_type t)
{
    switch (t) {
    case SW_ENT_PERSON: return "person";
    case SW_ENT_ORGANIZATION: return "organization";
    case SW_ENT_PLACE: return "place";
    }
    return "person";
}

const char *sw_gender_name(sw_gender g)
{
    switch (g) {
    case SW_GENDER_MALE: return "male";
    case SW_GENDER_FEMALE: return "female";
    case SW_GENDER_UNKNOWN: return "";
    }
    return "";
}

const char *sw_block_kind_name(sw_block_kind k)
{
    switch (k) {
    case SW_BLOCK_PARAGRAPH: return "paragraph";
    case SW_BLOCK_TITLE: return "title";
    case SW_BLOCK_SLUG: return "slug";
    case SW_BLOCK_HEADING: return "heading";
    case SW_BLOCK_BOILERPLATE: return "boilerplate";
    case SW_BLOCK_TEASER: return "teaser";
    case SW_BLOCK_DATELINE: return "dateline";
    }
    return "paragraph";
}
