#!/usr/bin/env bash
# OneWindow licence library benchmark. Prints figures; asserts nothing.
#  1. bulk import rate: $LICENCES synthetic licences (1,000,000 by default) through the library's own
#     import (validation, duplicate check, batched insert), in files of $CHUNK rows, one transaction each;
#  2. holder lookups over that library: the personal catalog as GET /licences serves it (with its
#     access-log entry) and intake's reuse check, p50/p90/p99 (goal: p99 under 10 ms).
# Usage: distribution/bench/licence-benchmark.sh      (LICENCES=1000000 CHUNK=50000 LOOKUPS=5000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9481
work=$(mktemp -d /tmp/onewindow-licence-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9491)
sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
t0=$(now); start_node "$home"; await_health "$t0" >/dev/null
until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/licences?holder=110101195001010017&purpose=ready"; do sleep 0.2; done

client() { echo "$1" | (cd "$home" && bin/client -a 9491 -u operator -p operator-demo -b 2>/dev/null); }
client "feature:install onewindow-bench" > /dev/null
client "onewindow:bench-licences -n ${LICENCES:-1000000} --chunk ${CHUNK:-50000} --lookups ${LOOKUPS:-5000}" | grep -v '^$'
echo "database on disk: $(du -sh "$home/data/onewindow/derby" | cut -f1)"
stop_node "$home"
