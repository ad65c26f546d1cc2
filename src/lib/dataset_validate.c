/* dataset_validate.c: the rules that make a loaded dataset meaningful (see dataset.h).
 *
 * The reader has already checked each file's shape; here every value is checked against the data
 * model's vocabulary and formats, identifiers are checked for uniqueness, and every reference (parent,
 * superseded-by, mapping ends) is resolved. Each message names the key's line and what was expected. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iotmap/dataset.h"
#include "iotmap/suggest.h"
#include "iotmap/util.h"
#include "iotmap/vocab.h"
#include "strmap.h"

/* A rationale is meant to be one or two sentences; past this it is probably pasted or rambling. */
#define RATIONALE_WARN_CHARS 600

typedef struct checker {
	const im_dataset *ds;
	im_diags *d;
	im_strmap docs;	      /* document id -> index */
	im_strmap *items;     /* per document: item id -> index */
	char today[11];	      /* YYYY-MM-DD (UTC), for dates that lie in the future */
} checker;

/* A date in one of the forms im_is_date accepts lies in the future when it sorts after today's
 * YYYY-MM-DD; a year or a month sorts before every day in it, so "2026" is never in the future during
 * 2026. */
static bool date_is_future(const checker *c, const char *date)
{
	return c->today[0] && strcmp(date, c->today) > 0;
}

/* A date key: malformed is an error, after today a warning. day_only: YYYY-MM-DD is the only form. */
static void check_date(checker *c, const char *f, int line, const char *key, const char *value, bool day_only)
{
	if (!value)
		return;
	if (!im_is_date(value, day_only))
		im_error(c->d, f, line, "'%s' is '%s'; expected %s", key, value,
			 day_only ? "YYYY-MM-DD" : "a date as YYYY-MM-DD, YYYY-MM or YYYY");
	else if (date_is_future(c, value))
		im_warning(c->d, f, line, "'%s' is %s, which is after today (%s)", key, value, c->today);
}

#define DOC_LINE(doc, key) im_key_line(IM_OBJ_DOCUMENT, (doc)->key_lines, (doc)->line, key)
#define ITEM_LINE(it, key) ((it)->origin ? 0 : im_key_line(IM_OBJ_ITEM, (it)->key_lines, (it)->line, key))
#define SET_LINE(set, key) im_key_line(IM_OBJ_SET, (set)->key_lines, (set)->line, key)
#define MAP_LINE(m, key) ((m)->origin ? 0 : im_key_line(IM_OBJ_MAPPING, (m)->key_lines, (m)->line, key))

static void check_word(checker *c, const char *file, int line, const char *key, const char *value,
		       const char *const *list)
{
	if (value && !im_word_in(value, list)) {
		char buf[256];
		im_error(c->d, file, line, "'%s' is '%s'; expected %s", key, value,
			 im_word_list(list, buf, sizeof buf));
	}
}

static void check_id_text(checker *c, const char *file, int line, const char *id)
{
	size_t n = strlen(id);
	if (n && (id[0] == ' ' || id[n - 1] == ' ' || strchr(id, '\n') || strchr(id, '\t')))
		im_error(c->d, file, line,
			 "item id '%s' has leading or trailing space or a line break; ids must be one "
			 "clean line",
			 id);
}

static char *file_stem(const char *path)
{
	char *copy = im_xstrdup(path);
	char *base = im_xstrdup(basename(copy));
	free(copy);
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		base[n - 5] = '\0';
	return base;
}

