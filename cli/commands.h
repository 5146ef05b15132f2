/*
 * commands.h -- the subcommands of the saywho program and the input loop they share.
 *
 * The CLI uses only the public API (include/saywho.h). main.c finds the subcommand in cli_commands
 * (specs.c) and calls its sw_cmd_* function with the remaining arguments (argv[0] is the
 * subcommand name); the function parses them with cli_parse (options.h).
 * Each returns the process exit status: 0 all fine, 1 some input rejected, 2 usage or I/O error.
 */
#ifndef SW_CLI_COMMANDS_H
#define SW_CLI_COMMANDS_H

#include <stddef.h>
#include <stdio.h>
#include "saywho.h"
#include "options.h"
#include "output.h"

/* Exit statuses of every command: 0 all fine, 1 some input rejected, 2 a usage error (a message
 * says what was wrong) or an I/O error. */
enum { SW_EXIT_OK = 0, SW_EXIT_REJECTED = 1, SW_EXIT_USAGE = 2 };

int sw_cmd_extract(int argc, char **argv);   /* extract.c */
int sw_cmd_ingest(int argc, char **argv);    /* store_cmds.c */
int sw_cmd_search(int argc, char **argv);    /* store_cmds.c */
int sw_cmd_speakers(int argc, char **argv);  /* store_cmds.c */
int sw_cmd_quotes(int argc, char **argv);    /* store_cmds.c */
int sw_cmd_stats(int argc, char **argv);     /* store_cmds.c */

/* Counters of an input loop. */
typedef struct cli_input_stats {
    size_t articles;       /* articles handed to the callback */
    size_t rejected;       /* lines or files skipped (each reported on stderr) */
    size_t bytes_read;     /* input bytes consumed so far */
    size_t bytes_total;    /* sum of the regular input files' sizes, 0 when unknown (stdin, pipes) */
} cli_input_stats;

/* Called once per good article, in input order. `file` is the input's name ("-" for stdin) and
 * `line` its 1-based line number (JSON Lines) or 0 (plain-text file). Returns 0 to go on, non-zero
 * to stop the loop (the loop then returns -1). */
typedef int (*cli_article_fn)(void *ctx, const sw_article *article, const char *file, size_t line);

/* Reads every article of the named files in order (standard input when nfiles == 0 or a name is
 * "-"), in the given format (SW_FORMAT_AUTO: detected per file), and calls fn for each. Bad lines
 * and files are reported on stderr as "saywho: FILE:LINE: byte OFFSET: MESSAGE", counted in
 * stats->rejected and skipped. Streams: memory does not grow with the input, only with the longest
 * line. Returns 0 when done, -1 on an I/O error or when fn asked to stop (a message is printed for
 * I/O errors). (input.c) */
int cli_for_each_article(char **files, int nfiles, sw_format fmt, cli_article_fn fn, void *ctx,
                         cli_input_stats *stats);

/* A new extractor with these options, or NULL after saying why on stderr (an unknown language:
 * the codes the library knows; out of memory). `cmd` names the command in the message.
 * (language.c) */
sw_extractor *cli_extractor(const sw_options *opts, const char *cmd);

#endif
