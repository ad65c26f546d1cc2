/* http.c: finishing and sending responses, the same way for every route.
 *
 * Every response gets the security headers (a Content-Security-Policy without unsafe-inline, nosniff,
 * Referrer-Policy, frame-ancestors). Successful responses carry an ETag made of the dataset version and
 * a digest of the body, and are answered with 304 when If-None-Match matches. Bodies are gzipped when
 * the client accepts it. Whole successful responses are cached by request target: the server serves
 * one database build, so its answers cannot change while it runs, and a repeated request costs a hash
 * lookup and reuses the finished libmicrohttpd response. The cache is bounded in entries and bytes. */
#include <microhttpd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http.h"

#define CSP                                                                                        \
	"default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "          \
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
#define GZIP_MIN 512		   /* smaller bodies are not worth compressing */
#define CACHE_SLOTS 8192	   /* power of two */
#define CACHE_PROBE 16		   /* slots looked at per key */
#define CACHE_MAX_BYTES (64 << 20) /* total body bytes kept */

void web_json(web_response *rs, int status, json_t *value)
{
	rs->status = status;
	rs->content_type = "application/json";
	char *s = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
	im_sb_add(&rs->body, s ? s : "null");
	im_sb_add(&rs->body, "\n");
	free(s);
	json_decref(value);
}

void web_problem(web_response *rs, int status, const char *title, const char *detail, json_t *suggestions)
{
	json_t *p = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title", title, "status", status,
			      "detail", detail);
	if (suggestions)
		json_object_set_new(p, "suggestions", suggestions);
	web_json(rs, status, p);
	rs->content_type = "application/problem+json";
}

void web_html(web_response *rs, int status)
{
	rs->status = status;
	rs->content_type = "text/html; charset=utf-8";
}

static uint64_t fnv(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* gzip of data, or NULL when it would not help. */
static unsigned char *gzip(const void *data, size_t n, size_t *out_len)
{
	z_stream zs = {0};
	if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&zs, (uLong)n);
	unsigned char *out = im_xmalloc(cap);
	zs.next_in = (Bytef *)data;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	int rc = deflate(&zs, Z_FINISH);
	*out_len = zs.total_out;
	deflateEnd(&zs);
	if (rc != Z_STREAM_END || *out_len >= n) {
		free(out);
		return NULL;
	}
	return out;
}

static bool accepts_gzip(struct MHD_Connection *c)
{
	const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	return ae && strstr(ae, "gzip");
}

char *http_cache_key(struct MHD_Connection *c, const char *uri)
{
	return im_xasprintf("%c%s", accepts_gzip(c) ? 'g' : 'i', uri);
}

static void add_common_headers(struct MHD_Response *r, const char *path)
{
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	if (strncmp(path, "/api/", 5) == 0) {
		MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
		MHD_add_response_header(r, "Access-Control-Expose-Headers", "ETag");
	}
}

typedef struct cache_entry {
	char *key;
	struct MHD_Response *resp;
	char etag[64];
	size_t bytes;
} cache_entry;

static cache_entry cache[CACHE_SLOTS];
static size_t cache_bytes;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* The entry for key, or (with insert) a free slot for it; NULL when neither. Lock held. */
static cache_entry *cache_slot(const char *key, bool insert)
{
	uint64_t h = fnv(key, strlen(key));
	for (size_t i = 0; i < CACHE_PROBE; i++) {
		cache_entry *e = &cache[(h + i) & (CACHE_SLOTS - 1)];
		if (!e->key)
			return insert ? e : NULL;
		if (strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

void http_cache_clear(void)
{
	pthread_mutex_lock(&cache_lock);
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i].key) {
			MHD_destroy_response(cache[i].resp);
			free(cache[i].key);
		}
		cache[i] = (cache_entry){0};
	}
	cache_bytes = 0;
	pthread_mutex_unlock(&cache_lock);
}

/* Does If-None-Match name this ETag (or "*")? Weak comparison, as RFC 9110 asks for GET. */
static bool etag_matches(struct MHD_Connection *c, const char *etag)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (!inm)
		return false;
	if (strcmp(inm, "*") == 0)
		return true;
	return strstr(inm, etag) != NULL;
}

