/* query_mappings.c: mappings filtered by a reference, documents and relationship.
 *
 * The filter is assembled from fixed SQL fragments with every user value bound as a parameter, never
 * pasted into the SQL text. */
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "iotmap/vocab.h"
#include "query_sql.h"
#include "query_util.h"

static im_qstatus check_ref(sqlite3 *db, const im_ref *ref, char **err)
{
	im_qstatus q = im_q_need_document(db, ref->doc, err);
	if (q != IM_Q_OK || !ref->item)
		return q;
	sqlite3_stmt *st = im_q_prepare(db, "SELECT 1 FROM items WHERE doc = ? AND id = ?", err);
	if (!st)
		return IM_Q_DB_ERROR;
	sqlite3_bind_text(st, 1, ref->doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ref->item, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!found) {
		*err = im_xasprintf("no item '%s:%s'", ref->doc, ref->item);
		return IM_Q_NOT_FOUND;
	}
	return IM_Q_OK;
}

#define SELECT_MAPPINGS                                                                          \
	"SELECT " IM_MAPPING_COLUMNS ", si.title AS source_title, ti.title AS target_title,"       \
	" s.ord AS set_ord, m.ord AS mapping_ord"                                                 \
	" FROM mappings m JOIN mapping_sets s ON s.id = m.set_id"                                 \
	" JOIN items si ON si.doc = m.source_doc AND si.id = m.source_item"                        \
	" JOIN items ti ON ti.doc = m.target_doc AND ti.id = m.target_item WHERE 1"

/* Parameters: ?1 ref document, ?2 ref item, ?3 source, ?4 target, ?5 to, ?6 relationship. Only the
 * tests that apply are written into the SQL, so that SQLite can use the (document, item) indexes: a
 * lookup of one item stays fast however large the dataset grows. */
static void add_filters(im_strbuf *b, const im_mapping_filter *f)
{
	if (f->source)
		im_sb_add(b, " AND m.source_doc = ?3");
	if (f->target)
		im_sb_add(b, " AND m.target_doc = ?4");
	if (f->relationship)
		im_sb_add(b, " AND m.relationship = ?6");
}

static void add_side(im_strbuf *b, const im_mapping_filter *f, const im_ref *ref, const char *here,
		     const char *there)
{
	im_sb_add(b, SELECT_MAPPINGS);
	im_sb_printf(b, " AND m.%s_doc = ?1", here);
	if (ref->item)
		im_sb_printf(b, " AND m.%s_item = ?2", here);
	if (f->to)
		im_sb_printf(b, " AND m.%s_doc = ?5", there);
	add_filters(b, f);
}

static char *mappings_sql(const im_mapping_filter *f, const im_ref *ref)
{
	im_strbuf b = {0};
	im_sb_add(&b, "SELECT * FROM (");
	if (ref->doc) {
		add_side(&b, f, ref, "source", "target");
		im_sb_add(&b, " UNION ALL ");
		add_side(&b, f, ref, "target", "source");
	} else {
		im_sb_add(&b, SELECT_MAPPINGS);
		add_filters(&b, f);
	}
	im_sb_add(&b, ") ORDER BY set_ord, mapping_ord");
	return im_sb_take(&b);
}

im_qstatus im_q_mappings(sqlite3 *db, const im_mapping_filter *f, json_t **out, char **err)
{
	im_ref ref = {0};
	if (f->ref && im_ref_parse(f->ref, &ref) != 0) {
		*err = im_xasprintf("'%s' is not a reference (expected DOCUMENT or DOCUMENT:ITEM)", f->ref);
		return IM_Q_BAD_INPUT;
	}
	if (f->relationship && !im_word_in(f->relationship, im_relationships)) {
		char buf[256];
		*err = im_xasprintf("unknown relationship '%s'; expected %s", f->relationship,
				    im_word_list(im_relationships, buf, sizeof buf));
		im_ref_free(&ref);
		return IM_Q_BAD_INPUT;
	}
	im_qstatus q = f->ref ? check_ref(db, &ref, err) : IM_Q_OK;
	if (q == IM_Q_OK)
		q = im_q_need_document(db, f->source, err);
	if (q == IM_Q_OK)
		q = im_q_need_document(db, f->target, err);
	if (q == IM_Q_OK)
		q = im_q_need_document(db, f->to, err);
	if (q != IM_Q_OK) {
		im_ref_free(&ref);
		return q;
	}
	char *sql = mappings_sql(f, &ref);
	sqlite3_stmt *st = im_q_prepare(db, sql, err);
	free(sql);
	if (!st) {
		im_ref_free(&ref);
		return IM_Q_DB_ERROR;
	}
	const char *binds[] = {ref.doc, ref.item, f->source, f->target, f->to, f->relationship};
	for (int i = 0; i < 6; i++)
		if (binds[i])
			sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
	q = im_q_collect(db, st, out, err);
	sqlite3_finalize(st);
	im_ref_free(&ref);
	if (q == IM_Q_OK)
		im_rows_drop(*out, (const char *const[]){"set_ord", "mapping_ord", NULL});
	return q;
}
