/* query_documents.c: the list of documents and one document with its items. */
#include <stdlib.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_sql.h"
#include "query_util.h"

im_qstatus im_q_documents(sqlite3 *db, json_t **out, char **err)
{
	sqlite3_stmt *st = im_q_prepare(db,
		"SELECT " IM_DOC_COLUMNS ","
		" (SELECT COUNT(*) FROM items i WHERE i.doc = d.id) AS item_count,"
		" (SELECT COUNT(*) FROM mappings m WHERE m.source_doc = d.id) +"
		" (SELECT COUNT(*) FROM mappings m WHERE m.target_doc = d.id) AS mapping_count,"
		" CASE WHEN d.gaps IS NULL THEN 'complete' ELSE 'partial' END AS record"
		" FROM documents d ORDER BY d.ord", err);
	if (!st)
		return IM_Q_DB_ERROR;
	im_qstatus rc = im_q_collect(db, st, out, err);
	sqlite3_finalize(st);
	return rc;
}

im_qstatus im_q_document(sqlite3 *db, const char *id, json_t **out, char **err)
{
	sqlite3_stmt *st = im_q_prepare(db, "SELECT " IM_DOC_COLUMNS " FROM documents d WHERE d.id = ?", err);
	if (!st)
		return IM_Q_DB_ERROR;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	char *missing = im_xasprintf("no document '%s'", id);
	json_t *doc = NULL;
	im_qstatus found = im_q_single(db, st, &doc, err, missing);
	free(missing);
	if (found != IM_Q_OK)
		return found;

	json_t *items = NULL;
	im_qstatus q = im_q_rows(db,
		"SELECT " IM_ITEM_COLUMNS ","
		" (SELECT COUNT(*) FROM mappings m WHERE m.source_doc = i.doc AND m.source_item = i.id) +"
		" (SELECT COUNT(*) FROM mappings m WHERE m.target_doc = i.doc AND m.target_item = i.id)"
		" AS mapping_count"
		" FROM items i WHERE i.doc = ?1 ORDER BY i.ord", id, NULL, &items, err);
	if (q != IM_Q_OK) {
		json_decref(doc);
		return q;
	}
	json_object_set_new(doc, "items", items);
	*out = doc;
	return IM_Q_OK;
}
