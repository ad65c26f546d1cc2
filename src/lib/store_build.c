/* store_build.c: compiling the dataset into a new SQLite file, atomically (see store.h).
 *
 * The new database is written to a temporary file in the target's folder (rename is only atomic
 * within one file system), with SQLite's journal off because nobody else can see the file yet; it is
 * flushed with fsync before the rename, and the folder is flushed after, so a crash at any moment
 * leaves either the old database or the complete new one. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "iotmap/store.h"
#include "iotmap/util.h"
#include "iotmap/version.h"
#include "store_schema.h"

typedef struct builder {
	sqlite3 *db;
	char *err;
	long rows;	 /* rows inserted so far */
	long total;	 /* rows to insert in all */
	long fail_after; /* fault injection: fail once rows reaches this (<0: never) */
	im_progress_fn progress;
	void *user;
} builder;

const char *im_store_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return explicit_path;
	const char *env = getenv("IOTMAP_DB");
	if (env && *env)
		return env;
	return IM_DEFAULT_DB;
}

static int fail(builder *b, const char *what)
{
	if (!b->err)
		b->err = im_xasprintf("%s: %s", what, b->db ? sqlite3_errmsg(b->db) : "cannot open");
	return -1;
}

static int exec(builder *b, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(b->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (!b->err)
			b->err = im_xasprintf("database error: %s", msg ? msg : "unknown");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static sqlite3_stmt *prepare(builder *b, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(b, "preparing a statement");
		return NULL;
	}
	return st;
}

/* Bind a list of texts (NULL binds SQL NULL) starting at parameter 1. */
static void bind_texts(sqlite3_stmt *st, int first, const char *const *v, int n)
{
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, first + i, v[i], -1, SQLITE_STATIC);
}

static int step(builder *b, sqlite3_stmt *st, const char *what)
{
	if (b->fail_after >= 0 && b->rows >= b->fail_after) {
		if (!b->err)
			b->err = im_xasprintf("%s: injected fault after %ld rows (IOTMAP_FAULT_AFTER_ROWS)",
					      what, b->rows);
		return -1;
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return fail(b, what);
	b->rows++;
	if (b->progress && (b->rows & 8191) == 0)
		b->progress(b->user, b->rows, b->total);
	return 0;
}

static char *stakeholders_json(const im_item *it)
{
	if (it->n_stakeholders == 0)
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; i < it->n_stakeholders; i++)
		json_array_append_new(a, json_string(it->stakeholders[i]));
	char *s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return s;
}

