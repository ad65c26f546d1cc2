/* export_oscal.c: OSCAL 1.2 catalogs (one document) and mapping-collections (one mapping set).
 *
 * A catalog maps the data model one to one: grouping items become groups, requirements become
 * controls (nested under their group, or under a parent requirement), summaries become statement parts,
 * and status, condition and section become properties in iotmap's namespace. The document's official
 * source is linked from the metadata and described in back-matter. A mapping-collection carries the
 * relationship, matching rationale, confidence and rationale of every typed mapping; OSCAL has no word
 * for an untyped correspondence, so related-to mappings are left out and counted in the remarks. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/export.h"
#include "iotmap/query.h"
#include "iotmap/store.h"
#include "iotmap/util.h"
#include "oscal_ids.h"

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* OSCAL prop values are single-line strings without surrounding space (StringDatatype), so the value is
 * squeezed to one line; an empty one is left out. */
static void add_prop(json_t *props, const char *name, const char *value, bool ns)
{
	char *v = im_squeeze_space(value);
	if (!*v) {
		free(v);
		return;
	}
	json_t *p = json_pack("{s:s, s:s}", "name", name, "value", v);
	free(v);
	if (ns)
		json_object_set_new(p, "ns", json_string(IM_OSCAL_NS));
	json_array_append_new(props, p);
}

static void set_nonempty(json_t *o, const char *key, json_t *array)
{
	if (json_array_size(array))
		json_object_set_new(o, key, array);
	else
		json_decref(array);
}

static json_t *metadata(sqlite3 *db, const char *title, const char *version, const char *remarks)
{
	char now[32];
	im_export_timestamp(now, sizeof now);
	char *digest = im_store_meta(db, "dataset_digest");
	json_t *m = json_pack("{s:s, s:s, s:s, s:s}", "title", title, "last-modified", now, "version", version,
			      "oscal-version", IM_OSCAL_VERSION);
	json_t *props = json_array();
	add_prop(props, "dataset-version", digest ? digest : "unknown", true);
	add_prop(props, "dataset-licence", IM_DATA_LICENCE, true);
	json_object_set_new(m, "props", props);
	char *text = im_xasprintf("%s%s%s", remarks ? remarks : "", remarks ? " " : "", IM_DATA_NOTICE);
	json_object_set_new(m, "remarks", json_string(text));
	free(text);
	free(digest);
	return m;
}

/* The back-matter resource that stands for a document (its official source). */
static json_t *document_resource(json_t *doc, char uuid[37])
{
	char *name = im_xasprintf("resource:%s", jstr(doc, "id"));
	im_oscal_uuid(name, uuid);
	free(name);
	json_t *props = json_array();
	add_prop(props, "document-id", jstr(doc, "id"), true);
	add_prop(props, "publisher", jstr(doc, "publisher"), true);
	add_prop(props, "version", jstr(doc, "version"), true);
	add_prop(props, "published", jstr(doc, "published"), true);
	char *catalog = im_xasprintf("%s.oscal-catalog.json", jstr(doc, "id"));
	json_t *r = json_pack("{s:s, s:s, s:o, s:[{s:s}, {s:s, s:s}]}", "uuid", uuid, "title", jstr(doc, "title"),
			      "props", props, "rlinks", "href", jstr(doc, "url"), "href", catalog, "media-type",
			      "application/json");
	free(catalog);
	return r;
}

