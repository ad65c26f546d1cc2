/* cmd_data.c: the verbs that read data/: validate and build. */
#include <stdlib.h>

#include "args.h"
#include "cli.h"
#include "iotmap/dataset.h"
#include "iotmap/store.h"
#include "progress.h"

#define DEFAULT_DATA_DIR "data"

static void print_counts(FILE *out, const char *dir, const im_dataset *ds, const im_diags *d)
{
	size_t items = 0, mappings = 0;
	for (size_t i = 0; i < ds->n_docs; i++)
		items += ds->docs[i].n_items;
	for (size_t i = 0; i < ds->n_sets; i++)
		mappings += ds->sets[i].n_mappings;
	fprintf(out, "%s: %zu documents, %zu items, %zu mapping sets, %zu mappings: %zu errors, %zu "
		     "warnings\n",
		dir, ds->n_docs, items, ds->n_sets, mappings, d->errors, d->warnings);
}

/* Load and validate dir, print diagnostics to stderr. Returns the number of errors. */
static size_t load_checked(const char *dir, im_dataset *ds, im_diags *d)
{
	im_dataset_load(dir, ds, d);
	im_dataset_validate(ds, d);
	im_diags_sort(d);
	im_diags_print(d, stderr);
	return d->errors;
}

int cmd_validate(int argc, char **argv)
{
	int strict = 0;
	cli_arg args[] = {{"strict", 0, NULL, &strict}, {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("validate", argc, argv, args, 0, 1, &pos, &npos);
	if (rc)
		return rc;
	const char *dir = npos ? pos[0] : DEFAULT_DATA_DIR;
	im_dataset ds = {0};
	im_diags d = {0};
	size_t errors = load_checked(dir, &ds, &d);
	print_counts(stdout, dir, &ds, &d);
	rc = errors || (strict && d.warnings) ? EXIT_DATA : EXIT_OK;
	im_diags_free(&d);
	im_dataset_free(&ds);
	return rc;
}

int cmd_build(int argc, char **argv)
{
	const char *db = NULL;
	cli_arg args[] = {{"db", 0, &db, NULL}, {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("build", argc, argv, args, 0, 1, &pos, &npos);
	if (rc)
		return rc;
	const char *dir = npos ? pos[0] : DEFAULT_DATA_DIR;
	const char *path = im_store_path(db);
	im_dataset ds = {0};
	im_diags d = {0};
	if (load_checked(dir, &ds, &d)) {
		fprintf(stderr, "iotmap: %zu errors in %s; the database %s was not changed\n", d.errors,
			dir, path);
		rc = EXIT_DATA;
	} else {
		char *err = NULL;
		if (im_store_build_progress(&ds, dir, path, cli_progress, "writing the database", &err) != 0) {
			fprintf(stderr, "iotmap: %s; the database %s was not changed\n", err, path);
			free(err);
			rc = EXIT_IO;
		} else {
			print_counts(stdout, dir, &ds, &d);
			printf("built %s\n", path);
		}
	}
	im_diags_free(&d);
	im_dataset_free(&ds);
	return rc;
}
