#!/usr/bin/env bash
# Scaling benchmark: build time and query times against dataset size, with ratios to the smallest
# size measured in the same run (so the numbers compare like with like on whatever machine runs it).
#
#   make bench                    sizes 10^4, 10^5, 10^6 mappings
#   SIZES="10000 100000" make bench
#
# Expectation: build grows linearly (time per mapping roughly constant); looking up one spoke item
# (show, map) stays flat; a hub item's page and hub coverage touch every mapping of the hub, so they grow
# with the number of mappings (linearly, not worse).
set -eu
cd "$(dirname "$0")/.."
BIN=build/iotmap
GEN=build/gen_dataset
SIZES=${SIZES:-"10000 100000 1000000"}
REPEAT=${REPEAT:-15}
WORK=$(mktemp -d /tmp/iotmap-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

now_ns() { date +%s%N; }

# Median wall time in milliseconds of REPEAT runs of a command.
median_ms() {
	local times=()
	for _ in $(seq "$REPEAT"); do
		local t0 t1
		t0=$(now_ns)
		"$@" >/dev/null
		t1=$(now_ns)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

printf '%-10s %-10s %-10s %-9s %-9s %-9s %-9s %-9s\n' mappings build_s us/map show_ms map_ms hubshow_ms coverage_ms db_MB
declare -A base
for n in $SIZES; do
	dir=$WORK/d$n
	db=$WORK/d$n.db
	$GEN "$dir" "$n"
	t0=$(now_ns)
	$BIN build --db "$db" "$dir" >/dev/null
	t1=$(now_ns)
	build_s=$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", ns/1e9}')
	per=$(awk -v ns=$((t1 - t0)) -v n="$n" 'BEGIN {printf "%.2f", ns/1e3/n}')
	show=$(median_ms $BIN show --db "$db" spoke-00000:R5)
	map=$(median_ms $BIN map --db "$db" spoke-00000:R5)
	hub=$(median_ms $BIN show --db "$db" --format json hub:5-5)
	cov=$(median_ms $BIN coverage --db "$db" --format json hub)
	mb=$(du -m "$db" | cut -f1)
	printf '%-10s %-10s %-10s %-9s %-9s %-9s %-9s %-9s\n' "$n" "$build_s" "$per" "$show" "$map" "$hub" "$cov" "$mb"
	if [ -z "${base[build]:-}" ]; then
		base=([n]=$n [build]=$build_s [per]=$per [show]=$show [map]=$map [hub]=$hub [cov]=$cov)
	fi
	ratios+=("$(awk -v n="$n" -v b="${base[n]}" -v p="$per" -v bp="${base[per]}" -v s="$show" -v bs="${base[show]}" \
		-v m="$map" -v bm="${base[map]}" -v h="$hub" -v bh="${base[hub]}" -v c="$cov" -v bc="${base[cov]}" \
		'BEGIN {printf "%-10s x%-9.0f %-10.2f %-9.2f %-9.2f %-10.2f %-9.2f", n, n/b, p/bp, s/bs, m/bm, h/bh, c/bc}')")
	rm -rf "$dir" "$db"
done
echo
echo "Ratios to the first size (1.00 = no growth; 'size' is the growth in mappings):"
printf '%-10s %-10s %-10s %-9s %-9s %-10s %-9s\n' mappings size us/map show map hubshow coverage
printf '%s\n' "${ratios[@]}"
