/* static.c: the compiled-in static files (see assets.h). A request names a file; it is looked up by
 * exact name in a fixed table, so no request can reach anything else. */
#include <microhttpd.h>
#include <string.h>

#include "assets.h"
#include "web.h"

static const char *type_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return "application/octet-stream";
	if (strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	if (strcmp(dot, ".json") == 0)
		return "application/json";
	return "application/octet-stream";
}

const web_asset *web_asset_find(const char *name);
const web_asset *web_asset_find(const char *name)
{
	for (const web_asset *a = web_assets; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

bool static_handle(web_request *rq, web_response *rs, const char *name)
{
	(void)rq;
	const web_asset *a = web_asset_find(name);
	if (!a)
		return false;
	rs->status = MHD_HTTP_OK;
	rs->content_type = type_of(name);
	rs->static_body = a->data;
	rs->static_len = a->size;
	rs->immutable = true;
	return true;
}
