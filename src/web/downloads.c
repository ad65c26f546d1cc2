/* downloads.c: /downloads/...: every export format of the command line, made from the database on the
 * first request (then served from the response cache like any page).
 *
 *   /downloads/iotmap.json                          native JSON
 *   /downloads/iotmap-mappings.csv                  mapping table
 *   /downloads/iotmap.xlsx                          workbook
 *   /downloads/items/DOC.csv                        items of one document
 *   /downloads/oscal/catalog/DOC.json               OSCAL catalog of one document
 *   /downloads/oscal/mapping/SOURCE--TARGET.json    OSCAL mapping-collection of one set */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iotmap/export.h"
#include "iotmap/query.h"
#include "web.h"

/* NAME with the given prefix and suffix: the middle part (caller frees), or NULL. */
static char *middle(const char *name, const char *prefix, const char *suffix)
{
	size_t lp = strlen(prefix), ls = strlen(suffix), ln = strlen(name);
	if (ln <= lp + ls || strncmp(name, prefix, lp) != 0 || strcmp(name + ln - ls, suffix) != 0)
		return NULL;
	return im_xstrndup(name + lp, ln - lp - ls);
}

/* The workbook: libxlsxwriter writes files, so it goes through a private temporary file. */
static int xlsx(sqlite3 *db, im_strbuf *body, char **err)
{
	char path[] = "/tmp/iotmap-xlsx-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		*err = im_xstrdup("cannot make a temporary file");
		return -1;
	}
	close(fd);
	int rc = im_export_xlsx(db, NULL, path, err);
	FILE *f = rc == 0 ? fopen(path, "rb") : NULL;
	if (f) {
		char buf[65536];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			im_sb_addn(body, buf, n);
		fclose(f);
	} else if (rc == 0) {
		*err = im_xstrdup("cannot read the workbook back");
		rc = -1;
	}
	unlink(path);
	return rc;
}

bool downloads_handle(web_request *rq, web_response *rs, const char *name)
{
	const char *format, *type = "application/json", *target = NULL;
	char *doc = NULL, *set = NULL, *source = NULL, *err = NULL;
	int rc;
	if (strcmp(name, "iotmap.xlsx") == 0) {
		rc = xlsx(rq->db, &rs->body, &err);
		type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		goto finish;
	}
	if (strcmp(name, "iotmap.json") == 0) {
		format = "json";
	} else if (strcmp(name, "iotmap-mappings.csv") == 0) {
		format = "csv";
		type = "text/csv; charset=utf-8; header=present";
	} else if ((doc = middle(name, "items/", ".csv"))) {
		format = "items-csv";
		type = "text/csv; charset=utf-8; header=present";
	} else if ((doc = middle(name, "oscal/catalog/", ".json"))) {
		format = "oscal-catalog";
	} else if ((set = middle(name, "oscal/mapping/", ".json")) && strstr(set, "--")) {
		format = "oscal-mapping";
		char *dash = strstr(set, "--");
		source = im_xstrndup(set, (size_t)(dash - set));
		target = dash + 2;
	} else {
		free(set);
		return false;
	}
	im_export_filter filter = {.document = doc, .source = source, .target = target};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rc = f ? im_export_stream(rq->db, format, &filter, f, &err) : IM_EXPORT_FAILED;
	if (f)
		fclose(f);
	if (rc == IM_EXPORT_OK)
		im_sb_addn(&rs->body, buf, len);
	free(buf);
finish:
	if (rc == IM_EXPORT_OK) {
		rs->status = MHD_HTTP_OK;
		rs->content_type = type;
	} else if (rc == IM_EXPORT_NO_DOCUMENT) {
		web_problem(rs, MHD_HTTP_NOT_FOUND, "Not Found", "no such document or mapping set",
			    im_q_suggestions(rq->db, doc ? doc : source));
	} else {
		/* No such set, or a set with only untyped mappings (no OSCAL form): a 404 with the reason. */
		bool missing = rc == IM_EXPORT_NOTHING;
		im_sb_free(&rs->body);
		web_problem(rs, missing ? MHD_HTTP_NOT_FOUND : MHD_HTTP_INTERNAL_SERVER_ERROR,
			    missing ? "Not Found" : "Internal Server Error", err ? err : "the export failed", NULL);
	}
	free(doc);
	free(source);
	free(set);
	free(err);
	return true;
}
