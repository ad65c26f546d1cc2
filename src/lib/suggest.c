/* suggest.c: nearest-identifier suggestions (see suggest.h). */
#include "iotmap/suggest.h"

#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

size_t im_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = im_xmalloc((lb + 1) * sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

void im_suggester_init(im_suggester *s, const char *input, size_t max)
{
	memset(s, 0, sizeof *s);
	s->input = input;
	s->max = max;
	s->best = im_xcalloc(max, sizeof *s->best);
	s->distance = im_xcalloc(max, sizeof *s->distance);
}

void im_suggester_offer(im_suggester *s, const char *candidate)
{
	size_t len_in = strlen(s->input), len_c = strlen(candidate);
	size_t longer = len_in > len_c ? len_in : len_c;
	/* Cheap bound first: the distance is at least the difference in length. */
	size_t diff = len_in > len_c ? len_in - len_c : len_c - len_in;
	size_t limit = longer / 3 + 1; /* a typo, not a different word */
	if (diff > limit)
		return;
	size_t d = im_edit_distance(s->input, candidate);
	if (d > limit)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->best[i], candidate) == 0)
			return;
	size_t pos = s->n;
	while (pos > 0 && s->distance[pos - 1] > d)
		pos--;
	if (pos >= s->max)
		return;
	if (s->n == s->max)
		free(s->best[--s->n]);
	memmove(&s->best[pos + 1], &s->best[pos], (s->n - pos) * sizeof *s->best);
	memmove(&s->distance[pos + 1], &s->distance[pos], (s->n - pos) * sizeof *s->distance);
	s->best[pos] = im_xstrdup(candidate);
	s->distance[pos] = d;
	s->n++;
}

char *im_suggester_text(const im_suggester *s)
{
	im_strbuf b = {0};
	for (size_t i = 0; i < s->n; i++) {
		if (i > 0)
			im_sb_add(&b, i + 1 == s->n ? " or " : ", ");
		im_sb_add(&b, s->best[i]);
	}
	return im_sb_take(&b);
}

void im_suggester_free(im_suggester *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->best[i]);
	free(s->best);
	free(s->distance);
	memset(s, 0, sizeof *s);
}
