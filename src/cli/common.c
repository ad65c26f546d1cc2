/* common.c: the few things every verb needs: usage errors, opening the database, turning query
 * failures into a message and an exit code. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "iotmap/store.h"

int cli_usage_error(const char *verb, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "iotmap%s%s: ", verb ? " " : "", verb ? verb : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'iotmap %s%s--help' for more information.\n", verb ? verb : "",
		verb ? " " : "");
	return EXIT_USAGE;
}

int cli_open_db(const char *path, sqlite3 **db)
{
	char *err = NULL;
	if (im_store_open(im_store_path(path), db, &err) != 0) {
		fprintf(stderr, "iotmap: %s\n", err);
		free(err);
		return EXIT_IO;
	}
	return EXIT_OK;
}

int cli_query_failed(sqlite3 *db, im_qstatus status, char *err, const char *ref)
{
	fprintf(stderr, "iotmap: %s\n", err ? err : "query failed");
	free(err);
	if (status == IM_Q_NOT_FOUND && ref) {
		char *hint = im_q_suggest(db, ref);
		if (*hint)
			fprintf(stderr, "Did you mean %s?\n", hint);
		else
			fputs("Run 'iotmap documents' for the list of documents, 'iotmap show DOCUMENT' "
			      "for its items.\n", stderr);
		free(hint);
	}
	switch (status) {
	case IM_Q_NOT_FOUND:
		return EXIT_NOT_FOUND;
	case IM_Q_BAD_INPUT:
		return EXIT_USAGE;
	default:
		return EXIT_IO;
	}
}

int cli_parse_format(const char *word, out_format *f)
{
	if (strcmp(word, "table") == 0)
		*f = OUT_TABLE;
	else if (strcmp(word, "json") == 0)
		*f = OUT_JSON;
	else if (strcmp(word, "csv") == 0)
		*f = OUT_CSV;
	else
		return -1;
	return 0;
}
