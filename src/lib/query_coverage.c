/* query_coverage.c: how much of a hub document the other documents reach.
 *
 * For each item of the hub, the number of other documents, and of their items, that have a mapping
 * with it in either direction (the statistic the 2018 DCMS mapping published per guideline). A
 * `no-relationship` mapping records that something was checked and found unrelated, so it does not
 * count as coverage. Aggregating once per hub item (rather than a subquery per item) keeps this linear
 * in the number of mappings that touch the hub. */
#include <stdlib.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_util.h"

static const char COVERAGE_SQL[] =
	"WITH links(hub_item, other_doc, other_item) AS ("
	"  SELECT target_item, source_doc, source_item FROM mappings"
	"   WHERE target_doc = ?1 AND relationship != 'no-relationship'"
	"     AND (?2 IS NULL OR source_doc = ?2)"
	"  UNION ALL"
	"  SELECT source_item, target_doc, target_item FROM mappings"
	"   WHERE source_doc = ?1 AND relationship != 'no-relationship'"
	"     AND (?2 IS NULL OR target_doc = ?2)),"
	" agg AS (SELECT hub_item, COUNT(DISTINCT other_doc) AS documents,"
	"   COUNT(DISTINCT other_doc || ':' || other_item) AS requirements,"
	"   group_concat(DISTINCT other_doc) AS via FROM links GROUP BY hub_item)"
	" SELECT i.doc || ':' || i.id AS ref, i.id AS id, i.parent AS parent, i.kind AS kind,"
	"  i.title AS title, i.summary AS summary, i.status AS status,"
	"  COALESCE(a.documents, 0) AS documents, COALESCE(a.requirements, 0) AS requirements,"
	"  a.via AS via"
	" FROM items i LEFT JOIN agg a ON a.hub_item = i.id WHERE i.doc = ?1 ORDER BY i.ord";

im_qstatus im_q_coverage(sqlite3 *db, const char *hub, const char *against, json_t **out, char **err)
{
	json_t *items = NULL;
	im_qstatus q = im_q_need_document(db, hub, err);
	if (q == IM_Q_OK)
		q = im_q_need_document(db, against, err);
	if (q == IM_Q_OK)
		q = im_q_rows(db, COVERAGE_SQL, hub, against, &items, err);
	if (q != IM_Q_OK)
		return q;
	size_t i, covered = 0, requirements = 0;
	json_t *row;
	json_array_foreach(items, i, row)
	{
		/* group_concat gives "a,b"; an array is what JSON users expect. */
		json_t *via = json_object_get(row, "via");
		json_t *list = json_array();
		if (json_is_string(via)) {
			const char *s = json_string_value(via);
			while (*s) {
				const char *comma = s;
				while (*comma && *comma != ',')
					comma++;
				json_array_append_new(list, json_stringn(s, (size_t)(comma - s)));
				s = *comma ? comma + 1 : comma;
			}
		}
		json_object_set_new(row, "via", list);
		const char *kind = json_string_value(json_object_get(row, "kind"));
		if (kind && kind[0] == 'r') {
			requirements++;
			if (json_integer_value(json_object_get(row, "documents")) > 0)
				covered++;
		}
	}
	json_t *o = json_object();
	json_object_set_new(o, "hub", json_string(hub));
	json_object_set_new(o, "against", against ? json_string(against) : json_null());
	json_object_set_new(o, "requirements", json_integer((json_int_t)requirements));
	json_object_set_new(o, "requirements_covered", json_integer((json_int_t)covered));
	json_object_set_new(o, "items", items);
	*out = o;
	return IM_Q_OK;
}
