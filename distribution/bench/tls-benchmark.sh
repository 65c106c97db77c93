#!/usr/bin/env bash
# The cost of TLS: catalog search (one client, p50/p99, searches/s) and window intake (8 clerks by default: cases/s,
# p50/p99) over plain HTTP and over HTTPS (TLS 1.3, the appliance's own ECDSA P-256 certificate) on ONE appliance, in
# the same run, alternating HTTP and HTTPS rounds so that a busy machine weighs on both alike. Prints figures; asserts
# nothing. Clients keep their connections (keep-alive), as browsers and the console do.
# Usage: distribution/bench/tls-benchmark.sh     (ROUNDS=2, CLERKS=8, SECONDS_PER_LEVEL=15, SEARCHES=2000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=9381
secure=$((port + 20000))
work=$(mktemp -d /tmp/onewindow-tls-bench.XXXXXX)
trap 'pkill -f "karaf.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/node.sh"
refuse_busy_port "$port"

home=$(unpack_node "$work/node" 9391)
t0=$(now); start_node "$home"; await_health "$t0" >/dev/null
until curl -sf -o /dev/null -u clerk:clerk-demo "http://localhost:$port/api/v1/cases?size=1"; do sleep 0.2; done
# the benchmark's client trusts the appliance's own certificate, as a hall PC does once it is installed there
keytool -exportcert -rfc -alias appliance -keystore "$home/etc/onewindow/tls/appliance.p12" \
  -storepass "$(cat "$home/etc/onewindow/tls/appliance.password")" -file "$work/appliance.pem" >/dev/null 2>&1
keytool -importcert -noprompt -alias appliance -file "$work/appliance.pem" -keystore "$work/trust.p12" -storetype PKCS12 \
  -storepass bench-trust >/dev/null 2>&1
tls=(-Djavax.net.ssl.trustStore="$work/trust.p12" -Djavax.net.ssl.trustStorePassword=bench-trust -Djavax.net.ssl.trustStoreType=PKCS12)
curl -s -o /dev/null --cacert "$work/appliance.pem" "https://localhost:$secure/api/v1/health" || { echo "HTTPS does not answer" >&2; exit 1; }

for round in $(seq 1 "${ROUNDS:-2}"); do
  for scheme in http https; do
    p=$port; [ "$scheme" = https ] && p=$secure
    printf '%s, round %d: ' "$scheme" "$round"
    java "${tls[@]}" "$here/CatalogSearchBench.java" "$scheme://localhost:$p/api/v1" "${SEARCHES:-2000}" | tail -1
    printf '%s, round %d: ' "$scheme" "$round"
    java "${tls[@]}" "$here/IntakeLoadBench.java" "$scheme://localhost:$p/api/v1" "${CLERKS:-8}" "${SECONDS_PER_LEVEL:-15}"
  done
done
stop_node "$home"
