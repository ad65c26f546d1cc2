/* query_search.c: full-text search over items with SQLite FTS5.
 *
 * User text is never handed to FTS5's query language as is (a stray quote or a word like NOT or NEAR
 * would be a syntax error or change the meaning): each word becomes a quoted phrase, so the search
 * means "items containing all of these words", with a trailing * kept as a prefix search. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/util.h"
#include "query_util.h"

/* The FTS5 expression for the user's words, or NULL when there are none. */
static char *fts_expression(const char *text)
{
	im_strbuf b = {0};
	const char *p = text;
	size_t words = 0;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - start);
		bool prefix = len > 1 && start[len - 1] == '*';
		if (prefix)
			len--;
		if (len == 0 || (len == 1 && *start == '*'))
			continue;
		if (words++)
			im_sb_add(&b, " ");
		im_sb_add(&b, "\"");
		for (size_t i = 0; i < len; i++)
			im_sb_addn(&b, start[i] == '"' ? "\"\"" : &start[i], start[i] == '"' ? 2 : 1);
		im_sb_add(&b, prefix ? "\"*" : "\"");
	}
	if (!words) {
		im_sb_free(&b);
		return NULL;
	}
	return im_sb_take(&b);
}

im_qstatus im_q_search(sqlite3 *db, const im_search_opts *o, json_t **out, char **err)
{
	char *expr = fts_expression(o->text ? o->text : "");
	if (!expr) {
		*err = im_xstrdup("nothing to search for: give one or more words");
		return IM_Q_BAD_INPUT;
	}
	sqlite3_stmt *st = im_q_prepare(db,
		"SELECT i.doc || ':' || i.id AS ref, i.doc AS document, d.title AS document_title,"
		" d.short_title AS document_short_title, d.kind AS document_kind, d.publisher AS publisher,"
		" i.id AS id, i.kind AS kind, i.title AS title, i.summary AS summary,"
		" snippet(items_fts, -1, ?2, ?3, '...', 16) AS snippet"
		" FROM items_fts JOIN items i ON i.rowid = items_fts.rowid"
		" JOIN documents d ON d.id = i.doc"
		" WHERE items_fts MATCH ?1 AND (?5 IS NULL OR d.kind = ?5) AND (?6 IS NULL OR d.publisher = ?6)"
		" ORDER BY bm25(items_fts), d.ord, i.ord LIMIT ?4", err);
	if (!st) {
		free(expr);
		return IM_Q_DB_ERROR;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->mark_open ? o->mark_open : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->mark_close ? o->mark_close : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, o->limit > 0 ? o->limit : -1);
	if (o->kind && *o->kind)
		sqlite3_bind_text(st, 5, o->kind, -1, SQLITE_STATIC);
	if (o->publisher && *o->publisher)
		sqlite3_bind_text(st, 6, o->publisher, -1, SQLITE_STATIC);
	im_qstatus q = im_q_collect(db, st, out, err);
	sqlite3_finalize(st);
	free(expr);
	return q;
}

static im_qstatus column_list(sqlite3 *db, const char *sql, json_t **out, char **err)
{
	sqlite3_stmt *st = im_q_prepare(db, sql, err);
	if (!st)
		return IM_Q_DB_ERROR;
	json_t *a = json_array();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(a, json_string((const char *)sqlite3_column_text(st, 0)));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		json_decref(a);
		return im_q_db_error(db, err);
	}
	*out = a;
	return IM_Q_OK;
}

im_qstatus im_q_facets(sqlite3 *db, json_t **out, char **err)
{
	json_t *kinds = NULL, *publishers = NULL;
	im_qstatus q = column_list(db, "SELECT DISTINCT kind FROM documents ORDER BY kind", &kinds, err);
	if (q == IM_Q_OK)
		q = column_list(db, "SELECT DISTINCT publisher FROM documents ORDER BY publisher", &publishers, err);
	if (q != IM_Q_OK) {
		json_decref(kinds);
		return q;
	}
	*out = json_pack("{s:o, s:o}", "kinds", kinds, "publishers", publishers);
	return IM_Q_OK;
}
