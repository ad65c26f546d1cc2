/* store_schema.h (internal): the database layout, one statement list shared by the builder and tests. */
#ifndef IOTMAP_STORE_SCHEMA_H
#define IOTMAP_STORE_SCHEMA_H

/* ord columns keep the dataset's own order (source order of items, file order of mappings) so every
 * listing and export is stable and reads like the source. */
static const char IM_SCHEMA_SQL[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
	"CREATE TABLE documents(\n"
	"  id TEXT PRIMARY KEY, ord INTEGER NOT NULL, title TEXT NOT NULL, short_title TEXT,\n"
	"  publisher TEXT NOT NULL, version TEXT NOT NULL, published TEXT, url TEXT,\n"
	"  kind TEXT NOT NULL, jurisdiction TEXT NOT NULL, status TEXT NOT NULL, superseded_by TEXT,\n"
	"  licence TEXT NOT NULL, description TEXT NOT NULL, gaps TEXT, file TEXT NOT NULL);\n"
	"CREATE TABLE items(\n"
	"  rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), id TEXT NOT NULL,\n"
	"  ord INTEGER NOT NULL, parent TEXT, kind TEXT NOT NULL, title TEXT, summary TEXT NOT NULL,\n"
	"  status TEXT, conditional INTEGER NOT NULL, condition TEXT, section TEXT NOT NULL,\n"
	"  stakeholders TEXT, notes TEXT, UNIQUE(doc, id));\n"
	"CREATE TABLE mapping_sets(\n"
	"  id TEXT PRIMARY KEY, ord INTEGER NOT NULL, source TEXT NOT NULL REFERENCES documents(id),\n"
	"  target TEXT NOT NULL REFERENCES documents(id), description TEXT NOT NULL, method TEXT NOT NULL,\n"
	"  author TEXT NOT NULL, date TEXT NOT NULL, published_title TEXT, published_publisher TEXT,\n"
	"  published_url TEXT, published_section TEXT, published_notes TEXT, file TEXT NOT NULL);\n"
	"CREATE TABLE mappings(\n"
	"  rowid INTEGER PRIMARY KEY, set_id TEXT NOT NULL REFERENCES mapping_sets(id), ord INTEGER NOT NULL,\n"
	"  source_doc TEXT NOT NULL, source_item TEXT NOT NULL, target_doc TEXT NOT NULL,\n"
	"  target_item TEXT NOT NULL, relationship TEXT NOT NULL, matching_rationale TEXT NOT NULL,\n"
	"  confidence TEXT NOT NULL, rationale TEXT NOT NULL, notes TEXT);\n"
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, summary, condition, section,\n"
	"  content='items', content_rowid='rowid', tokenize='porter unicode61');\n";

/* Indexes are created after the bulk insert: building them once is faster than maintaining them. */
static const char IM_INDEX_SQL[] =
	"CREATE INDEX items_by_doc ON items(doc, ord);\n"
	"CREATE INDEX mappings_by_source ON mappings(source_doc, source_item);\n"
	"CREATE INDEX mappings_by_target ON mappings(target_doc, target_item);\n"
	"CREATE INDEX mappings_by_set ON mappings(set_id, ord);\n"
	"INSERT INTO items_fts(items_fts) VALUES('rebuild');\n";

#endif
