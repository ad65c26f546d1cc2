/* query.h: the questions users ask of the database, answered as JSON values (jansson).
 *
 * Every front end shows the same answers: the command line renders them as tables, CSV or JSON, and
 * the web server will send them as they are. Field names are those of the native JSON export (see
 * docs/json-export.md), so a user meets one vocabulary everywhere. */
#ifndef IOTMAP_QUERY_H
#define IOTMAP_QUERY_H

#include <jansson.h>
#include <sqlite3.h>

typedef enum { IM_Q_OK = 0, IM_Q_NOT_FOUND = 1, IM_Q_BAD_INPUT = 2, IM_Q_DB_ERROR = 3 } im_qstatus;

/* A reference is DOCUMENT or DOCUMENT:ITEM (split at the first colon: document ids have none). */
typedef struct im_ref {
	char *doc;
	char *item; /* NULL for a document reference */
} im_ref;
int im_ref_parse(const char *text, im_ref *ref); /* 0, or -1 when empty or malformed */
char *im_ref_format(const char *doc, const char *item);
void im_ref_free(im_ref *ref);

/* True when a document with this id exists. */
int im_q_document_exists(sqlite3 *db, const char *id);

/* "did you mean" text for a reference that was not found ("" when nothing is close). Caller frees. */
char *im_q_suggest(sqlite3 *db, const char *text);
/* The same suggestions as a JSON array of references (possibly empty). */
json_t *im_q_suggestions(sqlite3 *db, const char *text);

/* Every query returns a status; on anything but IM_Q_OK *err says what went wrong (caller frees). */
im_qstatus im_q_documents(sqlite3 *db, json_t **out, char **err);
im_qstatus im_q_document(sqlite3 *db, const char *id, json_t **out, char **err);
im_qstatus im_q_item(sqlite3 *db, const char *doc, const char *item, json_t **out, char **err);

typedef struct im_mapping_filter {
	const char *ref;	  /* DOCUMENT or DOCUMENT:ITEM: mappings touching it, both directions */
	const char *source;	  /* source document id */
	const char *target;	  /* target document id */
	const char *to;		  /* with ref: only mappings whose other side is in this document */
	const char *relationship; /* one relationship word */
} im_mapping_filter;
im_qstatus im_q_mappings(sqlite3 *db, const im_mapping_filter *f, json_t **out, char **err);

/* Full-text search over item titles, summaries, conditions and sections (FTS5, porter stemming). Each
 * word must match; a word ending in * matches as a prefix. The snippet marks matches with mark_open and
 * mark_close. kind and publisher, when set, keep only items of documents of that kind or publisher. */
typedef struct im_search_opts {
	const char *text;
	int limit; /* <= 0: no limit */
	const char *mark_open, *mark_close;
	const char *kind;
	const char *publisher;
} im_search_opts;
im_qstatus im_q_search(sqlite3 *db, const im_search_opts *opts, json_t **out, char **err);

/* The distinct document kinds and publishers, for search filters: {"kinds": [...], "publishers": [...]}. */
im_qstatus im_q_facets(sqlite3 *db, json_t **out, char **err);

/* For each item of hub: how many other documents and how many of their items map to it (in either
 * direction, no-relationship excluded); with against, only mappings with that document. */
im_qstatus im_q_coverage(sqlite3 *db, const char *hub, const char *against, json_t **out, char **err);

/* Per document: items, requirements, mappings (either side), items_mapped (items with at least one
 * mapping other than no-relationship), hub_requirements (requirements of hub it maps to) and hub_total. */
im_qstatus im_q_document_stats(sqlite3 *db, const char *hub, json_t **out, char **err);

/* Documents x hub sections: for each other document with mappings to hub, and each top-level group of
 * hub, how many of the document's items map to the group or to items under it (no-relationship excluded).
 * {"hub", "sections": [{id, title}], "documents": [{id, title, short_title, kind, counts: [n...], total}],
 *  "max": largest count}. */
im_qstatus im_q_coverage_matrix(sqlite3 *db, const char *hub, json_t **out, char **err);

#endif
