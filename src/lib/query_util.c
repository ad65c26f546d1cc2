/* query_util.c: rows to JSON, shared by the query files (see query_util.h). */
#include "query_util.h"

#include <string.h>

#include "iotmap/util.h"

json_t *im_row_object(sqlite3_stmt *st)
{
	json_t *o = json_object();
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);
		int type = sqlite3_column_type(st, i);
		json_t *v;
		if (strcmp(name, "conditional") == 0) {
			v = json_boolean(sqlite3_column_int(st, i));
		} else if (strcmp(name, "stakeholders") == 0) {
			v = type == SQLITE_NULL ? NULL
						: json_loads((const char *)sqlite3_column_text(st, i), 0, NULL);
			if (!v)
				v = json_array();
		} else if (type == SQLITE_NULL) {
			v = json_null();
		} else if (type == SQLITE_INTEGER) {
			v = json_integer(sqlite3_column_int64(st, i));
		} else if (type == SQLITE_FLOAT) {
			v = json_real(sqlite3_column_double(st, i));
		} else {
			v = json_stringn((const char *)sqlite3_column_text(st, i),
					 (size_t)sqlite3_column_bytes(st, i));
		}
		json_object_set_new(o, name, v ? v : json_null());
	}
	return o;
}

sqlite3_stmt *im_q_prepare(sqlite3 *db, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		*err = im_xasprintf("database query failed: %s", sqlite3_errmsg(db));
		return NULL;
	}
	return st;
}

im_qstatus im_q_db_error(sqlite3 *db, char **err)
{
	*err = im_xasprintf("database query failed: %s", sqlite3_errmsg(db));
	return IM_Q_DB_ERROR;
}

im_qstatus im_q_collect(sqlite3 *db, sqlite3_stmt *st, json_t **out, char **err)
{
	json_t *a = json_array();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(a, im_row_object(st));
	if (rc != SQLITE_DONE) {
		json_decref(a);
		return im_q_db_error(db, err);
	}
	*out = a;
	return IM_Q_OK;
}

im_qstatus im_q_rows(sqlite3 *db, const char *sql, const char *p1, const char *p2, json_t **out, char **err)
{
	sqlite3_stmt *st = im_q_prepare(db, sql, err);
	if (!st)
		return IM_Q_DB_ERROR;
	const char *params[] = {p1, p2};
	for (int i = 0; i < 2 && i < sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC);
	im_qstatus q = im_q_collect(db, st, out, err);
	sqlite3_finalize(st);
	return q;
}

im_qstatus im_q_need_document(sqlite3 *db, const char *id, char **err)
{
	if (!id || im_q_document_exists(db, id))
		return IM_Q_OK;
	*err = im_xasprintf("no document '%s'", id);
	return IM_Q_NOT_FOUND;
}

int im_q_document_exists(sqlite3 *db, const char *id)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM documents WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

im_qstatus im_q_single(sqlite3 *db, sqlite3_stmt *st, json_t **out, char **err, const char *missing)
{
	int rc = sqlite3_step(st);
	im_qstatus q = IM_Q_OK;
	if (rc == SQLITE_ROW) {
		*out = im_row_object(st);
	} else if (rc == SQLITE_DONE) {
		*err = im_xstrdup(missing);
		q = IM_Q_NOT_FOUND;
	} else {
		q = im_q_db_error(db, err);
	}
	sqlite3_finalize(st);
	return q;
}

void im_rows_drop(json_t *rows, const char *const *keys)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
	{
		for (const char *const *k = keys; *k; k++)
			json_object_del(row, *k);
	}
}
