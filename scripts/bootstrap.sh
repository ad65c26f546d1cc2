#!/bin/sh
# Quick start on a fresh Debian 12 machine: install what is missing, then run a make target.
#
#   sh scripts/bootstrap.sh run     build, compile data/ into the database, start the web site
#   sh scripts/bootstrap.sh check   build and run every test (this is what CI runs)
#
# Only missing Debian packages are installed (apt-get, as root). Everything else is in the tree.
set -eu
target=${1:-run}
cd "$(dirname "$0")/.."

build_pkgs="make gcc libc6-dev pkg-config libfyaml-dev libjansson-dev libsqlite3-dev libcsv-dev libmicrohttpd-dev zlib1g-dev libxlsxwriter-dev libssl-dev libzip-dev libxml2-dev"
test_pkgs="libcmocka-dev jq sqlite3 valgrind curl unzip zip xlsx2csv chromium"
pkgs=$build_pkgs
case "$target" in
run | all | db | docs) ;;
*) pkgs="$build_pkgs $test_pkgs" ;;
esac

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# The browser tests run on Node.js with npm; a machine may have them from elsewhere than Debian.
case "$pkgs" in *chromium*)
	command -v node >/dev/null 2>&1 || missing="$missing nodejs"
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
	;;
esac
if [ -n "$missing" ]; then
	echo "installing:$missing"
	if [ "$(id -u)" != 0 ]; then
		echo "bootstrap: these Debian packages are missing:$missing; run as root or install them first" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
case "$target" in
check | test | browser-tests)
	# Test tools at the versions pinned in tests/package-lock.json: playwright-core (it drives Debian's
	# Chromium and downloads no browser of its own) and ajv-cli with ajv-formats (JSON Schema checks).
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	;;
esac
exec make -j"$(nproc)" "$target"
