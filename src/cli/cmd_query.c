/* cmd_query.c: the verbs that look things up: documents, show, map, search. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "iotmap/util.h"

/* The shared options of a query verb. */
typedef struct query_opts {
	const char *db, *format;
	out_format fmt;
} query_opts;

static int parse_query(const char *verb, int argc, char **argv, cli_arg *extra, query_opts *q,
		       int min_pos, int max_pos, char ***pos, int *npos)
{
	cli_arg args[12];
	size_t n = 0;
	for (; extra && extra[n].name && n < 8; n++)
		args[n] = extra[n];
	args[n++] = (cli_arg){"db", 0, &q->db, NULL};
	args[n++] = (cli_arg){"format", 0, &q->format, NULL};
	args[n] = (cli_arg){NULL, 0, NULL, NULL};
	int rc = cli_args_parse(verb, argc, argv, args, min_pos, max_pos, pos, npos);
	if (rc)
		return rc;
	q->fmt = OUT_TABLE;
	if (q->format && cli_parse_format(q->format, &q->fmt) != 0)
		return cli_usage_error(verb, "unknown format '%s' (expected table, json or csv)", q->format);
	return EXIT_OK;
}

static const out_column document_columns[] = {
	{"id", "id", 0},
	{"kind", "kind", 0},
	{"jurisdiction", "jurisdiction", 0},
	{"published", "published", 0},
	{"item_count", "items", 0},
	{"mapping_count", "mappings", 0},
	{"record", "record", 0},
	{"title", "title", 60},
	{NULL, NULL, 0},
};

int cmd_documents(int argc, char **argv)
{
	query_opts q = {0};
	char **pos;
	int npos;
	int rc = parse_query("documents", argc, argv, NULL, &q, 0, 0, &pos, &npos);
	sqlite3 *db = NULL;
	if (rc || (rc = cli_open_db(q.db, &db)))
		return rc;
	json_t *docs = NULL;
	char *err = NULL;
	im_qstatus s = im_q_documents(db, &docs, &err);
	if (s != IM_Q_OK)
		rc = cli_query_failed(db, s, err, NULL);
	else
		out_rows(stdout, q.fmt, docs, document_columns);
	json_decref(docs);
	sqlite3_close(db);
	return rc;
}

static void field_line(json_t *o, const char *key, const char *label)
{
	char *s = out_text(o, key);
	if (*s)
		printf("%-13s %s\n", label, s);
	free(s);
}

static const out_column item_columns[] = {
	{"id", "item", 0},
	{"kind", "kind", 0},
	{"status", "status", 0},
	{"conditional", "cond.", 0},
	{"mapping_count", "mappings", 0},
	{"title|summary", "title or summary", 70},
	{NULL, NULL, 0},
};

