/* query_item.c: one item with everything mapped to it, seen from the item.
 *
 * Mappings are stored one way (source to target); an item page must show both the mappings it is the
 * source of and those pointing at it. For the latter the relationship is turned around (A subset-of B
 * means B superset-of A), so every row reads "this item <relationship> other item". */
#include <stdlib.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_sql.h"
#include "query_util.h"

#define OTHER_SIDE(dir, rel, doc, item)                                                          \
	"SELECT '" dir "' AS direction, " rel " AS relationship, m.relationship AS stated_relationship," \
	" m." doc " || ':' || m." item " AS other, m." doc " AS other_document,"                      \
	" d.title AS other_document_title, d.short_title AS other_document_short_title,"            \
	" d.publisher AS other_publisher, d.kind AS other_kind, o.title AS other_title,"            \
	" o.summary AS other_summary, m.matching_rationale AS matching_rationale,"                  \
	" m.confidence AS confidence, m.rationale AS rationale, m.notes AS notes,"                  \
	" m.set_id AS mapping_set, d.ord AS doc_ord, o.ord AS item_ord"                             \
	" FROM mappings m JOIN documents d ON d.id = m." doc                                        \
	" JOIN items o ON o.doc = m." doc " AND o.id = m." item

static const char ITEM_MAPPINGS_SQL[] =
	"SELECT * FROM ("
	OTHER_SIDE("outgoing", "m.relationship", "target_doc", "target_item")
	" WHERE m.source_doc = ?1 AND m.source_item = ?2"
	" UNION ALL "
	OTHER_SIDE("incoming",
		   "CASE m.relationship WHEN 'subset-of' THEN 'superset-of'"
		   " WHEN 'superset-of' THEN 'subset-of' ELSE m.relationship END",
		   "source_doc", "source_item")
	" WHERE m.target_doc = ?1 AND m.target_item = ?2"
	") ORDER BY doc_ord, item_ord, direction";

static im_qstatus item_mappings(sqlite3 *db, const char *doc, const char *item, json_t **out, char **err)
{
	im_qstatus rc = im_q_rows(db, ITEM_MAPPINGS_SQL, doc, item, out, err);
	if (rc == IM_Q_OK)
		im_rows_drop(*out, (const char *const[]){"doc_ord", "item_ord", NULL});
	return rc;
}

im_qstatus im_q_item(sqlite3 *db, const char *doc, const char *item, json_t **out, char **err)
{
	sqlite3_stmt *st = im_q_prepare(db,
		"SELECT " IM_ITEM_COLUMNS ", d.id AS document, d.title AS document_title,"
		" d.short_title AS document_short_title, d.publisher AS publisher, d.url AS url"
		" FROM items i JOIN documents d ON d.id = i.doc WHERE i.doc = ? AND i.id = ?", err);
	if (!st)
		return IM_Q_DB_ERROR;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, item, -1, SQLITE_STATIC);
	char *missing = im_xasprintf("no item '%s:%s'", doc, item);
	json_t *o = NULL;
	im_qstatus found = im_q_single(db, st, &o, err, missing);
	free(missing);
	if (found != IM_Q_OK)
		return found;

	json_t *children = NULL, *mappings = NULL;
	im_qstatus q = im_q_rows(db, "SELECT " IM_ITEM_COLUMNS " FROM items i WHERE i.doc = ?1 AND i.parent = ?2"
				 " ORDER BY i.ord", doc, item, &children, err);
	if (q == IM_Q_OK)
		q = item_mappings(db, doc, item, &mappings, err);
	if (q != IM_Q_OK) {
		json_decref(o);
		json_decref(children);
		return q;
	}
	json_object_set_new(o, "children", children);
	json_object_set_new(o, "mappings", mappings);
	*out = o;
	return IM_Q_OK;
}
