#!/usr/bin/env bash
# Conflict detection time for a programme of N sessions and M people (default 1,000 and 5,000; goal under 200 ms),
# printed next to a plain pairwise check of the same programme measured in the same run.
# Usage: bench/conflicts.sh [sessions=1000] [people=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/ForumManager.Bench.Conflicts -c Release -- "$@"
