/* util.c: allocation helpers and the string buffer (see util.h for why allocation failure is fatal). */
#include "iotmap/util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
	fputs("iotmap: out of memory\n", stderr);
	abort();
}

void *im_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *im_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *im_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *im_xstrdup(const char *s)
{
	return s ? im_xstrndup(s, strlen(s)) : NULL;
}

char *im_xstrndup(const char *s, size_t n)
{
	char *d = im_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *im_xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	char *s = im_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *im_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = im_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void sb_reserve(im_strbuf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + extra + 1)
			cap *= 2;
		b->s = im_xrealloc(b->s, cap);
		b->cap = cap;
	}
}

void im_sb_addn(im_strbuf *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void im_sb_add(im_strbuf *b, const char *s)
{
	im_sb_addn(b, s, strlen(s));
}

void im_sb_printf(im_strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = im_xvasprintf(fmt, ap);
	va_end(ap);
	im_sb_add(b, s);
	free(s);
}

char *im_sb_take(im_strbuf *b)
{
	char *s = b->s ? b->s : im_xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

char *im_squeeze_space(const char *s)
{
	im_strbuf b = {0};
	bool space = false;
	for (; s && *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			im_sb_add(&b, " ");
		space = false;
		im_sb_addn(&b, s, 1);
	}
	return im_sb_take(&b);
}

void im_sb_free(im_strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
