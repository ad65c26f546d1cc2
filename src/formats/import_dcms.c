/* import_dcms.c: the open data of the 2018-2020 UK Code of Practice mapping (DCMS), exactly as
 * published: a JSON array whose first element holds the disclaimer and "Version", and whose other
 * elements each link one recommendation of some document to one of the Code's 13 guidelines.
 *
 * Names in the file vary in spacing and line breaks between records of the same document, so every name
 * is trimmed and its white space collapsed before documents are told apart. Each organisation+document
 * pair becomes a document, each distinct "Recommendation Number / Section" an item, and each record a
 * related-to mapping to uk-cop-2018 (the file types no relationship), with the record's version and
 * notes kept. The excerpt texts are other authors' words and are not imported; items get a placeholder
 * summary that says so. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import_util.h"
#include "iotmap/util.h"
#include "../lib/strmap.h"

#define DCMS_TITLE                                                                                 \
	"Mapping of IoT Security Recommendations, Guidance and Standards to the UK's Code of Practice " \
	"for Consumer IoT Security"
#define DCMS_URL "https://www.gov.uk/government/publications/secure-by-design"

/* A document id from the names: dcms- and a slug of the title, unique among those already made. */
static char *make_id(const char *name, im_strmap *taken, im_dataset *ds)
{
	im_strbuf b = {0};
	im_sb_add(&b, "dcms-");
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)name; *p && b.len < 60; p++) {
		if (isalnum(*p)) {
			if (dash && b.len > 5)
				im_sb_add(&b, "-");
			char c = (char)tolower(*p);
			im_sb_addn(&b, &c, 1);
			dash = false;
		} else {
			dash = true;
		}
	}
	char *id = im_sb_take(&b);
	for (int n = 2; im_strmap_get(taken, id, NULL); n++) {
		char *next = im_xasprintf("%.60s-%d", id, n);
		free(id);
		id = next;
	}
	(void)ds;
	return id;
}

typedef struct dcms_doc {
	char *key; /* organisation + "\n" + name, normalised */
	size_t index; /* into ds->docs */
	size_t set;   /* into ds->sets */
	im_strmap items;
} dcms_doc;

static const char *field(json_t *rec, const char *key)
{
	const char *s = json_string_value(json_object_get(rec, key));
	return s ? s : "";
}

