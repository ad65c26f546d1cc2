/* query_stats.c: per-document figures for the data report (docs/DATA.md): size, mappings, how much of
 * the document is mapped, and how much of the hub it reaches. no-relationship mappings record a checked
 * absence of a link, so they count as mappings but not as coverage. */
#include <stdlib.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_util.h"

static const char STATS_SQL[] =
	"WITH ends(doc, item, other_doc, other_item, rel) AS ("
	"  SELECT source_doc, source_item, target_doc, target_item, relationship FROM mappings"
	"  UNION ALL SELECT target_doc, target_item, source_doc, source_item, relationship FROM mappings),"
	" hubreq AS (SELECT id FROM items WHERE doc = ?1 AND kind = 'requirement')"
	" SELECT d.id AS id, d.short_title AS short_title, d.title AS title, d.kind AS kind, d.gaps AS gaps,"
	"  (SELECT COUNT(*) FROM items i WHERE i.doc = d.id) AS items,"
	"  (SELECT COUNT(*) FROM items i WHERE i.doc = d.id AND i.kind = 'requirement') AS requirements,"
	"  (SELECT COUNT(*) FROM ends e WHERE e.doc = d.id) AS mappings,"
	"  (SELECT COUNT(DISTINCT e.item) FROM ends e WHERE e.doc = d.id AND e.rel != 'no-relationship')"
	"   AS items_mapped,"
	"  (SELECT COUNT(DISTINCT e.other_item) FROM ends e WHERE e.doc = d.id AND e.other_doc = ?1"
	"   AND e.rel != 'no-relationship' AND e.other_item IN (SELECT id FROM hubreq)) AS hub_requirements,"
	"  (SELECT COUNT(*) FROM hubreq) AS hub_total"
	" FROM documents d ORDER BY d.ord";

im_qstatus im_q_document_stats(sqlite3 *db, const char *hub, json_t **out, char **err)
{
	im_qstatus q = im_q_need_document(db, hub, err);
	return q != IM_Q_OK ? q : im_q_rows(db, STATS_SQL, hub, NULL, out, err);
}