static json_t *item_node(json_t *it, const char *resource_uuid)
{
	bool group = strcmp(jstr(it, "kind"), "group") == 0;
	char *token = im_oscal_token(jstr(it, "id"));
	json_t *o = json_pack("{s:s, s:s, s:s}", "id", token, "class", group ? "clause" : "requirement", "title",
			      jstr(it, "title") ? jstr(it, "title") : jstr(it, "id"));
	json_t *props = json_array();
	add_prop(props, "label", jstr(it, "id"), false);
	add_prop(props, "section", jstr(it, "section"), true);
	add_prop(props, "status", jstr(it, "status"), true);
	if (json_is_true(json_object_get(it, "conditional")))
		add_prop(props, "conditional", "true", true);
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(it, "stakeholders"), i, s) add_prop(props, "stakeholder",
									      json_string_value(s), true);
	json_object_set_new(o, "props", props);
	json_t *parts = json_array();
	char *pid = im_xasprintf("%s_smt", token);
	json_array_append_new(parts, json_pack("{s:s, s:s, s:s}", "id", pid, "name", group ? "overview" : "statement",
					       "prose", jstr(it, "summary")));
	free(pid);
	if (jstr(it, "condition"))
		json_array_append_new(parts, json_pack("{s:s, s:s, s:s}", "name", "condition", "ns", IM_OSCAL_NS,
						       "prose", jstr(it, "condition")));
	if (jstr(it, "notes"))
		json_array_append_new(parts, json_pack("{s:s, s:s, s:s}", "name", "notes", "ns", IM_OSCAL_NS, "prose",
						       jstr(it, "notes")));
	json_object_set_new(o, "parts", parts);
	if (!group) {
		char *href = im_xasprintf("#%s", resource_uuid);
		json_object_set_new(o, "links", json_pack("[{s:s, s:s}]", "href", href, "rel", "reference"));
		free(href);
	}
	free(token);
	return o;
}

static bool is_child(json_t *it, const char *parent)
{
	const char *p = jstr(it, "parent");
	return (parent == NULL) == (p == NULL) && (!parent || strcmp(parent, p) == 0);
}

/* Attach the children of parent (NULL: top level) to node: groups under groups, controls under either.
 * OSCAL lets a group hold groups or controls but not both; where a clause mixes them, its sub-clauses
 * become controls of class "clause" too. */
static void attach(json_t *items, const char *parent, json_t *node, const char *resource_uuid, bool in_control)
{
	size_t i, nreq = 0, ngroup = 0;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		if (is_child(it, parent))
			strcmp(jstr(it, "kind"), "group") == 0 ? ngroup++ : nreq++;
	}
	bool controls_only = in_control || (ngroup && nreq);
	json_t *groups = json_array(), *controls = json_array();
	json_array_foreach(items, i, it)
	{
		if (!is_child(it, parent))
			continue;
		bool group = strcmp(jstr(it, "kind"), "group") == 0 && !controls_only;
		json_t *child = item_node(it, resource_uuid);
		attach(items, jstr(it, "id"), child, resource_uuid, !group);
		json_array_append_new(group ? groups : controls, child);
	}
	set_nonempty(node, "groups", groups);
	set_nonempty(node, "controls", controls);
}

static int write_json(json_t *root, FILE *out, char **err)
{
	if (json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF) {
		*err = im_xstrdup("writing the OSCAL document failed");
		return -1;
	}
	return 0;
}

