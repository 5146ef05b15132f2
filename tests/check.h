/*
 * check.h -- the tiny test harness shared by the unit tests.
 *
 * Each test file is its own program: it defines test functions, lists them in main() with RUN(),
 * and returns check_summary(), which prints "N passed, N failed" and gives the exit status.
 * CHECK() records a failure with file and line and goes on, so one run shows every failure.
 */
#ifndef SW_CHECK_H
#define SW_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures_in_test;
static int check_passed, check_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures_in_test++;                                            \
        }                                                                        \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                       \
    do {                                                                         \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);          \
        if (check_a_ != check_b_) {                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n",    \
                    __FILE__, __LINE__, #a, #b, check_a_, check_b_);             \
            check_failures_in_test++;                                            \
        }                                                                        \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                       \
    do {                                                                         \
        const char *check_a_ = (a), *check_b_ = (b);                             \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {         \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n",\
                    __FILE__, __LINE__, #a, #b, check_a_ ? check_a_ : "(null)", \
                    check_b_ ? check_b_ : "(null)");                             \
            check_failures_in_test++;                                            \
        }                                                                        \
    } while (0)

#define RUN(fn)                                                                  \
    do {                                                                         \
        check_failures_in_test = 0;                                              \
        fn();                                                                    \
        if (check_failures_in_test) {                                            \
            check_failed++;                                                      \
            fprintf(stderr, "FAIL %s\n", #fn);                                   \
        } else {                                                                 \
            check_passed++;                                                      \
        }                                                                        \
    } while (0)

static inline int check_summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
