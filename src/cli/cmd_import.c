/* cmd_import.c: the import verb. The file is read and converted, merged with the database's content,
 * and the whole is validated before anything is written; then the database is rebuilt atomically (or
 * created). With --save the imported documents and sets are also written as dataset files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "iotmap/dataset.h"
#include "iotmap/import.h"
#include "iotmap/store.h"
#include "iotmap/util.h"
#include "progress.h"

static void progress(const char *what)
{
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "\r\033[K%s", what);
}

static void counts(const im_dataset *ds, size_t *items, size_t *maps)
{
	*items = *maps = 0;
	for (size_t i = 0; i < ds->n_docs; i++)
		*items += ds->docs[i].n_items;
	for (size_t i = 0; i < ds->n_sets; i++)
		*maps += ds->sets[i].n_mappings;
}

int cmd_import(int argc, char **argv)
{
	const char *db_path = NULL, *format = "auto", *save = NULL;
	cli_arg args[] = {{"db", 0, &db_path, NULL},
			  {"format", 0, &format, NULL},
			  {"save", 0, &save, NULL},
			  {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("import", argc, argv, args, 1, 1, &pos, &npos);
	if (rc)
		return rc;
	const char *file = pos[0];
	im_import_format f;
	if (im_import_format_parse(format, &f) != 0)
		return cli_usage_error("import", "unknown format '%s' (expected auto, " IM_IMPORT_FORMAT_WORDS ")",
				       format);
	char *err = NULL;
	if (f == IM_IMPORT_AUTO && im_import_detect(file, &f, &err) != 0) {
		fprintf(stderr, "iotmap: %s\n", err);
		free(err);
		return EXIT_USAGE;
	}
	const char *path = im_store_path(db_path);
	im_dataset base = {0}, add = {0};
	struct stat sb;
	if (stat(path, &sb) == 0) {
		sqlite3 *db = NULL;
		if ((rc = cli_open_db(path, &db)))
			return rc;
		progress("reading the database...");
		if (im_store_load(db, &base, &err) != 0) {
			fprintf(stderr, "iotmap: %s\n", err);
			free(err);
			sqlite3_close(db);
			im_dataset_free(&base);
			return EXIT_IO;
		}
		sqlite3_close(db);
	}
	progress("reading the import...");
	im_diags d = {0};
	im_import_read(file, f, &base, &add, &d);
	size_t new_docs = add.n_docs, new_sets = add.n_sets, items, maps;
	counts(&add, &items, &maps);
	/* Remember which documents and sets came from the file (for --save after the merge). */
	char **doc_ids = im_xcalloc(new_docs + 1, sizeof *doc_ids), **set_ids = im_xcalloc(new_sets + 1, sizeof *set_ids);
	for (size_t i = 0; i < new_docs; i++)
		doc_ids[i] = im_xstrdup(add.docs[i].id ? add.docs[i].id : "");
	for (size_t i = 0; i < new_sets; i++)
		set_ids[i] = im_xstrdup(add.sets[i].id ? add.sets[i].id : "");
	progress("validating...");
	if (d.errors == 0) {
		im_dataset_merge(&base, &add);
		im_dataset_validate(&base, &d);
	}
	progress("");
	im_diags_sort(&d);
	im_diags_print(&d, stderr);
	if (d.errors) {
		fprintf(stderr, "iotmap: %zu errors in %s; nothing was imported (the database %s is unchanged)\n",
			d.errors, file, path);
		rc = EXIT_DATA;
		goto done;
	}
	/* The dataset version follows the content: the same data, however it arrived, has the same one. */
	free(base.digest);
	base.digest = im_dataset_digest(&base);
	if (im_store_build_progress(&base, file, path, cli_progress, "writing the database", &err) != 0) {
		progress("");
		fprintf(stderr, "iotmap: %s; the database %s was not changed\n", err, path);
		free(err);
		rc = EXIT_IO;
		goto done;
	}
	progress("");
	if (save) {
		/* A view of the imported part of the merged dataset (shallow: base owns the contents). */
		im_dataset view = {0};
		for (size_t i = 0; i < new_docs; i++)
			for (size_t j = 0; j < base.n_docs; j++)
				if (strcmp(base.docs[j].id, doc_ids[i]) == 0)
					*IM_PUSH(view.docs, view.n_docs, view.cap_docs) = base.docs[j];
		for (size_t i = 0; i < new_sets; i++)
			for (size_t j = 0; j < base.n_sets; j++)
				if (strcmp(base.sets[j].id, set_ids[i]) == 0)
					*IM_PUSH(view.sets, view.n_sets, view.cap_sets) = base.sets[j];
		int saved = im_dataset_save(&view, save, &err);
		free(view.docs);
		free(view.sets);
		if (saved != 0) {
			fprintf(stderr, "iotmap: the database was updated, but saving files failed: %s\n", err);
			free(err);
			rc = EXIT_IO;
			goto done;
		}
	}
	printf("%s (%s): %zu documents, %zu items, %zu mapping sets, %zu mappings imported into %s\n", file,
	       im_import_format_name(f), new_docs, items, new_sets, maps, path);
	if (save)
		printf("saved as dataset files under %s\n", save);
done:
	for (size_t i = 0; i < new_docs; i++)
		free(doc_ids[i]);
	for (size_t i = 0; i < new_sets; i++)
		free(set_ids[i]);
	free(doc_ids);
	free(set_ids);
	im_diags_free(&d);
	im_dataset_free(&base);
	im_dataset_free(&add);
	return rc;
}
