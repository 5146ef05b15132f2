/*
 * saywho.h -- the public API of libsaywho: who said what in news articles.
 *
 * This header is the contract. Anything not declared here is internal and may change at any time.
 *
 * Conventions (see DEVELOPERS.md and STYLE.md):
 *  - Every handle is opaque and comes in a sw_X_new() / sw_X_free() pair; sw_X_free(NULL) does
 *    nothing.
 *  - Inputs are (const char *buf, size_t len) pairs; nothing depends on a terminating NUL.
 *  - Every offset the library reports is a UTF-8 byte offset into the article text exactly as the
 *    caller gave it, whatever repair happened inside.
 *  - The library never prints, never exits and never aborts: functions return an sw_status and,
 *    where a caller passes one, fill an sw_error with a code, a constant message and a byte offset.
 *  - Strings returned by the library are NUL-terminated UTF-8 (a length is given too) and live as
 *    long as the object they were taken from, as each function's comment says.
 *  - Every function declared here is marked SW_API. The library is compiled with hidden visibility,
 *    so only what is declared here is exported from libsaywho.so (tests/exports.cmake checks it).
 */
#ifndef SAYWHO_H
#define SAYWHO_H

#include <stddef.h>
#include <stdint.h>

/* Marks a function of the public API. The library's sources are compiled with -fvisibility=hidden,
 * so with GCC and clang (ELF, Mach-O) these are the only symbols the shared library exports.
 * Elsewhere it expands to nothing (no dllexport: Windows is not a target). */
#if defined(__GNUC__) && !defined(_WIN32) && !defined(__CYGWIN__)
#define SW_API __attribute__((visibility("default")))
#else
#define SW_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version. The one place it is written: CMakeLists.txt reads it from this line (the
 * shared library's file name, saywho.pc, the CMake package), CHANGELOG.md says what it holds. */
#define SW_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------------------------------------
 * Status and errors
 * --------------------------------------------------------------------------------------------- */

/* What a call achieved. SW_OK is 0; every other value is a failure of the kind its name says. */
typedef enum sw_status {
    SW_OK = 0,
    SW_ERR_NOMEM,        /* the allocator returned NULL */
    SW_ERR_INVALID_ARG,  /* a NULL handle or an impossible option */
    SW_ERR_JSON,         /* a JSON Lines line is not a well-formed JSON object */
    SW_ERR_NO_TEXT,      /* a JSON object without a string "text" member */
    SW_ERR_UTF8,         /* the input is not valid UTF-8 */
    SW_ERR_NUL,          /* the article text contains a NUL byte */
    SW_ERR_TOO_LARGE,    /* an article longer than SW_MAX_ARTICLE bytes */
    SW_ERR_IO,           /* a read or write failed (reported by writers and the store) */
    SW_ERR_DB,           /* the store's database refused an operation */
    SW_ERR_QUERY,        /* a search query could not be understood */
    SW_ERR_DATE          /* a date could not be read, or is no day of the calendar */
} sw_status;

/* The largest article text the library accepts, in bytes (internal offsets are 32-bit). */
#define SW_MAX_ARTICLE ((size_t)0xFFFFFFF0u)

/* Details of a failure. `message` is a constant string owned by the library (never freed);
 * `offset` is the byte offset in the input where the problem was found (0 when not applicable). */
typedef struct sw_error {
    sw_status code;
    const char *message;
    size_t offset;
} sw_error;

/* A constant, human-readable name for a status ("out of memory", "invalid UTF-8", ...). */
SW_API const char *sw_status_message(sw_status status);

/* The library's version, e.g. "0.1.0". Constant string. */
SW_API const char *sw_version(void);

/* ------------------------------------------------------------------------------------------------
 * Memory
 * --------------------------------------------------------------------------------------------- */

/* A caller-supplied allocator. Every allocation the library makes goes through it, so tests can
 * inject failures and servers can account memory. `ctx` is passed back unchanged. A NULL
 * sw_allocator pointer anywhere in this API means the C library's malloc/realloc/free. */
typedef struct sw_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} sw_allocator;

/* ------------------------------------------------------------------------------------------------
 * Input: articles and the readers that produce them
 * --------------------------------------------------------------------------------------------- */

