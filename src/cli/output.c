/* output.c: rendering query results (JSON arrays of objects) as aligned tables, CSV or JSON.
 *
 * Tables are for people: long texts are cut to a column width on a character boundary (UTF-8 aware)
 * and marked with "...". CSV and JSON are for programs and always carry the full values. */
#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "iotmap/util.h"

static json_t *pick(json_t *row, const char *key)
{
	char buf[128];
	const char *p = key;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len >= sizeof buf)
			len = sizeof buf - 1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		json_t *v = json_object_get(row, buf);
		if (v && !json_is_null(v))
			return v;
		p = bar ? bar + 1 : p + len;
	}
	return NULL;
}

char *out_text(json_t *row, const char *key)
{
	json_t *v = pick(row, key);
	if (!v)
		return im_xstrdup("");
	if (json_is_string(v))
		return im_xstrdup(json_string_value(v));
	if (json_is_boolean(v))
		return im_xstrdup(json_is_true(v) ? "yes" : "no");
	if (json_is_integer(v))
		return im_xasprintf("%lld", (long long)json_integer_value(v));
	if (json_is_array(v)) {
		im_strbuf b = {0};
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			if (i)
				im_sb_add(&b, ", ");
			im_sb_add(&b, json_is_string(e) ? json_string_value(e) : "?");
		}
		return im_sb_take(&b);
	}
	return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
}

/* Characters (not bytes) in a UTF-8 string. */
static size_t text_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Flatten line breaks and cut to max characters (0: no cut). Caller frees. */
static char *cell(json_t *row, const char *key, int max)
{
	char *s = out_text(row, key);
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	if (max > 3 && text_width(s) > (size_t)max) {
		size_t chars = 0;
		char *p = s;
		for (; *p; p++)
			if (((unsigned char)*p & 0xC0) != 0x80 && chars++ == (size_t)max - 3)
				break;
		strcpy(p, "...");
	}
	return s;
}

void out_table(FILE *out, json_t *rows, const out_column *cols)
{
	size_t ncols = 0;
	while (cols[ncols].key)
		ncols++;
	size_t nrows = json_array_size(rows);
	size_t *width = im_xcalloc(ncols, sizeof *width);
	char **cells = im_xcalloc(nrows * ncols + 1, sizeof *cells);
	for (size_t c = 0; c < ncols; c++)
		width[c] = text_width(cols[c].header);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			char *s = cell(json_array_get(rows, r), cols[c].key, cols[c].max_width);
			if (text_width(s) > width[c])
				width[c] = text_width(s);
			cells[r * ncols + c] = s;
		}
	for (size_t r = 0; r <= nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const char *s = r == 0 ? cols[c].header : cells[(r - 1) * ncols + c];
			bool last = c + 1 == ncols;
			fputs(s, out);
			if (!last)
				fprintf(out, "%*s", (int)(width[c] - text_width(s) + 2), "");
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < nrows * ncols; i++)
		free(cells[i]);
	free(cells);
	free(width);
}

static void csv_field(FILE *out, const char *s, bool first)
{
	if (!first)
		fputc(',', out);
	csv_fwrite(out, s, strlen(s));
}

void out_csv(FILE *out, json_t *rows, const out_column *cols)
{
	for (size_t c = 0; cols[c].key; c++)
		csv_field(out, cols[c].header, c == 0);
	fputs("\r\n", out);
	size_t r;
	json_t *row;
	json_array_foreach(rows, r, row)
	{
		for (size_t c = 0; cols[c].key; c++) {
			char *s = out_text(row, cols[c].key);
			csv_field(out, s, c == 0);
			free(s);
		}
		fputs("\r\n", out);
	}
}

void out_json(FILE *out, json_t *value)
{
	json_dumpf(value, out, JSON_INDENT(2) | JSON_ENCODE_ANY);
	fputc('\n', out);
}

void out_rows(FILE *out, out_format f, json_t *rows, const out_column *cols)
{
	if (f == OUT_JSON)
		out_json(out, rows);
	else if (f == OUT_CSV)
		out_csv(out, rows, cols);
	else
		out_table(out, rows, cols);
}
