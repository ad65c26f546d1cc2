/* export_xlsx.c: the dataset as a spreadsheet, the way compliance teams work with it (libxlsxwriter).
 *
 * Sheets: Mappings (one row per mapping, both sides spelled out), then one sheet per document with its
 * items, then About (provenance, licence, the paraphrase notice). Every table has a frozen bold header
 * row, an autofilter and column widths that suit its content; long texts wrap. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "export_sql.h"
#include "iotmap/store.h"
#include "iotmap/util.h"
#include "iotmap/version.h"
#include "../lib/query_util.h"

typedef struct column {
	const char *heading;
	double width;
} column;

typedef struct book {
	lxw_workbook *wb;
	lxw_format *head, *wrap;
} book;

/* Write the rows of st under the given columns (one per result column) into a new sheet. */
static int sheet_from_query(book *bk, sqlite3 *db, const char *name, sqlite3_stmt *st, const column *cols,
			    char **err)
{
	lxw_worksheet *ws = workbook_add_worksheet(bk->wb, name);
	if (!ws) {
		*err = im_xasprintf("cannot add the sheet '%s'", name);
		return -1;
	}
	int n = sqlite3_column_count(st);
	for (int c = 0; c < n; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c].heading, bk->head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, cols[c].width > 40 ? bk->wrap : NULL);
	}
	lxw_row_t row = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row++;
		for (int c = 0; c < n; c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			if (v)
				worksheet_write_string(ws, row, (lxw_col_t)c, v, NULL);
		}
	}
	if (rc != SQLITE_DONE) {
		*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
		return -1;
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(n - 1));
	return 0;
}

static const column MAPPING_COLUMNS[] = {
	{"Source document", 22}, {"Source item", 12},	  {"Source title", 28},	     {"Source summary", 50},
	{"Relationship", 16},	 {"Target document", 22}, {"Target item", 12},	     {"Target title", 28},
	{"Target summary", 50},	 {"Matching", 11},	  {"Confidence", 11},	     {"Rationale", 60},
	{"Notes", 30},		 {"Mapping set", 30},
};

static const column ITEM_COLUMNS[] = {
	{"Item", 14},	 {"Parent", 10},       {"Kind", 12},	  {"Title", 30},   {"Summary", 60},
	{"Status", 12},	 {"Conditional", 11}, {"Condition", 40}, {"Section", 18}, {"Responsible", 24},
	{"Notes", 40},
};

/* Headings are the native JSON field names: these two sheets are for tools as much as for people. */
static const column DOCUMENT_COLUMNS[] = {
	{"id", 24},	      {"title", 40},  {"short_title", 20}, {"publisher", 24},  {"version", 10},
	{"published", 11},    {"url", 40},    {"kind", 14},	   {"jurisdiction", 12}, {"status", 11},
	{"superseded_by", 20}, {"licence", 30}, {"description", 60}, {"gaps", 40},
};

static const column SET_COLUMNS[] = {
	{"id", 40},	      {"source", 24},		{"target", 24},		      {"description", 60},
	{"method", 10},	      {"author", 20},		{"date", 11},		      {"published_by_title", 30},
	{"published_by_publisher", 20}, {"published_by_url", 30}, {"published_by_section", 16},
	{"published_by_notes", 30},
};

/* A sheet name from a document id: at most 31 characters, unique in the workbook. */
static char *sheet_name(const char *id, int index)
{
	if (strlen(id) <= 31)
		return im_xstrdup(id);
	return im_xasprintf("%.24s~%d", id, index);
}

static int about_sheet(book *bk, sqlite3 *db, const im_export_filter *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "About");
	char now[32];
	im_export_timestamp(now, sizeof now);
	char *digest = im_store_meta(db, "dataset_digest");
	char *scope = f && f->document ? im_xasprintf("document %s and the mappings that touch it", f->document)
		      : f && f->source ? im_xasprintf("mapping set %s to %s", f->source, f->target)
				       : im_xstrdup("the whole dataset");
	const char *rows[][2] = {
		{"What", "iotmap: consumer-IoT security requirements mapped to each other"},
		{"Contents", scope},
		{"Dataset version", digest ? digest : "unknown"},
		{"Generated", now},
		{"iotmap version", IOTMAP_VERSION},
		{"Licence", IM_DATA_LICENCE},
		{"Notice", IM_DATA_NOTICE},
		{"Relationships", "Read from source to target. subset-of: everything the source asks, the target asks "
				  "too (meeting the target meets the source); superset-of: the reverse; equal-to: same "
				  "text; equivalent-to: same demand, other words; intersects-with: overlap, each asks "
				  "something the other does not; no-relationship: checked and unrelated; related-to: "
				  "published by others without a type."},
	};
	worksheet_set_column(ws, 0, 0, 18, bk->head);
	worksheet_set_column(ws, 1, 1, 100, bk->wrap);
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		worksheet_write_string(ws, (lxw_row_t)r, 0, rows[r][0], bk->head);
		worksheet_write_string(ws, (lxw_row_t)r, 1, rows[r][1], bk->wrap);
	}
	free(scope);
	free(digest);
	return 0;
}

