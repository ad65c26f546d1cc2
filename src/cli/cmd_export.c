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

/* Write to a temporary file beside output, then rename it into place. Returns an IM_EXPORT_ status. */
static int write_file(sqlite3 *db, const export_job *j, const char *output, char **err)
{
	char *tmp = im_xasprintf("%s.tmp-XXXXXX", output);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = im_xasprintf("cannot write %s: %s", output, strerror(errno));
		free(tmp);
		return IM_EXPORT_FAILED;
	}
	/* mkstemp makes the file private; give it the permissions a plain new file would have. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	int status;
	if (strcmp(j->format, "xlsx") == 0) {
		close(fd);
		status = im_export_xlsx(db, &j->filter, tmp, err);
	} else {
		FILE *out = fdopen(fd, "w");
		status = im_export_stream(db, j->format, &j->filter, out, err);
		if (fflush(out) != 0 || fsync(fileno(out)) != 0)
			status = status ? status : IM_EXPORT_FAILED;
		if (fclose(out) != 0)
			status = status ? status : IM_EXPORT_FAILED;
	}
	if (status == IM_EXPORT_OK && rename(tmp, output) != 0)
		status = IM_EXPORT_FAILED;
	if (status != IM_EXPORT_OK) {
		if (!*err)
			*err = im_xasprintf("cannot write %s: %s", output, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return status;
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
	int status = to_stdout ? im_export_stream(db, j.format, &j.filter, stdout, &err)
			       : write_file(db, &j, output, &err);
	if (status == IM_EXPORT_OK && to_stdout && fflush(stdout) != 0)
		status = IM_EXPORT_FAILED;
	if (status != IM_EXPORT_OK) {
		fprintf(stderr, "iotmap: %s\n", err ? err : "writing to standard output failed");
		rc = status == IM_EXPORT_NO_DOCUMENT ? EXIT_NOT_FOUND
		     : status == IM_EXPORT_FAILED    ? EXIT_IO
						     : EXIT_USAGE;
	}
	free(err);
	sqlite3_close(db);
	return rc;
}
