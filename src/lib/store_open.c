/* store_open.c: opening a built database for queries (see store.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "iotmap/store.h"
#include "iotmap/util.h"
#include "iotmap/version.h"

char *im_store_meta(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st = NULL;
	char *value = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		value = im_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return value;
}

int im_store_open(const char *db_path, sqlite3 **db, char **err)
{
	struct stat sb;
	*db = NULL;
	if (stat(db_path, &sb) != 0) {
		*err = im_xasprintf("no database at %s; run 'iotmap build' first (or give --db PATH or "
				    "set IOTMAP_DB)", db_path);
		return -1;
	}
	if (sqlite3_open_v2(db_path, db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		*err = im_xasprintf("cannot open database %s: %s", db_path, sqlite3_errmsg(*db));
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	char *schema = im_store_meta(*db, "schema_version");
	int want = IOTMAP_SCHEMA_VERSION;
	if (!schema || atoi(schema) != want) {
		*err = schema ? im_xasprintf("database %s has schema version %s, this iotmap needs %d; "
					     "rebuild it with 'iotmap build'", db_path, schema, want)
			      : im_xasprintf("%s is not an iotmap database (no schema version); rebuild "
					     "it with 'iotmap build'", db_path);
		free(schema);
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	free(schema);
	return 0;
}
