/* digest.c: FNV-1a over the dataset's bytes (see digest.h). */
#include "digest.h"

#include <stdio.h>
#include <string.h>

#include "iotmap/util.h"

void im_digest_init(im_digest *d)
{
	d->h = 14695981039346656037ULL;
}

void im_digest_add(im_digest *d, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		d->h ^= p[i];
		d->h *= 1099511628211ULL;
	}
}

void im_digest_add_string(im_digest *d, const char *s)
{
	im_digest_add(d, s, strlen(s) + 1);
}

void im_digest_add_file(im_digest *d, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		im_digest_add(d, buf, n);
	fclose(fp);
}

char *im_digest_hex(const im_digest *d)
{
	return im_xasprintf("%016llx", (unsigned long long)d->h);
}