/* A borrowed string: `ptr` need not be NUL-terminated. ptr == NULL means absent. */
typedef struct sw_str {
    const char *ptr;
    size_t len;
} sw_str;

/* One article to extract from. Only `text` is required. The strings are borrowed: they must stay
 * valid for the duration of the call they are passed to, and are copied where kept.
 * `title_lines` (plain-text articles) says that the text itself begins with its title line(s),
 * ended by the first blank line; they are reported as section "title".
 * `text_checked` is set by the readers (sw_reader_parse_json, sw_reader_parse_text), which have
 * checked that `text` is valid UTF-8 without NUL bytes; sw_extract() then does not check it again.
 * Leave it 0 in an article you build yourself (zero-initialise the struct), unless you have made
 * that same check. */
typedef struct sw_article {
    sw_str id, title, url, date, source, text;
    int title_lines;
    int text_checked;
} sw_article;

typedef enum sw_format {
    SW_FORMAT_AUTO = 0, /* decide from the first bytes: '{' means JSON Lines */
    SW_FORMAT_JSONL,    /* one JSON object a line: text required; id, title, url, date, source */
    SW_FORMAT_TEXT      /* a plain-text article: title line(s), blank line, paragraphs */
} sw_format;

/* Guesses the format of an input from its first bytes (after a BOM and white space): a '{' means
 * JSON Lines, anything else a plain-text article. Never returns SW_FORMAT_AUTO. */
SW_API sw_format sw_detect_format(const char *buf, size_t len);

/* A reader turns input lines or files into sw_article values. It owns a scratch buffer that holds
 * the decoded strings of the last article it produced. */
typedef struct sw_reader sw_reader;

/* Returns a new reader, or NULL when out of memory. Free with sw_reader_free(). */
SW_API sw_reader *sw_reader_new(const sw_allocator *alloc);

/* Frees a reader and every article string it produced. NULL is a no-op. */
SW_API void sw_reader_free(sw_reader *reader);

/* Parses one JSON Lines line (without its newline) into *out. The strings in *out point into the
 * reader and stay valid until the next call on this reader or its freeing. Unknown members are
 * ignored; `id`, `title`, `url`, `date`, `source` may be strings or numbers (`id` only) or absent.
 * On failure *out is untouched and err (if not NULL) gets the code (SW_ERR_JSON, SW_ERR_NO_TEXT,
 * SW_ERR_UTF8, SW_ERR_NUL, SW_ERR_TOO_LARGE, SW_ERR_NOMEM) and the byte offset in the line. */
SW_API sw_status sw_reader_parse_json(sw_reader *reader, const char *line, size_t len,
                                      sw_article *out, sw_error *err);

/* Checks a whole plain-text article (its bytes are the text as given) and fills *out with
 * text = buf and title_lines = 1. The strings in *out point into `buf` itself. Fails with
 * SW_ERR_UTF8 or SW_ERR_NUL (and the offset) when the bytes are not valid UTF-8 text. */
SW_API sw_status sw_reader_parse_text(sw_reader *reader, const char *buf, size_t len,
                                      sw_article *out, sw_error *err);

/* ------------------------------------------------------------------------------------------------
 * Extraction
 * --------------------------------------------------------------------------------------------- */

/* Options for an extractor. Zero-initialise, then set what you need. */
typedef struct sw_options {
    /* Keep quotation spans that are not statements (titles of programmes, scare quotes, teasers)
     * in the document, with sw_quote.is_statement == 0 and a reason. Default: dropped. */
    int keep_non_statements;
    /* Stop after the quotation spans: every top-level quotation becomes a statement without a
     * speaker, and no entities are found (the foundation's fast mode, for people who only need
     * where the quotations are). Default: full attribution. */
    int quotes_only;
    /* The language of the articles: the code of one of the library's language packs (ISO 639-1,
     * see sw_language_code()), compared without case: "en" for English. NULL or "" means the
     * default, the first pack (English). "auto" means: decide for each article from its words;
     * while the library has one pack, that is always that pack, and once it has several, each
     * article will be read with the pack whose common words (function words, pronouns,
     * determiners) it uses most, the default pack when none stands out. Borrowed: only read by
     * sw_extractor_create(). */
    const char *language;
} sw_options;

