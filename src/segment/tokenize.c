/* tokenize.c -- STUB (to be replaced by the segmentation module). */
#include "doc.h"
sw_status sw_tokenize(sw_doc *doc) { (void)doc; return SW_OK; }
