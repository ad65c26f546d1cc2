#!/usr/bin/env bash
# Runs the optimised (not sanitised) command under valgrind over the fixture and the real dataset:
# every command must finish without memory errors and without definite or indirect leaks.
set -u
. "$(dirname "$0")/lib.sh"
BIN=$(realpath "$1")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export IOTMAP_DB=$TMP/v.db
pass=0
fail=0
vg() {
	local name=$1
	shift
	if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"; then
		pass=$((pass + 1))
	else
		local code=$?
		# Exit codes 1-4 are iotmap's own answers; 99 is valgrind's verdict.
		if [ $code -ne 99 ] && ! grep -q '^==[0-9]*==' "$TMP/err"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL valgrind: $name"
			cat "$TMP/err"
		fi
	fi
}
cp -r tests/fixtures/tiny "$TMP/bad" && sed -i 's/target: 2-1/target: 2-9/' "$TMP/bad/mappings/spoke-guide--hub-standard.yaml"
printf 'id: x\ntitle: "unclosed\n' >"$TMP/bad/documents/x.yaml"
vg "validate data" validate data
vg "validate broken" validate "$TMP/bad"
vg "build data" build data
vg "documents" documents
vg "show document" show etsi-en-303-645-v2.1.1
vg "show item" show etsi-en-303-645-v2.1.1:5.1-1
vg "show unknown item" show etsi-en-303-645-v2.1.1:5.1-9
vg "map" map uk-cop-2018:1 --format csv
vg "search" search 'password*'
vg "coverage" coverage etsi-en-303-645-v2.1.1 --format json
vg "export json" export -o "$TMP/x.json"
vg "export csv" export --format csv -o "$TMP/x.csv"
vg "failed build" build "$TMP/bad"
IOTMAP_FAULT_AFTER_ROWS=10 vg "interrupted build" build data
vg "help" help --markdown
# The server under valgrind: a few requests of each kind, then SIGTERM.
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect "$BIN" serve --port 0 --threads 2 --access-log /dev/null \
	2>"$TMP/serve.err" &
vpid=$!
port=$(served_port "$TMP/serve.err" 20)
for u in / /documents/uk-cop-2018 /items/etsi-en-303-645-v2.1.1:5.1-1 /items/x:y /coverage "/search?q=update" \
	/downloads/iotmap.json /api/v1/documents "/api/v1/mappings?ref=uk-cop-2018:1" /api/v1/nothing /static/style.css; do
	curl -s -o /dev/null --compressed "http://127.0.0.1:$port$u"
	curl -s -o /dev/null "http://127.0.0.1:$port$u"
done
curl -s -o /dev/null -X POST -d x "http://127.0.0.1:$port/"
kill -TERM $vpid
if wait $vpid && [ -n "$port" ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL valgrind: serve"
	cat "$TMP/serve.err"
fi
echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]
