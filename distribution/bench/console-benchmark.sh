#!/usr/bin/env bash
# OneWindow console load benchmark: the first load of /console/ in headless Chromium on loopback, each run
# in a fresh browser with an empty cache (requests, bytes, time until the login form is usable). Prints
# figures; asserts nothing. Needs chromium and chromium-driver (Debian packages).
# Usage: distribution/bench/console-benchmark.sh      (RUNS=10)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9681
work=$(mktemp -d /tmp/onewindow-console-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"
(cd "$root" && mvn -q -o -pl distribution/itests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null)
home=$(unpack_node "$work/node" 9691)
t0=$(now); start_node "$home"; await_health "$t0" >/dev/null
until curl -sf -o /dev/null "http://localhost:$port/console/"; do sleep 0.2; done
java -cp "$(cat "$work/cp.txt")" "$here/ConsoleLoad.java" "http://localhost:$port" "${RUNS:-10}"
stop_node "$home"
