/*
 * signals.c -- Ctrl-C and SIGTERM as a request to stop cleanly (commands.h, cli_catch_interrupts).
 *
 * The handler only records the signal; the input loop (input.c) and the command's callback check
 * the flag between articles, so the command can finish its work in order: ingest commits what it
 * has extracted, prints its summary and exits 128 + the signal's number (130 after Ctrl-C). The
 * handler is installed with SA_RESETHAND, so a second Ctrl-C ends the process at once (a store
 * stays consistent even then: a batch is wholly in the database or not at all), and without
 * SA_RESTART, so a read that waits on a pipe or a terminal returns at once with EINTR. Other
 * system calls must not see that EINTR (SQLite retries reads and writes, but an fsync that failed
 * with it would fail the commit): the commands hold the signals back while they write to the
 * store (cli_hold_interrupts); a signal that arrives then is delivered when they let go.
 */
#include <signal.h>
#include <string.h>
#include "commands.h"

volatile sig_atomic_t cli_interrupted = 0;

static void on_signal(int sig) { cli_interrupted = sig; }

int cli_catch_interrupts(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    return 0;
}

void cli_hold_interrupts(int hold)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}
