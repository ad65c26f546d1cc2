/* cmd_export.c: the export verb. With -o the file is written beside its destination and renamed into
 * place when complete, so a failed export never leaves a truncated file under the expected name. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "iotmap/export.h"
#include "iotmap/util.h"

typedef struct export_job {
	const char *format;
	im_export_filter filter;
} export_job;

static const char *const FORMATS[] = {"json", "csv", "items-csv", "oscal-catalog", "oscal-mapping", "xlsx", NULL};

static int write_stream(sqlite3 *db, const export_job *j, FILE *out, char **err)
{
	const char *f = j->format;
	if (strcmp(f, "csv") == 0)
		return im_export_csv(db, &j->filter, out, err);
	if (strcmp(f, "items-csv") == 0)
		return im_export_items_csv(db, j->filter.document, out, err);
	if (strcmp(f, "oscal-catalog") == 0)
		return im_export_oscal_catalog(db, j->filter.document, out, err);
	if (strcmp(f, "oscal-mapping") == 0)
		return im_export_oscal_mapping(db, j->filter.source, j->filter.target, out, err);
	return im_export_json(db, &j->filter, out, err);
}

/* Write to a temporary file beside output, then rename it into place. */
static int write_file(sqlite3 *db, const export_job *j, const char *output, char **err)
{
	char *tmp = im_xasprintf("%s.tmp-XXXXXX", output);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = im_xasprintf("cannot write %s: %s", output, strerror(errno));
		free(tmp);
		return -1;
	}
	/* mkstemp makes the file private; give it the permissions a plain new file would have. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	int failed;
	if (strcmp(j->format, "xlsx") == 0) {
		close(fd);
		failed = im_export_xlsx(db, &j->filter, tmp, err);
	} else {
		FILE *out = fdopen(fd, "w");
		failed = write_stream(db, j, out, err);
		if (fflush(out) != 0 || fsync(fileno(out)) != 0)
			failed = -1;
		if (fclose(out) != 0)
			failed = -1;
	}
	if (!failed && rename(tmp, output) != 0)
		failed = -1;
	if (failed) {
		if (!*err)
			*err = im_xasprintf("cannot write %s: %s", output, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return failed ? -1 : 0;
}

int cmd_export(int argc, char **argv)
{
	const char *db_path = NULL, *output = NULL;
	export_job j = {.format = "json"};
	cli_arg args[] = {{"db", 0, &db_path, NULL},
			  {"format", 0, &j.format, NULL},
			  {"output", 'o', &output, NULL},
			  {"document", 0, &j.filter.document, NULL},
			  {"source", 0, &j.filter.source, NULL},
			  {"target", 0, &j.filter.target, NULL},
			  {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("export", argc, argv, args, 0, 0, &pos, &npos);
	if (rc)
		return rc;
	bool known = false;
	for (const char *const *f = FORMATS; *f; f++)
		known |= strcmp(*f, j.format) == 0;
	if (!known)
		return cli_usage_error("export", "unknown format '%s' (expected json, csv, items-csv, "
				       "oscal-catalog, oscal-mapping or xlsx)", j.format);
	bool to_stdout = !output || strcmp(output, "-") == 0;
	if (strcmp(j.format, "xlsx") == 0 && to_stdout)
		return cli_usage_error("export", "a spreadsheet is written to a file: give -o FILE.xlsx");
	sqlite3 *db = NULL;
	if ((rc = cli_open_db(db_path, &db)))
		return rc;
	char *err = NULL;
	int failed = to_stdout ? write_stream(db, &j, stdout, &err) || fflush(stdout) != 0
			       : write_file(db, &j, output, &err);
	if (failed) {
		fprintf(stderr, "iotmap: %s\n", err ? err : "writing to standard output failed");
		rc = err && strncmp(err, "no document", 11) == 0 ? EXIT_NOT_FOUND
		     : err && !strstr(err, "cannot") && !strstr(err, "writing") ? EXIT_USAGE
										 : EXIT_IO;
	}
	free(err);
	sqlite3_close(db);
	return rc;
}
