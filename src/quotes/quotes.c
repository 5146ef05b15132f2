/* quotes.c -- STUB (to be replaced by the quotation module). */
#include "doc.h"
sw_status sw_find_quotes(sw_doc *doc) { (void)doc; return SW_OK; }
