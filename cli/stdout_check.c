/*
 * stdout_check.c -- every command's output is checked to have been written (commands.h).
 *
 * Output to a full disk or a closed pipe must not end in exit status 0 (issue 12: `search` and
 * `speakers` wrote to /dev/full and said nothing). stdio reports such a failure only through
 * ferror() or fflush(), so the commands check with cli_stdout_check() when they finish, and main()
 * checks once more with cli_close_stdout() for whatever else went to stdout (--help, --version).
 * extract, which writes its JSON with write(2) past stdio, reports through cli_output_error().
 * This is the one place that says so: the message is printed once however many times, and by
 * however many paths, the failure is seen.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "commands.h"

static int reported;

int cli_output_error(int err)
{
    if (!reported) {
        /* no errno: a failure stdio saw earlier (ferror) and did not keep the reason of */
        fprintf(stderr, "saywho: cannot write the output: %s\n", err ? strerror(err) : "write error");
        reported = 1;
    }
    return -1;
}

int cli_stdout_check(void)
{
    if (reported) return -1;
    errno = 0;
    if (fflush(stdout) != 0) return cli_output_error(errno);
    if (ferror(stdout)) return cli_output_error(0);
    return 0;
}

int cli_close_stdout(int status)
{
    if (cli_stdout_check() != 0) return SW_EXIT_USAGE;
    errno = 0;
    /* a stdout closed by the shell (>&-) that nothing was written to is not a failure */
    if (fclose(stdout) != 0 && errno != EBADF) {
        cli_output_error(errno);
        return SW_EXIT_USAGE;
    }
    return status;
}
