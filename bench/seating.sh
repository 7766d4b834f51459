#!/usr/bin/env bash
# Seating by precedence for N people at M round tables of 10 (default 2,000 and 200; goal a few milliseconds), then
# twice as many in the same run, to show how the work grows; the conflicts check is timed alongside.
# Usage: bench/seating.sh [people=2000] [tables=200]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/ForumManager.Bench.Seating -c Release -- "$@"
