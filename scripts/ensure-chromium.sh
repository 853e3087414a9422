#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright-core cannot download a browser here).
# Installs it with apt-get when it is missing and we are root; otherwise says how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian's chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: $CHROMIUM not found: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH" >&2
exit 1
