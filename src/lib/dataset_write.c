/* dataset_write.c: writing documents and mapping sets as dataset files (docs/data-format.md), so that
 * imported data can be contributed the same way the project's own data is. libfyaml builds and emits the
 * YAML, so quoting is always right; keys come in the documented order. Each file is written beside its
 * destination and renamed into place. */
#include <errno.h>
#include <libfyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

static void put(struct fy_document *fyd, struct fy_node *map, const char *key, const char *value)
{
	if (!value)
		return;
	fy_node_mapping_append(map, fy_node_create_scalar_copy(fyd, key, FY_NT),
			       fy_node_create_scalar_copy(fyd, value, FY_NT));
}

static struct fy_node *item_node(struct fy_document *fyd, const im_item *it)
{
	struct fy_node *m = fy_node_create_mapping(fyd);
	put(fyd, m, "id", it->id);
	put(fyd, m, "parent", it->parent);
	put(fyd, m, "kind", it->kind);
	put(fyd, m, "title", it->title);
	put(fyd, m, "status", it->status);
	if (im_item_is_conditional(it))
		put(fyd, m, "conditional", "true");
	put(fyd, m, "condition", it->condition);
	put(fyd, m, "section", it->section);
	if (it->n_stakeholders) {
		struct fy_node *seq = fy_node_create_sequence(fyd);
		for (size_t i = 0; i < it->n_stakeholders; i++)
			fy_node_sequence_append(seq, fy_node_create_scalar_copy(fyd, it->stakeholders[i], FY_NT));
		fy_node_mapping_append(m, fy_node_create_scalar(fyd, "stakeholders", FY_NT), seq);
	}
	put(fyd, m, "summary", it->summary);
	put(fyd, m, "notes", it->notes);
	return m;
}

static struct fy_document *document_yaml(const im_document *d)
{
	struct fy_document *fyd = fy_document_create(NULL);
	struct fy_node *m = fy_node_create_mapping(fyd);
	const char *keys[] = {"id",	   "title",	   "short-title", "publisher",	 "version",
			      "published", "url",	   "kind",	  "jurisdiction", "status",
			      "superseded-by", "licence", "description", "gaps"};
	const char *values[] = {d->id,	      d->title,	 d->short_title,  d->publisher, d->version,
				d->published, d->url,	 d->kind,	  d->jurisdiction, d->status,
				d->superseded_by, d->licence, d->description, d->gaps};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		put(fyd, m, keys[i], values[i]);
	struct fy_node *items = fy_node_create_sequence(fyd);
	for (size_t i = 0; i < d->n_items; i++)
		fy_node_sequence_append(items, item_node(fyd, &d->items[i]));
	fy_node_mapping_append(m, fy_node_create_scalar(fyd, "items", FY_NT), items);
	fy_document_set_root(fyd, m);
	return fyd;
}

static struct fy_document *set_yaml(const im_mapping_set *s)
{
	struct fy_document *fyd = fy_document_create(NULL);
	struct fy_node *m = fy_node_create_mapping(fyd);
	put(fyd, m, "source", s->source);
	put(fyd, m, "target", s->target);
	put(fyd, m, "description", s->description);
	put(fyd, m, "method", s->method);
	put(fyd, m, "author", s->author);
	put(fyd, m, "date", s->date);
	if (s->published_by) {
		struct fy_node *p = fy_node_create_mapping(fyd);
		put(fyd, p, "title", s->published_by->title);
		put(fyd, p, "publisher", s->published_by->publisher);
		put(fyd, p, "url", s->published_by->url);
		put(fyd, p, "section", s->published_by->section);
		put(fyd, p, "notes", s->published_by->notes);
		fy_node_mapping_append(m, fy_node_create_scalar(fyd, "published-by", FY_NT), p);
	}
	struct fy_node *maps = fy_node_create_sequence(fyd);
	for (size_t i = 0; i < s->n_mappings; i++) {
		const im_mapping *x = &s->mappings[i];
		struct fy_node *n = fy_node_create_mapping(fyd);
		put(fyd, n, "source", x->source);
		put(fyd, n, "target", x->target);
		put(fyd, n, "relationship", x->relationship);
		put(fyd, n, "matching-rationale", x->matching_rationale);
		put(fyd, n, "confidence", x->confidence);
		put(fyd, n, "rationale", x->rationale);
		put(fyd, n, "notes", x->notes);
		fy_node_sequence_append(maps, n);
	}
	fy_node_mapping_append(m, fy_node_create_scalar(fyd, "mappings", FY_NT), maps);
	fy_document_set_root(fyd, m);
	return fyd;
}

static int write_yaml(struct fy_document *fyd, const char *path, char **err)
{
	char *text = fy_emit_document_to_string(fyd, FYECF_MODE_BLOCK | FYECF_INDENT_2 | FYECF_WIDTH(110));
	fy_document_destroy(fyd);
	if (!text) {
		*err = im_xasprintf("cannot produce YAML for %s", path);
		return -1;
	}
	char *tmp = im_xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	int rc = -1;
	if (f) {
		fchmod(fd, 0644);
		bool ok = fputs(text, f) != EOF;
		ok = fclose(f) == 0 && ok;
		rc = ok && rename(tmp, path) == 0 ? 0 : -1;
	}
	if (rc != 0) {
		*err = im_xasprintf("cannot write %s: %s", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	free(text);
	return rc;
}

int im_dataset_save(const im_dataset *ds, const char *dir, char **err)
{
	char *docs = im_xasprintf("%s/documents", dir), *maps = im_xasprintf("%s/mappings", dir);
	mkdir(dir, 0755);
	mkdir(docs, 0755);
	mkdir(maps, 0755);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < ds->n_docs; i++) {
		char *path = im_xasprintf("%s/%s.yaml", docs, ds->docs[i].id);
		rc = write_yaml(document_yaml(&ds->docs[i]), path, err);
		free(path);
	}
	for (size_t i = 0; rc == 0 && i < ds->n_sets; i++) {
		char *path = im_xasprintf("%s/%s.yaml", maps, ds->sets[i].id);
		rc = write_yaml(set_yaml(&ds->sets[i]), path, err);
		free(path);
	}
	free(docs);
	free(maps);
	return rc;
}
