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

/* Native JSON (docs/json-export.md). Returns 0, or -1 with *err set. */
int im_export_json(sqlite3 *db, FILE *out, char **err);
/* One row per mapping, RFC 4180 (CRLF line ends, every field quoted), UTF-8, with a header row. */
int im_export_csv(sqlite3 *db, FILE *out, char **err);

/* UTC time as YYYY-MM-DDTHH:MM:SSZ: now, or SOURCE_DATE_EPOCH when set. */
void im_export_timestamp(char *buf, size_t size);

#endif
