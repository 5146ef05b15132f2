/*
 * abbrev.c -- the closed word lists of the segmenter: abbreviations (the same list as
 * data/abbreviations.txt, checked by tests/test_segment.c), common sentence openers and the
 * commonest speech verbs. All written for the project; looked up by binary search on the
 * ASCII-lower-cased word.
 */
#include <string.h>
#include "segment.h"

/* Sorted by the lower-cased word (tests/test_segment.c checks order and agreement with the data
 * file). */
const sw_abbrev_entry sw_abbrev_table[] = {
    {"a.m", SW_AB_GENERAL},
    {"Adm", SW_AB_TITLE},
    {"al", SW_AB_GENERAL},
    {"Amb", SW_AB_TITLE},
    {"approx", SW_AB_ALWAYS},
    {"Apr", SW_AB_MONTH},
    {"Art", SW_AB_NUMBER},
    {"Assn", SW_AB_GENERAL},
    {"Atty", SW_AB_TITLE},
    {"Aug", SW_AB_MONTH},
    {"Ave", SW_AB_GENERAL},
    {"Blvd", SW_AB_GENERAL},
    {"Brig", SW_AB_TITLE},
    {"Bros", SW_AB_GENERAL},
    {"ca", SW_AB_ALWAYS},
    {"Capt", SW_AB_TITLE},
    {"Cdr", SW_AB_TITLE},
    {"cf", SW_AB_ALWAYS},
    {"Ch", SW_AB_NUMBER},
    {"Cmdr", SW_AB_TITLE},
    {"Co", SW_AB_GENERAL},
    {"Col", SW_AB_TITLE},
    {"Corp", SW_AB_GENERAL},
    {"Cpl", SW_AB_TITLE},
    {"Dec", SW_AB_MONTH},
    {"Dept", SW_AB_GENERAL},
    {"Det", SW_AB_TITLE},
    {"Dr", SW_AB_TITLE},
    {"e.g", SW_AB_ALWAYS},
    {"Esq", SW_AB_GENERAL},
    {"est", SW_AB_GENERAL},
    {"etc", SW_AB_GENERAL},
    {"Feb", SW_AB_MONTH},
    {"Fig", SW_AB_NUMBER},
    {"Figs", SW_AB_NUMBER},
    {"Fr", SW_AB_TITLE},
    {"Ft", SW_AB_TITLE},
    {"Gen", SW_AB_TITLE},
    {"Gov", SW_AB_TITLE},
    {"Hon", SW_AB_TITLE},
    {"i.e", SW_AB_ALWAYS},
    {"Inc", SW_AB_GENERAL},
    {"Insp", SW_AB_TITLE},
    {"Jan", SW_AB_MONTH},
    {"Jr", SW_AB_GENERAL},
    {"Jul", SW_AB_MONTH},
    {"Jun", SW_AB_MONTH},
    {"Lt", SW_AB_TITLE},
    {"Ltd", SW_AB_GENERAL},
    {"Maj", SW_AB_TITLE},
    {"Mar", SW_AB_MONTH},
    {"Messrs", SW_AB_TITLE},
    {"Mlle", SW_AB_TITLE},
    {"Mme", SW_AB_TITLE},
    {"Mr", SW_AB_TITLE},
    {"Mrs", SW_AB_TITLE},
    {"Ms", SW_AB_TITLE},
    {"Msgr", SW_AB_TITLE},
    {"Mt", SW_AB_TITLE},
    {"No", SW_AB_NUMBER},
    {"Nos", SW_AB_NUMBER},
    {"Nov", SW_AB_MONTH},
    {"Nr", SW_AB_NUMBER},
    {"Oct", SW_AB_MONTH},
    {"p.m", SW_AB_GENERAL},
    {"Para", SW_AB_NUMBER},
    {"Ph.D", SW_AB_GENERAL},
    {"Pp", SW_AB_NUMBER},
    {"Pres", SW_AB_TITLE},
    {"Prof", SW_AB_TITLE},
    {"Pvt", SW_AB_TITLE},
    {"Rd", SW_AB_GENERAL},
    {"Rep", SW_AB_TITLE},
    {"Rev", SW_AB_TITLE},
    {"Rt", SW_AB_TITLE},
    {"Sec", SW_AB_TITLE},
    {"Sen", SW_AB_TITLE},
    {"Sep", SW_AB_MONTH},
    {"Sept", SW_AB_MONTH},
    {"Sgt", SW_AB_TITLE},
    {"Sr", SW_AB_GENERAL},
    {"St", SW_AB_TITLE},
    {"Supt", SW_AB_TITLE},
    {"Tel", SW_AB_NUMBER},
    {"Univ", SW_AB_GENERAL},
    {"viz", SW_AB_ALWAYS},
    {"Vol", SW_AB_NUMBER},
    {"Vols", SW_AB_NUMBER},
    {"vs", SW_AB_ALWAYS},
};
const size_t sw_abbrev_count = sizeof sw_abbrev_table / sizeof sw_abbrev_table[0];

