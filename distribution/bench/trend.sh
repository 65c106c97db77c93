#!/usr/bin/env bash
# OneWindow's figures over time: runs a short fixed set of the benchmarks (cold boot, memory, catalog search, intake at 8
# clerks beside the raw pipeline, intake open loop at 20 cases/s, the supervision run's first pass over 100,000 open cases,
# and, with HUB=1, the city board at 1,000,000 cases) and appends one row with the commit and the machine to the table
# under "## Trend" in docs/performance.md. Says which figure is more than 10 % worse than the row before. Run it before a
# release, on a quiet machine; not a test: it fails nothing.
# Usage: distribution/bench/trend.sh        (HUB=1 adds the board at 1 M cases: several more minutes; FROM=file takes the
#        figures from the saved output of such a run instead of running it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
doc="$root/docs/performance.md"
out=$(mktemp /tmp/onewindow-trend.XXXXXX)
trap 'rm -f "$out"' EXIT

if [ -n "${FROM:-}" ]; then
  cp "$FROM" "$out"   # the figures of a run already made (its saved output)
else
  CLERKS=8 SECONDS_PER_LEVEL=20 RATE=20 OPEN=100000 "$here/benchmark.sh" 3 | tee "$out"
  if [ "${HUB:-0}" = 1 ]; then
    CASES=1000000 "$here/hub-benchmark.sh" | tee -a "$out"
  fi
fi
# first number after a pattern in the output, or "–"
pick() { local v; v=$(grep -m1 -E "$1" "$out" | sed -n -E "s/.*$2.*/\\1/p" | head -1); echo "${v:-–}"; }
boot=$(pick '^cold boot median' 'median: ([0-9.]+) s')
rss=$(pick '^resident memory 10 s after boot' 'boot: ([0-9]+) MB')
search=$(pick 'catalog search.*steady' 'p99 ([0-9.]+) ms')
intake=$(pick '^intake, 8 clerks' ': ([0-9.]+) accepted')
share=$(pick '^intake at 8 clerks is' 'is ([0-9]+) %')
open_p99=$(pick '^intake, open loop' 'p99 ([0-9.]+) ms')
supervision=$(pick '^first run' '\) +([0-9]+) ms wall')
board=$(pick '^board' 'p99 ([0-9.]+) ms')

commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo '+')
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1 /proc/loadavg)"
row="| $(date -u +%F) | $commit | $machine | $boot | $rss | $search | $intake | $share | $open_p99 | $supervision | $board |"

header='| date | commit | machine | cold boot (s) | RSS after boot (MB) | search p99, steady (ms) | intake, 8 clerks (cases/s) | of the raw pipeline (%) | open loop 20/s p99 (ms) | supervision first pass, 100 k (ms) | board p99 at 1 M (ms) |'
if ! grep -q '^## Trend' "$doc"; then
  printf '\n## Trend (`trend.sh`: one row a run, newest last)\n%s\n%s\n' "$header" '|---|---|---|---|---|---|---|---|---|---|---|' >> "$doc"
fi
last=$(awk '/^## Trend/ {t = 1; next} t && /^\| [0-9][0-9][0-9][0-9]-/ {row = $0} t && /^## / {t = 0} END {print row}' "$doc")
# the new row goes after the last row of the trend table
awk -v row="$row" '{lines[NR] = $0} /^## Trend/ {t = 1} t && /^\|/ {at = NR} t && /^## / && !/^## Trend/ {t = 0}
  END {for (i = 1; i <= NR; i++) {print lines[i]; if (i == at) print row}}' "$doc" > "$doc.new" && mv "$doc.new" "$doc"
echo "$row"

# more than 10 % worse than the row before: higher is worse for times and memory, lower for rates and shares
if [ -n "$last" ]; then
  awk -F'|' -v new="$row" 'BEGIN {
      split(new, n, "|"); split("boot rss search intake share open supervision board", names, " ")
      split("1 1 1 -1 -1 1 1 1", worse, " ") }
    { for (i = 5; i <= 12; i++) { o = $i + 0; v = n[i] + 0; k = i - 4
        if (o > 0 && v > 0 && ((worse[k] > 0 && v > o * 1.1) || (worse[k] < 0 && v < o * 0.9)))
          printf "worse by more than 10 %%: %s %s -> %s\n", names[k], o, v } }' <<< "$last"
fi
