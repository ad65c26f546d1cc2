/* ref.c: DOCUMENT:ITEM references: parsing, formatting and "did you mean" suggestions. */
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/suggest.h"
#include "iotmap/util.h"
#include "query_util.h"

int im_ref_parse(const char *text, im_ref *ref)
{
	memset(ref, 0, sizeof *ref);
	if (!text || !*text)
		return -1;
	const char *colon = strchr(text, ':');
	if (!colon) {
		ref->doc = im_xstrdup(text);
		return 0;
	}
	if (colon == text || colon[1] == '\0')
		return -1;
	ref->doc = im_xstrndup(text, (size_t)(colon - text));
	ref->item = im_xstrdup(colon + 1);
	return 0;
}

char *im_ref_format(const char *doc, const char *item)
{
	return item ? im_xasprintf("%s:%s", doc, item) : im_xstrdup(doc);
}

void im_ref_free(im_ref *ref)
{
	free(ref->doc);
	free(ref->item);
	memset(ref, 0, sizeof *ref);
}

static void offer_column(sqlite3 *db, const char *sql, const char *bind, im_suggester *s)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	if (bind)
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		im_suggester_offer(s, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Fill s with the references nearest to text. */
static void suggest(sqlite3 *db, const char *text, im_suggester *s)
{
	im_ref ref;
	if (im_ref_parse(text, &ref) != 0) {
		im_suggester_init(s, text, 3);
		return;
	}
	if (ref.item && im_q_document_exists(db, ref.doc)) {
		/* The document is right; look for the item among its own. */
		im_suggester_init(s, text, 3);
		offer_column(db, "SELECT doc || ':' || id FROM items WHERE doc = ? ORDER BY ord", ref.doc, s);
	} else {
		/* Suggest documents; keep the item part the user typed. */
		im_suggester_init(s, ref.doc, 3);
		offer_column(db, "SELECT id FROM documents ORDER BY ord", NULL, s);
		if (ref.item)
			for (size_t i = 0; i < s->n; i++) {
				char *full = im_ref_format(s->best[i], ref.item);
				free(s->best[i]);
				s->best[i] = full;
			}
	}
	im_ref_free(&ref);
}

char *im_q_suggest(sqlite3 *db, const char *text)
{
	im_suggester s;
	suggest(db, text, &s);
	char *hint = im_suggester_text(&s);
	im_suggester_free(&s);
	return hint;
}

json_t *im_q_suggestions(sqlite3 *db, const char *text)
{
	im_suggester s;
	suggest(db, text, &s);
	json_t *a = json_array();
	for (size_t i = 0; i < s.n; i++)
		json_array_append_new(a, json_string(s.best[i]));
	im_suggester_free(&s);
	return a;
}
