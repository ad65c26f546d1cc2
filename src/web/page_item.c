/* page_item.c: /items/{ref}: one item and everything related to it in every other document, grouped by
 * publisher. For a hub provision this is the page people come for: everything that corresponds to it. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "pages.h"

static void detail(im_strbuf *b, const char *label, const char *value)
{
	if (!value)
		return;
	h_raw(b, "<dt>");
	h_text(b, label);
	h_raw(b, "</dt><dd>");
	h_text(b, value);
	h_raw(b, "</dd>\n");
}

/* Distinct publishers of the other sides, in first-seen order (mappings come in dataset order). */
static json_t *publishers(json_t *maps)
{
	json_t *list = json_array();
	size_t i, j;
	json_t *m, *p;
	json_array_foreach(maps, i, m)
	{
		bool seen = false;
		json_array_foreach(list, j, p) seen |= strcmp(json_string_value(p), jstr(m, "other_publisher")) == 0;
		if (!seen)
			json_array_append_new(list, json_string(jstr(m, "other_publisher")));
	}
	return list;
}

static void mapping_rows(im_strbuf *b, json_t *maps, const char *publisher)
{
	h_raw(b, "<table class=\"maps\">\n<thead><tr><th scope=\"col\">This item is</th>"
		 "<th scope=\"col\">Related item</th><th scope=\"col\">Confidence</th>"
		 "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
	size_t i;
	json_t *m;
	json_array_foreach(maps, i, m)
	{
		if (strcmp(jstr(m, "other_publisher"), publisher) != 0)
			continue;
		h_raw(b, "<tr><td>");
		page_relationship(b, jstr(m, "relationship"));
		h_raw(b, "</td><td>");
		page_item_link(b, jstr(m, "other"), NULL);
		h_raw(b, "<div class=\"small\">");
		h_text(b, jstr_or(m, "other_document_short_title", jstr(m, "other_document_title")));
		h_raw(b, "</div><div class=\"small\">");
		h_text(b, jstr_or(m, "other_title", jstr(m, "other_summary")));
		h_raw(b, "</div></td><td>");
		h_text(b, jstr(m, "confidence"));
		h_raw(b, "<div class=\"small\">");
		h_text(b, jstr(m, "matching_rationale"));
		h_raw(b, "</div></td><td>");
		h_text(b, jstr(m, "rationale"));
		h_raw(b, "</td></tr>\n");
	}
	h_raw(b, "</tbody></table>\n");
}

void page_item(web_request *rq, web_response *rs, const char *text)
{
	im_ref ref;
	if (im_ref_parse(text, &ref) != 0 || !ref.item) {
		im_ref_free(&ref);
		page_not_found(rq, rs, "item", text);
		return;
	}
	json_t *it = NULL;
	char *err = NULL;
	im_qstatus s = im_q_item(rq->db, ref.doc, ref.item, &it, &err);
	if (s != IM_Q_OK) {
		page_query_failed(rq, rs, s, "item", text, err);
		im_ref_free(&ref);
		return;
	}
	const char *doc_label = jstr_or(it, "document_short_title", ref.doc);
	char *doc_href = im_xasprintf("/documents/%s", ref.doc);
	char *heading = im_xasprintf("%s %s", doc_label, ref.item);
	h_crumb crumbs[] = {{"Home", "/"}, {doc_label, doc_href}, {ref.item, NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, heading, crumbs, 3);
	h_raw(b, "<h1>");
	h_text(b, heading);
	if (jstr(it, "title")) {
		h_raw(b, ": ");
		h_text(b, jstr(it, "title"));
	}
	h_raw(b, "</h1>\n<p class=\"lead\">");
	h_text(b, jstr(it, "summary"));
	h_raw(b, "</p>\n<dl class=\"meta\">\n");
	h_raw(b, "<dt>Document</dt><dd>");
	page_doc_link(b, ref.doc, jstr(it, "document_title"));
	h_raw(b, "</dd>\n");
	detail(b, "Section", jstr(it, "section"));
	detail(b, "Kind", jstr(it, "kind"));
	detail(b, "Status", jstr(it, "status"));
	detail(b, "Applies when", jstr(it, "condition"));
	if (jstr(it, "parent")) {
		char *pref = im_xasprintf("%s:%s", ref.doc, jstr(it, "parent"));
		h_raw(b, "<dt>Part of</dt><dd>");
		page_item_link(b, pref, pref);
		h_raw(b, "</dd>\n");
		free(pref);
	}
	json_t *who = json_object_get(it, "stakeholders");
	if (json_array_size(who)) {
		h_raw(b, "<dt>Responsible</dt><dd>");
		size_t i;
		json_t *w;
		json_array_foreach(who, i, w)
		{
			if (i)
				h_raw(b, ", ");
			h_json_text(b, w);
		}
		h_raw(b, "</dd>\n");
	}
	detail(b, "Notes", jstr(it, "notes"));
	h_raw(b, "<dt>Official text</dt><dd><a rel=\"external\" href=\"");
	h_attr(b, jstr(it, "url"));
	h_raw(b, "\">");
	h_text(b, jstr(it, "publisher"));
	h_raw(b, "</a> (this summary is a paraphrase)</dd>\n</dl>\n");
	json_t *children = json_object_get(it, "children");
	if (json_array_size(children)) {
		h_raw(b, "<h2>Items under it</h2>\n<ul>\n");
		size_t i;
		json_t *c;
		json_array_foreach(children, i, c)
		{
			h_raw(b, "<li>");
			page_item_link(b, jstr(c, "ref"), jstr(c, "id"));
			h_raw(b, " ");
			h_text(b, jstr_or(c, "title", jstr(c, "summary")));
			h_raw(b, "</li>\n");
		}
		h_raw(b, "</ul>\n");
	}
	json_t *maps = json_object_get(it, "mappings");
	h_raw(b, "<h2>Related requirements</h2>\n");
	if (!json_array_size(maps)) {
		h_raw(b, "<p>No mappings yet.</p>\n");
	} else {
		im_sb_printf(b, "<p>%zu mappings, read as: this item <em>relationship</em> the related item.</p>\n",
			     json_array_size(maps));
		json_t *pubs = publishers(maps);
		size_t i;
		json_t *p;
		json_array_foreach(pubs, i, p)
		{
			h_raw(b, "<h3>");
			h_text(b, json_string_value(p));
			h_raw(b, "</h3>\n");
			mapping_rows(b, maps, json_string_value(p));
		}
		json_decref(pubs);
	}
	h_page_end(b);
	web_html(rs, MHD_HTTP_OK);
	free(doc_href);
	free(heading);
	json_decref(it);
	im_ref_free(&ref);
}
