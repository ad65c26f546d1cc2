/* pages.c: the HTML site's routes, the home, downloads and about pages, and shared page helpers. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/export.h"
#include "iotmap/query.h"
#include "pages.h"

const char *jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

const char *jstr_or(json_t *o, const char *key, const char *fallback)
{
	const char *s = jstr(o, key);
	return s ? s : fallback;
}

/* <a href="BASE/NAME">LABEL</a>, NAME escaped for the path and the label defaulting to NAME. */
static void href_link(im_strbuf *b, const char *base, const char *name, const char *label)
{
	h_raw(b, "<a href=\"");
	h_raw(b, base);
	h_uri(b, name);
	h_raw(b, "\">");
	h_text(b, label ? label : name);
	h_raw(b, "</a>");
}

void page_doc_link(im_strbuf *b, const char *id, const char *label)
{
	href_link(b, "/documents/", id, label);
}

void page_item_link(im_strbuf *b, const char *ref, const char *label)
{
	href_link(b, "/items/", ref, label);
}

void page_partial_tag(im_strbuf *b, json_t *doc)
{
	if (jstr(doc, "gaps"))
		h_raw(b, " <span class=\"tag partial\" title=\"Partial record: parts of the source are not recorded, "
			 "so its counts are lower bounds\">partial</span>");
}

void page_relationship(im_strbuf *b, const char *rel)
{
	h_raw(b, "<span class=\"rel rel-");
	h_attr(b, rel);
	h_raw(b, "\">");
	h_text(b, rel);
	h_raw(b, "</span>");
}

void page_error(web_response *rs, int status, const char *title, const char *detail)
{
	h_crumb crumbs[] = {{"Home", "/"}, {title, NULL}};
	h_page_begin(&rs->body, title, crumbs, 2);
	h_raw(&rs->body, "<h1>");
	h_text(&rs->body, title);
	h_raw(&rs->body, "</h1>\n<p>");
	h_text(&rs->body, detail);
	h_raw(&rs->body, "</p>\n");
	h_page_end(&rs->body);
	web_html(rs, status);
}

void page_query_failed(web_request *rq, web_response *rs, im_qstatus s, const char *what, const char *ref,
		       char *err)
{
	if (s == IM_Q_NOT_FOUND)
		page_not_found(rq, rs, what, ref);
	else
		page_error(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Server error", err ? err : "the query failed");
	free(err);
}

void page_not_found(web_request *rq, web_response *rs, const char *what, const char *ref)
{
	h_crumb crumbs[] = {{"Home", "/"}, {"Not found", NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, "Not found", crumbs, 2);
	h_raw(b, "<h1>Not found</h1>\n<p>There is no ");
	h_text(b, what);
	h_raw(b, " <code>");
	h_text(b, ref);
	h_raw(b, "</code>.</p>\n");
	json_t *sugg = strcmp(what, "page") != 0 ? im_q_suggestions(rq->db, ref) : json_array();
	if (json_array_size(sugg)) {
		h_raw(b, "<p>Did you mean:</p>\n<ul>");
		size_t i;
		json_t *s;
		json_array_foreach(sugg, i, s)
		{
			const char *r = json_string_value(s);
			h_raw(b, "<li>");
			if (strchr(r, ':'))
				page_item_link(b, r, r);
			else
				page_doc_link(b, r, r);
			h_raw(b, "</li>");
		}
		h_raw(b, "</ul>\n");
	}
	json_decref(sugg);
	h_raw(b, "<p><a href=\"/\">All documents</a> · <a href=\"/search\">Search</a></p>\n");
	h_page_end(b);
	web_html(rs, MHD_HTTP_NOT_FOUND);
}

static const char *kind_label(const char *kind)
{
	static const char *const names[][2] = {{"standard", "Standards"},
					       {"regulation", "Laws and regulations"},
					       {"guidance", "Guidance"},
					       {"certification-scheme", "Certification schemes and labels"},
					       {"test-specification", "Test specifications"}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i][0], kind) == 0)
			return names[i][1];
	return kind;
}

