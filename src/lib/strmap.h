/* strmap.h (internal): string -> index hash map with open addressing.
 *
 * The validator and builder look up every mapping's two ends; with a million mappings a linear scan
 * over items would make building quadratic, so lookups go through this map. Keys are borrowed, not
 * copied: they must outlive the map. */
#ifndef IOTMAP_STRMAP_H
#define IOTMAP_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct im_strmap {
	const char **keys;
	size_t *values;
	size_t cap, n;
} im_strmap;

void im_strmap_init(im_strmap *m);
/* Returns false (and leaves the map unchanged) when the key is already present. */
bool im_strmap_put(im_strmap *m, const char *key, size_t value);
bool im_strmap_get(const im_strmap *m, const char *key, size_t *value);
void im_strmap_free(im_strmap *m);

#endif
