/* query_sql.h (internal): the column lists that give every query the export's field names.
 *
 * Kept in one place so the command line, the API and the exports cannot drift apart. The aliases d, i,
 * m, s stand for documents, items, mappings and mapping_sets. */
#ifndef IOTMAP_QUERY_SQL_H
#define IOTMAP_QUERY_SQL_H

#define IM_DOC_COLUMNS                                                                             \
	"d.id AS id, d.title AS title, d.short_title AS short_title, d.publisher AS publisher,"    \
	" d.version AS version, d.published AS published, d.url AS url, d.kind AS kind,"           \
	" d.jurisdiction AS jurisdiction, d.status AS status, d.superseded_by AS superseded_by,"   \
	" d.licence AS licence, d.description AS description, d.gaps AS gaps"

#define IM_ITEM_COLUMNS                                                                            \
	"i.doc || ':' || i.id AS ref, i.id AS id, i.parent AS parent, i.kind AS kind,"             \
	" i.title AS title, i.summary AS summary, i.status AS status,"                             \
	" i.conditional AS conditional, i.condition AS condition, i.section AS section,"           \
	" i.stakeholders AS stakeholders, i.notes AS notes"

#define IM_MAPPING_COLUMNS                                                                         \
	"m.source_doc || ':' || m.source_item AS source, m.target_doc || ':' || m.target_item AS target," \
	" m.relationship AS relationship, m.matching_rationale AS matching_rationale,"             \
	" m.confidence AS confidence, m.rationale AS rationale, m.notes AS notes,"                 \
	" m.set_id AS mapping_set"

#endif