/* The language packs built into the library: their number, and the code ("en") and the English
 * name ("English") of pack i (0 <= i < count; NULL beyond). Pack 0 is the default. Everything a
 * language brings (its speech verbs and their frames, cue phrases, titles, abbreviations, month
 * names, boilerplate) is in its pack; the pipeline is the same for all. Constant strings. */
SW_API size_t sw_language_count(void);
SW_API const char *sw_language_code(size_t i);
SW_API const char *sw_language_name(size_t i);

/* An extractor holds the options and the language pack; it is immutable after creation, so one
 * extractor may be used from several threads at once. It also keeps one block of memory (at most
 * 2 MB) of the last document freed, for the next document to start in (taken and given back
 * atomically); sw_extractor_free() releases it. */
typedef struct sw_extractor sw_extractor;

/* Makes a new extractor into *out (opts may be NULL for defaults); free it with
 * sw_extractor_free() after every document made with it has been freed. On failure *out is NULL
 * and err (if not NULL) says why: SW_ERR_NOMEM, or SW_ERR_INVALID_ARG with the message "unknown
 * language" when opts->language names no pack of the library (sw_language_code() lists them). */
SW_API sw_status sw_extractor_create(const sw_options *opts, const sw_allocator *alloc, sw_extractor **out,
                                     sw_error *err);

/* sw_extractor_create() without the error details: returns the new extractor, or NULL when out of
 * memory or when opts->language is unknown. */
SW_API sw_extractor *sw_extractor_new(const sw_options *opts, const sw_allocator *alloc);

/* The code of the language pack the extractor reads articles with ("en"), or "auto". Constant. */
SW_API const char *sw_extractor_language(const sw_extractor *ex);

/* Frees an extractor. NULL is a no-op. */
SW_API void sw_extractor_free(sw_extractor *ex);

/* The result of extracting one article. Everything in it (quotes, entities, strings) lives in one
 * arena and is freed at once by sw_doc_free(). */
typedef struct sw_doc sw_doc;

/* Extracts the statements, speakers and entities of one article. On success *out receives a new
 * document (free with sw_doc_free()); the article's strings are copied, so the caller may reuse
 * them at once. On failure *out is NULL and err (if not NULL) says why: SW_ERR_UTF8 and SW_ERR_NUL
 * with the byte offset of the bad byte in the text, SW_ERR_TOO_LARGE, SW_ERR_NOMEM. */
SW_API sw_status sw_extract(const sw_extractor *ex, const sw_article *article, sw_doc **out,
                            sw_error *err);

/* Frees a document and everything taken from it. NULL is a no-op. */
SW_API void sw_doc_free(sw_doc *doc);

/* Where in the article a span lies. */
typedef enum sw_section {
    SW_SECTION_BODY = 0,
    SW_SECTION_TITLE,       /* the headline, or a degraded repeat of it */
    SW_SECTION_HEADING,     /* a sub-heading inside the article */
    SW_SECTION_BOILERPLATE  /* "Also read:" and its teaser, "Advertisement", "Subscribe to" ... */
} sw_section;

typedef enum sw_quote_kind {
    SW_KIND_DIRECT = 0, /* a full statement in quotation marks */
    SW_KIND_PARTIAL,    /* a quoted fragment inside a sentence of the writer's */
    SW_KIND_REPORTED,   /* reported speech without quotation marks */
    SW_KIND_MIXED       /* a reported clause that contains quoted fragments */
} sw_quote_kind;

/* How the speaker of a statement was found. */
typedef enum sw_resolution {
    SW_RES_NONE = 0,    /* no speaker */
    SW_RES_EXPLICIT,    /* named next to the statement */
    SW_RES_PRONOUN,     /* he, she, they, it ... resolved to an entity */
    SW_RES_DESCRIPTION, /* "the Russian President" resolved to an entity */
    SW_RES_CONTEXT      /* no words name the speaker here: continued from the context */
} sw_resolution;

/* A span of the original text. `text` is its repaired text (NUL-terminated, `text_len` bytes),
 * owned by the document. */
typedef struct sw_mention {
    size_t start, end;
    const char *text;
    size_t text_len;
} sw_mention;

typedef struct sw_span {
    size_t start, end;
} sw_span;

typedef enum sw_entity_type {
    SW_ENT_PERSON = 0,
    SW_ENT_ORGANIZATION,
    SW_ENT_PLACE
} sw_entity_type;

