/* import.h: bringing other people's data in: the 2018-2020 DCMS Code of Practice mapping, iotmap's own
 * JSON and CSV, OSCAL catalogs and mapping-collections.
 *
 * Every format is converted into the in-memory model (model.h), merged with what the database already
 * holds (a document or mapping set with the same id is replaced), validated as a whole, and only then
 * written, by rebuilding the database atomically (store.h): a bad file changes nothing. Problems point
 * at the place in the file: FILE:LINE for CSV and for JSON syntax, FILE#/json/pointer for JSON content. */
#ifndef IOTMAP_IMPORT_H
#define IOTMAP_IMPORT_H

#include <sqlite3.h>

#include "iotmap/diag.h"
#include "iotmap/model.h"

typedef enum {
	IM_IMPORT_AUTO,
	IM_IMPORT_DCMS_JSON,
	IM_IMPORT_JSON,
	IM_IMPORT_CSV,
	IM_IMPORT_OSCAL_CATALOG,
	IM_IMPORT_OSCAL_MAPPING,
	IM_IMPORT_XLSX,
} im_import_format;

/* The format words of im_import_format after "auto", for messages. */
#define IM_IMPORT_FORMAT_WORDS "dcms-json, json, csv, oscal-catalog, oscal-mapping or xlsx"

/* "dcms-json", "json", "csv", "oscal-catalog", "oscal-mapping", "xlsx" (and "auto"); -1 when unknown. */
int im_import_format_parse(const char *word, im_import_format *f);
const char *im_import_format_name(im_import_format f);
/* Decide the format from the file's name and first bytes. Returns 0, or -1 with *err. */
int im_import_detect(const char *path, im_import_format *f, char **err);

/* Read path in format f, adding its documents and mapping sets to ds. Returns the number of errors added
 * to diags. existing is what the database holds (for resolving references; may be NULL). */
size_t im_import_read(const char *path, im_import_format f, const im_dataset *existing, im_dataset *ds,
		      im_diags *diags);

/* Per format (used by im_import_read). */
size_t im_import_dcms(const char *path, im_dataset *ds, im_diags *d);
size_t im_import_json(const char *path, im_dataset *ds, im_diags *d);
size_t im_import_csv(const char *path, const im_dataset *existing, im_dataset *ds, im_diags *d);
size_t im_import_oscal_catalog(const char *path, im_dataset *ds, im_diags *d);
size_t im_import_oscal_mapping(const char *path, const im_dataset *existing, im_dataset *ds, im_diags *d);
size_t im_import_xlsx(const char *path, im_dataset *ds, im_diags *d);

/* The whole content of a database as a model (for merging). Returns 0, or -1 with *err. */
int im_store_load(sqlite3 *db, im_dataset *ds, char **err);
/* Move every document and mapping set of add into base, replacing those with the same id; add is left
 * empty. */
void im_dataset_merge(im_dataset *base, im_dataset *add);
/* Write documents and mapping sets of ds as dataset files under dir (documents/, mappings/), one file
 * each, atomically per file. Returns 0, or -1 with *err. */
int im_dataset_save(const im_dataset *ds, const char *dir, char **err);

#endif
