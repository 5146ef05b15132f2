/*
 * stdout_check.c -- every command's output is checked to have been written (commands.h).
 *
 * Output to a full disk or a closed pipe must not end in exit status 0 (issue 12: `search` and
 * `speakers` wrote to /dev/full and said nothing). stdio reports such a failure only through
 * ferror() or fflush(), so the commands check with cli_stdout_check() when they finish, and main()
 * checks once more with cli_close_stdout() for whatever else went to stdout (--help, --version).
 * The message is printed once however many times the failure is seen.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "commands.h"

static int reported;

static int fail(int err)
{
    if (!reported) {
        if (err) fprintf(stderr, "saywho: cannot write the output: %s\n", strerror(err));
        else fputs("saywho: cannot write the output\n", stderr);
        reported = 1;
    }
    return -1;
}

int cli_stdout_check(void)
{
    if (reported) return -1;
    errno = 0;
    if (fflush(stdout) != 0) return fail(errno);
    if (ferror(stdout)) return fail(0);
    return 0;
}

int cli_close_stdout(int status)
{
    if (cli_stdout_check() != 0) return SW_EXIT_USAGE;
    errno = 0;
    /* a stdout closed by the shell (>&-) that nothing was written to is not a failure */
    if (fclose(stdout) != 0 && errno != EBADF) {
        fail(errno);
        return SW_EXIT_USAGE;
    }
    return status;
}
