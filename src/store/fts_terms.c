/*
 * fts_terms.c -- the search query people write, made into the FTS5 query the store runs (see
 * fts_terms.h for the rules).
 *
 * Two steps: a lexer cuts the query into tokens (operators, parentheses, phrases, terms, and the
 * marks * ^ + : , - { } where FTS5 gives them a meaning), then a recursive-descent parser checks
 * the order of the tokens against FTS5's grammar (sqlite/ext/fts5/fts5parse.y, which is where its
 * own "syntax error" comes from) while writing them out, each term quoted when FTS5 would not take
 * it bare. Every error carries the byte offset of the token it is about.
 */
#include <string.h>
#include "arena.h"
#include "store/fts_terms.h"

typedef enum tok_kind {
    T_END = 0,
    T_TERM,    /* a bare term (needs_quotes: it holds a byte FTS5 does not take bare) */
    T_STRING,  /* "a phrase", the marks included */
    T_LP, T_RP, T_LB, T_RB,
    T_AND, T_OR, T_NOT,
    T_NEAR,    /* NEAR right before a '(' */
    T_COLNAME, /* a column's name before ':' or inside { } */
    T_COLON, T_MINUS, T_PLUS, T_STAR, T_CARET, T_COMMA
} tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t start, len;   /* bytes of the query */
    int needs_quotes;
} tok;

typedef struct rw {
    const sw_allocator *alloc;
    const char *q;
    size_t len;
    const char *const *columns;
    tok *toks;
    size_t n, cap, pos;
    char *out;
    size_t out_len, out_cap;
    int nomem;
    sw_error *err;
    int failed;
    size_t brace_at; /* the last '{' */
} rw;

/* ---- output -------------------------------------------------------------------------------- */

static void put(rw *r, const char *s, size_t n)
{
    if (r->nomem) return;
    if (r->out_len + n + 1 > r->out_cap) {
        size_t cap = r->out_cap ? r->out_cap : 64;
        while (cap < r->out_len + n + 1) cap *= 2;
        char *g = sw_mem_realloc(r->alloc, r->out, cap);
        if (!g) {
            r->nomem = 1;
            return;
        }
        r->out = g;
        r->out_cap = cap;
    }
    memcpy(r->out + r->out_len, s, n);
    r->out_len += n;
    r->out[r->out_len] = 0;
}

static void put_str(rw *r, const char *s) { put(r, s, strlen(s)); }

/* Writes a token's bytes after a space (none at the start or after an opening mark). */
static void put_tok(rw *r, const tok *t)
{
    if (r->out_len && r->out[r->out_len - 1] != '(' && r->out[r->out_len - 1] != '^' &&
        r->out[r->out_len - 1] != '{' && r->out[r->out_len - 1] != ':')
        put_str(r, " ");
    if (t->kind == T_TERM && t->needs_quotes) {
        put_str(r, "\"");
        put(r, r->q + t->start, t->len);
        put_str(r, "\"");
    } else {
        put(r, r->q + t->start, t->len);
    }
}

/* ---- lexer --------------------------------------------------------------------------------- */

static int fail(rw *r, size_t offset, const char *message)
{
    if (!r->failed) {
        r->failed = 1;
        if (r->err) {
            r->err->code = SW_ERR_QUERY;
            r->err->message = message;
            r->err->offset = offset;
        }
    }
    return -1;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* A byte FTS5 takes in a bare word (fts5_expr.c, sqlite3Fts5IsBareword). */
static int is_bare(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           c == '_' || c == 0x1A;
}

static int is_letter(unsigned char c) { return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Bytes that end a run of a term whatever comes before them. */
static int is_break(unsigned char c) { return is_space(c) || c == '"' || c == '(' || c == ')' || c == '{' || c == '}'; }

static int add(rw *r, tok_kind kind, size_t start, size_t len)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        tok *g = sw_mem_realloc(r->alloc, r->toks, cap * sizeof *g);
        if (!g) {
            r->nomem = 1;
            return -1;
        }
        r->toks = g;
        r->cap = cap;
    }
    tok *t = &r->toks[r->n++];
    t->kind = kind;
    t->start = start;
    t->len = len;
    t->needs_quotes = 0;
    if (kind == T_TERM) {
        for (size_t i = 0; i < len; i++)
            if (!is_bare((unsigned char)r->q[start + i])) t->needs_quotes = 1;
        /* an operator's name as a term (AND* is a prefix search for "and"): quoted, or FTS5 would
         * read the operator */
        static const char *const ops[] = {"AND", "OR", "NOT", "NEAR"};
        for (size_t i = 0; i < 4; i++)
            if (strlen(ops[i]) == len && memcmp(r->q + start, ops[i], len) == 0) t->needs_quotes = 1;
    }
    return 0;
}

