/* page_coverage.c: /coverage: how much of the hub each document reaches, per hub section, as a heat
 * map drawn in SVG on the server (no script needed) with an HTML table of the same numbers for screen
 * readers and copying. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "pages.h"

#define CELL 34
#define CHAR_W 7  /* average width of a label character at 13px */
#define MAX_LABEL 48 /* longer row labels are cut (the full name is in the table and the tooltip) */
#define HEAD_H 70
#define LEGEND_H 76

/* Colour for a count: white for none, then from light to dark blue in five steps. */
static const char *shade(json_int_t n, json_int_t max)
{
	static const char *const steps[] = {"#ffffff", "#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
	if (n <= 0 || max <= 0)
		return steps[0];
	int i = 1 + (int)((n - 1) * 5 / max);
	return steps[i > 5 ? 5 : i];
}

static void svg_text(im_strbuf *b, int x, int y, const char *attrs, const char *text)
{
	im_sb_printf(b, "<text x=\"%d\" y=\"%d\" %s>", x, y, attrs);
	h_text(b, text);
	h_raw(b, "</text>");
}

static void heat_map(im_strbuf *b, json_t *m)
{
	json_t *sections = json_object_get(m, "sections"), *docs = json_object_get(m, "documents");
	json_int_t max = json_integer_value(json_object_get(m, "max"));
	size_t ns = json_array_size(sections), nd = json_array_size(docs);
	/* The label column is as wide as the longest (cut) label, so no name runs off the picture. */
	size_t longest = 8;
	size_t i;
	json_t *d;
	json_array_foreach(docs, i, d)
	{
		const char *label = jstr_or(d, "short_title", jstr(d, "id"));
		size_t n = strlen(label) > MAX_LABEL ? MAX_LABEL : strlen(label);
		if (n > longest)
			longest = n;
	}
	const int LABEL_W = (int)longest * CHAR_W + 16;
	int w = LABEL_W + (int)ns * CELL + 10, h = HEAD_H + (int)nd * CELL + LEGEND_H;
	im_sb_printf(b, "<figure class=\"heatmap\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
			"width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"hm-title\">"
			"<title id=\"hm-title\">Mapped items per document and hub section</title>",
		     w, h, w, h);
	json_t *s;
	json_array_foreach(sections, i, s)
	{
		int x = LABEL_W + (int)i * CELL + CELL / 2;
		char attrs[96];
		snprintf(attrs, sizeof attrs, "transform=\"rotate(-45 %d %d)\" class=\"col\"", x, HEAD_H - 8);
		svg_text(b, x, HEAD_H - 8, attrs, jstr(s, "id"));
	}
	json_array_foreach(docs, i, d)
	{
		int y = HEAD_H + (int)i * CELL;
		const char *full = jstr_or(d, "short_title", jstr(d, "id"));
		char label[MAX_LABEL + 8];
		if (strlen(full) > MAX_LABEL)
			snprintf(label, sizeof label, "%.*s...", MAX_LABEL - 3, full);
		else
			snprintf(label, sizeof label, "%s", full);
		im_sb_printf(b, "<a href=\"/documents/");
		h_uri(b, jstr(d, "id"));
		h_raw(b, "\">");
		svg_text(b, LABEL_W - 8, y + CELL / 2 + 5, "text-anchor=\"end\" class=\"row\"", label);
		h_raw(b, "</a>");
		json_t *counts = json_object_get(d, "counts");
		for (size_t j = 0; j < ns; j++) {
			json_int_t n = json_integer_value(json_array_get(counts, j));
			int x = LABEL_W + (int)j * CELL;
			im_sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
					"stroke=\"#b1b4b6\"><title>",
				     x, y, CELL, CELL, shade(n, max));
			h_text(b, label);
			im_sb_printf(b, ", section ");
			h_text(b, jstr(json_array_get(sections, j), "id"));
			im_sb_printf(b, ": %lld</title></rect>", (long long)n);
			if (n > 0)
				im_sb_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"%s\">%lld</text>",
					     x + CELL / 2, y + CELL / 2 + 5,
					     n * 5 > max * 3 ? "num light" : "num", (long long)n);
		}
	}
	int ly = HEAD_H + (int)nd * CELL + 20;
	svg_text(b, 0, ly + 15, "class=\"row\"", "Mapped items:");
	static const char *const labels[] = {"none", "few", "", "", "", "most"};
	for (int k = 0; k < 6; k++) {
		int x = 110 + k * 40;
		json_int_t sample = k == 0 ? 0 : (max * k + 4) / 5;
		im_sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"22\" fill=\"%s\" stroke=\"#b1b4b6\"/>",
			     x, ly, shade(sample, max ? max : 1));
		if (*labels[k])
			svg_text(b, x + 11, ly + 40, "text-anchor=\"middle\" class=\"legend\"", labels[k]);
	}
	im_sb_printf(b, "</svg><figcaption>Darker cells: more of the document's items map to the hub section "
			"(largest count: %lld). The table below has the same numbers.</figcaption></figure>\n",
		     (long long)max);
}