static void home(web_request *rq, web_response *rs)
{
	json_t *docs = NULL;
	char *err = NULL;
	if (im_q_documents(rq->db, &docs, &err) != IM_Q_OK) {
		page_error(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Server error", err);
		free(err);
		return;
	}
	im_strbuf *b = &rs->body;
	h_page_begin(b, "Consumer IoT security requirements, mapped", NULL, 0);
	h_raw(b, "<h1>Consumer IoT security requirements, mapped</h1>\n"
		 "<p class=\"lead\">Laws, standards and guidance for connected consumer products say much the "
		 "same things in different words and numbering. iotmap records each document's requirements and "
		 "how every one of them relates to ETSI EN 303 645 and the UK Code of Practice for Consumer IoT "
		 "Security, with the type of relationship, a confidence level and the reasoning.</p>\n"
		 "<h2>How to use it</h2>\n<ul>\n"
		 "<li>Open a hub provision such as ");
	page_item_link(b, PAGE_HUB ":5.1-1", "EN 303 645 provision 5.1-1");
	h_raw(b, " to see everything that corresponds to it, in every document.</li>\n"
		 "<li>Open a document below to see its requirements and their mappings.</li>\n"
		 "<li>See the <a href=\"/coverage\">coverage</a> of EN 303 645 by every other document, or "
		 "<a href=\"/search\">search</a> all requirements.</li>\n"
		 "<li>Take the data: <a href=\"/downloads\">downloads</a> and the "
		 "<a href=\"/api/v1/openapi.json\">JSON API</a>.</li>\n</ul>\n");
	static const char *const kinds[] = {"regulation", "standard", "certification-scheme",
					    "test-specification", "guidance"};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t i, n = 0;
		json_t *d;
		json_array_foreach(docs, i, d) n += strcmp(jstr(d, "kind"), kinds[k]) == 0;
		if (!n)
			continue;
		h_raw(b, "<h2>");
		h_text(b, kind_label(kinds[k]));
		h_raw(b, "</h2>\n<table class=\"docs\">\n<thead><tr><th scope=\"col\">Document</th>"
			 "<th scope=\"col\">Publisher</th><th scope=\"col\">Jurisdiction</th>"
			 "<th scope=\"col\">Published</th><th scope=\"col\">Status</th>"
			 "<th scope=\"col\" class=\"num\">Items</th><th scope=\"col\" class=\"num\">Mappings</th>"
			 "</tr></thead>\n<tbody>\n");
		json_array_foreach(docs, i, d)
		{
			if (strcmp(jstr(d, "kind"), kinds[k]) != 0)
				continue;
			h_raw(b, "<tr><td>");
			page_doc_link(b, jstr(d, "id"), jstr(d, "title"));
			page_partial_tag(b, d);
			const char *cols[] = {"publisher", "jurisdiction", "published", "status"};
			for (size_t c = 0; c < 4; c++) {
				h_raw(b, "</td><td>");
				h_text(b, jstr(d, cols[c]));
			}
			h_raw(b, "</td><td class=\"num\">");
			h_json_text(b, json_object_get(d, "item_count"));
			h_raw(b, "</td><td class=\"num\">");
			h_json_text(b, json_object_get(d, "mapping_count"));
			h_raw(b, "</td></tr>\n");
		}
		h_raw(b, "</tbody></table>\n");
	}
	h_page_end(b);
	json_decref(docs);
	web_html(rs, MHD_HTTP_OK);
}

/* A page of fixed text under the site frame. */
static void text_page(web_response *rs, const char *title, const char *html)
{
	h_crumb crumbs[] = {{"Home", "/"}, {title, NULL}};
	h_page_begin(&rs->body, title, crumbs, 2);
	h_raw(&rs->body, html);
	h_page_end(&rs->body);
	web_html(rs, MHD_HTTP_OK);
}

static void download_row(im_strbuf *b, const char *href, const char *label, const char *format, const char *what)
{
	h_raw(b, "<tr><td><a href=\"");
	h_attr(b, href);
	h_raw(b, "\" download>");
	h_text(b, label);
	h_raw(b, "</a></td><td>");
	h_text(b, format);
	h_raw(b, "</td><td>");
	h_text(b, what);
	h_raw(b, "</td></tr>\n");
}

