/*
 * lexicon.h -- word lists compiled into the library (generated tables; see data/ and tools/).
 *
 * Every list lives as a data file under data/ with its source and licence; tools/gen_lexicons.py
 * turns them into src/lexicon/lexicon_tables.c, which is committed and checked by CI to regenerate
 * identically. This header is the contract the stages code against: entities, attribution.
 *
 * Lookups are case-insensitive (ASCII letters folded; other UTF-8 bytes compared as they are,
 * after folding the few Latin-1 capitals that names start with) and take (ptr, len).
 * The folding also covers the capitals of Latin Extended-A (Ł, Š, Č, Ž: Łukasz finds łukasz).
 * Words longer than 63 bytes are in no list. Sources and licences: data/lexicon/SOURCES.md.
 */
#ifndef SW_LEXICON_H
#define SW_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Classes of a word form (a bit set: a form may be in several lists). */
enum {
    SW_LX_SPEECH = 1u << 0,      /* a speech or writing act in any inflection: said, tells, claimed */
    SW_LX_SPEECH_POST = 1u << 1, /* a verb a (translated) article uses as a speech verb only right
                                    after a quotation: “...,” he pounded / smiled / joked */
    SW_LX_COGNITION = 1u << 2,   /* think, believe, hope, want, fear: not speech */
    SW_LX_TITLE = 1u << 3,       /* a title or role that can precede a name: president, minister */
    SW_LX_ROLE = 1u << 4,        /* a noun for a speaker who is not named: official, police,
                                    spokesperson, spokesman, lawyer, witness, researcher */
    SW_LX_DEMONYM = 1u << 5,     /* russian, belarusian, french */
    SW_LX_COUNTRY = 1u << 6,     /* a country or territory name: russia, belarus (one-word forms) */
    SW_LX_FIRST_MALE = 1u << 7,  /* a given name used mostly for men */
    SW_LX_FIRST_FEMALE = 1u << 8,/* a given name used mostly for women (both bits: ambiguous) */
    SW_LX_ORG_WORD = 1u << 9,    /* a word that makes a capitalised name an organisation: ministry,
                                    council, party, university, agency, inc, corp, court, police */
    SW_LX_MEDIA = 1u << 10,      /* a word for an outlet: newspaper, agency, broadcaster, outlet,
                                    television, radio, channel, website, news */
    SW_LX_FUNCTION = 1u << 11,   /* closed-class words: the, a, of, and, in, on, but, this, ... */
    SW_LX_PRONOUN = 1u << 12,    /* he, she, they, it, him, her, his, its, their, we, i ... */
    SW_LX_CALENDAR = 1u << 13,   /* monday..sunday, january..december */
    SW_LX_PLACE_WORD = 1u << 14, /* city, province, region, river, street, county ... */
    SW_LX_CITY = 1u << 15,       /* a well-known city or region name (one-word forms) */
    SW_LX_VERB_PAST = 1u << 16,  /* a past-tense form of a common English verb (any verb, not only
                                    speech): went, issued, grew, killed, sank, found, was, had; not
                                    forms more often an adjective or noun (interested, ground) */
    SW_LX_VERB_3SG = 1u << 17,    /* the -s form of a common verb: wants, says, is, has; not when
                                    the base is also a common noun (plans, uses, works, states,
                                    reports). With VERB_PAST: tells whether the words after a speech
                                    verb open a finite clause ("said the plant closed") */
    SW_LX_ADVERB = 1u << 18,     /* a one-word adverb in -ly (WordNet): publicly, reportedly */
    SW_LX_CUE_FIRST = 1u << 19,  /* the first word of a verb cue phrase (pointed out, went on to
                                    say, told reporters): ask sw_lex_cue_phrase() */
    SW_LX_FIRM = 1u << 20        /* a noun for a business: company, firm, carmaker, airline, bank */
};

/* Verb forms (for SW_LX_SPEECH and SW_LX_COGNITION words only: a word that is only
 * SW_LX_VERB_PAST / SW_LX_VERB_3SG has verb_form 0 and itself as lemma). */
enum {
    SW_VF_BASE = 1,   /* say */
    SW_VF_3SG,        /* says */
    SW_VF_PAST,       /* said (past tense; also the participle when they are the same) */
    SW_VF_PART,       /* spoken (past participle only) */
    SW_VF_ING         /* saying */
};

/* Complement frames of a speech verb (bit set), from WordNet's verb frames where they exist. */
enum {
    SW_VX_THAT = 1u << 0,    /* says that CLAUSE */
    SW_VX_QUOTE = 1u << 1,   /* introduces or follows direct speech: said, added, asked */
    SW_VX_TELL = 1u << 2,    /* the direct object is the HEARER: told X (that) ..., assured X
                                that ..., urged X to ...; not verbs whose object is what is
                                talked about or a third person (described X as, accused X of) */
    SW_VX_OF = 1u << 3,      /* accuses X of ..., warned X of ... */
    SW_VX_AS = 1u << 4,      /* described X as ..., called X ... */
    SW_VX_FOR = 1u << 5,     /* called for ..., appealed for ... */
    SW_VX_TO = 1u << 6       /* urged X to ..., asked X to ... (an infinitive report) */
};

