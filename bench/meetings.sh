#!/usr/bin/env bash
# Time to schedule N bilateral meeting requests together (default 300; goal under 100 ms), and how it grows when the
# requests, people, rooms and interpreters double, then double again.
# Usage: bench/meetings.sh [requests=300]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/ForumManager.Bench.Meetings -c Release -- "$@"
