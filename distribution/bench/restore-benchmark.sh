#!/usr/bin/env bash
# OneWindow restore benchmark: a district restored from an older copy of its data/ while the city hub holds $BEHIND more of
# its records (10,000 by default), and how long until it has them back and takes in cases again.
#  1. a hub and a district, federated; district IT copies the stopped district's data/ (the backup);
#  2. the district journals $BEHIND case records after the copy (onewindow:bench-journal), which the hub acknowledges;
#  3. the disk dies: the district is killed, its data/ replaced by the copy, and started; timed from the start: health,
#     the hub's refusal of the rewound journal, the reconciliation (records taken back per second), the first case taken in.
# Prints figures; asserts nothing but that the district ends with the cases the hub has.
# Usage: distribution/bench/restore-benchmark.sh    (BEHIND=10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/onewindow-restore-bench.XXXXXX)
trap 'pkill -9 -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=9981
. "$here/node.sh"
for p in 9981 9982; do refuse_busy_port $p; done
behind=${BEHIND:-10000}

node() { # node <name> <http port> <ssh port> <district code>
  local home; home=$(port=$2 unpack_node "$work/$1" "$3")
  sed -i "s/^districtCode = .*/districtCode = $4/" "$home/etc/org.onewindow.node.cfg"
  sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$home/etc/org.onewindow.supervision.cfg"
  echo "$home"
}
hub=$(node hub 9981 9901 441300)
a=$(node a 9982 9902 441302)
sed -i 's/^role = .*/role = hub/' "$hub/etc/org.onewindow.node.cfg"
await() { for _ in $(seq 1 3000); do curl -sf -o /dev/null -u "$2" "http://localhost:$1/api/v1$3" && return 0; sleep 0.1; done; echo "no $3 at $1" >&2; exit 1; }
client() { echo "$2" | (cd "$1" && bin/client -a "$3" -u operator -p operator-demo -b 2>/dev/null) | grep -v '^$' || true; }
link() { curl -sf -u admin:admin-demo "http://localhost:9982/api/v1/replication"; }
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -1; }
backlog() { link | sed -n 's/.*"backlog":\([0-9]*\).*/\1/p'; }
hub_cases() { curl -sf -u supervisor:supervisor-demo "http://localhost:9981/api/v1/hub/districts" | sed -n 's/.*"code":"441302"[^}]*"cases":\([0-9]*\).*/\1/p'; }
district_cases() { curl -sf -u supervisor:supervisor-demo "http://localhost:9982/api/v1/cases?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
open_case() {
  curl -s -o /dev/null -w '%{http_code}' -u clerk:clerk-demo -H 'Content-Type: application/json' \
    -d '{"itemCode":"RS-SB-003","applicant":{"idNumber":"441302199003071238","name":"张三"},"materials":["M01"]}' \
    "http://localhost:9982/api/v1/cases"
}

for h in "$hub" "$a"; do start_node "$h"; done
await 9981 admin:admin-demo /hub/districts
await 9982 admin:admin-demo /replication
curl -sf -u admin:admin-demo -H 'Content-Type: application/json' -d '{"hubUrl":"http://localhost:9981"}' \
  "http://localhost:9982/api/v1/replication/registration" > /dev/null
fingerprint=$(link | sed -n 's/.*"fingerprint":"\([0-9A-F ]*\)".*/\1/p')
curl -sf -u admin:admin-demo -H 'Content-Type: application/json' -d "{\"fingerprint\":\"$fingerprint\"}" \
  "http://localhost:9981/api/v1/hub/districts/441302/approval" > /dev/null
until [ "$(open_case)" = 201 ]; do sleep 0.5; done
until [ "$(backlog)" = 0 ]; do sleep 0.2; done
echo "hub and district 441302 federated"

echo "== 1. the backup: data/ of the stopped district copied"
stop_node "$a"
t0=$(now); cp -a "$a/data" "$work/backup"; t1=$(now)
echo "copied $(du -sh "$work/backup" | cut -f1) in $(echo "$t1 - $t0" | bc) s"
start_node "$a"; await 9982 admin:admin-demo /replication
client "$a" "feature:install onewindow-bench" 9902 > /dev/null

echo "== 2. $behind case records after the copy, acknowledged by the hub"
client "$a" "onewindow:bench-journal -n $behind" 9902
until [ "$(backlog)" = 0 ]; do sleep 0.5; done
echo "the hub holds $(hub_cases) cases of 441302, acknowledged up to #$(link | field acked)"

echo "== 3. the disk dies: the district killed, its data/ replaced by the copy, started again"
pkill -9 -f "karaf.home=$a" || true
t0=$(now); rm -rf "$a/data"; cp -a "$work/backup" "$a/data"; t1=$(now)
echo "data/ put back in $(echo "$t1 - $t0" | bc) s"
start=$(now); start_node "$a"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:9982/api/v1/health")" = 200 ]; do sleep 0.05; done
echo "start -> health UP: $(echo "$(now) - $start" | bc) s"
await 9982 admin:admin-demo /replication
until link | grep -q '"restore":{'; do sleep 0.1; done
found=$(echo "$(now) - $start" | bc)
echo "start -> the hub's refusal of the rewound journal (JOURNAL_REWOUND) found: $found s"
until [ "$(link | sed -n 's/.*"restore":{"state":"\([A-Z]*\)".*/\1/p')" != REWOUND ]; do sleep 0.1; done
reconciled=$(echo "$(now) - $start" | bc)
restore=$(link | sed -n 's/.*"restore":{\(.*\)/\1/p')
records=$(echo "$restore" | sed -n 's/.*"recordsRestored":\([0-9]*\).*/\1/p')
millis=$(echo "$restore" | sed -n 's/.*"millis":\([0-9]*\).*/\1/p')
echo "start -> reconciled ($(echo "$restore" | sed -n 's/^"state":"\([A-Z]*\)".*/\1/p')): $reconciled s;" \
  "the district's own account: $records records taken back in $millis ms ($(echo "$records * 1000 / $millis" | bc) records/s)"
until [ "$(open_case)" = 201 ]; do sleep 0.1; done
echo "start -> first case taken in: $(echo "$(now) - $start" | bc) s"
until [ "$(backlog)" = 0 ]; do sleep 0.2; done
echo "cases: district $(district_cases), hub $(hub_cases) (the hub's count follows the district's next batches)"
for h in "$a" "$hub"; do stop_node "$h"; done