typedef enum sw_gender {
    SW_GENDER_UNKNOWN = 0,
    SW_GENDER_MALE,
    SW_GENDER_FEMALE
} sw_gender;

/* One statement (or, with keep_non_statements, one quotation span that is not a statement).
 * Offsets are into the original article text; `start`/`end` include the quotation marks.
 * Optional parts are NULL pointers when absent. Valid until the document is freed. */
typedef struct sw_quote {
    size_t start, end;
    const char *text;            /* the content without the marks, repaired */
    size_t text_len;
    sw_quote_kind kind;
    sw_section section;
    int is_statement;            /* 0 only for spans kept by keep_non_statements */
    const char *not_statement_reason; /* "title", "scare quote", "teaser", ... or NULL */
    /* speaker */
    const char *speaker_name;    /* the fullest form of the speaker's name in the article, or NULL */
    int speaker_entity;          /* index into the document's entities, or -1 */
    const sw_mention *speaker_mention; /* the words that name the speaker here, or NULL */
    sw_resolution resolution;
    const sw_mention *cue;       /* the speech verb or phrase, or NULL */
    int addressee_entity;        /* entity the statement was said to, or -1 */
    const sw_mention *addressee_mention;
    const sw_mention *via;       /* the outlet that reported it ("the TASS news agency"), or NULL */
    double confidence;           /* 0..1, calibrated */
    const sw_span *fragments;    /* quotation-mark spans inside a reported clause */
    size_t n_fragments;
} sw_quote;

typedef struct sw_entity {
    int id;                      /* its index in the document */
    sw_entity_type type;
    const char *name;            /* the fullest form in the article */
    sw_gender gender;
    const sw_mention *mentions;
    size_t n_mentions;
} sw_entity;

/* Kinds of block (line of text) in an article, for sw_doc_block(). */
typedef enum sw_block_kind {
    SW_BLOCK_PARAGRAPH = 0,
    SW_BLOCK_TITLE,         /* the headline */
    SW_BLOCK_SLUG,          /* a degraded repeat of the headline (lost punctuation, entity debris) */
    SW_BLOCK_HEADING,       /* a sub-heading */
    SW_BLOCK_BOILERPLATE,   /* "Also read:", "Advertisement", ... */
    SW_BLOCK_TEASER,        /* the headline of another article after "Also read:" */
    SW_BLOCK_DATELINE       /* a date line on its own */
} sw_block_kind;

typedef struct sw_block {
    size_t start, end;       /* original offsets of the line, without its newline */
    sw_block_kind kind;
    sw_section section;
} sw_block;

/* The names of the enums above as the JSON output writes them ("direct", "body", "pronoun",
 * "organization", "male", "paragraph"; "" for SW_GENDER_UNKNOWN). Constant strings, never NULL. */
SW_API const char *sw_quote_kind_name(sw_quote_kind kind);
SW_API const char *sw_section_name(sw_section section);
SW_API const char *sw_resolution_name(sw_resolution resolution);
SW_API const char *sw_entity_type_name(sw_entity_type type);
SW_API const char *sw_gender_name(sw_gender gender);
SW_API const char *sw_block_kind_name(sw_block_kind kind);

/* Counts and accessors. Indices run from 0 to count-1; an index out of range returns NULL.
 * Returned pointers are valid until the document is freed. */
SW_API size_t sw_doc_quote_count(const sw_doc *doc);
SW_API const sw_quote *sw_doc_quote(const sw_doc *doc, size_t i);
SW_API size_t sw_doc_entity_count(const sw_doc *doc);
SW_API const sw_entity *sw_doc_entity(const sw_doc *doc, size_t i);
SW_API size_t sw_doc_block_count(const sw_doc *doc);
SW_API const sw_block *sw_doc_block(const sw_doc *doc, size_t i);

/* The article's id and title as the document holds them (copied from the article; the title of a
 * plain-text article is its clean headline line). NUL-terminated, never NULL (may be ""). */
SW_API const char *sw_doc_id(const sw_doc *doc);
SW_API const char *sw_doc_title(const sw_doc *doc);

/* How many repairs the text needed (entities decoded, mojibake fixed, spaces normalised). */
SW_API size_t sw_doc_repair_count(const sw_doc *doc);

