#!/usr/bin/env bash
# The shipped benchmarks: starts throwaway PostgreSQL and RabbitMQ, launches the platform from a Release build
# and prints the figures as Markdown (copy them into BENCHMARKS.md). Arguments go to the benchmark program:
#   [read|search|matching|contracts|all] [seconds-per-round] [products] [publishes] [open-needs] [match-samples]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh

ensure_packages
start_throwaway_infra
dotnet build benchmarks/Matchmaking.Benchmarks -c Release -v quiet -nologo
dotnet benchmarks/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll "$@"
