/* dataset.h: reading the data/ folder and checking it.
 *
 * Loading and validating are separate passes: the reader checks each file's shape (YAML syntax, known
 * keys, value types, required keys) and the validator checks meaning across files (vocabulary, dates,
 * duplicate ids, references between items and documents). Both report into the same diagnostics. */
#ifndef IOTMAP_DATASET_H
#define IOTMAP_DATASET_H

#include "iotmap/diag.h"
#include "iotmap/model.h"

/* Read DIR/documents/ *.yaml and DIR/mappings/ *.yaml (sorted by name). Returns the number of errors
 * added to diags; what could be read is in ds even when there were errors. */
size_t im_dataset_load(const char *dir, im_dataset *ds, im_diags *diags);

/* Read one document file or one mapping-set file into ds. */
void im_dataset_load_document_file(const char *path, im_dataset *ds, im_diags *diags);
void im_dataset_load_mapping_file(const char *path, im_dataset *ds, im_diags *diags);

/* The line of key in an object of the given kind, or fallback when the key was absent. */
typedef enum { IM_OBJ_DOCUMENT, IM_OBJ_ITEM, IM_OBJ_SET, IM_OBJ_PUBLISHED_BY, IM_OBJ_MAPPING } im_object_kind;
int im_key_line(im_object_kind kind, const im_key_lines lines, int fallback, const char *key);

/* Check the loaded dataset as a whole. Returns the number of errors added. */
size_t im_dataset_validate(const im_dataset *ds, im_diags *diags);

#endif
