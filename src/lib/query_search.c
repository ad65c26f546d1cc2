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

im_qstatus im_q_search(sqlite3 *db, const char *text, int limit, const char *mark_open,
		       const char *mark_close, json_t **out, char **err)
{
	char *expr = fts_expression(text ? text : "");
	if (!expr) {
		*err = im_xstrdup("nothing to search for: give one or more words");
		return IM_Q_BAD_INPUT;
	}
	sqlite3_stmt *st = im_q_prepare(db,
		"SELECT i.doc || ':' || i.id AS ref, i.doc AS document, d.title AS document_title,"
		" d.kind AS document_kind, d.publisher AS publisher, i.id AS id, i.kind AS kind,"
		" i.title AS title, snippet(items_fts, -1, ?2, ?3, '...', 16) AS snippet"
		" FROM items_fts JOIN items i ON i.rowid = items_fts.rowid"
		" JOIN documents d ON d.id = i.doc"
		" WHERE items_fts MATCH ?1 ORDER BY bm25(items_fts), d.ord, i.ord LIMIT ?4", err);
	if (!st) {
		free(expr);
		return IM_Q_DB_ERROR;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, mark_open ? mark_open : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, mark_close ? mark_close : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : -1);
	im_qstatus q = im_q_collect(db, st, out, err);
	sqlite3_finalize(st);
	free(expr);
	return q;
}