static void check_document_fields(checker *c, const im_document *doc)
{
	const char *f = doc->file;
	if (doc->id) {
		if (!im_is_slug(doc->id))
			im_error(c->d, f, DOC_LINE(doc, "id"),
				 "document id '%s' is not a slug (expected lower-case letters, digits, '.' "
				 "and '-', starting with a letter or digit)",
				 doc->id);
		char *stem = file_stem(f);
		if (!doc->imported && strcmp(stem, doc->id) != 0)
			im_error(c->d, f, DOC_LINE(doc, "id"), "document id '%s' does not match the file name; "
				 "expected the file to be named %s.yaml", doc->id, doc->id);
		free(stem);
	}
	check_date(c, f, DOC_LINE(doc, "published"), "published", doc->published, false);
	if (doc->url && !im_is_http_url(doc->url))
		im_error(c->d, f, DOC_LINE(doc, "url"), "'url' is '%s'; expected an http:// or https:// address",
			 doc->url);
	check_word(c, f, DOC_LINE(doc, "kind"), "kind", doc->kind, im_document_kinds);
	check_word(c, f, DOC_LINE(doc, "status"), "status", doc->status, im_document_statuses);
	if (doc->superseded_by && !im_strmap_get(&c->docs, doc->superseded_by, NULL))
		im_warning(c->d, f, DOC_LINE(doc, "superseded-by"),
			   "'superseded-by' names '%s', which is not a document in the dataset",
			   doc->superseded_by);
	if (doc->gaps && !*(doc->gaps + strspn(doc->gaps, " \t\r\n")))
		im_error(c->d, f, DOC_LINE(doc, "gaps"),
			 "'gaps' is empty; say what of the source is not recorded, or leave the key out for a "
			 "complete record");
	if (doc->n_items == 0)
		im_error(c->d, f, DOC_LINE(doc, "items"), "document '%s' has no items", doc->id ? doc->id : "?");
}

static void check_item(checker *c, const im_document *doc, const im_strmap *ids, size_t index,
		       size_t *children)
{
	const im_item *it = &doc->items[index];
	const char *f = it->origin ? it->origin : doc->file;
	if (it->id)
		check_id_text(c, f, ITEM_LINE(it, "id"), it->id);
	check_word(c, f, ITEM_LINE(it, "kind"), "kind", it->kind, im_item_kinds);
	check_word(c, f, ITEM_LINE(it, "status"), "status", it->status, im_item_statuses);
	check_word(c, f, ITEM_LINE(it, "conditional"), "conditional", it->conditional, im_booleans);
	if (it->kind && strcmp(it->kind, "group") == 0 && !it->title)
		im_error(c->d, f, it->line, "group item '%s' has no 'title' (groups carry the heading "
			 "the source gives them)", it->id ? it->id : "?");
	bool conditional = im_item_is_conditional(it);
	if (conditional && !it->condition)
		im_error(c->d, f, it->line,
			 "item '%s' is conditional but has no 'condition' (say when it applies)",
			 it->id ? it->id : "?");
	if (!conditional && it->condition)
		im_error(c->d, f, ITEM_LINE(it, "condition"),
			 "item '%s' has a 'condition' but 'conditional' is not true",
			 it->id ? it->id : "?");
	if (it->parent) {
		size_t p;
		if (!im_strmap_get(ids, it->parent, &p)) {
			im_suggester s;
			im_suggester_init(&s, it->parent, 3);
			for (size_t i = 0; i < doc->n_items; i++)
				if (doc->items[i].id)
					im_suggester_offer(&s, doc->items[i].id);
			char *hint = im_suggester_text(&s);
			im_error(c->d, f, ITEM_LINE(it, "parent"), "item '%s' names parent '%s', which is not an item of "
				 "this document%s%s%s", it->id ? it->id : "?", it->parent,
				 *hint ? " (did you mean " : "", hint, *hint ? "?)" : "");
			free(hint);
			im_suggester_free(&s);
		} else if (p >= index) {
			im_error(c->d, f, ITEM_LINE(it, "parent"),
				 "item '%s' names parent '%s', which must come before it in the file",
				 it->id ? it->id : "?", it->parent);
		} else {
			children[p]++;
		}
	}
}

