#!/usr/bin/env bash
# Runs each unit-test binary (cmocka prints its own summary per group) and totals the groups.
set -u
pass=0
fail=0
for t in "$@"; do
	if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t"; fi
done
echo "unit test groups: $pass passed, $fail failed"
[ "$fail" = 0 ]
