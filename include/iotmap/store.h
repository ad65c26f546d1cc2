/* store.h: the SQLite database that the dataset is compiled into and every query reads.
 *
 * Building is all-or-nothing: the database is written to a temporary file beside the target, flushed
 * to disk, and renamed over the old one only when everything succeeded; on any failure the old file is
 * untouched and the temporary file is removed. */
#ifndef IOTMAP_STORE_H
#define IOTMAP_STORE_H

#include <sqlite3.h>

#include "iotmap/model.h"

/* The database path: explicit if given, else $IOTMAP_DB, else IM_DEFAULT_DB (relative to the current
 * directory). */
#define IM_DEFAULT_DB "iotmap.db"
const char *im_store_path(const char *explicit_path);

/* Compile a validated dataset into db_path. Returns 0, or -1 with *err set (caller frees).
 * The environment variable IOTMAP_FAULT_AFTER_ROWS=N makes the build fail after N inserted rows; the
 * tests use it to prove that an interrupted build leaves the previous database intact. */
int im_store_build(const im_dataset *ds, const char *source_dir, const char *db_path, char **err);

/* The same, reporting progress: progress(user, rows written, rows in all) now and then (may be NULL). */
typedef void (*im_progress_fn)(void *user, long done, long total);
int im_store_build_progress(const im_dataset *ds, const char *source_dir, const char *db_path,
			    im_progress_fn progress, void *user, char **err);

/* Open an existing database read-only and check its schema version. Returns 0, or -1 with *err set. */
int im_store_open(const char *db_path, sqlite3 **db, char **err);

/* A value from the meta table (dataset_digest, built_at, schema_version, iotmap_version, source_dir);
 * NULL when missing. Caller frees. */
char *im_store_meta(sqlite3 *db, const char *key);

#endif
