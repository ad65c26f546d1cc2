/* export_csv.c: the mapping table as CSV, one row per mapping with both sides spelled out.
 *
 * Quoting is libcsv's (csv_fwrite quotes every field and doubles inner quotes), which is what
 * spreadsheets and RFC 4180 readers expect. Rows come straight from SQLite in dataset order. */
#include <csv.h>
#include <string.h>

#include "iotmap/export.h"
#include "iotmap/util.h"
#include "export_sql.h"

/* Every row says where it comes from: a CSV file travels without its documentation. No generation
 * time, so that exporting the same data twice gives the same bytes. */
#define PROVENANCE                                                                                 \
	" (SELECT value FROM meta WHERE key = 'dataset_digest') AS dataset_version,"               \
	" '" IM_DATA_LICENCE "' AS licence, ?9 AS notice"

static const char CSV_SQL[] =
	"SELECT m.set_id AS mapping_set, m.source_doc AS source_document, m.source_item AS source_item,"
	" si.title AS source_title, si.summary AS source_summary, m.relationship AS relationship,"
	" m.target_doc AS target_document, m.target_item AS target_item, ti.title AS target_title,"
	" ti.summary AS target_summary, m.matching_rationale AS matching_rationale,"
	" m.confidence AS confidence, m.rationale AS rationale, m.notes AS notes," PROVENANCE
	" FROM mappings m JOIN mapping_sets s ON s.id = m.set_id"
	" JOIN items si ON si.doc = m.source_doc AND si.id = m.source_item"
	" JOIN items ti ON ti.doc = m.target_doc AND ti.id = m.target_item"
	" WHERE" IM_EXPORT_MAPPING_FILTER " ORDER BY s.ord, m.ord";

static const char ITEMS_SQL[] =
	"SELECT i.doc AS document, i.id AS id, i.parent AS parent, i.kind AS kind, i.title AS title,"
	" i.summary AS summary, i.status AS status,"
	" CASE i.conditional WHEN 1 THEN 'true' ELSE 'false' END AS conditional, i.condition AS condition,"
	" i.section AS section, i.stakeholders AS stakeholders, i.notes AS notes," PROVENANCE
	" FROM items i WHERE i.doc = ?1 ORDER BY i.ord";

static void write_field(FILE *out, const char *s, int first)
{
	if (!first)
		fputc(',', out);
	csv_fwrite(out, s ? s : "", s ? strlen(s) : 0);
}

/* Every row of st as CSV, after a header row of its column names. */
static int write_table(sqlite3 *db, sqlite3_stmt *st, FILE *out, char **err)
{
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++)
		write_field(out, sqlite3_column_name(st, i), i == 0);
	fputs("\r\n", out);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			write_field(out, (const char *)sqlite3_column_text(st, i), i == 0);
		fputs("\r\n", out);
	}
	int status = 0;
	if (rc != SQLITE_DONE) {
		*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
		status = -1;
	}
	sqlite3_finalize(st);
	if (status == 0 && ferror(out)) {
		*err = im_xstrdup("writing the export failed");
		status = -1;
	}
	return status;
}

int im_export_csv(sqlite3 *db, const im_export_filter *f, FILE *out, char **err)
{
	int checked = f ? im_export_filter_check(db, f, err) : IM_EXPORT_OK;
	if (checked != IM_EXPORT_OK)
		return checked;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, CSV_SQL, -1, &st, NULL) != SQLITE_OK) {
		*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
		return -1;
	}
	im_export_bind(st, f);
	sqlite3_bind_text(st, 9, IM_DATA_NOTICE, -1, SQLITE_STATIC);
	return write_table(db, st, out, err);
}

int im_export_items_csv(sqlite3 *db, const char *document, FILE *out, char **err)
{
	im_export_filter f = {.document = document};
	if (!document) {
		*err = im_xstrdup("the items table is made per document: give --document ID");
		return IM_EXPORT_BAD_REQUEST;
	}
	int checked = im_export_filter_check(db, &f, err);
	if (checked != IM_EXPORT_OK)
		return checked;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, ITEMS_SQL, -1, &st, NULL) != SQLITE_OK) {
		*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(st, 1, document, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, IM_DATA_NOTICE, -1, SQLITE_STATIC);
	return write_table(db, st, out, err);
}
