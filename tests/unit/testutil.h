/* testutil.h: helpers shared by the unit tests: temporary folders and files, loading the fixture. */
#ifndef IOTMAP_TESTUTIL_H
#define IOTMAP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "iotmap/dataset.h"
#include "iotmap/util.h"

#define FIXTURE "tests/fixtures/tiny"

/* A fresh folder under /tmp; removed by rm_tree. Caller frees the name. */
static inline char *make_temp_dir(void)
{
	char *dir = im_xstrdup("/tmp/iotmap-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static inline void rm_tree(const char *dir)
{
	char *cmd = im_xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static inline void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Copy the fixture dataset to DIR/data; returns that path (caller frees). */
static inline char *copy_fixture(const char *dir)
{
	char *cmd = im_xasprintf("cp -r " FIXTURE " '%s/data'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return im_xasprintf("%s/data", dir);
}

/* True when some diagnostic's message contains text (and, if line > 0, is at that line). */
static inline int has_diag(const im_diags *d, int line, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].message, text) && (line <= 0 || d->v[i].line == line))
			return 1;
	return 0;
}

#endif
