#!/usr/bin/env bash
# Web integration tests: starts `iotmap serve` for real on a free loopback port over a database built
# from tests/fixtures/tiny, runs the cases in tests/web/*.test (same format as tests/cli, with $BASE the
# server's address and $ACCESS_LOG its log), then stops the server with SIGTERM and checks that it
# shuts down cleanly.
set -u
. "$(dirname "$0")/lib.sh"
BIN=$(realpath "$1")
shift
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
"$BIN" build --db "$WORK/tiny.db" tests/fixtures/tiny >/dev/null || { echo "web tests: 0 passed, 1 failed"; exit 1; }
"$BIN" serve --db "$WORK/tiny.db" --port 0 --threads 2 --access-log "$WORK/access.log" 2>"$WORK/serve.err" &
PID=$!
PORT=$(served_port "$WORK/serve.err" 5)
if [ -z "$PORT" ]; then
	cat "$WORK/serve.err"
	echo "web tests: 0 passed, 1 failed"
	exit 1
fi
export BASE="http://127.0.0.1:$PORT" ACCESS_LOG="$WORK/access.log"
TEST_LABEL="web cases" tests/run-cli.sh "$BIN" "$@"
status=$?
pass=0 fail=0
# Graceful shutdown: SIGTERM, exit status 0, the goodbye line, no sanitizer report.
kill -TERM $PID
wait $PID
code=$?
if [ $code -eq 0 ] && grep -q 'iotmap serve: stopped' "$WORK/serve.err" && ! grep -q 'Sanitizer' "$WORK/serve.err"; then
	pass=1
else
	fail=1
	echo "FAIL: the server did not stop cleanly on SIGTERM (exit $code)"
	cat "$WORK/serve.err"
fi
echo "web shutdown: $pass passed, $fail failed"
[ $status -eq 0 ] && [ $fail -eq 0 ]
