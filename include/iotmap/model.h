/* model.h: the dataset in memory: documents with their items, and mapping sets with their mappings.
 *
 * Every string is owned by the struct that holds it (NULL when the file left the key out). Each object
 * remembers the file and line it came from, so later checks can point the user at the right place. */
#ifndef IOTMAP_MODEL_H
#define IOTMAP_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* Line of each key as read, indexed like the reader's key table for that kind of object (0: absent);
 * see im_key_line() in dataset.h. */
#define IM_MAX_KEYS 16
typedef int im_key_lines[IM_MAX_KEYS];

typedef struct im_item {
	char *id, *parent, *kind, *title, *summary, *status, *condition, *section, *notes;
	char *conditional; /* "true" / "false" as written; NULL when absent (means false) */
	char **stakeholders;
	size_t n_stakeholders;
	int line;
	im_key_lines key_lines;
	char *origin; /* imports: where it came from ("FILE#/json/pointer"); NULL for dataset files */
} im_item;

typedef struct im_document {
	char *id, *title, *short_title, *publisher, *version, *published, *url, *kind, *jurisdiction,
		*status, *superseded_by, *licence, *description;
	char *gaps; /* what a partial record leaves out; NULL for a complete record */
	im_item *items;
	size_t n_items, cap_items;
	char *file;
	int line;
	im_key_lines key_lines;
	bool imported; /* from an import, not a dataset file: no file-name rules */
} im_document;

typedef struct im_mapping {
	char *source, *target, *relationship, *matching_rationale, *confidence, *rationale, *notes;
	int line;
	im_key_lines key_lines;
	char *origin;
} im_mapping;

typedef struct im_published_by {
	char *title, *publisher, *url, *section, *notes;
	int line;
	im_key_lines key_lines;
} im_published_by;

typedef struct im_mapping_set {
	char *id; /* SOURCE--TARGET, derived from the two document ids */
	char *source, *target, *description, *method, *author, *date;
	im_published_by *published_by; /* NULL unless the correspondence was published by others */
	im_mapping *mappings;
	size_t n_mappings, cap_mappings;
	char *file;
	int line;
	im_key_lines key_lines;
	bool imported;
} im_mapping_set;

typedef struct im_dataset {
	im_document *docs;
	size_t n_docs, cap_docs;
	im_mapping_set *sets;
	size_t n_sets, cap_sets;
	char *digest; /* the dataset version: a digest of the content (im_dataset_digest) */
} im_dataset;

bool im_item_is_conditional(const im_item *it);
const im_document *im_dataset_find_doc(const im_dataset *ds, const char *id);
const im_item *im_document_find_item(const im_document *doc, const char *id);
void im_dataset_free(im_dataset *ds);
/* Free what one document or mapping set owns (not the struct itself). */
void im_document_free(im_document *d);
void im_mapping_set_free(im_mapping_set *s);
/* A digest of everything the dataset says, in order (not where it was read from): the same content gives
 * the same version whether it was built from files or imported. Caller frees. */
char *im_dataset_digest(const im_dataset *ds);

#endif
