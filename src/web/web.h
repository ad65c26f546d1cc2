/* web.h: the pieces of `iotmap serve` and how they meet.
 *
 * server.c owns libmicrohttpd (limits, threads, shutdown, access log) and turns each request into a
 * web_request; router.c picks a handler; handlers (api.c, pages.c, static.c) fill a web_response from
 * library queries; http.c finishes every response the same way (security headers, ETag and 304, gzip,
 * CORS, caching of whole responses). Handlers never touch libmicrohttpd. */
#ifndef IOTMAP_WEB_H
#define IOTMAP_WEB_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "iotmap/util.h"

struct MHD_Connection;

typedef struct web_config {
	const char *bind;
	unsigned port;
	const char *db_path;
	const char *data_dir;
	const char *access_log; /* NULL: stderr */
	unsigned threads;
	unsigned connection_limit;
	unsigned per_ip_limit;
	unsigned timeout_s;
} web_config;

typedef struct web_request {
	struct MHD_Connection *conn;
	const char *method;
	const char *path; /* decoded path, without the query string */
	sqlite3 *db;	  /* this thread's read-only connection */
} web_request;

typedef struct web_response {
	int status;
	const char *content_type;
	im_strbuf body;
	const unsigned char *static_body; /* instead of body, for compiled-in assets */
	size_t static_len;
	char *allow;	  /* Allow header for 405 */
	bool immutable;	  /* assets: long cache lifetime */
	bool no_store;	  /* never cache (errors about the request itself) */
} web_response;

/* A query-string argument of the request, or NULL. */
const char *web_arg(const web_request *rq, const char *name);
/* The dataset version, part of every ETag. */
const char *web_dataset_version(void);

/* Response helpers. */
void web_json(web_response *rs, int status, json_t *value); /* steals value */
void web_problem(web_response *rs, int status, const char *title, const char *detail,
		 json_t *suggestions /* stolen, may be NULL */);
void web_html(web_response *rs, int status); /* body filled by caller */

/* Handlers. */
void web_route(web_request *rq, web_response *rs);
void api_handle(web_request *rq, web_response *rs, const char *rest);
void pages_handle(web_request *rq, web_response *rs);
bool static_handle(web_request *rq, web_response *rs, const char *name);
bool downloads_handle(web_request *rq, web_response *rs, const char *name);

/* The server. Returns an exit code. */
int web_serve(const web_config *cfg);

#endif
