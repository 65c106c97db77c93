#!/usr/bin/env bash
# Builds OneWindow if needed and starts the district appliance in the foreground, in demo mode
# (demo catalog, demo users). Data is kept between runs under distribution/run/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
tarball="$here/karaf/target/onewindow-$version.tar.gz"
port=${ONEWINDOW_HTTP_PORT:-8181}

stale() {
  [ ! -f "$tarball" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/bundles" "$root/features" "$root/etc" "$here/karaf" \
      "$here/simulator/src" -newer "$tarball" -type f -not -path '*/target/*' -print -quit)" ]
}
if stale; then
  echo "Building OneWindow $version (mvn install, tests skipped) ..."
  (cd "$root" && mvn -q -B install -DskipTests)
fi

run="$here/run"
home="$run/onewindow-$version"
if [ -d "$home" ] && [ "$tarball" -nt "$home/.unpacked" ]; then
  # a new build: fresh program files and bundle cache, but the same OneWindow data
  [ -d "$home/data/onewindow" ] && rm -rf "$run/onewindow-data.keep" && mv "$home/data/onewindow" "$run/onewindow-data.keep"
  rm -rf "$home"
fi
if [ ! -d "$home" ]; then
  mkdir -p "$run"
  tar xzf "$tarball" -C "$run"
  touch "$home/.unpacked"
  if [ -d "$run/onewindow-data.keep" ]; then mkdir -p "$home/data" && mv "$run/onewindow-data.keep" "$home/data/onewindow"; fi
fi
sed -i 's/^demo = .*/demo = true/' "$home/etc/org.onewindow.node.cfg"
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
secureport=${ONEWINDOW_HTTPS_PORT:-8443}
sed -i "s/^org.osgi.service.http.port.secure = .*/org.osgi.service.http.port.secure = $secureport/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s|^publicBaseUrl = .*|publicBaseUrl = http://localhost:$port|" "$home/etc/org.onewindow.online.cfg"

# fees are paid online at the payment gateway simulator, a process of its own with a fresh shared secret
paysim="$here/simulator/target/onewindow-department-simulator-$version.jar"
payport=${ONEWINDOW_PAYSIM_PORT:-9600}
payment="off (no simulator jar: fees are paid at the window)"
if [ -f "$paysim" ]; then
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  sed -i "s|^url = .*|url = http://localhost:$payport|; s|^secret =.*|secret = $secret|" "$home/etc/org.onewindow.online.gateway.cfg"
  java -cp "$paysim" org.onewindow.simulator.PaymentGatewaySimulator --port "$payport" --admin-port "$((payport + 1))" \
       --merchant OW441302 --secret "$secret" --exit-with-parent > "$run/payment-gateway.log" 2>&1 &
  payment="simulator at http://localhost:$payport (log: $run/payment-gateway.log)"
fi

# a sign-in code goes only to a mobile verified as the citizen's: bound by a clerk (console, 手机号绑定), noted on
# the citizen's own window case, or verified by the real-name verification simulator, a process of its own that
# knows two demo citizens; each side signs with its own key and has the other's public key
realport=${ONEWINDOW_REALNAME_PORT:-9700}
realname="off (no simulator jar: citizens bind their mobile at a window)"
if [ -f "$paysim" ]; then
  keys="$run/realname"
  mkdir -p "$keys" && chmod 700 "$keys"
  cat > "$keys/persons.json" <<'JSON'
[{"idNumber": "441302199003071238", "name": "张三", "mobile": "13800138000"},
 {"idNumber": "11010519491231002X", "name": "李四", "mobile": "13900139000"}]
JSON
  # the hall makes its key at its first start; the simulator reads it when asked
  java -cp "$paysim" org.onewindow.simulator.RealNameSimulator --port "$realport" --admin-port "$((realport + 1))" --app-id OW441302 \
       --key-file "$keys/platform-key.pem" --client-key-file "$home/data/onewindow/realname/hall-key.pub.pem" \
       --persons "$keys/persons.json" --exit-with-parent > "$run/real-name.log" 2>&1 &
  for _ in $(seq 1 100); do [ -f "$keys/platform-key.pem.pub" ] && break; sleep 0.1; done
  sed -i "s|^url =.*|url = http://localhost:$realport|; s|^platformKey =.*|platformKey = $keys/platform-key.pem.pub|" \
      "$home/etc/org.onewindow.online.realname.cfg"
  realname="simulator at http://localhost:$realport (log: $run/real-name.log); it knows
               张三 441302199003071238 13800138000 and 李四 11010519491231002X 13900139000"
fi

cat <<BANNER

  OneWindow $version -- district appliance, DEMO MODE (演示模式)
  Console      http://localhost:$port/console/   (staff; also at http://localhost:$port/)
  Kiosk        http://localhost:$port/kiosk/     (the hall's self-service terminal)
  API          http://localhost:$port/api/v1   (health: /api/v1/health, description: /api/v1/openapi.json)
  HTTPS        https://localhost:$secureport/console/ too, with the certificate the appliance made for itself at its first
               start (onewindow:tls-status shows its fingerprint; a real hall serves HTTPS only: docs/operations.md)
  Demo logins  admin/admin-demo  security/security-demo  auditor/auditor-demo
               clerk/clerk-demo  reviewer/reviewer-demo  supervisor/supervisor-demo
               (administrators may enrol a second factor on 我的账户; a real hall requires it)
  Online       http://localhost:$port/online/   (citizens; sign-in codes, as text messages, go to
               $home/data/onewindow/notices/notices.jsonl, only to a verified mobile)
  Payments     $payment
  Real name    $realname
  Shell        this console; or bin/client -u operator -p operator-demo from $home (SSH, this machine only)
  Data         $home/data/onewindow
  Stop         system:shutdown (or Ctrl-D) in the console

BANNER
cd "$home"
# Karaf warns "JAVA_HOME not set" without it: take the Java that runs here
if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  export JAVA_HOME
fi
exec bin/karaf
