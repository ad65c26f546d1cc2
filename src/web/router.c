/* router.c: which handler answers which path. */
#include <microhttpd.h>
#include <string.h>

#include "web.h"

void web_route(web_request *rq, web_response *rs)
{
	const char *p = rq->path;
	if (strncmp(p, "/static/", 8) == 0) {
		if (!static_handle(rq, rs, p + 8))
			web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", "no such static file", NULL);
	} else if (strcmp(p, "/api/v1") == 0 || strncmp(p, "/api/v1/", 8) == 0) {
		api_handle(rq, rs, p + 7);
	} else if (strncmp(p, "/downloads/", 11) == 0 && downloads_handle(rq, rs, p + 11)) {
		/* done */
	} else {
		pages_handle(rq, rs);
	}
}
