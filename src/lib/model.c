/* model.c: lookups over and release of the in-memory dataset (see model.h). */
#include "iotmap/model.h"

#include <stdlib.h>
#include <string.h>

bool im_item_is_conditional(const im_item *it)
{
	return it->conditional && strcmp(it->conditional, "true") == 0;
}

const im_document *im_dataset_find_doc(const im_dataset *ds, const char *id)
{
	for (size_t i = 0; i < ds->n_docs; i++)
		if (ds->docs[i].id && strcmp(ds->docs[i].id, id) == 0)
			return &ds->docs[i];
	return NULL;
}

const im_item *im_document_find_item(const im_document *doc, const char *id)
{
	for (size_t i = 0; i < doc->n_items; i++)
		if (doc->items[i].id && strcmp(doc->items[i].id, id) == 0)
			return &doc->items[i];
	return NULL;
}

static void item_free(im_item *it)
{
	char **fields[] = {&it->id, &it->parent, &it->kind, &it->title, &it->summary, &it->status,
			   &it->condition, &it->section, &it->notes, &it->conditional, &it->origin};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
	for (size_t i = 0; i < it->n_stakeholders; i++)
		free(it->stakeholders[i]);
	free(it->stakeholders);
}

static void document_free(im_document *d)
{
	char **fields[] = {&d->id, &d->title, &d->short_title, &d->publisher, &d->version,
			   &d->published, &d->url, &d->kind, &d->jurisdiction, &d->status,
			   &d->superseded_by, &d->licence, &d->description, &d->file};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
	for (size_t i = 0; i < d->n_items; i++)
		item_free(&d->items[i]);
	free(d->items);
}

static void mapping_free(im_mapping *m)
{
	char **fields[] = {&m->source, &m->target, &m->relationship, &m->matching_rationale,
			   &m->confidence, &m->rationale, &m->notes, &m->origin};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
}

static void set_free(im_mapping_set *s)
{
	char **fields[] = {&s->id, &s->source, &s->target, &s->description, &s->method,
			   &s->author, &s->date, &s->file};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
	if (s->published_by) {
		im_published_by *p = s->published_by;
		free(p->title);
		free(p->publisher);
		free(p->url);
		free(p->section);
		free(p->notes);
		free(p);
	}
	for (size_t i = 0; i < s->n_mappings; i++)
		mapping_free(&s->mappings[i]);
	free(s->mappings);
}

void im_dataset_free(im_dataset *ds)
{
	for (size_t i = 0; i < ds->n_docs; i++)
		document_free(&ds->docs[i]);
	free(ds->docs);
	for (size_t i = 0; i < ds->n_sets; i++)
		set_free(&ds->sets[i]);
	free(ds->sets);
	free(ds->digest);
	memset(ds, 0, sizeof *ds);
}
