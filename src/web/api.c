/* api.c: the JSON API under /api/v1. The answers are the library's query results as they are, so
 * field names match the native JSON export; errors are RFC 9457 problem details. */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/query.h"
#include "iotmap/vocab.h"
#include "web.h"

#define HUB_DEFAULT "etsi-en-303-645-v2.1.1"

const struct web_asset *web_asset_find(const char *name);

typedef struct arg_check {
	const char *const *allowed;
	const char *bad;
} arg_check;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind, (void)value;
	arg_check *a = cls;
	for (const char *const *p = a->allowed; *p; p++)
		if (strcmp(*p, key) == 0)
			return MHD_YES;
	a->bad = key;
	return MHD_NO;
}

/* 400 for a query parameter the endpoint does not know (a typo would otherwise be silently ignored). */
static bool unknown_args(web_request *rq, web_response *rs, const char *const *allowed)
{
	arg_check a = {allowed, NULL};
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, check_arg, &a);
	if (!a.bad)
		return false;
	im_strbuf list = {0};
	for (const char *const *p = allowed; *p; p++)
		im_sb_printf(&list, "%s%s", p == allowed ? "" : ", ", *p);
	char *detail = im_xasprintf("unknown query parameter '%s' (this endpoint takes: %s)", a.bad,
				    list.s ? list.s : "none");
	web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request", detail, NULL);
	free(detail);
	im_sb_free(&list);
	return true;
}

/* Turn a failed query into the right problem response. */
static void query_failed(web_request *rq, web_response *rs, im_qstatus s, char *err, const char *ref)
{
	switch (s) {
	case IM_Q_NOT_FOUND:
		web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", err, ref ? im_q_suggestions(rq->db, ref) : NULL);
		break;
	case IM_Q_BAD_INPUT:
		web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request", err, NULL);
		break;
	default:
		web_problem(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error", err, NULL);
	}
	free(err);
}

static const char *const NO_ARGS[] = {NULL};

static void documents(web_request *rq, web_response *rs)
{
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_documents(rq->db, &v, &err);
	if (s != IM_Q_OK)
		query_failed(rq, rs, s, err, NULL);
	else
		web_json(rs, MHD_HTTP_OK, json_pack("{s:o}", "documents", v));
}

static void document(web_request *rq, web_response *rs, const char *id)
{
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_document(rq->db, id, &v, &err);
	if (s != IM_Q_OK)
		query_failed(rq, rs, s, err, id);
	else
		web_json(rs, MHD_HTTP_OK, v);
}

static void item(web_request *rq, web_response *rs, const char *text)
{
	im_ref ref;
	if (im_ref_parse(text, &ref) != 0 || !ref.item) {
		char *detail = im_xasprintf("'%s' is not an item reference (expected DOCUMENT:ITEM, e.g. "
					    HUB_DEFAULT ":5.1-1)", text);
		web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request", detail, NULL);
		free(detail);
		im_ref_free(&ref);
		return;
	}
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_item(rq->db, ref.doc, ref.item, &v, &err);
	if (s != IM_Q_OK)
		query_failed(rq, rs, s, err, text);
	else
		web_json(rs, MHD_HTTP_OK, v);
	im_ref_free(&ref);
}

static void mappings(web_request *rq, web_response *rs)
{
	static const char *const args[] = {"source", "target", "relationship", "ref", "to", NULL};
	if (unknown_args(rq, rs, args))
		return;
	im_mapping_filter f = {.ref = web_arg(rq, "ref"),
			       .source = web_arg(rq, "source"),
			       .target = web_arg(rq, "target"),
			       .to = web_arg(rq, "to"),
			       .relationship = web_arg(rq, "relationship")};
	if (f.to && !f.ref) {
		web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request", "'to' needs 'ref'", NULL);
		return;
	}
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_mappings(rq->db, &f, &v, &err);
	if (s != IM_Q_OK) {
		/* Suggest for whichever document or reference was unknown. */
		const char *bad = f.ref;
		const char *cands[] = {f.source, f.target, f.to, f.ref};
		for (int i = 0; i < 4 && err; i++)
			if (cands[i] && strstr(err, cands[i]))
				bad = cands[i];
		query_failed(rq, rs, s, err, bad);
	} else {
		web_json(rs, MHD_HTTP_OK, json_pack("{s:o}", "mappings", v));
	}
}

static void search(web_request *rq, web_response *rs)
{
	static const char *const args[] = {"q", "limit", "kind", "publisher", NULL};
	if (unknown_args(rq, rs, args))
		return;
	const char *q = web_arg(rq, "q"), *limit_text = web_arg(rq, "limit");
	int limit = 50;
	if (limit_text) {
		char *end;
		long l = strtol(limit_text, &end, 10);
		if (*end || end == limit_text || l < 1 || l > 1000) {
			web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request",
				    "'limit' must be a whole number from 1 to 1000", NULL);
			return;
		}
		limit = (int)l;
	}
	if (!q) {
		web_problem(rs, MHD_HTTP_BAD_REQUEST, "Bad Request", "'q' is required: the words to search for",
			    NULL);
		return;
	}
	im_search_opts o = {.text = q, .limit = limit, .kind = web_arg(rq, "kind"),
			    .publisher = web_arg(rq, "publisher")};
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_search(rq->db, &o, &v, &err);
	if (s != IM_Q_OK)
		query_failed(rq, rs, s, err, NULL);
	else
		web_json(rs, MHD_HTTP_OK, json_pack("{s:s, s:o}", "query", q, "results", v));
}

