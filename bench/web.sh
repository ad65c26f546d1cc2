#!/usr/bin/env bash
# Web benchmark: `iotmap serve` against nginx serving the very same response bytes as static files,
# measured in the same run with wrk on this machine (loopback only).
#
#   make bench-web            (DURATION=10 CONNECTIONS=64 THREADS=2 by default)
#
# Reports requests/s, p50 and p99 latency and the ratio to nginx for the JSON of a hub item and its
# HTML page, then runs about a million requests against the JSON and reports resident memory before
# and after. Target: at least 0.8 of nginx's throughput for the JSON; flat memory.
set -eu
cd "$(dirname "$0")/.."
. tests/lib.sh
BIN=build/iotmap
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
MILLION=${MILLION:-1000000}
for tool in wrk nginx curl; do
	command -v $tool >/dev/null || { echo "bench-web: needs $tool (apt-get install wrk nginx-light curl)"; exit 1; }
done
WORK=$(mktemp -d /tmp/iotmap-webbench-XXXXXX)
cleanup() {
	[ -n "${IOTMAP_PID:-}" ] && kill "$IOTMAP_PID" 2>/dev/null || true
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

$BIN build --db "$WORK/iotmap.db" data >/dev/null
$BIN serve --db "$WORK/iotmap.db" --port 0 --access-log /dev/null 2>"$WORK/serve.err" &
IOTMAP_PID=$!
PORT=$(served_port "$WORK/serve.err" 5)
IOTMAP="http://127.0.0.1:$PORT"
REF="etsi-en-303-645-v2.1.1:5.1-1"

# The same bytes for nginx: the JSON and the HTML as iotmap sends them (uncompressed).
mkdir -p "$WORK/root/api/v1/items" "$WORK/root/items"
curl -sf "$IOTMAP/api/v1/items/$REF" -o "$WORK/root/api/v1/items/$REF"
curl -sf "$IOTMAP/items/$REF" -o "$WORK/root/items/$REF"
chmod -R a+rX "$WORK" # nginx workers run as another user
NPORT=$((PORT + 1))
cat >"$WORK/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$NPORT;
    root $WORK/root;
    location /api/ { default_type application/json; }
    location /items/ { default_type "text/html; charset=utf-8"; }
  }
}
NGINX
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf"
NGINX="http://127.0.0.1:$NPORT"
sleep 0.3
cmp <(curl -sf "$NGINX/api/v1/items/$REF") <(curl -sf "$IOTMAP/api/v1/items/$REF") || { cat "$WORK/nginx-error.log"; curl -si "$NGINX/api/v1/items/$REF" | head -5; exit 1; }

# wrk's summary: requests/s, p50 and p99 latency (in ms).
measure() {
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" >"$WORK/wrk.out"
	awk '
	function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
	/Requests\/sec/ { rps = $2 }
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' "$WORK/wrk.out"
}

rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$IOTMAP_PID/status"; }

printf '%-22s %-8s %12s %9s %9s %8s\n' response server 'requests/s' 'p50 ms' 'p99 ms' ratio
for kind in json html; do
	if [ $kind = json ]; then path="/api/v1/items/$REF"; else path="/items/$REF"; fi
	curl -sf "$IOTMAP$path" >/dev/null # warm the response cache
	read -r ir i50 i99 < <(measure "$IOTMAP$path")
	read -r nr n50 n99 < <(measure "$NGINX$path")
	ratio=$(awk -v a="$ir" -v b="$nr" 'BEGIN { printf "%.2f", a / b }')
	printf '%-22s %-8s %12s %9s %9s %8s\n' "$kind item" iotmap "$ir" "$i50" "$i99" "$ratio"
	printf '%-22s %-8s %12s %9s %9s %8s\n' "$kind item" nginx "$nr" "$n50" "$n99" 1.00
done

# Memory over about a million requests.
before=$(rss_kb)
secs=$(awk -v r="$ir" -v m="$MILLION" 'BEGIN { s = int(m / (r > 0 ? r : 1)) + 1; print (s < 5 ? 5 : s) }')
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" "$IOTMAP/api/v1/items/$REF" >"$WORK/wrk-long.out"
total=$(awk '/requests in/ { print $1 }' "$WORK/wrk-long.out")
after=$(rss_kb)
echo
echo "resident memory of iotmap serve: ${before} kB before, ${after} kB after $total requests"
