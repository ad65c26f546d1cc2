/* query_matrix.c: the documents x hub-sections coverage matrix (the /coverage page's heat map).
 *
 * A hub section is a top-level group of the hub (a clause such as 5.1); a mapping counts for the section
 * when its hub end is the group itself or any item whose ancestry reaches it. Ancestry is resolved with
 * a recursive query once, so the count is one pass over the hub's mappings. */
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_util.h"

static const char SECTIONS_SQL[] =
	"SELECT i.id AS id, i.title AS title FROM items i WHERE i.doc = ?1 AND i.parent IS NULL ORDER BY i.ord";

/* The documents with at least one mapping to or from the hub. */
static const char DOCUMENTS_SQL[] =
	"SELECT d.id AS id, d.title AS title, d.short_title AS short_title, d.kind AS kind, d.gaps AS gaps"
	" FROM documents d"
	" WHERE d.id != ?1 AND EXISTS (SELECT 1 FROM mappings m WHERE (m.source_doc = d.id AND"
	" m.target_doc = ?1) OR (m.target_doc = d.id AND m.source_doc = ?1)) ORDER BY d.ord";

static const char MATRIX_SQL[] =
	"WITH RECURSIVE sect(item, section) AS ("
	"  SELECT id, id FROM items WHERE doc = ?1 AND parent IS NULL"
	"  UNION ALL SELECT i.id, s.section FROM items i JOIN sect s ON i.parent = s.item WHERE i.doc = ?1),"
	" links(hub_item, other_doc, other_item) AS ("
	"  SELECT target_item, source_doc, source_item FROM mappings"
	"   WHERE target_doc = ?1 AND relationship != 'no-relationship'"
	"  UNION SELECT source_item, target_doc, target_item FROM mappings"
	"   WHERE source_doc = ?1 AND relationship != 'no-relationship')"
	" SELECT l.other_doc, s.section, COUNT(DISTINCT l.other_item) FROM links l"
	" JOIN sect s ON s.item = l.hub_item GROUP BY l.other_doc, s.section";

im_qstatus im_q_coverage_matrix(sqlite3 *db, const char *hub, json_t **out, char **err)
{
	json_t *sections = NULL, *docs = NULL;
	im_qstatus q = im_q_need_document(db, hub, err);
	if (q == IM_Q_OK)
		q = im_q_rows(db, SECTIONS_SQL, hub, NULL, &sections, err);
	if (q == IM_Q_OK)
		q = im_q_rows(db, DOCUMENTS_SQL, hub, NULL, &docs, err);
	if (q != IM_Q_OK) {
		json_decref(sections);
		return q;
	}
	size_t ns = json_array_size(sections), nd = json_array_size(docs);
	json_int_t *counts = im_xcalloc(ns * nd + 1, sizeof *counts);
	sqlite3_stmt *st = im_q_prepare(db, MATRIX_SQL, err);
	int rc = SQLITE_DONE;
	if (st) {
		sqlite3_bind_text(st, 1, hub, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *doc = (const char *)sqlite3_column_text(st, 0);
			const char *sec = (const char *)sqlite3_column_text(st, 1);
			size_t di = nd, si = ns;
			for (size_t i = 0; i < nd; i++)
				if (strcmp(json_string_value(json_object_get(json_array_get(docs, i), "id")), doc) == 0)
					di = i;
			for (size_t i = 0; i < ns; i++)
				if (strcmp(json_string_value(json_object_get(json_array_get(sections, i), "id")), sec) == 0)
					si = i;
			if (di < nd && si < ns)
				counts[di * ns + si] = sqlite3_column_int64(st, 2);
		}
		sqlite3_finalize(st);
	}
	if (!st || rc != SQLITE_DONE) {
		if (st)
			im_q_db_error(db, err);
		free(counts);
		json_decref(sections);
		json_decref(docs);
		return IM_Q_DB_ERROR;
	}
	json_int_t max = 0;
	for (size_t d = 0; d < nd; d++) {
		json_t *row = json_array(), *doc = json_array_get(docs, d);
		json_int_t total = 0;
		for (size_t s = 0; s < ns; s++) {
			json_int_t c = counts[d * ns + s];
			json_array_append_new(row, json_integer(c));
			total += c;
			if (c > max)
				max = c;
		}
		json_object_set_new(doc, "counts", row);
		json_object_set_new(doc, "total", json_integer(total));
	}
	free(counts);
	*out = json_pack("{s:s, s:o, s:o, s:I}", "hub", hub, "sections", sections, "documents", docs, "max",
			 max);
	return IM_Q_OK;
}