static int send_not_modified(struct MHD_Connection *c, http_ctx *x, const char *path, const char *etag)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return -1;
	add_common_headers(r, path);
	MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	MHD_add_response_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	enum MHD_Result rc = MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, r);
	MHD_destroy_response(r);
	x->status = MHD_HTTP_NOT_MODIFIED;
	x->bytes = 0;
	return rc == MHD_YES ? 1 : -1;
}

int http_send_cached(struct MHD_Connection *c, http_ctx *x, const char *path, const char *key)
{
	pthread_mutex_lock(&cache_lock);
	cache_entry *e = cache_slot(key, false);
	struct MHD_Response *r = NULL;
	char etag[64];
	size_t bytes = 0;
	if (e) {
		r = e->resp;
		memcpy(etag, e->etag, sizeof etag);
		bytes = e->bytes;
	}
	pthread_mutex_unlock(&cache_lock);
	if (!r)
		return 0;
	if (etag_matches(c, etag))
		return send_not_modified(c, x, path, etag);
	x->status = MHD_HTTP_OK;
	x->bytes = bytes;
	/* Entries are only dropped at shutdown, after the daemon has stopped, so r stays valid. */
	return MHD_queue_response(c, MHD_HTTP_OK, r) == MHD_YES ? 1 : -1;
}

static void cache_put(const char *key, struct MHD_Response *r, const char *etag, size_t bytes)
{
	pthread_mutex_lock(&cache_lock);
	cache_entry *e = cache_slot(key, true);
	if (e && !e->key && cache_bytes + bytes <= CACHE_MAX_BYTES) {
		e->key = im_xstrdup(key);
		e->resp = r;
		snprintf(e->etag, sizeof e->etag, "%s", etag);
		e->bytes = bytes;
		cache_bytes += bytes;
		r = NULL;
	}
	pthread_mutex_unlock(&cache_lock);
	if (r)
		MHD_destroy_response(r); /* not kept: drop the reference we meant to give the cache */
}

int http_send(struct MHD_Connection *c, http_ctx *x, const char *path, web_response *rs, const char *key)
{
	const void *body = rs->static_body ? (const void *)rs->static_body : rs->body.s;
	size_t len = rs->static_body ? rs->static_len : rs->body.len;
	bool ok = rs->status == MHD_HTTP_OK;
	char etag[64] = "";
	if (ok) {
		snprintf(etag, sizeof etag, "\"%s-%016llx\"", web_dataset_version(),
			 (unsigned long long)fnv(body, len));
		if (etag_matches(c, etag)) {
			im_sb_free(&rs->body);
			free(rs->allow);
			return send_not_modified(c, x, path, etag);
		}
	}
	unsigned char *zipped = NULL;
	size_t zlen = 0;
	if (len >= GZIP_MIN && accepts_gzip(c))
		zipped = gzip(body, len, &zlen);
	struct MHD_Response *r;
	if (zipped)
		r = MHD_create_response_from_buffer(zlen, zipped, MHD_RESPMEM_MUST_FREE);
	else if (rs->static_body)
		r = MHD_create_response_from_buffer(len, (void *)rs->static_body, MHD_RESPMEM_PERSISTENT);
	else
		r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	size_t sent = zipped ? zlen : len;
	im_sb_free(&rs->body);
	if (!r) {
		free(zipped);
		free(rs->allow);
		return -1;
	}
	add_common_headers(r, path);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->content_type ? rs->content_type : "text/plain");
	MHD_add_response_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	if (zipped)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (ok) {
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
					rs->immutable ? "public, max-age=86400" : "public, max-age=300");
	} else {
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	}
	if (rs->allow)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rs->allow);
	free(rs->allow);
	rs->allow = NULL;
	x->status = rs->status;
	x->bytes = sent;
	enum MHD_Result rc = MHD_queue_response(c, (unsigned)rs->status, r);
	if (ok && key && !rs->no_store)
		cache_put(key, r, etag, sent); /* the cache takes our reference */
	else
		MHD_destroy_response(r);
	return rc == MHD_YES ? 1 : -1;
}
