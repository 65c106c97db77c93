#!/usr/bin/env bash
# OneWindow queue benchmark (issue 22): numbers and calls per second with $WINDOWS windows and $WAITING waiting numbers,
# a peak with windows calling every $PACE ms and $SCREENS hall screens on the board's long poll (call p50/p99, call to
# screen p50/p99), and the screens' CPU and memory against the same peak without them. Prints figures; asserts nothing.
# Usage: distribution/bench/queue-benchmark.sh      (WINDOWS=20 WAITING=500 SCREENS=5 PACE=1000 PEAK_SECONDS=20; TARBALL=)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9341
work=$(mktemp -d /tmp/onewindow-queue-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9351)
t0=$(now); start_node "$home"; await_health "$t0" > /dev/null
pid=$(pgrep -f "karaf.home=$home" | head -1)
java "$here/QueueBench.java" "http://localhost:$port/api/v1" "$pid" "${WINDOWS:-20}" "${WAITING:-500}" "${SCREENS:-5}" "${PACE:-1000}" "${PEAK_SECONDS:-20}"
stop_node "$home"
