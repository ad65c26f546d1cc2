#!/usr/bin/env bash
# Export and import benchmark: iotmap's JSON and CSV exports and its JSON import, for the real dataset
# and for the synthetic 10^6-mapping dataset, next to jq reading the same JSON file in the same run
# (the tool a user would otherwise reach for). Prints seconds and the ratio to jq.
#
#   make bench-formats        SIZES="1000000" by default for the synthetic part
set -eu
cd "$(dirname "$0")/.."
BIN=build/iotmap
GEN=build/gen_dataset
SIZES=${SIZES:-1000000}
command -v jq >/dev/null || { echo "bench-formats: needs jq"; exit 1; }
WORK=$(mktemp -d /tmp/iotmap-fmtbench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

secs() { # run a command, print its wall time in seconds
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null
	t1=$(date +%s%N)
	awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

row() { # name db
	local name=$1 db=$2
	local ej ec ij jq_t mb
	ej=$(secs $BIN export --db "$db" -o "$WORK/x.json")
	ec=$(secs $BIN export --db "$db" --format csv -o "$WORK/x.csv")
	rm -f "$WORK/in.db"
	ij=$(secs $BIN import --db "$WORK/in.db" "$WORK/x.json")
	jq_t=$(secs jq -c '.mappings | length' "$WORK/x.json")
	mb=$(du -m "$WORK/x.json" | cut -f1)
	printf '%-26s %8s %10s %10s %10s %8s %12s %12s\n' "$name" "$mb" "$ej" "$ec" "$ij" "$jq_t" \
		"$(awk -v a="$ej" -v b="$jq_t" 'BEGIN { printf "%.2f", a / b }')" \
		"$(awk -v a="$ij" -v b="$jq_t" 'BEGIN { printf "%.2f", a / b }')"
}

printf '%-26s %8s %10s %10s %10s %8s %12s %12s\n' dataset 'JSON MB' 'export s' 'csv s' 'import s' 'jq s' \
	'export/jq' 'import/jq'
$BIN build --db "$WORK/real.db" data >/dev/null
row "data/ (real)" "$WORK/real.db"
for n in $SIZES; do
	$GEN "$WORK/syn$n" "$n"
	$BIN build --db "$WORK/syn$n.db" "$WORK/syn$n" >/dev/null
	rm -rf "$WORK/syn$n"
	row "synthetic $n mappings" "$WORK/syn$n.db"
done
