/* diag.c: collecting, ordering and printing diagnostics (see diag.h). */
#include "iotmap/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

void im_diag_add(im_diags *d, im_severity sev, const char *file, int line, const char *fmt, ...)
{
	im_diag *g = IM_PUSH(d->v, d->n, d->cap);
	va_list ap;
	va_start(ap, fmt);
	g->message = im_xvasprintf(fmt, ap);
	va_end(ap);
	g->file = im_xstrdup(file);
	g->line = line;
	g->severity = sev;
	if (sev == IM_ERROR)
		d->errors++;
	else
		d->warnings++;
}

static int diag_cmp(const void *a, const void *b)
{
	const im_diag *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

void im_diags_sort(im_diags *d)
{
	/* qsort is not stable; a merge by index keeps insertion order among equal keys. */
	size_t n = d->n;
	if (n < 2)
		return;
	im_diag *tmp = im_xmalloc(n * sizeof *tmp);
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = diag_cmp(&d->v[j], &d->v[i]) < 0 ? d->v[j++] : d->v[i++];
			while (i < mid)
				tmp[k++] = d->v[i++];
			while (j < hi)
				tmp[k++] = d->v[j++];
		}
		memcpy(d->v, tmp, n * sizeof *tmp);
	}
	free(tmp);
}

void im_diags_print(const im_diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const im_diag *g = &d->v[i];
		const char *sev = g->severity == IM_ERROR ? "error" : "warning";
		if (g->file && g->line > 0)
			fprintf(out, "%s:%d: %s: %s\n", g->file, g->line, sev, g->message);
		else if (g->file)
			fprintf(out, "%s: %s: %s\n", g->file, sev, g->message);
		else
			fprintf(out, "%s: %s\n", sev, g->message);
	}
}

void im_diags_free(im_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