/* Grammar roles the attribution stage reasons about (data/lexicon/attribution_words.tsv). */
enum {
    SW_W_ADVERB = 1u << 0,     /* an adverb or auxiliary that may sit between subject and verb */
    SW_W_DET = 1u << 1,        /* the, a, an, his, her, their, its, this, that (as determiners) */
    SW_W_SUBJ_PRON = 1u << 2,  /* he, she, they, it, we, i, you */
    SW_W_OBJ_PRON = 1u << 3,   /* him, her, them, us, me */
    SW_W_DOC_NOUN = 1u << 4,   /* statement, report, study, letter, website: speaks for its owner */
    SW_W_PREP = 1u << 5,       /* in, on, at, during, via, after, before, with, from, to, for, by */
    SW_W_CONJ = 1u << 6,       /* and, but, or, while, although, whereas, however */
    SW_W_TITLE_NOUN = 1u << 7, /* program, film, book, law, campaign, song: a quotation after it is a title */
    SW_W_NAMING_VERB = 1u << 8,/* called, named, dubbed, titled, entitled, nicknamed, known as */
    SW_W_THAT = 1u << 9,       /* "that" */
    SW_W_TO = 1u << 10,        /* "to" */
    SW_W_TIME = 1u << 11,      /* yesterday, today, tonight, earlier, later, week, month */
    SW_W_RELATIVE = 1u << 12,  /* who, which */
    SW_W_AUX = 1u << 13,       /* is, was, has, had, will, would, could, did: a finite clause */
    SW_W_ACCORDING = 1u << 14, /* the first word of "according to" / "as reported by" */
    SW_W_READS = 1u << 15      /* "read", "reads": a document speaking ("the statement reads") */
};

typedef struct sw_lex_info {
    uint32_t classes;        /* SW_LX_* */
    uint8_t verb_form;       /* SW_VF_*, 0 if not a verb form */
    uint8_t frames;          /* SW_VX_* */
    uint16_t roles;          /* SW_W_*: the word's grammar roles for attribution */
    const char *lemma;       /* the base form for verbs ("say"), the word itself otherwise */
} sw_lex_info;

/* Looks up one word. Returns NULL when the word is in no list. The result is static data. */
const sw_lex_info *sw_lex_lookup(const char *word, size_t len);

/* sw_lex_lookup() that also gives the entry's classes and roles (0 and 0 when it returns NULL) in
 * *classes and *roles. They are kept beside the key in the hash table, so this reads no more of
 * the tables than finding the word does (the entry itself is elsewhere). */
const sw_lex_info *sw_lex_lookup_classes(const char *word, size_t len, uint32_t *classes, uint32_t *roles);

/* The lookups below read 16 bytes from the start of the word whatever its length, so the caller
 * guarantees that they are readable: a word of a document's repaired text, which is followed by
 * zero bytes (doc.h's SW_TEXT_PAD), qualifies. For a word of at most 16 ASCII bytes (nearly every
 * word) they fold and hash it as two 8-byte numbers, without a loop or a branch per byte. */
#define SW_LEX_READ_AHEAD 16

/* sw_lex_lookup_classes() for a word followed by readable bytes (SW_LEX_READ_AHEAD). */
const sw_lex_info *sw_lex_lookup_classes_padded(const char *word, size_t len, uint32_t *classes, uint32_t *roles);

/* A word of the text made ready for the table by sw_lex_prepare_padded(): its folded key's first
 * 16 bytes, its length and its hash (len 0 when the word was not prepared: longer than 16 bytes or
 * not ASCII, then the lookup folds it itself). */
typedef struct sw_lex_prepared {
    uint64_t k0, k1;
    uint32_t len, hash;
} sw_lex_prepared;

/* Folds and hashes a word (followed by readable bytes: SW_LEX_READ_AHEAD) into *p, and asks the
 * memory for what its lookup will read (part of a 128 KB bitmap and a slot of a 4 MB table, each a
 * likely cache miss) without waiting. A stage with many words to look up prepares them all first,
 * then looks them up (sw_lex_lookup_prepared): the misses overlap instead of coming one after the
 * other, and each word is folded and hashed once. Changes no result. */
void sw_lex_prepare_padded(const char *word, size_t len, sw_lex_prepared *p);

/* sw_lex_lookup_classes_padded() of the word that sw_lex_prepare_padded() prepared into *p. */
const sw_lex_info *sw_lex_lookup_prepared(const char *word, size_t len, const sw_lex_prepared *p, uint32_t *classes,
                                          uint32_t *roles);

/* The classes of a word, 0 when unknown (a shortcut for sw_lex_lookup()->classes). */
uint32_t sw_lex_classes(const char *word, size_t len);

/* Multi-word cues ("according to", "in a statement", "told reporters", "went on to say").
 * Given the words of a token sequence (each a (ptr, len) pair), returns how many of the first words
 * form the longest cue phrase starting there (0 when none), and its kind in *kind. */
enum {
    SW_CUE_ACCORDING = 1,    /* according to X, C / C, according to X */
    SW_CUE_SOURCE,           /* in a statement, in an interview, in a post on ... */
    SW_CUE_VERB_PHRASE       /* went on to say, told reporters, made clear */
};
typedef struct sw_word {
    const char *ptr;
    size_t len;
} sw_word;
size_t sw_lex_cue_phrase(const sw_word *words, size_t n, int *kind);

/* sw_lex_cue_phrase() when the first word's entry is known already: `first` is what
 * sw_lex_lookup() gives for words[0] (not NULL), which spares looking the word up again. */
size_t sw_lex_cue_phrase_after(const sw_lex_info *first, const sw_word *words, size_t n, int *kind);

#endif
