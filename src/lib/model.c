/* model.c: lookups over and release of the in-memory dataset (see model.h). */
#include "iotmap/model.h"

#include <stdlib.h>
#include <string.h>

#include "digest.h"

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

void im_document_free(im_document *d)
{
	char **fields[] = {&d->id, &d->title, &d->short_title, &d->publisher, &d->version,
			   &d->published, &d->url, &d->kind, &d->jurisdiction, &d->status,
			   &d->superseded_by, &d->licence, &d->description, &d->gaps, &d->file};
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

void im_mapping_set_free(im_mapping_set *s)
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
		im_document_free(&ds->docs[i]);
	free(ds->docs);
	for (size_t i = 0; i < ds->n_sets; i++)
		im_mapping_set_free(&ds->sets[i]);
	free(ds->sets);
	free(ds->digest);
	memset(ds, 0, sizeof *ds);
}

static void add(im_digest *d, const char *s)
{
	/* NULL and "" differ: a marker byte first, then the text with its terminator. */
	im_digest_add(d, s ? "\1" : "\0", 1);
	if (s)
		im_digest_add_string(d, s);
}

char *im_dataset_digest(const im_dataset *ds)
{
	im_digest d;
	im_digest_init(&d);
	for (size_t i = 0; i < ds->n_docs; i++) {
		const im_document *doc = &ds->docs[i];
		const char *f[] = {doc->id,	      doc->title,	  doc->short_title, doc->publisher,
				   doc->version,      doc->published,	  doc->url,	    doc->kind,
				   doc->jurisdiction, doc->status,	  doc->superseded_by, doc->licence,
				   doc->description,  doc->gaps};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			add(&d, f[k]);
		for (size_t j = 0; j < doc->n_items; j++) {
			const im_item *it = &doc->items[j];
			const char *g[] = {it->id,	it->parent, it->kind,	 it->title,  it->summary,
					   it->status, im_item_is_conditional(it) ? "true" : "false",
					   it->condition, it->section, it->notes};
			for (size_t k = 0; k < sizeof g / sizeof *g; k++)
				add(&d, g[k]);
			for (size_t k = 0; k < it->n_stakeholders; k++)
				add(&d, it->stakeholders[k]);
			add(&d, "\n");
		}
	}
	for (size_t i = 0; i < ds->n_sets; i++) {
		const im_mapping_set *s = &ds->sets[i];
		const im_published_by *p = s->published_by;
		const char *f[] = {s->source,	   s->target,	       s->description,	   s->method,
				   s->author,	   s->date,	       p ? p->title : NULL, p ? p->publisher : NULL,
				   p ? p->url : NULL, p ? p->section : NULL, p ? p->notes : NULL};
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			add(&d, f[k]);
		for (size_t j = 0; j < s->n_mappings; j++) {
			const im_mapping *m = &s->mappings[j];
			const char *g[] = {m->source,	  m->target,	m->relationship, m->matching_rationale,
					   m->confidence, m->rationale, m->notes};
			for (size_t k = 0; k < sizeof g / sizeof *g; k++)
				add(&d, g[k]);
		}
	}
	return im_digest_hex(&d);
}