static void check_document(checker *c, size_t di)
{
	const im_document *doc = &c->ds->docs[di];
	check_document_fields(c, doc);
	im_strmap *ids = &c->items[di];
	size_t *children = im_xcalloc(doc->n_items, sizeof *children);
	for (size_t i = 0; i < doc->n_items; i++) {
		const im_item *it = &doc->items[i];
		if (it->id && !im_strmap_put(ids, it->id, i)) {
			size_t first = 0;
			im_strmap_get(ids, it->id, &first);
			if (it->origin)
				im_error(c->d, it->origin, 0, "duplicate item id '%s' (first at %s)", it->id,
					 doc->items[first].origin ? doc->items[first].origin : "?");
			else
				im_error(c->d, doc->file, ITEM_LINE(it, "id"),
					 "duplicate item id '%s' (first defined at line %d)", it->id,
					 doc->items[first].line);
		}
	}
	for (size_t i = 0; i < doc->n_items; i++)
		check_item(c, doc, ids, i, children);
	for (size_t i = 0; i < doc->n_items; i++) {
		const im_item *it = &doc->items[i];
		if (it->kind && strcmp(it->kind, "group") == 0 && children[i] == 0)
			im_warning(c->d, it->origin ? it->origin : doc->file, it->line, "group item '%s' has no items under it",
				   it->id ? it->id : "?");
	}
	free(children);
}

/* Resolve one end of a mapping: its item, or NULL after explaining and suggesting. */
static const im_item *check_end(checker *c, const im_mapping_set *set, const im_mapping *m, const char *end,
				const char *doc_id, const char *item_id)
{
	size_t di, ii;
	if (!doc_id || !item_id || !im_strmap_get(&c->docs, doc_id, &di))
		return NULL; /* unknown document already reported for the set */
	if (im_strmap_get(&c->items[di], item_id, &ii))
		return &c->ds->docs[di].items[ii];
	const im_document *doc = &c->ds->docs[di];
	im_suggester s;
	im_suggester_init(&s, item_id, 3);
	for (size_t i = 0; i < doc->n_items; i++)
		if (doc->items[i].id)
			im_suggester_offer(&s, doc->items[i].id);
	char *hint = im_suggester_text(&s);
	im_error(c->d, m->origin ? m->origin : set->file, MAP_LINE(m, end),
		 "mapping %s '%s' is not an item of %s%s%s%s", end, item_id, doc_id,
		 *hint ? " (did you mean " : "", hint, *hint ? "?)" : "");
	free(hint);
	im_suggester_free(&s);
	return NULL;
}

static void check_set_doc(checker *c, const im_mapping_set *set, const char *key, const char *id)
{
	if (!id || im_strmap_get(&c->docs, id, NULL))
		return;
	im_suggester s;
	im_suggester_init(&s, id, 3);
	for (size_t i = 0; i < c->ds->n_docs; i++)
		if (c->ds->docs[i].id)
			im_suggester_offer(&s, c->ds->docs[i].id);
	char *hint = im_suggester_text(&s);
	im_error(c->d, set->file, SET_LINE(set, key), "'%s' names document '%s', which is not in the dataset%s%s%s",
		 key, id, *hint ? " (did you mean " : "", hint, *hint ? "?)" : "");
	free(hint);
	im_suggester_free(&s);
}

/* The content rule: an item read only in secondary copies says so with "unverified:" in its notes, and a
 * mapping that rests on it cannot be presented as certain. items are the two resolved ends (or NULL). */
static void check_confidence(checker *c, const im_mapping_set *set, const im_mapping *m, const char *f,
			     const im_item *const items[2])
{
	if (!m->confidence || strcmp(m->confidence, "high") != 0)
		return;
	const char *ends[][2] = {{set->source, m->source}, {set->target, m->target}};
	for (size_t k = 0; k < 2; k++) {
		const im_item *it = items[k];
		if (it && it->notes && strstr(it->notes, "unverified:")) {
			im_warning(c->d, f, MAP_LINE(m, "confidence"),
				   "confidence is high, but %s:%s is marked unverified in its notes; a mapping that "
				   "rests on an unverified reading should be medium or low",
				   ends[k][0], ends[k][1]);
			return;
		}
	}
}

