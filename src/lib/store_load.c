/* store_load.c: reading a whole database back into the in-memory model, so that an import can be
 * merged with what is there, validated as one dataset and written back atomically. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

static char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? im_xstrdup(s) : NULL;
}

static int fail(sqlite3 *db, char **err)
{
	*err = im_xasprintf("reading the database: %s", sqlite3_errmsg(db));
	return -1;
}

static void load_stakeholders(im_item *it, const char *text)
{
	json_t *a = text ? json_loads(text, 0, NULL) : NULL;
	size_t cap = 0, i;
	json_t *v;
	json_array_foreach(a, i, v)
	{
		if (json_is_string(v))
			*IM_PUSH(it->stakeholders, it->n_stakeholders, cap) = im_xstrdup(json_string_value(v));
	}
	json_decref(a);
}

static int load_documents(sqlite3 *db, im_dataset *ds, char **err)
{
	sqlite3_stmt *st = NULL, *items = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id, title, short_title, publisher, version, published, url, kind,"
				   " jurisdiction, status, superseded_by, licence, description, gaps, file"
				   " FROM documents ORDER BY ord", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id, parent, kind, title, summary, status, conditional, condition,"
				   " section, stakeholders, notes FROM items WHERE doc = ? ORDER BY ord",
			       -1, &items, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(db, err);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		im_document *d = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
		d->imported = true; /* from the database, not a dataset file: no file-name rules */
		char **f[] = {&d->id,	       &d->title,	  &d->short_title, &d->publisher, &d->version,
			      &d->published,   &d->url,		  &d->kind,	   &d->jurisdiction,
			      &d->status,      &d->superseded_by, &d->licence,	   &d->description, &d->gaps,
			      &d->file};
		for (int i = 0; i < 15; i++)
			*f[i] = col(st, i);
		sqlite3_bind_text(items, 1, d->id, -1, SQLITE_STATIC);
		while (sqlite3_step(items) == SQLITE_ROW) {
			im_item *it = IM_PUSH(d->items, d->n_items, d->cap_items);
			char **g[] = {&it->id, &it->parent, &it->kind, &it->title, &it->summary, &it->status};
			for (int i = 0; i < 6; i++)
				*g[i] = col(items, i);
			if (sqlite3_column_int(items, 6))
				it->conditional = im_xstrdup("true");
			it->condition = col(items, 7);
			it->section = col(items, 8);
			load_stakeholders(it, (const char *)sqlite3_column_text(items, 9));
			it->notes = col(items, 10);
		}
		sqlite3_reset(items);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(items);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

static int load_sets(sqlite3 *db, im_dataset *ds, char **err)
{
	sqlite3_stmt *st = NULL, *maps = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id, source, target, description, method, author, date,"
				   " published_title, published_publisher, published_url, published_section,"
				   " published_notes, file FROM mapping_sets ORDER BY ord", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT source_item, target_item, relationship, matching_rationale,"
				   " confidence, rationale, notes FROM mappings WHERE set_id = ? ORDER BY ord",
			       -1, &maps, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(db, err);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		im_mapping_set *s = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
		s->imported = true;
		char **f[] = {&s->id, &s->source, &s->target, &s->description, &s->method, &s->author, &s->date};
		for (int i = 0; i < 7; i++)
			*f[i] = col(st, i);
		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			im_published_by *p = s->published_by = im_xcalloc(1, sizeof *p);
			p->title = col(st, 7);
			p->publisher = col(st, 8);
			p->url = col(st, 9);
			p->section = col(st, 10);
			p->notes = col(st, 11);
		}
		s->file = col(st, 12);
		sqlite3_bind_text(maps, 1, s->id, -1, SQLITE_STATIC);
		while (sqlite3_step(maps) == SQLITE_ROW) {
			im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
			char **g[] = {&m->source,     &m->target,    &m->relationship, &m->matching_rationale,
				      &m->confidence, &m->rationale, &m->notes};
			for (int i = 0; i < 7; i++)
				*g[i] = col(maps, i);
		}
		sqlite3_reset(maps);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(maps);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

int im_store_load(sqlite3 *db, im_dataset *ds, char **err)
{
	if (load_documents(db, ds, err) || load_sets(db, ds, err))
		return -1;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'dataset_digest'", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ds->digest = col(st, 0);
	sqlite3_finalize(st);
	return 0;
}
