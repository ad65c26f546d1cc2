/* dataset_read.c: turning the YAML files under data/ into the in-memory model.
 *
 * libfyaml parses; this file only walks the node tree with tables that say which keys each kind of
 * object has, where each value goes, and which keys are required. Checking shape here (and meaning in
 * dataset_validate.c) keeps every message tied to the line of the key the user has to edit. Values are
 * taken as the text written, so "5.1" and "true" are never reinterpreted as numbers or booleans. */
#include <dirent.h>
#include <errno.h>
#include <libfyaml.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/dataset.h"
#include "iotmap/util.h"

typedef enum { F_TEXT, F_TEXT_LIST, F_PUBLISHED_BY, F_ITEMS, F_MAPPINGS } field_type;

typedef struct field {
	const char *key;
	size_t offset;
	field_type type;
	bool required;
} field;

#define TEXT(k, s, m, r) {k, offsetof(s, m), F_TEXT, r}

static const field document_fields[] = {
	TEXT("id", im_document, id, true),
	TEXT("title", im_document, title, true),
	TEXT("short-title", im_document, short_title, false),
	TEXT("publisher", im_document, publisher, true),
	TEXT("version", im_document, version, true),
	TEXT("published", im_document, published, true),
	TEXT("url", im_document, url, true),
	TEXT("kind", im_document, kind, true),
	TEXT("jurisdiction", im_document, jurisdiction, true),
	TEXT("status", im_document, status, true),
	TEXT("superseded-by", im_document, superseded_by, false),
	TEXT("licence", im_document, licence, true),
	TEXT("description", im_document, description, true),
	TEXT("gaps", im_document, gaps, false),
	{"items", 0, F_ITEMS, true},
	{NULL, 0, F_TEXT, false},
};

static const field item_fields[] = {
	TEXT("id", im_item, id, true),
	TEXT("parent", im_item, parent, false),
	TEXT("kind", im_item, kind, true),
	TEXT("title", im_item, title, false),
	TEXT("summary", im_item, summary, true),
	TEXT("status", im_item, status, false),
	TEXT("conditional", im_item, conditional, false),
	TEXT("condition", im_item, condition, false),
	TEXT("section", im_item, section, true),
	{"stakeholders", offsetof(im_item, stakeholders), F_TEXT_LIST, false},
	TEXT("notes", im_item, notes, false),
	{NULL, 0, F_TEXT, false},
};

static const field set_fields[] = {
	TEXT("source", im_mapping_set, source, true),
	TEXT("target", im_mapping_set, target, true),
	TEXT("description", im_mapping_set, description, true),
	TEXT("method", im_mapping_set, method, true),
	TEXT("author", im_mapping_set, author, true),
	TEXT("date", im_mapping_set, date, true),
	{"published-by", 0, F_PUBLISHED_BY, false},
	{"mappings", 0, F_MAPPINGS, true},
	{NULL, 0, F_TEXT, false},
};

static const field published_by_fields[] = {
	TEXT("title", im_published_by, title, true),
	TEXT("publisher", im_published_by, publisher, true),
	TEXT("url", im_published_by, url, true),
	TEXT("section", im_published_by, section, false),
	TEXT("notes", im_published_by, notes, false),
	{NULL, 0, F_TEXT, false},
};

static const field mapping_fields[] = {
	TEXT("source", im_mapping, source, true),
	TEXT("target", im_mapping, target, true),
	TEXT("relationship", im_mapping, relationship, true),
	TEXT("matching-rationale", im_mapping, matching_rationale, true),
	TEXT("confidence", im_mapping, confidence, true),
	TEXT("rationale", im_mapping, rationale, true),
	TEXT("notes", im_mapping, notes, false),
	{NULL, 0, F_TEXT, false},
};

int im_key_line(im_object_kind kind, const im_key_lines lines, int fallback, const char *key)
{
	static const field *const tables[] = {document_fields, item_fields, set_fields,
					      published_by_fields, mapping_fields};
	for (const field *f = tables[kind]; f->key; f++)
		if (strcmp(f->key, key) == 0)
			return lines[f - tables[kind]] ? lines[f - tables[kind]] : fallback;
	return fallback;
}

typedef struct reader {
	const char *path;
	im_diags *diags;
	im_dataset *ds;
	char *text; /* the file's bytes, which the parsed document points into */
} reader;

/* 1-based line where a node starts: its own token for scalars, its first key or element otherwise. */
static int node_line(struct fy_node *n)
{
	if (!n)
		return 0;
	if (fy_node_is_scalar(n)) {
		struct fy_token *t = fy_node_get_scalar_token(n);
		const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
		return m ? m->line + 1 : 0;
	}
	void *iter = NULL;
	if (fy_node_is_mapping(n)) {
		struct fy_node_pair *p = fy_node_mapping_iterate(n, &iter);
		return p ? node_line(fy_node_pair_key(p)) : 0;
	}
	struct fy_node *first = fy_node_sequence_iterate(n, &iter);
	return node_line(first);
}

