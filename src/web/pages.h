/* pages.h: helpers shared by the HTML pages. */
#ifndef IOTMAP_WEB_PAGES_H
#define IOTMAP_WEB_PAGES_H

#include <jansson.h>

#include "html.h"
#include "web.h"

#define PAGE_HUB "etsi-en-303-645-v2.1.1"

/* The string at key, or NULL. */
const char *jstr(json_t *o, const char *key);
/* jstr(o, key), or fallback when the key is missing or not a string. */
const char *jstr_or(json_t *o, const char *key, const char *fallback);
/* <a href="/documents/ID">label</a> and <a href="/items/REF">label</a>, escaped. */
void page_doc_link(im_strbuf *b, const char *id, const char *label);
void page_item_link(im_strbuf *b, const char *ref, const char *label);
/* A "partial" tag after a document's link when the document (a row with "gaps") is a partial record. */
void page_partial_tag(im_strbuf *b, json_t *doc);
/* A relationship word as a labelled badge. */
void page_relationship(im_strbuf *b, const char *rel);
/* The "not found" page with suggestions (refs) as links. */
void page_not_found(web_request *rq, web_response *rs, const char *what, const char *ref);
void page_error(web_response *rs, int status, const char *title, const char *detail);
/* The page for a query that did not answer IM_Q_OK: not found (what, ref) or a server error; frees err. */
void page_query_failed(web_request *rq, web_response *rs, im_qstatus s, const char *what, const char *ref,
		       char *err);

void page_document(web_request *rq, web_response *rs, const char *id);
void page_item(web_request *rq, web_response *rs, const char *ref);
void page_coverage(web_request *rq, web_response *rs);
void page_search(web_request *rq, web_response *rs);

#endif
