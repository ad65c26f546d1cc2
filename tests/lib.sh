# Shell helpers shared by the test and benchmark scripts (source it; it defines functions only).

# served_port LOG SECONDS: the port that `iotmap serve --port 0` announced in LOG (its start-up line
# "open http://127.0.0.1:PORT/"), waiting up to SECONDS for it; prints nothing if it never came.
served_port() {
	local log=$1 port=""
	for _ in $(seq $(($2 * 20))); do
		port=$(sed -n 's|.*open http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
		[ -n "$port" ] && break
		sleep 0.05
	done
	echo "$port"
}
