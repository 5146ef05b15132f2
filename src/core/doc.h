/*
 * doc.h -- the internal document: what every pipeline stage reads and adds to.
 *
 * Data flows one way: read -> repair -> blocks -> tokens -> lookup -> quotation marks ->
 * sentences -> entities -> attribution -> finalize. Each stage fills its own fields of struct sw_doc and only
 * reads those of earlier stages. All internal offsets are byte offsets into the REPAIRED text
 * (doc->text), held as uint32_t (articles are limited to SW_MAX_ARTICLE bytes); finalize maps them
 * back to the original text through the offset map (sw_map_start / sw_map_end).
 * Everything lives in doc->arena.
 */
#ifndef SW_DOC_H
#define SW_DOC_H

#include <stdint.h>
#include "saywho.h"
#include "arena.h"
#include "lang/pack.h"

#define SW_NONE UINT32_MAX

/* The repaired text (doc->text, and the copy of the input it may be) is followed by its NUL and
 * more zero bytes, SW_TEXT_PAD in all, so that code working on words may read 16 bytes from any
 * position inside the text (pack.h's SW_PACK_READ_AHEAD) instead of byte by byte. */
#define SW_TEXT_PAD 16

/* One edit made by the repair stage: repaired bytes [rep_start, rep_end) replace original bytes
 * [orig_start, orig_end). Edits are sorted and do not overlap. */
typedef struct sw_edit {
    uint32_t rep_start, rep_end;
    uint32_t orig_start, orig_end;
} sw_edit;

/* One distinct word of an article (the lookup stage's; the same word in other cases shares it):
 * its first token and what the language pack says about it. */
typedef struct sw_word_type {
    const sw_lex_info *info;     /* the pack's entry (of the word's ASCII form when the word itself
                                    has none), or NULL */
    uint64_t cls, roles, names;  /* the entry's features (0 when none); a token's name roles are
                                    its word's (the entities stage reads them here) */
    uint32_t tok;                /* its first token */
    uint32_t memo;               /* where the lookup's memo keeps it (lookup.c) */
} sw_word_type;

/* A block is one non-empty line of the repaired text (without its newline). */
typedef struct sw_iblock {
    uint32_t start, end;        /* repaired offsets */
    uint32_t tok_start, tok_end;/* tokens of the block (filled by the tokenizer) */
    uint8_t kind;               /* sw_block_kind */
    uint8_t section;            /* sw_section */
    uint8_t para_start;         /* 1 when a blank line (or the start of the text) comes before */
} sw_iblock;

/* Token kinds. */
enum {
    SW_TK_WORD = 1,  /* letters (and digits) with inner apostrophes, hyphens, periods of abbreviations */
    SW_TK_NUM,       /* 3.5, 1,000, 2019 */
    SW_TK_PUNCT,     /* . , ; : ! ? ( ) - ... */
    SW_TK_QUOTE,     /* a quotation-mark candidate: “ ” " ‘ ’ ' « » ‹ › „ */
    SW_TK_SYM        /* anything else */
};

/* Token flags. */
enum {
    SW_TF_CAP = 1 << 0,         /* first letter upper case */
    SW_TF_ALLCAPS = 1 << 1,     /* every letter upper case (and at least two) */
    SW_TF_SPACE_BEFORE = 1 << 2,/* white space (or block start) right before */
    SW_TF_SENT_START = 1 << 3,  /* first token of a sentence */
    SW_TF_BLOCK_START = 1 << 4, /* first token of a block */
    SW_TF_ABBREV = 1 << 5,      /* a word ending in a period that does not end the sentence */
    SW_TF_IN_QUOTE = 1 << 6,    /* inside a quotation (between paired marks) */
    SW_TF_SPACE_AFTER = 1 << 7  /* white space (or block end) right after */
};

/* Roles of a SW_TK_QUOTE token after pairing. */
enum {
    SW_QM_NONE = 0,  /* not a quotation mark (apostrophe, stray mark) */
    SW_QM_OPEN,
    SW_QM_CLOSE
};

typedef struct sw_tok {
    uint32_t start, end;   /* repaired offsets */
    uint32_t block;        /* index of its block */
    uint32_t sent;         /* index of its sentence */
    uint16_t flags;        /* SW_TF_* */
    uint8_t kind;          /* SW_TK_* */
    uint8_t qm;            /* SW_QM_* for SW_TK_QUOTE tokens */
} sw_tok;

