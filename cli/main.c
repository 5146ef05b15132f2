/*
 * main.c -- the saywho program: picks the subcommand and hands it the rest of the command line.
 *
 * The commands and their options are described in specs.c; each command parses its arguments
 * with cli_parse (options.h) and returns the exit status itself. This file knows the top level:
 * --help, --version, `saywho help CMD`, and what to say about a command that does not exist; and
 * it checks that whatever went to stdout was written (stdout_check.c: exit status 2 when not).
 */
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include "commands.h"

static void usage(FILE *f)
{
    fputs("usage: saywho COMMAND [options] [ARGUMENTS...]\n\n"
          "saywho reads news articles and tells who said what.\n\nCommands:\n",
          f);
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-9s %s\n", c->name, c->summary);
    fputs("\n'saywho help COMMAND' or 'saywho COMMAND --help' describes a command;\n"
          "'saywho --version' prints the version.\n"
          "Every command takes long options with their value after '=' or as the next\n"
          "argument; the same option has the same name in every command.\n"
          "Exit status: 0 all fine, 1 some input rejected, 2 a usage error (a message says\n"
          "what was wrong) or an I/O error.\n",
          f);
}

/* "saywho: unknown command 'extrct'; did you mean 'extract'?" on stderr; returns 2. */
static int unknown_command(const char *name)
{
    const char *names[16];
    size_t n = 0;
    for (const cli_command *c = cli_commands; c->name && n < 14; c++) names[n++] = c->name;
    names[n++] = "help";
    names[n] = NULL;
    const char *guess = cli_did_you_mean(name, names);
    if (guess) fprintf(stderr, "saywho: unknown command '%s'; did you mean '%s'?\n", name, guess);
    else fprintf(stderr, "saywho: unknown command '%s'\n", name);
    fputs("Try 'saywho --help' for the list of commands.\n", stderr);
    return SW_EXIT_USAGE;
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
        fputs("saywho: missing COMMAND\n", stderr);
        usage(stderr);
        return SW_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        usage(stdout);
        return cli_close_stdout(SW_EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc == 2) {
            usage(stdout);
            return cli_close_stdout(SW_EXIT_OK);
        }
        const cli_command *c = cli_find_command(argv[2]);
        if (!c) return unknown_command(argv[2]);
        if (argc > 3) {
            fprintf(stderr, "saywho help: unexpected argument '%s'\n", argv[3]);
            return SW_EXIT_USAGE;
        }
        cli_print_help(c, stdout);
        return cli_close_stdout(SW_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0 || strcmp(name, "version") == 0) {
        printf("saywho %s\n", sw_version());
        return cli_close_stdout(SW_EXIT_OK);
    }
    if (name[0] == '-') {
        fprintf(stderr, "saywho: unknown option %s (the command comes first: saywho COMMAND "
                        "[options])\nTry 'saywho --help'.\n", name);
        return SW_EXIT_USAGE;
    }
    const cli_command *c = cli_find_command(name);
    if (!c) return unknown_command(name);
    return cli_close_stdout(c->run(argc - 1, argv + 1)); /* a failed write to stdout: exit 2 */
}
