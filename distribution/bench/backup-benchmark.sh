#!/usr/bin/env bash
# OneWindow backup benchmark: how long an online backup of a hall's years of work takes and how big it is, the second
# (incremental) backup, and the restore into a freshly unpacked appliance.
#  1. a district filled with $CASES synthetic cases and $SCANS scanned files of 200-500 KiB (onewindow:bench-backup-fill,
#     straight into intake's and scanning's tables and store: filling through REST runs at ~17 cases/s);
#  2. the first backup (POST /api/v1/backups), timed, with its size on the disk;
#  3. $MORE cases taken in through REST with one ~300 KiB scan each, then the second backup, timed (it copies only the new scans);
#  4. the appliance stopped, the first backup restored with bin/onewindow-restore into a fresh unpacked appliance, timed
#     (it checks every checksum first), and the restored appliance started until health answers and the cases are there.
# Prints figures; checks only that the restored appliance has the cases.
# Usage: distribution/bench/backup-benchmark.sh    (CASES=100000 SCANS=20000 MORE=50)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/onewindow-backup-bench.XXXXXX)
trap 'pkill -9 -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=9983
. "$here/node.sh"
refuse_busy_port $port
cases=${CASES:-100000}
scans=${SCANS:-20000}
more=${MORE:-50}

client() { echo "$2" | (cd "$1" && bin/client -a 9903 -u operator -p operator-demo -b 2>/dev/null) | grep -v '^$' || true; }
await() { for _ in $(seq 1 3000); do curl -sf -o /dev/null -u "$1" "http://localhost:$port/api/v1$2" && return 0; sleep 0.1; done; echo "no $2" >&2; exit 1; }
num() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" | head -1; }
total_cases() { curl -sf -u supervisor:supervisor-demo "http://localhost:$port/api/v1/cases?size=1" | num total; }
mib() { echo "scale=1; $1 / 1048576" | bc; }

a=$(unpack_node "$work/a" 9903)
backups="$work/backups"
sed -i "s|^directory =.*|directory = $backups|; s/^dailyAt =.*/dailyAt =/" "$a/etc/org.onewindow.backup.cfg"
sed -i 's/^intervalSeconds = .*/intervalSeconds = 0/' "$a/etc/org.onewindow.supervision.cfg"
start_node "$a"; await admin:admin-demo /backups; await clerk:clerk-demo "/cases?size=1"
client "$a" "feature:install onewindow-bench" > /dev/null
sleep 5

echo "== 1. fill: $cases cases, $scans scanned files"
client "$a" "onewindow:bench-backup-fill -n $cases -s $scans"
echo "the node holds $(total_cases) cases; data/onewindow: derby $(du -sh "$a/data/onewindow/derby" | cut -f1), scans $(du -sh "$a/data/onewindow/scans" | cut -f1)"

echo "== 2. the first backup"
t0=$(now); first=$(curl -sf -u admin:admin-demo -X POST "http://localhost:$port/api/v1/backups"); t1=$(now)
name=$(echo "$first" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
echo "first backup $name: $(echo "$t1 - $t0" | bc) s; $(echo "$first" | num cases) cases, $(echo "$first" | num scans) scans ($(echo "$first" | num newScans) copied, $(mib "$(echo "$first" | num newBytes)") MiB); $(mib "$(echo "$first" | num sizeBytes)") MiB in the manifest; on the disk: $(du -sh "$backups" | cut -f1) (database copy $(du -sh "$backups/$name/derby" | cut -f1))"

echo "== 3. $more cases with a scan each through REST, then the second backup"
# a real PNG header (scanning reads its dimensions) and ~300 KiB of incompressible bytes after it, like a scan
python3 -c 'import struct,zlib,sys
def chunk(t,d): return struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",1,1,8,0,0,0,0))+chunk(b"IDAT",zlib.compress(b"\0\0"))+chunk(b"IEND",b""))' > "$work/page.bin"
head -c 300000 /dev/urandom >> "$work/page.bin"
for i in $(seq 1 "$more"); do
  no=$(curl -sf -u clerk:clerk-demo -H 'Content-Type: application/json' \
    -d '{"itemCode":"RS-SB-003","applicant":{"idNumber":"441302199003071238","name":"张三"},"materials":["M01"]}' \
    "http://localhost:$port/api/v1/cases" | sed -n 's/.*"caseNo":"\([^"]*\)".*/\1/p')
  printf 'case %s page %s\n' "$no" "$i" >> "$work/page.bin"
  curl -sf -o /dev/null -u clerk:clerk-demo -F "file=@$work/page.bin;filename=page.png;type=image/png" \
    "http://localhost:$port/api/v1/cases/$no/materials" || true
done
t0=$(now); second=$(curl -sf -u admin:admin-demo -X POST "http://localhost:$port/api/v1/backups"); t1=$(now)
echo "second backup: $(echo "$t1 - $t0" | bc) s; $(echo "$second" | num scans) scans, $(echo "$second" | num newScans) copied ($(mib "$(echo "$second" | num newBytes)") MiB); backup directory now $(du -sh "$backups" | cut -f1)"

echo "== 4. restore of the first backup into a fresh appliance"
stop_node "$a"
b=$(unpack_node "$work/b" 9904)
t0=$(now); (cd "$b" && bin/onewindow-restore "$backups/$name" > "$work/restore.log" 2>&1) || { cat "$work/restore.log"; exit 1; }; t1=$(now)
echo "bin/onewindow-restore (checks every checksum, then copies): $(echo "$t1 - $t0" | bc) s"
start=$(now); start_node "$b"
took=$(await_health "$start")
await supervisor:supervisor-demo "/cases?size=1"
echo "restored appliance: start -> health 200 in $took s; it holds $(total_cases) cases"
stop_node "$b"