/* Normative force is part of what a requirement asks (docs/methodology.md): a recommendation cannot
 * contain, or be equivalent to, a provision that makes the same thing mandatory, and a mandatory
 * source cannot sit inside a recommendation. Only checked when both items state their force. */
static void check_force(checker *c, const im_mapping *m, const char *f, const im_item *const items[2])
{
	if (!m->relationship || !items[0] || !items[1] || !items[0]->status || !items[1]->status)
		return;
	const char *r = m->relationship;
	bool same = strcmp(r, "equivalent-to") == 0 || strcmp(r, "equal-to") == 0;
	bool weaker_source = strcmp(items[0]->status, "recommended") == 0 &&
			     strcmp(items[1]->status, "mandatory") == 0;
	bool stronger_source = strcmp(items[0]->status, "mandatory") == 0 &&
			       strcmp(items[1]->status, "recommended") == 0;
	if (weaker_source && (same || strcmp(r, "superset-of") == 0))
		im_warning(c->d, f, MAP_LINE(m, "relationship"),
			   "'%s' claims that meeting %s meets %s, but the source is recommended and the "
			   "target mandatory; use subset-of or intersects-with", r, m->source, m->target);
	else if (stronger_source && (same || strcmp(r, "subset-of") == 0))
		im_warning(c->d, f, MAP_LINE(m, "relationship"),
			   "'%s' claims that meeting %s meets %s, but the source is mandatory and the target "
			   "only recommended; use superset-of or intersects-with", r, m->target, m->source);
}

static void check_mapping(checker *c, const im_mapping_set *set, const im_mapping *m)
{
	const char *f = m->origin ? m->origin : set->file;
	const im_item *const ends[2] = {check_end(c, set, m, "source", set->source, m->source),
					check_end(c, set, m, "target", set->target, m->target)};
	check_word(c, f, MAP_LINE(m, "relationship"), "relationship", m->relationship, im_relationships);
	check_word(c, f, MAP_LINE(m, "matching-rationale"), "matching-rationale", m->matching_rationale, im_matching_rationales);
	check_word(c, f, MAP_LINE(m, "confidence"), "confidence", m->confidence, im_confidences);
	if (m->relationship && strcmp(m->relationship, "related-to") == 0 && !set->published_by)
		im_error(c->d, f, MAP_LINE(m, "relationship"),
			 "'related-to' is only for correspondences a publisher stated without a type; this "
			 "set has no 'published-by', so choose a typed relationship");
	check_confidence(c, set, m, f, ends);
	check_force(c, m, f, ends);
	if (m->rationale && strlen(m->rationale) > RATIONALE_WARN_CHARS)
		im_warning(c->d, f, MAP_LINE(m, "rationale"),
			   "rationale is %zu characters; keep it to one or two sentences (under %d)",
			   strlen(m->rationale), RATIONALE_WARN_CHARS);
}

/* Duplicate (source, target) pairs in one set, found by sorting "source\ntarget" keys. */
typedef struct pair_key {
	char *key;
	const char *origin;
	int line;
} pair_key;

