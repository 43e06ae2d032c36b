#!/usr/bin/env bash
# Installs the Debian packages named, if missing: only the steps that need them
# call this (the browser tests, the benchmarks, CI), so that `npm run setup`
# does only what serving needs. Without root or apt-get it says what to install.
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]}..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "missing: ${missing[*]} (as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
