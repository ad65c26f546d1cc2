/* import_util.c: JSON reading with pointed errors (see import_util.h). */
#include "import_util.h"

#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

json_t *im_json_load(const char *path, im_diags *d)
{
	json_error_t e;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!root)
		im_error(d, path, e.line > 0 ? e.line : 0, "JSON: %s (column %d)", e.text, e.column);
	return root;
}

char *im_json_where(const jreader *r, const char *pointer, const char *key)
{
	return key ? im_xasprintf("%s#%s/%s", r->path, pointer, key) : im_xasprintf("%s#%s", r->path, pointer);
}

static const char *kind_of(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

char *im_json_text(const jreader *r, json_t *obj, const char *pointer, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v)) {
		if (required) {
			char *w = im_json_where(r, pointer, NULL);
			im_error(r->d, w, 0, "lacks required field '%s'", key);
			free(w);
		}
		return NULL;
	}
	if (!json_is_string(v)) {
		char *w = im_json_where(r, pointer, key);
		im_error(r->d, w, 0, "must be a string, found %s", kind_of(v));
		free(w);
		return NULL;
	}
	const char *s = json_string_value(v);
	if (!*s) {
		if (required) {
			char *w = im_json_where(r, pointer, key);
			im_error(r->d, w, 0, "is empty (expected text)");
			free(w);
		}
		return NULL;
	}
	return im_xstrdup(s);
}

json_t *im_json_array(const jreader *r, json_t *obj, const char *pointer, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	if (!v) {
		if (required) {
			char *w = im_json_where(r, pointer, NULL);
			im_error(r->d, w, 0, "lacks required field '%s'", key);
			free(w);
		}
		return NULL;
	}
	if (!json_is_array(v)) {
		char *w = im_json_where(r, pointer, key);
		im_error(r->d, w, 0, "must be an array, found %s", kind_of(v));
		free(w);
		return NULL;
	}
	return v;
}
