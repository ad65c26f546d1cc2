/* cli.h: what the iotmap command's files share: exit codes, the verb table, option and output helpers.
 *
 * The command is a thin layer: each verb parses its options, calls the library, and renders the JSON
 * value the library returns. Help text lives once, in help.c, and --help, `iotmap help` and
 * docs/cli.md are all printed from it. */
#ifndef IOTMAP_CLI_H
#define IOTMAP_CLI_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>

#include "iotmap/query.h"

enum {
	EXIT_OK = 0,
	EXIT_DATA = 1,	    /* the data has problems (validate, build) */
	EXIT_USAGE = 2,	    /* bad command line */
	EXIT_NOT_FOUND = 3, /* an unknown document or item reference */
	EXIT_IO = 4,	    /* database or file trouble */
};

typedef struct cli_option_doc {
	const char *flag, *text;
} cli_option_doc;

typedef struct cli_verb {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;
	const char *summary;
	const char *description;
	const cli_option_doc *options;
	const char *examples;
} cli_verb;

extern const cli_verb cli_verbs[];
const cli_verb *cli_find_verb(const char *name);
void cli_print_verb_help(const cli_verb *v, FILE *out);
void cli_print_usage(FILE *out);
int cli_help_main(int argc, char **argv);

int cmd_validate(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_documents(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_import(int argc, char **argv);

/* Output formats; parse returns -1 (after a message) for an unknown word. */
typedef enum { OUT_TABLE, OUT_JSON, OUT_CSV } out_format;
int cli_parse_format(const char *word, out_format *f);

typedef struct out_column {
	const char *key;    /* JSON key; "a|b" takes the first of a, b that is not null */
	const char *header; /* table and CSV heading */
	int max_width;	    /* table only: longer values are cut, 0 = no limit */
} out_column;

void out_table(FILE *out, json_t *rows, const out_column *cols);
void out_csv(FILE *out, json_t *rows, const out_column *cols);
void out_json(FILE *out, json_t *value);
void out_rows(FILE *out, out_format f, json_t *rows, const out_column *cols);
/* The text of a value as tables show it (caller frees). */
char *out_text(json_t *row, const char *key);

/* Shared by verbs that read the database: report a usage error, open the store, report a query error
 * (with "did you mean" for unknown references). */
int cli_usage_error(const char *verb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_open_db(const char *path, sqlite3 **db);
int cli_query_failed(sqlite3 *db, im_qstatus status, char *err, const char *ref);

#endif
