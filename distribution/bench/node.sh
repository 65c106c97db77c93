# Shared by the benchmark scripts: unpack, start, wait for and stop an appliance on its own ports.
# Expects $root, $work and $port; sets $version, $tarball. TARBALL=<file> runs another build's archive (a copy of an
# earlier one, say), so that two builds can be measured in alternating rounds with the same script.
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
tarball=${TARBALL:-"$root/distribution/karaf/target/onewindow-$version.tar.gz"}
[ -f "$tarball" ] || { echo "no $tarball: build first (mvn install -DskipTests)" >&2; exit 1; }

now() { date +%s.%N; }
# await_health <start>: waits for the first 200 of /api/v1/health, which comes once every capability is ready
# (503 STARTING before); prints the seconds since <start>
await_health() {
  local start=$1
  for _ in $(seq 1 3600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/v1/health")" = 200 ]; then
      echo "$(now) - $start" | bc; return 0
    fi
    sleep 0.05
  done
  echo "not ready (no 200 from /api/v1/health) within 180 s" >&2; return 1
}
# unpack_node <dir> <ssh port>: a demo appliance on $port (HTTP) and $port + 20000 (HTTPS); prints its home
unpack_node() {
  rm -rf "$1" && mkdir -p "$1" && tar xzf "$tarball" -C "$1"
  local home="$1/onewindow-$version"
  sed -i 's/^demo = .*/demo = true/' "$home/etc/org.onewindow.node.cfg"
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^org.osgi.service.http.port.secure = .*/org.osgi.service.http.port.secure = $((port + 20000))/" "$home/etc/org.ops4j.pax.web.cfg"
  echo "sshPort = $2" >> "$home/etc/org.apache.karaf.shell.cfg"
  echo "$home"
}
start_node() { (cd "$1" && bin/karaf server > "$1/console.log" 2>&1 &); }
stop_node() {
  (cd "$1" && bin/stop) >/dev/null 2>&1 || true
  for _ in $(seq 1 150); do pgrep -f "karaf.home=$1" >/dev/null || return 0; sleep 0.2; done
  pkill -9 -f "karaf.home=$1" || true
}
refuse_busy_port() {
  if curl -s -o /dev/null "http://localhost:$1/"; then
    echo "port $1 is already answering: stop whatever runs there first" >&2; exit 1
  fi
}
