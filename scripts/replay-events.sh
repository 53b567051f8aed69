#!/usr/bin/env bash
# Re-announces every published product and every open need (at their current versions) for the platform that
# scripts/start.sh runs, so a consumer whose read model started empty after them (a new matching database) catches up;
# consumers that already hold those versions ignore them. Elsewhere run the same verbs with each service's configuration:
#   dotnet Catalogue.Api.dll replay-published-products
#   dotnet Needs.Api.dll replay-open-needs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state=${MATCHMAKING_STATE:-$root/.local}
[ -f "$state/platform.env" ] || { echo "The platform is not running: start it with scripts/start.sh first." >&2; exit 1; }
mapfile -t settings < "$state/platform.env" # KEY=VALUE lines; names like ConnectionStrings__catalogue-db are not shell variables
for project in Catalogue Needs; do
  dll=services/$project/bin/Release/net10.0/$project.Api.dll
  [ -f "$dll" ] || dotnet build "services/$project" -c Release -v quiet -nologo
done
(cd services/Catalogue/bin/Release/net10.0 && env "${settings[@]}" dotnet Catalogue.Api.dll replay-published-products)
(cd services/Needs/bin/Release/net10.0 && env "${settings[@]}" Identity__Audience=needs-api dotnet Needs.Api.dll replay-open-needs)