static void table(im_strbuf *b, json_t *m)
{
	json_t *sections = json_object_get(m, "sections"), *docs = json_object_get(m, "documents");
	h_raw(b, "<div class=\"scroll\"><table class=\"matrix\">\n<caption>Items of each document mapped to each "
		 "hub section</caption>\n<thead><tr><th scope=\"col\">Document</th>");
	size_t i;
	json_t *s, *d;
	json_array_foreach(sections, i, s)
	{
		h_raw(b, "<th scope=\"col\" class=\"num\"><abbr title=\"");
		h_attr(b, jstr(s, "title"));
		h_raw(b, "\">");
		h_text(b, jstr(s, "id"));
		h_raw(b, "</abbr></th>");
	}
	h_raw(b, "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n");
	json_array_foreach(docs, i, d)
	{
		h_raw(b, "<tr><th scope=\"row\">");
		page_doc_link(b, jstr(d, "id"), jstr_or(d, "short_title", jstr(d, "id")));
		page_partial_tag(b, d);
		h_raw(b, "</th>");
		size_t j;
		json_t *n;
		json_array_foreach(json_object_get(d, "counts"), j, n)
		{
			h_raw(b, "<td class=\"num\">");
			h_json_text(b, n);
			h_raw(b, "</td>");
		}
		h_raw(b, "<td class=\"num\">");
		h_json_text(b, json_object_get(d, "total"));
		h_raw(b, "</td></tr>\n");
	}
	h_raw(b, "</tbody></table></div>\n");
}

void page_coverage(web_request *rq, web_response *rs)
{
	const char *hub = web_arg(rq, "hub");
	if (!hub || !*hub)
		hub = PAGE_HUB;
	json_t *m = NULL;
	char *err = NULL;
	im_qstatus st = im_q_coverage_matrix(rq->db, hub, &m, &err);
	if (st != IM_Q_OK) {
		page_query_failed(rq, rs, st, "document", hub, err);
		return;
	}
	h_crumb crumbs[] = {{"Home", "/"}, {"Coverage", NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, "Coverage", crumbs, 2);
	h_raw(b, "<h1>Coverage of ");
	page_doc_link(b, hub, hub);
	h_raw(b, "</h1>\n<p>For each document with mappings to the hub, how many of its items map to each "
		 "section of the hub (a mapping to a section's heading or to any provision in it counts; "
		 "no-relationship does not). Open a section's provisions from the hub document page to see the "
		 "mappings themselves. Documents marked partial could only be recorded in part, so their counts are "
		 "lower bounds.</p>\n");
	if (json_array_size(json_object_get(m, "documents")) == 0) {
		h_raw(b, "<p>No document maps to this hub yet.</p>\n");
	} else {
		heat_map(b, m);
		table(b, m);
	}
	h_page_end(b);
	json_decref(m);
	web_html(rs, MHD_HTTP_OK);
}
