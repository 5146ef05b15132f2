/*
 * options.h -- the one option parser every saywho command uses (getopt_long underneath).
 *
 * A command is described by a cli_command: its name, synopsis, description, positional arguments
 * and a table of cli_option entries. From that one description come the parser (long options with
 * "--opt=value" or "--opt value", short options "-o value" / "-ovalue", "--" ends the options,
 * options and positional arguments in any order), the usage errors (what was wrong, "did you mean"
 * for a misspelt option, exit status 2) and the --help text that `saywho CMD --help` and `saywho
 * help CMD` print. Parsed values land in one cli_args struct shared by all commands.
 *
 * Adding an option to a command is one entry in its table (cli/specs.c), plus the field of
 * cli_args it fills when no existing field fits:
 *
 *     {"source", 0, CLI_STRING, CLI_FIELD(source), "NAME", NULL, "only articles of this source", 0, NULL, NULL},
 *
 * The command then reads args->source. CLI_CALL entries run a function on the value, for options
 * whose value needs checking or converting in a way the other types do not cover (--since and
 * --until: a date of the calendar; --gender: a list of genders).
 */
#ifndef SW_CLI_OPTIONS_H
#define SW_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>
#include "saywho.h"

/* The output formats of --output; a command's table lists which of them it supports. */
typedef enum cli_output {
    CLI_OUT_TABLE = 0, /* for people: columns that fit the terminal */
    CLI_OUT_JSON,      /* one JSON document (an array of objects; stats: one object) */
    CLI_OUT_JSONL,     /* one JSON object per line (JSON Lines) */
    CLI_OUT_CSV,       /* RFC 4180: a header line, fields quoted when needed, CRLF line ends */
    CLI_OUT_TSV        /* a header line, tab-separated; tab, newline, CR, backslash escaped */
} cli_output;

/* Everything any command's options can set. Zeroed, then given the command's defaults, before
 * parsing. Strings point into argv (since and until: into since_day and until_day). */
typedef struct cli_args {
    const char *command;          /* "search" ... */
    char **positional;            /* the arguments that are not options, in order */
    int n_positional;
    /* output and input */
    const char *output;           /* json, jsonl, table, csv or tsv (checked by the parser) */
    const char *input_format;     /* auto, jsonl or text */
    const char *language;         /* --language CODE, NULL: the library's default */
    /* extract */
    int pretty, blocks, keep_non_statements, quotes_only;
    /* ingest */
    size_t batch;
    int replace;                  /* --replace: a different article under a stored id replaces it */
    /* queries */
    const char *speaker, *since, *until, *source;
    const char *gender;           /* speakers: female, male, unknown, or several joined by commas */
    char since_day[11], until_day[11]; /* --since and --until as YYYY[-MM[-DD]] (since and until
                                          point here once the parser has read them) */
    size_t limit;
    int help;                     /* -h or --help was given */
} cli_args;

typedef enum cli_option_type {
    CLI_FLAG,      /* no value; sets the int field to 1 */
    CLI_STRING,    /* any value; sets the const char * field */
    CLI_COUNT,     /* a number >= 0; sets the size_t field */
    CLI_POSITIVE,  /* a number >= 1; sets the size_t field */
    CLI_CHOICE,    /* one of the '|'-separated words of `choices`; sets the const char * field */
    CLI_CALL       /* calls `call` with the value (NULL for a flag when value_name is NULL) */
} cli_option_type;

struct cli_option;
/* For CLI_CALL: handles `value`; returns 0, or prints a message (cli_usage_error) and returns -1. */
typedef int (*cli_option_fn)(cli_args *args, const struct cli_option *opt, const char *value);

enum {
    CLI_REQUIRED = 1, /* the command fails with "missing --NAME VALUE" without it */
    CLI_HIDDEN = 2    /* accepted but not listed in --help nor suggested (deprecated aliases) */
};

typedef struct cli_option {
    const char *name;        /* the long name without "--" */
    char short_name;         /* 'o' for -o, or 0 */
    cli_option_type type;
    size_t field;            /* CLI_FIELD(member): where the value goes in cli_args */
    const char *value_name;  /* "N", "DATE" ... shown in --help; NULL for a flag */
    const char *choices;     /* CLI_CHOICE: "table|json|jsonl|csv|tsv" */
    const char *help;        /* the help text; may contain '\n' for more lines */
    unsigned flags;          /* CLI_REQUIRED, CLI_HIDDEN */
    cli_option_fn call;      /* CLI_CALL only */
    void (*help_prefix)(FILE *f); /* prints the start of the help text (a list the library
                                     knows at run time, such as the languages), or NULL */
} cli_option;

#define CLI_FIELD(member) offsetof(cli_args, member)

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* the command (commands.h); it calls cli_parse itself */
    const char *summary;               /* one line, for `saywho --help` */
    const char *synopsis;              /* after "usage: saywho NAME ", e.g. "DB QUERY [options]" */
    const char *description;           /* paragraphs of --help, each line ending in '\n' */
    const char *positional[4];         /* names of the required positional arguments, in order
                                          ("DB", "QUERY"), for "missing DB argument" */
    int max_positional;                /* -1: any number (files) */
    const char *default_output;        /* the --output default, or NULL when there is no --output */
    const cli_option *options;         /* terminated by an entry whose name is NULL */
    const char *epilog;                /* after the options (exit status ...), or NULL */
} cli_command;

/* The commands, in the order `saywho --help` lists them; terminated by a NULL name (specs.c). */
extern const cli_command cli_commands[];

/* The command called `name`, or NULL. */
const cli_command *cli_find_command(const char *name);

/* Zeroes *args and sets what every command starts from: the command's name, its default --output,
 * input format "auto". The command then sets its own defaults (a --limit ...) and calls cli_parse. */
void cli_args_init(cli_args *args, const cli_command *cmd);

/* Parses argv (argv[0] is the command's name) into *args with the command's table. Returns -1
 * when the command should run; otherwise the exit status to return at once: 0 after printing the
 * help on stdout for -h/--help, 2 after printing a usage error on stderr. args->positional is
 * allocated: free it with cli_args_free() (also after an early return). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *args);
void cli_args_free(cli_args *args);

/* The --output value as an enum (args->output must be one the parser accepted). */
cli_output cli_output_of(const cli_args *args);

/* Prints the command's help (usage, description, options, epilog). */
void cli_print_help(const cli_command *cmd, FILE *f);

/* Prints "saywho CMD: MESSAGE\nTry 'saywho CMD --help'.\n" on stderr; returns 2 (SW_EXIT_USAGE). */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The candidate closest to `word` by edit distance (insertions, deletions, substitutions and
 * transpositions of adjacent letters), if it is close enough to be a likely misspelling: at most
 * 1 edit for words up to 4 letters, 2 up to 8, else 3; or when `word` is a prefix of exactly one
 * candidate. NULL otherwise. Candidates is a NULL-terminated array. */
const char *cli_did_you_mean(const char *word, const char *const *candidates);

/* Edit distance between a and b (optimal string alignment), for cli_did_you_mean. */
size_t cli_edit_distance(const char *a, const char *b);

#endif
