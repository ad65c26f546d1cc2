/* export_filter.c: which documents and mappings an export covers (see export.h). The SQL fragments
 * here are shared by the JSON, CSV and spreadsheet exports so that they always agree. */
#include <stdlib.h>
#include <string.h>

#include "export_sql.h"
#include "iotmap/util.h"
#include "../lib/query_util.h"

int im_export_filter_check(sqlite3 *db, const im_export_filter *f, char **err)
{
	if (f->document && (f->source || f->target)) {
		*err = im_xstrdup("give either a document or a source and target, not both");
		return IM_EXPORT_BAD_REQUEST;
	}
	if ((f->source != NULL) != (f->target != NULL)) {
		*err = im_xstrdup("a mapping set is chosen by both its source and its target document");
		return IM_EXPORT_BAD_REQUEST;
	}
	const char *docs[] = {f->document, f->source, f->target};
	for (int i = 0; i < 3; i++)
		if (im_q_need_document(db, docs[i], err) != IM_Q_OK)
			return IM_EXPORT_NO_DOCUMENT;
	return IM_EXPORT_OK;
}

int im_export_stream(sqlite3 *db, const char *format, const im_export_filter *f, FILE *out, char **err)
{
	if (strcmp(format, "json") == 0)
		return im_export_json(db, f, out, err);
	if (strcmp(format, "csv") == 0)
		return im_export_csv(db, f, out, err);
	if (strcmp(format, "items-csv") == 0)
		return im_export_items_csv(db, f->document, out, err);
	if (strcmp(format, "oscal-catalog") == 0)
		return im_export_oscal_catalog(db, f->document, out, err);
	if (strcmp(format, "oscal-mapping") == 0)
		return im_export_oscal_mapping(db, f->source, f->target, out, err);
	*err = im_xasprintf("no streamed export format '%s'", format);
	return IM_EXPORT_BAD_REQUEST;
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