static int is_column(const rw *r, size_t start, size_t len)
{
    for (const char *const *c = r->columns; c && *c; c++) {
        if (strlen(*c) != len) continue;
        size_t i = 0;
        while (i < len && ((unsigned char)(*c)[i] | 0x20) == ((unsigned char)r->q[start + i] | 0x20)) i++;
        if (i == len) return 1;
    }
    return 0;
}

static int same(const rw *r, size_t start, size_t len, const char *word)
{
    return strlen(word) == len && memcmp(r->q + start, word, len) == 0;
}

/* The length of a word of letters, digits and '_' that begins with a letter at s, 0 when none. */
static size_t name_len(const rw *r, size_t s, size_t e)
{
    if (s >= e || !is_letter((unsigned char)r->q[s])) return 0;
    size_t i = s;
    while (i < e && is_bare((unsigned char)r->q[i])) i++;
    return i - s;
}

/* One run of bytes between breaks, [s, e). */
static int lex_run(rw *r, size_t s, size_t e, int in_near, int in_braces)
{
    size_t n = e - s;
    if (in_braces) { /* column names */
        if (memchr(r->q + s, ':', n)) return fail(r, r->brace_at, "'{' must list column names and be closed: {text}:word");
        if (!is_column(r, s, n))
            return fail(r, s, "unknown column in { } (the statements have one column: text)");
        return add(r, T_COLNAME, s, n);
    }
    if (same(r, s, n, "AND")) return add(r, T_AND, s, n);
    if (same(r, s, n, "OR")) return add(r, T_OR, s, n);
    if (same(r, s, n, "NOT")) return add(r, T_NOT, s, n);
    if (same(r, s, n, "NEAR")) {
        size_t i = e;
        while (i < r->len && is_space((unsigned char)r->q[i])) i++;
        if (i < r->len && r->q[i] == '(') return add(r, T_NEAR, s, n);
    }
    if (is_column(r, s, n) && !in_near) { /* text :word */
        size_t i = e;
        while (i < r->len && is_space((unsigned char)r->q[i])) i++;
        if (i < r->len && r->q[i] == ':') return add(r, T_COLNAME, s, n);
    }
    if (n == 1) {
        static const char marks[] = "+*^:-,";
        static const tok_kind kinds[] = {T_PLUS, T_STAR, T_CARET, T_COLON, T_MINUS, T_COMMA};
        const char *m = memchr(marks, r->q[s], sizeof marks - 1);
        if (m && (r->q[s] != ',' || in_near)) return add(r, kinds[m - marks], s, 1);
    }
    if (r->q[s] == '^') {
        if (add(r, T_CARET, s, 1)) return -1;
        return lex_run(r, s + 1, e, in_near, 0);
    }
    if (r->q[s] == ':') {
        if (add(r, T_COLON, s, 1)) return -1;
        return s + 1 < e ? lex_run(r, s + 1, e, in_near, 0) : 0;
    }
    if (r->q[s] == '-' && n > 1 && is_letter((unsigned char)r->q[s + 1]) && !in_near &&
        !(name_len(r, s + 1, e) && s + 1 + name_len(r, s + 1, e) < e && r->q[s + 1 + name_len(r, s + 1, e)] == ':'))
        return fail(r, s, "'-' does not leave a word out: use NOT (ferry NOT strike)");
    /* NAME: a column filter (-NAME: excludes the column) */
    size_t from = s + (r->q[s] == '-');
    size_t nl = name_len(r, from, e);
    if (nl && from + nl < e && r->q[from + nl] == ':') {
        if (!is_column(r, from, nl))
            return fail(r, from, "unknown column before ':' (the statements have one column: text; "
                                 "quote the words to search for them: \"9:30\")");
        if (from > s && add(r, T_MINUS, s, 1)) return -1;
        if (add(r, T_COLNAME, from, nl) || add(r, T_COLON, from + nl, 1)) return -1;
        return from + nl + 1 < e ? lex_run(r, from + nl + 1, e, in_near, 0) : 0;
    }
    /* inside NEAR( ), a comma ends the phrases: NEAR(a b, 5) */
    if (in_near) {
        const char *comma = memchr(r->q + s, ',', n);
        if (comma) {
            size_t c = (size_t)(comma - r->q);
            if (c > s && lex_run(r, s, c, in_near, 0)) return -1;
            if (add(r, T_COMMA, c, 1)) return -1;
            return c + 1 < e ? lex_run(r, c + 1, e, in_near, 0) : 0;
        }
    }
    int star = n > 1 && r->q[e - 1] == '*';
    if (add(r, T_TERM, s, n - (size_t)star)) return -1;
    return star ? add(r, T_STAR, e - 1, 1) : 0;
}

