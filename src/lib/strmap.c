/* strmap.c: open-addressing string map (see strmap.h). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "iotmap/util.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

void im_strmap_init(im_strmap *m)
{
	memset(m, 0, sizeof *m);
}

static void rehash(im_strmap *m, size_t cap)
{
	const char **keys = im_xcalloc(cap, sizeof *keys);
	size_t *values = im_xcalloc(cap, sizeof *values);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = hash(m->keys[i]) & (cap - 1);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = m->keys[i];
		values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	m->keys = keys;
	m->values = values;
	m->cap = cap;
}

bool im_strmap_put(im_strmap *m, const char *key, size_t value)
{
	if ((m->n + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 16);
	size_t j = hash(key) & (m->cap - 1);
	while (m->keys[j]) {
		if (strcmp(m->keys[j], key) == 0)
			return false;
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->values[j] = value;
	m->n++;
	return true;
}

bool im_strmap_get(const im_strmap *m, const char *key, size_t *value)
{
	if (!m->cap)
		return false;
	size_t j = hash(key) & (m->cap - 1);
	while (m->keys[j]) {
		if (strcmp(m->keys[j], key) == 0) {
			if (value)
				*value = m->values[j];
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

void im_strmap_free(im_strmap *m)
{
	free(m->keys);
	free(m->values);
	memset(m, 0, sizeof *m);
}
