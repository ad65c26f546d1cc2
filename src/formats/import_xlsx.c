/* import_xlsx.c: a workbook written by `iotmap export --format xlsx`, edited in a spreadsheet and brought
 * back. The file is a zip of XML parts: libzip opens it and libxml2 reads the parts (the workbook's sheet
 * list and relationships, the shared strings, each sheet's cells). The Documents and Mapping sets sheets
 * give the metadata, one sheet per document its items, the Mappings sheet the mappings. Errors name the
 * sheet and the row as the spreadsheet numbers it. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "iotmap/import.h"
#include "iotmap/util.h"

typedef struct sheet {
	char *name;
	char ***rows; /* rows[r][c], NULL cells for empty ones */
	size_t nrows, caprows;
	size_t *ncols;
} sheet;

typedef struct book {
	zip_t *zip;
	char **strings;
	size_t nstrings, capstrings;
	sheet *sheets;
	size_t nsheets, capsheets;
} book;

static xmlDocPtr read_part(zip_t *z, const char *name)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) != 0 || st.size > (1u << 30))
		return NULL;
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return NULL;
	char *buf = im_xmalloc(st.size + 1);
	zip_int64_t n = zip_fread(f, buf, st.size);
	zip_fclose(f);
	xmlDocPtr doc = n == (zip_int64_t)st.size
				? xmlReadMemory(buf, (int)st.size, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
										   XML_PARSE_NOWARNING | XML_PARSE_HUGE)
				: NULL;
	free(buf);
	return doc;
}

static bool is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first child element of the document's root with this name, or NULL. */
static xmlNodePtr root_child(xmlDocPtr doc, const char *name)
{
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		if (is(n, name))
			return n;
	return NULL;
}

/* All <t> text under n, concatenated (rich text has several runs). */
static void text_of(xmlNodePtr n, im_strbuf *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);
			im_sb_add(b, (const char *)t);
			xmlFree(t);
		} else if (c->type == XML_ELEMENT_NODE && !is(c, "rPh")) {
			text_of(c, b);
		}
	}
}

static void read_strings(book *bk)
{
	xmlDocPtr doc = read_part(bk->zip, "xl/sharedStrings.xml");
	if (!doc)
		return;
	for (xmlNodePtr si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
		if (!is(si, "si"))
			continue;
		im_strbuf b = {0};
		text_of(si, &b);
		*IM_PUSH(bk->strings, bk->nstrings, bk->capstrings) = im_sb_take(&b);
	}
	xmlFreeDoc(doc);
}

/* Column index from a cell reference such as "AB12". */
static size_t column_of(const char *ref)
{
	size_t c = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++)
		c = c * 26 + (size_t)(*ref - 'A' + 1);
	return c ? c - 1 : 0;
}

