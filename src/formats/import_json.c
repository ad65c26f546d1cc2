/* import_json.c: iotmap's own JSON export read back (docs/json-export.md): the round trip a user makes
 * when they take the open data, change it, and bring it back. Every field is checked for type; missing
 * required fields and wrong types are reported by JSON pointer. */
#include <stdlib.h>
#include <string.h>

#include "import_util.h"
#include "json_stream.h"
#include "iotmap/util.h"

static void read_item(const jreader *r, json_t *o, const char *ptr, im_document *doc)
{
	im_item *it = IM_PUSH(doc->items, doc->n_items, doc->cap_items);
	it->origin = im_xasprintf("%s#%s", r->path, ptr);
	it->id = im_json_text(r, o, ptr, "id", true);
	it->parent = im_json_text(r, o, ptr, "parent", false);
	it->kind = im_json_text(r, o, ptr, "kind", true);
	it->title = im_json_text(r, o, ptr, "title", false);
	it->summary = im_json_text(r, o, ptr, "summary", true);
	it->status = im_json_text(r, o, ptr, "status", false);
	it->condition = im_json_text(r, o, ptr, "condition", false);
	it->section = im_json_text(r, o, ptr, "section", true);
	it->notes = im_json_text(r, o, ptr, "notes", false);
	json_t *c = json_object_get(o, "conditional");
	if (c && !json_is_boolean(c)) {
		char *w = im_json_where(r, ptr, "conditional");
		im_error(r->d, w, 0, "must be true or false");
		free(w);
	} else if (json_is_true(c)) {
		it->conditional = im_xstrdup("true");
	}
	json_t *sh = im_json_array(r, o, ptr, "stakeholders", false);
	size_t cap = 0, i;
	json_t *v;
	json_array_foreach(sh, i, v)
	{
		char *p = im_xasprintf("%s/stakeholders", ptr);
		char key[24];
		snprintf(key, sizeof key, "%zu", i);
		if (!json_is_string(v)) {
			char *w = im_json_where(r, p, key);
			im_error(r->d, w, 0, "must be a string");
			free(w);
		} else {
			*IM_PUSH(it->stakeholders, it->n_stakeholders, cap) = im_xstrdup(json_string_value(v));
		}
		free(p);
	}
}

static void read_document(const jreader *r, json_t *o, size_t index, im_dataset *ds)
{
	char *ptr = im_xasprintf("/documents/%zu", index);
	if (!json_is_object(o)) {
		char *w = im_json_where(r, ptr, NULL);
		im_error(r->d, w, 0, "a document must be an object");
		free(w);
		free(ptr);
		return;
	}
	im_document *doc = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
	doc->imported = true;
	doc->file = im_json_where(r, ptr, NULL);
	const char *keys[] = {"id",	    "title",   "short_title", "publisher", "version",  "published", "url",
			      "kind",	    "jurisdiction", "status", "superseded_by", "licence", "description", "gaps"};
	char **fields[] = {&doc->id,	       &doc->title,  &doc->short_title, &doc->publisher,
			   &doc->version,      &doc->published, &doc->url,	&doc->kind,
			   &doc->jurisdiction, &doc->status, &doc->superseded_by, &doc->licence,
			   &doc->description,  &doc->gaps};
	const bool required[] = {true, true, false, true, true, false, true, true, true, true, false, true, true, false};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		*fields[i] = im_json_text(r, o, ptr, keys[i], required[i]);
	json_t *items = im_json_array(r, o, ptr, "items", true);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		char *p = im_xasprintf("%s/items/%zu", ptr, i);
		if (json_is_object(it))
			read_item(r, it, p, doc);
		else {
			char *w = im_json_where(r, p, NULL);
			im_error(r->d, w, 0, "an item must be an object");
			free(w);
		}
		free(p);
	}
	free(ptr);
}

static im_mapping_set *find_set(im_dataset *ds, const char *source, const char *target)
{
	for (size_t i = 0; i < ds->n_sets; i++)
		if (ds->sets[i].source && ds->sets[i].target && strcmp(ds->sets[i].source, source) == 0 &&
		    strcmp(ds->sets[i].target, target) == 0)
			return &ds->sets[i];
	return NULL;
}

static void read_set(const jreader *r, json_t *o, size_t index, im_dataset *ds)
{
	char *ptr = im_xasprintf("/mapping_sets/%zu", index);
	if (!json_is_object(o)) {
		char *w = im_json_where(r, ptr, NULL);
		im_error(r->d, w, 0, "a mapping set must be an object");
		free(w);
		free(ptr);
		return;
	}
	im_mapping_set *s = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
	s->imported = true;
	s->file = im_json_where(r, ptr, NULL);
	s->source = im_json_text(r, o, ptr, "source", true);
	s->target = im_json_text(r, o, ptr, "target", true);
	s->description = im_json_text(r, o, ptr, "description", true);
	s->method = im_json_text(r, o, ptr, "method", true);
	s->author = im_json_text(r, o, ptr, "author", true);
	s->date = im_json_text(r, o, ptr, "date", true);
	if (s->source && s->target)
		s->id = im_xasprintf("%s--%s", s->source, s->target);
	char *title = im_json_text(r, o, ptr, "published_by_title", false);
	if (title) {
		im_published_by *p = s->published_by = im_xcalloc(1, sizeof *p);
		p->title = title;
		p->publisher = im_json_text(r, o, ptr, "published_by_publisher", true);
		p->url = im_json_text(r, o, ptr, "published_by_url", true);
		p->section = im_json_text(r, o, ptr, "published_by_section", false);
		p->notes = im_json_text(r, o, ptr, "published_by_notes", false);
	}
	free(ptr);
}

