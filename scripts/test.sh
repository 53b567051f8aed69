#!/usr/bin/env bash
# The whole test suite against throwaway PostgreSQL and RabbitMQ instances on free loopback ports.
# Extra arguments go to `dotnet test` (a project path first, and/or options such as --filter Name~Outbox).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh

ensure_packages
start_throwaway_infra

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
