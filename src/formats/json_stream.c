/* json_stream.c: see json_stream.h. */
#include "json_stream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

typedef struct jstream {
	FILE *f;
	const char *path;
	im_diags *d;
	unsigned char buf[65536];
	size_t len, pos;
	int line;
	bool failed;
} jstream;

static int peek(jstream *s)
{
	if (s->pos == s->len) {
		s->len = fread(s->buf, 1, sizeof s->buf, s->f);
		s->pos = 0;
		if (s->len == 0)
			return EOF;
	}
	return s->buf[s->pos];
}

static int next(jstream *s)
{
	int c = peek(s);
	if (c != EOF) {
		s->pos++;
		if (c == '\n')
			s->line++;
	}
	return c;
}

static int skip_ws(jstream *s)
{
	int c;
	while ((c = peek(s)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		next(s);
	return c;
}

static void fail(jstream *s, const char *fmt, const char *what)
{
	if (!s->failed)
		im_error(s->d, s->path, s->line, fmt, what);
	s->failed = true;
}

static const char *show(int c, char *buf)
{
	if (c == EOF)
		return "the end of the file";
	snprintf(buf, 8, "'%c'", c >= 32 && c < 127 ? c : '?');
	return buf;
}

/* Copy the next JSON value's text into out: a string, a bracketed value (brackets balanced outside
 * strings), or a bare word (number, true, false, null). */
static bool capture(jstream *s, im_strbuf *out)
{
	int c = skip_ws(s);
	char tmp[8];
	if (c == '"' || c == '{' || c == '[') {
		int depth = 0;
		bool in_string = false, escaped = false;
		do {
			c = next(s);
			if (c == EOF) {
				fail(s, "JSON: %s before the value was complete", "the end of the file");
				return false;
			}
			char ch = (char)c;
			im_sb_addn(out, &ch, 1);
			if (in_string) {
				if (escaped)
					escaped = false;
				else if (c == '\\')
					escaped = true;
				else if (c == '"')
					in_string = false;
			} else if (c == '"') {
				in_string = true;
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				depth--;
			}
		} while (in_string || depth > 0);
		return true;
	}
	if (c == EOF || strchr(",:}]", c)) {
		fail(s, "JSON: expected a value, found %s", show(c, tmp));
		return false;
	}
	while ((c = peek(s)) != EOF && !strchr(" \t\r\n,:}]", c)) {
		char ch = (char)next(s);
		im_sb_addn(out, &ch, 1);
	}
	return true;
}

/* Parse captured text with jansson, reporting errors at the file's line. */
static json_t *decode(jstream *s, const char *text, size_t len, int start_line)
{
	json_error_t e;
	json_t *v = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
	if (!v && !s->failed) {
		im_error(s->d, s->path, start_line + (e.line > 0 ? e.line - 1 : 0), "JSON: %s", e.text);
		s->failed = true;
	}
	return v;
}

static bool expect(jstream *s, int want, const char *what)
{
	int c = skip_ws(s);
	if (c != want) {
		char tmp[8], msg[80];
		snprintf(msg, sizeof msg, "JSON: expected %s, found %%s", what);
		fail(s, msg, show(c, tmp));
		return false;
	}
	next(s);
	return true;
}

static bool streamed_key(const char *key, const char *const *keys)
{
	for (; keys && *keys; keys++)
		if (strcmp(key, *keys) == 0)
			return true;
	return false;
}

/* The elements of an array, one at a time. */
static void stream_array(jstream *s, const char *key, json_member_fn fn, void *user)
{
	next(s); /* '[' */
	if (skip_ws(s) == ']') {
		next(s);
		return;
	}
	for (size_t index = 0; !s->failed; index++) {
		im_strbuf text = {0};
		skip_ws(s);
		int line = s->line;
		if (capture(s, &text)) {
			json_t *v = decode(s, text.s, text.len, line);
			if (v)
				fn(user, key, true, index, v);
			json_decref(v);
		}
		im_sb_free(&text);
		int c = skip_ws(s);
		if (c == ',') {
			next(s);
		} else if (c == ']') {
			next(s);
			return;
		} else {
			char tmp[8];
			fail(s, "JSON: expected ',' or ']' after an array element, found %s", show(c, tmp));
		}
	}
}

int im_json_stream(const char *path, const char *const *stream_keys, json_member_fn fn, void *user,
		   im_diags *d)
{
	jstream *s = im_xcalloc(1, sizeof *s);
	s->path = path;
	s->d = d;
	s->line = 1;
	s->f = fopen(path, "rb");
	if (!s->f) {
		im_error(d, path, 0, "cannot open: %s", strerror(errno));
		free(s);
		return -1;
	}
	if (peek(s) == 0xEF) { /* a UTF-8 byte-order mark */
		next(s);
		next(s);
		next(s);
	}
	if (expect(s, '{', "an object ('{') at the top level") && skip_ws(s) == '}')
		next(s);
	else
		while (!s->failed) {
			im_strbuf text = {0};
			int line = s->line;
			if (skip_ws(s) != '"') {
				char tmp[8];
				fail(s, "JSON: expected a member name, found %s", show(peek(s), tmp));
				break;
			}
			capture(s, &text);
			json_t *k = s->failed ? NULL : decode(s, text.s, text.len, line);
			im_sb_free(&text);
			if (!k)
				break;
			char *key = im_xstrdup(json_string_value(k));
			json_decref(k);
			if (expect(s, ':', "':' after a member name")) {
				if (streamed_key(key, stream_keys) && skip_ws(s) == '[') {
					fn(user, key, false, 0, NULL); /* the array starts */
					stream_array(s, key, fn, user);
				} else {
					line = s->line;
					if (capture(s, &text)) {
						json_t *v = decode(s, text.s, text.len, line);
						if (v)
							fn(user, key, false, 0, v);
						json_decref(v);
					}
					im_sb_free(&text);
				}
			}
			free(key);
			int c = skip_ws(s);
			if (c == ',') {
				next(s);
			} else if (c == '}') {
				next(s);
				break;
			} else if (!s->failed) {
				char tmp[8];
				fail(s, "JSON: expected ',' or '}' after a member, found %s", show(c, tmp));
			}
		}
	if (!s->failed && skip_ws(s) != EOF) {
		char tmp[8];
		fail(s, "JSON: unexpected %s after the top-level object", show(peek(s), tmp));
	}
	int rc = s->failed ? -1 : 0;
	fclose(s->f);
	free(s);
	return rc;
}