int im_export_xlsx(sqlite3 *db, const im_export_filter *f, const char *path, char **err)
{
	int checked = f ? im_export_filter_check(db, f, err) : IM_EXPORT_OK;
	if (checked != IM_EXPORT_OK)
		return checked;
	lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
	book bk = {.wb = workbook_new_opt(path, &opts)};
	if (!bk.wb) {
		*err = im_xasprintf("cannot create %s", path);
		return -1;
	}
	bk.head = workbook_add_format(bk.wb);
	format_set_bold(bk.head);
	format_set_text_wrap(bk.head);
	format_set_align(bk.head, LXW_ALIGN_VERTICAL_TOP);
	bk.wrap = workbook_add_format(bk.wb);
	format_set_text_wrap(bk.wrap);
	format_set_align(bk.wrap, LXW_ALIGN_VERTICAL_TOP);
	int rc = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT m.source_doc, m.source_item, si.title, si.summary, m.relationship,"
			       " m.target_doc, m.target_item, ti.title, ti.summary, m.matching_rationale,"
			       " m.confidence, m.rationale, m.notes, m.set_id"
			       " FROM mappings m JOIN mapping_sets s ON s.id = m.set_id"
			       " JOIN items si ON si.doc = m.source_doc AND si.id = m.source_item"
			       " JOIN items ti ON ti.doc = m.target_doc AND ti.id = m.target_item"
			       " WHERE" IM_EXPORT_MAPPING_FILTER " ORDER BY s.ord, m.ord",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
		rc = -1;
	} else {
		im_export_bind(st, f);
		rc = sheet_from_query(&bk, db, "Mappings", st, MAPPING_COLUMNS, err);
		sqlite3_finalize(st);
	}
	json_t *docs = NULL;
	if (rc == 0 && sqlite3_prepare_v2(db, "SELECT d.id AS id FROM documents d WHERE" IM_EXPORT_DOC_FILTER
					      " ORDER BY d.ord", -1, &st, NULL) == SQLITE_OK) {
		im_export_bind(st, f);
		if (im_q_collect(db, st, &docs, err) != IM_Q_OK)
			rc = -1;
		sqlite3_finalize(st);
	}
	size_t i;
	json_t *d;
	json_array_foreach(docs, i, d)
	{
		if (rc != 0)
			break;
		const char *id = json_string_value(json_object_get(d, "id"));
		if (sqlite3_prepare_v2(db, "SELECT id, parent, kind, title, summary, status,"
					   " CASE conditional WHEN 1 THEN 'yes' ELSE 'no' END, condition, section,"
					   " (SELECT group_concat(value, ', ') FROM json_each(stakeholders)), notes"
					   " FROM items WHERE doc = ? ORDER BY ord", -1, &st, NULL) != SQLITE_OK) {
			*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
			rc = -1;
			break;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		char *name = sheet_name(id, (int)i);
		rc = sheet_from_query(&bk, db, name, st, ITEM_COLUMNS, err);
		free(name);
		sqlite3_finalize(st);
	}
	json_decref(docs);
	/* Document and mapping-set metadata, so that a workbook can be imported back whole. */
	if (rc == 0 && sqlite3_prepare_v2(db,
		"SELECT d.id, d.title, d.short_title, d.publisher, d.version, d.published, d.url, d.kind,"
		" d.jurisdiction, d.status, d.superseded_by, d.licence, d.description, d.gaps"
		" FROM documents d WHERE" IM_EXPORT_DOC_FILTER " ORDER BY d.ord", -1, &st, NULL) == SQLITE_OK) {
		im_export_bind(st, f);
		rc = sheet_from_query(&bk, db, "Documents", st, DOCUMENT_COLUMNS, err);
		sqlite3_finalize(st);
	}
	if (rc == 0 && sqlite3_prepare_v2(db,
		"SELECT s.id, s.source, s.target, s.description, s.method, s.author, s.date, s.published_title,"
		" s.published_publisher, s.published_url, s.published_section, s.published_notes"
		" FROM mapping_sets s WHERE" IM_EXPORT_SET_FILTER " ORDER BY s.ord", -1, &st, NULL) == SQLITE_OK) {
		im_export_bind(st, f);
		rc = sheet_from_query(&bk, db, "Mapping sets", st, SET_COLUMNS, err);
		sqlite3_finalize(st);
	}
	if (rc == 0)
		about_sheet(&bk, db, f);
	lxw_error e = workbook_close(bk.wb);
	if (rc == 0 && e != LXW_NO_ERROR) {
		*err = im_xasprintf("writing %s: %s", path, lxw_strerror(e));
		rc = -1;
	}
	return rc;
}
