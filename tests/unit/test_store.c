/* Unit tests: building the SQLite store (all-or-nothing) and querying it, on real files. */
#include <sys/stat.h>

#include "testutil.h"

#include "iotmap/export.h"
#include "iotmap/query.h"
#include "iotmap/store.h"
#include "iotmap/version.h"

typedef struct world {
	char *tmp, *db_path;
	sqlite3 *db;
} world;

static int build_fixture(const char *dir, const char *db_path, char **err)
{
	im_dataset ds = {0};
	im_diags d = {0};
	im_dataset_load(dir, &ds, &d);
	im_dataset_validate(&ds, &d);
	assert_int_equal(d.errors, 0);
	int rc = im_store_build(&ds, dir, db_path, err);
	im_diags_free(&d);
	im_dataset_free(&ds);
	return rc;
}

static int setup(void **state)
{
	world *w = im_xcalloc(1, sizeof *w);
	w->tmp = make_temp_dir();
	w->db_path = im_xasprintf("%s/test.db", w->tmp);
	char *err = NULL;
	assert_int_equal(build_fixture(FIXTURE, w->db_path, &err), 0);
	assert_int_equal(im_store_open(w->db_path, &w->db, &err), 0);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	sqlite3_close(w->db);
	rm_tree(w->tmp);
	free(w->tmp);
	free(w->db_path);
	free(w);
	return 0;
}

