/* Unit tests: vocabulary, slugs, dates, addresses, references, suggestions, diagnostics order. */
#include "testutil.h"

#include "iotmap/diag.h"
#include "iotmap/query.h"
#include "iotmap/suggest.h"
#include "iotmap/vocab.h"

static void test_relationship_words(void **state)
{
	(void)state;
	const char *oscal[] = {"equal-to", "equivalent-to", "subset-of", "superset-of",
			       "intersects-with", "no-relationship"};
	for (size_t i = 0; i < 6; i++)
		assert_true(im_word_in(oscal[i], im_relationships));
	assert_true(im_word_in("related-to", im_relationships));
	assert_false(im_word_in("same-as", im_relationships));
	assert_false(im_word_in("Subset-of", im_relationships));
	assert_string_equal(im_relationship_inverse("subset-of"), "superset-of");
	assert_string_equal(im_relationship_inverse("superset-of"), "subset-of");
	assert_string_equal(im_relationship_inverse("intersects-with"), "intersects-with");
	char buf[64];
	assert_string_equal(im_word_list(im_confidences, buf, sizeof buf), "high, medium or low");
}

static void test_slugs(void **state)
{
	(void)state;
	assert_true(im_is_slug("etsi-en-303-645-v2.1.1"));
	assert_true(im_is_slug("uk-cop-2018"));
	assert_true(im_is_slug("8259a"));
	assert_false(im_is_slug(""));
	assert_false(im_is_slug("-leading"));
	assert_false(im_is_slug(".hidden"));
	assert_false(im_is_slug("Upper"));
	assert_false(im_is_slug("has space"));
	assert_false(im_is_slug("colon:inside"));
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(im_is_date("2020", false));
	assert_true(im_is_date("2020-06", false));
	assert_true(im_is_date("2024-02-29", false));
	assert_false(im_is_date("2023-02-29", false));
	assert_false(im_is_date("1900-02-29", false));
	assert_true(im_is_date("2000-02-29", false));
	assert_false(im_is_date("2020-13", false));
	assert_false(im_is_date("2020-00-10", false));
	assert_false(im_is_date("2020-04-31", false));
	assert_false(im_is_date("2020/06/01", false));
	assert_false(im_is_date("20-06-01", false));
	assert_false(im_is_date("2020-06", true));
	assert_true(im_is_date("2020-06-30", true));
}

static void test_urls(void **state)
{
	(void)state;
	assert_true(im_is_http_url("https://www.etsi.org/deliver/x.pdf"));
	assert_true(im_is_http_url("http://example.org"));
	assert_false(im_is_http_url("ftp://example.org"));
	assert_false(im_is_http_url("https://"));
	assert_false(im_is_http_url("https:///path"));
	assert_false(im_is_http_url("https://exa mple.org"));
}

static void test_refs(void **state)
{
	(void)state;
	im_ref r;
	assert_int_equal(im_ref_parse("etsi-en-303-645-v2.1.1:5.1-1", &r), 0);
	assert_string_equal(r.doc, "etsi-en-303-645-v2.1.1");
	assert_string_equal(r.item, "5.1-1");
	im_ref_free(&r);
	/* Only the first colon splits: item ids may contain colons. */
	assert_int_equal(im_ref_parse("cra:Annex I: Part I", &r), 0);
	assert_string_equal(r.doc, "cra");
	assert_string_equal(r.item, "Annex I: Part I");
	im_ref_free(&r);
	assert_int_equal(im_ref_parse("uk-cop-2018", &r), 0);
	assert_null(r.item);
	im_ref_free(&r);
	assert_int_equal(im_ref_parse("", &r), -1);
	assert_int_equal(im_ref_parse(":5.1-1", &r), -1);
	assert_int_equal(im_ref_parse("doc:", &r), -1);
	char *s = im_ref_format("a", "b");
	assert_string_equal(s, "a:b");
	free(s);
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(im_edit_distance("", ""), 0);
	assert_int_equal(im_edit_distance("abc", ""), 3);
	assert_int_equal(im_edit_distance("kitten", "sitting"), 3);
	assert_int_equal(im_edit_distance("5.1-1", "5.1-2"), 1);
}

static void test_suggester(void **state)
{
	(void)state;
	im_suggester s;
	im_suggester_init(&s, "5.1-9", 2);
	const char *cands[] = {"5.1-1", "5.2-1", "5.1-1", "6-1", "totally-different", "5.1-2"};
	for (size_t i = 0; i < 6; i++)
		im_suggester_offer(&s, cands[i]);
	/* Nearest first, ties in offer order, duplicates dropped, at most 2. */
	assert_int_equal(s.n, 2);
	assert_string_equal(s.best[0], "5.1-1");
	assert_string_equal(s.best[1], "5.1-2");
	char *text = im_suggester_text(&s);
	assert_string_equal(text, "5.1-1 or 5.1-2");
	free(text);
	im_suggester_free(&s);

	im_suggester_init(&s, "zzzzzz", 3);
	im_suggester_offer(&s, "uk-cop-2018");
	text = im_suggester_text(&s);
	assert_string_equal(text, "");
	free(text);
	im_suggester_free(&s);
}

static void test_diag_order(void **state)
{
	(void)state;
	im_diags d = {0};
	im_error(&d, "b.yaml", 3, "third");
	im_error(&d, "a.yaml", 9, "second");
	im_warning(&d, "a.yaml", 2, "first");
	im_error(&d, "b.yaml", 3, "fourth");
	im_diags_sort(&d);
	assert_string_equal(d.v[0].message, "first");
	assert_string_equal(d.v[1].message, "second");
	assert_string_equal(d.v[2].message, "third");
	assert_string_equal(d.v[3].message, "fourth");
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.warnings, 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	im_diags_print(&d, f);
	fclose(f);
	assert_non_null(strstr(buf, "a.yaml:2: warning: first\na.yaml:9: error: second\n"));
	free(buf);
	im_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relationship_words), cmocka_unit_test(test_slugs),
		cmocka_unit_test(test_dates),		   cmocka_unit_test(test_urls),
		cmocka_unit_test(test_refs),		   cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggester),	   cmocka_unit_test(test_diag_order),
	};
	return cmocka_run_group_tests_name("vocab", tests, NULL, NULL);
}