int im_export_oscal_catalog(sqlite3 *db, const char *document, FILE *out, char **err)
{
	if (!document) {
		*err = im_xstrdup("an OSCAL catalog holds one document: give --document ID");
		return IM_EXPORT_BAD_REQUEST;
	}
	json_t *doc = NULL;
	im_qstatus q = im_q_document(db, document, &doc, err);
	if (q != IM_Q_OK)
		return q == IM_Q_NOT_FOUND ? IM_EXPORT_NO_DOCUMENT : IM_EXPORT_FAILED;
	char *digest = im_store_meta(db, "dataset_digest");
	char uuid[37], res_uuid[37];
	char *name = im_xasprintf("catalog:%s:%s", document, digest ? digest : "");
	im_oscal_uuid(name, uuid);
	free(name);
	free(digest);
	json_t *resource = document_resource(doc, res_uuid);
	json_t *meta = metadata(db, jstr(doc, "title"), jstr(doc, "version"), jstr(doc, "description"));
	json_object_set_new(meta, "links", json_pack("[{s:s, s:s}]", "href", jstr(doc, "url"), "rel", "reference"));
	json_t *props = json_object_get(meta, "props");
	add_prop(props, "document-id", document, true);
	add_prop(props, "publisher", jstr(doc, "publisher"), true);
	add_prop(props, "published", jstr(doc, "published"), true);
	add_prop(props, "kind", jstr(doc, "kind"), true);
	add_prop(props, "jurisdiction", jstr(doc, "jurisdiction"), true);
	add_prop(props, "status", jstr(doc, "status"), true);
	add_prop(props, "short-title", jstr(doc, "short_title"), true);
	add_prop(props, "superseded-by", jstr(doc, "superseded_by"), true);
	add_prop(props, "document-licence", jstr(doc, "licence"), true);
	add_prop(props, "record-gaps", jstr(doc, "gaps"), true);
	json_t *catalog = json_pack("{s:s, s:o}", "uuid", uuid, "metadata", meta);
	attach(json_object_get(doc, "items"), NULL, catalog, res_uuid, false);
	json_object_set_new(catalog, "back-matter", json_pack("{s:[o]}", "resources", resource));
	json_t *root = json_pack("{s:o}", "catalog", catalog);
	int rc = write_json(root, out, err);
	json_decref(root);
	json_decref(doc);
	return rc;
}

/* The most common matching rationale in the set: OSCAL wants one at the collection level. */
static const char *dominant(json_t *rows, const char *key)
{
	static const char *const words[] = {"semantic", "syntactic", "functional"};
	size_t best = 0, counts[3] = {0, 0, 0};
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		for (size_t w = 0; w < 3; w++)
			if (strcmp(jstr(r, key), words[w]) == 0)
				counts[w]++;
	}
	for (size_t w = 1; w < 3; w++)
		if (counts[w] > counts[best])
			best = w;
	return words[best];
}

static json_t *map_entry(json_t *m, const char *set_id)
{
	const char *src = strchr(jstr(m, "source"), ':') + 1, *tgt = strchr(jstr(m, "target"), ':') + 1;
	char uuid[37];
	char *name = im_xasprintf("map:%s:%s:%s", set_id, src, tgt);
	im_oscal_uuid(name, uuid);
	free(name);
	char *stok = im_oscal_token(src), *ttok = im_oscal_token(tgt);
	json_t *o = json_pack("{s:s, s:s, s:s, s:{s:s}, s:[{s:s, s:s}], s:[{s:s, s:s}]}", "uuid", uuid,
			      "relationship", jstr(m, "relationship"), "matching-rationale",
			      jstr(m, "matching_rationale"), "confidence-score", "category", jstr(m, "confidence"),
			      "sources", "type", "control", "id-ref", stok, "targets", "type", "control", "id-ref", ttok);
	char *remarks = jstr(m, "notes") ? im_xasprintf("%s\n\n%s", jstr(m, "rationale"), jstr(m, "notes"))
					 : im_xstrdup(jstr(m, "rationale"));
	json_object_set_new(o, "remarks", json_string(remarks));
	free(remarks);
	free(stok);
	free(ttok);
	return o;
}

