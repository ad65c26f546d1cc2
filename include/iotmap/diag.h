/* diag.h: problems found in input, each tied to the place (file and line) a user must edit.
 *
 * Readers and validators never stop at the first problem: they collect every diagnostic, so that one
 * run of `iotmap validate` shows the whole list, sorted by file and line. */
#ifndef IOTMAP_DIAG_H
#define IOTMAP_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum { IM_ERROR, IM_WARNING } im_severity;

typedef struct im_diag {
	char *file; /* may be NULL for problems that belong to no file */
	int line;   /* 1-based; 0 when unknown */
	im_severity severity;
	char *message;
} im_diag;

typedef struct im_diags {
	im_diag *v;
	size_t n, cap;
	size_t errors, warnings;
} im_diags;

void im_diag_add(im_diags *d, im_severity sev, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
#define im_error(d, file, line, ...) im_diag_add((d), IM_ERROR, (file), (line), __VA_ARGS__)
#define im_warning(d, file, line, ...) im_diag_add((d), IM_WARNING, (file), (line), __VA_ARGS__)

/* Stable order: by file name, then line, then insertion order. */
void im_diags_sort(im_diags *d);
/* One line each: FILE:LINE: error: MESSAGE */
void im_diags_print(const im_diags *d, FILE *out);
void im_diags_free(im_diags *d);

#endif
