/* page_document.c: /documents/{id}: a document's metadata and its items as a tree, each item with its
 * mappings (read from the item's side). */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/vocab.h"
#include "pages.h"

/* Mappings of the document, grouped by this document's item id: item id -> array of
 * {relationship (from the item's side), other, confidence}. */
static json_t *mappings_by_item(sqlite3 *db, const char *doc)
{
	json_t *rows = NULL, *by = json_object();
	char *err = NULL;
	im_mapping_filter f = {.ref = doc};
	if (im_q_mappings(db, &f, &rows, &err) != IM_Q_OK) {
		free(err);
		return by;
	}
	size_t prefix = strlen(doc) + 1;
	size_t i;
	json_t *m;
	json_array_foreach(rows, i, m)
	{
		const char *src = jstr(m, "source"), *tgt = jstr(m, "target");
		bool outgoing = strncmp(src, doc, prefix - 1) == 0 && src[prefix - 1] == ':';
		const char *mine = (outgoing ? src : tgt) + prefix;
		const char *rel = jstr(m, "relationship");
		json_t *list = json_object_get(by, mine);
		if (!list) {
			list = json_array();
			json_object_set_new(by, mine, list);
		}
		json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "relationship",
						      outgoing ? rel : im_relationship_inverse(rel), "other",
						      outgoing ? tgt : src, "confidence", jstr(m, "confidence")));
	}
	json_decref(rows);
	return by;
}

static void item_entry(im_strbuf *b, const char *doc, json_t *it, json_t *maps)
{
	char *ref = im_xasprintf("%s:%s", doc, jstr(it, "id"));
	/* An id attribute may not contain white space. */
	char *anchor = im_xstrdup(jstr(it, "id"));
	for (char *p = anchor; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n')
			*p = '_';
	h_raw(b, "<li id=\"item-");
	h_attr(b, anchor);
	free(anchor);
	h_raw(b, "\"><div class=\"item\"><span class=\"item-id\">");
	page_item_link(b, ref, jstr(it, "id"));
	h_raw(b, "</span> ");
	if (jstr(it, "title")) {
		h_raw(b, "<strong>");
		h_text(b, jstr(it, "title"));
		h_raw(b, "</strong> ");
	}
	if (jstr(it, "status")) {
		h_raw(b, "<span class=\"status\">");
		h_text(b, jstr(it, "status"));
		if (json_is_true(json_object_get(it, "conditional")))
			h_raw(b, ", conditional");
		h_raw(b, "</span>");
	}
	h_raw(b, "<p>");
	h_text(b, jstr(it, "summary"));
	h_raw(b, "</p>");
	json_t *mine = json_object_get(maps, jstr(it, "id"));
	if (json_array_size(mine)) {
		h_raw(b, "<ul class=\"maps\">");
		size_t i;
		json_t *m;
		json_array_foreach(mine, i, m)
		{
			h_raw(b, "<li>");
			page_relationship(b, jstr(m, "relationship"));
			h_raw(b, " ");
			page_item_link(b, jstr(m, "other"), NULL);
			h_raw(b, " <span class=\"conf\">(");
			h_text(b, jstr(m, "confidence"));
			h_raw(b, ")</span></li>");
		}
		h_raw(b, "</ul>");
	}
	h_raw(b, "</div>");
	free(ref);
}

/* Items in source order, nested under their parents. */
static void item_tree(im_strbuf *b, const char *doc, json_t *items, json_t *maps, const char *parent)
{
	bool open = false;
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		const char *p = jstr(it, "parent");
		if ((parent == NULL) != (p == NULL) || (parent && strcmp(parent, p) != 0))
			continue;
		if (!open) {
			h_raw(b, "<ul class=\"tree\">\n");
			open = true;
		}
		item_entry(b, doc, it, maps);
		item_tree(b, doc, items, maps, jstr(it, "id"));
		h_raw(b, "</li>\n");
	}
	if (open)
		h_raw(b, "</ul>\n");
}

void page_document(web_request *rq, web_response *rs, const char *id)
{
	json_t *doc = NULL;
	char *err = NULL;
	im_qstatus s = im_q_document(rq->db, id, &doc, &err);
	if (s != IM_Q_OK) {
		page_query_failed(rq, rs, s, "document", id, err);
		return;
	}
	const char *title = jstr(doc, "title");
	const char *label = jstr_or(doc, "short_title", id);
	h_crumb crumbs[] = {{"Home", "/"}, {label, NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, label, crumbs, 2);
	h_raw(b, "<h1>");
	h_text(b, title);
	h_raw(b, "</h1>\n<dl class=\"meta\">\n");
	static const char *const fields[][2] = {
		{"publisher", "Publisher"}, {"version", "Version"},	   {"published", "Published"},
		{"kind", "Kind"},	    {"jurisdiction", "Jurisdiction"}, {"status", "Status"},
		{"licence", "Licence"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		h_raw(b, "<dt>");
		h_text(b, fields[i][1]);
		h_raw(b, "</dt><dd>");
		h_text(b, jstr(doc, fields[i][0]));
		h_raw(b, "</dd>\n");
	}
	if (jstr(doc, "superseded_by")) {
		h_raw(b, "<dt>Superseded by</dt><dd>");
		page_doc_link(b, jstr(doc, "superseded_by"), NULL);
		h_raw(b, "</dd>\n");
	}
	h_raw(b, "<dt>Official source</dt><dd><a rel=\"external\" href=\"");
	h_attr(b, jstr(doc, "url"));
	h_raw(b, "\">");
	h_text(b, jstr(doc, "url"));
	h_raw(b, "</a></dd>\n</dl>\n<p>");
	h_text(b, jstr(doc, "description"));
	h_raw(b, "</p>\n");
	if (jstr(doc, "gaps")) {
		/* A partial record must not read as a complete one: unmapped is not the same as absent. */
		h_raw(b, "<div class=\"notice\" role=\"note\"><p><strong>Partial record.</strong> ");
		h_text(b, jstr(doc, "gaps"));
		h_raw(b, "</p><p>Requirements missing here are not mapped, so coverage figures for this document "
			 "are lower bounds.</p></div>\n");
	}
	h_raw(b, "<h2>Items</h2>\n<p class=\"hint\">Summaries are iotmap's paraphrases; relationships "
		 "read from each item's side.</p>\n");
	json_t *maps = mappings_by_item(rq->db, id);
	item_tree(b, id, json_object_get(doc, "items"), maps, NULL);
	json_decref(maps);
	h_page_end(b);
	json_decref(doc);
	web_html(rs, MHD_HTTP_OK);
}
