#!/usr/bin/env bash
# What each feature adds to boot: cold boot to ready (the first 200 from /api/v1/health, which waits for every capability
# installed) and resident memory 10 s after it, of the whole district appliance, and of the same appliance without one
# feature at a time (taken out of featuresBoot; a feature that another needs comes back with it, and then costs nothing
# here). Each figure is the median of $BOOTS fresh unpacks. Prints figures; asserts nothing.
# Usage: distribution/bench/boot-benchmark.sh [feature ...]     (BOOTS=3; default: every optional capability)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9381
work=$(mktemp -d /tmp/onewindow-boot-bench.XXXXXX)
trap 'pkill -9 -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"
features=${*:-onewindow-console onewindow-online onewindow-hub onewindow-metrics onewindow-backup onewindow-crossdistrict
  onewindow-replication onewindow-relay onewindow-supervision onewindow-licences onewindow-scanning}

# without <feature> <cfg>: featuresBoot (one "name/version" a line, continued by ", \") without that feature
without() {
  awk -v drop="$1" '/^featuresBoot *=/ {list = 1; print "featuresBoot = \\"; next}
    list { name = $1; sub(/,$/, "", name); last = ($0 !~ /\\$/)
           if (name != "" && name != "\\" && name !~ "^" drop "/") kept[++n] = name
           if (last) { for (i = 1; i <= n; i++) print "    " kept[i] (i < n ? ", \\" : ""); list = 0 }
           next }
    {print}' "$2" > "$2.new" && mv "$2.new" "$2"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# boot_without <feature|-> : prints "<ready seconds> <RSS MB> <bundles>" medians over $BOOTS boots
boot_without() {
  local times=() rsss=() bundles=0
  for _ in $(seq 1 "${BOOTS:-3}"); do
    local home; home=$(unpack_node "$work/node" 9391)
    [ "$1" = - ] || without "$1" "$home/etc/org.apache.karaf.features.cfg"
    local t0; t0=$(now); start_node "$home"
    times+=("$(await_health "$t0")")
    sleep 10
    local pid; pid=$(pgrep -f "karaf.home=$home" | head -1)
    rsss+=("$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))")
    bundles=$(ls "$home/data/cache" | grep -c '^bundle')
    stop_node "$home"
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${rsss[@]}" | median) $bundles"
}
read -r all_t all_m all_b <<< "$(boot_without -)"
printf 'the whole appliance: ready after %.2f s, %d MB resident, %d bundles (median of %d boots)\n' "$all_t" "$all_m" "$all_b" "${BOOTS:-3}"
for f in $features; do
  read -r t m b <<< "$(boot_without "$f")"
  printf '%-24s adds %6.2f s and %4d MB to boot, %3d bundles (without it: %.2f s, %d MB)\n' "$f" "$(echo "$all_t - $t" | bc)" \
    $((all_m - m)) $((all_b - b)) "$t" "$m"
done
