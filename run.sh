#!/usr/bin/env bash
# Starts Inbox on this machine: Azurite, one silo, the gateway (which serves the web app), with a demo organisation,
# and the platform simulator standing in for WhatsApp, Messenger, Instagram, Telegram, LINE and WeChat, sending a
# trickle of customer traffic on every demo channel.
# Data is kept in .data/ between runs. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prepare.sh

http_port="${INBOX_HTTP_PORT:-5080}"
silo_http_port="${INBOX_SILO_HTTP_PORT:-5081}"
simulator_port="${INBOX_SIMULATOR_PORT:-5082}"
silo_port="${INBOX_SILO_PORT:-11111}"
gateway_port="${INBOX_GATEWAY_PORT:-30000}"
blob_port="${INBOX_AZURITE_BLOB_PORT:-10000}"
queue_port="${INBOX_AZURITE_QUEUE_PORT:-10001}"
table_port="${INBOX_AZURITE_TABLE_PORT:-10002}"
data="$inbox_root/.data"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$http_port" "$silo_http_port" "$simulator_port" "$silo_port" "$gateway_port" "$blob_port" "$queue_port" "$table_port"; do
  if port_in_use "$port"; then
    echo "Port $port is already in use on 127.0.0.1. Stop what uses it, or choose other ports (see README, Configuration)." >&2
    exit 1
  fi
done

install_node_tools
build_web
build_dotnet

# Each process runs in its own session, so Ctrl-C reaches only this script, which then stops them in order:
# gateway, silo (leaves the cluster cleanly while storage is still up), then Azurite.
pids=()
stop_all() {
  trap - INT TERM EXIT
  say "Stopping"
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    kill -TERM "${pids[$i]}" 2>/dev/null || continue
    for _ in $(seq 1 60); do kill -0 "${pids[$i]}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

wait_for() { # name url-or-port pid
  for _ in $(seq 1 120); do
    if [[ "$2" =~ ^[0-9]+$ ]]; then port_in_use "$2" && return 0; else curl -sf -o /dev/null "$2" && return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "$1 exited during start-up; its log is in $data/logs." >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 did not become ready in 60 s; its log is in $data/logs." >&2
  exit 1
}

mkdir -p "$data/azurite" "$data/logs"
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
# The key ring (session cookies, channel secrets) lives in blob storage, encrypted with this certificate, made on first run.
export Inbox__DataProtection__CertificatePath="$data/dataprotection.pfx" Inbox__DataProtection__CreateCertificateIfMissing=true
export Inbox__Storage__ConnectionString="$storage" Inbox__Cluster__Mode=AzureTable Inbox__Cluster__SiloPort="$silo_port" Inbox__Cluster__GatewayPort="$gateway_port"

say "Starting Azurite (data in .data/azurite)"
setsid "$inbox_root/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose --location "$data/azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" >"$data/logs/azurite.log" 2>&1 &
pids+=($!)
wait_for Azurite "$table_port" "${pids[-1]}"

# The silo sends to the platforms through the simulator; LINE fetches agents' images from the gateway.
simulator="http://127.0.0.1:$simulator_port"
export Inbox__Channels__BaseUrls__whatsapp="$simulator/whatsapp/v21.0/" Inbox__Channels__BaseUrls__messenger="$simulator/messenger/v21.0/" \
  Inbox__Channels__BaseUrls__instagram="$simulator/instagram/v21.0/" Inbox__Channels__BaseUrls__telegram="$simulator/telegram/" \
  Inbox__Channels__BaseUrls__line="$simulator/line/" Inbox__Channels__BaseUrls__wechat="$simulator/wechat/" \
  Inbox__Channels__PublicMediaUrl="http://127.0.0.1:$http_port/"

say "Starting the silo"
(cd src/Silo && export Urls="http://127.0.0.1:$silo_http_port" Inbox__Seed__Enabled=true \
  && exec setsid dotnet "bin/$inbox_configuration/net10.0/Inbox.Silo.dll") >"$data/logs/silo.log" 2>&1 &
pids+=($!)
wait_for Silo "http://127.0.0.1:$silo_http_port/health/ready" "${pids[-1]}"

say "Starting the gateway"
(cd src/Gateway && export Urls="http://127.0.0.1:$http_port" && exec setsid dotnet "bin/$inbox_configuration/net10.0/Inbox.Gateway.dll") >"$data/logs/gateway.log" 2>&1 &
pids+=($!)
wait_for Gateway "http://127.0.0.1:$http_port/health/ready" "${pids[-1]}"

say "Starting the platform simulator (demo customers write in every ${INBOX_DEMO_INTERVAL_SECONDS:-12} s)"
(cd src/Simulator && export Urls="$simulator" Simulator__Demo__Enabled=true Simulator__Demo__InboxUrl="http://127.0.0.1:$http_port/" \
  Simulator__Demo__SelfUrl="$simulator/" Simulator__Demo__SeedFile="$inbox_root/src/Silo/appsettings.json" \
  Simulator__Demo__IntervalSeconds="${INBOX_DEMO_INTERVAL_SECONDS:-12}" \
  && exec setsid dotnet "bin/$inbox_configuration/net10.0/Inbox.Simulator.dll") >"$data/logs/simulator.log" 2>&1 &
pids+=($!)
wait_for Simulator "$simulator/" "${pids[-1]}"

cat <<MSG

  Inbox is running.

  Agent inbox:       http://127.0.0.1:$http_port/
    agent            agent@acme.test        / demo-agent
    supervisor       supervisor@acme.test   / demo-supervisor
    admin            admin@acme.test        / demo-admin
  Demo web chat:     http://127.0.0.1:$http_port/widget.html?websiteToken=demo-website-token
  Platforms:         the simulator at $simulator/ (WhatsApp, Messenger, Instagram, Telegram, LINE, WeChat);
                     demo customers write in on every demo channel; requests it received: $simulator/simulator/requests
  API (OpenAPI):     http://127.0.0.1:$http_port/openapi/v1.json
  Logs:              .data/logs/

  Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}" || true
echo "A process stopped unexpectedly; see .data/logs/." >&2
exit 1