typedef struct sw_sent {
    uint32_t start, end;         /* repaired offsets */
    uint32_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
    uint32_t block;              /* block of its first token */
} sw_sent;

/* Quote span flags. */
enum {
    SW_QF_UNCLOSED = 1 << 0,  /* no closing mark: recovered at the end of the paragraph */
    SW_QF_MULTI_PARA = 1 << 1,/* runs over several paragraphs (each reopened, only the last closed) */
    SW_QF_NESTED = 1 << 2     /* inside another quotation */
};

/* A quotation delimited by marks. */
typedef struct sw_qspan {
    uint32_t start, end;             /* including the marks (end after the closing mark) */
    uint32_t cstart, cend;           /* the content without the marks */
    uint32_t tok_open, tok_close;    /* token indices of the marks; tok_close SW_NONE if unclosed */
    uint32_t block_first, block_last;
    int32_t parent;                  /* enclosing quotation, or -1 */
    uint8_t kind;                    /* SW_KIND_DIRECT or SW_KIND_PARTIAL */
    uint8_t flags;                   /* SW_QF_* */
    uint8_t section;                 /* section of its first block */
} sw_qspan;

/* An entity mention (filled by the entities stage). */
typedef struct sw_ment {
    uint32_t start, end;
    int32_t ent;                     /* entity index, or -1 */
    uint8_t kind;                    /* name, pronoun, description ... (entities.h) */
} sw_ment;

typedef struct sw_ient {
    uint8_t type;                    /* sw_entity_type */
    uint8_t gender;                  /* sw_gender */
    uint32_t name_start, name_end;   /* the fullest name's span in the repaired text */
    const char *name;                /* normalised name string (arena), or NULL to use the span */
    uint32_t n_ments;
} sw_ient;

/* A statement as attribution produces it (repaired offsets; SW_NONE for absent spans). */
typedef struct sw_stmt {
    uint32_t start, end;
    uint8_t kind;                    /* sw_quote_kind */
    uint8_t section;                 /* sw_section */
    uint8_t is_statement;
    uint8_t resolution;              /* sw_resolution */
    const char *reason;              /* why not a statement, or NULL */
    int32_t qspan;                   /* its quotation span, or -1 for reported speech */
    uint32_t *frags;                 /* quotation spans (indices) inside a reported clause */
    uint32_t n_frags;
    int32_t speaker;                 /* entity, or -1 */
    const char *speaker_name;        /* when no entity (an unnamed group: "police"), or NULL */
    uint32_t spk_start, spk_end;     /* mention, SW_NONE if none */
    uint32_t cue_start, cue_end;
    int32_t addressee;
    uint32_t addr_start, addr_end;
    uint32_t via_start, via_end;
    float confidence;
} sw_stmt;

/* The largest arena block an extractor keeps for its next document: a 4.5 KB article needs about
 * 200 KB, a 50 KB one about 2 MB. */
#define SW_SPARE_BLOCK_MAX (2u * 1024 * 1024)

struct sw_extractor {
    sw_options opts;             /* (opts.language is not kept: it was borrowed) */
    const sw_pack *pack;         /* the language of its articles */
    uint8_t auto_language;       /* the caller asked for "auto" */
    const sw_allocator *alloc;
    sw_allocator alloc_copy;
    /* An arena block of the last freed document, for the next one (sw_arena_free_keep()), or NULL.
     * The only field that changes after creation: taken and put back with atomic exchanges, so
     * threads sharing the extractor each get a block of their own or a fresh arena. */
    _Atomic(sw_arena_block *) spare;
};

struct sw_doc {
    sw_arena arena;
    const sw_extractor *ex;

    /* input (copied) */
    const char *orig;            /* the text as given (NUL-terminated copy) */
    uint32_t orig_len;
    const char *id, *title_in;   /* NUL-terminated copies ("" when absent) */
    uint32_t title_in_len;
    int title_lines;             /* plain-text article: leading lines are the title */

    /* repair */
    char *text;                  /* repaired text, NUL-terminated and padded (SW_TEXT_PAD) */
    uint32_t len;
    sw_edit *edits;
    uint32_t n_edits;
    uint32_t n_repairs;

    /* blocks */
    sw_iblock *blocks;
    uint32_t n_blocks;
    const char *title;           /* the clean headline (arena), "" if none */

