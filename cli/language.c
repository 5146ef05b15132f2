/*
 * language.c -- the extractor the commands that extract make, with the language the user chose
 * (--language CODE), and what they say when the language is unknown.
 */
#include <stdio.h>
#include "commands.h"

/* Prints the codes of the library's languages, separated by ", ", to f. */
static void print_languages(FILE *f)
{
    for (size_t i = 0; i < sw_language_count(); i++)
        fprintf(f, "%s%s (%s)", i ? ", " : "", sw_language_code(i), sw_language_name(i));
}

sw_extractor *cli_extractor(const sw_options *opts, const char *cmd)
{
    sw_extractor *ex = NULL;
    sw_error err = {0};
    if (sw_extractor_create(opts, NULL, &ex, &err) == SW_OK) return ex;
    if (err.code == SW_ERR_INVALID_ARG && opts && opts->language) {
        fprintf(stderr, "saywho %s: unknown language '%s'; saywho reads: ", cmd, opts->language);
        print_languages(stderr);
        fputs(", or auto\n", stderr);
    } else {
        fprintf(stderr, "saywho: %s\n", err.message ? err.message : "out of memory");
    }
    return NULL;
}
