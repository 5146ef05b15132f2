/* entities.c -- STUB (to be replaced by the entities module). */
#include "doc.h"
sw_status sw_find_entities(sw_doc *doc) { (void)doc; return SW_OK; }