static char *file_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	char *buf = im_xmalloc(*len + 1);
	assert_int_equal(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

static void test_meta(void **state)
{
	world *w = *state;
	char *v = im_store_meta(w->db, "schema_version"), want[16];
	snprintf(want, sizeof want, "%d", IOTMAP_SCHEMA_VERSION);
	assert_string_equal(v, want);
	free(v);
	v = im_store_meta(w->db, "dataset_digest");
	assert_int_equal(strlen(v), 16);
	free(v);
	assert_null(im_store_meta(w->db, "no-such-key"));
}

static void test_failed_build_keeps_old_database(void **state)
{
	world *w = *state;
	size_t len_before, len_after;
	char *before = file_bytes(w->db_path, &len_before);
	for (long after = 0; after < 12; after += 3) {
		char n[16];
		snprintf(n, sizeof n, "%ld", after);
		setenv("IOTMAP_FAULT_AFTER_ROWS", n, 1);
		char *err = NULL;
		assert_int_equal(build_fixture(FIXTURE, w->db_path, &err), -1);
		assert_non_null(strstr(err, "injected fault"));
		free(err);
		unsetenv("IOTMAP_FAULT_AFTER_ROWS");
		char *after_bytes = file_bytes(w->db_path, &len_after);
		assert_int_equal(len_before, len_after);
		assert_memory_equal(before, after_bytes, len_before);
		free(after_bytes);
	}
	free(before);
	/* No temporary files are left behind. */
	char *cmd = im_xasprintf("test $(ls '%s' | wc -l) -eq 1", w->tmp);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void test_open_errors(void **state)
{
	world *w = *state;
	sqlite3 *db = NULL;
	char *err = NULL;
	assert_int_equal(im_store_open("/nonexistent/x.db", &db, &err), -1);
	assert_non_null(strstr(err, "run 'iotmap build' first"));
	free(err);
	/* A database of another schema version is refused with advice. */
	char *path = im_xasprintf("%s/old.db", w->tmp);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE meta(key, value); INSERT INTO meta VALUES('schema_version','0')",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(im_store_open(path, &db, &err), -1);
	char *want = im_xasprintf("schema version 0, this iotmap needs %d", IOTMAP_SCHEMA_VERSION);
	assert_non_null(strstr(err, want));
	free(want);
	free(err);
	free(path);
}

static void test_store_path(void **state)
{
	(void)state;
	unsetenv("IOTMAP_DB");
	assert_string_equal(im_store_path(NULL), IM_DEFAULT_DB);
	setenv("IOTMAP_DB", "/tmp/env.db", 1);
	assert_string_equal(im_store_path(NULL), "/tmp/env.db");
	assert_string_equal(im_store_path("/tmp/flag.db"), "/tmp/flag.db");
	unsetenv("IOTMAP_DB");
}

static json_t *find_by(json_t *array, const char *key, const char *value)
{
	size_t i;
	json_t *o;
	json_array_foreach(array, i, o)
	{
		if (strcmp(json_string_value(json_object_get(o, key)), value) == 0)
			return o;
	}
	return NULL;
}

static void test_item_both_directions(void **state)
{
	world *w = *state;
	json_t *it = NULL;
	char *err = NULL;
	assert_int_equal(im_q_item(w->db, "hub-standard", "1-1", &it, &err), IM_Q_OK);
	json_t *maps = json_object_get(it, "mappings");
	assert_int_equal(json_array_size(maps), 1);
	json_t *m = json_array_get(maps, 0);
	assert_string_equal(json_string_value(json_object_get(m, "direction")), "incoming");
	assert_string_equal(json_string_value(json_object_get(m, "stated_relationship")), "subset-of");
	assert_string_equal(json_string_value(json_object_get(m, "relationship")), "superset-of");
	assert_string_equal(json_string_value(json_object_get(m, "other")), "spoke-guide:A");
	assert_true(json_is_true(json_object_get(it, "conditional")));
	json_decref(it);

	assert_int_equal(im_q_item(w->db, "hub-standard", "9-9", &it, &err), IM_Q_NOT_FOUND);
	assert_string_equal(err, "no item 'hub-standard:9-9'");
	free(err);
}

static void test_mapping_filters(void **state)
{
	world *w = *state;
	json_t *rows = NULL;
	char *err = NULL;
	im_mapping_filter f = {.ref = "hub-standard"};
	assert_int_equal(im_q_mappings(w->db, &f, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 4);
	json_decref(rows);
	f = (im_mapping_filter){.source = "spoke-guide", .relationship = "subset-of"};
	assert_int_equal(im_q_mappings(w->db, &f, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 1);
	assert_non_null(find_by(rows, "target", "hub-standard:1-1"));
	json_decref(rows);
	f = (im_mapping_filter){.ref = "spoke-guide:A", .to = "hub-standard"};
	assert_int_equal(im_q_mappings(w->db, &f, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 2);
	json_decref(rows);
	f = (im_mapping_filter){.ref = "spoke-guide:Z"};
	assert_int_equal(im_q_mappings(w->db, &f, &rows, &err), IM_Q_NOT_FOUND);
	free(err);
	f = (im_mapping_filter){.ref = ":x"};
	assert_int_equal(im_q_mappings(w->db, &f, &rows, &err), IM_Q_BAD_INPUT);
	free(err);
}

static void test_search_is_injection_safe(void **state)
{
	world *w = *state;
	const char *hostile[] = {"\"", "password\" OR \"x", "NEAR(a b)", "*", "col:val", "'; DROP TABLE items; --"};
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		json_t *rows = NULL;
		char *err = NULL;
		im_search_opts o = {.text = hostile[i], .limit = 10, .mark_open = "<", .mark_close = ">"};
		im_qstatus s = im_q_search(w->db, &o, &rows, &err);
		assert_true(s == IM_Q_OK || s == IM_Q_BAD_INPUT);
		json_decref(rows);
		free(err);
	}
	json_t *rows = NULL;
	char *err = NULL;
	im_search_opts o = {.text = "toaster password", .limit = 10, .mark_open = "<", .mark_close = ">"};
	assert_int_equal(im_q_search(w->db, &o, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(rows, 0), "ref")), "spoke-guide:A");
	json_decref(rows);
	/* Filters by document kind and publisher. */
	o = (im_search_opts){.text = "password", .kind = "guidance"};
	assert_int_equal(im_q_search(w->db, &o, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 1);
	json_decref(rows);
	o = (im_search_opts){.text = "password", .publisher = "Test Standards Body"};
	assert_int_equal(im_q_search(w->db, &o, &rows, &err), IM_Q_OK);
	assert_int_equal(json_array_size(rows), 3);
	json_decref(rows);
	/* The items table survived. */
	json_t *docs = NULL;
	assert_int_equal(im_q_documents(w->db, &docs, &err), IM_Q_OK);
	assert_int_equal(json_array_size(docs), 2);
	json_decref(docs);
}

static void test_coverage(void **state)
{
	world *w = *state;
	json_t *cov = NULL;
	char *err = NULL;
	assert_int_equal(im_q_coverage(w->db, "hub-standard", NULL, &cov, &err), IM_Q_OK);
	assert_int_equal(json_integer_value(json_object_get(cov, "requirements")), 3);
	assert_int_equal(json_integer_value(json_object_get(cov, "requirements_covered")), 3);
	json_t *g2 = find_by(json_object_get(cov, "items"), "id", "2");
	/* Only a no-relationship mapping points at group 2: it is not coverage. */
	assert_int_equal(json_integer_value(json_object_get(g2, "documents")), 0);
	json_decref(cov);
	assert_int_equal(im_q_coverage(w->db, "hub-standard", "nope", &cov, &err), IM_Q_NOT_FOUND);
	free(err);
}

static void test_coverage_matrix(void **state)
{
	world *w = *state;
	json_t *m = NULL;
	char *err = NULL;
	assert_int_equal(im_q_coverage_matrix(w->db, "hub-standard", &m, &err), IM_Q_OK);
	json_t *sections = json_object_get(m, "sections");
	assert_int_equal(json_array_size(sections), 2);
	json_t *docs = json_object_get(m, "documents");
	assert_int_equal(json_array_size(docs), 1);
	json_t *spoke = json_array_get(docs, 0);
	assert_string_equal(json_string_value(json_object_get(spoke, "id")), "spoke-guide");
	/* Section 1: only A maps (to 1-1 and 1-2), counted once. Section 2: B maps to 2-1; C's
	 * no-relationship with group 2 does not count. */
	json_t *counts = json_object_get(spoke, "counts");
	assert_int_equal(json_integer_value(json_array_get(counts, 0)), 1);
	assert_int_equal(json_integer_value(json_array_get(counts, 1)), 1);
	assert_int_equal(json_integer_value(json_object_get(m, "max")), 1);
	json_decref(m);
	assert_int_equal(im_q_coverage_matrix(w->db, "nope", &m, &err), IM_Q_NOT_FOUND);
	free(err);
}

static void test_suggestions(void **state)
{
	world *w = *state;
	char *s = im_q_suggest(w->db, "spoke-guide:a");
	assert_string_equal(s, "spoke-guide:A, spoke-guide:B or spoke-guide:C");
	free(s);
	s = im_q_suggest(w->db, "hub-standart");
	assert_string_equal(s, "hub-standard");
	free(s);
}

static void test_export_json_round(void **state)
{
	world *w = *state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	char *err = NULL;
	setenv("SOURCE_DATE_EPOCH", "86400", 1);
	assert_int_equal(im_export_json(w->db, NULL, f, &err), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	fclose(f);
	json_error_t jerr;
	json_t *root = json_loads(buf, 0, &jerr);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "generated")), "1970-01-02T00:00:00Z");
	assert_int_equal(json_array_size(json_object_get(root, "documents")), 2);
	assert_int_equal(json_array_size(json_object_get(root, "mappings")), 4);
	json_t *hub = json_array_get(json_object_get(root, "documents"), 0);
	assert_int_equal(json_array_size(json_object_get(hub, "items")), 5);
	json_decref(root);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_meta, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_build_keeps_old_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
		cmocka_unit_test(test_store_path),
		cmocka_unit_test_setup_teardown(test_item_both_directions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mapping_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_is_injection_safe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coverage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coverage_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_suggestions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_json_round, setup, teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
