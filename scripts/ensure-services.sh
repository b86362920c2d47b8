#!/usr/bin/env bash
# Installs the Debian packages of the services the multi-node tests run on, when missing:
# PostgreSQL (the shared store), Redis (session leases) and nginx (the proxy in front of several
# nodes, deploy/nginx.conf). The tests start their own throw-away instances of them on loopback
# ports with temp data directories (server/testing/); this script only makes sure the programs exist.
# To add a service: one line in SERVICES below, "package|a command that succeeds once it is installed".
set -euo pipefail

SERVICES=(
  "postgresql|compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v pg_config >/dev/null"
  "redis-server|command -v redis-server || test -x /usr/bin/redis-server"
  "nginx|command -v nginx || test -x /usr/sbin/nginx"
)

missing=()
for entry in "${SERVICES[@]}"; do
  package="${entry%%|*}"
  probe="${entry#*|}"
  if ! bash -c "$probe" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Missing for the multi-node and PostgreSQL tests: ${missing[*]}; installing the Debian packages…"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "error: ${missing[*]} missing and this user cannot install packages (not root, no sudo)." >&2
  echo "Install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and apt-get is not available; install them by hand." >&2
  exit 1
fi

"${SUDO[@]}" apt-get update
# The packages' own services are not needed (the tests start private instances); Debian may start
# them on install, which is harmless: the tests never use their default ports or data.
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

for entry in "${SERVICES[@]}"; do
  package="${entry%%|*}"
  probe="${entry#*|}"
  if ! bash -c "$probe" >/dev/null 2>&1; then
    echo "error: installed $package but it is still not found." >&2
    exit 1
  fi
done
