#!/usr/bin/env bash
# Installs what the tests need and runs every test: unit, grain (Orleans test cluster on Azurite), end-to-end (real
# Azurite + silo + gateway processes, real SignalR clients) and browser (headless Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prepare.sh

install_chromium
install_node_tools
build_web
build_dotnet

say "Running the tests"
log="$(mktemp)"
status=0
# The benchmark harness's smoke run loads both cores on purpose, so it runs after the other test assemblies (which
# run in parallel with each other), not beside their timing-sensitive tests (session idle expiry, live delivery).
dotnet test Inbox.sln -c "$inbox_configuration" --no-build --nologo --filter "FullyQualifiedName!~Inbox.Bench.Tests" 2>&1 | tee "$log" || status=$?
dotnet test tests/Inbox.Bench.Tests -c "$inbox_configuration" --no-build --nologo 2>&1 | tee -a "$log" || status=$?

# One closing line for every runner that reads it: totals over all test assemblies.
awk '/(Passed|Failed)! +- +Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