/* ------------------------------------------------------------------------------------------------
 * Output
 * --------------------------------------------------------------------------------------------- */

/* A sink for the writers: called with consecutive pieces of output; returns 0 on success, non-zero
 * to make the writer stop with SW_ERR_IO. */
typedef int (*sw_write_fn)(void *ctx, const char *buf, size_t len);

enum {
    SW_WRITE_PRETTY = 1, /* indented, multi-line JSON for people */
    SW_WRITE_BLOCKS = 2  /* also write the article's blocks (lines with kind and section) */
};

/* Writes the document as one JSON object (one line unless SW_WRITE_PRETTY) followed by "\n":
 * id, title, url, date, source (those present in the article), quotes, entities. `article` is the
 * article the document was extracted from (for url, date, source); it may be NULL. */
SW_API sw_status sw_doc_write_json(const sw_doc *doc, const sw_article *article, unsigned flags,
                                   sw_write_fn write, void *ctx);

/* Writes the document as a readable table: one row per statement (speaker, cue, kind, text). */
SW_API sw_status sw_doc_write_table(const sw_doc *doc, unsigned flags, sw_write_fn write,
                                    void *ctx);

/* ------------------------------------------------------------------------------------------------
 * Store: keep extracted statements in an embedded SQLite database and query them
 * --------------------------------------------------------------------------------------------- */

/* The schema version this library writes (PRAGMA user_version). sw_store_open() migrates older
 * databases up to it and refuses newer ones. */
#define SW_STORE_SCHEMA_VERSION 5

/* An open database of articles, statements and entities. One handle is used by one thread at a
 * time; several processes may read while one writes (WAL mode). */
typedef struct sw_store sw_store;

/* Opens (creating when missing) the database file at `path` (NUL-terminated), migrates its schema
 * to SW_STORE_SCHEMA_VERSION and returns the handle in *out; close it with sw_store_close().
 * `alloc` (may be NULL) serves the handle's own memory; SQLite manages its own. On failure *out is
 * NULL and err says why: SW_ERR_DB (cannot open or create the file, not a saywho or SQLite
 * database, a schema newer than this library, locked), SW_ERR_NOMEM, SW_ERR_INVALID_ARG. */
SW_API sw_status sw_store_open(const char *path, const sw_allocator *alloc, sw_store **out,
                               sw_error *err);

/* Closes the database. A batch still open (sw_store_begin without sw_store_commit) is rolled
 * back. NULL is a no-op. */
SW_API void sw_store_close(sw_store *store);

/* Starts a batch: every sw_store_add() until sw_store_commit() lands in one transaction, which is
 * far faster than one transaction per article and is what makes an interrupted ingest resumable
 * (a batch is either wholly in the database or not at all). Fails with SW_ERR_INVALID_ARG when a
 * batch is already open, SW_ERR_DB when the database is locked. */
SW_API sw_status sw_store_begin(sw_store *store, sw_error *err);

/* Makes the open batch durable. Without an open batch it does nothing and returns SW_OK. On
 * failure the batch is rolled back (nothing of it is kept) and SW_ERR_DB is returned. */
SW_API sw_status sw_store_commit(sw_store *store, sw_error *err);

/* Abandons the open batch (nothing of it is kept). Without an open batch it does nothing. */
SW_API void sw_store_rollback(sw_store *store);

/* What sw_store_add() did, or what sw_store_lookup() says it would do, with an article. */
typedef enum sw_store_outcome {
    SW_STORE_ADDED = 0,   /* a new article: stored */
    SW_STORE_REPLACED,    /* an id already stored with other content: its old rows were replaced */
    SW_STORE_UNCHANGED,   /* the same id with the same content: nothing to do */
    SW_STORE_DUPLICATE    /* another id with exactly the same content (text, title, url, date,
                             source): stored once, under the first id */
} sw_store_outcome;

/* Says what sw_store_add() would do with `article` without extracting or storing anything, so a
 * caller can skip extraction for articles already stored (resuming an interrupted ingest costs a
 * hash and a lookup per article). The content is identified by a hash of text, title, url, date
 * and source; an article without an id is identified by that hash alone. */
