#!/usr/bin/env bash
# The two commands of the README, each complete on a fresh machine:
#   bash scripts/glance.sh demo   build the extension and run it on the built-in sample book
#   bash scripts/glance.sh test   unit, component and end-to-end tests (real Chromium and Firefox)
set -euo pipefail
cd "$(dirname "$0")/.."

install_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return; fi
  echo "Installing Debian's Chromium (needed for end-to-end tests and the demo)…"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

install_firefox() {
  if [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then return; fi
  echo "Installing Debian's Firefox ESR (needed for the Firefox end-to-end tests)…"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq firefox-esr >/dev/null
}

install_node_modules() {
  # Reinstall when node_modules is missing or older than the lockfile.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

case "${1:-}" in
  test)
    install_chromium
    install_firefox
    install_node_modules
    npm test
    ;;
  demo)
    install_chromium
    install_node_modules
    npm run demo
    ;;
  *)
    echo "usage: bash scripts/glance.sh test|demo" >&2
    exit 2
    ;;
esac
