#!/usr/bin/env bash
# OneWindow relay and supervision benchmark. Prints figures; asserts nothing.
#  1. relay throughput to the department simulator (a process of its own, real HTTP): a backlog of
#     $CASES accepted cases built while the department is down, then drained with 0 ms and 50 ms of
#     simulated department latency (cases/s handed over);
#  2. the time to drain a $BACKLOG-case backlog after an outage (10,000 by default);
#  3. the supervision run over $OPEN synthetic open cases (100,000 by default; goal under 2 s).
# Usage: distribution/bench/relay-benchmark.sh      (CASES=2000 BACKLOG=10000 OPEN=100000 CLERKS=16;
#        SUPERVISION_ONLY=1 skips the relay figures)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9381
sim=9510
work=$(mktemp -d /tmp/onewindow-relay-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; [ -n "${simpid:-}" ] && kill "$simpid" 2>/dev/null; rm -rf "$work"' EXIT
. "$here/node.sh"
jar="$root/distribution/simulator/target/onewindow-department-simulator-$version.jar"
[ -f "$jar" ] || { echo "no $jar: build first" >&2; exit 1; }
refuse_busy_port "$port"; refuse_busy_port "$sim"

home=$(unpack_node "$work/node" 9391)
secret=bench-shared-secret-0001
cat > "$home/etc/org.onewindow.relay.department-SJ.cfg" <<CFG
code = SJ
mode = remote
url = http://localhost:$sim
secret = $secret
CFG
sed -i "s|^callbackBaseUrl = .*|callbackBaseUrl = http://localhost:$port/api|; s|^backoffMaxMillis = .*|backoffMaxMillis = 5000|" \
  "$home/etc/org.onewindow.relay.cfg"
sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
t0=$(now); start_node "$home"; await_health "$t0" >/dev/null
until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/cases?size=1"; do sleep 0.2; done

java -Xmx512m -jar "$jar" --port "$sim" --admin-port $((sim + 1)) --secret "$secret" --department SJ > "$work/simulator.log" 2>&1 &
simpid=$!
until curl -sf -o /dev/null "http://localhost:$((sim + 1))/admin/health"; do sleep 0.2; done
admin() { curl -sf -X POST -H 'Content-Type: application/json' -d "$2" "http://localhost:$((sim + 1))/admin/$1" > /dev/null; }
bench() { java "$here/RelayBench.java" "http://localhost:$port/api/v1" "http://localhost:$((sim + 1))/admin" "$@"; }

drain() { # drain <cases> <latency ms> <label>
  admin reset '{}'
  admin config '{"down":true,"autoDecide":false,"latencyMs":'"$2"'}'
  bench fill "$1" "${CLERKS:-16}"
  admin config '{"down":false}'
  bench drain "$1" "$3"
}
if [ "${SUPERVISION_ONLY:-0}" != 1 ]; then
  drain "${CASES:-2000}" 0 "relay, 0 ms department latency"
  drain "${CASES:-2000}" 50 "relay, 50 ms department latency"
  drain "${BACKLOG:-10000}" 0 "backlog after an outage"
fi

client() { echo "$1" | (cd "$home" && bin/client -a 9391 -u operator -p operator-demo -b 2>/dev/null); }
client "feature:install onewindow-bench" > /dev/null
client "onewindow:bench-supervision -n ${OPEN:-100000}" | grep -v '^$'
stop_node "$home"
