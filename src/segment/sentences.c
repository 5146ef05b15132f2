/* sentences.c -- STUB (to be replaced by the segmentation module). */
#include "doc.h"
sw_status sw_split_sentences(sw_doc *doc) { (void)doc; return SW_OK; }
