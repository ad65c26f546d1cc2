/* vocab.h: the closed word lists of the data model, and the checks for slugs and dates.
 *
 * Relationship words are OSCAL 1.2's mapping vocabulary, used verbatim so exports need no translation;
 * `related-to` is iotmap's word for a correspondence a publisher stated without a type. */
#ifndef IOTMAP_VOCAB_H
#define IOTMAP_VOCAB_H

#include <stdbool.h>

extern const char *const im_relationships[];   /* NULL-terminated */
extern const char *const im_matching_rationales[];
extern const char *const im_confidences[];
extern const char *const im_methods[];
extern const char *const im_document_kinds[];
extern const char *const im_document_statuses[];
extern const char *const im_item_kinds[];
extern const char *const im_item_statuses[];
extern const char *const im_booleans[];

bool im_word_in(const char *word, const char *const *list);
/* "a, b or c", for messages; static storage, one list per call site is fine. */
const char *im_word_list(const char *const *list, char *buf, unsigned size);

/* The same relationship seen from the other side: subset-of <-> superset-of, others unchanged. */
const char *im_relationship_inverse(const char *rel);

bool im_is_slug(const char *s);
/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; full_only demands YYYY-MM-DD. */
bool im_is_date(const char *s, bool full_only);
bool im_is_http_url(const char *s);

#endif
