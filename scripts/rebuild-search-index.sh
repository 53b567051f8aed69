#!/usr/bin/env bash
# Rebuilds the product search index from the catalogue's own tables, for the platform that scripts/start.sh runs.
# Elsewhere (a container, a Kubernetes Job) run the same verb with the service's configuration:
#   dotnet Catalogue.Api.dll rebuild-search-index
set -euo pipefail
cd "$(dirname "$0")/.."
state=${MATCHMAKING_STATE:-$(pwd)/.local}
[ -f "$state/platform.env" ] || { echo "The platform is not running: start it with scripts/start.sh first." >&2; exit 1; }
mapfile -t settings < "$state/platform.env" # KEY=VALUE lines; names like ConnectionStrings__catalogue-db are not shell variables
dll=services/Catalogue/bin/Release/net10.0/Catalogue.Api.dll
[ -f "$dll" ] || dotnet build services/Catalogue -c Release -v quiet -nologo
cd "$(dirname "$dll")" && exec env "${settings[@]}" dotnet Catalogue.Api.dll rebuild-search-index
