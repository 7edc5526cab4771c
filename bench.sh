#!/usr/bin/env bash
# Measures the inbox against this machine's own limits, in one run (about 10 minutes with the default 60 s phases):
# writes bench/results/<time>.json and the table in docs/benchmarks.md. Options: --seconds N, --workers N, --no-docs.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prepare.sh

install_node_tools
build_web
build_dotnet

say "Running the benchmarks"
exec dotnet "bench/Inbox.Bench/bin/$inbox_configuration/net10.0/Inbox.Bench.dll" "$@"
