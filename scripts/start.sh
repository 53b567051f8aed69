#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL and RabbitMQ (private instances under .local/),
# every service, the gateway and the demo data. Ctrl-C stops everything it started; a second run reuses the data.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/infra.sh

GATEWAY_PORT=${GATEWAY_PORT:-8080}
state=${MATCHMAKING_STATE:-$root/.local}
mkdir -p "$state/logs" "$state/keys"; chmod 755 "$state"
gateway="http://127.0.0.1:$GATEWAY_PORT"

ensure_packages
pids=()
cleanup() {
  # Finish stopping whatever happens to the terminal or a pipe reading our output (Ctrl-C reaches them too).
  trap - INT TERM EXIT; trap '' PIPE; set +e
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$state/platform.env"
  stop_rabbitmq "$state/rabbitmq"; stop_postgres "$state/postgres"
  echo "Stopped. Data stays in $state (delete it to start afresh)."
}
trap cleanup INT TERM EXIT

port_free "$GATEWAY_PORT" || { echo "Port $GATEWAY_PORT is taken; set GATEWAY_PORT" >&2; exit 1; }
start_postgres_retrying "$state/postgres"
start_rabbitmq_retrying "$state/rabbitmq"
echo "PostgreSQL on 127.0.0.1:$pg_port, RabbitMQ on 127.0.0.1:$amqp_port (management http://127.0.0.1:$mgmt_port, guest/guest)"

echo "Building..."
dotnet build Matchmaking.sln -c Release -v quiet -nologo >"$state/logs/build.log" 2>&1 || { tail -n 30 "$state/logs/build.log"; exit 1; }

pg="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
export ConnectionStrings__rabbitmq="amqp://guest:guest@127.0.0.1:$amqp_port/"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Identity__Issuer="$gateway/"
identity_port=$(free_port); catalogue_port=$(free_port); needs_port=$(free_port); matching_port=$(free_port); contracts_port=$(free_port)
# The contract service encrypts the private keys of its certificate authority and of every organisation's signing
# certificate with this master key. It is made once per state folder; a real deployment takes it from its secret store.
[ -s "$state/contracts-master.key" ] || (umask 077; openssl rand -base64 32 >"$state/contracts-master.key")
# What one-off commands (scripts/rebuild-search-index.sh, scripts/replay-events.sh) need to reach this running platform.
cat > "$state/platform.env" <<ENV
ConnectionStrings__catalogue-db=$pg;Database=catalogue
ConnectionStrings__needs-db=$pg;Database=needs
ConnectionStrings__rabbitmq=$ConnectionStrings__rabbitmq
Identity__Url=http://127.0.0.1:$identity_port
Identity__Issuer=$gateway/
Identity__Audience=catalogue-api
ENV
export Identity__Url="http://127.0.0.1:$identity_port"

# run NAME PORT DLL [VAR=VALUE...]: one service in the background, its log under .local/logs.
run() {
  local name=$1 port=$2 dll=$3; shift 3
  # Each service runs from its output folder, where its appsettings.json is.
  (cd "$(dirname "$dll")" && exec env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$(basename "$dll")") >"$state/logs/$name.log" 2>&1 &
  pids+=($!)
}
wait_ready() { # name url
  for _ in $(seq 1 120); do
    curl -sf "$2/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$1 did not become ready; see $state/logs/$1.log" >&2; tail -n 20 "$state/logs/$1.log" >&2; exit 1
}

run identity "$identity_port" services/Identity/bin/Release/net10.0/Identity.Api.dll \
  "ConnectionStrings__identity-db=$pg;Database=identity" Identity__Audience=identity-api Identity__KeyDirectory="$state/keys" \
  Bootstrap__ProgrammeOffice__Email=office@greenlink.demo Bootstrap__ProgrammeOffice__Password='Demo@12345' \
  Identity__PortalRedirectUris__0="$gateway/signin-callback"
run catalogue "$catalogue_port" services/Catalogue/bin/Release/net10.0/Catalogue.Api.dll \
  "ConnectionStrings__catalogue-db=$pg;Database=catalogue" Identity__Audience=catalogue-api
run needs "$needs_port" services/Needs/bin/Release/net10.0/Needs.Api.dll \
  "ConnectionStrings__needs-db=$pg;Database=needs" Identity__Audience=needs-api
run matching "$matching_port" services/Matching/bin/Release/net10.0/Matching.Api.dll \
  "ConnectionStrings__matching-db=$pg;Database=matching" Identity__Audience=matching-api
run contracts "$contracts_port" services/Contracts/bin/Release/net10.0/Contracts.Api.dll \
  "ConnectionStrings__contracts-db=$pg;Database=contracts" Identity__Audience=contracts-api \
  Signing__MasterKey="$(cat "$state/contracts-master.key")"
wait_ready identity "http://127.0.0.1:$identity_port"
wait_ready catalogue "http://127.0.0.1:$catalogue_port"
wait_ready needs "http://127.0.0.1:$needs_port"
wait_ready matching "http://127.0.0.1:$matching_port"
wait_ready contracts "http://127.0.0.1:$contracts_port"
run gateway "$GATEWAY_PORT" gateway/bin/Release/net10.0/Matchmaking.Gateway.dll Identity__Audience=identity-api \
  ReverseProxy__Clusters__identity__Destinations__primary__Address="http://127.0.0.1:$identity_port/" \
  ReverseProxy__Clusters__catalogue__Destinations__primary__Address="http://127.0.0.1:$catalogue_port/" \
  ReverseProxy__Clusters__needs__Destinations__primary__Address="http://127.0.0.1:$needs_port/" \
  ReverseProxy__Clusters__matching__Destinations__primary__Address="http://127.0.0.1:$matching_port/" \
  ReverseProxy__Clusters__contracts__Destinations__primary__Address="http://127.0.0.1:$contracts_port/"
wait_ready gateway "$gateway"

echo "Loading demo data..."
dotnet tools/Matchmaking.DemoData/bin/Release/net10.0/Matchmaking.DemoData.dll "$gateway" | tee "$state/logs/demo-data.log"

cat <<MSG

Green Link is running.
  Gateway and portal:  $gateway
  API reference:       $gateway/scalar
  Health:              $gateway/health/ready
  Logs:                $state/logs
Demo sign-ins (password Demo@12345 for all):
  programme office     office@greenlink.demo
  supplier             owner@gom-bat-trang.demo     (Bát Tràng ceramics)
  supplier             owner@may-tre-phu-vinh.demo  (Phú Vinh bamboo and rattan: a partnership request waits for its answer)
  supplier             owner@bao-bi-xanh.demo       (biodegradable bags: accepted the retailer's partnership and signed the agreement)
  retailer             buyer@sieuthi-xanh.demo      (a supermarket chain: three open needs with ranked matches, one agreement to sign)
Press Ctrl-C to stop everything.
MSG
wait "${pids[@]}"
