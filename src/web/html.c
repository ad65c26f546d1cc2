/* html.c: escaping and the page frame (see html.h). */
#include "html.h"

#include <string.h>

void h_raw(im_strbuf *b, const char *markup)
{
	im_sb_add(b, markup);
}

void h_text(im_strbuf *b, const char *text)
{
	if (!text)
		return;
	const char *run = text;
	for (const char *p = text; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		im_sb_addn(b, run, (size_t)(p - run));
		im_sb_add(b, rep);
		run = p + 1;
	}
	im_sb_add(b, run);
}

void h_uri(im_strbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~:", *p)) {
			im_sb_addn(b, (const char *)p, 1);
		} else {
			char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			im_sb_addn(b, enc, 3);
		}
	}
}

void h_json_text(im_strbuf *b, json_t *v)
{
	if (json_is_string(v))
		h_text(b, json_string_value(v));
	else if (json_is_integer(v))
		im_sb_printf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_boolean(v))
		im_sb_add(b, json_is_true(v) ? "yes" : "no");
}

void h_marked(im_strbuf *b, const char *text)
{
	im_strbuf part = {0};
	for (const char *p = text; *p; p++) {
		if (*p == '\x01' || *p == '\x02') {
			if (part.s)
				h_text(b, part.s);
			im_sb_free(&part);
			im_sb_add(b, *p == '\x01' ? "<mark>" : "</mark>");
		} else {
			im_sb_addn(&part, p, 1);
		}
	}
	if (part.s)
		h_text(b, part.s);
	im_sb_free(&part);
}

void h_page_begin(im_strbuf *b, const char *title, const h_crumb *crumbs, size_t ncrumbs)
{
	h_raw(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	h_text(b, title);
	h_raw(b, " - iotmap</title>\n<link rel=\"stylesheet\" href=\"/static/style.css\">\n"
		 "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n"
		 "<a class=\"skip\" href=\"#main\">Skip to main content</a>\n"
		 "<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">iotmap</a>\n"
		 "<nav aria-label=\"Site\"><ul><li><a href=\"/\">Documents</a></li>"
		 "<li><a href=\"/coverage\">Coverage</a></li><li><a href=\"/search\">Search</a></li>"
		 "<li><a href=\"/downloads\">Downloads</a></li><li><a href=\"/about\">About</a></li></ul></nav>\n"
		 "<form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\">"
		 "<label for=\"q-top\" class=\"visually-hidden\">Search requirements</label>"
		 "<input id=\"q-top\" name=\"q\" type=\"search\" placeholder=\"Search requirements\">"
		 "<button type=\"submit\">Search</button></form></div></header>\n<div class=\"wrap\">\n");
	if (ncrumbs) {
		h_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
		for (size_t i = 0; i < ncrumbs; i++) {
			h_raw(b, "<li>");
			if (crumbs[i].href) {
				h_raw(b, "<a href=\"");
				h_attr(b, crumbs[i].href);
				h_raw(b, "\">");
				h_text(b, crumbs[i].label);
				h_raw(b, "</a>");
			} else {
				h_raw(b, "<span aria-current=\"page\">");
				h_text(b, crumbs[i].label);
				h_raw(b, "</span>");
			}
			h_raw(b, "</li>");
		}
		h_raw(b, "</ol></nav>\n");
	}
	h_raw(b, "<main id=\"main\">\n");
}

void h_page_end(im_strbuf *b)
{
	h_raw(b, "</main>\n</div>\n<footer class=\"site\"><div class=\"wrap\"><p>Summaries, conditions and "
		 "rationales are iotmap's own paraphrases, not the official texts: follow the links to each "
		 "document's official source. Data licence CC BY 4.0. <a href=\"/about\">About this site</a> · "
		 "<a href=\"/api/v1/openapi.json\">JSON API</a></p></div></footer>\n</body>\n</html>\n");
}
