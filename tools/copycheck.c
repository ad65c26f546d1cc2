/* copycheck: flags text in an iotmap database that shares a run of N words with a source text.
 *
 *   copycheck [-n N] [-f FIELD] DATABASE SOURCE...
 *
 * The project's content rule is that facts carry over and sentences do not: every summary, condition,
 * note, description, gap statement and rationale is written in our own words. This tool is the mechanical half of that
 * review. It reads every string of each SOURCE (a JSON file: every string value in it, such as the
 * excerpts of the DCMS mapping, or with -f only the strings under that object key; any other file: its
 * text) and reports each of our texts that shares a run of N (default 7) consecutive words with them.
 * Runs that also occur inside a document or item title of the dataset are not reported (titles are facts
 * and may be quoted), nor runs with fewer than four words that contain a letter (clause numbers such as
 * "5.3-3 to 5.3-12" are facts too).
 *
 * Words are the maximal runs of ASCII letters and digits, compared case-insensitively; other bytes
 * separate words. Exit status: 0 nothing found; 1 runs found (one line each on stdout); 2 bad command
 * line; 4 a file or the database could not be read. */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

/* A set of 64-bit hashes (open addressing; 0 marks an empty slot, so hash 0 is stored as 1). */
struct hset {
	uint64_t *slot;
	size_t cap, len;
};

static void hset_add(struct hset *s, uint64_t h);

static void hset_grow(struct hset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 1024;
	struct hset bigger = {im_xcalloc(cap, sizeof(uint64_t)), cap, 0};
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i])
			hset_add(&bigger, s->slot[i]);
	free(s->slot);
	*s = bigger;
}

static void hset_add(struct hset *s, uint64_t h)
{
	if (!h)
		h = 1;
	if ((s->len + 1) * 2 > s->cap)
		hset_grow(s);
	size_t i = (size_t)(h % s->cap);
	while (s->slot[i] && s->slot[i] != h)
		i = (i + 1) % s->cap;
	if (!s->slot[i]) {
		s->slot[i] = h;
		s->len++;
	}
}

static int hset_has(const struct hset *s, uint64_t h)
{
	if (!s->cap)
		return 0;
	if (!h)
		h = 1;
	size_t i = (size_t)(h % s->cap);
	while (s->slot[i]) {
		if (s->slot[i] == h)
			return 1;
		i = (i + 1) % s->cap;
	}
	return 0;
}

/* The words of a text: offsets and lengths into it, plus each word's hash. */
struct words {
	const char *text;
	size_t *start, *len;
	uint64_t *hash;
	size_t n, cap;
};

