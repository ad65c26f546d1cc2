/* export_filter.c: which documents and mappings an export covers (see export.h). The SQL fragments
 * here are shared by the JSON, CSV and spreadsheet exports so that they always agree. */
#include <stdlib.h>

#include "export_sql.h"
#include "iotmap/util.h"
#include "../lib/query_util.h"

int im_export_filter_check(sqlite3 *db, const im_export_filter *f, char **err)
{
	if (f->document && (f->source || f->target)) {
		*err = im_xstrdup("give either a document or a source and target, not both");
		return -1;
	}
	if ((f->source != NULL) != (f->target != NULL)) {
		*err = im_xstrdup("a mapping set is chosen by both its source and its target document");
		return -1;
	}
	const char *docs[] = {f->document, f->source, f->target};
	for (int i = 0; i < 3; i++)
		if (docs[i] && !im_q_document_exists(db, docs[i])) {
			*err = im_xasprintf("no document '%s'", docs[i]);
			return -1;
		}
	return 0;
}

void im_export_bind(sqlite3_stmt *st, const im_export_filter *f)
{
	/* ?1 document, ?2 source, ?3 target (unused ones stay NULL and disable their test) */
	if (f && f->document)
		sqlite3_bind_text(st, 1, f->document, -1, SQLITE_STATIC);
	if (f && f->source)
		sqlite3_bind_text(st, 2, f->source, -1, SQLITE_STATIC);
	if (f && f->target)
		sqlite3_bind_text(st, 3, f->target, -1, SQLITE_STATIC);
}
