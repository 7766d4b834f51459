#!/usr/bin/env bash
# The delegates list over the API at scale: the demo forum seeded with 20,000 delegates by the app's own seed-demo verb,
# /api/v1/delegates paged through with limit 100 one request at a time, and as the baseline in the same run a static
# file of the same bytes as one page served by the same app. Prints p50 and p95 per page for both and their ratio.
# Usage: bench/api.sh [delegates=20000] [limit=100] [rounds=3]
# The calls carry a real API token (a row made in the database, Authorization: Bearer).
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_TEST_CONTENTROOT_FORUMMANAGER_WEB="$(pwd)/src/ForumManager.Web"
dotnet build src/ForumManager.Web -c Release --nologo -v quiet >/dev/null
dotnet run --project bench/ForumManager.Bench.Api -c Release -- "${1:-20000}" "${2:-100}" "${3:-3}"