SW_API sw_status sw_store_lookup(sw_store *store, const sw_article *article,
                                 sw_store_outcome *outcome, sw_error *err);

/* The size of a content id with its NUL: 32 lowercase hexadecimal digits and a NUL. */
#define SW_CONTENT_ID_SIZE 33

/* Writes the content id of `article` into out: 32 lowercase hexadecimal digits of a 128-bit hash of
 * its text, title, url, date and source (an absent part differs from an empty one; the id member
 * is not part of it), NUL-terminated. It is the id the store gives an article without one
 * (sw_store_lookup, sw_store_add), so setting article->id to it first changes nothing there; the
 * saywho program uses it for JSON Lines articles without "id" and for plain-text articles read
 * from standard input, so that two such articles never share an id. Stored in databases, so the
 * same content gives the same id in every version of the library. No allocation; thread-safe.
 * Returns SW_OK, or SW_ERR_INVALID_ARG when article or out is NULL (out, if not NULL, gets ""). */
SW_API sw_status sw_article_content_id(const sw_article *article, char out[SW_CONTENT_ID_SIZE]);

/* Stores an article and what was extracted from it (`doc`, made by sw_extract() from this same
 * article): the article row, its statements (indexed for full-text search), its entities merged
 * with those of earlier articles (same canonical name), their mentions and aliases, and the
 * quotation groups its statements belong to. Idempotent: the same id with the same content is
 * stored once (SW_STORE_UNCHANGED), the same content under another id too (SW_STORE_DUPLICATE), an
 * id with changed content replaces its old rows (SW_STORE_REPLACED). Outside a batch the article
 * gets a transaction of its own. `outcome` may be NULL. Nothing is kept from `article` or `doc`
 * after the call. Errors: SW_ERR_DB (the database refused: full disk, locked, read-only),
 * SW_ERR_INVALID_ARG, SW_ERR_NOMEM; a failed add leaves the database as it was before the call
 * (the batch stays open and usable). The statements become searchable when their batch commits
 * (the full-text index is filled at commit, in the same transaction). */
SW_API sw_status sw_store_add(sw_store *store, const sw_article *article, const sw_doc *doc,
                              sw_store_outcome *outcome, sw_error *err);

/* Reads a date as news feeds write it and writes it to out as "YYYY-MM-DD" (or "YYYY-MM", "YYYY"
 * when only the month or the year is given), NUL-terminated: the form in which the store keeps an
 * article's date, filters by date and sorts. `text` is len bytes (NUL not needed); leading white
 * space is skipped, and after the year, or after a whole ISO date, a time and a time zone may
 * follow. Read: 2026-03-04 (also 2026/03/04, 2026.03.04), 2026-03, 2026; ISO 8601 with a time and
 * zone (2026-03-04T10:00:00+01:00, 2026-03-04 10:00Z); RFC 2822 (Wed, 04 Mar 2026 10:00:00 GMT);
 * March 4, 2026; Mar. 4 2026; 4 March 2026; 04-Mar-2026; March 2026. The day is the calendar day
 * as written: the time zone is not applied (2026-03-04T23:30:00-05:00 is 2026-03-04). Month and day
 * names are those of the language pack `language` (a code as in sw_options.language; NULL, "" or
 * "auto": every built-in pack). Not read, on purpose: numeric day-month orders (04/03/2026 is
 * March 4 or April 3 depending on the country) and two-digit years. sw_store_add() reads every
 * article's date so (with the pack of the extractor that made the document); an article whose
 * date cannot be read is stored without a date (the date as given is kept in the database).
 * Returns SW_OK; SW_ERR_DATE when the text is not a date of these forms or names no day of the
 * calendar (2020-02-30, month 13: err->message says which); SW_ERR_INVALID_ARG for an unknown
 * language or a NULL out. out is "" on failure. `err` may be NULL. Thread-safe. */
SW_API sw_status sw_date_parse(const char *text, size_t len, const char *language, char out[11],
                               sw_error *err);

/* Search options. Zero-initialise, then set what you need. Strings are NUL-terminated, borrowed
 * for the duration of the call. */