static void downloads(web_request *rq, web_response *rs)
{
	json_t *docs = NULL, *sets = NULL;
	char *err = NULL;
	im_mapping_filter all = {0};
	if (im_q_documents(rq->db, &docs, &err) != IM_Q_OK || im_q_mappings(rq->db, &all, &sets, &err) != IM_Q_OK) {
		page_error(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Server error", err);
		free(err);
		json_decref(docs);
		return;
	}
	h_crumb crumbs[] = {{"Home", "/"}, {"Downloads", NULL}};
	im_strbuf *b = &rs->body;
	h_page_begin(b, "Downloads", crumbs, 2);
	h_raw(b, "<h1>Open data</h1>\n<p>The dataset, free to reuse under CC BY 4.0. Summaries and rationales "
		 "are iotmap's paraphrases; the official texts are linked from every document. Every file says "
		 "which dataset version it comes from.</p>\n<h2>The whole dataset</h2>\n<table>\n<thead><tr>"
		 "<th scope=\"col\">File</th><th scope=\"col\">Format</th><th scope=\"col\">Contents</th>"
		 "</tr></thead>\n<tbody>\n");
	download_row(b, "/downloads/iotmap.json", "iotmap.json", "JSON (native)",
		     "Every document with its items, every mapping set and mapping (schema in the source tree, "
		     "docs/schema/).");
	download_row(b, "/downloads/iotmap-mappings.csv", "iotmap-mappings.csv", "CSV (RFC 4180, UTF-8)",
		     "One row per mapping with both sides' document, item, title and summary.");
	download_row(b, "/downloads/iotmap.xlsx", "iotmap.xlsx", "Spreadsheet (xlsx)",
		     "A Mappings sheet, a sheet per document, an About sheet.");
	h_raw(b, "</tbody></table>\n<h2>Per document</h2>\n<table>\n<thead><tr><th scope=\"col\">Document</th>"
		 "<th scope=\"col\">OSCAL 1.2 catalog</th><th scope=\"col\">Items (CSV)</th></tr></thead>\n<tbody>\n");
	size_t i;
	json_t *d;
	json_array_foreach(docs, i, d)
	{
		const char *id = jstr(d, "id");
		char *cat = im_xasprintf("/downloads/oscal/catalog/%s.json", id);
		char *items = im_xasprintf("/downloads/items/%s.csv", id);
		h_raw(b, "<tr><td>");
		page_doc_link(b, id, jstr_or(d, "short_title", jstr(d, "title")));
		h_raw(b, "</td><td><a href=\"");
		h_attr(b, cat);
		h_raw(b, "\" download>");
		h_text(b, id);
		h_raw(b, ".json</a></td><td><a href=\"");
		h_attr(b, items);
		h_raw(b, "\" download>");
		h_text(b, id);
		h_raw(b, ".csv</a></td></tr>\n");
		free(cat);
		free(items);
	}
	h_raw(b, "</tbody></table>\n<h2>Per mapping set</h2>\n<p>OSCAL 1.2 mapping-collections. OSCAL has no "
		 "word for an untyped link, so related-to mappings are left out (each file says how many).</p>\n"
		 "<ul>\n");
	const char *last = "";
	json_t *m;
	json_array_foreach(sets, i, m)
	{
		const char *set = jstr(m, "mapping_set");
		if (strcmp(set, last) == 0)
			continue;
		last = set;
		char *href = im_xasprintf("/downloads/oscal/mapping/%s.json", set);
		h_raw(b, "<li><a href=\"");
		h_attr(b, href);
		h_raw(b, "\" download>");
		h_text(b, set);
		h_raw(b, ".json</a></li>\n");
		free(href);
	}
	h_raw(b, "</ul>\n<h2>API</h2>\n<p>The same data, by document, item, mapping, search and coverage, as "
		 "JSON: see the <a href=\"/api/v1/openapi.json\">OpenAPI description</a>.</p>\n");
	h_page_end(b);
	json_decref(docs);
	json_decref(sets);
	web_html(rs, MHD_HTTP_OK);
}

static void about(web_response *rs)
{
	text_page(rs, "About", "<h1>About iotmap</h1>\n"
		 "<p>iotmap maps consumer IoT security requirements from many documents to a hub: ETSI EN 303 645 "
		 "and the UK Code of Practice for Consumer IoT Security it grew from.</p>\n"
		 "<h2>Relationships</h2>\n<p>Every mapping reads from a source requirement to a target and uses "
		 "the words of NIST's OSCAL mapping model:</p>\n<dl>\n"
		 "<dt>equal-to</dt><dd>the same text.</dd>\n"
		 "<dt>equivalent-to</dt><dd>the same demand in different words.</dd>\n"
		 "<dt>subset-of</dt><dd>everything the source asks, the target asks too: meeting the target meets "
		 "the source.</dd>\n"
		 "<dt>superset-of</dt><dd>the source asks everything the target asks, and more.</dd>\n"
		 "<dt>intersects-with</dt><dd>they overlap, and each asks something the other does not.</dd>\n"
		 "<dt>no-relationship</dt><dd>checked and found unrelated, recorded where a link might be "
		 "assumed.</dd>\n"
		 "<dt>related-to</dt><dd>a link published by someone else without a type.</dd>\n</dl>\n"
		 "<p>On an item's page every relationship is read from that item's side, so a mapping stored as "
		 "\"A subset-of B\" appears on B's page as \"superset-of A\".</p>\n"
		 "<h2>Confidence</h2>\n<p><strong>High</strong>: both texts compared and the relationship is clear. "
		 "<strong>Medium</strong>: clear in substance, but read from secondary copies or open to another "
		 "reading. <strong>Low</strong>: a judgement call; the rationale says what is uncertain.</p>\n"
		 "<h2>Sources and disclaimer</h2>\n<p>Identifiers, numbering, titles and statuses are taken from "
		 "the documents; every summary, condition and rationale is written by the iotmap project in its "
		 "own words and is <strong>not the official text</strong>. Each document page links to the "
		 "official source, and each item cites its section. Nothing here is legal advice or a statement of "
		 "conformity.</p>\n");
}

void pages_handle(web_request *rq, web_response *rs)
{
	const char *p = rq->path;
	if (strcmp(p, "/") == 0)
		home(rq, rs);
	else if (strncmp(p, "/documents/", 11) == 0 && p[11] && !strchr(p + 11, '/'))
		page_document(rq, rs, p + 11);
	else if (strncmp(p, "/items/", 7) == 0 && p[7])
		page_item(rq, rs, p + 7);
	else if (strcmp(p, "/coverage") == 0)
		page_coverage(rq, rs);
	else if (strcmp(p, "/search") == 0)
		page_search(rq, rs);
	else if (strcmp(p, "/downloads") == 0)
		downloads(rq, rs);
	else if (strcmp(p, "/about") == 0)
		about(rs);
	else
		page_not_found(rq, rs, "page", p);
}
