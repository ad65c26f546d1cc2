#!/usr/bin/env bash
# Command-line tests as data (in the manner of jq's tests/jq.test): each case in tests/cli/*.test is
#
#   ### what the case shows
#   % a setup command (bash; must succeed)         zero or more
#   $ iotmap ARGUMENTS                             the command under test, run by bash with `iotmap`
#                                                  standing for the binary under test; with several
#                                                  $ lines, the last is checked and the others must
#                                                  succeed
#   --- stdout                                     expected standard output, exactly (optional)
#   --- stderr                                     expected standard error, exactly (optional)
#   --- exit N                                     expected exit status (required)
#
# In commands, $TMP is a fresh folder for the case, $FIX is tests/fixtures, IOTMAP_DB is $TMP/test.db
# and $IOTMAP_BIN the binary (for setup lines).
# In actual output the case's $TMP path is written back as $TMP, so expectations do not depend on it.
# A section left out is not checked. Trailing blank lines are ignored on both sides.
set -u
IOTMAP=$(realpath "$1")
shift
ROOT=$(pwd)
pass=0
fail=0
failed_names=()

trim() { sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'; }

run_case() {
	local file=$1 name=$2 setup=$3 cmds=$4 want_out=$5 want_err=$6 want_exit=$7 has_out=$8 has_err=$9
	local TMP
	TMP=$(mktemp -d)
	local FIX=$ROOT/tests/fixtures
	export TMP FIX IOTMAP_DB=$TMP/test.db IOTMAP_BIN=$IOTMAP
	local ok=1 why="" line
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		if ! (cd "$ROOT" && eval "$line") </dev/null >"$TMP/.setup.out" 2>&1; then
			ok=0
			why="setup failed: $line"$'\n'"$(cat "$TMP/.setup.out")"
			break
		fi
	done <<<"$setup"
	local last="" n=0
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		n=$((n + 1))
		if [ -n "$last" ] && [ $ok = 1 ]; then
			if ! (cd "$ROOT" && eval "$last") </dev/null >"$TMP/.setup.out" 2>&1; then
				ok=0
				why="setup command failed: $last"$'\n'"$(cat "$TMP/.setup.out")"
			fi
		fi
		last=$line
	done <<<"$cmds"
	if [ $ok = 1 ]; then
		(cd "$ROOT" && eval "$last") </dev/null >"$TMP/.out" 2>"$TMP/.err"
		local code=$?
		local out err
		out=$(sed "s|$TMP|\$TMP|g" "$TMP/.out" | trim)
		err=$(sed "s|$TMP|\$TMP|g" "$TMP/.err" | trim)
		if [ "$code" != "$want_exit" ]; then
			ok=0
			why="exit status $code, expected $want_exit"$'\n'"stderr: $err"
		fi
		if [ $ok = 1 ] && [ "$has_out" = 1 ] && [ "$out" != "$(printf '%s' "$want_out" | trim)" ]; then
			ok=0
			why="stdout differs:"$'\n'"$(diff <(printf '%s\n' "$want_out" | trim) <(printf '%s\n' "$out"))"
		fi
		if [ $ok = 1 ] && [ "$has_err" = 1 ] && [ "$err" != "$(printf '%s' "$want_err" | trim)" ]; then
			ok=0
			why="stderr differs:"$'\n'"$(diff <(printf '%s\n' "$want_err" | trim) <(printf '%s\n' "$err"))"
		fi
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
		rm -rf "$TMP"
	else
		fail=$((fail + 1))
		failed_names+=("$file: $name")
		printf 'FAIL %s: %s\n%s\n\n' "$file" "$name" "$why"
		rm -rf "$TMP"
	fi
}

iotmap() { "$IOTMAP" "$@"; }

for file in "$@"; do
	name="" setup="" cmds="" out="" err="" exit_code="" section="" has_out=0 has_err=0
	flush() {
		if [ -n "$name" ]; then
			if [ -z "$exit_code" ]; then
				echo "FAIL $file: $name: the case has no '--- exit N' line"
				fail=$((fail + 1))
			else
				run_case "$file" "$name" "$setup" "$cmds" "$out" "$err" "$exit_code" "$has_out" "$has_err"
			fi
		fi
		name="" setup="" cmds="" out="" err="" exit_code="" section="" has_out=0 has_err=0
	}
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in
		"### "*) flush; name=${line#\#\#\# } ;;
		"--- stdout") section=out; has_out=1 ;;
		"--- stderr") section=err; has_err=1 ;;
		"--- exit "*) exit_code=${line#--- exit }; section="" ;;
		*)
			if [ -z "$section" ]; then
				case "$line" in
				"% "*) setup+="${line#% }"$'\n' ;;
				"\$ "*) cmds+="${line#\$ }"$'\n' ;;
				"" | "#"*) ;;
				*) echo "FAIL $file: $name: cannot read line: $line"; fail=$((fail + 1)) ;;
				esac
			elif [ "$section" = out ]; then
				out+="$line"$'\n'
			else
				err+="$line"$'\n'
			fi
			;;
		esac
	done <"$file"
	flush
done

echo
echo "${TEST_LABEL:-command-line tests}: $pass passed, $fail failed"
for n in "${failed_names[@]+"${failed_names[@]}"}"; do echo "  failed: $n"; done
[ "$fail" = 0 ]
