/* digest.h (internal): a 64-bit FNV-1a content digest, used as the dataset version stamp.
 *
 * It identifies which data a database was built from; it is not a security measure, so a tiny
 * non-cryptographic hash is enough and needs no library. */
#ifndef IOTMAP_DIGEST_H
#define IOTMAP_DIGEST_H

#include <stddef.h>
#include <stdint.h>

typedef struct im_digest {
	uint64_t h;
} im_digest;

void im_digest_init(im_digest *d);
void im_digest_add(im_digest *d, const void *data, size_t n);
void im_digest_add_string(im_digest *d, const char *s); /* includes the terminating NUL */
void im_digest_add_file(im_digest *d, const char *path); /* unreadable files add nothing */
char *im_digest_hex(const im_digest *d);		  /* 16 hex digits, caller frees */

#endif