int im_export_oscal_mapping(sqlite3 *db, const char *source, const char *target, FILE *out, char **err)
{
	im_export_filter f = {.source = source, .target = target};
	if (!source || !target) {
		*err = im_xstrdup("an OSCAL mapping-collection holds one mapping set: give --source DOC --target DOC");
		return IM_EXPORT_BAD_REQUEST;
	}
	int checked = im_export_filter_check(db, &f, err);
	if (checked != IM_EXPORT_OK)
		return checked;
	json_t *rows = NULL, *sdoc = NULL, *tdoc = NULL;
	im_mapping_filter mf = {.source = source, .target = target};
	if (im_q_mappings(db, &mf, &rows, err) != IM_Q_OK)
		return -1;
	sqlite3_stmt *st = NULL;
	json_t *set = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id, description, method, author, date, published_title,"
				   " published_url FROM mapping_sets WHERE source = ? AND target = ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, target, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			set = json_object();
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				json_object_set_new(set, sqlite3_column_name(st, i), v ? json_string(v) : json_null());
			}
		}
	}
	sqlite3_finalize(st);
	if (!set) {
		*err = im_xasprintf("there is no mapping set from %s to %s", source, target);
		json_decref(rows);
		return IM_EXPORT_NOTHING;
	}
	const char *set_id = jstr(set, "id");
	json_t *maps = json_array(), *typed = json_array();
	size_t untyped = 0, i;
	json_t *m;
	json_array_foreach(rows, i, m)
	{
		if (strcmp(jstr(m, "relationship"), "related-to") == 0) {
			untyped++;
			continue;
		}
		json_array_append_new(maps, map_entry(m, set_id));
		json_array_append(typed, m);
	}
	int rc = IM_EXPORT_FAILED;
	if (json_array_size(maps) == 0) {
		*err = im_xasprintf("the set %s has no typed mappings to export (%zu related-to mappings; OSCAL "
				    "has no word for an untyped link)", set_id, untyped);
		rc = IM_EXPORT_NOTHING;
		goto done;
	}
	if (im_q_document(db, source, &sdoc, err) != IM_Q_OK || im_q_document(db, target, &tdoc, err) != IM_Q_OK)
		goto done;
	char *digest = im_store_meta(db, "dataset_digest");
	char uuid[37], muuid[37], suuid[37], tuuid[37];
	char *name = im_xasprintf("mapping-collection:%s:%s", set_id, digest ? digest : "");
	im_oscal_uuid(name, uuid);
	free(name);
	name = im_xasprintf("mapping:%s", set_id);
	im_oscal_uuid(name, muuid);
	free(name);
	char *remarks = untyped ? im_xasprintf("%zu related-to mappings of this set were left out: they record "
					       "correspondences their publisher stated without a relationship "
					       "type, and OSCAL has no word for an untyped link (see iotmap's "
					       "native export for them).", untyped)
				: im_xstrdup("Every mapping of this set is included.");
	char *title = im_xasprintf("iotmap mappings from %s to %s", jstr(sdoc, "title"), jstr(tdoc, "title"));
	json_t *meta = metadata(db, title, digest ? digest : "unknown", remarks);
	free(title);
	free(remarks);
	free(digest);
	json_t *provenance = json_pack("{s:s, s:s, s:s, s:s}", "method", jstr(set, "method"), "matching-rationale",
				       dominant(typed, "matching_rationale"), "status", "complete",
				       "mapping-description", jstr(set, "description"));
	json_t *pprops = json_array();
	add_prop(pprops, "author", jstr(set, "author"), true);
	add_prop(pprops, "date", jstr(set, "date"), true);
	add_prop(pprops, "published-by", jstr(set, "published_title"), true);
	add_prop(pprops, "published-by-url", jstr(set, "published_url"), true);
	json_object_set_new(provenance, "props", pprops);
	json_t *sres = document_resource(sdoc, suuid), *tres = document_resource(tdoc, tuuid);
	char *shref = im_xasprintf("#%s", suuid), *thref = im_xasprintf("#%s", tuuid);
	json_t *mapping = json_pack("{s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:s, s:o}", "uuid", muuid, "source-resource",
				    "type", "catalog", "href", shref, "target-resource", "type", "catalog", "href",
				    thref, "method", jstr(set, "method"), "maps", maps);
	maps = NULL;
	free(shref);
	free(thref);
	json_t *root = json_pack("{s:{s:s, s:o, s:o, s:[o], s:{s:[o,o]}}}", "mapping-collection", "uuid", uuid,
				 "metadata", meta, "provenance", provenance, "mappings", mapping, "back-matter",
				 "resources", sres, tres);
	rc = write_json(root, out, err);
	json_decref(root);
done:
	json_decref(maps);
	json_decref(typed);
	json_decref(rows);
	json_decref(set);
	json_decref(sdoc);
	json_decref(tdoc);
	return rc;
}