static int pair_cmp(const void *a, const void *b)
{
	const pair_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void check_duplicate_pairs(checker *c, const im_mapping_set *set)
{
	pair_key *keys = im_xcalloc(set->n_mappings, sizeof *keys);
	size_t n = 0;
	for (size_t i = 0; i < set->n_mappings; i++) {
		const im_mapping *m = &set->mappings[i];
		if (!m->source || !m->target)
			continue;
		keys[n].key = im_xasprintf("%s\n%s", m->source, m->target);
		keys[n].origin = m->origin;
		keys[n++].line = m->line;
	}
	qsort(keys, n, sizeof *keys, pair_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(keys[i].key, keys[i - 1].key) == 0) {
			const char *nl = strchr(keys[i].key, '\n');
			if (keys[i].origin)
				im_error(c->d, keys[i].origin, 0, "duplicate mapping %.*s -> %s (first at %s)",
					 (int)(nl - keys[i].key), keys[i].key, nl + 1,
					 keys[i - 1].origin ? keys[i - 1].origin : "?");
			else
				im_error(c->d, set->file, keys[i].line,
					 "duplicate mapping %.*s -> %s (first at line %d); one pair, one mapping",
					 (int)(nl - keys[i].key), keys[i].key, nl + 1, keys[i - 1].line);
		}
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
}

static void check_set(checker *c, const im_mapping_set *set, im_strmap *set_ids)
{
	const char *f = set->file;
	check_set_doc(c, set, "source", set->source);
	check_set_doc(c, set, "target", set->target);
	if (set->source && set->target && strcmp(set->source, set->target) == 0)
		im_error(c->d, f, SET_LINE(set, "target"), "a mapping set's source and target must differ");
	if (set->id) {
		char *stem = file_stem(f);
		if (!set->imported && strcmp(stem, set->id) != 0)
			im_error(c->d, f, set->line, "the set maps %s to %s; expected the file to be named "
				 "%s.yaml", set->source, set->target, set->id);
		free(stem);
		if (!im_strmap_put(set_ids, set->id, 0))
			im_error(c->d, f, set->line, "a second mapping set from %s to %s; keep one file "
				 "per pair of documents", set->source, set->target);
	}
	check_word(c, f, SET_LINE(set, "method"), "method", set->method, im_methods);
	check_date(c, f, SET_LINE(set, "date"), "date", set->date, true);
	if (set->published_by && set->published_by->url && !im_is_http_url(set->published_by->url))
		im_error(c->d, f,
			 im_key_line(IM_OBJ_PUBLISHED_BY, set->published_by->key_lines,
				     set->published_by->line, "url"),
			 "published-by 'url' is '%s'; expected an http:// or https:// address",
			 set->published_by->url);
	if (set->n_mappings == 0)
		im_warning(c->d, f, set->line, "mapping set has no mappings");
	for (size_t i = 0; i < set->n_mappings; i++)
		check_mapping(c, set, &set->mappings[i]);
	check_duplicate_pairs(c, set);
}

size_t im_dataset_validate(const im_dataset *ds, im_diags *diags)
{
	size_t before = diags->errors;
	checker c = {.ds = ds, .d = diags};
	time_t now = time(NULL);
	struct tm tm;
	if (now != (time_t)-1 && gmtime_r(&now, &tm))
		strftime(c.today, sizeof c.today, "%Y-%m-%d", &tm);
	im_strmap_init(&c.docs);
	c.items = im_xcalloc(ds->n_docs, sizeof *c.items);
	for (size_t i = 0; i < ds->n_docs; i++) {
		const im_document *doc = &ds->docs[i];
		if (doc->id && !im_strmap_put(&c.docs, doc->id, i)) {
			size_t first = 0;
			im_strmap_get(&c.docs, doc->id, &first);
			im_error(diags, doc->file, doc->line, "duplicate document id '%s' (also in %s)",
				 doc->id, ds->docs[first].file);
		}
	}
	for (size_t i = 0; i < ds->n_docs; i++)
		check_document(&c, i);
	im_strmap set_ids;
	im_strmap_init(&set_ids);
	for (size_t i = 0; i < ds->n_sets; i++)
		check_set(&c, &ds->sets[i], &set_ids);
	im_strmap_free(&set_ids);
	for (size_t i = 0; i < ds->n_docs; i++)
		im_strmap_free(&c.items[i]);
	free(c.items);
	im_strmap_free(&c.docs);
	return diags->errors - before;
}