    /* tokens, sentences, quotation spans */
    sw_tok *toks;
    uint32_t n_toks;
    uint32_t *qmarks;            /* the tokens the tokenizer made SW_TK_QUOTE, in order */
    uint32_t n_qmarks;
    uint32_t *stops;             /* the tokens that end in . ! ? or … (sw_token_end_kind), in order */
    uint32_t n_stops;
    sw_sent *sents;
    uint32_t n_sents;
    sw_qspan *qspans;
    uint32_t n_qspans;

    /* lookup: what the language pack says about every token (src/lookup/); every array has
     * n_toks + 1 elements, the last one (and every token that is no word) with no features */
    const sw_pack *pack;         /* the extractor's language pack */
    const sw_lex_info **tok_info;/* the pack's entry of the token's word, or NULL */
    uint64_t *tok_cls;           /* its classes (SW_LX_*) */
    uint64_t *tok_roles;         /* its roles (SW_W_*) */
    uint32_t *tok_core;          /* its byte length without a possessive ending ('s) */
    int32_t *tok_word;           /* its distinct word (doc->words), -1 for tokens that are no words */
    sw_word_type *words;         /* the article's distinct words, in order of first occurrence */
    uint32_t n_words;
    uint32_t *cue_toks;          /* the tokens that may be a speech cue or begin one, in order:
                                    classes SW_LX_SPEECH or SW_LX_CUE_FIRST, or roles SW_W_ACCORDING
                                    or SW_W_READS */
    uint32_t n_cue_toks;

    /* entities */
    sw_ment *ments;
    uint32_t n_ments;
    sw_ient *ents;
    uint32_t n_ents;
    void *ent_data;              /* what the entities stage learned (entities_internal.h), or NULL */

    /* statements */
    sw_stmt *stmts;
    uint32_t n_stmts;

    /* public view (finalize) */
    sw_quote *quotes;
    size_t n_quotes;
    sw_entity *pub_ents;
    size_t n_pub_ents;
    sw_block *pub_blocks;
    size_t n_pub_blocks;
};

/* Offset map: original offset of a repaired START offset (a position where a span begins) and of
 * a repaired END offset (a position where a span ends). They differ only inside an edit: a span
 * that starts inside a replaced run starts at the run's original start, one that ends inside it
 * ends at its original end. */
uint32_t sw_map_start(const sw_doc *doc, uint32_t rep);
uint32_t sw_map_end(const sw_doc *doc, uint32_t rep);

/* An extractor reading with the given pack, which need not be built into the library (the tests
 * make packs of their own with tools/gen_pack.py); *out receives it. SW_OK or SW_ERR_NOMEM. */
sw_status sw_extractor_create_with_pack(const sw_options *opts, const sw_allocator *alloc, const sw_pack *pack,
                                        sw_extractor **out);

/* ---- the stages, in pipeline order; each returns SW_OK or SW_ERR_NOMEM ---- */

/* repair/: decode entities and debris, fix mojibake, normalise spaces; fills text, len, edits. */
sw_status sw_repair(sw_doc *doc);
/* repair/blocks.c: split the repaired text into lines and classify them (title, slug, heading,
 * boilerplate, teaser, dateline, paragraph); fills blocks and title. */
sw_status sw_find_blocks(sw_doc *doc);
/* segment/: tokens of every block; fills toks, qmarks and stops. */
sw_status sw_tokenize(sw_doc *doc);
/* lookup/: every token's word looked up in the language pack; fills tok_info ... cue_toks. */
sw_status sw_lookup_words(sw_doc *doc);
/* quotes/: pair the quotation marks; fills qspans, sets tok.qm and SW_TF_IN_QUOTE. */
sw_status sw_find_quotes(sw_doc *doc);
/* segment/: sentences (aware of quotation marks and abbreviations); fills sents, tok.sent. */
sw_status sw_split_sentences(sw_doc *doc);
/* entities/: mentions and entities. */
sw_status sw_find_entities(sw_doc *doc);
/* attribute/quotes_only.c: the quotes_only mode: every top-level quotation span a statement
 * without a speaker (what the pipeline reports when it stops after the quotation stage). */
sw_status sw_quotes_as_statements(sw_doc *doc);
/* attribute/: statements with speakers. */
sw_status sw_attribute(sw_doc *doc);


/* UTF-8 validation: returns len when buf[0..len) is valid UTF-8 without NUL bytes, else the offset
 * of the first bad byte; *nul is set to 1 when the problem is a NUL byte. (core/utf8.c) */
size_t sw_utf8_check(const char *buf, size_t len, int *nul);

#endif
