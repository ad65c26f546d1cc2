/* import_oscal.c: OSCAL catalogs and mapping-collections written by others (and by iotmap).
 *
 * A catalog becomes one document: groups become grouping items, controls (at any depth) requirements,
 * each keeping its "label" property as the item id where it has one (else the OSCAL id), its title, and
 * as summary the prose of its statement (or overview) part. iotmap's own properties (status, section,
 * condition...) are read back when present, so an iotmap catalog round-trips. A mapping-collection
 * becomes mapping sets between documents already in the database (or in the same import), found through
 * the back-matter resources its source and target point at. */
#include <stdlib.h>
#include <string.h>

#include "import_util.h"
#include "iotmap/export.h"
#include "iotmap/util.h"
#include "oscal_ids.h"

static const char *prop(json_t *o, const char *name)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(o, "props"), i, p)
	{
		const char *n = json_string_value(json_object_get(p, "name"));
		if (n && strcmp(n, name) == 0)
			return json_string_value(json_object_get(p, "value"));
	}
	return NULL;
}

static char *dup_or(const char *s, const char *fallback)
{
	return im_xstrdup(s && *s ? s : fallback);
}

/* All prose of a part and its sub-parts, paragraphs joined. */
static void gather_prose(json_t *part, im_strbuf *b)
{
	const char *prose = json_string_value(json_object_get(part, "prose"));
	if (prose && *prose) {
		if (b->len)
			im_sb_add(b, "\n\n");
		im_sb_add(b, prose);
	}
	size_t i;
	json_t *sub;
	json_array_foreach(json_object_get(part, "parts"), i, sub) gather_prose(sub, b);
}

static char *part_text(json_t *node, const char *name)
{
	im_strbuf b = {0};
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(node, "parts"), i, p)
	{
		const char *n = json_string_value(json_object_get(p, "name"));
		if (n && strcmp(n, name) == 0)
			gather_prose(p, &b);
	}
	return b.len ? im_sb_take(&b) : NULL;
}

typedef struct walker {
	const jreader *r;
	im_document *doc;
} walker;

static void add_node(walker *w, json_t *node, const char *ptr, const char *parent, bool group);

static void walk_children(walker *w, json_t *node, const char *ptr, const char *parent)
{
	const char *kinds[] = {"groups", "controls"};
	for (int k = 0; k < 2; k++) {
		size_t i;
		json_t *child;
		json_array_foreach(json_object_get(node, kinds[k]), i, child)
		{
			char *p = im_xasprintf("%s/%s/%zu", ptr, kinds[k], i);
			add_node(w, child, p, parent, k == 0);
			free(p);
		}
	}
}

static void add_node(walker *w, json_t *node, const char *ptr, const char *parent, bool group)
{
	if (!json_is_object(node)) {
		char *where = im_json_where(w->r, ptr, NULL);
		im_error(w->r->d, where, 0, "must be an object");
		free(where);
		return;
	}
	const char *oscal_id = json_string_value(json_object_get(node, "id"));
	const char *label = prop(node, "label");
	const char *title = json_string_value(json_object_get(node, "title"));
	if (!oscal_id && !label) {
		char *where = im_json_where(w->r, ptr, NULL);
		im_error(w->r->d, where, 0, "lacks required field 'id'");
		free(where);
		return;
	}
	im_item *it = IM_PUSH(w->doc->items, w->doc->n_items, w->doc->cap_items);
	it->origin = im_json_where(w->r, ptr, NULL);
	it->id = im_xstrdup(label ? label : oscal_id);
	it->parent = parent ? im_xstrdup(parent) : NULL;
	const char *cls = json_string_value(json_object_get(node, "class"));
	bool is_group = group || (cls && strcmp(cls, "clause") == 0);
	it->kind = im_xstrdup(is_group ? "group" : "requirement");
	if (title && (!label || strcmp(title, label) != 0))
		it->title = im_xstrdup(title);
	else if (is_group)
		it->title = dup_or(title, it->id);
	it->summary = part_text(node, is_group ? "overview" : "statement");
	if (!it->summary)
		it->summary = part_text(node, is_group ? "statement" : "overview");
	if (!it->summary)
		it->summary = dup_or(title, it->id);
	const char *section = prop(node, "section");
	it->section = section ? im_xstrdup(section) : im_xasprintf("%s %s", group ? "group" : "control",
								    oscal_id ? oscal_id : it->id);
	it->status = prop(node, "status") ? im_xstrdup(prop(node, "status")) : NULL;
	it->condition = part_text(node, "condition");
	if (it->condition || (prop(node, "conditional") && strcmp(prop(node, "conditional"), "true") == 0))
		it->conditional = im_xstrdup("true");
	it->notes = part_text(node, "notes");
	size_t i, cap = 0;
	json_t *p;
	json_array_foreach(json_object_get(node, "props"), i, p)
	{
		const char *n = json_string_value(json_object_get(p, "name"));
		if (n && strcmp(n, "stakeholder") == 0)
			*IM_PUSH(it->stakeholders, it->n_stakeholders, cap) =
				im_xstrdup(json_string_value(json_object_get(p, "value")));
	}
	char *id = im_xstrdup(it->id); /* it may move as children are added */
	walk_children(w, node, ptr, id);
	free(id);
}

