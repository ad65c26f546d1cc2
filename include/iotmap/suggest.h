/* suggest.h: "did you mean" for mistyped identifiers and references.
 *
 * Edit distance (Levenshtein) over the candidate list; only candidates close enough to be plausible
 * typos are offered, nearest first, ties in the candidates' own order. */
#ifndef IOTMAP_SUGGEST_H
#define IOTMAP_SUGGEST_H

#include <stddef.h>

size_t im_edit_distance(const char *a, const char *b);

typedef struct im_suggester {
	const char *input;
	size_t max;	  /* how many to keep */
	size_t n;	  /* how many kept */
	char **best;	  /* kept candidates (owned copies), nearest first */
	size_t *distance; /* their distances */
} im_suggester;

void im_suggester_init(im_suggester *s, const char *input, size_t max);
void im_suggester_offer(im_suggester *s, const char *candidate);
/* "a, b or c"; empty string when nothing is close. Caller frees. */
char *im_suggester_text(const im_suggester *s);
void im_suggester_free(im_suggester *s);

#endif
