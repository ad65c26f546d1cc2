/* query_util.h (internal): turning SQLite rows into JSON objects, and status helpers for queries. */
#ifndef IOTMAP_QUERY_UTIL_H
#define IOTMAP_QUERY_UTIL_H

#include <jansson.h>
#include <sqlite3.h>

#include "iotmap/query.h"

/* An object from the current row, one key per column (the column's name or alias). NULL columns
 * become JSON null; a column named "conditional" becomes a boolean; "stakeholders" holds a JSON array
 * as text and becomes an array (empty when NULL). */
json_t *im_row_object(sqlite3_stmt *st);

/* Prepare, or set *err and return NULL. */
sqlite3_stmt *im_q_prepare(sqlite3 *db, const char *sql, char **err);
im_qstatus im_q_db_error(sqlite3 *db, char **err);

/* The one row st yields, as an object; IM_Q_NOT_FOUND with *err = missing (copied) when there is none.
 * Finalizes st. */
im_qstatus im_q_single(sqlite3 *db, sqlite3_stmt *st, json_t **out, char **err, const char *missing);

/* Remove keys (NULL-terminated) that only served to sort rows. */
void im_rows_drop(json_t *rows, const char *const *keys);

/* Run st to completion, appending im_row_object of each row to a new array. */
im_qstatus im_q_collect(sqlite3 *db, sqlite3_stmt *st, json_t **out, char **err);

/* im_q_collect over sql with ?1 = p1 and ?2 = p2 (a NULL parameter stays unbound, that is NULL). */
im_qstatus im_q_rows(sqlite3 *db, const char *sql, const char *p1, const char *p2, json_t **out, char **err);

/* IM_Q_OK when id is NULL or names a document, else IM_Q_NOT_FOUND with *err = "no document '...'". */
im_qstatus im_q_need_document(sqlite3 *db, const char *id, char **err);


#endif