static char *slug(const char *text)
{
	im_strbuf b = {0};
	im_sb_add(&b, "oscal-");
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)text; *p && b.len < 60; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z')) {
			if (dash && b.len > 6)
				im_sb_add(&b, "-");
			char c = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			im_sb_addn(&b, &c, 1);
			dash = false;
		} else {
			dash = true;
		}
	}
	return im_sb_take(&b);
}

/* The first http(s) address in the metadata links or the back-matter resources. */
static const char *first_url(json_t *cat)
{
	size_t i, j;
	json_t *l, *res, *rl;
	json_array_foreach(json_object_get(json_object_get(cat, "metadata"), "links"), i, l)
	{
		const char *h = json_string_value(json_object_get(l, "href"));
		if (h && strncmp(h, "http", 4) == 0)
			return h;
	}
	json_array_foreach(json_object_get(json_object_get(cat, "back-matter"), "resources"), i, res)
	{
		json_array_foreach(json_object_get(res, "rlinks"), j, rl)
		{
			const char *h = json_string_value(json_object_get(rl, "href"));
			if (h && strncmp(h, "http", 4) == 0)
				return h;
		}
	}
	return NULL;
}

size_t im_import_oscal_catalog(const char *path, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	json_t *root = im_json_load(path, d);
	if (!root)
		return d->errors - before;
	jreader r = {path, d};
	json_t *cat = json_object_get(root, "catalog");
	json_t *meta = json_object_get(cat, "metadata");
	if (!json_is_object(cat) || !json_is_object(meta)) {
		im_error(d, path, 0, "not an OSCAL catalog (expected {\"catalog\": {\"metadata\": ...}})");
		json_decref(root);
		return d->errors - before;
	}
	im_document *doc = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
	doc->imported = true;
	doc->file = im_json_where(&r, "/catalog", NULL);
	doc->title = im_json_text(&r, meta, "/catalog/metadata", "title", true);
	doc->version = im_json_text(&r, meta, "/catalog/metadata", "version", true);
	doc->id = prop(meta, "document-id") ? im_xstrdup(prop(meta, "document-id")) : slug(doc->title ? doc->title : "catalog");
	const char *published = prop(meta, "published") ? prop(meta, "published")
							 : json_string_value(json_object_get(meta, "published"));
	if (published && strlen(published) >= 10 && published[4] == '-')
		doc->published = im_xstrndup(published, strlen(published) == 7 || strlen(published) == 4
								 ? strlen(published) : 10);
	else if (published)
		doc->published = im_xstrdup(published);
	doc->publisher = dup_or(prop(meta, "publisher"), "unknown (from an OSCAL catalog)");
	doc->url = first_url(cat) ? im_xstrdup(first_url(cat)) : NULL;
	doc->kind = dup_or(prop(meta, "kind"), "standard");
	doc->jurisdiction = dup_or(prop(meta, "jurisdiction"), "unknown");
	doc->status = dup_or(prop(meta, "status"), "current");
	doc->licence = dup_or(prop(meta, "document-licence"), "see the catalog's metadata");
	doc->short_title = prop(meta, "short-title") ? im_xstrdup(prop(meta, "short-title")) : NULL;
	doc->superseded_by = prop(meta, "superseded-by") ? im_xstrdup(prop(meta, "superseded-by")) : NULL;
	doc->gaps = prop(meta, "record-gaps") ? im_xstrdup(prop(meta, "record-gaps")) : NULL;
	const char *remarks = json_string_value(json_object_get(meta, "remarks"));
	/* iotmap's own catalogs append the paraphrase notice to the description: take it off again. */
	const char *notice = remarks ? strstr(remarks, " " IM_DATA_NOTICE) : NULL;
	doc->description = notice ? im_xstrndup(remarks, (size_t)(notice - remarks))
		: remarks ? im_xstrdup(remarks) : im_xasprintf("Imported from the OSCAL catalog %s.", path);
	walker w = {&r, doc};
	walk_children(&w, cat, "/catalog", NULL);
	json_decref(root);
	return d->errors - before;
}

/* The document id a mapping resource reference stands for: "#uuid" of a back-matter resource whose
 * document-id property (iotmap's) or whose catalog title names a known document. */
static const char *resource_doc(json_t *mc, json_t *ref, const im_dataset *known, const im_dataset *ds)
{
	const char *href = json_string_value(json_object_get(ref, "href"));
	if (!href || href[0] != '#')
		return NULL;
	size_t i;
	json_t *res;
	json_array_foreach(json_object_get(json_object_get(mc, "back-matter"), "resources"), i, res)
	{
		const char *uuid = json_string_value(json_object_get(res, "uuid"));
		if (!uuid || strcmp(uuid, href + 1) != 0)
			continue;
		const char *id = prop(res, "document-id");
		if (id)
			return id;
		const char *title = json_string_value(json_object_get(res, "title"));
		const im_dataset *sets[] = {known, ds};
		for (int k = 0; k < 2; k++)
			for (size_t j = 0; sets[k] && title && j < sets[k]->n_docs; j++)
				if (sets[k]->docs[j].title && strcmp(sets[k]->docs[j].title, title) == 0)
					return sets[k]->docs[j].id;
	}
	return NULL;
}

