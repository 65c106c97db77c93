#!/usr/bin/env bash
# The cost of an idle district appliance: CPU time its JVM uses over a quiet window, from /proc/<pid>/stat
# (user + system ticks), as a share of one core; and the time from start to the first answer of
# /api/v1/health and to UP (200, every capability ready). Prints figures; asserts nothing.
# Usage: distribution/bench/idle-cpu.sh [seconds]     (default 300; SETTLE=60 seconds of quiet after UP first,
#        TARBALL=<onewindow-*.tar.gz> measures another build, such as the one before a change, in the same sitting)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
window=${1:-300}
settle=${SETTLE:-60}
port=9471
work=$(mktemp -d /tmp/onewindow-idle.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
if [ -n "${TARBALL:-}" ]; then
  tarball=$TARBALL
  version=$(basename "$tarball" .tar.gz | sed 's/^onewindow-//')
fi
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9411)
t0=$(now); start_node "$home"
first=""
for _ in $(seq 1 2400); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/v1/health" || true)
  if [ -z "$first" ] && [ "$code" != 000 ]; then first=$(echo "$(now) - $t0" | bc); fi
  [ "$code" = 200 ] && break
  sleep 0.05
done
[ "$code" = 200 ] || { echo "no 200 from /api/v1/health within 120 s" >&2; exit 1; }
up=$(echo "$(now) - $t0" | bc)
printf 'start to first answer of /api/v1/health: %.2f s; to 200 (%s): %.2f s\n' "$first" \
  "$(curl -s "http://localhost:$port/api/v1/health" | sed -n 's/.*"status":"\([A-Z]*\)".*/\1/p')" "$up"

pid=$(pgrep -f "karaf.home=$home" | head -1)
sleep "$settle"
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks); s0=$(now)
sleep "$window"
after=$(ticks); s1=$(now)
seconds=$(echo "$s1 - $s0" | bc)
printf 'idle CPU over %.0f s (after %d s of quiet): %.2f %% of one core (%d ticks at %d Hz); threads: %d\n' "$seconds" "$settle" \
  "$(echo "scale=4; ($after - $before) / $hz / $seconds * 100" | bc)" $((after - before)) "$hz" "$(ls "/proc/$pid/task" | wc -l)"
stop_node "$home"