static int lex(rw *r)
{
    size_t i = 0;
    int near_depth = -1, depth = 0, in_braces = 0;
    while (i < r->len) {
        unsigned char c = (unsigned char)r->q[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '"') {
            size_t j = i + 1;
            for (;;) {
                if (j >= r->len) return fail(r, i, "a quotation mark is not closed");
                if (r->q[j] == '"') {
                    if (j + 1 < r->len && r->q[j + 1] == '"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j++;
            }
            if (add(r, T_STRING, i, j + 1 - i)) return -1;
            i = j + 1;
            continue;
        }
        if (c == '(' || c == ')' || c == '{' || c == '}') {
            tok_kind k = c == '(' ? T_LP : c == ')' ? T_RP : c == '{' ? T_LB : T_RB;
            if (add(r, k, i, 1)) return -1;
            if (c == '(') {
                if (r->n >= 2 && r->toks[r->n - 2].kind == T_NEAR) near_depth = depth;
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == near_depth) near_depth = -1;
            } else {
                in_braces = c == '{';
                if (in_braces) r->brace_at = i;
            }
            i++;
            continue;
        }
        size_t e = i;
        while (e < r->len && !is_break((unsigned char)r->q[e])) e++;
        if (lex_run(r, i, e, near_depth >= 0 && depth == near_depth + 1, in_braces)) return -1;
        i = e;
    }
    return add(r, T_END, r->len, 0);
}

/* ---- parser -------------------------------------------------------------------------------- */

static const tok *peek(const rw *r) { return &r->toks[r->pos]; }

static int expr(rw *r);

/* item := (TERM | STRING) [*] */
static int item(rw *r)
{
    const tok *t = peek(r);
    if (t->kind == T_STAR) return fail(r, t->start, "'*' must follow a word (a prefix search: vaccin*)");
    if (t->kind == T_PLUS) return fail(r, t->start, "'+' must join two words or phrases");
    if (t->kind != T_TERM && t->kind != T_STRING)
        return fail(r, t->start, t->kind == T_END ? "the query ends where a word or a phrase is needed"
                                                  : "a word or a phrase is needed here");
    put_tok(r, t);
    r->pos++;
    if (peek(r)->kind == T_STAR) {
        put_str(r, "*");
        r->pos++;
    }
    return 0;
}

/* phrase := item (+ item)* */
static int phrase(rw *r)
{
    if (item(r)) return -1;
    while (peek(r)->kind == T_PLUS) {
        put_tok(r, peek(r));
        r->pos++;
        if (item(r)) return -1;
    }
    return 0;
}

/* nearset := NEAR ( phrase+ [, N] ) | ^ phrase | phrase */
static int nearset(rw *r)
{
    const tok *t = peek(r);
    if (t->kind == T_CARET) {
        if (r->out_len && r->out[r->out_len - 1] != '(') put_str(r, " ");
        put_str(r, "^");
        r->pos++;
        t = peek(r);
        if (t->kind != T_TERM && t->kind != T_STRING)
            return fail(r, t->start, "'^' must come right before a word or a phrase (^word: the first word of the text)");
        return phrase(r);
    }
    if (t->kind == T_NEAR) {
        size_t near_at = t->start;
        put_tok(r, t);
        r->pos++;
        put_str(r, "("); /* the T_LP the lexer saw after NEAR */
        r->pos++;
        int phrases = 0;
        while (peek(r)->kind == T_TERM || peek(r)->kind == T_STRING) {
            if (phrase(r)) return -1;
            phrases++;
        }
        if (!phrases)
            return fail(r, peek(r)->kind == T_END ? r->toks[r->pos - 1].start : peek(r)->start,
                        "NEAR( ) needs words or phrases: NEAR(ferry strike, 5)");
        if (peek(r)->kind == T_COMMA) {
            put_str(r, ",");
            r->pos++;
            t = peek(r);
            int digits = t->kind == T_TERM && t->len > 0;
            for (size_t i = 0; digits && i < t->len; i++)
                if (r->q[t->start + i] < '0' || r->q[t->start + i] > '9') digits = 0;
            if (!digits) return fail(r, t->start, "the distance of NEAR( , N) must be a number");
            put_tok(r, t);
            r->pos++;
        }
        t = peek(r);
        if (t->kind != T_RP)
            return fail(r, t->kind == T_END ? near_at : t->start,
                        t->kind == T_END ? "NEAR( is not closed"
                                         : "NEAR( ) holds only words, phrases and ', N' (no operators, "
                                           "parentheses or column filters)");
        put_str(r, ")");
        r->pos++;
        return 0;
    }
    return phrase(r);
}

/* colset := [-] (COLNAME | { COLNAME+ }) ; the ':' is the caller's */
static int colset(rw *r)
{
    const tok *t = peek(r);
    size_t minus_at = t->start;
    if (t->kind == T_MINUS) {
        put_tok(r, t);
        r->pos++;
        t = peek(r);
        if (t->kind != T_COLNAME && t->kind != T_LB)
            return fail(r, minus_at, "'-' excludes a column (-text:word), not a word: use NOT (ferry NOT strike)");
    }
    if (t->kind == T_COLNAME) {
        put_tok(r, t);
        r->pos++;
        return 0;
    }
    if (t->kind != T_LB)
        return fail(r, t->start, "'-' excludes a column (-text:word), not a word: use NOT (ferry NOT strike)");
    size_t at = t->start;
    put_tok(r, t);
    r->pos++;
    int names = 0;
    while (peek(r)->kind == T_COLNAME) {
        put_tok(r, peek(r));
        r->pos++;
        names++;
    }
    if (peek(r)->kind != T_RB || !names)
        return fail(r, peek(r)->kind == T_END ? at : peek(r)->start,
                    "'{' must list column names and be closed: {text}:word");
    put_str(r, "}");
    r->pos++;
    return 0;
}

/* A group in parentheses; writes it and sets *group. */
static int group(rw *r)
{
    const tok *open = peek(r);
    size_t open_at = open->start;
    put_tok(r, open);
    r->pos++;
    if (peek(r)->kind == T_RP) return fail(r, open_at, "empty parentheses");
    if (expr(r)) return -1;
    if (peek(r)->kind != T_RP) {
        if (peek(r)->kind == T_END) return fail(r, open_at, "a parenthesis is not closed");
        return fail(r, peek(r)->start, "a parenthesis is not closed before this");
    }
    put_str(r, ")");
    r->pos++;
    return 0;
}

/* operand := ( expr ) | colset : ( ( expr ) | nearset ) | nearset; *is_group: the operand is (or
 * ends in) a parenthesised group, which FTS5 does not AND implicitly. */
static int operand(rw *r, int *is_group)
{
    const tok *t = peek(r);
    *is_group = 0;
    if (t->kind == T_LP) {
        *is_group = 1;
        return group(r);
    }
    if (t->kind == T_COLNAME || t->kind == T_MINUS || t->kind == T_LB) {
        if (colset(r)) return -1;
        t = peek(r);
        if (t->kind != T_COLON) return fail(r, t->start, "a column filter needs ':' after the column: text:word");
        put_str(r, ":");
        r->pos++;
        if (peek(r)->kind == T_LP) {
            *is_group = 1;
            return group(r);
        }
        return nearset(r);
    }
    if (t->kind == T_RP) return fail(r, t->start, "a closing parenthesis has no opening one");
    if (t->kind == T_AND || t->kind == T_OR || t->kind == T_NOT)
        return fail(r, t->start, r->pos == 0 && t->kind == T_NOT
                                     ? "NOT needs a term before it (NOT means AND NOT: ferry NOT strike)"
                                     : "AND, OR and NOT need a term on each side");
    if (t->kind == T_COLON) return fail(r, t->start, "':' must follow a column name: text:word");
    if (t->kind == T_RB) return fail(r, t->start, "'}' has no '{'");
    if (t->kind == T_COMMA) return fail(r, t->start, "',' belongs inside NEAR( , N)");
    return nearset(r);
}

/* Does a column filter of a parenthesised group start here (text:(a OR b))? */
static int filters_group(const rw *r)
{
    tok_kind k = r->toks[r->pos].kind;
    if (k != T_COLNAME && k != T_MINUS && k != T_LB) return 0;
    size_t i = r->pos;
    while (i < r->n && r->toks[i].kind != T_COLON && r->toks[i].kind != T_END) i++;
    return i + 1 < r->n && r->toks[i].kind == T_COLON && r->toks[i + 1].kind == T_LP;
}

/* expr := operand ((AND | OR | NOT)? operand)* */
static int expr(rw *r)
{
    int prev_group;
    if (operand(r, &prev_group)) return -1;
    for (;;) {
        const tok *t = peek(r);
        if (t->kind == T_END || t->kind == T_RP) return 0;
        int this_group;
        if (t->kind == T_AND || t->kind == T_OR || t->kind == T_NOT) {
            put_tok(r, t);
            r->pos++;
            t = peek(r);
            if (t->kind == T_END || t->kind == T_RP || t->kind == T_AND || t->kind == T_OR || t->kind == T_NOT)
                return fail(r, r->toks[r->pos - 1].start, "AND, OR and NOT need a term on each side");
        } else if (prev_group || t->kind == T_LP || filters_group(r)) {
            put_str(r, " AND"); /* FTS5 ANDs only phrases implicitly, not groups */
        }
        if (operand(r, &this_group)) return -1;
        prev_group = this_group;
    }
}

sw_status sw_fts_rewrite(const sw_allocator *alloc, const char *query, size_t len,
                         const char *const *columns, char **out, sw_error *err)
{
    rw r;
    memset(&r, 0, sizeof r);
    r.alloc = alloc;
    r.q = query;
    r.len = query ? len : 0;
    r.columns = columns;
    r.err = err;
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    int rc = lex(&r);
    if (rc == 0 && !r.nomem) {
        put(&r, "", 0);
        if (r.toks[0].kind != T_END) {
            rc = expr(&r);
            if (rc == 0 && peek(&r)->kind == T_RP)
                rc = fail(&r, peek(&r)->start, "a closing parenthesis has no opening one");
        }
    }
    sw_mem_free(alloc, r.toks);
    if (r.nomem) {
        sw_mem_free(alloc, r.out);
        if (err) {
            err->code = SW_ERR_NOMEM;
            err->message = "out of memory";
        }
        return SW_ERR_NOMEM;
    }
    if (rc != 0) {
        sw_mem_free(alloc, r.out);
        return SW_ERR_QUERY;
    }
    *out = r.out;
    return SW_OK;
}
