/* Unit tests: reading data files into the model, and validating the model. */
#include "testutil.h"

#include "iotmap/dataset.h"

static void test_load_fixture(void **state)
{
	(void)state;
	im_dataset ds = {0};
	im_diags d = {0};
	assert_int_equal(im_dataset_load(FIXTURE, &ds, &d), 0);
	assert_int_equal(im_dataset_validate(&ds, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(ds.n_docs, 2);
	assert_int_equal(ds.n_sets, 1);
	const im_document *hub = im_dataset_find_doc(&ds, "hub-standard");
	assert_non_null(hub);
	assert_int_equal(hub->n_items, 5);
	/* Values stay text as written: "1.0" is not a number, "1" not an integer. */
	assert_string_equal(hub->version, "1.0");
	assert_string_equal(hub->items[0].id, "1");
	const im_item *it = im_document_find_item(hub, "1-1");
	assert_non_null(it);
	assert_true(im_item_is_conditional(it));
	assert_string_equal(it->condition, "the device uses passwords");
	assert_string_equal(it->parent, "1");
	assert_int_equal(it->line, 21);
	assert_int_equal(im_key_line(IM_OBJ_ITEM, it->key_lines, it->line, "status"), 24);
	/* Folded blocks lose their trailing newline. */
	assert_string_equal(hub->description, "A made-up standard used by iotmap's tests.");
	const im_document *spoke = im_dataset_find_doc(&ds, "spoke-guide");
	const im_item *b = im_document_find_item(spoke, "B");
	assert_int_equal(b->n_stakeholders, 2);
	assert_string_equal(b->stakeholders[1], "service providers");
	assert_string_equal(ds.sets[0].id, "spoke-guide--hub-standard");
	assert_int_equal(ds.sets[0].n_mappings, 4);
	assert_string_equal(ds.sets[0].mappings[3].target, "2");
	assert_non_null(ds.digest);
	assert_int_equal(strlen(ds.digest), 16);
	im_diags_free(&d);
	im_dataset_free(&ds);
}

static void test_digest_follows_content(void **state)
{
	(void)state;
	char *tmp = make_temp_dir();
	char *data = copy_fixture(tmp);
	im_dataset a = {0}, b = {0}, c = {0};
	im_diags d = {0};
	im_dataset_load(data, &a, &d);
	im_dataset_load(data, &b, &d);
	assert_string_equal(a.digest, b.digest);
	char *cmd = im_xasprintf("sed -i 's/Crumb/Bread/' '%s/documents/spoke-guide.yaml'", data);
	assert_int_equal(system(cmd), 0);
	im_dataset_load(data, &c, &d);
	assert_string_not_equal(a.digest, c.digest);
	free(cmd);
	im_diags_free(&d);
	im_dataset_free(&a);
	im_dataset_free(&b);
	im_dataset_free(&c);
	rm_tree(tmp);
	free(data);
	free(tmp);
}

/* Load one document file written from text; returns the diagnostics. */
static void load_text(const char *text, im_dataset *ds, im_diags *d)
{
	char *tmp = make_temp_dir();
	char *path = im_xasprintf("%s/x.yaml", tmp);
	write_file(path, text);
	im_dataset_load_document_file(path, ds, d);
	rm_tree(tmp);
	free(path);
	free(tmp);
}

static void test_syntax_error_line(void **state)
{
	(void)state;
	im_dataset ds = {0};
	im_diags d = {0};
	load_text("id: x\ntitle: \"unclosed\nfoo: bar\n", &ds, &d);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].message, "YAML syntax"));
	assert_int_equal(ds.n_docs, 0);
	im_diags_free(&d);
	im_dataset_free(&ds);
}

