/*
 * options.c -- the option parser of every command (options.h): a command's table of options
 * becomes getopt_long's tables, its --help text and its usage errors.
 *
 * getopt_long runs with "-:" at the head of its short options: positional arguments come back in
 * order as they appear (so the order does not depend on POSIXLY_CORRECT) and a missing value is
 * told apart from an unknown option. Its own messages are off (opterr = 0): ours say what was
 * wrong in the command's words and suggest the option that was probably meant.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"

#define LONG_BASE 256 /* getopt_long's val of table entry i is LONG_BASE + i */
#define HELP_INDEX (-1)

const cli_command *cli_find_command(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "saywho %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'saywho %s --help'.\n", cmd);
    va_end(ap);
    return SW_EXIT_USAGE;
}

/* ---- did you mean ------------------------------------------------------------------------- */

size_t cli_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return n > m ? n : m; /* nobody misspells a 64-letter option */
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m];
}

const char *cli_did_you_mean(const char *word, const char *const *candidates)
{
    size_t len = strlen(word);
    if (!len) return NULL;
    const char *best = NULL, *prefix_of = NULL;
    size_t best_d = (size_t)-1;
    int prefixes = 0;
    for (const char *const *c = candidates; *c; c++) {
        size_t d = cli_edit_distance(word, *c);
        if (d < best_d) {
            best_d = d;
            best = *c;
        }
        if (strncmp(*c, word, len) == 0) {
            prefixes++;
            prefix_of = *c;
        }
    }
    size_t allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    if (best && best_d <= allowed && best_d < len) return best;
    if (prefixes == 1) return prefix_of;
    return NULL;
}

/* ---- help --------------------------------------------------------------------------------- */

/* Prints text with every line after the first indented by `indent` spaces. */
static void print_indented(FILE *f, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        fputc(*p, f);
        if (*p == '\n' && p[1]) fprintf(f, "%*s", indent, "");
    }
    fputc('\n', f);
}

void cli_print_help(const cli_command *cmd, FILE *f)
{
    enum { LEFT = 24 };
    fprintf(f, "usage: saywho %s %s\n\n", cmd->name, cmd->synopsis);
    if (cmd->description) fprintf(f, "%s\n", cmd->description);
    fputs("Options (a long option's value follows '=' or is the next argument):\n", f);
    for (const cli_option *o = cmd->options; o && o->name; o++) {
        if (o->flags & CLI_HIDDEN) continue;
        char left[96];
        int n;
        if (o->short_name)
            n = snprintf(left, sizeof left, "  -%c, --%s%s%s", o->short_name, o->name,
                         o->value_name ? " " : "", o->value_name ? o->value_name : "");
        else
            n = snprintf(left, sizeof left, "      --%s%s%s", o->name, o->value_name ? " " : "",
                         o->value_name ? o->value_name : "");
        if (n < LEFT - 1) fprintf(f, "%-*s", LEFT, left);
        else fprintf(f, "%s\n%*s", left, LEFT, "");
        if (o->help_prefix) {
            o->help_prefix(f);
            fprintf(f, "\n%*s", LEFT, "");
        }
        print_indented(f, o->help, LEFT);
    }
    fprintf(f, "%-*s%s\n", LEFT, "  -h, --help", "show this help and exit");
    if (cmd->epilog) fprintf(f, "\n%s", cmd->epilog);
    fputs("\nExit status: 0 all fine, 1 some input rejected (each reported on stderr), 2 a usage\n"
          "error (a message says what was wrong) or an I/O error.\n",
          f);
}

/* ---- parsing ------------------------------------------------------------------------------ */

static size_t option_count(const cli_command *cmd)
{
    size_t n = 0;
    while (cmd->options && cmd->options[n].name) n++;
    return n;
}

/* The option's name as the user would type it: "--limit" (or "-n" when that is what was typed). */
static const char *typed_name(const cli_option *o, int was_short, char *buf, size_t cap)
{
    if (was_short) snprintf(buf, cap, "-%c", o->short_name);
    else snprintf(buf, cap, "--%s", o->name);
    return buf;
}

static int parse_number(const char *s, size_t *out)
{
    if (!*s) return 0;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9') return 0;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return 0;
    *out = (size_t)v;
    return 1;
}

/* Whether `value` is one of the '|'-separated words of `choices`. */
static int is_choice(const char *choices, const char *value)
{
    size_t len = strlen(value);
    for (const char *p = choices; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, value, n) == 0) return 1;
        p += n + (bar ? 1 : 0);
    }
    return 0;
}

