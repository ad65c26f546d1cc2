/* server.c: `iotmap serve` on libmicrohttpd.
 *
 * libmicrohttpd does all HTTP parsing. This file sets the limits that keep one slow or hostile client
 * from starving the others (total and per-address connection limits, an idle timeout per connection,
 * a memory limit per connection that bounds request headers), runs a pool of worker threads each with
 * its own read-only SQLite connection, writes a combined-format access log, and shuts down cleanly on
 * SIGINT or SIGTERM: stop accepting, let requests in flight finish, close. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "http.h"
#include "iotmap/store.h"
#include "web.h"

#define MAX_URI 2048		/* longer request targets get 414 */
#define CONNECTION_MEMORY (32 * 1024) /* per connection: request line and headers must fit */

static const web_config *config;
static char *dataset_version;
static FILE *access_log;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t db_key;

const char *web_dataset_version(void)
{
	return dataset_version ? dataset_version : "unknown";
}

const char *web_arg(const web_request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

static void close_db(void *p)
{
	sqlite3_close(p);
}

/* This worker thread's database connection, opened on first use. */
static sqlite3 *thread_db(char **err)
{
	sqlite3 *db = pthread_getspecific(db_key);
	if (!db && im_store_open(config->db_path, &db, err) == 0)
		pthread_setspecific(db_key, db);
	return db;
}

/* libmicrohttpd hands us the raw request target first: it becomes the request's context. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls, (void)c;
	http_ctx *x = im_xcalloc(1, sizeof *x);
	x->uri = im_xstrdup(uri ? uri : "");
	return x;
}

/* Client bytes for the log: quotes, backslashes and control characters as \xHH, so that a log line
 * cannot be forged. */
static void add_escaped(im_strbuf *line, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\')
			im_sb_printf(line, "\\x%02x", *p);
		else
			im_sb_addn(line, (const char *)p, 1);
	}
}

static void log_request(struct MHD_Connection *c, http_ctx *x, const char *method)
{
	char host[INET6_ADDRSTRLEN] = "-";
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, host, sizeof host);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, host, sizeof host);
	}
	const char *ref = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_REFERER);
	const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
	char when[64];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S %z", &tm);
	im_strbuf line = {0};
	im_sb_printf(&line, "%s - - [%s] \"", host, when);
	add_escaped(&line, method ? method : "-");
	im_sb_add(&line, " ");
	add_escaped(&line, x->uri);
	im_sb_printf(&line, " HTTP/1.1\" %d %zu \"", x->status, x->bytes);
	add_escaped(&line, ref ? ref : "-");
	im_sb_add(&line, "\" \"");
	add_escaped(&line, ua ? ua : "-");
	im_sb_add(&line, "\"\n");
	pthread_mutex_lock(&log_lock);
	fputs(line.s, access_log);
	fflush(access_log);
	pthread_mutex_unlock(&log_lock);
	im_sb_free(&line);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)toe;
	http_ctx *x = *con_cls;
	if (!x)
		return;
	if (x->status)
		log_request(c, x, x->method);
	free(x->uri);
	free(x->method);
	free(x);
	*con_cls = NULL;
}

static int refuse(struct MHD_Connection *c, http_ctx *x, const char *path, int status, const char *title,
		  const char *detail, const char *allow)
{
	web_response rs = {0};
	web_problem(&rs, status, title, detail, NULL);
	rs.allow = allow ? im_xstrdup(allow) : NULL;
	return http_send(c, x, path, &rs, NULL);
}

/* Answer an ordinary GET or HEAD: from the response cache, else through the router. */
static int serve(struct MHD_Connection *c, http_ctx *x, const char *url, const char *method)
{
	char *key = http_cache_key(c, x->uri);
	int sent = http_send_cached(c, x, url, key);
	if (sent == 0) {
		char *err = NULL;
		web_request rq = {.conn = c, .method = method, .path = url, .db = thread_db(&err)};
		web_response rs = {0};
		if (!rq.db) {
			web_problem(&rs, MHD_HTTP_SERVICE_UNAVAILABLE, "Service Unavailable",
				    err ? err : "the database cannot be opened", NULL);
			free(err);
		} else {
			web_route(&rq, &rs);
		}
		sent = http_send(c, x, url, &rs, key);
	}
	free(key);
	return sent;
}

