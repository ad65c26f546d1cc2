#!/usr/bin/env bash
# `make check`: every test, then one closing line "N passed, N failed" over all of them.
#   unit tests (cmocka, AddressSanitizer + UndefinedBehaviorSanitizer)
#   command-line tests (tests/cli/*.test against the sanitised binary)
#   web tests (tests/web/*.test against a real sanitised server on a loopback port)
#   browser tests (tests/browser/run.mjs: Debian's Chromium driven by playwright-core)
#   valgrind runs of the optimised binary
#   the dataset passes `iotmap validate --strict`; docs/cli.md matches the help text
#   no text of the dataset shares a run of 7 words with the DCMS excerpts (make copycheck)
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
LOG=build/check
mkdir -p "$LOG"
total_pass=0
total_fail=0
add() { total_pass=$((total_pass + $1)); total_fail=$((total_fail + $2)); }
# add_summary LABEL FILE: adds FILE's line "LABEL: N passed, N failed"; a missing line counts as a failure.
add_summary() {
	local p f
	read -r p f < <(sed -n "s/^$1: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p" "$2")
	add "${p:-0}" "${f:-1}"
}

if ! make -s -j"$(nproc)" build/iotmap build/asan/iotmap build/copycheck; then
	echo "build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

# Unit tests: count cmocka's per-test lines.
make -s -j"$(nproc)" unit 2>&1 | tee "$LOG/unit.txt"
add "$(grep -c '^\[       OK \]' "$LOG/unit.txt")" "$(grep -c '^\[  FAILED  \] test' "$LOG/unit.txt")"
grep -q 'unit test groups: [0-9]* passed, 0 failed' "$LOG/unit.txt" || add 0 1

tests/run-cli.sh build/asan/iotmap tests/cli/*.test 2>&1 | tee "$LOG/cli.txt"
add_summary "command-line tests" "$LOG/cli.txt"

tests/run-web.sh build/asan/iotmap tests/web/*.test 2>&1 | tee "$LOG/web.txt"
add_summary "web cases" "$LOG/web.txt"
add_summary "web shutdown" "$LOG/web.txt"

# Browser tests in Chromium over the real dataset (needs tests/node_modules: npm ci --prefix tests).
if build/iotmap build --db build/browser.db data >/dev/null; then
	node tests/browser/run.mjs build/iotmap build/browser.db 2>&1 | tee "$LOG/browser.txt"
	add_summary "browser tests" "$LOG/browser.txt"
else
	add 0 1
fi

tests/run-valgrind.sh build/iotmap 2>&1 | tee "$LOG/valgrind.txt"
add_summary valgrind "$LOG/valgrind.txt"

if build/iotmap validate --strict data; then add 1 0; else echo "FAIL: the dataset does not validate cleanly"; add 0 1; fi
if make -s docs-check; then add 1 0; else add 0 1; fi
if make -s copycheck; then add 1 0; else echo "FAIL: dataset texts repeat source wording (above)"; add 0 1; fi

echo
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
