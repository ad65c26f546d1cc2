/* import_csv.c: a mapping table in the layout `iotmap export --format csv` writes, edited in a
 * spreadsheet and brought back. Columns are found by their header names, so they may be reordered and
 * extra columns (titles, summaries) are ignored. Each (source document, target document) pair is one
 * mapping set, and it replaces the set of the same pair: its description and provenance are kept from
 * the database when the set exists there. Errors name the row as a spreadsheet numbers it (the header
 * is row 1). libcsv parses; quoting errors (an unbalanced quote) and oversized fields are refused. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

#define MAX_FIELD (1 << 20)

enum { C_SRC_DOC, C_SRC_ITEM, C_TGT_DOC, C_TGT_ITEM, C_REL, C_MATCH, C_CONF, C_RATIONALE, C_NOTES, C_COUNT };
static const char *const HEADERS[C_COUNT] = {"source_document", "source_item", "target_document",
					      "target_item",	 "relationship", "matching_rationale",
					      "confidence",	 "rationale",	 "notes"};

typedef struct csv_state {
	const char *path;
	im_diags *d;
	const im_dataset *existing;
	im_dataset *ds;
	size_t row; /* spreadsheet row of the record being read (header = 1) */
	int col_of[C_COUNT];
	char **fields;
	size_t nfields, capfields;
	bool header_done, failed;
} csv_state;

static void on_field(void *data, size_t len, void *user)
{
	csv_state *st = user;
	if (len > MAX_FIELD) {
		if (!st->failed)
			im_error(st->d, st->path, (int)st->row, "a field of %zu bytes is larger than the limit of %d",
				 len, MAX_FIELD);
		st->failed = true;
	}
	*IM_PUSH(st->fields, st->nfields, st->capfields) = im_xstrndup(data ? data : "", len);
}

static const im_mapping_set *existing_set(const im_dataset *ds, const char *src, const char *tgt)
{
	for (size_t i = 0; ds && i < ds->n_sets; i++)
		if (strcmp(ds->sets[i].source, src) == 0 && strcmp(ds->sets[i].target, tgt) == 0)
			return &ds->sets[i];
	return NULL;
}

static im_mapping_set *set_for(csv_state *st, const char *src, const char *tgt)
{
	for (size_t i = 0; i < st->ds->n_sets; i++)
		if (strcmp(st->ds->sets[i].source, src) == 0 && strcmp(st->ds->sets[i].target, tgt) == 0)
			return &st->ds->sets[i];
	im_mapping_set *s = IM_PUSH(st->ds->sets, st->ds->n_sets, st->ds->cap_sets);
	s->imported = true;
	s->file = im_xstrdup(st->path);
	s->source = im_xstrdup(src);
	s->target = im_xstrdup(tgt);
	s->id = im_xasprintf("%s--%s", src, tgt);
	const im_mapping_set *old = existing_set(st->existing, src, tgt);
	if (old) {
		s->description = im_xstrdup(old->description);
		s->method = im_xstrdup(old->method);
		s->author = im_xstrdup(old->author);
		s->date = im_xstrdup(old->date);
		if (old->published_by) {
			im_published_by *p = s->published_by = im_xcalloc(1, sizeof *p);
			p->title = im_xstrdup(old->published_by->title);
			p->publisher = im_xstrdup(old->published_by->publisher);
			p->url = im_xstrdup(old->published_by->url);
			p->section = im_xstrdup(old->published_by->section);
			p->notes = im_xstrdup(old->published_by->notes);
		}
	} else {
		char today[16];
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		s->description = im_xasprintf("Imported from %s.", st->path);
		s->method = im_xstrdup("human");
		s->author = im_xstrdup("imported");
		s->date = im_xstrdup(today);
	}
	return s;
}

static void take_header(csv_state *st)
{
	for (int c = 0; c < C_COUNT; c++) {
		st->col_of[c] = -1;
		for (size_t i = 0; i < st->nfields; i++) {
			const char *h = st->fields[i];
			if (i == 0 && (unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB &&
			    (unsigned char)h[2] == 0xBF)
				h += 3; /* a byte-order mark written by some spreadsheets */
			if (strcmp(h, HEADERS[c]) == 0)
				st->col_of[c] = (int)i;
		}
		if (st->col_of[c] < 0 && c != C_NOTES) {
			im_error(st->d, st->path, 1, "the header row has no column '%s'", HEADERS[c]);
			st->failed = true;
		}
	}
	st->header_done = true;
}

static char *cell(csv_state *st, int c)
{
	int i = st->col_of[c];
	if (i < 0 || (size_t)i >= st->nfields || !st->fields[i][0])
		return NULL;
	return im_xstrdup(st->fields[i]);
}

static void take_row(csv_state *st)
{
	char *src = cell(st, C_SRC_DOC), *tgt = cell(st, C_TGT_DOC);
	if (!src || !tgt) {
		im_error(st->d, st->path, (int)st->row, "the row has no %s", !src ? "source_document" : "target_document");
		free(src);
		free(tgt);
		return;
	}
	im_mapping_set *s = set_for(st, src, tgt);
	im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
	m->origin = im_xasprintf("%s:%zu", st->path, st->row);
	m->source = cell(st, C_SRC_ITEM);
	m->target = cell(st, C_TGT_ITEM);
	m->relationship = cell(st, C_REL);
	m->matching_rationale = cell(st, C_MATCH);
	m->confidence = cell(st, C_CONF);
	m->rationale = cell(st, C_RATIONALE);
	m->notes = cell(st, C_NOTES);
	const char *names[] = {"source_item", "target_item", "relationship", "matching_rationale", "confidence",
			       "rationale"};
	char *values[] = {m->source, m->target, m->relationship, m->matching_rationale, m->confidence,
			  m->rationale};
	for (int i = 0; i < 6; i++)
		if (!values[i])
			im_error(st->d, st->path, (int)st->row, "the row has no %s", names[i]);
	free(src);
	free(tgt);
}

static void on_record(int c, void *user)
{
	(void)c;
	csv_state *st = user;
	st->row++;
	bool blank = st->nfields == 1 && !st->fields[0][0];
	if (!st->failed && !blank) {
		if (!st->header_done)
			take_header(st);
		else
			take_row(st);
	}
	for (size_t i = 0; i < st->nfields; i++)
		free(st->fields[i]);
	st->nfields = 0;
}

size_t im_import_csv(const char *path, const im_dataset *existing, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	FILE *f = fopen(path, "rb");
	if (!f) {
		im_error(d, path, 0, "cannot open: %s", strerror(errno));
		return d->errors - before;
	}
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_realloc_func(&p, im_xrealloc);
	csv_state st = {.path = path, .d = d, .existing = existing, .ds = ds};
	char buf[65536];
	size_t n;
	bool ok = true;
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, &st) != n)
			ok = false;
	if (ok && csv_fini(&p, on_field, on_record, &st) != 0)
		ok = false;
	if (!ok)
		im_error(d, path, (int)st.row + 1, "malformed CSV: %s (every quote that opens a field must close "
						   "it, and inner quotes are doubled)",
			 csv_strerror(csv_error(&p)));
	else if (!st.header_done)
		im_error(d, path, 0, "the file is empty: expected a header row and mappings");
	for (size_t i = 0; i < st.nfields; i++)
		free(st.fields[i]);
	free(st.fields);
	csv_free(&p);
	fclose(f);
	return d->errors - before;
}