static uint64_t word_hash(const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (uint64_t)(unsigned char)tolower((unsigned char)p[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

static int is_word_byte(unsigned char c)
{
	return c < 0x80 && isalnum(c);
}

static void split_words(struct words *w, const char *text)
{
	w->text = text;
	w->n = 0;
	for (const char *p = text; *p;) {
		if (!is_word_byte((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *b = p;
		while (*p && is_word_byte((unsigned char)*p))
			p++;
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 64;
			w->start = im_xrealloc(w->start, w->cap * sizeof *w->start);
			w->len = im_xrealloc(w->len, w->cap * sizeof *w->len);
			w->hash = im_xrealloc(w->hash, w->cap * sizeof *w->hash);
		}
		w->start[w->n] = (size_t)(b - text);
		w->len[w->n] = (size_t)(p - b);
		w->hash[w->n] = word_hash(b, (size_t)(p - b));
		w->n++;
	}
}

static void words_free(struct words *w)
{
	free(w->start);
	free(w->len);
	free(w->hash);
}

/* The hash of the run of n words starting at word i (order matters). */
static uint64_t run_hash(const struct words *w, size_t i, int n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	for (int k = 0; k < n; k++) {
		h ^= w->hash[i + (size_t)k] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
		h *= 0xff51afd7ed558ccdULL;
	}
	return h;
}

static void add_runs(struct hset *s, struct words *scratch, const char *text, int n)
{
	split_words(scratch, text);
	for (size_t i = 0; i + (size_t)n <= scratch->n; i++)
		hset_add(s, run_hash(scratch, i, n));
}

/* Every string in v, or with a field name only the strings under object keys of that name. */
static void add_json_strings(struct hset *s, struct words *scratch, json_t *v, int n, const char *field,
			     int take)
{
	size_t i;
	const char *key;
	json_t *x;
	if (json_is_string(v)) {
		if (take)
			add_runs(s, scratch, json_string_value(v), n);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) add_json_strings(s, scratch, x, n, field, take);
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, x)
			add_json_strings(s, scratch, x, n, field, take || strcmp(key, field) == 0);
	}
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	im_strbuf b = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		im_sb_addn(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		im_sb_free(&b);
		return NULL;
	}
	return im_sb_take(&b);
}

static int load_source(struct hset *s, struct words *scratch, const char *path, int n, const char *field)
{
	size_t plen = strlen(path);
	if (plen > 5 && strcmp(path + plen - 5, ".json") == 0) {
		json_error_t err;
		json_t *root = json_load_file(path, 0, &err);
		if (!root) {
			fprintf(stderr, "copycheck: %s:%d: %s\n", path, err.line, err.text);
			return -1;
		}
		add_json_strings(s, scratch, root, n, field ? field : "", field == NULL);
		json_decref(root);
		return 0;
	}
	char *text = read_file(path);
	if (!text) {
		fprintf(stderr, "copycheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	add_runs(s, scratch, text, n);
	free(text);
	return 0;
}

static int enough_letters(const struct words *w, size_t i, int n)
{
	int lettered = 0;
	for (size_t k = i; k < i + (size_t)n; k++)
		for (size_t c = 0; c < w->len[k]; c++)
			if (isalpha((unsigned char)w->text[w->start[k] + c])) {
				lettered++;
				break;
			}
	return lettered >= 4;
}

/* Reports the first shared run of one text; returns 1 when there was one. */
static int check_text(const struct hset *src, const struct hset *titles, struct words *w, int n,
		      const char *where, const char *field, const char *text)
{
	if (!text)
		return 0;
	split_words(w, text);
	for (size_t i = 0; i + (size_t)n <= w->n; i++) {
		uint64_t h = run_hash(w, i, n);
		if (!hset_has(src, h) || hset_has(titles, h) || !enough_letters(w, i, n))
			continue;
		size_t b = w->start[i], e = w->start[i + (size_t)n - 1] + w->len[i + (size_t)n - 1];
		printf("%s %s: \"%.*s\"\n", where, field, (int)(e - b), text + b);
		return 1;
	}
	return 0;
}

static const char *const queries[] = {
	/* where, field name, text */
	"SELECT id, f.name, CASE f.name WHEN 'description' THEN description ELSE gaps END FROM documents"
	" CROSS JOIN (SELECT 'description' AS name UNION ALL SELECT 'gaps') f ORDER BY ord, f.name",
	"SELECT i.doc || ':' || i.id, f.name, CASE f.name WHEN 'summary' THEN i.summary"
	" WHEN 'condition' THEN i.condition ELSE i.notes END"
	" FROM items i JOIN documents d ON d.id = i.doc"
	" CROSS JOIN (SELECT 'summary' AS name UNION ALL SELECT 'condition' UNION ALL SELECT 'notes') f"
	" ORDER BY d.ord, i.ord, f.name",
	"SELECT source || '--' || target, f.name, CASE f.name WHEN 'description' THEN description"
	" ELSE published_notes END FROM mapping_sets"
	" CROSS JOIN (SELECT 'description' AS name UNION ALL SELECT 'published-by notes') f ORDER BY ord, f.name",
	"SELECT m.source_doc || ':' || m.source_item || ' -> ' || m.target_doc || ':' || m.target_item, f.name,"
	" CASE f.name WHEN 'rationale' THEN m.rationale ELSE m.notes END"
	" FROM mappings m JOIN mapping_sets s ON s.id = m.set_id"
	" CROSS JOIN (SELECT 'rationale' AS name UNION ALL SELECT 'notes') f ORDER BY s.ord, m.ord, f.name",
};

static int usage(void)
{
	fputs("usage: copycheck [-n N] [-f FIELD] DATABASE SOURCE...\n"
	      "Reports every text of the iotmap DATABASE that shares a run of N (default 7, 3 to 32) words\n"
	      "with a SOURCE (a .json file: all its strings, or with -f only those under the key FIELD; any\n"
	      "other file: its text). Exit status: 0 none, 1 found, 2 bad command line, 4 unreadable file\n"
	      "or database.\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	int n = 7, a = 1;
	const char *field = NULL;
	while (a < argc && argv[a][0] == '-') {
		if (a + 1 >= argc)
			return usage();
		if (strcmp(argv[a], "-n") == 0) {
			char *end;
			long v = strtol(argv[a + 1], &end, 10);
			if (*end || v < 3 || v > 32)
				return usage();
			n = (int)v;
		} else if (strcmp(argv[a], "-f") == 0) {
			field = argv[a + 1];
		} else {
			return usage();
		}
		a += 2;
	}
	if (argc - a < 2)
		return usage();

	sqlite3 *db = NULL;
	if (sqlite3_open_v2(argv[a], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "copycheck: %s: %s\n", argv[a], db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return 4;
	}
	struct hset src = {0}, titles = {0};
	struct words w = {0};
	int rc = 0;
	for (int i = a + 1; i < argc && rc == 0; i++)
		if (load_source(&src, &w, argv[i], n, field) != 0)
			rc = 4;

	sqlite3_stmt *st = NULL;
	if (rc == 0 && sqlite3_prepare_v2(db, "SELECT title FROM documents UNION ALL SELECT title FROM items"
					  " WHERE title IS NOT NULL", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			add_runs(&titles, &w, (const char *)sqlite3_column_text(st, 0), n);
	} else if (rc == 0) {
		rc = 4;
		fprintf(stderr, "copycheck: %s: %s\n", argv[a], sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);

	size_t hits = 0, texts = 0;
	for (size_t q = 0; rc == 0 && q < sizeof queries / sizeof *queries; q++) {
		if (sqlite3_prepare_v2(db, queries[q], -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "copycheck: %s: %s\n", argv[a], sqlite3_errmsg(db));
			rc = 4;
			break;
		}
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(st, 2);
			if (!text)
				continue;
			texts++;
			hits += (size_t)check_text(&src, &titles, &w, n, (const char *)sqlite3_column_text(st, 0),
						   (const char *)sqlite3_column_text(st, 1), text);
		}
		if (step != SQLITE_DONE) {
			fprintf(stderr, "copycheck: %s: %s\n", argv[a], sqlite3_errmsg(db));
			rc = 4;
		}
		sqlite3_finalize(st);
	}
	if (rc == 0)
		fprintf(stderr, "copycheck: %zu of %zu texts share a run of %d words with the sources\n", hits,
			texts, n);
	if (rc == 0 && hits)
		rc = 1;
	words_free(&w);
	free(src.slot);
	free(titles.slot);
	sqlite3_close(db);
	return rc;
}
