#!/usr/bin/env bash
# OneWindow metrics benchmark: what the request timing costs on the request path, and what a scrape of
# /api/v1/metrics costs. Catalog search (CatalogSearchBench, one client) and window intake (IntakeLoadBench, 8 clerks)
# with the metrics bundle running and stopped, alternately (a busy machine drifts); then scrapes on the
# demo data, and again after the intake runs filled the database. Prints figures; asserts nothing.
# Usage: distribution/bench/metrics-benchmark.sh     (SEARCHES=2000, SECONDS_PER_RUN=15, ROUNDS="on off on off on off")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9381
work=$(mktemp -d /tmp/onewindow-metrics-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"
api="http://localhost:$port/api/v1"

home=$(unpack_node "$work/node" 9391)
# read the database at every scrape, to time the reading (the shipped cacheSeconds is 5)
sed -i 's/^cacheSeconds = .*/cacheSeconds = 0/' "$home/etc/org.onewindow.metrics.cfg"
t0=$(now); start_node "$home"
printf 'ready after %.1f s\n' "$(await_health "$t0")"
client() { echo "$1" | (cd "$home" && bin/client -a 9391 -u operator -p operator-demo -b 2>/dev/null); }
until curl -sf -o /dev/null -u clerk:clerk-demo "$api/cases?size=1"; do sleep 0.2; done
until curl -sf -o /dev/null -u monitor:monitor-demo "$api/metrics"; do sleep 0.2; done

# scrape <label>: 20 scrapes one after the other, as Prometheus would (the login is remembered a minute)
scrape() {
  local times=() n
  for _ in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -u monitor:monitor-demo "$api/metrics")")
  done
  n=$(curl -s -u monitor:monitor-demo "$api/metrics")
  printf 'scrape, %s: median %.1f ms over HTTP (of 20), reading the figures %.1f ms, %d lines, %d bytes; cases %s\n' "$1" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 10p | awk '{print $1 * 1000}')" \
    "$(echo "$n" | awk '/^onewindow_metrics_collect_seconds / {print $2 * 1000}')" "$(echo "$n" | wc -l)" "$(echo "$n" | wc -c)" \
    "$(echo "$n" | awk '/^onewindow_cases_taken_in_total / {print $2}')"
}
scrape "demo data"

metrics() { client "bundle:$1 onewindow-metrics" >/dev/null; sleep 2; }
for round in ${ROUNDS:-on off on off on off}; do
  if [ "$round" = on ]; then metrics start; else metrics stop; fi
  printf -- '--- metrics %s\n' "$round"
  java "$here/CatalogSearchBench.java" "$api" "${SEARCHES:-2000}" | grep 'steady state'
  java "$here/IntakeLoadBench.java" "$api" 8 "${SECONDS_PER_RUN:-15}"
done
metrics start
scrape "after the intake runs"
stop_node "$home"
