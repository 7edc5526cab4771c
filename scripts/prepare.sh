#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs what the project needs on a fresh machine (only the .NET SDK and Node.js
# are assumed) and builds everything. Sourced, not run.

inbox_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inbox_configuration="${INBOX_CONFIGURATION:-Release}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Azurite (and any other Node tool the scripts run), pinned by the root package-lock.json.
install_node_tools() {
  if [ ! -x "$inbox_root/node_modules/.bin/azurite" ] || [ "$inbox_root/package-lock.json" -nt "$inbox_root/node_modules/.package-lock.json" ]; then
    say "Installing Azurite (npm ci)"
    (cd "$inbox_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The front end: React + Vite, built into src/Gateway/wwwroot, which the gateway serves.
build_web() {
  local web="$inbox_root/src/Web"
  if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    say "Installing front-end packages (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  say "Building the front end"
  (cd "$web" && npm run build --silent)
}

build_dotnet() {
  say "Building the solution ($inbox_configuration)"
  (cd "$inbox_root" && dotnet build Inbox.sln -c "$inbox_configuration" --nologo -v quiet -clp:ErrorsOnly)
}

# Headless Chromium for the browser tests comes from Debian; never a downloaded browser.
install_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium' (the browser tests need /usr/bin/chromium)." >&2
    exit 1
  fi
  say "Installing Chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
}
