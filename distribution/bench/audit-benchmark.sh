#!/usr/bin/env bash
# What the audit trail costs. Prints figures; asserts nothing.
#  1. a writing transaction as intake's are (one row, committed durably) by $THREADS writers, without and with one
#     audit record appended in it, alternating $ROUNDS rounds of $SECONDS_PER_ROUND s (onewindow:bench-audit);
#  2. the trail filled with synthetic case reads up to $RECORDS (1,000,000 by default), then the whole chain verified,
#     as onewindow:audit-verify does;
#  3. window intake (IntakeLoadBench, $CLERKS clerks) on this build, whose every case writes its audit records.
# Usage: distribution/bench/audit-benchmark.sh      (THREADS=8 ROUNDS=2 SECONDS_PER_ROUND=10 RECORDS=1000000 CLERKS=8)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=9581
work=$(mktemp -d /tmp/onewindow-audit-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9591)
sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
t0=$(now); start_node "$home"; await_health "$t0" >/dev/null
until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/cases?size=1"; do sleep 0.2; done

java "$here/IntakeLoadBench.java" "http://localhost:$port/api/v1" "${CLERKS:-8}" "${SECONDS_PER_LEVEL:-15}"
client() { echo "$1" | (cd "$home" && bin/client -a 9591 -u operator -p operator-demo -b 2>/dev/null); }
client "feature:install onewindow-bench" > /dev/null
client "onewindow:bench-audit -t ${THREADS:-8} -r ${ROUNDS:-2} -d ${SECONDS_PER_ROUND:-10} -n ${RECORDS:-1000000}" | grep -v '^$'
echo "database on disk: $(du -sh "$home/data/onewindow/derby" | cut -f1)"
stop_node "$home"