/* "doc:item" into its parts; an error (and NULLs) when it is not a reference. */
static bool split_ref(const jreader *r, const char *ptr, const char *key, const char *ref, char **doc, char **item)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (!colon || colon == ref || !colon[1]) {
		if (ref) {
			char *w = im_json_where(r, ptr, key);
			im_error(r->d, w, 0, "'%s' is not a DOCUMENT:ITEM reference", ref);
			free(w);
		}
		*doc = *item = NULL;
		return false;
	}
	*doc = im_xstrndup(ref, (size_t)(colon - ref));
	*item = im_xstrdup(colon + 1);
	return true;
}

static void read_mapping(const jreader *r, json_t *o, size_t index, im_dataset *ds)
{
	char *ptr = im_xasprintf("/mappings/%zu", index);
	if (!json_is_object(o)) {
		char *w = im_json_where(r, ptr, NULL);
		im_error(r->d, w, 0, "a mapping must be an object");
		free(w);
		free(ptr);
		return;
	}
	char *src = im_json_text(r, o, ptr, "source", true), *tgt = im_json_text(r, o, ptr, "target", true);
	char *sdoc, *sitem, *tdoc, *titem;
	bool ok = split_ref(r, ptr, "source", src, &sdoc, &sitem);
	ok = split_ref(r, ptr, "target", tgt, &tdoc, &titem) && ok;
	im_mapping_set *s = ok ? find_set(ds, sdoc, tdoc) : NULL;
	if (ok && !s) {
		char *w = im_json_where(r, ptr, NULL);
		im_error(r->d, w, 0, "no mapping set from %s to %s in mapping_sets", sdoc, tdoc);
		free(w);
	}
	if (s) {
		im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
		m->origin = im_xasprintf("%s#%s", r->path, ptr);
		m->source = sitem;
		m->target = titem;
		sitem = titem = NULL;
		m->relationship = im_json_text(r, o, ptr, "relationship", true);
		m->matching_rationale = im_json_text(r, o, ptr, "matching_rationale", true);
		m->confidence = im_json_text(r, o, ptr, "confidence", true);
		m->rationale = im_json_text(r, o, ptr, "rationale", true);
		m->notes = im_json_text(r, o, ptr, "notes", false);
	}
	free(src);
	free(tgt);
	free(sdoc);
	free(sitem);
	free(tdoc);
	free(titem);
	free(ptr);
}

typedef struct json_import {
	jreader r;
	im_dataset *ds;
	bool sets_seen;	  /* mapping_sets has been read */
	json_t *pending;  /* mappings met before mapping_sets (kept, with their indexes) */
	json_t *header;	  /* the small top-level members */
	bool seen[3];	  /* documents, mapping_sets, mappings */
} json_import;

static void on_member(void *user, const char *key, bool streamed, size_t index, json_t *v)
{
	json_import *ji = user;
	static const char *const arrays[] = {"documents", "mapping_sets", "mappings"};
	for (int k = 0; k < 3; k++)
		if (strcmp(key, arrays[k]) == 0) {
			ji->seen[k] = true;
			if (!streamed) {
				if (v) { /* present but not an array */
					char *w = im_json_where(&ji->r, "", key);
					im_error(ji->r.d, w, 0, "must be an array");
					free(w);
				}
				if (k == 1)
					ji->sets_seen = true;
				return;
			}
			if (k == 0)
				read_document(&ji->r, v, index, ji->ds);
			else if (k == 1)
				read_set(&ji->r, v, index, ji->ds);
			else if (ji->sets_seen)
				read_mapping(&ji->r, v, index, ji->ds);
			else
				json_array_append_new(ji->pending, json_pack("[I, O]", (json_int_t)index, v));
			return;
		}
	if (!streamed && v)
		json_object_set(ji->header, key, v);
}

/* The native export, read one document, set and mapping at a time (json_stream.h), so memory follows the
 * model being built rather than the size of the file's parse tree. */
size_t im_import_json(const char *path, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	json_import ji = {.r = {path, d}, .ds = ds, .pending = json_array(), .header = json_object()};
	static const char *const streamed[] = {"documents", "mapping_sets", "mappings", NULL};
	if (im_json_stream(path, streamed, on_member, &ji, d) == 0) {
		const char *format = json_string_value(json_object_get(ji.header, "format"));
		json_t *fv = json_object_get(ji.header, "format_version");
		if (!format || strcmp(format, "iotmap") != 0)
			im_error(d, path, 0, "not an iotmap JSON export (expected an object with \"format\": \"iotmap\")");
		else if (!json_is_integer(fv) || json_integer_value(fv) != 1)
			im_error(d, path, 0, "format_version must be 1 (this iotmap reads version 1)");
		static const char *const names[] = {"documents", "mapping_sets", "mappings"};
		for (int k = 0; k < 3; k++)
			if (!ji.seen[k]) {
				char *w = im_json_where(&ji.r, "", NULL);
				im_error(d, w, 0, "lacks required field '%s'", names[k]);
				free(w);
			}
		size_t i;
		json_t *p;
		json_array_foreach(ji.pending, i, p)
		{
			read_mapping(&ji.r, json_array_get(p, 1), (size_t)json_integer_value(json_array_get(p, 0)), ds);
		}
	}
	json_decref(ji.pending);
	json_decref(ji.header);
	return d->errors - before;
}