size_t im_import_dcms(const char *path, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	json_t *root = im_json_load(path, d);
	if (!root)
		return 0 + d->errors - before;
	jreader r = {path, d};
	if (!json_is_array(root) || json_array_size(root) < 1 ||
	    !json_is_string(json_object_get(json_array_get(root, 0), "Version"))) {
		im_error(d, path, 0, "not the DCMS mapping open data (expected an array whose first element has "
				     "\"Version\")");
		json_decref(root);
		return d->errors - before;
	}
	const char *version = json_string_value(json_object_get(json_array_get(root, 0), "Version"));
	im_strmap by_key, ids;
	im_strmap_init(&by_key);
	im_strmap_init(&ids);
	dcms_doc *docs = NULL;
	size_t ndocs = 0, capdocs = 0;
	for (size_t i = 1; i < json_array_size(root); i++) {
		json_t *rec = json_array_get(root, i);
		char *ptr = im_xasprintf("/%zu", i);
		if (!json_is_object(rec)) {
			char *w = im_json_where(&r, ptr, NULL);
			im_error(d, w, 0, "a record must be an object");
			free(w);
			free(ptr);
			continue;
		}
		char *org = im_squeeze_space(field(rec, "Organisation"));
		char *name = im_squeeze_space(field(rec, "Standard / Recommendation Name"));
		char *section = im_squeeze_space(field(rec, "Recommendation Number / Section"));
		char *guideline = im_squeeze_space(field(rec, "DCMS Code of Practice Guidelines Number"));
		char *link = im_squeeze_space(field(rec, "Web Link"));
		char *notes = im_squeeze_space(field(rec, "Notes"));
		char *added = im_squeeze_space(field(rec, "Added at Version"));
		if (!*org || !*name) {
			char *w = im_json_where(&r, ptr, NULL);
			im_error(d, w, 0, "a record needs \"Organisation\" and \"Standard / Recommendation Name\"");
			free(w);
			goto next;
		}
		char *key = im_xasprintf("%s\n%s", org, name);
		size_t k;
		if (!im_strmap_get(&by_key, key, &k)) {
			k = ndocs;
			dcms_doc *dd = IM_PUSH(docs, ndocs, capdocs);
			dd->key = key;
			key = NULL;
			im_strmap_init(&dd->items);
			dd->index = ds->n_docs;
			im_document *doc = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
			doc->imported = true;
			doc->file = im_json_where(&r, ptr, NULL);
			doc->id = make_id(name, &ids, ds);
			im_strmap_put(&ids, doc->id, 0);
			doc->title = im_xstrdup(name);
			doc->publisher = im_xstrdup(org);
			doc->version = im_xstrdup("unknown");
			doc->url = *link ? im_xstrdup(link) : im_xstrdup(DCMS_URL);
			doc->kind = im_xstrdup("guidance");
			doc->jurisdiction = im_xstrdup("unknown");
			doc->status = im_xstrdup("current");
			doc->licence = im_xstrdup("the publisher's terms; not researched by iotmap");
			doc->description = im_xasprintf("Imported from the DCMS Code of Practice mapping open data "
							"(version %s). Version, date, kind, jurisdiction and status "
							"were not in that file and are placeholders.", version);
			dd->set = ds->n_sets;
			im_mapping_set *s = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
			s->imported = true;
			s->file = im_xstrdup(path);
			s->source = im_xstrdup(doc->id);
			s->target = im_xstrdup("uk-cop-2018");
			s->id = im_xasprintf("%s--uk-cop-2018", doc->id);
			s->description = im_xasprintf("The links DCMS recorded between %s and the Code of Practice "
						      "guidelines, imported as published (untyped).", name);
			s->method = im_xstrdup("human");
			s->author = im_xstrdup("DCMS (imported)");
			s->date = im_xstrdup("2020-01-01");
			s->published_by = im_xcalloc(1, sizeof *s->published_by);
			s->published_by->title = im_xstrdup(DCMS_TITLE);
			s->published_by->publisher = im_xstrdup("DCMS");
			s->published_by->url = im_xstrdup(DCMS_URL);
			s->published_by->notes = im_xasprintf("open data version %s", version);
			im_strmap_put(&by_key, docs[k].key, k);
		}
		free(key);
		dcms_doc *dd = &docs[k];
		im_document *doc = &ds->docs[dd->index];
		/* Items are looked up by id; ids are owned by the document, whose array may move, so the
		 * map stores indexes and compares through the document. */
		char *item_id = *section ? im_xstrdup(section) : im_xasprintf("record %zu", i);
		size_t found = 0;
		bool exists = false;
		for (size_t j = 0; j < doc->n_items; j++)
			if (strcmp(doc->items[j].id, item_id) == 0) {
				exists = true;
				found = j;
			}
		(void)found;
		if (!exists) {
			im_item *it = IM_PUSH(doc->items, doc->n_items, doc->cap_items);
			it->origin = im_json_where(&r, ptr, NULL);
			it->id = im_xstrdup(item_id);
			it->kind = im_xstrdup("requirement");
			it->section = im_xstrdup(item_id);
			it->summary = im_xstrdup("Imported from the DCMS mapping; no summary yet (the file's excerpt is "
						 "another author's text and is not copied).");
		}
		im_mapping_set *s = &ds->sets[dd->set];
		im_mapping *same = NULL;
		for (size_t j = 0; j < s->n_mappings; j++)
			if (strcmp(s->mappings[j].source, item_id) == 0 && strcmp(s->mappings[j].target, guideline) == 0)
				same = &s->mappings[j];
		if (same) {
			/* The file repeats a link (another excerpt of the same section): one mapping, with the
			 * extra record noted. */
			char *more = im_xasprintf("%s%salso record %s%s%s", same->notes ? same->notes : "",
						  same->notes ? " | " : "", ptr, *notes ? ": " : "", notes);
			free(same->notes);
			same->notes = more;
			free(item_id);
			goto next;
		}
		im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
		m->origin = im_json_where(&r, ptr, NULL);
		m->source = item_id;
		m->target = im_xstrdup(guideline);
		m->relationship = im_xstrdup("related-to");
		m->matching_rationale = im_xstrdup("semantic");
		m->confidence = im_xstrdup("medium");
		m->rationale = im_xasprintf("DCMS linked this recommendation to Code of Practice guideline %s "
					    "(open data version %s, added at version %s).", guideline, version,
					    *added ? added : "unknown");
		m->notes = *notes ? im_xstrdup(notes) : NULL;
	next:
		free(org);
		free(name);
		free(section);
		free(guideline);
		free(link);
		free(notes);
		free(added);
		free(ptr);
	}
	for (size_t i = 0; i < ndocs; i++) {
		free(docs[i].key);
		im_strmap_free(&docs[i].items);
	}
	free(docs);
	im_strmap_free(&by_key);
	im_strmap_free(&ids);
	json_decref(root);
	return d->errors - before;
}