static void read_sheet(book *bk, sheet *sh, const char *part)
{
	xmlDocPtr doc = read_part(bk->zip, part);
	if (!doc)
		return;
	xmlNodePtr data = root_child(doc, "sheetData");
	for (xmlNodePtr row = data ? data->children : NULL; row; row = row->next) {
		if (!is(row, "row"))
			continue;
		xmlChar *rattr = xmlGetProp(row, (const xmlChar *)"r");
		size_t r = rattr ? (size_t)strtoul((const char *)rattr, NULL, 10) : sh->nrows + 1;
		xmlFree(rattr);
		if (r == 0 || r > 10000000)
			continue;
		while (sh->nrows < r) {
			*IM_PUSH(sh->rows, sh->nrows, sh->caprows) = NULL;
			sh->ncols = im_xrealloc(sh->ncols, sh->caprows * sizeof *sh->ncols);
			sh->ncols[sh->nrows - 1] = 0;
		}
		for (xmlNodePtr c = row->children; c; c = c->next) {
			if (!is(c, "c"))
				continue;
			xmlChar *ref = xmlGetProp(c, (const xmlChar *)"r"), *type = xmlGetProp(c, (const xmlChar *)"t");
			size_t col = ref ? column_of((const char *)ref) : sh->ncols[r - 1];
			im_strbuf b = {0};
			for (xmlNodePtr v = c->children; v; v = v->next) {
				if (is(v, "v")) {
					xmlChar *t = xmlNodeGetContent(v);
					if (type && strcmp((const char *)type, "s") == 0) {
						size_t i = strtoul((const char *)t, NULL, 10);
						if (i < bk->nstrings)
							im_sb_add(&b, bk->strings[i]);
					} else {
						im_sb_add(&b, (const char *)t);
					}
					xmlFree(t);
				} else if (is(v, "is")) {
					text_of(v, &b);
				}
			}
			xmlFree(ref);
			xmlFree(type);
			if (col > 1000) {
				im_sb_free(&b);
				continue;
			}
			char ***cells = &sh->rows[r - 1];
			if (col >= sh->ncols[r - 1]) {
				*cells = im_xrealloc(*cells, (col + 1) * sizeof **cells);
				for (size_t k = sh->ncols[r - 1]; k <= col; k++)
					(*cells)[k] = NULL;
				sh->ncols[r - 1] = col + 1;
			}
			free((*cells)[col]);
			(*cells)[col] = b.len ? im_sb_take(&b) : NULL;
			im_sb_free(&b);
		}
	}
	xmlFreeDoc(doc);
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v) /* namespaced attributes such as r:id */
		for (xmlAttrPtr a = n->properties; a; a = a->next)
			if (strcmp((const char *)a->name, strchr(name, ':') ? strchr(name, ':') + 1 : name) == 0)
				v = xmlNodeGetContent(a->children);
	char *s = v ? im_xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static int read_book(book *bk, const char *path, char **err)
{
	int zerr = 0;
	bk->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!bk->zip) {
		*err = im_xasprintf("not a readable workbook (zip error %d)", zerr);
		return -1;
	}
	xmlDocPtr wb = read_part(bk->zip, "xl/workbook.xml"), rels = read_part(bk->zip, "xl/_rels/workbook.xml.rels");
	if (!wb || !rels) {
		xmlFreeDoc(wb);
		xmlFreeDoc(rels);
		*err = im_xstrdup("not an xlsx workbook (no xl/workbook.xml)");
		return -1;
	}
	read_strings(bk);
	xmlNodePtr sheets = root_child(wb, "sheets");
	for (xmlNodePtr s = sheets ? sheets->children : NULL; s; s = s->next) {
		if (!is(s, "sheet"))
			continue;
		char *name = attr(s, "name"), *rid = attr(s, "r:id"), *target = NULL;
		for (xmlNodePtr r = xmlDocGetRootElement(rels)->children; r && rid && !target; r = r->next) {
			char *id = is(r, "Relationship") ? attr(r, "Id") : NULL;
			if (id && strcmp(id, rid) == 0)
				target = attr(r, "Target");
			free(id);
		}
		if (name && target) {
			sheet *sh = IM_PUSH(bk->sheets, bk->nsheets, bk->capsheets);
			sh->name = name;
			name = NULL;
			char *part = target[0] == '/' ? im_xstrdup(target + 1) : im_xasprintf("xl/%s", target);
			read_sheet(bk, sh, part);
			free(part);
		}
		free(name);
		free(rid);
		free(target);
	}
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);
	return 0;
}

static void free_book(book *bk)
{
	for (size_t i = 0; i < bk->nstrings; i++)
		free(bk->strings[i]);
	free(bk->strings);
	for (size_t i = 0; i < bk->nsheets; i++) {
		sheet *sh = &bk->sheets[i];
		for (size_t r = 0; r < sh->nrows; r++) {
			for (size_t c = 0; c < sh->ncols[r]; c++)
				free(sh->rows[r][c]);
			free(sh->rows[r]);
		}
		free(sh->rows);
		free(sh->ncols);
		free(sh->name);
	}
	free(bk->sheets);
	if (bk->zip)
		zip_discard(bk->zip);
}

