/*
 * main.c -- the saywho program: picks the subcommand and hands it the rest of the command line.
 *
 * Every subcommand lives in its own file (commands.h) and returns the exit status itself; this
 * file only knows their names, and checks that what went to stdout was written (stdout_check.c).
 */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include "commands.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"extract", sw_cmd_extract, "find who said what in articles; JSON Lines or a table"},
    {"ingest", sw_cmd_ingest, "extract articles into a store (an SQLite database)"},
    {"search", sw_cmd_search, "search the statements of a store"},
    {"speakers", sw_cmd_speakers, "list the speakers of a store"},
    {"quotes", sw_cmd_quotes, "list the statements of one speaker"},
    {"stats", sw_cmd_stats, "counts of a store"},
};

static void usage(FILE *f)
{
    fputs("usage: saywho COMMAND [options] [FILE...]\n\n"
          "saywho reads news articles and tells who said what.\n\nCommands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'saywho COMMAND --help' describes a command; 'saywho --version' prints the version.\n"
          "Exit status: 0 all fine, 1 some input rejected, 2 usage or I/O error.\n",
          f);
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* Each article's arena is freed before the next one is made. Keep those blocks in the heap
     * rather than returning them to the system with munmap and faulting them in again for the
     * next article: the same memory serves every article, so memory stays flat either way. */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
    if (argc < 2) {
        usage(stderr);
        return SW_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return cli_close_stdout(SW_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0 || strcmp(name, "version") == 0) {
        printf("saywho %s\n", sw_version());
        return cli_close_stdout(SW_EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) /* a failed write to stdout is an error (exit 2) */
            return cli_close_stdout(commands[i].run(argc - 1, argv + 1));
    fprintf(stderr, "saywho: unknown command '%s'\n", name);
    usage(stderr);
    return SW_EXIT_USAGE;
}
