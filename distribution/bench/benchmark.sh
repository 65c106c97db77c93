#!/usr/bin/env bash
# OneWindow benchmark: cold boot to ready (the first 200 from /api/v1/health: every capability up), resident memory after boot,
# warm restart, catalog search latency over 1,000+ items, window intake under 1, 8 and 50 concurrent clerks beside the
# like-for-like raw pipeline (the same three durable commits and 200 KB fsynced, hashed file per case, plain JDBC and file
# I/O in the appliance's JVM) at the same concurrency, and intake open loop: cases arriving at a fixed rate.
# Prints figures; asserts nothing.
# Usage: distribution/bench/benchmark.sh [cold-boots]     (BUILD=1 also times `mvn install` with tests;
#        CLERKS="1 8 50" and SECONDS_PER_LEVEL=20 set the closed-loop load, RATE=20 the open loop's cases/s, 0 for none;
#        OPEN=100000 also times the supervision run over that many synthetic open cases)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
boots=${1:-3}
port=9381
work=$(mktemp -d /tmp/onewindow-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ "${BUILD:-0}" = 1 ]; then
  start=$(date +%s.%N)
  (cd "$root" && mvn -q -B install > "$work/build.log" 2>&1)
  printf 'build: mvn install with all tests: %.0f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
fi
. "$here/node.sh"
refuse_busy_port "$port"

times=()
for i in $(seq 1 "$boots"); do
  home=$(unpack_node "$work/node" 9391)
  t0=$(now); start_node "$home"
  t=$(await_health "$t0"); times+=("$t")
  printf 'cold boot %d: ready (first 200 from /api/v1/health) after %.2f s\n' "$i" "$t"
  if [ "$i" -lt "$boots" ]; then stop_node "$home"; fi
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf 'cold boot median: %.2f s (of %d)\n' "$(echo "$sorted" | sed -n "$(( (boots + 1) / 2 ))p")" "$boots"

sleep 10
pid=$(pgrep -f "karaf.home=$home" | head -1)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
printf 'resident memory 10 s after boot: %d MB (%d bundles)\n' $((rss / 1024)) "$(ls "$home/data/cache" | grep -c '^bundle')"

java "$here/CatalogSearchBench.java" "http://localhost:$port/api/v1" 2000
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
printf 'resident memory after the search run: %d MB\n' $((rss / 1024))

stop_node "$home"
t0=$(now); start_node "$home"
printf 'warm restart (same data): ready after %.2f s\n' "$(await_health "$t0")"

# the window under load, each level beside the raw JDBC baseline at the same concurrency
client() { echo "$1" | (cd "$home" && bin/client -a 9391 -u operator -p operator-demo -b 2>/dev/null); }
until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/cases?size=1"; do sleep 0.2; done
client "feature:install onewindow-bench" >/dev/null
# its commands are registered a moment after the feature is: ask until the shell knows the one used below
for _ in $(seq 1 60); do client "onewindow:bench-pipeline --help" | grep 'bench-pipeline' >/dev/null && break; sleep 1; done
for clerks in ${CLERKS:-1 8 50}; do
  intake=$(java "$here/IntakeLoadBench.java" "http://localhost:$port/api/v1" "$clerks" "${SECONDS_PER_LEVEL:-20}")
  raw=$(client "onewindow:bench-pipeline -t $clerks -d ${SECONDS_PER_LEVEL:-20}" | grep 'raw pipeline')
  printf '%s\n%s\n' "$intake" "$raw"
  rate() { sed -n 's/.*: \([0-9.]*\) [a-z ]*cases\/s.*/\1/p' <<< "$1"; }
  printf 'intake at %d clerks is %.0f %% of the raw pipeline\n' "$clerks" "$(echo "100 * $(rate "$intake") / $(rate "$raw")" | bc -l)"
done
if [ "${RATE:-20}" != 0 ]; then
  java "$here/IntakeLoadBench.java" "http://localhost:$port/api/v1" --rate "${RATE:-20}" "${SECONDS_PER_LEVEL:-20}"
fi
# the supervision run over $OPEN synthetic open cases (first pass: every card new), as relay-benchmark.sh runs it too
if [ "${OPEN:-0}" != 0 ]; then
  # the periodic run off first: one that fell inside the synthetic cases' insert (5 s after start, then every 60 s)
  # carded part of them, and the "first pass" then wrote a third fewer cards (27,534 of 42,277)
  sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
  sleep 5
  client "onewindow:bench-supervision -n $OPEN -r 1" | grep -v '^$'
fi
pid=$(pgrep -f "karaf.home=$home" | head -1)
printf 'resident memory at the end: %d MB, data/onewindow %s\n' $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) \
  "$(du -sh "$home/data/onewindow" | cut -f1)"
stop_node "$home"
