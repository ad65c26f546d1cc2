/* cmd_serve.c: the serve verb: options, building the database when there is none, then the server. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../web/web.h"
#include "args.h"
#include "cli.h"
#include "iotmap/dataset.h"
#include "iotmap/store.h"

static int number(const char *text, const char *name, unsigned min, unsigned max, unsigned *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (*end || end == text || v < (long)min || v > (long)max)
		return cli_usage_error("serve", "%s takes a whole number from %u to %u, not '%s'", name, min, max,
				       text);
	*out = (unsigned)v;
	return EXIT_OK;
}

/* The server needs a database; build one from the data folder when there is none yet. */
static int ensure_db(const char *path, const char *dir)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		return EXIT_OK;
	fprintf(stderr, "iotmap serve: no database at %s; building it from %s\n", path, dir);
	im_dataset ds = {0};
	im_diags d = {0};
	im_dataset_load(dir, &ds, &d);
	im_dataset_validate(&ds, &d);
	im_diags_sort(&d);
	im_diags_print(&d, stderr);
	int rc = EXIT_OK;
	char *err = NULL;
	if (d.errors) {
		fprintf(stderr, "iotmap serve: %zu errors in %s; fix them or give --db\n", d.errors, dir);
		rc = EXIT_DATA;
	} else if (im_store_build(&ds, dir, path, &err) != 0) {
		fprintf(stderr, "iotmap serve: %s\n", err);
		free(err);
		rc = EXIT_IO;
	}
	im_diags_free(&d);
	im_dataset_free(&ds);
	return rc;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *port = NULL, *threads = NULL, *data = "data";
	web_config cfg = {.bind = "127.0.0.1", .port = 8080, .connection_limit = 512, .per_ip_limit = 64,
			  .timeout_s = 15};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	cfg.threads = cpus > 0 ? (unsigned)cpus : 2;
	cli_arg args[] = {{"bind", 0, &cfg.bind, NULL},	  {"port", 0, &port, NULL},
			  {"db", 0, &db, NULL},		  {"data", 0, &data, NULL},
			  {"access-log", 0, &cfg.access_log, NULL}, {"threads", 0, &threads, NULL},
			  {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = cli_args_parse("serve", argc, argv, args, 0, 0, &pos, &npos);
	if (rc)
		return rc;
	if (port && (rc = number(port, "--port", 0, 65535, &cfg.port)))
		return rc;
	if (threads && (rc = number(threads, "--threads", 1, 256, &cfg.threads)))
		return rc;
	cfg.db_path = im_store_path(db);
	cfg.data_dir = data;
	if ((rc = ensure_db(cfg.db_path, data)))
		return rc;
	return web_serve(&cfg);
}