static const sheet *find_sheet(const book *bk, const char *name)
{
	for (size_t i = 0; i < bk->nsheets; i++)
		if (strcmp(bk->sheets[i].name, name) == 0)
			return &bk->sheets[i];
	return NULL;
}

/* Cell (row r, column named header) as a copy, or NULL when empty or the column is missing. */
static char *cell(const sheet *sh, size_t r, const char *header)
{
	if (!sh->nrows || r >= sh->nrows)
		return NULL;
	for (size_t c = 0; c < sh->ncols[0]; c++)
		if (sh->rows[0][c] && strcmp(sh->rows[0][c], header) == 0)
			return c < sh->ncols[r] && sh->rows[r][c] ? im_xstrdup(sh->rows[r][c]) : NULL;
	return NULL;
}

static char *where(const char *path, const sheet *sh, size_t r)
{
	return im_xasprintf("%s[%s]:%zu", path, sh->name, r + 1);
}

/* The sheet name the exporter gave document number index (export_xlsx.c: sheet_name). */
static char *sheet_for(const char *id, size_t index)
{
	return strlen(id) <= 31 ? im_xstrdup(id) : im_xasprintf("%.24s~%d", id, (int)index);
}

static void read_items(const char *path, const sheet *sh, im_document *doc)
{
	for (size_t r = 1; r < sh->nrows; r++) {
		char *id = cell(sh, r, "Item");
		if (!id)
			continue;
		im_item *it = IM_PUSH(doc->items, doc->n_items, doc->cap_items);
		it->origin = where(path, sh, r);
		it->id = id;
		it->parent = cell(sh, r, "Parent");
		it->kind = cell(sh, r, "Kind");
		it->title = cell(sh, r, "Title");
		it->summary = cell(sh, r, "Summary");
		it->status = cell(sh, r, "Status");
		char *cond = cell(sh, r, "Conditional");
		if (cond && strcmp(cond, "yes") == 0)
			it->conditional = im_xstrdup("true");
		free(cond);
		it->condition = cell(sh, r, "Condition");
		it->section = cell(sh, r, "Section");
		it->notes = cell(sh, r, "Notes");
		char *who = cell(sh, r, "Responsible");
		size_t cap = 0;
		for (char *p = who, *next; p && *p; p = next) {
			next = strstr(p, ", ");
			size_t len = next ? (size_t)(next - p) : strlen(p);
			*IM_PUSH(it->stakeholders, it->n_stakeholders, cap) = im_xstrndup(p, len);
			if (next)
				next += 2;
		}
		free(who);
	}
}

