#!/usr/bin/env bash
# Private PostgreSQL and RabbitMQ instances on loopback, for the start and test commands.
# Sourced, not run. Never touches a system service: every instance lives under a folder we own.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_packages() {
  local missing=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
  [ -f "/usr/share/postgresql/$(basename "$(dirname "$(pg_bin)")" 2>/dev/null)/extension/unaccent.control" ] || missing+=(postgresql-contrib)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing from Debian's packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # policy-rc.d keeps apt from starting system services we do not use.
    as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    as_root rm -f /usr/sbin/policy-rc.d
  fi
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Below the kernel's ephemeral range, so a port that looks free is not the local end of some outgoing
# connection (nothing listens there, yet binding it fails).
free_port() {
  local p low=32768 span
  read -r low _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  span=$(( low > 21000 ? low - 20000 : 10000 ))
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % span ))
    if port_free "$p"; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

wait_port() { # port seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do port_free "$1" || return 0; sleep 0.2; done
  echo "nothing listened on port $1 within $2 s" >&2; return 1
}

# start_postgres DIR PORT [fast]: initdb on first use, then start; a second run reuses the data.
start_postgres() {
  local dir=$1 port=$2 fast=${3:-} bin; bin=$(pg_bin)
  mkdir -p "$dir"; as_root chown postgres:postgres "$dir"; chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    printf 'postgres' > "$dir/.pw"; as_root chown postgres "$dir/.pw"
    as_root runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/.pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  fi
  local opts="-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300"
  # Throwaway test clusters need no durability.
  [ -n "$fast" ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if ! as_root runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$opts" -w -t 60 start >/dev/null; then
    echo "PostgreSQL did not start; the end of its log:" >&2
    tail -n 5 "$dir/postgres.log" >&2 || true
    return 1
  fi
}

# start_postgres_retrying DIR [fast]: as start_postgres on a free port, once more on a fresh port if the first start
# fails (a port taken between choosing it and binding it). Sets pg_port.
start_postgres_retrying() {
  pg_port=$(free_port)
  start_postgres "$1" "$pg_port" "${2:-}" && return 0
  pg_port=$(free_port)
  start_postgres "$1" "$pg_port" "${2:-}"
}

stop_postgres() { as_root runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true; }

# start_rabbitmq DIR PORT MGMT_PORT: a private node with its own epmd and distribution ports.
start_rabbitmq() {
  local dir=$1 port=$2 mgmt=$3
  mkdir -p "$dir/mnesia" "$dir/log" "$dir/home"
  local epmd=$(( port + 1 )) dist=$(( port + 2 ))
  port_free $epmd || epmd=$(free_port); port_free $dist || dist=$(free_port)
  cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$port
management.tcp.port = $mgmt
management.tcp.ip = 127.0.0.1
loopback_users = none
default_user = guest
default_pass = guest
CONF
  echo '[rabbitmq_management].' > "$dir/enabled_plugins"
  cat > "$dir/env" <<ENV
export HOME=$dir/home RABBITMQ_NODENAME=rabbit-$port@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins RABBITMQ_DIST_PORT=$dist ERL_EPMD_PORT=$epmd
export RABBITMQ_PID_FILE=$dir/rabbit.pid
ENV
  as_root chown -R rabbitmq:rabbitmq "$dir"
  as_root runuser -u rabbitmq -- bash -c "source '$dir/env'; setsid /usr/lib/rabbitmq/bin/rabbitmq-server >'$dir/log/console.log' 2>&1 &"
  if ! wait_port "$port" 90 || ! wait_port "$mgmt" 60; then
    echo "RabbitMQ did not start; the end of its log:" >&2
    tail -n 15 "$dir/log/console.log" "$dir"/log/*@localhost.log 2>/dev/null >&2 || true
    return 1
  fi
}

# start_rabbitmq_retrying DIR: as start_rabbitmq on free ports, once more on fresh ports if the first start fails
# (a port taken between choosing it and binding it). Sets amqp_port and mgmt_port.
start_rabbitmq_retrying() {
  local dir=$1
  amqp_port=$(free_port); mgmt_port=$(free_port)
  start_rabbitmq "$dir" "$amqp_port" "$mgmt_port" && return 0
  stop_rabbitmq "$dir"
  amqp_port=$(free_port); mgmt_port=$(free_port)
  start_rabbitmq "$dir" "$amqp_port" "$mgmt_port"
}

stop_rabbitmq() {
  local dir=$1 epmd_port pid
  [ -f "$dir/env" ] || return 0
  as_root runuser -u rabbitmq -- bash -c "source '$dir/env'; /usr/lib/rabbitmq/bin/rabbitmqctl stop >/dev/null 2>&1; epmd -port \$ERL_EPMD_PORT -kill >/dev/null 2>&1" || true
  # A node that never finished starting ignores rabbitmqctl, and epmd can outlive -kill: end both by pid.
  pid=$(cat "$dir/rabbit.pid" 2>/dev/null || true)
  [ -n "$pid" ] && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = beam.smp ] && as_root kill "$pid" 2>/dev/null || true
  epmd_port=$(sed -n 's/.*ERL_EPMD_PORT=\([0-9]*\).*/\1/p' "$dir/env")
  pid=$(ss -ltnpH "sport = :$epmd_port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
  [ -n "$pid" ] && as_root kill "$pid" 2>/dev/null || true
}

# start_throwaway_infra: PostgreSQL and RabbitMQ in a temp folder on free ports, stopped and removed when the calling
# script exits; exports what the test fixtures read (TEST_POSTGRES, TEST_RABBITMQ, TEST_RABBITMQ_MANAGEMENT).
start_throwaway_infra() {
  run_dir=$(mktemp -d /tmp/matchmaking.XXXXXX); chmod 755 "$run_dir"
  trap 'stop_rabbitmq "$run_dir/rabbitmq"; stop_postgres "$run_dir/postgres"; rm -rf "$run_dir" 2>/dev/null || true' EXIT
  start_postgres_retrying "$run_dir/postgres" fast
  start_rabbitmq_retrying "$run_dir/rabbitmq"
  export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
  export TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
  export TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mgmt_port/"
  echo "Throwaway infrastructure: PostgreSQL on $pg_port, RabbitMQ on $amqp_port (management $mgmt_port)"
}