/* Stores the value of option `o` in args; prints the error and returns -1 when it is wrong. */
static int set_value(cli_args *args, const cli_option *o, const char *value, int was_short)
{
    char name[64];
    char *field = (char *)args + o->field;
    switch (o->type) {
    case CLI_FLAG: *(int *)(void *)field = 1; return 0;
    case CLI_STRING: *(const char **)(void *)field = value; return 0;
    case CLI_COUNT:
    case CLI_POSITIVE: {
        size_t v;
        if (!parse_number(value, &v) || (o->type == CLI_POSITIVE && v == 0)) {
            cli_usage_error(args->command, "%s needs a %snumber, not '%s'",
                            typed_name(o, was_short, name, sizeof name),
                            o->type == CLI_POSITIVE ? "positive " : "", value);
            return -1;
        }
        *(size_t *)(void *)field = v;
        return 0;
    }
    case CLI_CHOICE: {
        if (is_choice(o->choices, value)) {
            *(const char **)(void *)field = value;
            return 0;
        }
        /* "table|json|jsonl" -> "table, json or jsonl", and a suggestion */
        char list[160], words[160];
        const char *cand[16];
        size_t nc = 0, used = 0;
        snprintf(words, sizeof words, "%s", o->choices);
        for (char *w = strtok(words, "|"); w && nc < 15; w = strtok(NULL, "|")) cand[nc++] = w;
        cand[nc] = NULL;
        for (size_t i = 0; i < nc && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     i == 0 ? "" : i + 1 == nc ? " or " : ", ", cand[i]);
        const char *guess = cli_did_you_mean(value, cand);
        typed_name(o, was_short, name, sizeof name);
        if (guess)
            cli_usage_error(args->command, "%s must be %s, not '%s'; did you mean '%s'?", name, list,
                            value, guess);
        else
            cli_usage_error(args->command, "%s must be %s, not '%s'", name, list, value);
        return -1;
    }
    case CLI_CALL: return o->call(args, o, value);
    }
    return -1;
}

/* The message for an unknown or ambiguous long option `arg` ("--foo" or "--foo=bar"). */
static void unknown_long(const cli_command *cmd, const char *arg)
{
    const char *name = strncmp(arg, "--", 2) == 0 ? arg + 2 : arg;
    size_t len = strcspn(name, "=");
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), name);
    size_t n = option_count(cmd);
    /* getopt_long takes an unambiguous prefix (--lim for --limit); several matches are ambiguous */
    char matches[256] = "";
    size_t used = 0;
    int nmatch = 0;
    for (size_t i = 0; i < n; i++) {
        const cli_option *o = &cmd->options[i];
        if (len && strncmp(o->name, word, len) == 0 && !(o->flags & CLI_HIDDEN)) {
            nmatch++;
            if (used < sizeof matches)
                used += (size_t)snprintf(matches + used, sizeof matches - used, "%s--%s",
                                         nmatch > 1 ? ", " : "", o->name);
        }
    }
    if (nmatch > 1) {
        cli_usage_error(cmd->name, "option --%s is ambiguous: %s", word, matches);
        return;
    }
    const char **cand = calloc(n + 2, sizeof *cand);
    const char *guess = NULL;
    if (cand) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++) cand[k++] = cmd->options[i].name;
        cand[k++] = "help";
        cand[k] = NULL;
        guess = cli_did_you_mean(word, cand);
    }
    if (guess) cli_usage_error(cmd->name, "unknown option --%s; did you mean --%s?", word, guess);
    else cli_usage_error(cmd->name, "unknown option --%s", word);
    free(cand);
}

void cli_args_init(cli_args *args, const cli_command *cmd)
{
    memset(args, 0, sizeof *args);
    args->command = cmd->name;
    args->output = cmd->default_output;
    args->input_format = "auto";
}

