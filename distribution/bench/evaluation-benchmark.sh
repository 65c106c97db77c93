#!/usr/bin/env bash
# OneWindow 好差评 benchmark (issue 23). Prints figures; asserts nothing.
#  1. the figures over $RATINGS synthetic ratings (1,000,000 by default, a year of a hall, filled straight into the tables
#     by onewindow:bench-ratings): a department's month, by clerk, the hall's month by department and by clerk, a
#     department's year by month; p50/p99 of $LOOKUPS asks each (goal: a department's month p99 under 200 ms);
#  2. $PADS rating pads (50) rating at once over HTTP, each bound to its window by the administrator: ratings/s, p50/p99.
# Usage: distribution/bench/evaluation-benchmark.sh      (RATINGS=1000000 LOOKUPS=200 PADS=50 PER_PAD=40; TARBALL=)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9541
work=$(mktemp -d /tmp/onewindow-evaluation-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9551)
# the pads of this run all register from one address
sed -i 's/^padsPerMinute = .*/padsPerMinute = 1000/' "$home/etc/org.onewindow.evaluation.cfg"
t0=$(now); start_node "$home"; await_health "$t0" > /dev/null
client() { echo "$1" | (cd "$home" && bin/client -a 9551 -u operator -p operator-demo -b 2>/dev/null); }
client "feature:install onewindow-bench" > /dev/null
run="R$(date +%s)"
client "onewindow:bench-ratings -n ${RATINGS:-1000000} --lookups ${LOOKUPS:-200} --pads ${PADS:-50} --per-pad ${PER_PAD:-40} --run $run" | grep -v '^$'
java "$here/EvaluationBench.java" "http://localhost:$port/api/v1" "$run" "${PADS:-50}" "${PER_PAD:-40}"
echo "database on disk: $(du -sh "$home/data/onewindow/derby" | cut -f1)"
stop_node "$home"
