#!/usr/bin/env bash
# Installs Debian's Chromium for the Playwright tests when /usr/bin/chromium is missing.
# Playwright's own browser download is not used: it needs network access this setup may not have.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

echo "Chromium is missing: installing Debian's chromium package…"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "error: /usr/bin/chromium is missing and this user cannot install it (not root, no sudo)." >&2
  echo "Install it with: apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand." >&2
  exit 1
fi

"${SUDO[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y chromium

if [ ! -x /usr/bin/chromium ]; then
  echo "error: installed the chromium package but /usr/bin/chromium is still missing." >&2
  exit 1
fi
