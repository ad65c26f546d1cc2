/* http.h: sending responses (see http.c). */
#ifndef IOTMAP_WEB_HTTP_H
#define IOTMAP_WEB_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "web.h"

struct MHD_Connection;

/* What happened to one request, for the access log. Lives as libmicrohttpd's per-request context. */
typedef struct http_ctx {
	char *uri;    /* the request target as received, with its query string */
	char *method; /* copied on the first call */
	int status;
	size_t bytes;
} http_ctx;

/* Cache key of a request: encoding and the raw target. Caller frees. */
char *http_cache_key(struct MHD_Connection *c, const char *uri);
/* Send the cached response for key if there is one: 1 sent, 0 not cached, -1 failed. */
int http_send_cached(struct MHD_Connection *c, http_ctx *x, const char *path, const char *key);
/* Finish and send a handler's response; cache it under key when it may be (key may be NULL).
 * Returns 1 sent, -1 failed. Frees the response's body. */
int http_send(struct MHD_Connection *c, http_ctx *x, const char *path, web_response *rs, const char *key);
/* Drop every cached response (at shutdown). */
void http_cache_clear(void);

#endif