static int insert_documents(builder *b, const im_dataset *ds)
{
	sqlite3_stmt *doc = prepare(b, "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *item = prepare(b, "INSERT INTO items(doc,id,ord,parent,kind,title,summary,status,"
					"conditional,condition,section,stakeholders,notes) "
					"VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
	int rc = doc && item ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < ds->n_docs; i++) {
		const im_document *d = &ds->docs[i];
		sqlite3_bind_text(doc, 1, d->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(doc, 2, (sqlite3_int64)i);
		const char *v[] = {d->title,	    d->short_title, d->publisher, d->version,
				   d->published,    d->url,	    d->kind,	  d->jurisdiction,
				   d->status,	    d->superseded_by, d->licence, d->description,
				   d->gaps,	    d->file};
		bind_texts(doc, 3, v, 14);
		rc = step(b, doc, "inserting a document");
		for (size_t j = 0; rc == 0 && j < d->n_items; j++) {
			const im_item *it = &d->items[j];
			char *sh = stakeholders_json(it);
			sqlite3_bind_text(item, 1, d->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(item, 2, it->id, -1, SQLITE_STATIC);
			sqlite3_bind_int64(item, 3, (sqlite3_int64)j);
			const char *w[] = {it->parent, it->kind, it->title, it->summary, it->status};
			bind_texts(item, 4, w, 5);
			sqlite3_bind_int(item, 9, im_item_is_conditional(it));
			const char *x[] = {it->condition, it->section, sh, it->notes};
			bind_texts(item, 10, x, 4);
			rc = step(b, item, "inserting an item");
			free(sh);
		}
	}
	sqlite3_finalize(doc);
	sqlite3_finalize(item);
	return rc;
}

static int insert_mappings(builder *b, const im_dataset *ds)
{
	sqlite3_stmt *set = prepare(b, "INSERT INTO mapping_sets VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *map = prepare(b, "INSERT INTO mappings(set_id,ord,source_doc,source_item,"
				       "target_doc,target_item,relationship,matching_rationale,"
				       "confidence,rationale,notes) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
	int rc = set && map ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < ds->n_sets; i++) {
		const im_mapping_set *s = &ds->sets[i];
		const im_published_by *p = s->published_by;
		sqlite3_bind_text(set, 1, s->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(set, 2, (sqlite3_int64)i);
		const char *v[] = {s->source,
				   s->target,
				   s->description,
				   s->method,
				   s->author,
				   s->date,
				   p ? p->title : NULL,
				   p ? p->publisher : NULL,
				   p ? p->url : NULL,
				   p ? p->section : NULL,
				   p ? p->notes : NULL,
				   s->file};
		bind_texts(set, 3, v, 12);
		rc = step(b, set, "inserting a mapping set");
		for (size_t j = 0; rc == 0 && j < s->n_mappings; j++) {
			const im_mapping *m = &s->mappings[j];
			sqlite3_bind_text(map, 1, s->id, -1, SQLITE_STATIC);
			sqlite3_bind_int64(map, 2, (sqlite3_int64)j);
			const char *w[] = {s->source,	      m->source,	     s->target,
					   m->target,	      m->relationship,	     m->matching_rationale,
					   m->confidence,     m->rationale,	     m->notes};
			bind_texts(map, 3, w, 9);
			rc = step(b, map, "inserting a mapping");
		}
	}
	sqlite3_finalize(set);
	sqlite3_finalize(map);
	return rc;
}

static int insert_meta(builder *b, const im_dataset *ds, const char *source_dir)
{
	char built[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(built, sizeof built, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char schema[16];
	snprintf(schema, sizeof schema, "%d", IOTMAP_SCHEMA_VERSION);
	const char *kv[][2] = {{"schema_version", schema},
			       {"iotmap_version", IOTMAP_VERSION},
			       {"dataset_digest", ds->digest ? ds->digest : "unknown"},
			       {"built_at", built},
			       {"source_dir", source_dir ? source_dir : ""}};
	sqlite3_stmt *st = prepare(b, "INSERT INTO meta VALUES(?,?)");
	int rc = st ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < sizeof kv / sizeof *kv; i++) {
		bind_texts(st, 1, kv[i], 2);
		rc = step(b, st, "writing metadata");
	}
	sqlite3_finalize(st);
	return rc;
}

static int fill(builder *b, const im_dataset *ds, const char *source_dir)
{
	if (exec(b, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;") ||
	    exec(b, IM_SCHEMA_SQL) || insert_documents(b, ds) || insert_mappings(b, ds) ||
	    insert_meta(b, ds, source_dir) || exec(b, IM_INDEX_SQL) || exec(b, "COMMIT;"))
		return -1;
	return 0;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int im_store_build(const im_dataset *ds, const char *source_dir, const char *db_path, char **err)
{
	return im_store_build_progress(ds, source_dir, db_path, NULL, NULL, err);
}

int im_store_build_progress(const im_dataset *ds, const char *source_dir, const char *db_path,
			    im_progress_fn progress, void *user, char **err)
{
	builder b = {.fail_after = -1, .progress = progress, .user = user};
	b.total = (long)(ds->n_docs + ds->n_sets) + 5;
	for (size_t i = 0; i < ds->n_docs; i++)
		b.total += (long)ds->docs[i].n_items;
	for (size_t i = 0; i < ds->n_sets; i++)
		b.total += (long)ds->sets[i].n_mappings;
	const char *fault = getenv("IOTMAP_FAULT_AFTER_ROWS");
	if (fault && *fault)
		b.fail_after = strtol(fault, NULL, 10);
	char *tmp = im_xasprintf("%s.tmp-XXXXXX", db_path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = im_xasprintf("cannot create a temporary file beside %s: %s", db_path,
				    strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	int rc = -1;
	if (sqlite3_open_v2(tmp, &b.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail(&b, "opening the new database");
	else
		rc = fill(&b, ds, source_dir);
	if (sqlite3_close(b.db) != SQLITE_OK && rc == 0) {
		rc = -1;
		b.err = im_xasprintf("closing the new database failed");
	}
	if (rc == 0 && fsync_path(tmp, O_RDONLY) != 0) {
		rc = -1;
		b.err = im_xasprintf("flushing %s to disk: %s", tmp, strerror(errno));
	}
	if (rc == 0 && rename(tmp, db_path) != 0) {
		rc = -1;
		b.err = im_xasprintf("cannot replace %s: %s", db_path, strerror(errno));
	}
	if (rc == 0 && progress)
		progress(user, b.total, b.total);
	if (rc == 0) {
		char *copy = im_xstrdup(db_path);
		fsync_path(dirname(copy), O_RDONLY | O_DIRECTORY);
		free(copy);
	} else {
		unlink(tmp);
		*err = b.err ? b.err : im_xstrdup("building the database failed");
		b.err = NULL;
	}
	free(b.err);
	free(tmp);
	return rc;
}