typedef struct sw_search_opts {
    const char *query;    /* full-text query in FTS5 syntax: words (all must match), "a phrase",
                             OR, NOT, prefix*, ^first, a + b, NEAR(a b, 5), parentheses, text:word;
                             a word with punctuation is searched as written (COVID-19, U.S.,
                             Trump's, 9/11: a phrase of its parts, as the text was indexed); a
                             parenthesised group next to a word is ANDed with it. NULL or ""
                             matches every statement */
    const char *speaker;  /* a name, alias-aware: "Putin" finds Vladimir Putin's statements, and
                             transliterations match ("Zelensky" finds "Zelenskyy"); NULL: anyone */
    const char *since;    /* the article's date >= this (YYYY, YYYY-MM or YYYY-MM-DD); NULL: open */
    const char *until;    /* the article's date <= this, inclusive at its precision ("2023-06"
                             includes the whole of June); NULL: open */
    const char *source;   /* the article's source (or, when it had none, its URL's host),
                             compared case-insensitively; NULL: any */
    size_t limit;         /* at most this many hits; 0: no limit */
    int by_date;          /* 1: oldest first (a speaker's statements over time); 0: best match
                             first (bm25) when there is a query, oldest first otherwise. Ranking
                             is exact for a query matching up to 5,000 statements (after the
                             filters); one matching more is ranked among the 5,000 most recently
                             stored matches, by bm25 without its IDF factor, which bounds the
                             cost of very common words (docs/STORE.md). */
    const char *mark_open, *mark_close; /* put around matched words in sw_hit.highlighted;
                                           NULL: "[" and "]" */
} sw_search_opts;

/* One statement found by sw_store_search(). Every string is NUL-terminated and valid only during
 * the callback; optional ones are NULL when absent. */
typedef struct sw_hit {
    int64_t statement_id;       /* stable row id of the statement in this database */
    const char *article_id;     /* the article's id */
    const char *title, *url, *date, *source;
    const char *speaker;        /* the speaker's name (merged across articles), or NULL */
    const char *cue, *via;      /* the speech verb and the reporting outlet, or NULL */
    const char *text;           /* the statement text */
    const char *highlighted;    /* the text with mark_open/mark_close around the matched words */
    size_t start, end;          /* byte offsets of the statement in its article's text */
    sw_quote_kind kind;
    sw_section section;
    double confidence;
    double score;               /* relevance (bm25, see by_date), lower is better; 0 without a
                                   query or when ordered by date */
    size_t group_size;          /* statements of the same quotation (same speaker, near-identical
                                   text) in the database, this one included; 1 if alone */
    const char *first_article_id; /* the article that carried this quotation first (by date) */
    const char *first_date;
} sw_hit;

/* Called once per hit, best first; returns 0 to go on, non-zero to stop early (not an error). */
typedef int (*sw_hit_fn)(void *ctx, const sw_hit *hit);

/* Searches the statements. Every value in `opts` is passed to SQLite as a bound parameter: no query
 * string can change the SQL. Errors: SW_ERR_QUERY (the query is not valid FTS5 syntax, e.g. an
 * unbalanced quotation mark or parenthesis, an operator without a term on one side, an unknown
 * column: err->message says what, err->offset is the byte of the query where it is; or a date
 * that is not YYYY[-MM[-DD]] of the calendar), SW_ERR_DB, SW_ERR_INVALID_ARG, SW_ERR_NOMEM. */
SW_API sw_status sw_store_search(sw_store *store, const sw_search_opts *opts, sw_hit_fn fn,
                                 void *ctx, sw_error *err);

/* One speaker in sw_store_speakers(): an entity, or an unnamed group kept as its description
 * ("police") when entity_id is 0. Strings are valid only during the callback. */
typedef struct sw_speaker_row {
    int64_t entity_id;
    const char *name;           /* display name: the fullest form seen */
    const char *key;            /* canonical key ("p:putin|vldmr" ...), or NULL for a group */
    sw_entity_type type;
    size_t statements;          /* statements attributed to this speaker */
    size_t articles;            /* articles they were quoted in */
    const char *first_date, *last_date; /* dates of the first and last of those, or NULL */
    sw_gender gender;           /* a person's gender as the store knows it (SW_GENDER_UNKNOWN for
                                   organisations, places and groups) */
} sw_speaker_row;

typedef int (*sw_speaker_fn)(void *ctx, const sw_speaker_row *row);

/* Lists speakers, most quoted first (ties by name); limit 0 means all. The same as
 * sw_store_list_speakers() with only a limit. */