/* Words that often begin a sentence; sorted. */
static const char *const sentence_openers[] = {
    "a", "about", "after", "again", "all", "also", "although", "among", "an", "and", "another",
    "any", "as", "at", "because", "before", "both", "but", "by", "despite", "during", "each",
    "either", "even", "every", "few", "following", "for", "from", "given", "he", "her", "here",
    "his", "how", "however", "i", "if", "in", "instead", "it", "its", "last", "later", "many",
    "meanwhile", "more", "most", "my", "neither", "never", "next", "no", "none", "nor", "not",
    "now", "of", "on", "once", "one", "only", "or", "other", "our", "over", "she", "since", "so",
    "some", "still", "such", "than", "that", "the", "their", "then", "there", "these", "they",
    "this", "those", "though", "thus", "to", "today", "under", "unlike", "until", "we", "what",
    "when", "where", "whether", "which", "while", "who", "why", "with", "within", "without",
    "yesterday", "yet", "you", "your",
};

/* Common verbs of speech in the forms that follow a quotation; sorted. */
static const char *const speech_verbs[] = {
    "added", "adds", "admits", "admitted", "agreed", "agrees", "answered", "answers", "argued",
    "argues", "asked", "asks", "continued", "continues", "cried", "cries", "declared", "declares",
    "demanded", "demands", "exclaimed", "exclaims", "explained", "explains", "insisted",
    "insists", "joked", "jokes", "laughed", "laughs", "noted", "notes", "recalled", "recalls",
    "remarked", "remarks", "replied", "replies", "responded", "responds", "said", "say", "says",
    "shouted", "shouts", "stated", "states", "tells", "told", "warned", "warns", "whispered",
    "whispers", "wondered", "wonders", "writes", "wrote", "yelled", "yells",
};

/* Lower-cases an ASCII word into buf (at most cap-1 bytes); returns 0 when it does not fit or has
 * a non-ASCII byte (none of the lists holds one). */
static int fold(const char *word, size_t len, char *buf, size_t cap)
{
    if (len == 0 || len >= cap) return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 0x80) return 0;
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[len] = 0;
    return 1;
}

/* Compares a folded key with a list word, case-insensitively on the list side. */
static int cmp_folded(const char *key, const char *word)
{
    for (;; key++, word++) {
        unsigned char a = (unsigned char)*key, b = (unsigned char)*word;
        if (b >= 'A' && b <= 'Z') b += 32;
        if (a != b || !a) return (int)a - (int)b;
    }
}

static int find_in(const char *const *list, size_t n, const char *word, size_t len)
{
    char key[32];
    if (!fold(word, len, key, sizeof key)) return 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_folded(key, list[mid]);
        if (c == 0) return 1;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return 0;
}

int sw_abbrev_class(const char *word, size_t len)
{
    char key[8];
    if (len < 2 || !fold(word, len, key, sizeof key)) return SW_AB_NONE; /* none is longer */
    size_t lo = 0, hi = sw_abbrev_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_folded(key, sw_abbrev_table[mid].word);
        if (c == 0) return sw_abbrev_table[mid].cls;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return SW_AB_NONE;
}

int sw_is_sentence_opener(const char *word, size_t len)
{
    return find_in(sentence_openers, sizeof sentence_openers / sizeof *sentence_openers, word, len);
}

int sw_is_speech_verb(const char *word, size_t len)
{
    return find_in(speech_verbs, sizeof speech_verbs / sizeof *speech_verbs, word, len);
}
