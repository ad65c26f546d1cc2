/* export_json.c: the native JSON export (format documented in docs/json-export.md).
 *
 * The top level is written by hand and each document, mapping set and mapping is serialised by jansson
 * on its own, so a million mappings never sit in memory as one tree. Key order is fixed by the SQL
 * column order, so two exports of the same data differ only in "generated". */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iotmap/export.h"
#include "iotmap/store.h"
#include "iotmap/util.h"
#include "iotmap/version.h"
#include "../lib/query_sql.h"
#include "../lib/query_util.h"
#include "export_sql.h"

void im_export_timestamp(char *buf, size_t size)
{
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde)
		t = (time_t)strtoll(sde, NULL, 10);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Write v indented by `indent` spaces on every line but the first. */
static void write_value(FILE *out, json_t *v, int indent)
{
	char *s = json_dumps(v, JSON_INDENT(2));
	for (const char *p = s; *p; p++) {
		fputc(*p, out);
		if (*p == '\n')
			fprintf(out, "%*s", indent, "");
	}
	free(s);
}

static int fail_db(sqlite3 *db, char **err)
{
	*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
	return -1;
}

/* Stream the rows of sql (filtered by f) as array elements; with items_sql, each row gets an "items"
 * array too. */
static int write_rows(sqlite3 *db, const im_export_filter *f, FILE *out, const char *sql,
		      const char *items_sql, char **err)
{
	sqlite3_stmt *st = NULL, *items = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail_db(db, err);
	im_export_bind(st, f);
	if (items_sql && sqlite3_prepare_v2(db, items_sql, -1, &items, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail_db(db, err);
	}
	int rc, n = 0, status = 0;
	fputs("[", out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = im_row_object(st);
		if (items) {
			json_t *list = NULL;
			char *qerr = NULL;
			sqlite3_bind_text(items, 1, json_string_value(json_object_get(o, "id")), -1,
					  SQLITE_TRANSIENT);
			if (im_q_collect(db, items, &list, &qerr) != IM_Q_OK) {
				*err = qerr;
				json_decref(o);
				status = -1;
				break;
			}
			sqlite3_reset(items);
			json_object_set_new(o, "items", list);
		}
		fputs(n++ ? ",\n    " : "\n    ", out);
		write_value(out, o, 4);
		json_decref(o);
	}
	if (status == 0 && rc != SQLITE_DONE)
		status = fail_db(db, err);
	fputs(n ? "\n  ]" : "]", out);
	sqlite3_finalize(st);
	sqlite3_finalize(items);
	return status;
}

static void write_header(sqlite3 *db, FILE *out)
{
	char generated[32];
	im_export_timestamp(generated, sizeof generated);
	char *digest = im_store_meta(db, "dataset_digest");
	json_t *dataset = json_object();
	json_object_set_new(dataset, "version", json_string(digest ? digest : "unknown"));
	json_object_set_new(dataset, "iotmap_version", json_string(IOTMAP_VERSION));
	json_object_set_new(dataset, "licence", json_string(IM_DATA_LICENCE));
	json_object_set_new(dataset, "notice", json_string(IM_DATA_NOTICE));
	free(digest);
	fputs("{\n  \"format\": \"iotmap\",\n  \"format_version\": 1,\n", out);
	fprintf(out, "  \"generated\": \"%s\",\n  \"dataset\": ", generated);
	write_value(out, dataset, 2);
	json_decref(dataset);
	fputs(",\n", out);
}

int im_export_json(sqlite3 *db, const im_export_filter *f, FILE *out, char **err)
{
	int checked = f ? im_export_filter_check(db, f, err) : IM_EXPORT_OK;
	if (checked != IM_EXPORT_OK)
		return checked;
	write_header(db, out);
	fputs("  \"documents\": ", out);
	if (write_rows(db, f, out, "SELECT " IM_DOC_COLUMNS " FROM documents d WHERE" IM_EXPORT_DOC_FILTER
			       " ORDER BY d.ord",
		       "SELECT " IM_ITEM_COLUMNS " FROM items i WHERE i.doc = ? ORDER BY i.ord", err))
		return -1;
	fputs(",\n  \"mapping_sets\": ", out);
	if (write_rows(db, f, out,
		       "SELECT s.id AS id, s.source AS source, s.target AS target,"
		       " s.description AS description, s.method AS method, s.author AS author,"
		       " s.date AS date, s.published_title AS published_by_title,"
		       " s.published_publisher AS published_by_publisher, s.published_url AS published_by_url,"
		       " s.published_section AS published_by_section, s.published_notes AS published_by_notes"
		       " FROM mapping_sets s WHERE" IM_EXPORT_SET_FILTER " ORDER BY s.ord",
		       NULL, err))
		return -1;
	fputs(",\n  \"mappings\": ", out);
	if (write_rows(db, f, out,
		       "SELECT " IM_MAPPING_COLUMNS " FROM mappings m JOIN mapping_sets s ON s.id = m.set_id"
		       " WHERE" IM_EXPORT_MAPPING_FILTER " ORDER BY s.ord, m.ord",
		       NULL, err))
		return -1;
	fputs("\n}\n", out);
	if (ferror(out)) {
		*err = im_xstrdup("writing the export failed");
		return -1;
	}
	return 0;
}