static void coverage(web_request *rq, web_response *rs)
{
	static const char *const args[] = {"hub", "against", NULL};
	if (unknown_args(rq, rs, args))
		return;
	const char *hub = web_arg(rq, "hub"), *against = web_arg(rq, "against");
	if (!hub || !*hub)
		hub = HUB_DEFAULT;
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = im_q_coverage(rq->db, hub, against, &v, &err);
	if (s != IM_Q_OK)
		query_failed(rq, rs, s, err, against && strstr(err, against) ? against : hub);
	else
		web_json(rs, MHD_HTTP_OK, v);
}

static void index_page(web_response *rs)
{
	web_json(rs, MHD_HTTP_OK,
		 json_pack("{s:s, s:[s,s,s,s,s,s]}", "openapi", "/api/v1/openapi.json", "endpoints",
			   "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/items/{ref}",
			   "/api/v1/mappings", "/api/v1/search", "/api/v1/coverage"));
}

void api_handle(web_request *rq, web_response *rs, const char *rest)
{
	/* rest is "" or "/..." after /api/v1 */
	if (strcmp(rest, "/openapi.json") == 0) {
		if (!static_handle(rq, rs, "openapi.json"))
			web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", "no OpenAPI description built in", NULL);
		rs->content_type = "application/json";
		rs->immutable = false;
		return;
	}
	const char *const *allowed = NO_ARGS;
	const char *id = NULL;
	void (*one)(web_request *, web_response *, const char *) = NULL;
	void (*list)(web_request *, web_response *) = NULL;
	if (strcmp(rest, "") == 0 || strcmp(rest, "/") == 0) {
		if (!unknown_args(rq, rs, allowed))
			index_page(rs);
		return;
	} else if (strcmp(rest, "/documents") == 0) {
		list = documents;
	} else if (strncmp(rest, "/documents/", 11) == 0 && rest[11]) {
		one = document, id = rest + 11;
	} else if (strncmp(rest, "/items/", 7) == 0 && rest[7]) {
		one = item, id = rest + 7;
	} else if (strcmp(rest, "/mappings") == 0) {
		mappings(rq, rs);
		return;
	} else if (strcmp(rest, "/search") == 0) {
		search(rq, rs);
		return;
	} else if (strcmp(rest, "/coverage") == 0) {
		coverage(rq, rs);
		return;
	} else {
		char *detail = im_xasprintf("no API endpoint %s; see /api/v1/openapi.json", rq->path);
		web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", detail, NULL);
		free(detail);
		return;
	}
	if (unknown_args(rq, rs, allowed))
		return;
	if (list)
		list(rq, rs);
	else
		one(rq, rs, id);
}
