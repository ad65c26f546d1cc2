/* util.h: allocation that never returns NULL, and a growable string buffer.
 *
 * iotmap treats out-of-memory as fatal: every caller would otherwise need a recovery path for a
 * condition it cannot fix, and the data files it reads are small next to the memory of any machine. */
#ifndef IOTMAP_UTIL_H
#define IOTMAP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

void *im_xmalloc(size_t n);
void *im_xcalloc(size_t count, size_t size);
void *im_xrealloc(void *p, size_t n);
char *im_xstrdup(const char *s);
char *im_xstrndup(const char *s, size_t n);
char *im_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *im_xvasprintf(const char *fmt, va_list ap);

/* Append a zeroed element to the array arr (n used, cap allocated) and yield a pointer to it. */
#define IM_PUSH(arr, n, cap)                                                              \
	((n) == (cap) ? ((cap) = (cap) ? (cap) * 2 : 8,                                   \
			 (arr) = im_xrealloc((arr), (cap) * sizeof *(arr)))               \
		      : (arr),                                                            \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

typedef struct im_strbuf {
	char *s;
	size_t len, cap;
} im_strbuf;

void im_sb_add(im_strbuf *b, const char *s);
void im_sb_addn(im_strbuf *b, const char *s, size_t n);
void im_sb_printf(im_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *im_sb_take(im_strbuf *b); /* returns the string (never NULL) and resets the buffer */
/* s trimmed, with every run of white space (line breaks included) turned into one space; "" for NULL.
 * Caller frees. */
char *im_squeeze_space(const char *s);
void im_sb_free(im_strbuf *b);

#endif