static const char *node_kind(struct fy_node *n)
{
	if (!n)
		return "nothing";
	if (fy_node_is_mapping(n))
		return "a mapping";
	if (fy_node_is_sequence(n))
		return "a list";
	return "a scalar";
}

/* The text of a scalar node, or NULL (with a diagnostic) when the node is something else or empty. */
static char *scalar_text(reader *r, struct fy_node *v, const char *key, int line)
{
	if (!v || fy_node_is_null(v)) {
		im_error(r->diags, r->path, line, "'%s' has no value (expected text)", key);
		return NULL;
	}
	if (!fy_node_is_scalar(v) || fy_node_is_alias(v)) {
		im_error(r->diags, r->path, node_line(v) ? node_line(v) : line,
			 "'%s' must be text, found %s", key, fy_node_is_alias(v) ? "an alias" : node_kind(v));
		return NULL;
	}
	size_t len;
	const char *s = fy_node_get_scalar(v, &len);
	if (memchr(s, '\0', len)) {
		im_error(r->diags, r->path, node_line(v), "'%s' contains a NUL character", key);
		return NULL;
	}
	char *text = im_xstrndup(s, len);
	/* A folded block ends with a newline unless it uses the strip indicator; trailing space is noise. */
	size_t n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	if (n == 0) {
		im_error(r->diags, r->path, node_line(v), "'%s' is empty (expected text)", key);
		free(text);
		return NULL;
	}
	return text;
}

static void read_text_list(reader *r, struct fy_node *v, const char *key, int line, char ***out,
			   size_t *count)
{
	if (!v || !fy_node_is_sequence(v)) {
		im_error(r->diags, r->path, line, "'%s' must be a list of text, found %s", key,
			 node_kind(v));
		return;
	}
	size_t cap = 0;
	void *iter = NULL;
	struct fy_node *e;
	while ((e = fy_node_sequence_iterate(v, &iter))) {
		char *s = scalar_text(r, e, key, node_line(e));
		if (s)
			*IM_PUSH(*out, *count, cap) = s;
	}
}

static void read_items(reader *r, struct fy_node *v, int line, im_document *doc);
static void read_mappings(reader *r, struct fy_node *v, int line, im_mapping_set *set);
static void read_published_by(reader *r, struct fy_node *v, int line, im_mapping_set *set);

