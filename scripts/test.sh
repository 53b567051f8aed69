#!/usr/bin/env bash
# The whole test suite against throwaway PostgreSQL and RabbitMQ instances on free loopback ports.
# Extra arguments go to `dotnet test` (for example a project path, or --filter Name~Outbox).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh

ensure_packages
run_dir=$(mktemp -d /tmp/matchmaking-test.XXXXXX); chmod 755 "$run_dir"
cleanup() { stop_rabbitmq "$run_dir/rabbitmq"; stop_postgres "$run_dir/postgres"; rm -rf "$run_dir" 2>/dev/null || true; }
trap cleanup EXIT

pg_port=$(free_port); start_postgres "$run_dir/postgres" "$pg_port" fast
amqp_port=$(free_port); mgmt_port=$(free_port); start_rabbitmq "$run_dir/rabbitmq" "$amqp_port" "$mgmt_port"
export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
export TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
export TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mgmt_port/"
export TEST_RABBITMQ_DIR="$run_dir/rabbitmq"
echo "Test infrastructure: PostgreSQL on $pg_port, RabbitMQ on $amqp_port (management $mgmt_port)"

target=Matchmaking.sln
[ $# -gt 0 ] && [ -e "$1" ] && { target=$1; shift; }
log="$run_dir/test.log"
set +e
dotnet test "$target" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test assembly, in the plain 'N passed, N failed' form.
awk '/^ +(Passed|Failed|Skipped): [0-9]+$/ { n[$1] += $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"] }' "$log"
exit "$status"
