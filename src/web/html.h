/* html.h: building HTML safely. Every value placed in a page goes through h_text or h_attr (escaped)
 * or h_uri (percent-encoded); literal markup is written with h_raw. */
#ifndef IOTMAP_WEB_HTML_H
#define IOTMAP_WEB_HTML_H

#include <jansson.h>

#include "iotmap/util.h"

void h_raw(im_strbuf *b, const char *markup);
void h_text(im_strbuf *b, const char *text); /* escapes & < > " ' */
#define h_attr h_text
void h_uri(im_strbuf *b, const char *component); /* percent-encodes all but unreserved and ':' */
/* Escaped text of a JSON value (string, number, boolean; nothing for null). */
void h_json_text(im_strbuf *b, json_t *v);
/* Text with the search markers \x01 and \x02 turned into <mark> and </mark>, all else escaped. */
void h_marked(im_strbuf *b, const char *text);

typedef struct h_crumb {
	const char *label, *href; /* href NULL: the current page */
} h_crumb;

/* The shared page frame: <head>, site header and navigation, breadcrumbs, <main>. */
void h_page_begin(im_strbuf *b, const char *title, const h_crumb *crumbs, size_t ncrumbs);
void h_page_end(im_strbuf *b);

#endif
