#!/usr/bin/env bash
# OneWindow staff login benchmark: console logins with the slow salted hash (bcrypt, cost 10), one at a
# time and $THREADS at once (p50/p99, logins/s), and HTTP Basic requests whose verified login is
# remembered. Prints figures; asserts nothing.
# Usage: distribution/bench/login-benchmark.sh      (COUNT=200 THREADS=8)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9481
work=$(mktemp -d /tmp/onewindow-login-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9491)
# every login comes from this one address: the lock-outs must not slow the figures (no login fails here)
t0=$(now); start_node "$home"; await_health "$t0" > /dev/null
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u clerk:clerk-demo "http://localhost:$port/api/v1/catalog/items?size=1")" = 200 ] && break
  sleep 0.2
done
java "$here/LoginBench.java" "http://localhost:$port/api/v1" "${COUNT:-200}" "${THREADS:-8}"
stop_node "$home"
