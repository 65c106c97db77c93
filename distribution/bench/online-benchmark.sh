#!/usr/bin/env bash
# OneWindow online channel benchmark: a clerk binds $CITIZENS citizens' mobiles, they sign in (codes go only
# to a verified mobile), then book with $CITIZENS concurrent citizens on one hall (bookings/s, p50/p99), and
# all of them rush one slot of capacity $CAPACITY (no overbooking).
# Prints figures; asserts nothing.
# Usage: distribution/bench/online-benchmark.sh      (CITIZENS=200 SECONDS=30 CAPACITY=50)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9381
citizens=${CITIZENS:-200}
seconds=${SECONDS_OF_LOAD:-30}
capacity=${CAPACITY:-50}
work=$(mktemp -d /tmp/onewindow-online-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9391)
cfg="$home/etc/org.onewindow.online.cfg"
# every citizen signs in from this one address, at once; the hall is large, but the group of the
# rushed item (GA) holds $capacity per slot
sed -i "s/^codesPerClientPerHour = .*/codesPerClientPerHour = 100000/; s/^codeIntervalSeconds = .*/codeIntervalSeconds = 0/;
        s/^slotCapacity = .*/slotCapacity = 100000/; s/^groupCapacities =.*/groupCapacities = GA=$capacity/" "$cfg"
t0=$(now); start_node "$home"; await_health "$t0" > /dev/null
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/v1/public/online/appointments/days")" = 200 ] && break
  sleep 0.2
done
java "$here/BookingBench.java" "http://localhost:$port/api/v1" "$home/data/onewindow/notices/notices.jsonl" "$citizens" "$seconds" GA-HJ-004 "$capacity"
stop_node "$home"
