/* json_stream.h (internal): reading a large JSON object one member, and one array element, at a time.
 *
 * jansson parses whole documents only, so a file of a million mappings would become one tree of several
 * gigabytes. This reader walks the top-level object and cuts it into values; each value (or, for the
 * arrays the caller names, each array element) is handed to jansson on its own and freed after use. The
 * cutting needs only to know where strings and brackets begin and end; all real parsing is jansson's. */
#ifndef IOTMAP_JSON_STREAM_H
#define IOTMAP_JSON_STREAM_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "iotmap/diag.h"

/* Called for each top-level member (streamed=false, index 0, the whole value) and, for members named
 * in stream_keys, for each element of their array (streamed=true). value is borrowed. */
typedef void (*json_member_fn)(void *user, const char *key, bool streamed, size_t index, json_t *value);

/* Returns 0, or -1 after adding a FILE:LINE diagnostic for malformed JSON. */
int im_json_stream(const char *path, const char *const *stream_keys, json_member_fn fn, void *user,
		   im_diags *d);

#endif
