/* cmd_export.c: the export verb. With -o the file is written beside its destination and renamed into
 * place when complete, so a failed export never leaves a truncated file under the expected name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "iotmap/export.h"
#include "iotmap/util.h"

static int write_export(sqlite3 *db, const char *format, FILE *out, char **err)
{
	return strcmp(format, "csv") == 0 ? im_export_csv(db, out, err) : im_export_json(db, out, err);
}

int cmd_export(int argc, char **argv)
{
	const char *db_path = NULL, *format = "json", *output = NULL;
	cli_arg args[] = {{"db", 0, &db_path, NULL},
			  {"format", 0, &format, NULL},
			  {"output", 'o', &output, NULL},
			  {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("export", argc, argv, args, 0, 0, &pos, &npos);
	if (rc)
		return rc;
	if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0)
		return cli_usage_error("export", "unknown format '%s' (expected json or csv)", format);
	sqlite3 *db = NULL;
	if ((rc = cli_open_db(db_path, &db)))
		return rc;
	char *err = NULL;
	if (!output || strcmp(output, "-") == 0) {
		if (write_export(db, format, stdout, &err) != 0 || fflush(stdout) != 0) {
			fprintf(stderr, "iotmap: %s\n", err ? err : "writing to standard output failed");
			rc = EXIT_IO;
		}
	} else {
		char *tmp = im_xasprintf("%s.tmp-XXXXXX", output);
		int fd = mkstemp(tmp);
		FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (!out) {
			fprintf(stderr, "iotmap: cannot write %s: %s\n", output, strerror(errno));
			if (fd >= 0) {
				close(fd);
				unlink(tmp);
			}
			rc = EXIT_IO;
		} else {
			int failed = write_export(db, format, out, &err);
			if (fflush(out) != 0 || fsync(fileno(out)) != 0)
				failed = -1;
			if (fclose(out) != 0)
				failed = -1;
			if (!failed && rename(tmp, output) != 0)
				failed = -1;
			if (failed) {
				fprintf(stderr, "iotmap: cannot write %s: %s\n", output,
					err ? err : strerror(errno));
				unlink(tmp);
				rc = EXIT_IO;
			}
		}
		free(tmp);
	}
	free(err);
	sqlite3_close(db);
	return rc;
}
