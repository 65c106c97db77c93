#!/usr/bin/env bash
# What the audit trail costs. Prints figures; asserts nothing.
#  1. window intake (IntakeLoadBench, $CLERKS clerks, $SECONDS_PER_LEVEL s a level) on two appliances of this build,
#     one recording as always, one with benchmarkWithoutTrail (demo mode only: it records nothing), alternating
#     $ROUNDS rounds so that a busy machine weighs on both alike;
#  2. a writing transaction as intake's are (one row, committed durably) by $THREADS writers, without and with one
#     audit record appended in it (onewindow:bench-audit, alternating rounds);
#  3. the trail filled with synthetic case reads up to $RECORDS (1,000,000 by default), then the whole chain verified,
#     as onewindow:audit-verify does.
# Usage: distribution/bench/audit-benchmark.sh    (CLERKS=8 SECONDS_PER_LEVEL=15 ROUNDS=2 THREADS=8 RECORDS=1000000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/onewindow-audit-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=9581
. "$here/node.sh"
refuse_busy_port 9581; refuse_busy_port 9582

port=9581; with=$(unpack_node "$work/with" 9591)
port=9582; without=$(unpack_node "$work/without" 9592)
sed -i 's/^benchmarkWithoutTrail = .*/benchmarkWithoutTrail = true/' "$without/etc/org.onewindow.audit.cfg"
for home in "$with" "$without"; do
  sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
  start_node "$home"
done
for port in 9581 9582; do
  t0=$(now); await_health "$t0" >/dev/null
  until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/cases?size=1"; do sleep 0.2; done
done
grep -q "THE AUDIT TRAIL RECORDS NOTHING" "$without/data/log/karaf.log" || { echo "the second appliance still records" >&2; exit 1; }

for round in $(seq 1 "${ROUNDS:-2}"); do
  for port in 9581 9582; do
    [ "$port" = 9581 ] && what="with the audit trail" || what="without it"
    echo "intake $what, round $round:"
    java "$here/IntakeLoadBench.java" "http://localhost:$port/api/v1" "${CLERKS:-8}" "${SECONDS_PER_LEVEL:-15}"
  done
done
stop_node "$without"

client() { echo "$1" | (cd "$with" && bin/client -a 9591 -u operator -p operator-demo -b 2>/dev/null); }
client "feature:install onewindow-bench" > /dev/null
client "onewindow:bench-audit -t ${THREADS:-8} -r ${ROUNDS:-2} -d 10 -n ${RECORDS:-1000000}" | grep -v '^$'
echo "database on disk: $(du -sh "$with/data/onewindow/derby" | cut -f1)"
stop_node "$with"