static void test_shape_errors(void **state)
{
	(void)state;
	im_dataset ds = {0};
	im_diags d = {0};
	load_text("id: x\n"
		  "title: [a, b]\n"
		  "colour: red\n"
		  "items:\n"
		  "  - just text\n"
		  "  - id: \"1\"\n"
		  "    kind: group\n"
		  "    summary: &anchor s\n"
		  "    section: *anchor\n"
		  "    stakeholders: nobody\n",
		  &ds, &d);
	assert_true(has_diag(&d, 2, "'title' must be text, found a list"));
	assert_true(has_diag(&d, 3, "unknown key 'colour' in document"));
	assert_true(has_diag(&d, 5, "an item must be a mapping of keys, found a scalar"));
	assert_true(has_diag(&d, 9, "'section' must be text, found an alias"));
	assert_true(has_diag(&d, 10, "'stakeholders' must be a list of text"));
	assert_true(has_diag(&d, 1, "document lacks required key 'publisher'"));
	im_diags_free(&d);
	im_dataset_free(&ds);
}

static void test_missing_file(void **state)
{
	(void)state;
	im_dataset ds = {0};
	im_diags d = {0};
	im_dataset_load_document_file("/nonexistent/x.yaml", &ds, &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].message, "cannot open"));
	im_diags_free(&d);
	im_dataset_free(&ds);
}

/* Validate the fixture after mutate() changes the model; returns the diagnostics. */
static void validate_mutated(void (*mutate)(im_dataset *), im_diags *d, im_dataset *ds)
{
	im_dataset_load(FIXTURE, ds, d);
	assert_int_equal(d->n, 0);
	mutate(ds);
	im_dataset_validate(ds, d);
}

static void replace(char **field, const char *value)
{
	free(*field);
	*field = value ? im_xstrdup(value) : NULL;
}

static void dangling_target(im_dataset *ds)
{
	replace(&ds->sets[0].mappings[2].target, "2-2");
}

static void bad_words(im_dataset *ds)
{
	replace(&ds->sets[0].mappings[0].relationship, "overlaps");
	replace(&ds->sets[0].method, "guesswork");
	replace(&ds->docs[0].kind, "novel");
	replace(&ds->docs[0].items[1].status, "optional");
}

static void duplicate_doc(im_dataset *ds)
{
	replace(&ds->docs[1].id, "hub-standard");
}

static void long_rationale(im_dataset *ds)
{
	char buf[700];
	memset(buf, 'x', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	replace(&ds->sets[0].mappings[0].rationale, buf);
}

static void self_set(im_dataset *ds)
{
	replace(&ds->sets[0].target, "spoke-guide");
}

static void test_validate_rules(void **state)
{
	(void)state;
	im_dataset ds = {0};
	im_diags d = {0};

	validate_mutated(dangling_target, &d, &ds);
	assert_true(has_diag(&d, 21, "mapping target '2-2' is not an item of hub-standard (did you mean 1-2, 2-1 or 1-1?)"));
	im_diags_free(&d);
	im_dataset_free(&ds);

	validate_mutated(bad_words, &d, &ds);
	assert_int_equal(d.errors, 4);
	assert_true(has_diag(&d, 10, "'relationship' is 'overlaps'"));
	assert_true(has_diag(&d, 4, "'method' is 'guesswork'; expected human, automation or hybrid"));
	assert_true(has_diag(&d, 9, "'kind' is 'novel'"));
	assert_true(has_diag(&d, 24, "'status' is 'optional'; expected mandatory, recommended or informative"));
	im_diags_free(&d);
	im_dataset_free(&ds);

	validate_mutated(duplicate_doc, &d, &ds);
	assert_true(has_diag(&d, 0, "duplicate document id 'hub-standard'"));
	assert_true(has_diag(&d, 0, "does not match the file name"));
	im_diags_free(&d);
	im_dataset_free(&ds);

	validate_mutated(long_rationale, &d, &ds);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_true(has_diag(&d, 13, "rationale is 699 characters"));
	im_diags_free(&d);
	im_dataset_free(&ds);

	validate_mutated(self_set, &d, &ds);
	assert_true(has_diag(&d, 2, "source and target must differ"));
	im_diags_free(&d);
	im_dataset_free(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_fixture),	  cmocka_unit_test(test_digest_follows_content),
		cmocka_unit_test(test_syntax_error_line), cmocka_unit_test(test_shape_errors),
		cmocka_unit_test(test_missing_file),	  cmocka_unit_test(test_validate_rules),
	};
	return cmocka_run_group_tests_name("dataset", tests, NULL, NULL);
}
