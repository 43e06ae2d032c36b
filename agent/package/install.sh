#!/bin/sh
# Installs the Skyport agent on this Linux host (run as root from the unpacked
# download):   sudo ./skyport-agent/install.sh
# Removes it:  sudo /opt/skyport-agent/install.sh --uninstall
# Files go to /opt/skyport-agent; the agent runs as the system user
# skyport-agent under systemd (or in the background where there is none).
# HTTPS_PROXY, HTTP_PROXY and NO_PROXY set when you run this are kept for it.
set -eu
dir=/opt/skyport-agent
unit=/etc/systemd/system/skyport-agent.service
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" != 0 ]; then echo "install.sh: run it as root (sudo)" >&2; exit 1; fi
has_systemd() { command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; }

if [ "${1:-}" = "--uninstall" ]; then
  if has_systemd; then
    systemctl disable --now skyport-agent.service 2>/dev/null || true
    rm -f "$unit" && systemctl daemon-reload
  elif [ -f "$dir/agent.pid" ]; then
    kill "$(cat "$dir/agent.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
  id skyport-agent >/dev/null 2>&1 && userdel skyport-agent 2>/dev/null || true
  echo "Skyport agent removed. (Revoke it in the Skyport console to forget this host there.)"
  exit 0
fi

id skyport-agent >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin skyport-agent 2>/dev/null || true
mkdir -p "$dir"
install -m 0755 "$here/skyport-agent" "$dir/skyport-agent"
install -m 0755 "$here/install.sh" "$dir/install.sh"
install -m 0640 "$here/config.json" "$dir/config.json"
: > "$dir/agent.env"
for v in HTTPS_PROXY HTTP_PROXY NO_PROXY https_proxy http_proxy no_proxy; do
  eval "val=\${$v:-}"
  [ -n "$val" ] && printf '%s=%s\n' "$v" "$val" >> "$dir/agent.env"
done
owner=root
id skyport-agent >/dev/null 2>&1 && owner=skyport-agent
chown -R "$owner" "$dir"
chmod 0750 "$dir"

if has_systemd; then
  install -m 0644 "$here/skyport-agent.service" "$unit"
  systemctl daemon-reload
  systemctl enable --now skyport-agent.service
  echo "Skyport agent installed and started (systemctl status skyport-agent; logs: journalctl -u skyport-agent)."
else
  # no systemd (a container, an old init): run it in the background as its user
  set -a; . "$dir/agent.env"; set +a
  if [ "$owner" = skyport-agent ] && command -v runuser >/dev/null 2>&1; then
    runuser -u skyport-agent -- sh -c "nohup '$dir/skyport-agent' >/dev/null 2>&1 & echo \$! > '$dir/agent.pid'"
  else
    nohup "$dir/skyport-agent" >/dev/null 2>&1 &
    echo $! > "$dir/agent.pid"
  fi
  echo "Skyport agent installed and started in the background (no systemd here; log: $dir/agent.log)."
fi
