/*
 * input.c -- the input loop every subcommand shares: files or stdin -> articles (commands.h).
 *
 * JSON Lines are streamed through one buffer that starts at 4 MB and only grows to hold the
 * longest line, so memory does not depend on the input's size. Lines are found with memchr; the
 * search resumes where it stopped when more bytes arrive, so a 50 MB line is scanned once.
 * A plain-text file is one article and is read whole.
 *
 * Every article gets an id that no other article of the run shares (commands.h): its own "id";
 * for a plain-text file, the file's path (paths.c); for a JSON Lines line without "id" and a
 * plain-text article on standard input, its content id (sw_article_content_id, the id the store
 * gives an article without one). Line numbers and base names are not ids: two files both have a
 * line 1, and a/story.txt and b/story.txt are two articles (issue 12).
 *
 * Interrupts: the loop stops between two articles once cli_interrupted is set (signals.c), and a
 * read that waits on a pipe returns with EINTR, so a stopped run never waits for more input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "commands.h"

#define INPUT_INITIAL_BUF (4u << 20)

typedef struct input_buf {
    char *data;
    size_t cap;
    size_t start, end; /* unconsumed bytes are data[start, end) */
    int eof;
} input_buf;

typedef struct input_loop {
    sw_reader *reader;
    input_buf buf;
    cli_article_fn fn;
    void *ctx;
    cli_input_stats *stats;
    int stopped;       /* fn asked to stop, or interrupted */
    int io_error;      /* some file could not be opened or read */
    const char *text_id; /* the id of a plain-text article of the current input ("": content id) */
} input_loop;

/* Standard input is "-" for the callback but "stdin" in messages, which people read. */
static const char *display_name(const char *file) { return strcmp(file, "-") == 0 ? "stdin" : file; }

static void report(const char *file, size_t line, size_t offset, const char *message)
{
    fprintf(stderr, "saywho: %s:%zu: byte %zu: %s\n", display_name(file), line, offset, message);
}

/* Reads more bytes after data[end], growing the buffer (or moving the unconsumed bytes to the
 * front) when it is full. Returns 0, or -1 on a read error or when out of memory (reported). */
static int fill(input_loop *L, int fd, const char *name)
{
    input_buf *b = &L->buf;
    if (b->end == b->cap) {
        if (b->start > 0) {
            memmove(b->data, b->data + b->start, b->end - b->start);
            b->end -= b->start;
            b->start = 0;
        } else {
            size_t cap = b->cap ? b->cap * 2 : INPUT_INITIAL_BUF;
            char *p = realloc(b->data, cap);
            if (!p) {
                fprintf(stderr, "saywho: %s: out of memory\n", display_name(name));
                return -1;
            }
            b->data = p;
            b->cap = cap;
        }
    }
    for (;;) {
        ssize_t n = read(fd, b->data + b->end, b->cap - b->end);
        if (n < 0 && errno == EINTR) {
            if (cli_interrupted) { /* a stop, not an error: the unread rest waits for the next run */
                L->stopped = 1;
                return -1;
            }
            continue;
        }
        if (n < 0) {
            fprintf(stderr, "saywho: %s: %s\n", display_name(name), strerror(errno));
            return -1;
        }
        if (n == 0) b->eof = 1;
        b->end += (size_t)n;
        L->stats->bytes_read += (size_t)n;
        return 0;
    }
}

/* Calls fn for one article; remembers a request to stop. An article without an id (or with an
 * empty one) gets its content id. */
static void deliver(input_loop *L, sw_article *a, const char *file, size_t line)
{
    char content_id[SW_CONTENT_ID_SIZE];
    if (!a->id.ptr || !a->id.len) {
        sw_article_content_id(a, content_id);
        a->id.ptr = content_id;
        a->id.len = strlen(content_id);
    }
    L->stats->articles++;
    if (L->fn(L->ctx, a, file, line) != 0 || cli_interrupted) L->stopped = 1;
}

/* One JSON Lines line (without its newline). `bom` is how many bytes of a byte-order mark were
 * cut from its front, so reported offsets count from the line's first byte in the file. */
static void handle_line(input_loop *L, const char *line, size_t len, size_t lineno, size_t bom,
                        const char *name)
{
    if (len && line[len - 1] == '\r') len--;
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
    if (i == len) return; /* empty lines are allowed and skipped */
    sw_article a;
    sw_error err;
    if (sw_reader_parse_json(L->reader, line, len, &a, &err) != SW_OK) {
        report(name, lineno, err.offset + bom, err.message);
        L->stats->rejected++;
        return;
    }
    deliver(L, &a, name, lineno);
}

/* Streams the JSON Lines of fd. The buffer may already hold the file's first bytes. */
static int read_jsonl(input_loop *L, int fd, const char *name)
{
    input_buf *b = &L->buf;
    size_t lineno = 1, scan = b->start, bom = 0;
    if (b->end - b->start >= 3 && memcmp(b->data + b->start, "\xEF\xBB\xBF", 3) == 0) {
        b->start += 3;
        scan = b->start;
        bom = 3;
    }
    while (!L->stopped && !cli_interrupted) {
        char *nl = memchr(b->data + scan, '\n', b->end - scan);
        if (nl) {
            size_t len = (size_t)(nl - (b->data + b->start));
            handle_line(L, b->data + b->start, len, lineno, bom, name);
            bom = 0;
            lineno++;
            b->start = scan = (size_t)(nl - b->data) + 1;
            continue;
        }
        if (b->eof) {
            if (b->end > b->start) /* a last line without a newline */
                handle_line(L, b->data + b->start, b->end - b->start, lineno, bom, name);
            b->start = b->end;
            break;
        }
        size_t scanned = b->end - b->start; /* no newline in these: do not search them again */
        if (fill(L, fd, name) < 0) return -1;
        scan = b->start + scanned;
    }
    return 0;
}