size_t im_import_xlsx(const char *path, im_dataset *ds, im_diags *d)
{
	size_t before = d->errors;
	book bk = {0};
	char *err = NULL;
	if (read_book(&bk, path, &err) != 0) {
		im_error(d, path, 0, "%s", err);
		free(err);
		free_book(&bk);
		return d->errors - before;
	}
	const sheet *docs = find_sheet(&bk, "Documents"), *sets = find_sheet(&bk, "Mapping sets"),
		    *maps = find_sheet(&bk, "Mappings");
	if (!docs || !sets || !maps) {
		im_error(d, path, 0, "the workbook lacks the %s sheet that iotmap's export writes",
			 !docs ? "Documents" : !sets ? "Mapping sets" : "Mappings");
		free_book(&bk);
		return d->errors - before;
	}
	static const char *const DOC_FIELDS[] = {"id", "title", "short_title", "publisher", "version", "published",
						 "url", "kind", "jurisdiction", "status", "superseded_by", "licence",
						 "description", "gaps"};
	for (size_t r = 1; r < docs->nrows; r++) {
		char *id = cell(docs, r, "id");
		if (!id)
			continue;
		im_document *doc = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
		doc->imported = true;
		doc->file = where(path, docs, r);
		char **f[] = {&doc->id,	       &doc->title,	   &doc->short_title, &doc->publisher, &doc->version,
			      &doc->published, &doc->url,	   &doc->kind,	      &doc->jurisdiction,
			      &doc->status,    &doc->superseded_by, &doc->licence,    &doc->description,
			      &doc->gaps};
		for (size_t k = 0; k < 14; k++)
			*f[k] = k == 0 ? id : cell(docs, r, DOC_FIELDS[k]);
		const char *need[] = {"title", "publisher", "version", "kind", "jurisdiction", "status", "licence",
				      "description"};
		char **have[] = {&doc->title, &doc->publisher, &doc->version, &doc->kind, &doc->jurisdiction,
				 &doc->status, &doc->licence, &doc->description};
		for (size_t k = 0; k < 8; k++)
			if (!*have[k])
				im_error(d, doc->file, 0, "the row has no %s", need[k]);
		char *name = sheet_for(doc->id, r - 1);
		const sheet *items = find_sheet(&bk, name);
		if (items)
			read_items(path, items, doc);
		else
			im_error(d, doc->file, 0, "no sheet '%s' with the items of %s", name, doc->id);
		free(name);
	}
	for (size_t r = 1; r < sets->nrows; r++) {
		char *src = cell(sets, r, "source"), *tgt = cell(sets, r, "target");
		if (!src || !tgt) {
			free(src);
			free(tgt);
			continue;
		}
		im_mapping_set *s = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
		s->imported = true;
		s->file = where(path, sets, r);
		s->source = src;
		s->target = tgt;
		s->id = im_xasprintf("%s--%s", src, tgt);
		s->description = cell(sets, r, "description");
		s->method = cell(sets, r, "method");
		s->author = cell(sets, r, "author");
		s->date = cell(sets, r, "date");
		char *title = cell(sets, r, "published_by_title");
		if (title) {
			im_published_by *p = s->published_by = im_xcalloc(1, sizeof *p);
			p->title = title;
			p->publisher = cell(sets, r, "published_by_publisher");
			p->url = cell(sets, r, "published_by_url");
			p->section = cell(sets, r, "published_by_section");
			p->notes = cell(sets, r, "published_by_notes");
		}
		if (!s->description || !s->method || !s->author || !s->date)
			im_error(d, s->file, 0, "the row lacks description, method, author or date");
	}
	for (size_t r = 1; r < maps->nrows; r++) {
		char *set_id = cell(maps, r, "Mapping set");
		if (!set_id)
			continue;
		im_mapping_set *s = NULL;
		for (size_t i = 0; i < ds->n_sets; i++)
			if (strcmp(ds->sets[i].id, set_id) == 0)
				s = &ds->sets[i];
		char *w = where(path, maps, r);
		if (!s) {
			im_error(d, w, 0, "mapping set '%s' is not on the Mapping sets sheet", set_id);
			free(w);
			free(set_id);
			continue;
		}
		free(set_id);
		im_mapping *m = IM_PUSH(s->mappings, s->n_mappings, s->cap_mappings);
		m->origin = w;
		m->source = cell(maps, r, "Source item");
		m->target = cell(maps, r, "Target item");
		m->relationship = cell(maps, r, "Relationship");
		m->matching_rationale = cell(maps, r, "Matching");
		m->confidence = cell(maps, r, "Confidence");
		m->rationale = cell(maps, r, "Rationale");
		m->notes = cell(maps, r, "Notes");
		if (!m->source || !m->target || !m->relationship || !m->matching_rationale || !m->confidence ||
		    !m->rationale)
			im_error(d, m->origin, 0, "the row lacks one of: source item, target item, relationship, "
						  "matching, confidence, rationale");
	}
	free_book(&bk);
	return d->errors - before;
}
