#!/bin/sh
# Lists the etc/ files the appliance ships, with their SHA-256, in lib/onewindow/shipped-etc.sha256 of the assembly
# (run by the build between karaf:assembly and karaf:archive): bin/onewindow-upgrade compares a hall's etc/ against it
# to tell the hall's changes from the release's. A file without a newline at its end is hashed with one, since
# Karaf's file install adds it to a .cfg it reads (bin/onewindow-upgrade hashes the same way).
#   shipped-etc.sh <assembly folder> <version>
set -eu
assembly=$1; version=$2
list="$assembly/lib/onewindow/shipped-etc.sha256"
mkdir -p "$(dirname "$list")"
sum() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi; }
{
  echo "# OneWindow $version"
  (cd "$assembly/etc" && find . -type f | sed 's:^\./::' | LC_ALL=C sort | while read -r f; do
    echo "$({ cat "$f"; [ -z "$(tail -c 1 "$f")" ] || echo; } | sum | cut -d' ' -f1)  $f"
  done)
} > "$list"
