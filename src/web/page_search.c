/* page_search.c: /search: full-text search with filters by document kind and publisher; matches are
 * highlighted with <mark>. The form works without script. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "pages.h"

static void select_box(im_strbuf *b, const char *name, const char *label, json_t *options, const char *chosen)
{
	h_raw(b, "<div class=\"field\"><label for=\"f-");
	h_attr(b, name);
	h_raw(b, "\">");
	h_text(b, label);
	h_raw(b, "</label><select id=\"f-");
	h_attr(b, name);
	h_raw(b, "\" name=\"");
	h_attr(b, name);
	h_raw(b, "\"><option value=\"\">Any</option>");
	size_t i;
	json_t *o;
	json_array_foreach(options, i, o)
	{
		const char *v = json_string_value(o);
		h_raw(b, "<option value=\"");
		h_attr(b, v);
		h_raw(b, chosen && strcmp(chosen, v) == 0 ? "\" selected>" : "\">");
		h_text(b, v);
		h_raw(b, "</option>");
	}
	h_raw(b, "</select></div>");
}

void page_search(web_request *rq, web_response *rs)
{
	const char *q = web_arg(rq, "q"), *kind = web_arg(rq, "kind"), *publisher = web_arg(rq, "publisher");
	json_t *facets = NULL;
	char *err = NULL;
	if (im_q_facets(rq->db, &facets, &err) != IM_Q_OK) {
		page_error(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Server error", err);
		free(err);
		return;
	}
	h_crumb crumbs[] = {{"Home", "/"}, {"Search", NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, q && *q ? q : "Search", crumbs, 2);
	h_raw(b, "<h1>Search requirements</h1>\n<form class=\"search\" action=\"/search\" method=\"get\">"
		 "<div class=\"field\"><label for=\"f-q\">Words</label><input id=\"f-q\" name=\"q\" type=\"search\" "
		 "value=\"");
	h_attr(b, q ? q : "");
	h_raw(b, "\" aria-describedby=\"q-hint\"><p id=\"q-hint\" class=\"hint\">Every word must match; end a "
		 "word with * to match the start of words.</p></div>");
	select_box(b, "kind", "Kind of document", json_object_get(facets, "kinds"), kind);
	select_box(b, "publisher", "Publisher", json_object_get(facets, "publishers"), publisher);
	h_raw(b, "<button type=\"submit\">Search</button></form>\n");
	if (q && *q) {
		json_t *rows = NULL;
		im_search_opts o = {.text = q, .limit = 100, .mark_open = "\x01", .mark_close = "\x02",
				    .kind = kind, .publisher = publisher};
		im_qstatus s = im_q_search(rq->db, &o, &rows, &err);
		if (s != IM_Q_OK) {
			h_raw(b, "<p class=\"error\">");
			h_text(b, err);
			h_raw(b, "</p>\n");
			free(err);
		} else if (json_array_size(rows) == 0) {
			h_raw(b, "<p>No requirements match.</p>\n");
			json_decref(rows);
		} else {
			im_sb_printf(b, "<p>%zu %s.</p>\n<ol class=\"results\">\n", json_array_size(rows),
				     json_array_size(rows) == 1 ? "match" : "matches");
			size_t i;
			json_t *r;
			json_array_foreach(rows, i, r)
			{
				h_raw(b, "<li><h2 class=\"result\">");
				page_item_link(b, jstr(r, "ref"), jstr(r, "ref"));
				if (jstr(r, "title")) {
					h_raw(b, " ");
					h_text(b, jstr(r, "title"));
				}
				h_raw(b, "</h2><p class=\"small\">");
				h_text(b, jstr(r, "document_title"));
				h_raw(b, " (");
				h_text(b, jstr(r, "publisher"));
				h_raw(b, ")</p><p>");
				h_marked(b, jstr(r, "snippet"));
				h_raw(b, "</p></li>\n");
			}
			h_raw(b, "</ol>\n");
			json_decref(rows);
		}
	}
	h_page_end(b);
	json_decref(facets);
	web_html(rs, MHD_HTTP_OK);
}