static const char *expected_keys(const field *fields, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const field *f = fields; f->key && used < size; f++) {
		int w = snprintf(buf + used, size - used, "%s%s", f == fields ? "" : ", ", f->key);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* Fill obj from mapping node n by the field table; `what` names the object in messages. */
static void read_object(reader *r, struct fy_node *n, const field *fields, void *obj, const char *what,
			void *owner, int *key_lines)
{
	bool seen[IM_MAX_KEYS] = {false};
	void *iter = NULL;
	struct fy_node_pair *p;
	while ((p = fy_node_mapping_iterate(n, &iter))) {
		struct fy_node *k = fy_node_pair_key(p), *v = fy_node_pair_value(p);
		int line = node_line(k);
		const char *key = k && fy_node_is_scalar(k) ? fy_node_get_scalar0(k) : NULL;
		if (!key) {
			im_error(r->diags, r->path, line, "%s has a key that is not text", what);
			continue;
		}
		const field *f = fields;
		while (f->key && strcmp(f->key, key) != 0)
			f++;
		if (!f->key) {
			char buf[512];
			im_error(r->diags, r->path, line, "unknown key '%s' in %s (expected one of: %s)", key,
				 what, expected_keys(fields, buf, sizeof buf));
			continue;
		}
		seen[f - fields] = true;
		key_lines[f - fields] = line;
		switch (f->type) {
		case F_TEXT:
			*(char **)((char *)obj + f->offset) = scalar_text(r, v, key, line);
			break;
		case F_TEXT_LIST: {
			im_item *it = obj;
			read_text_list(r, v, key, line, &it->stakeholders, &it->n_stakeholders);
			break;
		}
		case F_PUBLISHED_BY:
			read_published_by(r, v, line, owner);
			break;
		case F_ITEMS:
			read_items(r, v, line, owner);
			break;
		case F_MAPPINGS:
			read_mappings(r, v, line, owner);
			break;
		}
	}
	for (const field *f = fields; f->key; f++)
		if (f->required && !seen[f - fields])
			im_error(r->diags, r->path, node_line(n), "%s lacks required key '%s'", what, f->key);
}

/* A new element of a list key (an item of a document, a mapping of a set), with where its key lines go. */
typedef void *(*push_fn)(void *owner, int line, int **key_lines);

static void *push_item(void *owner, int line, int **key_lines)
{
	im_document *doc = owner;
	im_item *it = IM_PUSH(doc->items, doc->n_items, doc->cap_items);
	it->line = line;
	*key_lines = it->key_lines;
	return it;
}

static void *push_mapping(void *owner, int line, int **key_lines)
{
	im_mapping_set *set = owner;
	im_mapping *m = IM_PUSH(set->mappings, set->n_mappings, set->cap_mappings);
	m->line = line;
	*key_lines = m->key_lines;
	return m;
}

/* Read a list of objects (key 'items' or 'mappings'), each by the field table. */
static void read_list(reader *r, struct fy_node *v, int line, const char *key, const char *what,
		      const field *fields, void *owner, push_fn push)
{
	if (!v || !fy_node_is_sequence(v)) {
		im_error(r->diags, r->path, line, "'%s' must be a list of %ss, found %s", key, what, node_kind(v));
		return;
	}
	void *iter = NULL;
	struct fy_node *e;
	while ((e = fy_node_sequence_iterate(v, &iter))) {
		if (!fy_node_is_mapping(e)) {
			im_error(r->diags, r->path, node_line(e) ? node_line(e) : line,
				 "%s %s must be a mapping of keys, found %s", what[0] == 'i' ? "an" : "a", what,
				 node_kind(e));
			continue;
		}
		int *key_lines;
		void *obj = push(owner, node_line(e), &key_lines);
		read_object(r, e, fields, obj, what, owner, key_lines);
	}
}

static void read_items(reader *r, struct fy_node *v, int line, im_document *doc)
{
	read_list(r, v, line, "items", "item", item_fields, doc, push_item);
}

static void read_mappings(reader *r, struct fy_node *v, int line, im_mapping_set *set)
{
	read_list(r, v, line, "mappings", "mapping", mapping_fields, set, push_mapping);
}

static void read_published_by(reader *r, struct fy_node *v, int line, im_mapping_set *set)
{
	if (!v || !fy_node_is_mapping(v)) {
		im_error(r->diags, r->path, line, "'published-by' must be a mapping, found %s",
			 node_kind(v));
		return;
	}
	if (set->published_by)
		return;
	set->published_by = im_xcalloc(1, sizeof *set->published_by);
	set->published_by->line = line;
	read_object(r, v, published_by_fields, set->published_by, "published-by", set,
		    set->published_by->key_lines);
}

/* The first error libfyaml reports. Its collected-error list leaks in the Debian 12 version (0.7.12),
 * so the error is taken from the formatted message instead: "<stream>:LINE:COLUMN: error: TEXT". */
typedef struct first_error {
	bool have;
	int line;
	char text[256];
} first_error;

static void capture_error(struct fy_diag *d, void *user, const char *buf, size_t len)
{
	(void)d;
	first_error *e = user;
	char copy[512];
	if (e->have || len >= sizeof copy)
		return;
	memcpy(copy, buf, len);
	copy[len] = '\0';
	int line, column;
	if (sscanf(copy, "%*[^:]:%d:%d: error: %255[^\n]", &line, &column, e->text) == 3) {
		e->line = line;
		e->have = true;
	}
}

/* Where text stops being valid UTF-8: the offset of the first bad byte, or len when it is all valid.
 * NUL bytes count as bad too: dataset files are text. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (c == 0 || n == 0 || (n == 2 && c < 0xC2) || i + n > len)
			return i;
		for (size_t k = 1; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
		for (size_t k = 1; k < n; k++)
			cp = (cp << 6) | (s[i + k] & 0x3Fu);
		if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += n;
	}
	return len;
}

/* Parse a file into a libfyaml document, turning a syntax error into a diagnostic. The file is read and
 * checked to be UTF-8 first: besides being the documented encoding, this keeps malformed bytes away from
 * libfyaml 0.7 (Debian 12), whose scanner can loop forever on them (found by fuzz/fuzz_inputs.c). */
static struct fy_document *parse_file(reader *r)
{
	FILE *fp = fopen(r->path, "rb");
	if (!fp) {
		im_error(r->diags, r->path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	im_strbuf text = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		im_sb_addn(&text, chunk, n);
	bool read_failed = ferror(fp);
	fclose(fp);
	if (read_failed) {
		im_error(r->diags, r->path, 0, "cannot read: %s", strerror(errno));
		im_sb_free(&text);
		return NULL;
	}
	size_t bad = utf8_invalid_at((const unsigned char *)text.s, text.len);
	if (bad < text.len) {
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += text.s[i] == '\n';
		im_error(r->diags, r->path, line, "the file is not valid UTF-8 text (byte 0x%02x)",
			 (unsigned char)text.s[bad]);
		im_sb_free(&text);
		return NULL;
	}
	size_t len = text.len;
	char *buf = r->text = im_sb_take(&text); /* must outlive the document; freed by the caller */
	first_error err = {0};
	struct fy_diag_cfg dcfg;
	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = capture_error;
	dcfg.user = &err;
	dcfg.colorize = false;
	dcfg.show_source = false;
	dcfg.show_position = true;
	dcfg.show_type = true;
	dcfg.show_module = false;
	struct fy_diag *diag = fy_diag_create(&dcfg);
	if (!diag) {
		im_error(r->diags, r->path, 0, "cannot start the YAML parser");
		return NULL;
	}
	struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET, .diag = diag};
	struct fy_document *fyd = fy_document_build_from_string(&cfg, buf, len);
	if (!fyd || fy_diag_got_error(diag)) {
		if (err.have)
			im_error(r->diags, r->path, err.line, "YAML syntax: %s", err.text);
		else
			im_error(r->diags, r->path, 0, "YAML syntax error");
		fy_document_destroy(fyd);
		fyd = NULL;
	}
	fy_diag_unref(diag); /* the document keeps its own reference while it lives */
	return fyd;
}

static struct fy_node *parse_root(reader *r, struct fy_document **fyd)
{
	*fyd = parse_file(r);
	if (!*fyd)
		return NULL;
	struct fy_node *root = fy_document_root(*fyd);
	if (!root || !fy_node_is_mapping(root)) {
		im_error(r->diags, r->path, node_line(root),
			 "the file must be a mapping of keys at the top level, found %s", node_kind(root));
		return NULL;
	}
	return root;
}

void im_dataset_load_document_file(const char *path, im_dataset *ds, im_diags *diags)
{
	reader r = {path, diags, ds, NULL};
	struct fy_document *fyd;
	struct fy_node *root = parse_root(&r, &fyd);
	if (root) {
		im_document *doc = IM_PUSH(ds->docs, ds->n_docs, ds->cap_docs);
		doc->file = im_xstrdup(path);
		doc->line = node_line(root);
		read_object(&r, root, document_fields, doc, "document", doc, doc->key_lines);
	}
	fy_document_destroy(fyd);
	free(r.text);
}

void im_dataset_load_mapping_file(const char *path, im_dataset *ds, im_diags *diags)
{
	reader r = {path, diags, ds, NULL};
	struct fy_document *fyd;
	struct fy_node *root = parse_root(&r, &fyd);
	if (root) {
		im_mapping_set *set = IM_PUSH(ds->sets, ds->n_sets, ds->cap_sets);
		set->file = im_xstrdup(path);
		set->line = node_line(root);
		read_object(&r, root, set_fields, set, "mapping set", set, set->key_lines);
		if (set->source && set->target)
			set->id = im_xasprintf("%s--%s", set->source, set->target);
	}
	fy_document_destroy(fyd);
	free(r.text);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static bool is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static void load_folder(const char *dir, const char *sub, im_dataset *ds, im_diags *diags,
			void (*load)(const char *, im_dataset *, im_diags *))
{
	char *path = im_xasprintf("%s/%s", dir, sub);
	struct dirent **names = NULL;
	int n = scandir(path, &names, visible, alphasort);
	if (n < 0) {
		im_error(diags, path, 0, "cannot read the folder: %s (a dataset has documents/ and mappings/)",
			 strerror(errno));
		free(path);
		return;
	}
	for (int i = 0; i < n; i++) {
		char *file = im_xasprintf("%s/%s", path, names[i]->d_name);
		if (!is_yaml_name(names[i]->d_name)) {
			/* A .yml or misnamed file would otherwise vanish from the dataset without a word. */
			im_warning(diags, file, 0, "ignored: dataset files must end in .yaml");
		} else {
			load(file, ds, diags);
		}
		free(file);
		free(names[i]);
	}
	free(names);
	free(path);
}

size_t im_dataset_load(const char *dir_arg, im_dataset *ds, im_diags *diags)
{
	size_t before = diags->errors;
	/* "data/" and "data" name the same folder; keep file names in messages clean. */
	char *dir = im_xstrdup(dir_arg);
	for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
		dir[n - 1] = '\0';
	load_folder(dir, "documents", ds, diags, im_dataset_load_document_file);
	load_folder(dir, "mappings", ds, diags, im_dataset_load_mapping_file);
	free(ds->digest);
	ds->digest = im_dataset_digest(ds);
	free(dir);
	return diags->errors - before;
}