static void print_document(json_t *doc)
{
	static const char *fields[][2] = {
		{"id", "id:"},		   {"title", "title:"},
		{"short_title", "short title:"}, {"publisher", "publisher:"},
		{"version", "version:"},	   {"published", "published:"},
		{"kind", "kind:"},		   {"jurisdiction", "jurisdiction:"},
		{"status", "status:"},	   {"superseded_by", "superseded by:"},
		{"url", "source:"},		   {"licence", "licence:"},
		{"description", "about:"},	   {"gaps", "gaps:"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		field_line(doc, fields[i][0], fields[i][1]);
	printf("\n%zu items:\n", json_array_size(json_object_get(doc, "items")));
	out_table(stdout, json_object_get(doc, "items"), item_columns);
}

static void print_item(json_t *it)
{
	char *doc = out_text(it, "document_short_title|document_title");
	char *pub = out_text(it, "publisher");
	printf("%s  (%s, %s)\n", json_string_value(json_object_get(it, "ref")), doc, pub);
	free(doc);
	free(pub);
	static const char *fields[][2] = {
		{"title", "title:"},	     {"kind", "kind:"},		{"status", "status:"},
		{"condition", "applies if:"}, {"section", "section:"},	{"parent", "parent:"},
		{"stakeholders", "who:"},     {"summary", "summary:"},	{"notes", "notes:"},
		{"url", "source:"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		field_line(it, fields[i][0], fields[i][1]);
	json_t *children = json_object_get(it, "children");
	if (json_array_size(children)) {
		printf("\n%zu items under it:\n", json_array_size(children));
		static const out_column cols[] = {{"ref", "item", 0},
						  {"status", "status", 0},
						  {"title|summary", "title or summary", 70},
						  {NULL, NULL, 0}};
		out_table(stdout, children, cols);
	}
	json_t *maps = json_object_get(it, "mappings");
	printf("\n%zu mappings (read as: this item RELATIONSHIP other item):\n", json_array_size(maps));
	size_t i;
	json_t *m;
	json_array_foreach(maps, i, m)
	{
		char *label = out_text(m, "other_title|other_summary");
		char *rationale = out_text(m, "rationale");
		printf("  %-16s %s  %s\n", json_string_value(json_object_get(m, "relationship")),
		       json_string_value(json_object_get(m, "other")), label);
		printf("  %16s confidence %s, %s matching, from %s\n", "",
		       json_string_value(json_object_get(m, "confidence")),
		       json_string_value(json_object_get(m, "matching_rationale")),
		       json_string_value(json_object_get(m, "mapping_set")));
		printf("  %16s %s\n", "", rationale);
		free(label);
		free(rationale);
	}
}

int cmd_show(int argc, char **argv)
{
	query_opts q = {0};
	char **pos;
	int npos;
	int rc = parse_query("show", argc, argv, NULL, &q, 1, 1, &pos, &npos);
	sqlite3 *db = NULL;
	if (rc || (rc = cli_open_db(q.db, &db)))
		return rc;
	im_ref ref;
	if (im_ref_parse(pos[0], &ref) != 0) {
		sqlite3_close(db);
		return cli_usage_error("show", "'%s' is not a reference (expected DOCUMENT or "
				       "DOCUMENT:ITEM)", pos[0]);
	}
	json_t *v = NULL;
	char *err = NULL;
	im_qstatus s = ref.item ? im_q_item(db, ref.doc, ref.item, &v, &err)
				: im_q_document(db, ref.doc, &v, &err);
	if (s != IM_Q_OK)
		rc = cli_query_failed(db, s, err, pos[0]);
	else if (q.fmt == OUT_JSON)
		out_json(stdout, v);
	else if (q.fmt == OUT_CSV && ref.item)
		out_csv(stdout, json_object_get(v, "mappings"),
			(const out_column[]){{"other", "other", 0},
					     {"relationship", "relationship", 0},
					     {"confidence", "confidence", 0},
					     {"matching_rationale", "matching_rationale", 0},
					     {"rationale", "rationale", 0},
					     {NULL, NULL, 0}});
	else if (q.fmt == OUT_CSV)
		out_csv(stdout, json_object_get(v, "items"), item_columns);
	else if (ref.item)
		print_item(v);
	else
		print_document(v);
	json_decref(v);
	im_ref_free(&ref);
	sqlite3_close(db);
	return rc;
}

static const out_column mapping_columns[] = {
	{"source", "source", 0},
	{"relationship", "relationship", 0},
	{"target", "target", 0},
	{"confidence", "confidence", 0},
	{"rationale", "rationale", 70},
	{NULL, NULL, 0},
};

int cmd_map(int argc, char **argv)
{
	query_opts q = {0};
	im_mapping_filter f = {0};
	cli_arg extra[] = {{"to", 0, &f.to, NULL},
			   {"relationship", 0, &f.relationship, NULL},
			   {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = parse_query("map", argc, argv, extra, &q, 1, 1, &pos, &npos);
	sqlite3 *db = NULL;
	if (rc || (rc = cli_open_db(q.db, &db)))
		return rc;
	f.ref = pos[0];
	json_t *rows = NULL;
	char *err = NULL;
	im_qstatus s = im_q_mappings(db, &f, &rows, &err);
	if (s != IM_Q_OK) {
		/* Point the suggestion at whichever reference was wrong. */
		const char *bad = f.to && strstr(err, f.to) && !strstr(pos[0], f.to) ? f.to : pos[0];
		rc = cli_query_failed(db, s, err, bad);
	} else {
		out_rows(stdout, q.fmt, rows, mapping_columns);
	}
	json_decref(rows);
	sqlite3_close(db);
	return rc;
}

static const out_column search_columns[] = {
	{"ref", "item", 0},
	{"title", "title", 40},
	{"snippet", "match", 80},
	{NULL, NULL, 0},
};

int cmd_search(int argc, char **argv)
{
	query_opts q = {0};
	const char *limit_text = NULL;
	cli_arg extra[] = {{"limit", 0, &limit_text, NULL}, {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = parse_query("search", argc, argv, extra, &q, 1, -1, &pos, &npos);
	if (rc)
		return rc;
	int limit = 20;
	if (limit_text) {
		char *end;
		long l = strtol(limit_text, &end, 10);
		if (*end || l < 0 || l > 1000000)
			return cli_usage_error("search", "--limit takes a whole number from 0 to 1000000, "
					       "not '%s'", limit_text);
		limit = (int)l;
	}
	sqlite3 *db = NULL;
	if ((rc = cli_open_db(q.db, &db)))
		return rc;
	im_strbuf text = {0};
	for (int i = 0; i < npos; i++) {
		if (i)
			im_sb_add(&text, " ");
		im_sb_add(&text, pos[i]);
	}
	json_t *rows = NULL;
	char *err = NULL;
	bool marks = q.fmt == OUT_TABLE;
	im_search_opts so = {.text = text.s, .limit = limit, .mark_open = marks ? "[" : "",
			     .mark_close = marks ? "]" : ""};
	im_qstatus s = im_q_search(db, &so, &rows, &err);
	if (s != IM_Q_OK)
		rc = cli_query_failed(db, s, err, NULL);
	else if (q.fmt == OUT_TABLE && json_array_size(rows) == 0)
		printf("no items match '%s'\n", text.s);
	else
		out_rows(stdout, q.fmt, rows, search_columns);
	im_sb_free(&text);
	json_decref(rows);
	sqlite3_close(db);
	return rc;
}

/* Coverage against a partial record is a lower bound: say so, with what the record lacks. */
static void print_partial_note(sqlite3 *db, const char *against)
{
	json_t *doc = NULL;
	char *err = NULL;
	if (against && im_q_document(db, against, &doc, &err) == IM_Q_OK) {
		const char *gaps = json_string_value(json_object_get(doc, "gaps"));
		if (gaps)
			printf("%s is a partial record, so this is a lower bound: a requirement it does not reach "
			       "may be covered by what is missing. Missing: %s\n",
			       against, gaps);
	}
	free(err);
	json_decref(doc);
}

int cmd_coverage(int argc, char **argv)
{
	query_opts q = {0};
	const char *against = NULL;
	cli_arg extra[] = {{"against", 0, &against, NULL}, {NULL, 0, NULL, NULL}};
	char **pos;
	int npos;
	int rc = parse_query("coverage", argc, argv, extra, &q, 1, 1, &pos, &npos);
	sqlite3 *db = NULL;
	if (rc || (rc = cli_open_db(q.db, &db)))
		return rc;
	json_t *cov = NULL;
	char *err = NULL;
	im_qstatus s = im_q_coverage(db, pos[0], against, &cov, &err);
	static const out_column cols[] = {
		{"id", "item", 0},
		{"kind", "kind", 0},
		{"documents", "documents", 0},
		{"requirements", "requirements", 0},
		{"via", "mapped from", 50},
		{"title|summary", "title or summary", 50},
		{NULL, NULL, 0},
	};
	if (s != IM_Q_OK) {
		const char *bad = against && strstr(err, against) ? against : pos[0];
		rc = cli_query_failed(db, s, err, bad);
	} else if (q.fmt == OUT_JSON) {
		out_json(stdout, cov);
	} else {
		out_rows(stdout, q.fmt, json_object_get(cov, "items"), cols);
		if (q.fmt == OUT_TABLE) {
			printf("\n%lld of %lld requirements of %s are mapped from at least one other "
			       "document",
			       (long long)json_integer_value(json_object_get(cov, "requirements_covered")),
			       (long long)json_integer_value(json_object_get(cov, "requirements")), pos[0]);
			if (against)
				printf(" (counting only mappings with %s)", against);
			puts(".");
			print_partial_note(db, against);
		}
	}
	json_decref(cov);
	sqlite3_close(db);
	return rc;
}
