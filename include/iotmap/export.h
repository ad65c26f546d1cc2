/* export.h: the open-data exports, streamed from the database.
 *
 * Exports walk the database row by row and write as they go, so memory stays flat however many
 * mappings there are. Every export carries its provenance: dataset version, generation time (fixed by
 * SOURCE_DATE_EPOCH when set, for reproducible files), licence, and the notice that summaries are
 * paraphrases. */
#ifndef IOTMAP_EXPORT_H
#define IOTMAP_EXPORT_H

#include <sqlite3.h>
#include <stdio.h>

#define IM_DATA_LICENCE "CC-BY-4.0"
#define IM_DATA_NOTICE                                                                             \
	"Item summaries, conditions and mapping rationales are iotmap's own paraphrases, not the "    \
	"official texts; follow each document's url for the authoritative wording."

/* What to export: everything (all NULL), one document and the mappings touching it, or one mapping
 * set (source and target). */
typedef struct im_export_filter {
	const char *document;
	const char *source, *target;
} im_export_filter;

/* What every export function returns: IM_EXPORT_OK, or one of the reasons below with *err set. */
enum {
	IM_EXPORT_OK = 0,
	IM_EXPORT_FAILED = -1,	    /* the database or the output failed */
	IM_EXPORT_BAD_REQUEST = -2, /* the filter does not fit the format (half a pair, no --document) */
	IM_EXPORT_NO_DOCUMENT = -3, /* the filter names an unknown document */
	IM_EXPORT_NOTHING = -4,	    /* no such mapping set, or nothing in it that the format can say */
};

/* Check the filter against the database: IM_EXPORT_OK, IM_EXPORT_BAD_REQUEST or IM_EXPORT_NO_DOCUMENT. */
int im_export_filter_check(sqlite3 *db, const im_export_filter *f, char **err);

/* Native JSON (docs/json-export.md). */
int im_export_json(sqlite3 *db, const im_export_filter *f, FILE *out, char **err);
/* One row per mapping, RFC 4180 (CRLF line ends, every field quoted), UTF-8, with a header row. */
int im_export_csv(sqlite3 *db, const im_export_filter *f, FILE *out, char **err);
/* One row per item of a document, same conventions. */
int im_export_items_csv(sqlite3 *db, const char *document, FILE *out, char **err);
/* OSCAL 1.2 catalog of one document. */
int im_export_oscal_catalog(sqlite3 *db, const char *document, FILE *out, char **err);
/* OSCAL 1.2 mapping-collection of one mapping set; related-to mappings are left out (OSCAL has no word
 * for an untyped link) and counted in the remarks. */
int im_export_oscal_mapping(sqlite3 *db, const char *source, const char *target, FILE *out, char **err);
/* A spreadsheet: a Mappings sheet, one sheet per document, an About sheet. Written to path. */
int im_export_xlsx(sqlite3 *db, const im_export_filter *f, const char *path, char **err);

/* One of the streamed formats by name: "json", "csv", "items-csv" (f->document), "oscal-catalog"
 * (f->document) or "oscal-mapping" (f->source, f->target); f is not NULL. IM_EXPORT_BAD_REQUEST for
 * another name. */
int im_export_stream(sqlite3 *db, const char *format, const im_export_filter *f, FILE *out, char **err);

/* UTC time as YYYY-MM-DDTHH:MM:SSZ: now, or SOURCE_DATE_EPOCH when set. */
void im_export_timestamp(char *buf, size_t size);

#endif