SW_API sw_status sw_store_speakers(sw_store *store, size_t limit, sw_speaker_fn fn, void *ctx,
                                   sw_error *err);

/* The bit of a gender in sw_speaker_opts.genders. */
#define SW_GENDER_BIT(g) (1u << (unsigned)(g))

/* Which statements sw_store_list_speakers() and sw_store_gender_counts() count. Zero-initialise,
 * then set what you need; strings are NUL-terminated and borrowed for the call. */
typedef struct sw_speaker_opts {
    const char *since, *until; /* the article's date, as in sw_search_opts (YYYY[-MM[-DD]], both
                                  ends inclusive); NULL: open */
    const char *source;        /* the article's source, as in sw_search_opts; NULL: any */
    unsigned genders;          /* speakers: only people of these genders, a set of
                                  SW_GENDER_BIT(SW_GENDER_FEMALE) ...; 0: every speaker (people,
                                  organisations, groups). Ignored by sw_store_gender_counts() */
    size_t limit;              /* speakers: at most this many; 0: all */
} sw_speaker_opts;

/* Lists the speakers of the statements the options select, most quoted first (ties by name);
 * statements, articles and dates count those statements only. `opts` may be NULL (everything).
 * Errors: SW_ERR_QUERY (a date that is not YYYY[-MM[-DD]] of the calendar), SW_ERR_DB,
 * SW_ERR_INVALID_ARG. */
SW_API sw_status sw_store_list_speakers(sw_store *store, const sw_speaker_opts *opts,
                                        sw_speaker_fn fn, void *ctx, sw_error *err);

/* Who is quoted, by gender (the Gender Gap Tracker's measure): for the statements the options
 * select, how many were made by women, by men and by people whose gender is not known, and how
 * many distinct people of each were quoted. Statements by organisations, places, unnamed groups
 * ("police") or nobody are counted apart (other_statements): they are in no share. */
typedef struct sw_gender_counts {
    int is_total;               /* 1: the row of every source together (the first row) */
    const char *source;         /* the source of a per-source row (NULL: articles without one);
                                   NULL in the total row. Valid only during the callback */
    size_t statements[3];       /* statements by people, by sw_gender: [SW_GENDER_FEMALE] ... */
    size_t people[3];           /* distinct people quoted, by sw_gender */
    size_t other_statements;    /* statements that are not by a person */
} sw_gender_counts;

typedef int (*sw_gender_fn)(void *ctx, const sw_gender_counts *row);

/* Calls fn with the total row, then one row per source, sources with the most statements first
 * (ties by name). `opts` may be NULL; its genders and limit are ignored. A share is
 * statements[g] / (statements[0] + statements[1] + statements[2]) (no share when that is 0).
 * Errors as sw_store_list_speakers(). */
SW_API sw_status sw_store_gender_counts(sw_store *store, const sw_speaker_opts *opts,
                                        sw_gender_fn fn, void *ctx, sw_error *err);

/* Counts over the whole database. Dates are "" when there are no dated articles. (Who is quoted,
 * by gender: sw_store_gender_counts().) */
typedef struct sw_store_stats {
    int schema_version;
    size_t articles, statements, attributed; /* attributed: statements with a speaker */
    size_t entities, people, organizations, places;
    size_t mentions, aliases;
    size_t groups_shared;       /* quotations carried by two articles or more */
    size_t sources;             /* distinct sources */
    char first_date[16], last_date[16];
    int64_t file_bytes;         /* size of the database (page count x page size) */
} sw_store_stats;

SW_API sw_status sw_store_get_stats(sw_store *store, sw_store_stats *out, sw_error *err);

/* The canonical key of a name, as the store uses to merge entities across articles, written
 * NUL-terminated into buf (at most cap bytes; truncated keys still compare consistently).
 * Persons: "p:" + a phonetic key of the surname that survives transliteration (Zelensky,
 * Zelenskyy, Zelenskiy; Prigozhin, Prigojine) + "|" + a key of the first given name ("" for a bare
 * surname); organisations "o:", places "l:" + the keys of every word. Returns the key's length. */
SW_API size_t sw_name_key(const char *name, size_t len, sw_entity_type type, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif /* SAYWHO_H */