/* The item id an OSCAL control token stands for in a document (its label, found by re-deriving tokens). */
static char *item_for_token(const im_dataset *known, const im_dataset *ds, const char *doc, const char *token)
{
	const im_dataset *sets[] = {ds, known};
	for (int k = 0; k < 2; k++) {
		const im_document *d = sets[k] ? im_dataset_find_doc(sets[k], doc) : NULL;
		for (size_t i = 0; d && i < d->n_items; i++) {
			char *t = im_oscal_token(d->items[i].id);
			bool same = strcmp(t, token) == 0 || strcmp(d->items[i].id, token) == 0;
			free(t);
			if (same)
				return im_xstrdup(d->items[i].id);
		}
	}
	return im_xstrdup(token); /* left for the validator to report, with suggestions */
}

size_t im_import_oscal_mapping(const char *path, const im_dataset *existing, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	json_t *root = im_json_load(path, d);
	if (!root)
		return d->errors - before;
	jreader r = {path, d};
	json_t *mc = json_object_get(root, "mapping-collection");
	json_t *prov = json_object_get(mc, "provenance");
	if (!json_is_object(mc) || !json_is_object(prov)) {
		im_error(d, path, 0, "not an OSCAL mapping-collection (expected {\"mapping-collection\": "
				     "{\"provenance\": ...}})");
		json_decref(root);
		return d->errors - before;
	}
	json_t *mappings = json_object_get(mc, "mappings");
	if (json_is_object(mappings)) {
		json_t *one = json_array();
		json_array_append(one, mappings);
		json_object_set_new(mc, "mappings", one);
		mappings = one;
	}
	size_t i, j;
	json_t *mp, *map;
	json_array_foreach(mappings, i, mp)
	{
		char *ptr = im_xasprintf("/mapping-collection/mappings/%zu", i);
		const char *src = resource_doc(mc, json_object_get(mp, "source-resource"), existing, ds);
		const char *tgt = resource_doc(mc, json_object_get(mp, "target-resource"), existing, ds);
		if (!src || !tgt) {
			char *w = im_json_where(&r, ptr, !src ? "source-resource" : "target-resource");
			im_error(d, w, 0, "cannot tell which document this resource is: import its catalog first, or "
					  "give the back-matter resource a document-id property");
			free(w);
			free(ptr);
			continue;
		}
		im_mapping_set *s = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
		s->imported = true;
		s->file = im_json_where(&r, ptr, NULL);
		s->source = im_xstrdup(src);
		s->target = im_xstrdup(tgt);
		s->id = im_xasprintf("%s--%s", src, tgt);
		s->description = dup_or(json_string_value(json_object_get(prov, "mapping-description")),
					"Imported from an OSCAL mapping-collection.");
		s->method = dup_or(json_string_value(json_object_get(mp, "method")),
				   json_string_value(json_object_get(prov, "method")));
		s->author = dup_or(prop(prov, "author"), "imported");
		s->date = dup_or(prop(prov, "date"), "2000-01-01");
		const char *set_match = json_string_value(json_object_get(prov, "matching-rationale"));
		json_array_foreach(json_object_get(mp, "maps"), j, map)
		{
			char *mptr = im_xasprintf("%s/maps/%zu", ptr, j);
			json_t *sources = json_object_get(map, "sources"), *targets = json_object_get(map, "targets");
			const char *sref = json_string_value(json_object_get(json_array_get(sources, 0), "id-ref"));
			const char *tref = json_string_value(json_object_get(json_array_get(targets, 0), "id-ref"));
			if (json_array_size(sources) != 1 || json_array_size(targets) != 1 || !sref || !tref) {
				char *w = im_json_where(&r, mptr, NULL);
				im_error(d, w, 0, "iotmap reads maps with exactly one source and one target control");
				free(w);
				free(mptr);
				continue;
			}
			im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
			m->origin = im_json_where(&r, mptr, NULL);
			m->source = item_for_token(existing, ds, src, sref);
			m->target = item_for_token(existing, ds, tgt, tref);
			m->relationship = im_json_text(&r, map, mptr, "relationship", true);
			m->matching_rationale = dup_or(json_string_value(json_object_get(map, "matching-rationale")),
						       set_match ? set_match : "semantic");
			const char *conf = json_string_value(json_object_get(json_object_get(map, "confidence-score"),
									     "category"));
			m->confidence = dup_or(conf, "medium");
			const char *remarks = json_string_value(json_object_get(map, "remarks"));
			const char *split = remarks ? strstr(remarks, "\n\n") : NULL;
			m->rationale = split ? im_xstrndup(remarks, (size_t)(split - remarks))
					     : dup_or(remarks, "Imported from an OSCAL mapping-collection without remarks.");
			m->notes = split ? im_xstrdup(split + 2) : NULL;
			free(mptr);
		}
		free(ptr);
	}
	json_decref(root);
	return d->errors - before;
}