/* A plain-text file is one article: read it whole and check it. */
static int read_text(input_loop *L, int fd, const char *name)
{
    input_buf *b = &L->buf;
    while (!b->eof)
        if (fill(L, fd, name) < 0) return -1;
    const char *text = b->data + b->start;
    size_t len = b->end - b->start, bom = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
        bom = 3;
    }
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) i++;
    b->start = b->end;
    if (i == len) return 0; /* an empty file holds no article */
    sw_article a;
    sw_error err;
    if (sw_reader_parse_text(L->reader, text, len, &a, &err) != SW_OK) {
        /* Say where: the line of the bad byte and its offset within that line. */
        size_t at = err.offset, line = 1, line_start = 0;
        for (size_t k = 0; k < at && k < len; k++)
            if (text[k] == '\n') {
                line++;
                line_start = k + 1;
            }
        report(name, line, at - line_start + (line == 1 ? bom : 0), err.message);
        L->stats->rejected++;
        return 0;
    }
    a.id.ptr = L->text_id; /* "" (standard input): deliver() gives it its content id */
    a.id.len = strlen(L->text_id);
    deliver(L, &a, name, 0);
    return 0;
}

/* Reads one input (fd already open) in the given format, detecting it when SW_FORMAT_AUTO. */
static int read_input(input_loop *L, int fd, const char *name, sw_format fmt)
{
    input_buf *b = &L->buf;
    b->start = b->end = 0;
    b->eof = 0;
    if (!b->data) { /* a real buffer from the start: no NULL pointer ever reaches memchr */
        b->data = malloc(INPUT_INITIAL_BUF);
        if (!b->data) {
            fprintf(stderr, "saywho: %s: out of memory\n", display_name(name));
            return -1;
        }
        b->cap = INPUT_INITIAL_BUF;
    }
    if (fmt == SW_FORMAT_AUTO) {
        /* Read until the first significant byte (or a full buffer, or the end) to decide. */
        for (;;) {
            size_t i = b->start;
            if (b->end - i >= 3 && memcmp(b->data + i, "\xEF\xBB\xBF", 3) == 0) i += 3;
            while (i < b->end && (b->data[i] == ' ' || b->data[i] == '\t' || b->data[i] == '\r' ||
                                  b->data[i] == '\n'))
                i++;
            if (i < b->end || b->eof || (b->cap && b->end == b->cap)) break;
            if (fill(L, fd, name) < 0) return -1;
        }
        fmt = b->end > b->start ? sw_detect_format(b->data + b->start, b->end - b->start)
                                : SW_FORMAT_JSONL;
        if (b->end == b->cap && fmt == SW_FORMAT_TEXT) {
            /* a buffer of white space only: treat as (empty) JSON Lines */
            size_t i = b->start;
            while (i < b->end && (b->data[i] == ' ' || b->data[i] == '\t' || b->data[i] == '\r' ||
                                  b->data[i] == '\n'))
                i++;
            if (i == b->end) fmt = SW_FORMAT_JSONL;
        }
    }
    return fmt == SW_FORMAT_TEXT ? read_text(L, fd, name) : read_jsonl(L, fd, name);
}

int cli_for_each_article(char **files, int nfiles, sw_format fmt, cli_article_fn fn, void *ctx,
                         cli_input_stats *stats)
{
    static char *stdin_only[] = {"-"};
    cli_input_stats local;
    if (!stats) stats = &local;
    memset(stats, 0, sizeof *stats);
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    cli_input *inputs = NULL;
    size_t ninputs = 0;
    int expand_errors = 0;
    if (cli_expand_inputs(files, nfiles, &inputs, &ninputs, &expand_errors) < 0) return -1;
    for (size_t i = 0; i < ninputs; i++) {
        struct stat st;
        if (strcmp(inputs[i].path, "-") != 0 && stat(inputs[i].path, &st) == 0 && S_ISREG(st.st_mode))
            stats->bytes_total += (size_t)st.st_size;
    }

    input_loop L;
    memset(&L, 0, sizeof L);
    L.fn = fn;
    L.ctx = ctx;
    L.stats = stats;
    L.io_error = expand_errors > 0;
    L.reader = sw_reader_new(NULL);
    if (!L.reader) {
        fprintf(stderr, "saywho: out of memory\n");
        cli_inputs_free(inputs, ninputs);
        return -1;
    }
    for (size_t i = 0; i < ninputs && !L.stopped && !cli_interrupted; i++) {
        const char *name = inputs[i].path;
        L.text_id = inputs[i].text_id;
        int is_stdin = strcmp(name, "-") == 0;
        int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "saywho: %s: %s\n", name, strerror(errno));
            L.io_error = 1;
            continue;
        }
        if (read_input(&L, fd, name, fmt) < 0 && !L.stopped) L.io_error = 1;
        if (!is_stdin) close(fd);
        /* Give back the memory of an unusually long line or file before the next input. */
        if (L.buf.cap > INPUT_INITIAL_BUF) {
            free(L.buf.data);
            L.buf.data = NULL;
            L.buf.cap = 0;
        }
    }
    free(L.buf.data);
    sw_reader_free(L.reader);
    cli_inputs_free(inputs, ninputs);
    return L.io_error || L.stopped || cli_interrupted ? -1 : 0;
}