void cli_args_free(cli_args *args)
{
    free(args->positional);
    args->positional = NULL;
    args->n_positional = 0;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *args)
{
    size_t n = option_count(cmd);
    struct option *longs = calloc(n + 2, sizeof *longs);
    char *shorts = malloc(3 * n + 8);
    args->positional = calloc((size_t)argc + 1, sizeof *args->positional);
    args->n_positional = 0;
    if (!longs || !shorts || !args->positional) {
        free(longs);
        free(shorts);
        fprintf(stderr, "saywho: out of memory\n");
        return SW_EXIT_USAGE;
    }
    size_t s = 0;
    shorts[s++] = '-'; /* positional arguments come back in order, as option 1 */
    shorts[s++] = ':'; /* a missing value is ':', an unknown option '?'; no messages of getopt's */
    for (size_t i = 0; i < n; i++) {
        const cli_option *o = &cmd->options[i];
        int takes = o->value_name != NULL;
        longs[i].name = o->name;
        longs[i].has_arg = takes ? required_argument : no_argument;
        longs[i].flag = NULL;
        longs[i].val = LONG_BASE + (int)i;
        if (o->short_name) {
            shorts[s++] = o->short_name;
            if (takes) shorts[s++] = ':';
        }
    }
    longs[n].name = "help";
    longs[n].has_arg = no_argument;
    longs[n].val = 'h';
    shorts[s++] = 'h';
    shorts[s] = 0;

    int status = -1;
    opterr = 0;
    optind = 0; /* 0: glibc starts afresh */
    for (;;) {
        int c = getopt_long(argc, argv, shorts, longs, NULL);
        if (c == -1) break;
        const cli_option *o = NULL;
        int was_short = 0;
        if (c == 1) {
            args->positional[args->n_positional++] = optarg;
            continue;
        }
        if (c == 'h') {
            args->help = 1;
            continue;
        }
        if (c == '?') {
            const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
            if (optopt == 0) {
                unknown_long(cmd, arg);
            } else if (optopt >= LONG_BASE) {
                o = &cmd->options[optopt - LONG_BASE];
                cli_usage_error(cmd->name, "option --%s takes no value (in '%s')", o->name, arg);
            } else {
                cli_usage_error(cmd->name, "unknown option -%c", optopt);
            }
            status = SW_EXIT_USAGE;
            break;
        }
        if (c == ':') {
            char name[64];
            if (optopt >= LONG_BASE) o = &cmd->options[optopt - LONG_BASE];
            else
                for (size_t i = 0; i < n; i++)
                    if (cmd->options[i].short_name == optopt) o = &cmd->options[i], was_short = 1;
            if (o)
                cli_usage_error(cmd->name, "option %s needs a value (%s)",
                                typed_name(o, was_short, name, sizeof name), o->value_name);
            else cli_usage_error(cmd->name, "an option needs a value");
            status = SW_EXIT_USAGE;
            break;
        }
        if (c >= LONG_BASE) {
            o = &cmd->options[c - LONG_BASE];
        } else {
            for (size_t i = 0; i < n && !o; i++)
                if (cmd->options[i].short_name == c) o = &cmd->options[i];
            was_short = 1;
        }
        if (!o) { /* cannot happen: getopt_long returns only what the tables hold */
            status = cli_usage_error(cmd->name, "unknown option");
            break;
        }
        if (set_value(args, o, o->value_name ? optarg : NULL, was_short) != 0) {
            status = SW_EXIT_USAGE;
            break;
        }
    }
    if (status < 0) /* after "--": the rest are positional arguments */
        for (int i = optind; i < argc; i++) args->positional[args->n_positional++] = argv[i];
    free(longs);
    free(shorts);
    if (status >= 0) return status;

    if (args->help) {
        cli_print_help(cmd, stdout);
        return cli_stdout_check() == 0 ? SW_EXIT_OK : SW_EXIT_USAGE;
    }
    for (int i = 0; i < 4 && cmd->positional[i]; i++)
        if (args->n_positional <= i)
            return cli_usage_error(cmd->name, "missing %s argument", cmd->positional[i]);
    if (cmd->max_positional >= 0 && args->n_positional > cmd->max_positional)
        return cli_usage_error(cmd->name, "unexpected argument '%s'%s",
                               args->positional[cmd->max_positional],
                               cmd->max_positional && strcmp(cmd->name, "search") == 0
                                   ? " (put a query of several words in quotation marks)" : "");
    for (size_t i = 0; i < n; i++) {
        const cli_option *o = &cmd->options[i];
        if (!(o->flags & CLI_REQUIRED)) continue;
        const char *v = *(const char **)(void *)((char *)args + o->field);
        if (!v) return cli_usage_error(cmd->name, "missing --%s %s", o->name, o->value_name);
    }
    return -1;
}

cli_output cli_output_of(const cli_args *args)
{
    const char *o = args->output ? args->output : "table";
    if (strcmp(o, "json") == 0) return CLI_OUT_JSON;
    if (strcmp(o, "jsonl") == 0) return CLI_OUT_JSONL;
    if (strcmp(o, "csv") == 0) return CLI_OUT_CSV;
    if (strcmp(o, "tsv") == 0) return CLI_OUT_TSV;
    return CLI_OUT_TABLE;
}
