/* router.c: which handler answers which path. */
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

#include "iotmap/export.h"
#include "web.h"

static int whole_json(sqlite3 *db, FILE *out, char **err)
{
	return im_export_json(db, NULL, out, err);
}

static int whole_csv(sqlite3 *db, FILE *out, char **err)
{
	return im_export_csv(db, NULL, out, err);
}

/* /downloads/FILE: the open-data exports, made from the database on first request (then cached). */
static bool download(web_request *rq, web_response *rs, const char *name)
{
	int (*writer)(sqlite3 *, FILE *, char **) = NULL;
	const char *type = NULL;
	if (strcmp(name, "iotmap.json") == 0) {
		writer = whole_json;
		type = "application/json";
	} else if (strcmp(name, "iotmap-mappings.csv") == 0) {
		writer = whole_csv;
		type = "text/csv; charset=utf-8; header=present";
	} else {
		return false;
	}
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc = f ? writer(rq->db, f, &err) : -1;
	if (f)
		fclose(f);
	if (rc == 0) {
		rs->status = MHD_HTTP_OK;
		rs->content_type = type;
		im_sb_addn(&rs->body, buf, len);
	} else {
		web_problem(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Internal Server Error",
			    err ? err : "the export failed", NULL);
	}
	free(buf);
	free(err);
	return true;
}

void web_route(web_request *rq, web_response *rs)
{
	const char *p = rq->path;
	if (strncmp(p, "/static/", 8) == 0) {
		if (!static_handle(rq, rs, p + 8))
			web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", "no such static file", NULL);
	} else if (strcmp(p, "/api/v1") == 0 || strncmp(p, "/api/v1/", 8) == 0) {
		api_handle(rq, rs, p + 7);
	} else if (strncmp(p, "/downloads/", 11) == 0 && download(rq, rs, p + 11)) {
		/* done */
	} else {
		pages_handle(rq, rs);
	}
}
