#!/usr/bin/env bash
# Seed corpus for fuzz_inputs: one file per reader, each prefixed with the byte that selects it.
set -eu
out=$1
bin=$2
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build --db "$tmp/t.db" tests/fixtures/tiny >/dev/null
"$bin" export --db "$tmp/t.db" -o "$tmp/x.json"
"$bin" export --db "$tmp/t.db" --format csv -o "$tmp/x.csv"
"$bin" export --db "$tmp/t.db" --format oscal-catalog --document hub-standard -o "$tmp/c.json"
"$bin" export --db "$tmp/t.db" --format oscal-mapping --source spoke-guide --target hub-standard -o "$tmp/m.json"
"$bin" export --db "$tmp/t.db" --format xlsx -o "$tmp/w.xlsx"
seed() { { printf "\\$(printf '%03o' "$1")"; cat "$2"; } >"$out/seed-$1-$(basename "$2")"; }
seed 0 tests/fixtures/tiny/documents/hub-standard.yaml
seed 1 tests/fixtures/tiny/mappings/spoke-guide--hub-standard.yaml
seed 2 "$tmp/x.json"
seed 3 "$tmp/x.csv"
seed 4 "$tmp/c.json"
seed 5 "$tmp/m.json"
head -c 20000 ../shared/dcms/Mapping-of-Code-of-Practice-to-recommendations-and-standards_v4.json >"$tmp/d.json" 2>/dev/null || echo '[{"Version":"4.0"}]' >"$tmp/d.json"
seed 6 "$tmp/d.json"
seed 7 "$tmp/w.xlsx"
