/* export_sql.h (internal): filters shared by the exports. Parameters: ?1 document, ?2 source, ?3
 * target; a NULL parameter disables its test (see export_filter.c). */
#ifndef IOTMAP_EXPORT_SQL_H
#define IOTMAP_EXPORT_SQL_H

#include <sqlite3.h>

#include "iotmap/export.h"

/* For a documents table aliased d. */
#define IM_EXPORT_DOC_FILTER                                                                       \
	" (?1 IS NULL OR d.id = ?1) AND (?2 IS NULL OR d.id IN (?2, ?3))"
/* For a mappings table aliased m. */
#define IM_EXPORT_MAPPING_FILTER                                                                   \
	" (?1 IS NULL OR m.source_doc = ?1 OR m.target_doc = ?1)"                                  \
	" AND (?2 IS NULL OR (m.source_doc = ?2 AND m.target_doc = ?3))"
/* For a mapping_sets table aliased s. */
#define IM_EXPORT_SET_FILTER                                                                       \
	" (?1 IS NULL OR s.source = ?1 OR s.target = ?1) AND (?2 IS NULL OR (s.source = ?2 AND s.target = ?3))"

void im_export_bind(sqlite3_stmt *st, const im_export_filter *f);

#endif
