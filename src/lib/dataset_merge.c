/* dataset_merge.c: adding imported documents and mapping sets to a dataset, replacing by id. A
 * re-import of the same document or set updates it rather than duplicating it. */
#include <stdlib.h>
#include <string.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

void im_dataset_merge(im_dataset *base, im_dataset *add)
{
	for (size_t i = 0; i < add->n_docs; i++) {
		im_document *incoming = &add->docs[i];
		im_document *slot = NULL;
		for (size_t j = 0; j < base->n_docs && incoming->id; j++)
			if (base->docs[j].id && strcmp(base->docs[j].id, incoming->id) == 0)
				slot = &base->docs[j];
		if (slot)
			im_document_free(slot);
		else
			slot = IM_PUSH(base->docs, base->n_docs, base->cap_docs);
		*slot = *incoming;
	}
	for (size_t i = 0; i < add->n_sets; i++) {
		im_mapping_set *incoming = &add->sets[i];
		im_mapping_set *slot = NULL;
		for (size_t j = 0; j < base->n_sets && incoming->id; j++)
			if (base->sets[j].id && strcmp(base->sets[j].id, incoming->id) == 0)
				slot = &base->sets[j];
		if (slot)
			im_mapping_set_free(slot);
		else
			slot = IM_PUSH(base->sets, base->n_sets, base->cap_sets);
		*slot = *incoming;
	}
	free(add->docs);
	free(add->sets);
	add->docs = NULL;
	add->sets = NULL;
	add->n_docs = add->cap_docs = add->n_sets = add->cap_sets = 0;
}
