#!/usr/bin/env bash
# OneWindow replication benchmark: a city hub and two districts as separate appliances on this machine.
# Prints figures; asserts nothing.
#  1. a day offline: the hub is down while each district journals $BACKLOG case records (50,000 by
#     default); the hub starts and both backlogs drain at once: drain time and cases/s applied;
#  2. the ceiling: the same batches posted by both districts at once to a handler that only discards them;
#  3. lag under a steady intake of $RATE cases/s per district (20) for $SECONDS_STEADY s (60): p50/p90/p99.
# Usage: distribution/bench/replication-benchmark.sh [--postgres]    (BACKLOG=50000 RATE=20 SECONDS_STEADY=60)
#   --postgres: the hub keeps its tables in PostgreSQL (jdbc:postgresql://localhost:5432/onewindow_hub, as .ci/postgres makes it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/onewindow-replication-bench.XXXXXX)
trap 'pkill -9 -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=9881
. "$here/node.sh"
for p in 9881 9882 9883; do refuse_busy_port $p; done
store=Derby
[ "${1:-}" = "--postgres" ] && store=PostgreSQL

node() { # node <name> <http port> <ssh port> <district code>
  local home; home=$(port=$2 unpack_node "$work/$1" "$3")
  sed -i "s/^districtCode = .*/districtCode = $4/" "$home/etc/org.onewindow.node.cfg"
  sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
  echo "$home"
}
hub=$(node hub 9881 9801 441300)
a=$(node a 9882 9802 441302)
b=$(node b 9883 9803 441303)
sed -i 's/^role = .*/role = hub/' "$hub/etc/org.onewindow.node.cfg"
if [ "$store" = PostgreSQL ]; then
  PGPASSWORD=onewindow psql -q -h localhost -U onewindow -d onewindow_hub -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  sed -i 's/^# dataSource.target = /dataSource.target = /' "$hub/etc/org.onewindow.hub.cfg"
  printf '%s\n' "osgi.jdbc.driver.name = PostgreSQL JDBC Driver" "dataSourceName = onewindow-hub" \
    "url = jdbc:postgresql://localhost:5432/onewindow_hub" "user = onewindow" "password = onewindow" "pool = dbcp2" \
    "jdbc.pool.maxTotal = 16" > "$hub/etc/org.ops4j.datasource-onewindow-hub.cfg"
fi
api() { curl -sf -u "$2" -H 'Content-Type: application/json' "${@:3}" "http://localhost:$1/api/v1"; }
await() { for _ in $(seq 1 1200); do curl -sf -o /dev/null -u "$2" "http://localhost:$1/api/v1$3" && return 0; sleep 0.1; done; echo "no $3 at $1" >&2; exit 1; }
client() { echo "$2" | (cd "$1" && bin/client -a "$3" -u operator -p operator-demo -b 2>/dev/null) | grep -v '^$' || true; }
for h in "$hub" "$a" "$b"; do start_node "$h"; done
await 9881 admin:admin-demo /hub/districts
for p in 9882 9883; do await $p admin:admin-demo /replication; done
for p in 9882 9883; do
  curl -sf -u admin:admin-demo -H 'Content-Type: application/json' -d '{"hubUrl":"http://localhost:9881"}' \
    "http://localhost:$p/api/v1/replication/registration" > /dev/null
done
# the city administrator approves each district with its key's fingerprint, as district IT reads it on its appliance
for pc in 9882:441302 9883:441303; do
  fingerprint=$(curl -sf -u admin:admin-demo "http://localhost:${pc%:*}/api/v1/replication" | sed -n 's/.*"fingerprint":"\([0-9A-F ]*\)".*/\1/p')
  curl -sf -u admin:admin-demo -H 'Content-Type: application/json' -d "{\"fingerprint\":\"$fingerprint\"}" \
    "http://localhost:9881/api/v1/hub/districts/${pc#*:}/approval" > /dev/null
done
client "$hub" "feature:install onewindow-bench" 9801 > /dev/null
for h in "$a:9802" "$b:9803"; do client "${h%:*}" "feature:install onewindow-bench" "${h#*:}" > /dev/null; done
backlog() { curl -sf -u admin:admin-demo "http://localhost:$1/api/v1/replication" | sed -n 's/.*"backlog":\([0-9]*\).*/\1/p'; }
until [ "$(backlog 9882)" = 0 ] && [ "$(backlog 9883)" = 0 ]; do sleep 0.2; done
echo "hub on $store; districts 441302 and 441303 federated"

echo "== 1. a day offline: ${BACKLOG:-50000} case records per district journaled while the hub is down"
pkill -9 -f "karaf.home=$hub" || true
client "$a" "onewindow:bench-journal -n ${BACKLOG:-50000}" 9802 &
client "$b" "onewindow:bench-journal -n ${BACKLOG:-50000}" 9803 &
wait
echo "backlog: 441302 $(backlog 9882), 441303 $(backlog 9883)"
t0=$(now); start_node "$hub"; await 9881 admin:admin-demo /hub/districts; up=$(now)
echo "hub up again in $(echo "$up - $t0" | bc) s"
# the districts retry on their back-off (at most backoffMaxMillis): the first batch applied starts the drain proper
first=""; drained_a=""; drained_b=""
while [ -z "$drained_a" ] || [ -z "$drained_b" ]; do
  left_a=$(backlog 9882); left_b=$(backlog 9883)
  [ -z "$first" ] && [ $((left_a + left_b)) -lt $((2 * ${BACKLOG:-50000})) ] && first=$(now)
  [ -z "$drained_a" ] && [ "$left_a" = 0 ] && drained_a=$(echo "$(now) - $up" | bc)
  [ -z "$drained_b" ] && [ "$left_b" = 0 ] && drained_b=$(echo "$(now) - $up" | bc)
  sleep 0.1
done
done_at=$(now)
total=$((2 * ${BACKLOG:-50000}))
echo "drained (hub up -> district backlog 0): 441302 in $drained_a s, 441303 in $drained_b s"
echo "of which waiting for the districts' next retry: $(echo "$first - $up" | bc) s"
echo "applied at the hub ($store), two districts at once: $(echo "$total / ($done_at - $first)" | bc) cases/s"

echo "== 2. the ceiling: the same batches posted to a handler that only discards them, both districts at once"
client "$a" "onewindow:bench-post --url http://localhost:9881/api/v1/bench/discard" 9802 | sed 's/^/441302 /' &
client "$b" "onewindow:bench-post --url http://localhost:9881/api/v1/bench/discard" 9803 | sed 's/^/441303 /' &
wait

echo "== 3. lag under a steady intake of ${RATE:-20} cases/s per district"
java "$here/ReplicationLag.java" http://localhost:9881 "${SECONDS_STEADY:-60}" "${RATE:-20}" http://localhost:9882 441302 http://localhost:9883 441303
for h in "$a" "$b" "$hub"; do stop_node "$h"; done
