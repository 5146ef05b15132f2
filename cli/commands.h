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

#include <signal.h>
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

/* Called once per good article, in input order. `file` is the input's name ("-" for stdin; a file
 * found in a directory is the directory's path joined with its path inside) and `line` its 1-based
 * line number (JSON Lines) or 0 (plain-text file). The article always has an id: its "id" when it
 * has a non-empty one; else, for a plain-text file, the file's path (cli_expand_inputs); else (a
 * JSON Lines line without one, a plain-text article on standard input) its content id
 * (sw_article_content_id), so that two different articles never share an id. Returns 0 to go on,
 * non-zero to stop the loop (the loop then returns -1). */
typedef int (*cli_article_fn)(void *ctx, const sw_article *article, const char *file, size_t line);

/* Reads every article of the named files in order (standard input when nfiles == 0 or a name is
 * "-"; a directory is read as its files, cli_expand_inputs), in the given format (SW_FORMAT_AUTO:
 * detected per file), and calls fn for each. Bad lines and files are reported on stderr as
 * "saywho: FILE:LINE: byte OFFSET: MESSAGE", counted in stats->rejected and skipped. Streams:
 * memory does not grow with the input, only with the longest line. Stops between two articles
 * (or in a read that waits) once cli_interrupted is set. Returns 0 when done, -1 on an I/O error
 * (a message is printed), when fn asked to stop or when interrupted. (input.c) */
int cli_for_each_article(char **files, int nfiles, sw_format fmt, cli_article_fn fn, void *ctx,
                         cli_input_stats *stats);

/* One input of a run: the path to open ("-": standard input) and the id a plain-text article read
 * from it gets ("" for standard input: its content id). */
typedef struct cli_input {
    char *path;
    char *text_id;
} cli_input;

/* Turns the command line's inputs into the files to read, in order: a file (or "-") stays itself
 * with its tidied path as id; a directory becomes its regular files, recursively, in byte order of
 * their names (names beginning with a dot skipped), each with the id "DIRNAME/PATH/INSIDE" where
 * DIRNAME is the last component of the directory's real path. A directory that cannot be read or
 * holds no file is reported on stderr and counted in *errors. *out is a new array of *count inputs
 * (free with cli_inputs_free). Returns 0, or -1 when out of memory (reported). (paths.c) */
int cli_expand_inputs(char **args, int nargs, cli_input **out, size_t *count, int *errors);
void cli_inputs_free(cli_input *inputs, size_t n);

/* "./a//b/./x/../c.txt" -> "a/b/c.txt": the path without "." components, doubled slashes and
 * "name/.." (resolved as names, without looking at symbolic links), in new memory (NULL when out
 * of memory). (paths.c) */
char *cli_tidy_path(const char *path);

/* The signal (SIGINT, SIGTERM) that asked the running command to stop, 0 when none. Set only
 * after cli_catch_interrupts(). (signals.c) */
extern volatile sig_atomic_t cli_interrupted;

/* Makes SIGINT and SIGTERM set cli_interrupted instead of ending the process (once: a second
 * signal ends it). Returns 0, or -1 when the handlers cannot be installed. (signals.c) */
int cli_catch_interrupts(void);

/* hold = 1: SIGINT and SIGTERM wait (blocked) until cli_hold_interrupts(0), so that no system
 * call of a store write fails with EINTR; a signal that came meanwhile is then delivered, setting
 * cli_interrupted. (signals.c) */
void cli_hold_interrupts(int hold);

/* Flushes stdout and checks that everything written to it went out; on failure prints "saywho:
 * cannot write the output: REASON" on stderr (once per process) and returns -1. (stdout_check.c) */
int cli_stdout_check(void);

/* Says "saywho: cannot write the output: REASON" (strerror(err); "write error" when err is 0) on
 * stderr, unless a failure of the output was said already; returns -1. For output written past
 * stdio (extract's write(2)). (stdout_check.c) */
int cli_output_error(int err);

/* cli_stdout_check() and fclose(stdout), at the end of main(): returns `status`, or SW_EXIT_USAGE
 * when the output could not be written. (stdout_check.c) */
int cli_close_stdout(int status);

/* A new extractor with these options, or NULL after saying why on stderr (an unknown language:
 * the codes the library knows; out of memory). `cmd` names the command in the message.
 * (language.c) */
sw_extractor *cli_extractor(const sw_options *opts, const char *cmd);

#endif
