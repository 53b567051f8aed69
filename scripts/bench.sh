#!/usr/bin/env bash
# The shipped benchmarks: starts throwaway PostgreSQL and RabbitMQ, launches the platform from a Release build
# and prints the figures as Markdown (copy them into BENCHMARKS.md). Arguments go to the benchmark program.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh

ensure_packages
run_dir=$(mktemp -d /tmp/matchmaking-bench.XXXXXX); chmod 755 "$run_dir"
cleanup() { stop_rabbitmq "$run_dir/rabbitmq"; stop_postgres "$run_dir/postgres"; rm -rf "$run_dir" 2>/dev/null || true; }
trap cleanup EXIT

pg_port=$(free_port); start_postgres "$run_dir/postgres" "$pg_port" fast
amqp_port=$(free_port); mgmt_port=$(free_port); start_rabbitmq "$run_dir/rabbitmq" "$amqp_port" "$mgmt_port"
export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
export TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
export TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mgmt_port/"

dotnet build benchmarks/Matchmaking.Benchmarks -c Release -v quiet -nologo
dotnet benchmarks/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll "$@"