/* Requests refused from their headers alone, before any body is read; 0 when none applies. */
static int refuse_early(struct MHD_Connection *c, http_ctx *x, const char *url, const char *method)
{
	if (strcmp(method, "OPTIONS") == 0) {
		web_response rs = {.status = MHD_HTTP_NO_CONTENT, .content_type = "text/plain", .no_store = true};
		rs.allow = im_xstrdup("GET, HEAD, OPTIONS");
		return http_send(c, x, url, &rs, NULL);
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return refuse(c, x, url, MHD_HTTP_METHOD_NOT_ALLOWED, "Method Not Allowed",
			      "this server is read-only: use GET or HEAD", "GET, HEAD, OPTIONS");
	if (strlen(x->uri) > MAX_URI)
		return refuse(c, x, url, MHD_HTTP_URI_TOO_LONG, "URI Too Long",
			      "the request target is longer than 2048 bytes", NULL);
	/* An encoded NUL would cut the decoded path short and make it name something else. */
	if (strstr(x->uri, "%00"))
		return refuse(c, x, url, MHD_HTTP_BAD_REQUEST, "Bad Request",
			      "the request target contains an encoded NUL byte", NULL);
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	if ((cl && strcmp(cl, "0") != 0) || te)
		return refuse(c, x, url, MHD_HTTP_CONTENT_TOO_LARGE, "Content Too Large",
			      "requests to this server carry no body", NULL);
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size,
				  void **con_cls)
{
	(void)cls, (void)version, (void)upload_data;
	http_ctx *x = *con_cls;
	if (x->status) {
		/* Already answered (refused early): discard whatever body still arrives. */
		*upload_size = 0;
		return MHD_YES;
	}
	if (!x->method) {
		/* First call: only the headers are in. Answering now is for refusals; a normal answer waits
		 * for the next call, once the (empty) body is complete, so the connection can be kept alive. */
		x->method = im_xstrdup(method);
		int sent = refuse_early(c, x, url, method);
		return sent < 0 ? MHD_NO : MHD_YES;
	}
	if (*upload_size > 0) {
		*upload_size = 0;
		return refuse(c, x, url, MHD_HTTP_CONTENT_TOO_LARGE, "Content Too Large",
			      "requests to this server carry no body", NULL) > 0 ? MHD_YES : MHD_NO;
	}
	return serve(c, x, url, method) > 0 ? MHD_YES : MHD_NO;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	pthread_mutex_lock(&log_lock);
	fputs("iotmap serve: ", stderr);
	vfprintf(stderr, fmt, ap);
	pthread_mutex_unlock(&log_lock);
}

static int resolve(const char *bind, unsigned port, struct sockaddr_storage *ss, char **err)
{
	struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_PASSIVE, .ai_socktype = SOCK_STREAM};
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%u", port);
	struct addrinfo *ai = NULL;
	int rc = getaddrinfo(bind, portstr, &hints, &ai);
	if (rc != 0 || !ai) {
		*err = im_xasprintf("--bind '%s' is not a numeric IPv4 or IPv6 address: %s", bind, gai_strerror(rc));
		return -1;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	freeaddrinfo(ai);
	return 0;
}

int web_serve(const web_config *cfg)
{
	config = cfg;
	char *err = NULL;
	sqlite3 *db = NULL;
	if (im_store_open(cfg->db_path, &db, &err) != 0) {
		fprintf(stderr, "iotmap serve: %s\n", err);
		free(err);
		return 4;
	}
	dataset_version = im_store_meta(db, "dataset_digest");
	sqlite3_close(db);
	access_log = stderr;
	if (cfg->access_log && !(access_log = fopen(cfg->access_log, "a"))) {
		fprintf(stderr, "iotmap serve: cannot open access log %s\n", cfg->access_log);
		free(dataset_version);
		return 4;
	}
	struct sockaddr_storage ss;
	if (resolve(cfg->bind, cfg->port, &ss, &err) != 0) {
		fprintf(stderr, "iotmap serve: %s\n", err);
		free(err);
		free(dataset_version);
		return 2;
	}
	pthread_key_create(&db_key, close_db);
	/* Block the stop signals before the worker threads exist, so that only sigwait below sees them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_EPOLL;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, (uint16_t)cfg->port, NULL, NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, mhd_log,
		NULL, MHD_OPTION_SOCK_ADDR, &ss,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->threads, MHD_OPTION_CONNECTION_LIMIT, cfg->connection_limit,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip_limit, MHD_OPTION_CONNECTION_TIMEOUT,
		cfg->timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, 1U,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "iotmap serve: cannot listen on %s port %u (in use, or not allowed)\n", cfg->bind,
			cfg->port);
		free(dataset_version);
		return 4;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : cfg->port;
	bool v6 = ss.ss_family == AF_INET6;
	fprintf(stderr, "iotmap serve: open http://%s%s%s:%u/ (database %s, dataset %s); Ctrl-C stops\n",
		v6 ? "[" : "", cfg->bind, v6 ? "]" : "", port, cfg->db_path, web_dataset_version());
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "iotmap serve: %s received, finishing requests in flight\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_stop_daemon(d);
	http_cache_clear();
	if (access_log != stderr)
		fclose(access_log);
	free(dataset_version);
	dataset_version = NULL;
	fprintf(stderr, "iotmap serve: stopped\n");
	return 0;
}
