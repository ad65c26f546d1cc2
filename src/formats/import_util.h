/* import_util.h (internal): reading JSON values into the model with errors that point into the file
 * (FILE#/json/pointer), shared by the JSON and OSCAL importers. */
#ifndef IOTMAP_IMPORT_UTIL_H
#define IOTMAP_IMPORT_UTIL_H

#include <jansson.h>
#include <stdbool.h>

#include "iotmap/diag.h"
#include "iotmap/import.h"

typedef struct jreader {
	const char *path;
	im_diags *d;
} jreader;

/* Load a JSON file; syntax errors become FILE:LINE diagnostics. NULL on failure. */
json_t *im_json_load(const char *path, im_diags *d);
/* "FILE#POINTER/key" (caller frees). */
char *im_json_where(const jreader *r, const char *pointer, const char *key);
/* A string member as an owned copy; NULL when absent or null (an error when required) or when it is not
 * a string (always an error). */
char *im_json_text(const jreader *r, json_t *obj, const char *pointer, const char *key, bool required);
/* A member that must be an array (NULL with an error otherwise; absent is an error when required). */
json_t *im_json_array(const jreader *r, json_t *obj, const char *pointer, const char *key, bool required);

#endif
