/* repair.c -- STUB: identity repair (to be replaced by the repair module). */
#include "doc.h"
sw_status sw_repair(sw_doc *doc)
{
    doc->text = (char *)doc->orig;
    doc->len = doc->orig_len;
    return SW_OK;
}
