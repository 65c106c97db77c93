#!/usr/bin/env bash
# OneWindow city hub at a city's scale: a hub appliance alone on this machine, filled through its real ingest path with
# 16 districts' year of cases (HubFill.java: each district registers with its own key, is approved by fingerprint, and
# posts its journal in signed batches of 500, all 16 at once), then its read side (HubReads.java): the board, the district
# list, a page of the case index and a case's lookup, p50/p99. Prints figures; asserts nothing.
#  --postgres: the hub keeps its tables in PostgreSQL (jdbc:postgresql://localhost:5432/onewindow_hub, as .ci/postgres makes
#  it), and before the ingest the same rows are written with plain batched JDBC into scratch copies of the hub's tables in
#  the same database, 16 connections at once (the raw baseline; again after the ingest), for the ratio.
# Usage: distribution/bench/hub-benchmark.sh [--postgres]    (CASES=1000000 SEED=21 READS=200 JFR=<file> FILL=0 RAW=0; M2=~/.m2/repository for the
#        client's jars: onewindow-replication-api, -core and -audit-api as `mvn install` put them, Jackson, the PostgreSQL driver)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/onewindow-hub-bench.XXXXXX)
# a failed run shows the end of the hub's log before its directory goes
trap 'rc=$?; [ $rc = 0 ] || tail -40 "$work"/hub/*/data/log/karaf.log 2>/dev/null || true
  pkill -9 -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=9891
. "$here/node.sh"
refuse_busy_port $port
store=Derby
[ "${1:-}" = "--postgres" ] && store=PostgreSQL
m2=${M2:-$HOME/.m2/repository}
jar() { ls "$m2/$1"/*.jar | grep -v sources | head -1; }
cp="$(jar org/onewindow/onewindow-replication-api/$version):$(jar org/onewindow/onewindow-core/$version):$(jar org/onewindow/onewindow-audit-api/$version)"
for a in jackson-databind jackson-core; do cp="$cp:$(jar com/fasterxml/jackson/core/$a/2.21.0)"; done
cp="$cp:$(ls -d "$m2"/com/fasterxml/jackson/core/jackson-annotations/2.21* | head -1 | xargs -I{} sh -c 'ls {}/*.jar' | head -1)"
cp="$cp:$(ls "$m2"/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)"

home=$(unpack_node "$work/hub" 9811)
sed -i 's/^role = .*/role = hub/' "$home/etc/org.onewindow.node.cfg"
sed -i 's/^districtCode = .*/districtCode = 110100/' "$home/etc/org.onewindow.node.cfg"
raw=()
if [ "$store" = PostgreSQL ]; then
  [ "${FILL:-1}" = 0 ] || PGPASSWORD=onewindow psql -q -h localhost -U onewindow -d onewindow_hub -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  sed -i 's/^# dataSource.target = /dataSource.target = /' "$home/etc/org.onewindow.hub.cfg"
  printf '%s\n' "osgi.jdbc.driver.name = PostgreSQL JDBC Driver" "dataSourceName = onewindow-hub" \
    "url = jdbc:postgresql://localhost:5432/onewindow_hub" "user = onewindow" "password = onewindow" "pool = dbcp2" \
    "jdbc.pool.maxTotal = 16" > "$home/etc/org.ops4j.datasource-onewindow-hub.cfg"
  # RAW=0: no raw baseline (a 10 M fill, whose raw runs before and after would take as long again)
  [ "${RAW:-1}" = 0 ] || raw=(--raw jdbc:postgresql://localhost:5432/onewindow_hub)
fi
t0=$(now); start_node "$home"
for _ in $(seq 1 1200); do curl -sf -o /dev/null -u admin:admin-demo "http://localhost:$port/api/v1/hub/districts" && break; sleep 0.1; done
pid=$(pgrep -f "karaf.home=$home" | head -1)
if [ "${FILL:-1}" = 0 ]; then
  # FILL=0 (PostgreSQL): the read side of the hub a run before filled, its tables as they are
  echo "hub on $store up in $(echo "$(now) - $t0" | bc) s, on the tables as a run before left them"
  java -cp "$cp" "$here/HubReads.java" "http://localhost:$port" "${READS:-200}"
  stop_node "$home"; exit 0
fi
echo "hub on $store up in $(echo "$(now) - $t0" | bc) s; filling it with ${CASES:-1000000} cases from 16 districts"
# JFR=<file.jfr>: a minute of the hub's own flight recording, from JFR_DELAY (20) s into the fill, to see where ingest's time goes
[ -n "${JFR:-}" ] && (sleep "${JFR_DELAY:-20}"; jcmd "$pid" JFR.start duration=60s settings=profile filename="$JFR" > /dev/null) &
java -Xmx1g -cp "$cp" "$here/HubFill.java" "http://localhost:$port" "$root/bundles/onewindow-catalog/src/main/resources/demo/catalog.json" \
  "${CASES:-1000000}" "${SEED:-21}" "${raw[@]}"
echo "hub resident memory after the fill: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
if [ "$store" = PostgreSQL ]; then
  PGPASSWORD=onewindow psql -At -h localhost -U onewindow -d onewindow_hub -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size('onewindow_hub'))"
else
  echo "database size: $(du -sh "$home/data" | cut -f1) (all of data/)"
fi
java -cp "$cp" "$here/HubReads.java" "http://localhost:$port" "${READS:-200}"
stop_node "$home"
