/*
 * paths.c -- the inputs of a run: command-line arguments -> files to read, each with the id its
 * plain-text article gets (commands.h, cli_expand_inputs).
 *
 * Why ids come from paths: a plain-text file has no id of its own, and the id is what the store
 * uses to tell a new article from a changed one. The base name is not enough (a/story.txt and
 * b/story.txt are two articles; issue 12: the second silently replaced the first), and a
 * number would change from run to run. The path is unique among the files of a run and the same
 * when the same command runs again, which is what resuming an ingest needs:
 *  - a file named on the command line: the path as given, tidied ("./a//b.txt" -> "a/b.txt");
 *  - a file found in a directory named on the command line: the directory's own name (the last
 *    component of its real path, so "corpus", "corpus/", "./corpus" and "/data/corpus" agree)
 *    followed by the path inside it ("corpus/a/story.txt"), which is also what naming the file
 *    itself gives from the directory's parent;
 *  - standard input: no path; input.c gives its article its content id.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "commands.h"

/* A growing array of inputs. */
typedef struct input_list {
    cli_input *items;
    size_t n, cap;
} input_list;

static int push(input_list *l, char *path, char *text_id)
{
    if (!path || !text_id) {
        free(path);
        free(text_id);
        return -1;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        cli_input *p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            free(path);
            free(text_id);
            return -1;
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n].path = path;
    l->items[l->n].text_id = text_id;
    l->n++;
    return 0;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

/* a + "/" + b in new memory (no doubled slash when a ends with one; just b when a is ""). */
static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int slash = la > 0 && a[la - 1] != '/';
    char *p = malloc(la + (size_t)slash + lb + 1);
    if (!p) return NULL;
    memcpy(p, a, la);
    if (slash) p[la] = '/';
    memcpy(p + la + (size_t)slash, b, lb + 1);
    return p;
}

char *cli_tidy_path(const char *path)
{
    size_t n = strlen(path);
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    if (path[0] == '/') out[o++] = '/';
    while (i < n) {
        while (i < n && path[i] == '/') i++;
        size_t s = i;
        while (i < n && path[i] != '/') i++;
        size_t len = i - s;
        if (len == 0 || (len == 1 && path[s] == '.')) continue; /* "//" and "/./" */
        if (len == 2 && path[s] == '.' && path[s + 1] == '.') {
            /* "a/b/../c" is "a/c" (as a name: symbolic links are not looked at); "/.." is "/" */
            size_t start = o;
            while (start > 0 && out[start - 1] != '/') start--;
            int last_is_dotdot = o - start == 2 && out[start] == '.' && out[start + 1] == '.';
            if (o > start && !last_is_dotdot) {
                o = start > 1 ? start - 1 : start; /* drop the component and its slash */
                continue;
            }
            if (o == 1 && out[0] == '/') continue;
        }
        if (o > 0 && out[o - 1] != '/') out[o++] = '/';
        memcpy(out + o, path + s, len);
        o += len;
    }
    if (o == 0) out[o++] = '.'; /* "./" is "." */
    out[o] = 0;
    return out;
}

/* The name a directory's files carry in their ids: the last component of its real path ("" for
 * the root, or when the path cannot be resolved and names none). New memory, or NULL. */
static char *dir_name(const char *dir)
{
    char *real = realpath(dir, NULL);
    char *src = real ? real : cli_tidy_path(dir);
    if (!src) return NULL;
    size_t n = strlen(src);
    while (n > 1 && src[n - 1] == '/') n--;
    src[n] = 0;
    const char *slash = strrchr(src, '/');
    const char *last = slash ? slash + 1 : src;
    if (strcmp(last, ".") == 0 || strcmp(last, "..") == 0) last = "";
    char *name = dup_str(last);
    free(src);
    return name;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the regular files under `dir` (its path for opening), recursively, in byte order of their
 * names; `id_prefix` is what their ids start with. Names that begin with a dot are skipped (.git,
 * .DS_Store); symbolic links to directories are not followed (said on stderr: no loops), other
 * files that are not regular (sockets, devices) are said and skipped. Returns the number of files
 * added, or -1 when out of memory; a directory that cannot be read counts in *errors (reported). */
static long walk(input_list *l, const char *dir, const char *id_prefix, int depth, int *errors)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "saywho: %s: %s\n", dir, strerror(errno));
        (*errors)++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    long added = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            size_t c = cap ? cap * 2 : 32;
            char **p = realloc(names, c * sizeof *p);
            if (!p) goto oom;
            names = p;
            cap = c;
        }
        if (!(names[n] = dup_str(e->d_name))) goto oom;
        n++;
    }
    if (errno) {
        fprintf(stderr, "saywho: %s: %s\n", dir, strerror(errno));
        (*errors)++;
    }
    closedir(d);
    d = NULL;
    if (n > 1) qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]);
        char *id = id_prefix[0] ? join(id_prefix, names[i]) : dup_str(names[i]);
        if (!path || !id) {
            free(path);
            free(id);
            goto oom;
        }
        struct stat st, lst;
        if (stat(path, &st) != 0) {
            fprintf(stderr, "saywho: %s: %s\n", path, strerror(errno));
            (*errors)++;
            free(path);
            free(id);
        } else if (S_ISDIR(st.st_mode)) {
            if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
                fprintf(stderr, "saywho: %s: a symbolic link to a directory, not followed\n", path);
            } else if (depth >= 64) {
                fprintf(stderr, "saywho: %s: directories nested too deep, not read\n", path);
                (*errors)++;
            } else {
                long r = walk(l, path, id, depth + 1, errors);
                if (r < 0) {
                    free(path);
                    free(id);
                    goto oom;
                }
                added += r;
            }
            free(path);
            free(id);
        } else if (S_ISREG(st.st_mode)) {
            if (push(l, path, id) < 0) goto oom;
            added++;
        } else {
            fprintf(stderr, "saywho: %s: not a regular file, skipped\n", path);
            free(path);
            free(id);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return added;
oom:
    if (d) closedir(d);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return -1;
}

int cli_expand_inputs(char **args, int nargs, cli_input **out, size_t *count, int *errors)
{
    input_list l = {0};
    *out = NULL;
    *count = 0;
    for (int i = 0; i < nargs; i++) {
        const char *a = args[i];
        struct stat st;
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            char *prefix = dir_name(a);
            if (!prefix) goto oom;
            long r = walk(&l, a, prefix, 0, errors);
            free(prefix);
            if (r < 0) goto oom;
            if (r == 0) {
                fprintf(stderr, "saywho: %s: no files to read in this directory\n", a);
                (*errors)++;
            }
            continue;
        }
        /* a file, standard input, or a path that does not exist (reported when it is opened) */
        if (push(&l, dup_str(a), strcmp(a, "-") == 0 ? dup_str("") : cli_tidy_path(a)) < 0) goto oom;
    }
    *out = l.items;
    *count = l.n;
    return 0;
oom:
    fprintf(stderr, "saywho: out of memory\n");
    cli_inputs_free(l.items, l.n);
    return -1;
}

void cli_inputs_free(cli_input *inputs, size_t n)
{
    if (!inputs) return;
    for (size_t i = 0; i < n; i++) {
        free(inputs[i].path);
        free(inputs[i].text_id);
    }
    free(inputs);
}
