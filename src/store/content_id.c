/*
 * content_id.c -- sw_article_content_id(): the id the store gives an article that has none.
 *
 * The store identifies an article without an id by the hash of its content (store.c, identify).
 * Programs that read articles (the saywho CLI) need the same id before storing anything, to report
 * it, to print it in `extract` and to make sure two articles without an id never share one; this
 * is that hash, through the public API. It is a persisted format (namekey.h): databases hold it.
 */
#include "namekey.h"
#include "saywho.h"

sw_status sw_article_content_id(const sw_article *article, char out[SW_CONTENT_ID_SIZE])
{
    if (!out) return SW_ERR_INVALID_ARG;
    out[0] = 0;
    if (!article) return SW_ERR_INVALID_ARG;
    /* the same parts, in the same order, as the store hashes (store.c, identify) */
    sw_str parts[5] = {article->text, article->title, article->url, article->date, article->source};
    sw_nk_content_hash(parts, 5, out);
    return SW_OK;
}
